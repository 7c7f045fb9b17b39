// A public history of corrections (issue 22), as staff and readers meet it: staff correct 2014
// in edit.html (41 → 42, 48,81 → 50,00), are asked why and whether the new values correct the
// article or follow a new source, publish; readers of the published page see the update date
// under the title, the history with old and new values, the corrected cells marked, and the
// correction named beside the chart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serve, launch, openPage, ready, openSingleFiles } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'target', 'screenshots');
const cell = (place) => `[data-place="${place}"]`;
const REASON = 'Báo cáo của Đảng ủy Khối năm 2015 đính chính số đạt năm 2014.';
let browser, copy, host;
before(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
  copy = mkdtempSync(join(tmpdir(), 'tccs-revision-'));
  cpSync(DIST, copy, { recursive: true });
  host = await serve({ root: copy, compressed: true, hostHeaders: true });
});
after(async () => {
  await browser?.close();
  await host?.close();
  if (copy) rmSync(copy, { recursive: true });
});

function pngSize(buf) {
  assert.equal(buf.subarray(12, 16).toString('latin1'), 'IHDR', 'a PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

test('staff correct 2014 with a reason and a correction mark; readers see the date, the history and the marked cells', async () => {
  const { page, context, problems } = await openPage(browser, `${host.url}edit.html`);
  await page.waitForSelector(cell('dataset.yearly[2014].top'));
  await page.fill(cell('dataset.yearly[2014].top'), '42');
  await page.fill(cell('dataset.yearly[2014].rate'), '50,00');
  await page.locator(cell('dataset.yearly[2014].rate')).blur();
  await page.waitForFunction(() => /Không có lỗi/.test(document.querySelector('#h-errors')?.textContent));

  await page.getByRole('button', { name: /Xem thay đổi và xuất bản/ }).click();
  // Both new values differ from the quote: named, each with the choice of a correction mark.
  const asked = page.locator('.unexplained li');
  await asked.first().waitFor();
  assert.equal(await asked.count(), 2);
  assert.match(await asked.first().textContent(), /42.*41\/84/s);
  const make = page.getByRole('button', { name: 'Tạo tệp để tải lên' });
  // No reason: refused. A reason but unmarked values: refused, naming them.
  await make.click();
  assert.match(await page.textContent('.panel [role="alert"]'), /lý do cập nhật/);
  await page.fill('#reason-vi', REASON);
  await make.click();
  // Named in the staff's words, as the list of changes names them.
  assert.match(await page.textContent('.panel [role="alert"]'), /Năm 2014 — (Tỷ lệ \(nguồn ghi\)|Số đạt loại cao nhất).*đính chính nguồn/s);
  for (const box of await page.locator('.unexplained input[type="checkbox"]').all()) await box.check();
  await make.click();

  await openSingleFiles(page);
  const save = async (name) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: new RegExp(`^Tải ${name.replace('.', '\\.')}`) }).click()]);
    assert.equal(d.suggestedFilename(), name);
    await d.saveAs(join(copy, name));
  };
  await save('index.html');
  await save('dataset.json');
  await save('preview.png');
  const csvButtons = await page.locator('.ready button', { hasText: '.csv' }).allTextContents();
  assert.equal(csvButtons.length, 2, csvButtons.join());
  for (const t of csvButtons) await save(t.replace(/^Tải /, ''));
  assert.deepEqual(problems, [], 'the editor published without a console error');
  await page.evaluate(() => localStorage.clear());
  await context.close();
  rmSync(join(copy, 'index.html.gz'));
  rmSync(join(copy, 'index.html.br'));
  for (const f of ['dataset.json', ...csvButtons.map((t) => t.replace(/^Tải /, ''))]) {
    rmSync(join(copy, `${f}.gz`), { force: true });
    rmSync(join(copy, `${f}.br`), { force: true });
  }

  // The picture the editor drew: the link-preview size.
  assert.deepEqual(pngSize(readFileSync(join(copy, 'preview.png'))), [1200, 630]);
  const data = JSON.parse(readFileSync(join(copy, 'dataset.json'), 'utf8'));
  const revision = data.revisions.at(-1);
  assert.equal(revision.reason.vi, REASON);
  assert.deepEqual(revision.changes.map((c) => [c.place, c.old, c.new, c.kind]).sort(), [
    ['yearly[2014].rate', '48,81', '50,00', 'correction'],
    ['yearly[2014].top', '41', '42', 'correction'],
  ]);
  const [y, m, d] = revision.date.split('-');
  const shown = `${d}/${m}/${y}`;
  const csv = readFileSync(join(copy, csvButtons.map((t) => t.replace(/^Tải /, '')).find((n) => !/so-lieu-khac/.test(n))), 'utf8');
  assert.match(csv, /\n2014,tsvm,[^,]*,42,84,50,/, 'the CSV beside the page has the corrected count');

  for (const [width, height] of [[390, 844], [1280, 900]]) {
    const reader = await openPage(browser, `${host.url}?time=2014`, { width, height });
    await ready(reader.page);
    const p = reader.page;
    assert.equal((await p.textContent('.updated')).trim(), `Cập nhật ngày ${shown}`);
    const row = await p.$eval('#table-quality tbody tr', (tr) => [...tr.children].map((c) => c.textContent));
    assert.deepEqual(row.slice(0, 3), ['2014', '42 (đã đính chính)', '84']);
    const notes = await p.$$eval('#chart-quality li.note', (lis) => lis.map((li) => [li.className, li.textContent]));
    const named = notes.filter(([, t]) => /đính chính ngày/.test(t));
    assert.equal(named.length, 2, JSON.stringify(notes));
    assert.ok(named.every(([c]) => !/disagreement/.test(c)), 'a marked correction is a note, not a disagreement');
    assert.match(await p.textContent('#chart-quality .source'), new RegExp(`cập nhật ngày ${shown}`));
    if (width === 1280) await p.screenshot({ path: join(SHOTS, 'revision-dashboard-1280.png') });
    // The date is a link to the history on the Sources page.
    await p.click('.updated a');
    await p.waitForSelector('#revisions');
    const history = await p.$$eval('ol.revisions > li', (lis) => lis.map((li) => li.textContent));
    assert.equal(history.length, 2);
    assert.match(history[0], new RegExp(`${shown} — ${REASON}`));
    assert.match(history[0], /2014 — Số đạt loại cao nhất\s*41\s*42\s*Đính chính nguồn/);
    assert.match(history[1], /Xuất bản lần đầu/);
    await p.waitForURL(/tab=sources/);
    await p.screenshot({ path: join(SHOTS, `revision-sources-${width}.png`) });
    assert.deepEqual(reader.problems, []);
    await reader.context.close();
  }
});

