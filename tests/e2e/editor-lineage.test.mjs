// The editor's lineage sections as staff use them: units added, renamed and removed, a flow
// added and edited, the page's own unit changed, each check at its cell (a sum that does not
// match, a unit nobody listed, a date out of order or not a date), then a publication the reader's
// page draws. (Adding an event is tests/e2e/lineage.test.mjs.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serve, launch, openPage, ready, publishArchive } from './helpers.mjs';

const shipped = JSON.parse(readFileSync(join(DIST, 'dataset.json'), 'utf8'));
const cell = (place) => `[data-place="${place}"]`;
let browser, copy, host;
before(async () => {
  browser = await launch();
  copy = mkdtempSync(join(tmpdir(), 'tccs-editor-lineage-'));
  cpSync(DIST, copy, { recursive: true });
  host = await serve({ root: copy, compressed: true, hostHeaders: true });
});
after(async () => {
  await browser?.close();
  await host?.close();
  if (copy) rmSync(copy, { recursive: true });
});

/** The message shown at a cell (its aria-describedby), once the cell says it is invalid. */
async function messageAt(page, place) {
  await page.waitForFunction((s) => document.querySelector(s)?.getAttribute('aria-invalid') === 'true', cell(place));
  const id = await page.getAttribute(cell(place), 'aria-describedby');
  return page.textContent(`#${id}`);
}
/** Waits until the draft has no error left. */
const clean = (page) => page.waitForFunction(() => /Không có lỗi/.test(document.querySelector('#h-errors')?.textContent));

