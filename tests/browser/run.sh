#!/usr/bin/env bash
# Runs the browser tests against BASE_URL (the local runner, `./run --port N`); EMULATOR_URL is the
# moto behind it (default ./run's http://127.0.0.1:4566), for the one test that seeds the table.
# Uses Debian's /usr/bin/chromium; never downloads a browser.
# The kiosk screenshots are written to docs/screenshots/ (SCREENSHOT_DIR overrides); Lighthouse scores
# go to $LIGHTHOUSE_JSON when set.
set -euo pipefail
cd "$(dirname "$0")"
: "${BASE_URL:?set BASE_URL, e.g. BASE_URL=http://127.0.0.1:3000}"
export BASE_URL
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] || [ ! -d node_modules/lighthouse ] || [ ! -d node_modules/jsqr ]; then
  npm ci --no-audit --no-fund
fi
if [ "$#" -eq 0 ]; then set -- axe.test.mjs request-flow.test.mjs staff-queue.test.mjs staff-volunteer.test.mjs staff-confidential.test.mjs staff-privacy.test.mjs kiosk-flow.test.mjs kiosk-privacy.test.mjs \
  kiosk-steps.test.mjs display-settings.test.mjs lighthouse.test.mjs staff-axe.test.mjs staff-flow.test.mjs staff-conversation.test.mjs staff-reports.test.mjs staff-reports-truth.test.mjs staff-delivery.test.mjs staff-xss.test.mjs \
  survey-page.test.mjs staff-follow-ups.test.mjs kiosk-feedback.test.mjs staff-kiosks.test.mjs staff-cognito.test.mjs documents-flow.test.mjs layout-shift.test.mjs \
  contact-choice.test.mjs staff-register.test.mjs \
  anonymous-complaint.test.mjs; fi
exec node --test --test-concurrency=1 "$@"
