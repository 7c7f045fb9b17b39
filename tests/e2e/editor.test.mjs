// The staff editor (edit.html), as staff use it: paste a 2018 row, fix the cell its message
// points at, see the preview follow, publish, serve the published page with the rest of dist/,
// and find the 2018 break on the reader's page. Also: the draft survives a reload, a broken file
// is refused and leaves the draft alone, a cell can be edited by keyboard alone, axe finds
// nothing, and the reader's page loads none of the editor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { DIST, serve, launch, openPage, ready, openSingleFiles } from './helpers.mjs';
import { htmlErrors } from './vnu.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'target', 'screenshots');
const FIXTURE = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/fixture-2016-2020.json'), 'utf8'));
const Y2018 = FIXTURE.yearly.find((r) => r.year === 2018);
let browser, server;
before(async () => {
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
  server = await serve({ compressed: true, hostHeaders: true });
});
after(async () => { await browser?.close(); await server?.close(); });

async function openEditor(url, size = {}) {
  const opened = await openPage(browser, `${url}edit.html`, size);
  await opened.page.waitForSelector('table.yearly tbody tr');
  return opened;
}

/** The editor's input for a place of the dataset, by the decoder's name for it. */
const cell = (place) => `[data-place="${place}"]`;

async function openSection(page, heading) {
  await page.click(`summary:has(#${heading})`);
}

