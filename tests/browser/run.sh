#!/usr/bin/env bash
# Runs the browser tests against BASE_URL (the local runner `./run --port N`, or
# `node mock-api.mjs --port N` during development). Uses Debian's /usr/bin/chromium; never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")"
: "${BASE_URL:?set BASE_URL, e.g. BASE_URL=http://127.0.0.1:3000}"
export BASE_URL
if [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ]; then
  npm ci --no-audit --no-fund
fi
if [ "$#" -eq 0 ]; then set -- css-logical.test.mjs axe.test.mjs request-flow.test.mjs kiosk-flow.test.mjs; fi
exec node --test --test-concurrency=1 "$@"
