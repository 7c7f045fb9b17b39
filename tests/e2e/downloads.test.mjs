// Taking the numbers away: every download is triggered, saved and checked against the data file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, ready } from './helpers.mjs';

const data = JSON.parse(readFileSync(new URL('../../data/dataset.json', import.meta.url)));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Minimal RFC 4180 parser for checking our own output (quotes, doubled quotes, separators). */
function parseCsv(text, sep) {
  const rows = []; let row = []; let field = ''; let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c;
    } else if (c === '"') q = true;
    else if (c === sep) { row.push(field); field = ''; }
    else if (c === '\r') { /* part of \r\n */ }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

async function download(page, chart, cls) {
  if (!(await page.$eval(`#chart-${chart} details.downloads`, (d) => d.open))) await page.click(`#chart-${chart} details.downloads summary`);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`#chart-${chart} button.${cls}`)]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: readFileSync(path) };
}

test('CSV of the selected years: BOM, header, reported and computed rates, sources', async () => {
  const { page, context } = await openPage(browser, `${server.url}?time=2010..2017&lang=en`);
  await ready(page);
  const { name, bytes } = await download(page, 'quality', 'dl-csv');
  assert.equal(name, 'to-chuc-co-so-dang_quality_2010-2017.csv');
  const text = bytes.toString('utf8');
  assert.equal(text.charCodeAt(0), 0xfeff, 'UTF-8 BOM');
  const rows = parseCsv(text.slice(1), ',');
  assert.deepEqual(rows[0].slice(0, 8), ['year', 'classification', 'top_category', 'top', 'total', 'rate_reported', 'rate_computed', 'rate_check']);
  const body = rows.slice(1);
  const want = data.yearly.filter((y) => y.year >= 2010);
  assert.equal(body.length, want.length);
  body.forEach((r, i) => {
    assert.equal(Number(r[0]), want[i].year);
    assert.equal(r[1], want[i].classification);
    assert.equal(r[2], 'clean and strong');
    assert.equal(Number(r[3]), want[i].top);
    assert.equal(Number(r[4]), want[i].total);
    assert.equal(Number(r[5]), Number(want[i].rate.replace(',', '.')));
    assert.ok(Math.abs(Number(r[6]) - (want[i].top / want[i].total) * 100) < 1e-3);
    assert.equal(r[14], want[i].quote);
  });
  await context.close();
});

test('Excel CSV uses ; and decimal comma', async () => {
  const { page, context } = await openPage(browser, `${server.url}?time=2008`);
  await ready(page);
  const { name, bytes } = await download(page, 'quality', 'dl-excel');
  assert.equal(name, 'to-chuc-co-so-dang_quality_2008_excel.csv');
  const rows = parseCsv(bytes.toString('utf8').slice(1), ';');
  assert.equal(rows[0][0], 'nam');
  assert.deepEqual(rows[1].slice(0, 8), ['2008', 'tsvm', 'trong sạch vững mạnh', '53', '78', '64,94', '67,9487', 'disagreement']);
  await context.close();
});

test('JSON round-trips the selection with provenance', async () => {
  const { page, context } = await openPage(browser, `${server.url}?time=2011..2012`);
  await ready(page);
  const { name, bytes } = await download(page, 'weak', 'dl-json');
  assert.equal(name, 'to-chuc-co-so-dang_weak_2011-2012.json');
  const j = JSON.parse(bytes.toString('utf8'));
  assert.deepEqual(j.yearly, data.yearly.filter((y) => y.year === 2011 || y.year === 2012));
  assert.equal(j.sentences.quality, data.sentences.quality);
  assert.ok(j.audit.some((a) => a.of === 'yearly.2012.bottom_rate' && a.check === 'truncated'));
  await context.close();
});

test('PNG is the chart at 2× with caption; SVG parses and has the title and years', async () => {
  const { page, context } = await openPage(browser, `${server.url}?time=2012..2015`);
  await ready(page);
  const png = await download(page, 'quality', 'dl-png');
  assert.equal(png.name, 'to-chuc-co-so-dang_quality_2012-2015.png');
  assert.equal(png.bytes.subarray(1, 4).toString(), 'PNG');
  const w = png.bytes.readUInt32BE(16), h = png.bytes.readUInt32BE(20);
  assert.equal(w, 1440);
  assert.ok(h > 400, `height ${h}`);
  const svg = await download(page, 'quality', 'dl-svg');
  const text = svg.bytes.toString('utf8');
  const parsed = await page.evaluate((t) => {
    const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
    return { error: !!doc.querySelector('parsererror'), texts: [...doc.querySelectorAll('text')].map((x) => x.textContent.trim()) };
  }, text);
  assert.equal(parsed.error, false);
  assert.ok(parsed.texts.includes('Tổ chức cơ sở đảng đạt trong sạch vững mạnh'));
  for (const y of ['2012', '2013', '2014', '2015']) assert.ok(parsed.texts.includes(y), y);
  assert.ok(!parsed.texts.includes('2011'));
  await context.close();
});

test('Copy table puts TSV on the clipboard; Copy link copies the current view', async () => {
  const { page, context } = await openPage(browser, `${server.url}?time=2016..2017`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  await ready(page);
  await page.click('#chart-quality details.downloads summary');
  await page.click('#chart-quality button.copy-table');
  // The clipboard is written asynchronously: read it once the card says it is done.
  await page.waitForFunction(() => /^Đã chép bảng/.test(document.querySelector('#chart-quality .status').textContent));
  const tsv = await page.evaluate(() => navigator.clipboard.readText());
  const lines = tsv.trim().split('\r\n').map((l) => l.split('\t'));
  assert.equal(lines.length, 3);
  assert.deepEqual(lines[1].slice(0, 6), ['2016', 'tsvm', 'trong sạch vững mạnh', '53', '89', '59,55']); // Vietnamese decimal comma
  await page.click('#chart-quality button.copy-link');
  await page.waitForFunction(() => /^Đã chép đường dẫn/.test(document.querySelector('#chart-quality .status').textContent));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}?time=2016..2017`);
  await context.close();
});

test('whole dataset: yearly CSV of the selection, the other figures, and JSON with everything', async () => {
  const { page, context } = await openPage(browser, `${server.url}?time=2015..2017`);
  await ready(page);
  const save = async (cls) => {
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`.all-data button.${cls}`)]);
    return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
  };
  const yearly = await save('all-csv');
  assert.equal(yearly.name, 'to-chuc-co-so-dang_2015-2017.csv');
  const rows = parseCsv(yearly.text.slice(1), ',');
  assert.deepEqual(rows.slice(1).map((r) => r[0]), ['2015', '2016', '2017']);
  assert.equal(rows[3][9], '3'); // weak 2017
  const figures = await save('all-figures');
  const frows = parseCsv(figures.text.slice(1), ',');
  assert.equal(frows.length - 1, data.figures.length);
  for (const f of data.figures) {
    const r = frows.find((x) => x[0] === f.id);
    assert.ok(r, f.id);
    assert.equal(Number(r[2]), f.value, f.id);
    assert.equal(r[8], f.quote, f.id);
  }
  const json = JSON.parse((await save('all-json')).text);
  assert.equal(json.yearly.length, 3);
  assert.equal(json.figures.length, data.figures.length);
  assert.deepEqual(json.article, data.article);
  await context.close();
});
