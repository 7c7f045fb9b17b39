// A phone's finger, through Playwright's touchscreen and DevTools' touch events (a mobile
// context with touch, 390 × 844): a tap on a chart shows its tooltip, a handle dragged by touch
// moves the years, and a tap made before the app starts is applied once it does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const phone = { width: 390, height: 844, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const boxOf = (page, sel) => page.$eval(sel, (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });

test('a tap on a chart shows the tooltip of the bar under the finger, and another tap moves it', async () => {
  const { page, context, problems } = await openPage(browser, server.url, phone);
  await ready(page);
  const box = await boxOf(page, '#chart-quality canvas');
  // Taps from the left edge rightwards, at mid-height: the first that lands on a bar shows the
  // first year (wherever the layout puts it); then a tap near the right edge shows the last.
  let first = null;
  for (let x = 2; x < box.w / 2 && !first; x += 8) {
    await page.touchscreen.tap(box.x + x, box.y + box.h / 2);
    first = await page.evaluate(() => document.querySelector('#chart-quality .tooltip')?.textContent ?? null);
  }
  assert.match(first, /2008/, first);
  assert.match(first, /53 \/ 78/, first);
  await page.touchscreen.tap(box.x + box.w - 12, box.y + box.h / 2);
  await page.waitForFunction(() => /2017/.test(document.querySelector('#chart-quality .tooltip')?.textContent));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a handle dragged by touch moves the years, and every table follows', async () => {
  const { page, context, problems } = await openPage(browser, server.url, phone);
  await ready(page);
  const cdp = await context.newCDPSession(page);
  const box = await boxOf(page, '#year-to');
  const y = box.y + box.h / 2;
  const touch = (type, x) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  // The "to" thumb sits at the right end; three years to the left.
  const step = (box.w - 20) / 9;
  await touch('touchStart', box.x + box.w - 10);
  for (let i = 1; i <= 8; i++) await touch('touchMove', box.x + box.w - 10 - (step * 3 * i) / 8);
  await touch('touchEnd');
  await page.waitForFunction(() => document.querySelector('.range-value').textContent === '2008–2014');
  assert.equal(await page.inputValue('#year-to'), '2014');
  const last = await page.$$eval('#table-quality tbody th', (ths) => ths.at(-1).textContent);
  assert.equal(last, '2014');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('time') === '2008..2014');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a tap before the app starts is kept and applied once it has', async () => {
  const { page, context, problems } = await openPage(browser, null, phone);
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(server.url);
  await page.waitForFunction(() => window.tccsEarly);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('app-ready')), false, 'the app has not started');
  await page.$eval('#chart-quality .toggle-table', (b) => b.scrollIntoView({ block: 'center' }));
  const button = await boxOf(page, '#chart-quality .toggle-table');
  await page.touchscreen.tap(button.x + button.w / 2, button.y + button.h / 2);
  assert.equal(await page.getAttribute('#chart-quality .toggle-table', 'aria-busy'), 'true', 'the tap was taken, waiting for the app');
  release();
  await ready(page);
  await page.waitForFunction(() => document.querySelector('#chart-quality .toggle-table').getAttribute('aria-expanded') === 'true');
  assert.ok(await page.isVisible('#table-quality'), 'the table the finger asked for is shown');
  assert.deepEqual(problems, []);
  await context.close();
});
