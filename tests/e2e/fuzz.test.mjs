// 1,000 seeded random interactions — clicks, keys, resizes, URL changes, messages with random
// payloads — must produce no console error, no page error, and a page that still draws.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, canvasInfo } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

function rng(seed) {
  let s = seed >>> 0;
  return () => { s ^= s << 13; s >>>= 0; s ^= s >> 17; s ^= s << 5; s >>>= 0; return s / 4294967296; };
}

const QUERIES = ['', '?time=2010..2012', '?time=abc', '?time=%', '?lang=en', '?chart=members', '?chart=<b>',
  '?time=2017..2008&lang=xx', '?tab=sources', '?embed=1&chart=rate', '?time=' + '9'.repeat(40), '?%E0%A4=1&&&=='];
const KEYS = ['Tab', 'Shift+Tab', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Enter', ' ', 'Escape'];
const PAYLOADS = [null, 0, 'x', [], {}, { type: 'tccs:set', time: 'latest' }, { type: 'tccs:set', time: 42 }, { 'datawrapper-height': 5 }, { sentinel: 'amp' }, { type: 'tccs:set', lang: {} }];

// Chromium's renderer process itself crashed once in about ten full runs (2026-12-07, "Target
// crashed" on a click, the same seed passing in every run before and after): that is the
// browser's fault or the app's, and one run cannot tell. So a crash is said, and the same seed is
// run again in a new page; a second crash fails the test (an app that crashes the renderer
// crashes it again). Any other failure fails at once.
test('1,000 random interactions: no errors, still drawing', async () => {
  const seed = Number(process.env.FUZZ_SEED || 20171231);
  try {
    await interactions(seed);
  } catch (e) {
    if (!/Target crashed/.test(e.message)) throw e;
    console.error(`fuzz: seed ${seed}: Chromium's renderer crashed (${e.message.split('\n')[0]}); the same seed again in a new page`);
    await interactions(seed);
  }
});

async function interactions(seed) {
  const rand = rng(seed);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const { page, problems, context } = await openPage(browser, server.url, { width: 900, height: 900 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  page.on('download', (d) => d.cancel().catch(() => {}));
  await ready(page);
  const counts = {};
  for (let i = 0; i < 1000; i++) {
    const kind = pick(['click', 'click', 'key', 'key', 'key', 'resize', 'url', 'message', 'hover']);
    counts[kind] = (counts[kind] || 0) + 1;
    try {
      if (kind === 'click') {
        const els = await page.$$('button:visible, summary:visible, select:visible, .plot:visible');
        if (els.length) await pick(els).click({ timeout: 500, force: true });
        if (await page.$('dialog[open]') && rand() < 0.7) await page.keyboard.press('Escape');
      } else if (kind === 'key') {
        await page.keyboard.press(pick(KEYS));
      } else if (kind === 'resize') {
        await page.setViewportSize({ width: 280 + Math.floor(rand() * 1320), height: 500 + Math.floor(rand() * 600) });
      } else if (kind === 'url') {
        if (rand() < 0.1) { await page.goto(server.url + pick(QUERIES)); await page.waitForSelector('html.app-ready'); }
      } else if (kind === 'message') {
        await page.evaluate((m) => window.postMessage(m, '*'), pick(PAYLOADS));
      } else if (kind === 'hover') {
        await page.mouse.move(rand() * 900, rand() * 900);
      }
    } catch (e) {
      // An element that went away between listing and clicking is not a failure of the app; a
      // page that stopped answering is: after any such miss, the page must still run a frame.
      if (!/Timeout|detached|not attached|not visible|outside of the viewport|Target closed|Element is not/.test(e.message)) throw e;
      const alive = await Promise.race([
        page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r('alive')))),
        new Promise((r) => setTimeout(() => r('frozen'), 5000)),
      ]);
      assert.equal(alive, 'alive', `seed ${seed}: the page stopped answering after "${e.message.split('\n')[0]}"`);
    }
  }
  // The page as the actions left it: no trap, no uncaught error (boot.js would say so).
  assert.equal(await page.$('.app-fault'), null, `seed ${seed}: the app stopped`);
  await page.goto(server.url);
  await ready(page);
  assert.ok((await canvasInfo(page, '#chart-quality canvas')).ink > 500, 'still draws');
  assert.deepEqual(problems, [], `seed ${seed} ${JSON.stringify(counts)}: ${problems.join(" | ")}`);
  await context.close();
}
