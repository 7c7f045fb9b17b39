// Every word comes from the data. A fictional unit (FIXTURE: other years 2012–2024 across the
// 2018 break, another structure 41 = 12 + 29, 14 figures in one group, its own terms and name) is
// published from the release dist/ the way staff do it (edit.html: open the file, publish,
// upload), with no rebuild, so the same wasm serves it. Then every text a reader can get, in vi
// and en (the page, the Sources view, the print line, the document title, the CSV, JSON and SVG
// exports), holds no number, year or name of the article's unit that the fixture does not hold
// itself, and shows every figure of the fixture. The same reading of the shipped page finds
// every figure of the article.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serve, launch, openPage, ready, publishArchive } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'target', 'screenshots');
const UNIT_TEXT = readFileSync(join(ROOT, 'tests/fixtures/fixture-unit-2012-2024.json'), 'utf8');
const UNIT = JSON.parse(UNIT_TEXT);
const ARTICLE = JSON.parse(readFileSync(join(ROOT, 'data/dataset.json'), 'utf8'));
const CHARTS = ['quality', 'rate', 'weak', 'changes', 'structure', 'members', 'cadres'];

let browser, shipped, published, copy;
before(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
  shipped = await serve({ compressed: true, hostHeaders: true });
  copy = mkdtempSync(join(tmpdir(), 'tccs-unit-'));
  cpSync(DIST, copy, { recursive: true });
  published = await publishUnit();
});
after(async () => {
  await browser?.close();
  await shipped?.close();
  await published?.close();
  if (copy) rmSync(copy, { recursive: true });
});

/** The staff procedure: open edit.html on the site, open the unit's file, publish, download the
 *  two files over the site's own, delete the old page's compressed copies. */
async function publishUnit() {
  const site = await serve({ root: copy, compressed: true, hostHeaders: true });
  const { page, context, problems } = await openPage(browser, `${site.url}edit.html`);
  await page.waitForSelector('table.yearly tbody tr');
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'unit.json', { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, UNIT_TEXT);
  await page.waitForSelector('[data-place="dataset.yearly[2024].total"]');
  assert.match(await page.textContent('#h-errors'), /Không có lỗi/);
  await page.getByRole('button', { name: /Xem thay đổi và xuất bản/ }).click();
  await page.fill('#reason-vi', 'Xuất bản số liệu của đơn vị.');
  await page.getByRole('button', { name: 'Tạo tệp để tải lên' }).click();
  await publishArchive(page, copy);
  assert.deepEqual(problems, [], 'the editor published without a console error');
  await page.evaluate(() => localStorage.clear());
  await context.close();
  return site;
}

/** Minimal CSV reading: cells joined by " | " so that each number stands alone. */
function csvText(text) {
  const sep = text.split('\n')[0].includes(';') ? ';' : ',';
  const cells = [];
  let field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') q = false; else field += c; }
    else if (c === '"') q = true;
    else if (c === sep || c === '\n') { cells.push(field); field = ''; }
    else if (c !== '\r') field += c;
  }
  cells.push(field);
  return cells.join(' | ');
}

/** Every string of a JSON value, numbers as they are written in it, separated. */
function jsonText(value) {
  const out = [];
  const walk = (v) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => { out.push(k); walk(x); });
    else out.push(String(v));
  };
  walk(value);
  return out.join(' | ');
}

/** The text of an SVG picture: its <text> elements. */
const svgText = (svg) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' | ');

async function download(page, chart, cls) {
  await page.$eval(`#chart-${chart}`, (e) => e.scrollIntoView());
  if (!(await page.$eval(`#chart-${chart} details.downloads`, (d) => d.open))) await page.click(`#chart-${chart} details.downloads summary`);
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click(`#chart-${chart} button.${cls}`)]);
  return { name: dl.suggestedFilename(), text: readFileSync(await dl.path(), 'utf8') };
}

/** Everything a reader can read or take away, in one language: page, Sources view, print line,
 *  document title, and each chart's CSV, JSON and SVG. Also the download file names. */