test('the new-source path: staff change 2015 and give the document and sentence that write it; no correction mark is asked, and the history says "edit"', async () => {
  // A site of its own, as the build made it: this test depends on no other's publication.
  const own = mkdtempSync(join(tmpdir(), 'tccs-revision-'));
  cpSync(DIST, own, { recursive: true });
  const site = await serve({ root: own, compressed: true, hostHeaders: true });
  const { page, context, problems } = await openPage(browser, `${site.url}edit.html`);
  await page.waitForSelector(cell('dataset.yearly[2015].top'));
  const published = JSON.parse(readFileSync(join(own, 'dataset.json'), 'utf8'));
  // A new document…
  await page.click('#h-documents');
  await page.getByRole('button', { name: 'Thêm tài liệu' }).click();
  const n = published.documents.length;
  await page.fill(cell(`dataset.documents[${n}].id`), 'bc-2016');
  await page.fill(cell('dataset.documents[bc-2016].title'), 'Báo cáo tổng kết công tác xây dựng Đảng năm 2016');
  await page.fill(cell('dataset.documents[bc-2016].date'), '2016-12-20');
  // …its sentence, verbatim…
  await page.click('#h-sentences');
  await page.fill('#new-sentence-id', 'bc-2016-2015');
  await page.getByRole('button', { name: 'Thêm câu' }).click();
  const SENTENCE = 'Năm 2015, toàn Đảng bộ có 55/85 tổ chức cơ sở đảng đạt trong sạch vững mạnh, chiếm tỷ lệ 64,71%.';
  await page.fill(cell('dataset.sentences.bc-2016-2015'), SENTENCE);
  // …and 2015 follows it: the new values, the document, the sentence and the quote that writes them.
  await page.fill(cell('dataset.yearly[2015].top'), '55');
  await page.fill(cell('dataset.yearly[2015].rate'), '64,71');
  await page.selectOption(cell('dataset.yearly[2015].document'), 'bc-2016');
  await page.selectOption(cell('dataset.yearly[2015].source'), 'bc-2016-2015');
  await page.fill(cell('dataset.yearly[2015].quote'), '55/85 tổ chức cơ sở đảng đạt trong sạch vững mạnh, chiếm tỷ lệ 64,71%');
  await page.locator(cell('dataset.yearly[2015].quote')).blur();
  await page.waitForFunction(() => /Không có lỗi/.test(document.querySelector('#h-errors')?.textContent));

  await page.getByRole('button', { name: /Xem thay đổi và xuất bản/ }).click();
  await page.waitForSelector('table.changes');
  assert.equal(await page.locator('.unexplained li').count(), 0, 'the new quote writes the new values: nothing to mark');
  await page.fill('#reason-vi', 'Năm 2015 theo Báo cáo tổng kết năm 2016.');
  await page.getByRole('button', { name: 'Tạo tệp để tải lên' }).click();
  await openSingleFiles(page);
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Tải dataset\.json/ }).click()]);
  const data = JSON.parse(readFileSync(await d.path(), 'utf8'));
  const revision = data.revisions.at(-1);
  const by = Object.fromEntries(revision.changes.map((c) => [c.place, c]));
  assert.deepEqual(by['yearly[2015].top'], { place: 'yearly[2015].top', old: '54', new: '55' }, 'an edit, not a correction');
  assert.equal(by['yearly[2015].document'].new, 'bc-2016');
  assert.ok(data.documents.some((x) => x.id === 'bc-2016'));
  assert.equal(data.sentences['bc-2016-2015'], SENTENCE);
  assert.deepEqual(problems, []);
  await page.evaluate(() => localStorage.clear());
  await context.close();
  await site.close();
  rmSync(own, { recursive: true });
});
