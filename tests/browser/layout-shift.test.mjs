// Pages that do not jump: every public page, Arabic and English, loaded as a phone on a slow
// connection would load it, shifts its layout by at most LAYOUT_SHIFT_BUDGET (0.02) from the first byte
// until it has settled. For a visitor with low vision or a tremor, a page that moves under the finger
// is a mis-tap.
//
// The network and CPU are throttled as Lighthouse's default mobile run simulates them (150 ms round
// trip, 1.6 Mbit/s down, CPU 4× slower), so late arrivals (fonts, the association's details, a
// module's rendering) land after first paint as they would in the field; on loopback without
// throttling everything arrives before the first frame and nothing can be seen to shift.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, url, observeLayoutShift, layoutShift, LAYOUT_SHIFT_BUDGET, registerKiosk } from './helpers.mjs';

const PUBLIC_PAGES = ['/', '/request/', '/track/', '/info/', '/privacy/', '/kiosk/', '/kiosk/feedback/?kiosk={kiosk}', '/survey/'];
const PHONE = { width: 412, height: 823 };

let browser;
// The exit-feedback page of a registered tablet: an unregistered one shows another screen.
let kiosk;
before(async () => { browser = await launch(); kiosk = await registerKiosk('Layout-shift tablet'); });
after(async () => { await browser?.close(); });

for (const lang of ['ar', 'en']) {
  for (const path of PUBLIC_PAGES) {
    const page$ = lang === 'en' ? `/en${path}` : path;
    test(`layout shift ${page$} ≤ ${LAYOUT_SHIFT_BUDGET} at phone size on a slow connection`, async () => {
      const page = await browser.context.newPage();
      try {
        await page.setViewportSize(PHONE);
        const cdp = await browser.context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
        await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
        await observeLayoutShift(page);
        await page.goto(url(page$.replace('{kiosk}', kiosk.id)), { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(1000); // a late render after the last response would still count
        const { total, shifts } = await layoutShift(page);
        assert.ok(total <= LAYOUT_SHIFT_BUDGET, `${page$} shifted ${total.toFixed(4)} (budget ${LAYOUT_SHIFT_BUDGET}):\n  ${shifts.join('\n  ')}`);
      } finally {
        await page.close();
      }
    });
  }
}
