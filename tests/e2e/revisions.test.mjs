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
import { DIST, serve, launch, openPage, ready } from './helpers.mjs';

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
  assert.match(await page.textContent('.panel [role="alert"]'), /yearly\[2014\]\.(rate|top).*đính chính nguồn/s);
  for (const box of await page.locator('.unexplained input[type="checkbox"]').all()) await box.check();
  await make.click();

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