test('paste a 2018 row, fix the cell its message names, preview, publish, and readers see the break', async () => {
  const copy = mkdtempSync(join(tmpdir(), 'tccs-publish-'));
  cpSync(DIST, copy, { recursive: true });
  const host = await serve({ root: copy, compressed: true, hostHeaders: true });
  const { page, context, problems } = await openEditor(host.url);

  // What a 2018 row needs first: the classification of Quy định 132-QĐ/TW, and its document.
  await openSection(page, 'h-classifications');
  await page.getByRole('button', { name: /Quy định 132-QĐ\/TW/ }).click();
  await openSection(page, 'h-documents');
  await page.getByRole('button', { name: 'Thêm tài liệu' }).click();
  const doc = FIXTURE.documents[0];
  // A new item is named by its id; not named yet, by its index (after the shipped documents).
  const shipped = JSON.parse(readFileSync(join(DIST, 'dataset.json'), 'utf8'));
  await page.fill(cell(`dataset.documents[${shipped.documents.length}].id`), doc.id);
  await page.fill(cell(`dataset.documents[${doc.id}].title`), doc.title);
  await page.fill(cell(`dataset.documents[${doc.id}].date`), doc.date);

  // The row as a spreadsheet copies it, with a header, a wrong total ("9l") and "53/78"-style
  // Vietnamese numbers.
  const header = ['Năm', 'Cách xếp loại', 'Số đạt', 'Tổng số', 'Tỷ lệ (%)', 'Không hoàn thành', 'Tỷ lệ không hoàn thành', 'Tài liệu', 'Trích dẫn'];
  const row = [2018, 'qd132', Y2018.top, '9l', `${Y2018.rate}%`, '02', Y2018.bottom_rate, doc.id, Y2018.quote];
  await page.fill('#paste-box', `${header.join('\t')}\r\n${row.join('\t')}\r\n`);
  const total = page.getByRole('textbox', { name: 'Dòng 1, Tổng số' });
  await assert.doesNotReject(total.waitFor());
  assert.equal(await total.getAttribute('aria-invalid'), 'true');
  const message = await page.textContent(`#${await total.getAttribute('aria-describedby')}`);
  assert.match(message, /“9l” không phải là số/);
  const apply = page.getByRole('button', { name: /Áp dụng 1 dòng/ });
  assert.ok(await apply.isDisabled(), 'nothing is applied while a cell is wrong');
  assert.equal(await page.locator('table.yearly tbody tr').count(), 10, 'the draft is untouched');

  // Fix the cell where the message is; then apply.
  await total.fill(String(Y2018.total));
  await page.waitForFunction(() => !document.querySelector('table.paste [aria-invalid="true"]'));
  await apply.click();
  await page.waitForSelector(cell('dataset.yearly[2018].total'));
  assert.equal(await page.inputValue(cell('dataset.yearly[2018].total')), String(Y2018.total));
  assert.equal(await page.inputValue(cell('dataset.yearly[2018].rate')), Y2018.rate);
  assert.match(await page.textContent('#h-errors'), /Không có lỗi/);

  // The preview (the reader's own app, in a frame) follows: 2018 and the new classification.
  const frame = page.frameLocator('iframe.preview-frame');
  await frame.locator('.range-ends').filter({ hasText: '2018' }).waitFor();
  assert.match(await frame.locator('#chart-quality').textContent(), /132-QĐ\/TW/);
  await page.screenshot({ path: join(SHOTS, 'editor-after-paste-1280.png') });

  // A wrong value typed in the table: the build's message sits next to that cell.
  await page.fill(cell('dataset.yearly[2018].top'), '95');
  const top = page.locator(cell('dataset.yearly[2018].top'));
  await page.waitForFunction((s) => document.querySelector(s).getAttribute('aria-invalid') === 'true', cell('dataset.yearly[2018].top'));
  assert.match(await page.textContent(`#${await top.getAttribute('aria-describedby')}`), /lớn hơn tổng số 91/);
  await page.fill(cell('dataset.yearly[2018].top'), String(Y2018.top));
  await page.waitForFunction(() => !document.querySelector('table.yearly [aria-invalid="true"]'));

  // Publish: the summary names each change, old → new; then the two files.
  await page.getByRole('button', { name: /Xem thay đổi và xuất bản/ }).click();
  // Each place in the staff's words (year, column, figure label), its id as secondary text.
  const changes = await page.$$eval('table.changes tbody tr', (trs) => trs.map((tr) => {
    const th = tr.querySelector('th');
    const id = th.querySelector('code.place-id').textContent;
    return [id, th.textContent.slice(0, -id.length).trim(), ...[...tr.querySelectorAll('td')].map((c) => c.textContent)];
  }));
  assert.deepEqual(changes.find((c) => c[0] === 'yearly[2018].total'), ['yearly[2018].total', 'Năm 2018 — Tổng số', '—', String(Y2018.total)]);
  const renamed = changes.find((c) => c[0] === 'classifications[qd132].name.vi');
  assert.ok(renamed, changes.map((c) => c[0]).join(' '));
  assert.equal(renamed[1], 'Cách xếp loại «qd132» — Tên (tiếng Việt)');
  assert.ok(!changes.some((c) => c[0].startsWith('revisions')), 'the history is not a change of its own');
  // No reason: refused with a message; with one, the files are made.
  await page.getByRole('button', { name: 'Tạo tệp để tải lên' }).click();
  assert.match(await page.textContent('.panel [role="alert"]'), /lý do cập nhật/);
  await page.fill('#reason-vi', 'Thêm số liệu năm 2018 theo báo cáo của Đảng ủy Khối.');
  await page.getByRole('button', { name: 'Tạo tệp để tải lên' }).click();
  // The files one by one (for a host that takes single files), and the guide's step for them.
  await openSingleFiles(page);
  const download = async (name) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Tải ${name}` }).click()]);
    assert.equal(d.suggestedFilename(), name);
    await d.saveAs(join(copy, name));
  };
  await download('index.html');
  await download('dataset.json');
  assert.deepEqual(problems, [], 'the editor ran without a console error or warning');
  await context.close();

  // The staff procedure: upload both, delete the old page's compressed copies.
  rmSync(join(copy, 'index.html.gz'));
  rmSync(join(copy, 'index.html.br'));
  const published = readFileSync(join(copy, 'index.html'), 'utf8');
  const original = readFileSync(join(DIST, 'index.html'), 'utf8');
  // Same asset references and integrity hashes (so the CSP and SRI hold), new data and view.
  const assets = (h) => [...h.matchAll(/(?<![-\w])(?:href|src|from|integrity)[=:] ?["']([^"']+)["']/g)].map((m) => m[1]).filter((a) => !a.startsWith('#'));
  assert.deepEqual(assets(published), assets(original));
  // The pre-rendered page is made from the new data: its quality table ends with 2018's row, and
  // its heading names the new years (the old page's did neither).
  const rendered = published.split('<!-- prerender:start -->')[1];
  const quality = rendered.split('id="table-quality"')[1].split('</tbody>')[0];
  const lastRow = [...quality.matchAll(/<tr[^>]*><th scope="row">(\d{4})<\/th>/g)].map((m) => m[1]).at(-1);
  assert.equal(lastRow, '2018', 'the quality table of the published page ends with 2018');
  assert.match(rendered, /<h1>[^<]*2008–2018/, 'the heading names 2008–2018');
  assert.doesNotMatch(original.split('<!-- prerender:start -->')[1], /<h1>[^<]*2008–2018/);
  // The page the publication wrote is valid HTML, as the build's is (W3C Nu HTML Checker).
  assert.deepEqual(htmlErrors(join(copy, 'index.html')), []);
  const json = JSON.parse(readFileSync(join(copy, 'dataset.json'), 'utf8'));
  assert.equal(json.yearly.at(-1).year, 2018);
  // Its history gains the publication: today, the reason, what changed (old → new).
  const revision = json.revisions.at(-1);
  assert.equal(json.revisions.length, 2);
  assert.match(revision.date, /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(revision.reason.vi, 'Thêm số liệu năm 2018 theo báo cáo của Đảng ủy Khối.');
  assert.deepEqual(revision.changes.find((c) => c.place === 'yearly[2018].total'), { place: 'yearly[2018].total', new: String(Y2018.total) });

  // A reader, on the published page with the host's own headers (CSP included).
  for (const [width, height] of [[390, 844], [1280, 900]]) {
    const reader = await openPage(browser, host.url, { width, height });
    await ready(reader.page);
    const rows = await reader.page.$$eval('#table-quality tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
    assert.equal(rows.at(-1)[0], '2018');
    assert.match(rows.at(-1).at(-1), /132-QĐ\/TW/);
    assert.match(rows.at(-2).at(-1), /trong sạch/i);
    assert.match(await reader.page.textContent('p.summary'), /2 cách xếp loại khác nhau/);
    assert.deepEqual(reader.problems, [], 'hydrated without a warning: the page was rendered from its own block');
    await reader.page.screenshot({ path: join(SHOTS, `published-2018-${width}.png`) });
    await reader.context.close();
  }
  await host.close();
  rmSync(copy, { recursive: true });
});

test('at 1280 × 900 the editor fits its window: the yearly table scrolls in its own box, beside the preview', async () => {
  const { page, context, problems } = await openPage(browser, `${server.url}edit.html`, { width: 1280, height: 900 });
  await page.waitForSelector(cell('dataset.yearly[2014].top'));
  const m = await page.evaluate(() => {
    const wrap = document.querySelector('table.yearly').closest('.table-scroll');
    const side = document.querySelector('.editor-side').getBoundingClientRect();
    return { page: document.documentElement.scrollWidth, win: innerWidth, right: wrap.getBoundingClientRect().right, side: side.left, inner: wrap.scrollWidth, box: wrap.clientWidth };
  });
  assert.ok(m.page <= m.win, `no sideways scrolling: the page is ${m.page} px in ${m.win}`);
  assert.ok(m.right <= m.side, `the table's box (to ${m.right}) ends before the preview (from ${m.side})`);
  assert.ok(m.inner > m.box, 'the table is wider than its box, so this checks its own scrolling');
  // Its last column is reached by scrolling the box, and is then inside it.
  await page.$eval('table.yearly', (t) => t.closest('.table-scroll').scrollLeft = 1e6);
  const last = await page.$eval('table.yearly thead th:last-child', (th) => {
    const r = th.getBoundingClientRect(); const b = th.closest('.table-scroll').getBoundingClientRect();
    return { left: r.left, right: r.right, boxLeft: b.left, boxRight: b.right + 1 };
  });
  assert.ok(last.left >= last.boxLeft && last.right <= last.boxRight, JSON.stringify(last));
  assert.deepEqual(problems, []);
  await context.close();
});

