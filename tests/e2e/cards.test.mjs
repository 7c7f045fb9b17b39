// What every card promises, over the cards the page has (a card the data adds later is covered
// without a line here): drawn after the window is resized, drawn in dark mode, drawn alone in a
// `chart=` embed, its table showing the rows drawn, and its CSV download. (Printing every card
// is tests/e2e/layout.test.mjs and tests/engines/.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, ready, canvasInfo } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The page's cards: each one's chart id. */
const cardsOf = (page) => page.$$eval('figure.card', (fs) => fs.map((f) => f.dataset.chart));

/** A card's canvas once it is painted at its box's width (scrolled into view: charts paint there). */
async function painted(page, id) {
  const sel = `#chart-${id} canvas`;
  await page.$eval(sel, (c) => c.scrollIntoView({ block: 'center' }));
  await page.waitForFunction((s) => {
    const c = document.querySelector(s);
    return c.width > 0 && Math.abs(c.width / devicePixelRatio - c.getBoundingClientRect().width) < 1;
  }, sel);
  return canvasInfo(page, sel);
}

test('every card repaints at its new width when the window is resized', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { width: 1280, height: 900 });
  await ready(page);
  const cards = await cardsOf(page);
  assert.ok(cards.length >= 7, `${cards.length} cards`);
  const wide = {};
  for (const id of cards) wide[id] = await painted(page, id);
  await page.setViewportSize({ width: 420, height: 900 });
  for (const id of cards) {
    const narrow = await painted(page, id);
    assert.ok(narrow.ink > 500, `${id} drawn at 420 px (${narrow.ink})`);
    assert.ok(narrow.width < wide[id].width, `${id} repainted narrower: ${narrow.width} < ${wide[id].width}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('every card is drawn in dark mode, on a dark background', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { width: 1280, height: 900, colorScheme: 'dark' });
  await ready(page);
  for (const id of await cardsOf(page)) {
    const info = await painted(page, id);
    assert.ok(info.ink > 500, `${id} drawn in dark mode (${info.ink})`);
    const corner = await page.$eval(`#chart-${id} canvas`, (c) => [...c.getContext('2d').getImageData(0, 0, 1, 1).data].slice(0, 3));
    assert.ok(corner.every((v) => v < 80), `${id}'s background is dark: ${corner}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('every card alone in a chart= embed is drawn, and is the only card', async () => {
  const { page: first, context: c0 } = await openPage(browser, server.url);
  await ready(first);
  const cards = await cardsOf(first);
  await c0.close();
  for (const id of cards) {
    const { page, context, problems } = await openPage(browser, `${server.url}?chart=${id}&embed=1`, { width: 400, height: 700 });
    await page.waitForSelector('html.app-ready');
    assert.deepEqual(await cardsOf(page), [id], `chart=${id}: that card alone`);
    assert.ok((await painted(page, id)).ink > 500, `chart=${id} drawn`);
    assert.deepEqual(problems, [], id);
    await context.close();
  }
});

test("every card's table shows its rows, and its CSV download holds the same rows", async () => {
  const { page, context, problems } = await openPage(browser, server.url, { width: 1280, height: 900 });
  await ready(page);
  for (const id of await cardsOf(page)) {
    await page.click(`#chart-${id} .toggle-table`);
    await page.waitForFunction((i) => document.querySelector(`#chart-${i} .toggle-table`).getAttribute('aria-expanded') === 'true', id);
    const rows = await page.$$eval(`#table-${id} tbody tr`, (trs) => trs.length);
    const box = await page.$eval(`#chart-${id} .table-wrap`, (w) => w.getBoundingClientRect().height);
    assert.ok(rows > 0 && box > 60, `${id}'s table shown with its ${rows} rows (${box} px)`);
    await page.click(`#chart-${id} details.downloads summary`);
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#chart-${id} button.dl-csv`)]);
    assert.match(d.suggestedFilename(), new RegExp(`_${id}_\\d{4}-\\d{4}\\.csv$`), d.suggestedFilename());
    const text = readFileSync(await d.path(), 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff, `${id}: the CSV starts with a BOM`);
    // One line a row of the table, after the header (a cell may hold a line break: quoted).
    const lines = text.slice(1).split('\r\n').filter((l) => l.length > 0);
    assert.ok(lines.length >= rows + 1, `${id}: ${lines.length} CSV lines for ${rows} rows`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
