// What became of the unit: the lineage card with its figures, its unknowns and its sources, in
// vi and en, at a phone's and a desktop's width and in print; the line under the title and its
// link; members as the second view; the table, the tooltip and the exports; and staff adding an
// event in the editor and publishing it. Screenshots go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, serve, launch, openPage, ready, canvasInfo, publishArchive } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'target', 'screenshots');
const data = JSON.parse(readFileSync(join(ROOT, 'data/dataset.json'), 'utf8'));
let server, browser;
before(async () => { server = await serve({ compressed: true, hostHeaders: true }); browser = await launch(); mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

/** The lineage card's table rows, cell by cell. */
const rows = (page) => page.$$eval('#table-lineage tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));

async function card(page) {
  await page.$eval('#chart-lineage', (e) => e.scrollIntoView());
  await page.waitForSelector('#chart-lineage .plot.painted');
}

for (const [lang, width, height] of [['vi', 390, 844], ['en', 1280, 900]]) {
  test(`the lineage card (${lang}, ${width} px): what is published, what is not, and where it says so`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?lang=${lang}`, { width, height, deviceScaleFactor: 2 });
    await ready(page);
    await card(page);
    const info = await canvasInfo(page, '#chart-lineage canvas');
    assert.ok(info.ink > 2000, `drawn (${info.ink} px of ink)`);
    const t = await rows(page);
    assert.equal(t.length, 15);
    const vi = lang === 'vi';
    const at = (date) => t.filter((r) => r[1] === date);
    // In time order, 2006 to 2026, the article's own years in their place.
    assert.deepEqual(t.map((r) => r[1]).filter(Boolean), ['14/04/2006', '2008–2017', '14/04/2016', '01/03/2019', '13/02/2025', '13/02/2025', '13/02/2025', '13/02/2025', '01/07/2025', '15/01/2026']);
    // The enterprises bloc founded in 2006: 62 organisations and 1.118 members, from two givers
    // whose shares are not published.
    assert.deepEqual(at('14/04/2006')[0].slice(2, 6), vi
      ? ['Thành lập (Quyết định 83-QĐ/TU ngày 14/04/2006, Ban Thường vụ Tỉnh ủy Gia Lai)', '62', '1.118', 'ngày không ghi']
      : ['Founded (Decision 83-QĐ/TU of 14/04/2006, Standing Committee of the Gia Lai Provincial Party Committee)', '62', '1,118', 'date not given']);
    // Its size in 2016: "trên 1.800" members, a lower bound shown as one.
    assert.deepEqual(at('14/04/2016')[0].slice(3, 5), vi ? ['53', 'trên 1.800'] : ['53', 'over 1,800']);
    // The merger: 127 organisations and 4.537 members, their date not given (never 2019).
    assert.deepEqual(at('01/03/2019')[0].slice(0, 6), vi
      ? ['Đảng bộ Khối các cơ quan và doanh nghiệp tỉnh', '01/03/2019', 'Hợp nhất (Quyết định 1300-QĐ/TU ngày 27/02/2019, Ban Thường vụ Tỉnh ủy Gia Lai)', '127', '4.537', 'ngày không ghi']
      : ['Party Organisation of the Provincial Agencies and Enterprises Bloc', '01/03/2019', 'Merged (Decision 1300-QĐ/TU of 27/02/2019, Standing Committee of the Gia Lai Provincial Party Committee)', '127', '4,537', 'date not given']);
    // The transfer and its three recipients, with their members.
    assert.deepEqual(at('13/02/2025').map((r) => [r[3], r[4]]), vi
      ? [['105', '4.558'], ['22', '567'], ['52', '3.413'], ['31', '578']]
      : [['105', '4,558'], ['22', '567'], ['52', '3,413'], ['31', '578']]);
    // The provinces' merger of 1/7/2025 and the ward's handover of January 2026, 7 + 3 by giver.
    assert.deepEqual(at('01/07/2025')[0].slice(3, 5), vi ? ['12', '1.753'] : ['12', '1,753']);
    const ward = at('15/01/2026')[0];
    assert.deepEqual(ward.slice(3, 6), vi ? ['10', '670', '15/01/2026'] : ['10', '670', '15/01/2026']);
    assert.match(ward[6], vi ? /ngân hàng thương mại nhà nước: 7; Đảng ủy UBND tỉnh \(tỉnh sau sáp nhập\): 3/ : /commercial banks: 7; .*: 3/);
    // A giver of the founding: not published, said, never 0.
    assert.equal(t[1][3], vi ? 'không công bố' : 'not published');
    // The line under the title names the latest known state.
    assert.match(await page.textContent('#chart-lineage .subtitle'), vi ? /^Mới nhất, 15\/01\/2026: Đảng bộ phường Pleiku, 10 tổ chức · 670 đảng viên/ : /^Latest, 15\/01\/2026: Pleiku Ward Party Organisation, 10 organisations · 670 members/);
    assert.match(await page.textContent('#chart-lineage h2'), vi ? /^Đơn vị này qua các lần hợp nhất, chuyển giao$/ : /^This unit through its mergers and handovers$/);
    assert.match(await page.textContent('#chart-lineage .subtitle'), vi ? /không theo bộ lọc năm/ : /not filtered by year/);
    const notes = await page.textContent('#chart-lineage .notes');
    assert.match(notes, vi ? /Nét đứt: nguồn không công bố/ : /Dashed: the source does not publish/);
    assert.match(notes, vi ? /nguồn ghi chung/ : /gives these together/);
    assert.match(notes, vi ? /trên 1\.800: nguồn chỉ ghi giới hạn dưới/ : /over 1,800: the source gives only a lower bound/);
    assert.match(await page.textContent('#chart-lineage .card-summary'), vi ? /105 tổ chức chuyển về 3 nơi ngày 13\/02\/2025/ : /105 organisations went to 3 others on 13\/02\/2025/);
    assert.match(await page.textContent('#chart-lineage .source'), /baogialai|Báo Gia Lai|Gia Lai Newspaper/);
    await (await page.$('#chart-lineage')).screenshot({ path: join(SHOTS, `lineage-${width}-${lang}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

/** In the page: the parts of the lineage card that run out of its box sideways (what sits in
 *  a scrolling box, the table's, may be wider than the card: it scrolls there; what only screen
 *  readers read is clipped to nothing). */
const outOfBox = () => {
  const card = document.getElementById('chart-lineage').getBoundingClientRect();
  return [...document.querySelectorAll('#chart-lineage *')]
    .filter((e) => !e.closest('.table-wrap') || e.classList.contains('table-wrap'))
    // Text for screen readers only, clipped to nothing on purpose.
    .filter((e) => !(e.classList.contains('sr-only') && getComputedStyle(e).position === 'absolute'))
    .filter((e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < card.left - 0.5 || r.right > card.right + 0.5); })
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
};

test('the lineage at 320 px and in print: nothing runs out of its box, the table beside it in landscape', async () => {
  const { page, context, problems } = await openPage(browser, server.url, { width: 320, height: 700, deviceScaleFactor: 2 });
  await ready(page);
  await card(page);
  const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(over, 0, 'no sideways scroll at 320 px');
  assert.deepEqual(await page.evaluate(outOfBox), [], 'every part inside the card at 320 px');
  await (await page.$('#chart-lineage')).screenshot({ path: join(SHOTS, 'lineage-320.png') });
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => document.querySelector('#chart-lineage .plot.painted'));
  assert.ok(await page.isVisible('#table-lineage'), 'the table prints');
  assert.deepEqual(await page.evaluate(outOfBox), [], 'every part inside the card in print');
  // A landscape page: the table beside the chart, both inside the card.
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.waitForFunction(() => {
    const plot = document.querySelector('#chart-lineage .plot').getBoundingClientRect();
    const table = document.querySelector('#chart-lineage .table-wrap').getBoundingClientRect();
    return table.left >= plot.right - 0.5 && table.top < plot.bottom;
  });
  assert.deepEqual(await page.evaluate(outOfBox), [], 'every part inside the card in landscape print');
  await (await page.$('#chart-lineage')).screenshot({ path: join(SHOTS, 'lineage-print.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the line under the title names what became of the unit and leads to the card, from either page', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}?tab=sources`, { width: 390, height: 844 });
  await page.waitForSelector('html.app-ready');
  const line = await page.textContent('.fate a');
  assert.equal(line, 'Hợp nhất ngày 01/03/2019 vào Khối các cơ quan và doanh nghiệp; kết thúc ngày 10/02/2025');
  // The Sources page lists the new sources with their addresses and quotes.
  await page.waitForSelector('#lineage-events');
  const sources = await page.textContent('ul.documents');
  for (const d of data.documents) assert.ok(sources.includes(d.url), d.url);
  assert.equal(await page.$$eval('table.events tbody tr', (r) => r.length), data.events.length);
  await page.click('.fate a');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('tab') === null && document.querySelector('#chart-lineage'));
  await page.waitForFunction(() => { const r = document.querySelector('#chart-lineage').getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0; });
  assert.deepEqual(problems, []);
  await context.close();
});

test('members as the second view: the URL says so, the bars change, the figures stay', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  await card(page);
  const before = await canvasInfo(page, '#chart-lineage canvas');
  const table = await rows(page);
  await page.click('#chart-lineage button.measure[aria-pressed="false"]');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('measure') === 'members');
  const afterInfo = await canvasInfo(page, '#chart-lineage canvas');
  assert.notEqual(afterInfo.hash, before.hash, 'drawn in members');
  assert.deepEqual(await rows(page), table, 'the table holds both measures already');
  assert.match(await page.textContent('#chart-lineage .subtitle'), /số đảng viên/);
  // A fresh page with the URL draws the same.
  const fresh = await openPage(browser, `${server.url}?measure=members`);
  await ready(fresh.page);
  await card(fresh.page);
  assert.equal((await canvasInfo(fresh.page, '#chart-lineage canvas')).hash, afterInfo.hash);
  await fresh.context.close();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the lineage tooltip by keyboard, and its files: CSV with empty unknowns, JSON with the events, SVG, PNG', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  await card(page);
  await page.focus('#chart-lineage .plot');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#chart-lineage .tooltip');
  assert.match(await page.textContent('#chart-lineage .tooltip'), /Đảng bộ TP\. Pleiku.*Trước sự kiện ngày 14\/04\/2006/s);
  await page.click('#chart-lineage details.downloads summary');
  const save = async (cls) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#chart-lineage button.${cls}`)]);
    return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
  };
  const csv = await save('dl-csv');
  assert.match(csv.name, /_lineage_2008-2017\.csv$/);
  assert.match(csv.text, /\r\nĐảng bộ TP\. Pleiku,,Trước sự kiện ngày 14\/04\/2006 \(Thành lập\),,,/);
  // A lower bound stays words in the file, never the number 1800.
  assert.match(csv.text, /,14\/04\/2016,Quy mô được công bố,53,trên 1\.800,/);
  assert.match(csv.text, /,127,4537,ngày không ghi,/);
  const json = JSON.parse((await save('dl-json')).text);
  assert.deepEqual(json.events.map((e) => e.id), data.events.map((e) => e.id));
  assert.deepEqual(json.flows, data.flows);
  assert.equal(json.documents.length, data.documents.length);
  const svg = await save('dl-svg');
  assert.match(svg.text, /^<svg/);
  assert.match(svg.text, /127 tổ chức · 4\.537 đảng viên/);
  assert.match(svg.text, /Báo Gia Lai/);
  const png = await Promise.all([page.waitForEvent('download'), page.click('#chart-lineage button.dl-png')]);
  assert.match(png[0].suggestedFilename(), /_lineage_2008-2017\.png$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('staff add an event in the editor and publish it; readers see it in the lineage', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'tccs-lineage-'));
  cpSync(DIST, copy, { recursive: true });
  const host = await serve({ root: copy, compressed: true, hostHeaders: true });
  const cell = (place) => `[data-place="${place}"]`;
  const { page, context, problems } = await openPage(browser, `${host.url}edit.html`);
  await page.waitForSelector('table.yearly tbody tr');
  await page.click('summary:has(#h-events)');
  await page.getByRole('button', { name: 'Thêm sự kiện' }).click();
  // A new item not named yet is called by its index.
  await page.fill(cell(`dataset.events[${data.events.length}].id`), 'thu-nghiem');
  const at = (f) => cell(`dataset.events[thu-nghiem].${f}`);
  await page.selectOption(at('kind'), 'ended');
  await page.fill(at('date'), '2026-07-01');
  await page.fill(at('units'), 'pleiku');
  await page.fill(at('decided_by.vi'), 'Ban Thường vụ Tỉnh ủy');
  await page.fill(at('decided_by.en'), 'Provincial Standing Committee');
  await page.selectOption(at('document'), 'baogialai-311844');
  await page.selectOption(at('source'), 'lineage_transfer');
  // A quote that is not in its sentence is named on its cell.
  await page.fill(at('quote'), 'Đảng bộ TP. Pleiku đã kết thúc');
  await page.waitForFunction((s) => document.querySelector(s).getAttribute('aria-invalid') === 'true', at('quote'));
  const top = page.locator(at('quote'));
  assert.match(await page.textContent(`#${await top.getAttribute('aria-describedby')}`), /không nằm trong câu nguồn/);
  await page.fill(at('quote'), 'Đảng bộ TP. Pleiku');
  await page.waitForFunction(() => /Không có lỗi/.test(document.querySelector('#h-errors')?.textContent));
  await page.getByRole('button', { name: /Xem thay đổi và xuất bản/ }).click();
  await page.fill('#reason-vi', 'Thêm sự kiện thử nghiệm.');
  await page.getByRole('button', { name: 'Tạo tệp để tải lên' }).click();
  await publishArchive(page, copy);
  assert.deepEqual(problems, [], 'the editor published without a console error');
  await page.evaluate(() => localStorage.clear());
  await context.close();
  const published = JSON.parse(readFileSync(join(copy, 'dataset.json'), 'utf8'));
  assert.equal(published.events.at(-1).id, 'thu-nghiem');
  assert.ok(published.revisions.at(-1).changes.some((c) => c.place.startsWith('events')), JSON.stringify(published.revisions.at(-1).changes));
  const reader = await openPage(browser, host.url);
  await ready(reader.page);
  await card(reader.page);
  const t = await rows(reader.page);
  // The last row of the ward's predecessor, Pleiku city (with Ia Grai), now says it ended.
  const pleiku = t.filter((r) => r[0].startsWith('Đảng bộ TP. Pleiku')).at(-1);
  assert.match(pleiku[7], /01\/07\/2026: Kết thúc hoạt động/);
  assert.deepEqual(reader.problems, []);
  await reader.context.close();
  await host.close();
  rmSync(copy, { recursive: true });
});