test('a second editor tab that wrote the draft is announced in the first', async () => {
  const { page, context, problems } = await openEditor(server.url);
  const other = await context.newPage();
  await other.goto(`${server.url}edit.html`);
  await other.waitForSelector('table.yearly tbody tr');
  await other.fill(cell('dataset.yearly[2015].total'), '86');
  await page.waitForSelector('.messages [role="alert"]');
  assert.match(await page.textContent('.messages [role="alert"]'), /thẻ hoặc cửa sổ khác/);
  assert.deepEqual(problems, []);
  await page.evaluate(() => localStorage.clear());
  await context.close();
});

test('a reload keeps the draft; "discard" goes back to the published figures', async () => {
  const { page, context, problems } = await openEditor(server.url);
  await page.fill(cell('dataset.yearly[2017].total'), '91');
  await page.waitForTimeout(100);
  await page.reload();
  await page.waitForSelector('table.yearly tbody tr');
  assert.equal(await page.inputValue(cell('dataset.yearly[2017].total')), '91');
  assert.match(await page.textContent('.messages'), /Đã mở lại bản nháp/);
  await page.getByRole('button', { name: 'Bỏ bản nháp…' }).click();
  await page.getByRole('button', { name: 'Bỏ bản nháp', exact: true }).click();
  await page.waitForFunction((s) => document.querySelector(s).value === '90', cell('dataset.yearly[2017].total'));
  await page.reload();
  await page.waitForSelector('table.yearly tbody tr');
  assert.equal(await page.inputValue(cell('dataset.yearly[2017].total')), '90');
  assert.deepEqual(problems, []);
  await context.close();
});

