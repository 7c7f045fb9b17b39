// A reader's first touch is never lost: with the wasm held back (a phone on a slow network),
// what the reader does on the pre-rendered page is applied once the app starts, in order:
// handles moved by keyboard and pointer, one year chosen, a preset, the language, a tab, "show
// table". Buttons pressed early say they are loading, then work (a download, play). Hydration
// still keeps the pre-rendered nodes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage, ready, MOBILE_NETWORK, CHARTS } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve({ compressed: true }); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Opens the page with the wasm held back until `release()`, over `network` (DevTools'
 *  emulated conditions) if given. */
async function held(query = '', size = { width: 1280, height: 900 }, network = null) {
  const { page, context, problems } = await openPage(browser, null, size);
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(`${server.url}${query}`);
  await page.waitForFunction(() => window.tccsEarly && document.querySelector('#year-from'));
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('app-ready')), false, 'the app has not started');
  // Started: hydrated (the dashboard also painted its first chart; the Sources view has none).
  const started = async (charts = true) => {
    release();
    if (charts) await ready(page); else await page.waitForSelector('html.app-ready');
  };
  return { page, context, problems, release: started };
}

const time = (page) => new URL(page.url()).searchParams.get('time');
const years = (page, chart) => page.$$eval(`#table-${chart} tbody th`, (ths) => ths.map((t) => t.textContent));

test('handles moved by keyboard and by pointer, and the language, before the app starts', async () => {
  const { page, context, problems, release } = await held();
  const before = await page.$('#year-from');
  // Keyboard: the first handle four years on.
  await page.focus('#year-from');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  // Pointer: drag the second handle's thumb (at the right end) two years to the left.
  const box = await page.$eval('#year-to', (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
  const step = (box.w - 20) / 9;
  await page.mouse.move(box.x + box.w - 10, box.y + box.h / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.w - 10 - step * 2, box.y + box.h / 2, { steps: 8 });
  await page.mouse.up();
  const want = { from: await page.inputValue('#year-from'), to: await page.inputValue('#year-to') };
  assert.equal(want.from, '2012');
  assert.ok(Number(want.to) < 2017, `the pointer moved the handle (${want.to})`);
  await page.click('button.lang');
  assert.equal(await page.getAttribute('button.lang', 'aria-busy'), 'true', 'a pressed button says it is waiting');
  await release();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.waitForFunction((t) => new URL(location.href).searchParams.get('time') === t, `${want.from}..${want.to}`);
  assert.equal(time(page), `${want.from}..${want.to}`);
  assert.equal(await page.textContent('.range-value'), `${want.from}–${want.to}`);
  assert.equal(await page.inputValue('#year-from'), want.from, 'the handle stays where the reader left it');
  assert.equal(await page.inputValue('#year-to'), want.to);
  const shown = await years(page, 'quality');
  assert.equal(shown[0], want.from);
  assert.equal(shown.at(-1), want.to);
  // The summary is the reader's years, in English (the default one is 2008–2017, in Vietnamese).
  assert.match(await page.textContent('p.summary'), new RegExp(`^${want.from}–${want.to}: .* From ${want.from} to ${want.to} the rate `));
  assert.equal(await page.getAttribute('button.lang', 'aria-busy'), null);
  // Hydration kept the node the reader touched.
  assert.ok(await page.evaluate((el) => el === document.querySelector('#year-from'), before));
  assert.deepEqual(problems, []);
  await context.close();
});

test('one year chosen, then a preset: applied in the order they were made', async () => {
  let { page, context, problems, release } = await held();
  await page.selectOption('.single select', '2014');
  await release();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('time') === '2014');
  assert.deepEqual(await years(page, 'quality'), ['2014']);
  assert.deepEqual(problems, []);
  await context.close();

  ({ page, context, problems, release } = await held());
  await page.selectOption('.single select', '2014');
  await page.click('button.preset:has-text("2010–2015")');
  await release();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('time') === '2010..2015');
  assert.deepEqual(await years(page, 'quality'), ['2010', '2011', '2012', '2013', '2014', '2015']);
  assert.equal(await page.getAttribute('button.preset:has-text("2010–2015")', 'aria-pressed'), 'true');
  assert.deepEqual(problems, []);
  await context.close();
});