test('units, flows and the page\'s unit: added, edited and removed, each check at its cell, then published and drawn', async () => {
  const { page, context, problems } = await openPage(browser, `${host.url}edit.html`, { width: 1280, height: 900 });
  await page.waitForSelector('table.yearly tbody tr');
  for (const h of ['h-units', 'h-events', 'h-flows', 'h-lineage']) await page.click(`summary:has(#${h})`);

  // A unit added, named; another added and removed again.
  const n = shipped.units.length;
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await page.fill(cell(`dataset.units[${n}].id`), 'phuong-dien-hong');
  const unit = (f) => cell(`dataset.units[phuong-dien-hong].${f}`);
  await page.fill(unit('name.vi'), 'Đảng bộ phường Diên Hồng');
  await page.fill(unit('name.en'), 'Diên Hồng Ward Party Organisation');
  await page.fill(unit('short.vi'), 'Phường Diên Hồng');
  await page.fill(unit('short.en'), 'Diên Hồng Ward');
  await page.getByRole('button', { name: 'Thêm đơn vị' }).click();
  await page.fill(cell(`dataset.units[${n + 1}].id`), 'tam-thoi');
  await page.getByRole('button', { name: 'Xóa Đơn vị tam-thoi' }).click();
  await page.waitForFunction((s) => !document.querySelector(s), cell('dataset.units[tam-thoi].id'));
  // An existing unit renamed.
  await page.fill(cell('dataset.units[ubnd].name.vi'), 'Đảng ủy Ủy ban nhân dân tỉnh');

  // A flow to a unit nobody listed: named at the flow's cell.
  const last = shipped.flows.length - 1;
  const was = shipped.flows[last].to.join(', ');
  await page.fill(cell(`dataset.flows[${last}].to`), 'pleiku, khong-co');
  assert.match(await messageAt(page, `dataset.flows[${last}].to`), /không có đơn vị "khong-co" trong danh sách đơn vị/);
  await page.fill(cell(`dataset.flows[${last}].to`), was);
  await clean(page);

  // Flows that do not add up to their event's whole: named at the event's figure.
  const event = shipped.flows[0].event;
  const first = shipped.flows[0].organisations;
  const other = shipped.flows[1].organisations;
  await page.selectOption(cell('dataset.flows[0].organisations'), other);
  assert.match(await messageAt(page, `dataset.events[${event}].organisations`), /các dòng chuyển cộng lại \d+, nhưng nguồn ghi tổng \d+/);
  await page.selectOption(cell('dataset.flows[0].organisations'), first);
  await clean(page);

  // A date out of order, and a date that is no date.
  // An event after 2018 whose event before it is too: 2018-01-01 comes before that one.
  const k = shipped.events.findIndex((e, i) => i > 0 && shipped.events[i - 1].date > '2018-01-01');
  const later = shipped.events[k].id;
  const date = shipped.events[k].date;
  await page.fill(cell(`dataset.events[${later}].date`), '2018-01-01');
  assert.match(await messageAt(page, `dataset.events[${later}].date`), /ngày 2018-01-01 trước ngày .* của sự kiện đứng trước/);
  await page.fill(cell(`dataset.events[${later}].date`), '2025-02-30');
  assert.match(await messageAt(page, `dataset.events[${later}].date`), /"2025-02-30" phải là ngày có thật/);
  await page.fill(cell(`dataset.events[${later}].date`), date);
  await clean(page);

  // The page's own unit: one not among the units is refused at its cell; then back.
  await page.fill(cell('dataset.lineage_unit'), 'khong-co');
  assert.match(await messageAt(page, 'dataset.lineage_unit'), /không có đơn vị "khong-co" trong danh sách đơn vị/);
  await page.fill(cell('dataset.lineage_unit'), shipped.lineage_unit);
  await clean(page);

  // A new flow to the new unit, its figures not published; the event hands it over too.
  const into = cell(`dataset.events[${event}].into`);
  await page.fill(into, `${await page.inputValue(into)}, phuong-dien-hong`);
  await page.getByRole('button', { name: 'Thêm dòng chuyển' }).click();
  const f = shipped.flows.length;
  await page.selectOption(cell(`dataset.flows[${f}].event`), event);
  await page.fill(cell(`dataset.flows[${f}].to`), 'phuong-dien-hong');
  await clean(page);

  // Published as staff publish: the one archive extracted over the site folder.
  await page.getByRole('button', { name: /Xem thay đổi và xuất bản/ }).click();
  await page.fill('#reason-vi', 'Thêm đơn vị nhận và đổi tên một đơn vị (thử nghiệm).');
  await page.getByRole('button', { name: 'Tạo tệp để tải lên' }).click();
  await publishArchive(page, copy);
  assert.deepEqual(problems, [], 'the editor worked without a console error');
  await page.evaluate(() => localStorage.clear());
  await context.close();

  const published = JSON.parse(readFileSync(join(copy, 'dataset.json'), 'utf8'));
  assert.ok(published.units.some((u) => u.id === 'phuong-dien-hong'));
  assert.ok(!published.units.some((u) => u.id === 'tam-thoi'));
  // Its figures are not published: empty, never 0.
  // From every unit of its event (no givers named).
  assert.deepEqual(published.flows.at(-1), { event, from: [], to: ['phuong-dien-hong'], organisations: null, members: null });

  // The reader's lineage: the new unit, reached by a link nobody published, and the new name.
  const reader = await openPage(browser, host.url, { width: 1280, height: 900 });
  await ready(reader.page);
  await reader.page.$eval('#chart-lineage', (e) => e.scrollIntoView());
  await reader.page.waitForSelector('#chart-lineage .plot.painted');
  const rows = await reader.page.$$eval('#table-lineage tbody tr', (trs) => trs.map((tr) => tr.textContent));
  const row = rows.find((r) => r.includes('Đảng bộ phường Diên Hồng'));
  assert.ok(row, `a row for the new unit: ${rows.join(' | ')}`);
  assert.match(row, /không công bố/);
  assert.ok(rows.some((r) => r.includes('Đảng ủy Ủy ban nhân dân tỉnh')), 'the renamed unit');
  assert.deepEqual(reader.problems, []);
  await reader.context.close();
});
