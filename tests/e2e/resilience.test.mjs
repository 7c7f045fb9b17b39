// When things go wrong: no JavaScript, a WebAssembly file that fails to load, the app's own
// fallback readable before it runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, ready } from './helpers.mjs';

const data = JSON.parse(readFileSync(new URL('../../data/dataset.json', import.meta.url)));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('with JavaScript off the page shows the 2008–2017 table with the article figures', async () => {
  const { page, context } = await openPage(browser, server.url, { javaScriptEnabled: false });
  const rows = await page.$$eval('.static-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, 10);
  rows.forEach((cells, i) => {
    const y = data.yearly[i];
    assert.equal(cells[0], String(y.year));
    assert.equal(cells[1], String(y.top));
    assert.equal(cells[2], String(y.total));
    assert.ok(cells[3].startsWith(`${y.rate}%`), cells[3]);
  });
  assert.match(rows[0][3], /tính lại 67,95%/);
  assert.equal(rows[0][4], 'không báo cáo');
  assert.equal(rows[9][4], '3 (3,3%)');
  assert.match(await page.textContent('.static-headline'), /1\.173/);
  // The first chart is there too, as SVG drawn at build time by the app's chart code: one bar
  // pair per year with the article's counts as labels, named for screen readers by its caption.
  const svg = await page.$eval('.static-chart svg', (s) => ({
    role: s.getAttribute('role'),
    label: document.getElementById(s.getAttribute('aria-labelledby'))?.textContent,
    texts: [...s.querySelectorAll('text')].map((t) => t.textContent.trim()),
    width: s.getBoundingClientRect().width,
  }));
  assert.equal(svg.role, 'img');
  assert.match(svg.label, /trong sạch vững mạnh.*2008–2017/s);
  for (const y of data.yearly) {
    assert.ok(svg.texts.includes(String(y.year)), `year ${y.year} on the axis`);
    assert.ok(svg.texts.includes(String(y.top)), `count ${y.top} labelled`);
  }
  assert.ok(svg.width > 300, `the chart fills the column (${svg.width}px)`);
  await context.close();
});

test('a WebAssembly file that fails to load gives a clear message and keeps the table', async () => {
  const { page, context } = await openPage(browser, null);
  await page.route('**/*.wasm', (route) => route.fulfill({ status: 500, body: 'broken' }));
  await page.goto(server.url);
  await page.waitForSelector('.boot-error', { timeout: 10000 });
  assert.match(await page.textContent('.boot-error'), /Không tải được.*could not be loaded/s);
  assert.equal(await page.$$eval('.static-table tbody tr', (r) => r.length), 10);
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
  await context.close();
});

test('the app replaces the fallback once it runs', async () => {
  const { page, context } = await openPage(browser, server.url);
  await ready(page);
  assert.equal(await page.$('.static-table'), null);
  assert.equal(await page.$('.static-chart'), null);
  assert.equal(await page.$('#boot'), null);
  await context.close();
});
