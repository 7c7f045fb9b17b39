// Into the report: "copy table" puts a real table (text/html, with its citation) beside the TSV
// (text/plain); "copy picture" the PNG picture with its citation; "copy citation" the citation
// with the view's address. Read back from the clipboard in Chromium, in vi and en; and the
// refusals (no clipboard, a browser that cannot copy pictures, a write refused) say so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, ready } from './helpers.mjs';

const data = JSON.parse(readFileSync(new URL('../../data/dataset.json', import.meta.url)));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(url, init) {
  const opened = await openPage(browser, null);
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  if (init) await opened.page.addInitScript(init);
  await opened.page.goto(url);
  await ready(opened.page);
  return opened;
}

/** Presses a card's button and returns what its status line says next (whatever it says: the
 *  caller checks it). */
async function press(page, chart, cls) {
  await page.$eval(`#chart-${chart}`, (e) => e.scrollIntoView());
  if (!(await page.$eval(`#chart-${chart} details.downloads`, (d) => d.open))) await page.click(`#chart-${chart} details.downloads summary`);
  const status = `#chart-${chart} .downloads .status`;
  await page.$eval(status, (e) => { e.dataset.before = e.textContent; });
  await page.click(`#chart-${chart} button.${cls}`);
  await page.waitForFunction((s) => { const e = document.querySelector(s); return e.textContent !== '' && e.textContent !== e.dataset.before; }, status);
  return page.textContent(status);
}

/** Every form on the clipboard: texts as text, pictures as their size and inked pixels. */
const readClipboard = (page) => page.evaluate(async () => {
  const out = {};
  for (const item of await navigator.clipboard.read()) {
    for (const type of item.types) {
      const blob = await item.getType(type);
      if (!type.startsWith('image/')) { out[type] = await blob.text(); continue; }
      const bmp = await createImageBitmap(blob);
      const c = new OffscreenCanvas(bmp.width, bmp.height);
      const g = c.getContext('2d');
      g.drawImage(bmp, 0, 0);
      const d = g.getImageData(0, 0, bmp.width, bmp.height).data;
      let ink = 0;
      for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 1] < 200 || d[i + 2] < 200) ink++;
      out[type] = { width: bmp.width, height: bmp.height, ink };
    }
  }
  return out;
});

/** The cells of the first table in an HTML fragment, read by the browser's own parser. */
const tableOf = (page, html) => page.evaluate((h) => {
  const t = new DOMParser().parseFromString(h, 'text/html').querySelector('table');
  return t && [...t.rows].map((r) => [...r.cells].map((c) => c.textContent));
}, html);

for (const lang of ['vi', 'en']) {
  test(`copy table: an HTML table equal to the chart's table, with its citation, and the TSV (${lang})`, async () => {
    const { page, context, problems } = await open(`${server.url}?lang=${lang}&time=2010..2017`);
    const want = lang === 'vi' ? /Đã chép bảng 8 dòng/ : /Copied the table, 8 rows/;
    assert.match(await press(page, 'quality', 'copy-table'), want);
    const clip = await readClipboard(page);
    assert.ok(clip['text/html'] && clip['text/plain'], Object.keys(clip).join(', '));
    const rows = await tableOf(page, clip['text/html']);
    // The chart's own table, as the reader sees it.
    const shown = await page.$$eval('#table-quality tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(rows.slice(0, -1), shown);
    const y2010 = data.yearly.find((y) => y.year === 2010);
    const rate = lang === 'vi' ? `${y2010.rate}%` : `${y2010.rate.replace(',', '.')}%`;
    assert.equal(rows[1][3], rate);
    // The last row is the citation: article, date, unit and the view's address.
    const cite = rows.at(-1).join(' ');
    assert.match(cite, new RegExp(data.article.date_as_written.replace(/\//g, '\\/')));
    assert.ok(cite.includes(data.article.unit[lang]), cite);
    assert.match(cite, /time=2010\.\.2017/);
    // Excel still gets cells: the TSV of the same years.
    const tsv = clip['text/plain'].trim().split(/\r?\n/).map((l) => l.split('\t'));
    assert.equal(tsv.length, 1 + 8);
    assert.equal(tsv[1][0], '2010');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('copy picture: a PNG with ink, the size of the PNG download; copy citation: text with the URL', async () => {
  const { page, context, problems } = await open(`${server.url}?lang=en`);
  assert.match(await press(page, 'members', 'copy-picture'), /Picture copied/);
  const clip = await readClipboard(page);
  const png = clip['image/png'];
  assert.ok(png, Object.keys(clip).join(', '));
  assert.equal(png.width, 1440, '720 CSS px at 2×');
  assert.ok(png.height > 600 && png.ink > 10000, JSON.stringify(png));
  assert.match(await press(page, 'members', 'copy-citation'), /Citation copied/);
  const text = (await readClipboard(page))['text/plain'];
  assert.match(text, /New Party members/);
  assert.ok(text.includes(data.article.unit.en) && text.includes(data.article.date_as_written), text);
  assert.match(text, /^.*http:\/\/127\.0\.0\.1:\d+\/\?lang=en$/s);
  assert.deepEqual(problems, []);
  await context.close();
});

test('refusals are said, and nothing throws: no clipboard, no pictures, a write refused', async () => {
  // A browser that cannot write pictures: says so and points to the PNG download.
  let o = await open(server.url, () => { window.ClipboardItem.supports = () => false; });
  assert.match(await press(o.page, 'quality', 'copy-picture'), /không chép được hình.*Ảnh PNG/);
  assert.deepEqual(o.problems, []);
  await o.context.close();
  // The write refused (permission denied).
  o = await open(server.url, () => {
    Clipboard.prototype.write = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
    Clipboard.prototype.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  assert.match(await press(o.page, 'quality', 'copy-table'), /không cho chép bảng/);
  assert.match(await press(o.page, 'quality', 'copy-citation'), /không cho chép; hãy dùng/);
  assert.deepEqual(o.problems, []);
  await o.context.close();
  // No clipboard at all (a page served over plain http on a LAN address).
  o = await open(`${server.url}?lang=en`, () => { Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }); });
  assert.match(await press(o.page, 'quality', 'copy-table'), /refused to copy the table/);
  assert.match(await press(o.page, 'quality', 'copy-picture'), /cannot copy pictures/);
  assert.deepEqual(o.problems, []);
  await o.context.close();
});