test('"show table" and a tab pressed early are applied; the Sources view shows', async () => {
  const { page, context, problems, release } = await held();
  await page.click('#chart-quality button.toggle-table');
  await release();
  await page.waitForFunction(() => document.querySelector('#chart-quality button.toggle-table').getAttribute('aria-expanded') === 'true');
  assert.ok(await page.isVisible('#table-quality'));
  assert.deepEqual(problems, []);
  await context.close();

  const second = await held();
  await second.page.click('button.tab:has-text("Nguồn")');
  await second.release(false);
  await second.page.waitForSelector('#figures');
  // The URL follows (it is written a moment after the last change).
  await second.page.waitForFunction(() => new URL(location.href).searchParams.get('tab') === 'sources');
  assert.deepEqual(second.problems, []);
  await second.context.close();
});

test('a download and play pressed early say "loading…", then work', async () => {
  const { page, context, problems, release } = await held();
  await page.click('#chart-quality details.downloads summary');
  await page.click('#chart-quality button.dl-csv');
  const busy = await page.$eval('#chart-quality button.dl-csv', (b) => ({
    busy: b.getAttribute('aria-busy'), after: getComputedStyle(b, '::after').content,
  }));
  assert.equal(busy.busy, 'true');
  assert.match(busy.after, /đang tải/);
  await page.click('button.play');
  const download = page.waitForEvent('download');
  await release();
  assert.match((await download).suggestedFilename(), /_quality_2008-2017\.csv$/);
  await page.waitForFunction(() => document.querySelector('button.play').getAttribute('aria-pressed') === 'true');
  assert.equal(await page.getAttribute('#chart-quality button.dl-csv', 'aria-busy'), null);
  assert.deepEqual(problems, []);
  await context.close();
});

test('if the wasm never comes, early presses stop waiting and the page stays readable', async () => {
  // The wasm is held, the reader presses, and only then does its download fail.
  const { page, context } = await openPage(browser, null);
  let fail;
  const failed = new Promise((r) => { fail = r; });
  await page.route('**/*_bg.wasm', async (route) => { await failed; await route.abort(); });
  await page.goto(server.url);
  await page.waitForFunction(() => window.tccsEarly);
  await page.click('button.lang');
  assert.equal(await page.getAttribute('button.lang', 'aria-busy'), 'true', 'the press was taken, waiting for the app');
  fail();
  await page.waitForSelector('.boot-error');
  await page.waitForFunction(() => !document.querySelector('button.lang').hasAttribute('aria-busy'));
  assert.equal(await page.$$eval('#table-quality tbody tr', (r) => r.length), 10);
  await context.close();
});

test('an input made during start-up (the wasm instantiated, the page not yet hydrated) is applied, and every card shows it', async () => {
  // The move is made by the page itself the moment the wasm is instantiated (an input event on
  // the first handle, as a drag makes): start-up then still has to read the dataset and hydrate,
  // in tasks of their own. boot.js holds the move back; the app replays it once hydrated.
  const { page, context, problems } = await openPage(browser, null);
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', () => {
      window.__during = !document.documentElement.classList.contains('app-ready');
      const from = document.querySelector('#year-from');
      from.value = String(Number(from.min) + 1);
      from.dispatchEvent(new Event('input', { bubbles: true }));
    });
  });
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.evaluate(() => window.__during), true, 'the move came before the app was ready');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('time') === '2009..2017');
  assert.equal(await page.textContent('.range-value'), '2009–2017');
  assert.deepEqual(await page.$$eval('figure.card', (fs) => fs.map((f) => f.dataset.chart)), CHARTS);
  for (const chart of ['quality', 'rate', 'weak']) assert.equal((await years(page, chart))[0], '2009', chart);
  assert.deepEqual(problems, []);
  await context.close();
});

/** Opens the page and, the moment the app is ready, presses "show table" on the last card (off
 *  screen); first moves the first handle two years on if `act` is 'year, then tap'. Asserts
 *  what every such tap must give: the card's table is open. */