async function everything(site, lang, shot) {
  const { page, context, problems } = await openPage(browser, `${site.url}?lang=${lang}`, { width: 1280, height: 900 });
  await ready(page);
  const parts = { title: await page.title() };
  parts.page = await page.$eval('#app', (e) => e.innerText);
  // Tables (shown on demand), the print line and notes: their text, shown or not.
  parts.tables = await page.$$eval('table, .print-meta, .notes, .headline', (els) => els.map((e) => e.textContent).join(' | '));
  parts.presets = await page.$$eval('.presets button.preset', (bs) => bs.map((b) => b.textContent.trim()));
  if (shot) await page.screenshot({ path: join(SHOTS, `${shot}-${lang}.png`) });
  await page.click('button.tab:not([aria-current])');
  await page.waitForSelector('#figures');
  parts.sources = await page.$eval('#app', (e) => e.innerText);
  assert.deepEqual(problems, [], `${lang}: no console error`);
  await context.close();
  // The files, at most eight to a page: Chromium lets a tab save ten files in a row, then
  // blocks the next one (its download request limiter; headless, nobody answers the prompt).
  const names = [];
  parts.files = '';
  const saves = [...CHARTS.flatMap((c) => [[c, 'dl-csv'], [c, 'dl-svg']]), ['quality', 'dl-json']];
  for (let i = 0; i < saves.length; i += 8) {
    const tab = await openPage(browser, `${site.url}?lang=${lang}`, { width: 1280, height: 900 });
    await ready(tab.page);
    for (const [chart, cls] of saves.slice(i, i + 8)) {
      const { name, text } = await download(tab.page, chart, cls);
      names.push(name);
      parts.files += ` | ${cls === 'dl-csv' ? csvText(text) : cls === 'dl-svg' ? svgText(text) : jsonText(JSON.parse(text))}`;
    }
    assert.deepEqual(tab.problems, [], `${lang}: no console error while saving files`);
    await tab.context.close();
  }
  parts.names = names.join(' | ');
  return parts;
}

/** A number or phrase as a whole token of `text` (not part of a longer number). */
function hasToken(text, token) {
  const esc = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\d.,])${esc}(?![\\d]|[.,]\\d)`).test(text);
}

/** A number as readers see it in a language: 1.173 / 1,173; 64,94 / 64.94. */
function forms(written) {
  const plain = written.replace(/\./g, '').replace(',', '.');
  const en = Number(plain).toLocaleString('en-US', { maximumFractionDigits: 6 });
  return [...new Set([written, plain, en])];
}

/** The article's facts: its years, counts, rates and figures as written, its date and views, and
 *  the names of its unit, article, author and publisher. */
function articleFacts() {
  const numbers = new Set();
  for (const r of ARTICLE.yearly) {
    for (const n of [r.year, r.top, r.total, r.bottom].filter((x) => x != null)) forms(String(n)).forEach((f) => numbers.add(f));
    for (const w of [r.rate, r.bottom_rate].filter(Boolean)) forms(w).forEach((f) => numbers.add(f));
  }
  for (const f of ARTICLE.figures) {
    forms(f.as_written).forEach((x) => numbers.add(x));
    if (f.reported_share) forms(f.reported_share).forEach((x) => numbers.add(x));
  }
  forms(String(ARTICLE.article.views)).forEach((x) => numbers.add(x));
  numbers.add(ARTICLE.article.date_as_written);
  // Small numbers (0–9) are everywhere (1 year, 2 schemes), and 100 is every percentage's whole
  // ("do not add up to 100%"); the distinctive ones are the facts.
  const distinctive = [...numbers].filter((n) => !/^\d$/.test(n) && n !== '100');
  const a = ARTICLE.article;
  const names = [a.title, a.author, a.publisher.vi, a.publisher.en, a.unit.vi, a.unit.en, 'Gia Lai', 'Khối các cơ quan', 'Provincial Agencies', 'Nghị quyết 22', 'Resolution 22'];
  return { numbers: distinctive, names };
}

for (const lang of ['vi', 'en']) {
  test(`the FIXTURE unit, published from dist/ by the editor: no word of the article's unit (${lang})`, async () => {
    const parts = await everything(published, lang, 'unit');
    // The dates of the unit's own publications (today's among them) are the unit's, whatever
    // the day: "02/12/2026" is not the article's "02".
    const dates = JSON.parse(readFileSync(join(copy, 'dataset.json'), 'utf8')).revisions
      .flatMap(({ date }) => [date, date.split('-').reverse().join('/')]);
    const all = dates.reduce((t, d) => t.replaceAll(d, ''), Object.values(parts).flat().join(' | '));
    const facts = articleFacts();
    // The fixture's own numbers are allowed (2012–2017 are its years too).
    const leaks = facts.numbers.filter((n) => hasToken(all, n) && !hasToken(UNIT_TEXT, n));
    assert.deepEqual(leaks, [], `numbers of the article on the FIXTURE page: ${leaks.map((n) => {
      const i = all.search(new RegExp(`(?<![\\d.,])${n.replace(/[.]/g, '\\.')}(?![\\d]|[.,]\\d)`));
      return `${n} in “${all.slice(Math.max(0, i - 60), i + 40)}”`;
    }).join('\n')}`);
    const names = facts.names.filter((n) => all.includes(n));
    assert.deepEqual(names, [], 'names of the article\'s unit');
    // Its own words instead.
    assert.match(parts.title, lang === 'vi' ? /Đảng bộ Khối Mẫu \(FIXTURE\) 2012–2024/ : /Sample Bloc Party Organisation \(FIXTURE\), 2012–2024/);
    assert.match(parts.names, /fixture-khoi-mau_quality_2012-2024\.csv/);
    assert.match(parts.page, lang === 'vi' ? /Thay đổi tổ chức theo Đề án Mẫu 07/ : /under Sample Plan 07/);
    // Terms as data: cut to the data's years, and the one outside them not offered.
    assert.deepEqual(parts.presets, lang === 'vi'
      ? ['Tất cả các năm', 'Nhiệm kỳ 2010–2015 (từ 2012)', 'Nhiệm kỳ 2015–2020', 'Nhiệm kỳ 2020–2025 (đến 2024)']
      : ['All years', 'Term 2010–2015 (from 2012)', 'Term 2015–2020', 'Term 2020–2025 (to 2024)']);
    assert.ok(!hasToken(all, '2005'), 'a term outside the data is not offered');
    // Every figure of the fixture is shown somewhere.
    const missing = [];
    for (const f of UNIT.figures) if (!forms(f.as_written).some((x) => hasToken(all, x))) missing.push(f.id);
    for (const r of UNIT.yearly) {
      for (const v of [r.top, r.total, r.rate, r.bottom, r.bottom_rate].filter((x) => x != null)) {
        if (!forms(String(v)).some((x) => hasToken(all, x))) missing.push(`${r.year}: ${v}`);
      }
    }
    assert.deepEqual(missing, [], 'every figure of the fixture is shown');
  });
}

