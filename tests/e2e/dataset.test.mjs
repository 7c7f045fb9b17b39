// The dataset travels in the page: a changed block shows without a rebuild, a broken block gets an
// alert and leaves the page readable, and a dataset across the 2018 classification break renders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serve, launch, openPage, ready } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'target', 'screenshots');
const dirs = [];
let browser;
before(async () => { browser = await launch(); mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

/** A copy of dist/ whose index.html went through `edit`; served until the test ends. The block
 *  is the data's JSON without its indentation: `"top":48,`. */
async function copyOfDist(edit) {
  const dir = mkdtempSync(join(tmpdir(), 'tccs-dist-'));
  dirs.push(dir);
  cpSync(DIST, dir, { recursive: true });
  const index = join(dir, 'index.html');
  writeFileSync(index, edit(readFileSync(index, 'utf8'), index));
  return serve({ root: dir });
}

const block = (html) => html.match(/<script type="application\/json" id="dataset"[^>]*>([\s\S]*?)<\/script>/)[1];

test('the built page carries the dataset file as its block, and the wasm does not', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const text = block(html).replaceAll('<\\/', '</');
  assert.deepEqual(JSON.parse(text), JSON.parse(readFileSync(join(ROOT, 'data/dataset.json'), 'utf8')));
  const wasm = readFileSync(join(DIST, html.match(/['"]\/?([^'"]+\.wasm)['"]/)[1]));
  assert.equal(wasm.indexOf(Buffer.from('chiếm tỷ lệ 64,94%')), -1, 'no article sentence in the wasm');
});

test('a copy of dist/ with a changed dataset block shows the change, no rebuild', async () => {
  const server = await copyOfDist((html) => {
    assert.equal(html.split('"top":48,').length, 2, 'one 2017 count to change');
    return html.replace('"top":48,', '"top":47,');
  });
  const { page, context, problems } = await openPage(browser, null);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${server.url}?time=2017`);
  await ready(page);
  const cells = await page.$$eval('#table-quality tbody tr', (trs) => trs.map((tr) => tr.children[1].textContent));
  assert.deepEqual(cells, ['47']);
  assert.match(await page.textContent('p.summary'), /47\/90/);
  assert.ok(warnings.some((w) => /Publish the page again/.test(w)), `console says to republish: ${warnings}`);
  // That warning is the only one: the page was rendered fresh from the block, not hydrated.
  assert.deepEqual(problems.filter((p) => !/Publish the page again/.test(p)), []);
  await context.close();
  await server.close();
});

test('a correction its quote does not write is flagged beside the chart and in the Sources view', async () => {
  // The editor's correction of 2014 (41 → 42, rate 48,81 → 50,00): valid data, published; the
  // quote still writes 41/84 … 48,81%.
  const server = await copyOfDist((html) => {
    const b = block(html);
    const changed = b.replace('"top":41,', '"top":42,').replace('"rate":"48,81"', '"rate":"50,00"');
    assert.equal(changed.split('"top":42,').length, 2, 'one 2014 count to change');
    return html.replace(b, changed);
  });
  const { page, context } = await openPage(browser, null);
  await page.goto(`${server.url}?time=2014`);
  await ready(page);
  const flagged = await page.$$eval('#chart-quality li.note.disagreement', (lis) => lis.map((li) => li.textContent));
  assert.ok(flagged.some((t) => /2014.*42.*41\/84/.test(t)), `the quality chart names it: ${flagged}`);
  await page.goto(`${server.url}?time=2015..2017`);
  await ready(page);
  assert.equal(await page.$$eval('#chart-quality li.note', (lis) => lis.filter((li) => /41\/84/.test(li.textContent)).length), 0, 'not beside years without it');
  await page.goto(`${server.url}?tab=sources&lang=en`);
  await page.waitForSelector('html.app-ready');
  assert.match(await page.textContent('.audit-notes'), /2014 — .*: the figure is 42, but its quote says “năm 2014 có 41\/84/);
  await context.close();
  await server.close();
});

for (const [what, edit, expect] of [
  ['a wrong type', (t) => t.replace('"total":78', '"total":"78"'), /yearly\[2008\]\.total.*whole number/s],
  ['a count above its total', (t) => t.replace('"top":68,', '"top":81,'), /Năm 2009: top = 81 lớn hơn tổng số 80.*Year 2009/s],
  ['text that is not JSON', (t) => t.replace('"yearly":[', '"yearly":[[['), /không đúng|malformed/],
  ['a quote missing from its sentence', (t) => t.replace('"quote":"giải thể 14 tổ chức cơ sở đảng"', '"quote":"giải thể 41 tổ chức"'), /changes\.dissolved.*giải thể 41/s],
  // Years 0–9: consecutive, so only the plausible range refuses them (they once reached the
  // filter, and its first step trapped).
  ['years no record can carry', (t) => t.replace(/"year":20(0[89]|1[0-7]),/g, (_, y) => `"year":${Number(y) - 8},`), /dataset\.yearly\[0\]\.year: năm 0 không thể đúng.*the year 0 cannot be right/s],
]) {
  test(`a dataset block with ${what} gets an alert in both languages and the page stays readable`, async () => {
    const server = await copyOfDist((html) => {
      const b = block(html);
      const changed = edit(b);
      assert.notEqual(changed, b, 'the edit applies');
      return html.replace(b, changed);
    });
    const { page, context, problems } = await openPage(browser, server.url, { width: 390, height: 844 });
    await page.waitForSelector('html.data-error [role="alert"]');
    // The messages themselves come with the on-demand details wasm, after the alert's heading.
    await page.waitForFunction(([src, flags]) => new RegExp(src, flags).test(document.querySelector('[role="alert"]').textContent), [expect.source, expect.flags])
      .catch(() => {});
    const alert = await page.textContent('[role="alert"]');
    assert.match(alert, /Dữ liệu của trang có lỗi.*The page's data has errors/s);
    assert.match(alert, expect);
    // The pre-rendered view stays: chart, table, headline figures.
    assert.equal(await page.$$eval('#table-quality tbody tr', (r) => r.length), 10);
    assert.ok(await page.isVisible('#chart-quality .plot-fallback svg'));
    assert.match(await page.textContent('.headline'), /1\.173/);
    assert.deepEqual(problems, [], 'nothing panics');
    await context.close();
    await server.close();
  });
}

test('a dataset across the 2018 break (fixture) renders: break marked, never joined; photographed', async () => {
  const server = await copyOfDist((html, index) => {
    writeFileSync(index, html);
    // The build's own renderer, given another dataset: the page a publish would make.
    execFileSync('cargo', ['run', '--quiet', '--features', 'ssr', '--bin', 'prerender', '--', index, 'tests/fixtures/fixture-2016-2020.json'], { cwd: ROOT });
    return readFileSync(index, 'utf8');
  });
  for (const [width, height, lang] of [[390, 844, 'vi'], [1280, 900, 'en']]) {
    const { page, context, problems } = await openPage(browser, `${server.url}?lang=${lang}`, { width, height, deviceScaleFactor: 2 });
    await ready(page);
    const rows = await page.$$eval('#table-quality tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.deepEqual(rows.map((r) => r[0]), ['2016', '2017', '2018', '2019', '2020']);
    assert.match(rows[1].at(-1), /trong sạch|Clean-and-strong/i);
    assert.match(rows[2].at(-1), /132-QĐ\/TW/);
    const summary = await page.textContent('p.summary');
    assert.match(summary, lang === 'vi' ? /2 cách xếp loại khác nhau/ : /2 different rating schemes/);
    assert.match(await page.textContent('#chart-quality'), /132-QĐ\/TW/);
    await page.screenshot({ path: join(SHOTS, `fixture-${width}.png`), fullPage: false });
    await page.$eval('#chart-rate', (e) => e.scrollIntoView());
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(SHOTS, `fixture-${width}-rate.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  }
  await server.close();
});