test('a dropped file that is not a dataset is refused with a message, and the draft is untouched', async () => {
  const { page, context, problems } = await openEditor(server.url);
  await page.fill(cell('dataset.yearly[2016].total'), '88');
  const before = await page.evaluate(() => localStorage.getItem('tccs-editor-draft'));
  const drop = (name, text) => page.evaluate(([name, text]) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'application/json' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, [name, text]);
  for (const [name, text, why] of [
    ['broken.json', '{"article": {', /không phải tệp JSON hợp lệ/],
    ['other.json', '{"name": "something else", "items": [1, 2]}', /không phải tệp dữ liệu của trang này/],
    ['newer.json', JSON.stringify({ ...FIXTURE, format: 2 }), /phiên bản mới hơn/],
  ]) {
    await drop(name, text);
    await page.waitForFunction((n) => document.querySelector('.messages [role="alert"]')?.textContent.includes(n), name);
    assert.match(await page.textContent('.messages [role="alert"]'), why, name);
    assert.equal(await page.inputValue(cell('dataset.yearly[2016].total')), '88', `${name}: the draft is untouched`);
    assert.equal(await page.evaluate(() => localStorage.getItem('tccs-editor-draft')), before);
  }
  // Pasted and dropped text is data, never markup.
  await page.fill('#paste-box', '<img src=x onerror="window.pwned=1">\t<b>bold</b>');
  await page.getByRole('textbox', { name: 'Dòng 1, Năm' }).waitFor();
  assert.equal(await page.inputValue('table.paste input >> nth=0'), '<img src=x onerror="window.pwned=1">');
  assert.equal(await page.$$eval('table.paste img, table.paste b', (els) => els.length), 0);
  await drop('<img src=x onerror=window.pwned=1>.json', '<script>window.pwned=1</script>');
  // Its refusal is shown, naming the file as text: the page has handled it.
  await page.waitForFunction(() => document.querySelector('.messages [role="alert"]')?.textContent.includes('<img src=x onerror=window.pwned=1>.json'));
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.$$eval('.messages img, .messages script', (els) => els.length), 0);
  await page.fill('#paste-box', '');
  // A valid file opens (and undo goes back).
  await drop('fixture.json', JSON.stringify(FIXTURE));
  await page.waitForSelector(cell('dataset.yearly[2020].total'));
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await page.waitForSelector(cell('dataset.yearly[2008].total'));
  assert.equal(await page.inputValue(cell('dataset.yearly[2016].total')), '88');
  assert.deepEqual(problems, []);
  await page.evaluate(() => localStorage.clear());
  await context.close();
});

test('a cell is edited with the keyboard alone, and undone from the keyboard', async () => {
  const { page, context, problems } = await openEditor(server.url);
  // "Open a file…" is reached by Tab, and its focus shows on the label people see.
  let onFile = false;
  for (let i = 0; i < 10 && !onFile; i++) {
    await page.keyboard.press('Tab');
    onFile = await page.evaluate(() => document.activeElement?.type === 'file');
  }
  assert.ok(onFile, 'Tab reaches the file input');
  assert.equal(await page.$eval('.file-input + label', (l) => getComputedStyle(l).outlineStyle), 'solid');
  const target = 'dataset.yearly[2017].total';
  let found = false;
  for (let i = 0; i < 200 && !found; i++) {
    await page.keyboard.press('Tab');
    found = await page.evaluate((p) => document.activeElement?.getAttribute('data-place') === p, target);
  }
  assert.ok(found, 'Tab reaches the cell');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('9l');
  await page.waitForFunction(() => document.activeElement.getAttribute('aria-invalid') === 'true');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  assert.equal(await page.inputValue(cell(target)), '91');
  await page.waitForFunction(() => /Không có lỗi/.test(document.querySelector('#h-errors').textContent));
  // Outside a text field, Ctrl+Z undoes the edit.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('Control+Z');
  await page.waitForFunction((s) => document.querySelector(s).value === '90', cell(target));
  assert.deepEqual(problems, []);
  await page.evaluate(() => localStorage.clear());
  await context.close();
});