async function atReady(act) {
  const { page, context, problems } = await openPage(browser, null);
  await page.addInitScript((act) => {
    new MutationObserver((_, seen) => {
      if (!document.documentElement.classList.contains('app-ready')) return;
      seen.disconnect();
      const cards = document.querySelectorAll('figure.card');
      const card = cards[cards.length - 1];
      window.__card = card;
      window.__tap = { chart: card.dataset.chart };
      const from = document.querySelector('#year-from');
      if (act === 'year, then tap') {
        from.value = String(Number(from.min) + 2);
        from.dispatchEvent(new Event('input', { bubbles: true }));
      }
      card.querySelector('.toggle-table').click();
    }).observe(document, { attributes: true, subtree: true, attributeFilter: ['class'] });
  }, act);
  await page.goto(server.url);
  await ready(page);
  const tap = await page.evaluate(() => ({ ...window.__tap, same: window.__card.isConnected }));
  assert.equal(await page.getAttribute(`#chart-${tap.chart} .toggle-table`, 'aria-expanded'), 'true');
  assert.ok(await page.isVisible(`#table-${tap.chart}`));
  return { page, context, problems, tap };
}

test('hydrated in one pass: a tap on the last card the moment the app is ready, off screen, works at once on the build\'s own nodes', async () => {
  const { context, problems, tap } = await atReady('tap');
  assert.equal(tap.same, true, 'hydrated: the card keeps its nodes');
  assert.deepEqual(problems, []);
  await context.close();
});

test('after a year change, the last card shows it and takes a tap, on the build\'s own nodes', async () => {
  const { page, context, problems, tap } = await atReady('year, then tap');
  assert.equal(tap.same, true, 'hydrated and updated in place, not replaced');
  assert.equal(await page.textContent('.range-value'), '2010–2017');
  assert.equal((await years(page, 'weak'))[0], '2010', 'a yearly card off screen');
  // The tapped card's table is the one a page opened with those years shows.
  const rows = (p) => p.$eval(`#table-${tap.chart} tbody`, (b) => b.textContent);
  const fresh = await openPage(browser, `${server.url}?time=2010..2017`);
  await ready(fresh.page);
  assert.equal(await rows(page), await rows(fresh.page));
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test("the URL's own view survives a slow start: it is applied once the app is ready, and the URL keeps it", async () => {
  // On a slow CPU, start-up takes longer than the URL's 200 ms update delay. The URL must not be
  // rewritten with the default view meanwhile.
  const { page, context, problems } = await openPage(browser, null);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.goto(`${server.url}?tab=sources&time=2010..2015`);
  await page.waitForSelector('html.app-ready', { timeout: 60000 });
  await page.waitForSelector('table.audit');
  // A change of the reader's own (the language) is written to the URL after the same delay as
  // any: once it is there, a rewrite of the URL queued before it would have landed too.
  await page.click('button.lang');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('lang') === 'en', null, { timeout: 30000 });
  const q = new URL(page.url()).searchParams;
  assert.equal(q.get('tab'), 'sources');
  assert.equal(q.get('time'), '2010..2015');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.deepEqual(problems, []);
  await context.close();
});

/** When the wasm's request started, against the page's DOMContentLoaded, and whether the loader
 *  asked for the glue as a modulepreload (Trunk.toml: the download starts at once on a slow
 *  network, after the paint on a fast one). */
const download = (page) => page.evaluate(() => {
  const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'));
  return {
    startedBeforeParsed: wasm.startTime < performance.getEntriesByType('navigation')[0].domContentLoadedEventStart,
    gluePreloaded: document.querySelector('link[rel="modulepreload"]') !== null,
  };
});

test("the wasm's download starts after the paint on a fast network, and during the parse on a phone's", async () => {
  // Fast: this machine's own server.
  let { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  assert.deepEqual(await download(page), { startedBeforeParsed: false, gluePreloaded: false });
  assert.deepEqual(problems, []);
  await context.close();

  // Slow: Lighthouse's mobile network (150 ms RTT, 1.6 Mbps), the wasm held back; a preset
  // pressed meanwhile is applied once the app starts, as on a fast network.
  let release;
  ({ page, context, problems, release } = await held('', undefined, MOBILE_NETWORK));
  await page.click('button.preset:has-text("2010–2015")');
  await release();
  await page.waitForFunction(() => new URL(location.href).searchParams.get('time') === '2010..2015');
  assert.deepEqual(await years(page, 'quality'), ['2010', '2011', '2012', '2013', '2014', '2015']);
  assert.deepEqual(await download(page), { startedBeforeParsed: true, gluePreloaded: true });
  assert.deepEqual(problems, []);
  await context.close();
});
