// When things go wrong: no JavaScript, a WebAssembly file that fails to load, the app's own
// fallback readable before it runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, ready, CHARTS } from './helpers.mjs';

const data = JSON.parse(readFileSync(new URL('../../data/dataset.json', import.meta.url)));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('with JavaScript off the page shows every chart, every table and the headline figures', async () => {
  const { page, context } = await openPage(browser, server.url, { javaScriptEnabled: false });
  // The yearly table of the first chart: the article's counts and rates, its disagreement flagged.
  const rows = await page.$$eval('#table-quality tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, 10);
  rows.forEach((cells, i) => {
    const y = data.yearly[i];
    assert.equal(cells[0], String(y.year));
    assert.equal(cells[1], String(y.top));
    assert.equal(cells[2], String(y.total));
    assert.equal(cells[3], `${y.rate}%`);
  });
  assert.equal(rows[0][4], '67,95%');
  assert.match(rows[0][5], /Mâu thuẫn/);
  const weak = await page.$$eval('#table-weak tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.match(weak[9].join(' '), /2017 3 .*3,3%/);
  assert.match(await page.textContent('.headline'), /1\.173/);
  // Tables are shown (noscript.css), not only in the accessibility tree.
  const box = await page.$eval('#table-quality', (t) => t.getBoundingClientRect());
  assert.ok(box.width > 300 && box.height > 200, `the table is laid out visibly (${box.width}×${box.height})`);
  // Every chart is there as SVG drawn at build time by the app's chart code: the first has one
  // bar pair per year with the article's counts as labels.
  const cards = await page.$$eval('figure.card', (fs) => fs.map((f) => ({
    svg: !!f.querySelector('.plot-fallback svg'),
    height: f.querySelector('.plot-fallback svg')?.getBoundingClientRect().height ?? 0,
  })));
  assert.ok(cards.length >= 7, `${cards.length} cards`);
  for (const c of cards) assert.ok(c.svg && c.height > 100, JSON.stringify(c));
  const texts = await page.$$eval('#chart-quality .plot-fallback svg text', (ts) => ts.map((t) => t.textContent.trim()));
  for (const y of data.yearly) {
    assert.ok(texts.includes(String(y.year)), `year ${y.year} on the axis`);
    assert.ok(texts.includes(String(y.top)), `count ${y.top} labelled`);
  }
  // Controls that need the app are hidden, not dead.
  assert.equal(await page.isVisible('.presets'), false);
  assert.equal(await page.isVisible('.actions'), false);
  await context.close();
});

test('a WebAssembly file that fails to load gives a clear message and keeps the page', async () => {
  const { page, context } = await openPage(browser, null);
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 500, body: 'broken' }));
  await page.goto(server.url);
  await page.waitForSelector('.boot-error', { timeout: 10000 });
  assert.match(await page.textContent('.boot-error'), /Không tải được.*could not be loaded/s);
  assert.equal(await page.$$eval('#table-quality tbody tr', (r) => r.length), 10);
  assert.ok(await page.isVisible('#chart-quality .plot-fallback svg'), 'the chart picture stays');
  await context.close();
});

test('a truncated WebAssembly file is reported the same way', async () => {
  const { page, context } = await openPage(browser, null);
  await page.route('**/*.wasm', async (route) => {
    const res = await route.fetch();
    const body = await res.body();
    await route.fulfill({ response: res, body: body.subarray(0, 1000) });
  });
  await page.goto(server.url);
  await page.waitForSelector('.boot-error', { timeout: 10000 });
  assert.match(await page.textContent('.boot-error'), /Không tải được.*could not be loaded/s);
  // The page stays what the build made: its tables and pictures, no half-started app.
  assert.equal(await page.$$eval('#table-quality tbody tr', (r) => r.length), 10);
  assert.ok(await page.isVisible('#chart-quality .plot-fallback svg'), 'the chart picture stays');
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('app-ready')), false);
  await context.close();
});

test('the app hydrates the page it arrived with: same nodes, which then follow the filter', async () => {
  const { page, context, problems } = await openPage(browser, null);
  // Hold the wasm back until the pre-rendered nodes are taken.
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto(server.url, { waitUntil: 'domcontentloaded' });
  await page.evaluate(() => {
    window.__before = {
      summary: document.querySelector('p.summary'),
      h2: document.querySelector('#title-quality'),
      canvas: document.querySelector('#chart-quality canvas'),
      row: document.querySelector('#table-quality tbody tr'),
      tiles: document.querySelector('.headline ul'),
    };
    // Every card is hydrated with the page, in one pass (src/start/mod.rs): its heading and table rows
    // must be the build's too, not rewritten.
    window.__cards = [...document.querySelectorAll('figure.card')].map((f) => [f.id, f.querySelector('h2'), f.querySelector('tbody tr')]);
    window.__summaryText = window.__before.summary.textContent;
  });
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('app-ready')), false);
  release();
  await ready(page);
  const same = await page.evaluate(() => Object.fromEntries(Object.entries(window.__before).map(([k, n]) => [k, n.isConnected && document.contains(n)])));
  assert.deepEqual(same, { summary: true, h2: true, canvas: true, row: true, tiles: true }, 'no second copy');
  const cards = await page.evaluate(() => window.__cards.map(([id, h2, row]) => `${id} ${h2.isConnected} ${row.isConnected}`));
  assert.equal(cards.length, CHARTS.length);
  for (const c of cards) assert.match(c, / true true$/, c);
  assert.equal(await page.$$eval('p.summary', (p) => p.length), 1);
  assert.equal(await page.$$eval('#chart-quality', (p) => p.length), 1);
  // The picture of the chart gives way to the painted canvas.
  await page.waitForSelector('#chart-quality .plot.painted');
  assert.equal(await page.isVisible('#chart-quality .plot-fallback'), false);
  // The same summary node now follows the filter.
  await page.focus('#year-from');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => window.__before.summary.textContent !== window.__summaryText);
  assert.match(await page.evaluate(() => window.__before.summary.textContent), /2009–2017/);
  assert.ok(await page.evaluate(() => window.__before.summary === document.querySelector('p.summary')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('no console error or warning on any URL variant (the page hydrates the default, then applies the URL)', async () => {
  const variants = ['', '?lang=en', '?time=2010..2015', '?time=2012', '?time=2017..2008&lang=xx', '?time=abc',
    '?chart=weak', '?chart=members', '?chart=<b>', '?tab=sources', '?tab=sources&lang=en', '?embed=1',
    '?embed=1&chart=rate&lang=en', '?embed=1&chart=changes', '?%E0%A4=1&&&==', '?time=' + '9'.repeat(40)];
  for (const q of variants) {
    for (const width of [390, 1280]) {
      const { page, context, problems } = await openPage(browser, server.url + q, { width, height: 844 });
      await page.waitForSelector('html.app-ready');
      await page.waitForTimeout(100);
      assert.equal(await page.evaluate(() => document.documentElement.classList.contains('data-error')), false);
      assert.deepEqual(problems, [], `${q} at ${width}px`);
      await context.close();
    }
  }
});