test('axe: no violations in the editor (vi and en, phone and desktop, light and dark); screenshots', async () => {
  for (const [width, height, colorScheme] of [[1280, 900, 'light'], [390, 844, 'dark']]) {
    const { page, context, problems } = await openEditor(server.url, { width, height, colorScheme });
    await page.frameLocator('iframe.preview-frame').locator('figure.card canvas').first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, `editor-${width}-${colorScheme}.png`) });
    for (const lang of ['vi', 'en']) {
      if (lang === 'en') await page.getByRole('button', { name: 'English' }).first().click();
      await openSection(page, 'h-figures');
      await page.fill('#paste-box', '2018\t20\t9l\t21,98');
      await page.getByRole('button', { name: /^(Bỏ bản nháp…|Discard the draft…)$/ }).click(); // its confirmation shows
      const { violations } = await new AxeBuilder({ page }).analyze();
      const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      assert.deepEqual(summary, [], `${width} ${lang}: ${summary.join('\n')}`);
      await openSection(page, 'h-figures');
      await page.fill('#paste-box', '');
      await page.locator('.confirm button').nth(1).click(); // keep the draft
    }
    assert.deepEqual(problems, []);
    await page.evaluate(() => localStorage.clear());
    await context.close();
  }
});

test("the reader's page loads nothing of the editor", async () => {
  const { page, context } = await openPage(browser, server.url);
  const urls = [];
  page.on('request', (r) => urls.push(new URL(r.url()).pathname));
  await page.reload();
  await ready(page);
  assert.ok(urls.some((u) => u.endsWith('.wasm')));
  assert.deepEqual(urls.filter((u) => /editor|publisher|edit\.html/.test(u)), []);
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.doesNotMatch(html, /edit\.html|editor-|publisher\.js|publisher_bg/);
  assert.ok(existsSync(join(DIST, 'edit.html')) && existsSync(join(DIST, 'publisher_bg.wasm')));
  await context.close();
});

test('a figure a chart needs is marked required; renaming it is refused with the chart\'s name', async () => {
  const { page, context, problems } = await openEditor(server.url);
  await openSection(page, 'h-figures');
  const id = cell('dataset.figures[structure.total].id');
  await page.waitForSelector(id);
  const legend = await page.$eval(id, (el) => el.closest('fieldset').querySelector('legend').textContent);
  assert.match(legend, /bắt buộc: Biểu đồ cơ cấu cần số liệu này/);
  // Choices show the staff's words, the id after them.
  const options = await page.$$eval(`${cell('dataset.yearly[2008].classification')} option`, (os) => os.map((o) => o.textContent));
  assert.ok(options.includes('Xếp loại trong sạch vững mạnh (tsvm)'), options.join(' | '));
  await page.fill(id, 'structure.all');
  await page.waitForSelector('ul.list-errors[data-place="dataset.figures"]:not([hidden])');
  const message = await page.textContent('ul.list-errors[data-place="dataset.figures"]');
  assert.match(message, /Biểu đồ cơ cấu cần số liệu `structure.total`/);
  assert.match(await page.textContent('section.errors'), /Biểu đồ cơ cấu cần số liệu/);
  // Publishing waits until it is fixed.
  await page.getByRole('button', { name: /Xem thay đổi và xuất bản/ }).click();
  assert.ok(await page.getByRole('button', { name: 'Tạo tệp để tải lên' }).isDisabled());
  await page.keyboard.press('Escape');
  await page.fill(cell('dataset.figures[structure.all].id'), 'structure.total');
  await page.waitForSelector('ul.list-errors[data-place="dataset.figures"][hidden]', { state: 'attached' });
  assert.deepEqual(problems, []);
  await page.evaluate(() => localStorage.clear());
  await context.close();
});

test('a year that cannot be right, typed by staff, is named on its cell, and publishing waits', async () => {
  const { page, context, problems } = await openEditor(server.url);
  // 2017 mistyped as 20017: still after 2016, so only the plausible range can refuse it.
  await page.fill(cell('dataset.yearly[2017].year'), '20017');
  const year = page.locator(cell('dataset.yearly[20017].year'));
  await year.waitFor();
  await page.waitForFunction((s) => document.querySelector(s).getAttribute('aria-invalid') === 'true', cell('dataset.yearly[20017].year'));
  const message = await page.textContent(`#${await year.getAttribute('aria-describedby')}`);
  assert.match(message, /năm 20017 không thể đúng với loại số liệu này \(phải từ 1930 đến 2100\)/);
  await page.getByRole('button', { name: /Xem thay đổi và xuất bản/ }).click();
  assert.ok(await page.getByRole('button', { name: 'Tạo tệp để tải lên' }).isDisabled());
  await page.keyboard.press('Escape');
  await page.fill(cell('dataset.yearly[20017].year'), '2017');
  await page.waitForFunction(() => /Không có lỗi/.test(document.querySelector('#h-errors')?.textContent));
  assert.deepEqual(problems, []);
  await page.evaluate(() => localStorage.clear());
  await context.close();
});