test('the shipped page shows every figure of the article', async () => {
  const parts = await everything(shipped, 'vi');
  const all = Object.values(parts).flat().join(' | ');
  const missing = [];
  for (const f of ARTICLE.figures) if (!hasToken(all, f.as_written)) missing.push(f.id);
  for (const r of ARTICLE.yearly) {
    for (const v of [r.top, r.total, r.rate, r.bottom, r.bottom_rate].filter((x) => x != null)) {
      if (!forms(String(v)).some((x) => hasToken(all, x))) missing.push(`${r.year}: ${v}`);
    }
  }
  assert.deepEqual(missing, []);
  assert.deepEqual(parts.presets, ['Tất cả các năm', 'Nhiệm kỳ 2010–2015', 'Nhiệm kỳ 2015–2020 (đến 2017)']);
});

test('fourteen bars in a group are drawn at the bar height of five: same row height on canvas', async () => {
  const { page, context, problems } = await openPage(browser, published.url, { width: 390, height: 844, deviceScaleFactor: 2 });
  await ready(page);
  const heights = {};
  for (const chart of ['changes', 'structure']) {
    await page.$eval(`#chart-${chart}`, (e) => e.scrollIntoView());
    await page.waitForFunction((c) => document.querySelector(`#chart-${c} .plot.painted`), chart);
    heights[chart] = await page.$eval(`#chart-${chart} canvas`, (c) => ({ css: c.getBoundingClientRect().height, px: c.height }));
  }
  // The bars' thickness, measured in the pixels drawn: the same in both charts (14 bars do
  // not get thinner than 5), and each box exactly as tall as its painting.
  const thickness = (chart) => page.$eval(`#chart-${chart} canvas`, (c) => {
    const { data, width, height } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    const at = (x, y) => { const i = (y * width + x) * 4; return `${data[i]},${data[i + 1]},${data[i + 2]}`; };
    // The bars' colour: the commonest colour that is not the background.
    const count = new Map();
    for (let y = 0; y < height; y += 2) for (let x = 0; x < width; x += 2) count.set(at(x, y), (count.get(at(x, y)) ?? 0) + 1);
    count.delete(at(0, 0));
    const bar = [...count].sort((a, b) => b[1] - a[1])[0][0];
    // Rows with bar colour in them form one run a bar: the runs' lengths, sorted.
    const runs = [];
    let run = 0;
    for (let y = 0; y < height; y++) {
      let has = false;
      for (let x = 0; x < width && !has; x++) has = at(x, y) === bar;
      if (has) run++; else if (run) { runs.push(run); run = 0; }
    }
    return runs.sort((a, b) => a - b);
  });
  const [many, few] = [await thickness('changes'), await thickness('structure')];
  const median = (r) => r[Math.floor(r.length / 2)];
  assert.ok(many.length >= 10 && few.length >= 4, `bars found: ${many.length} and ${few.length}`);
  assert.ok(Math.abs(median(many) - median(few)) <= 1, `14 bars ${median(many)} px thick, 5 bars ${median(few)} px`);
  for (const chart of ['changes', 'structure']) assert.equal(heights[chart].px, heights[chart].css * 2, `${chart}: the box is the painting's height`);
  assert.equal(heights.changes.px, heights.changes.css * 2, 'drawn at the device pixel ratio');
  await page.$eval('#chart-changes', (e) => e.scrollIntoView());
  await page.screenshot({ path: join(SHOTS, 'unit-14-bars-390.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
