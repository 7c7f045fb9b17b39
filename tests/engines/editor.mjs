// The staff editor in one engine through standard WebDriver: publish a correction (2014's count
// 41 → 42, marked as correcting its source) and get the files to upload; and when the editor
// stops, the message says the draft is safe and hands it over without the wasm.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../scripts/static-host.mjs';
import { start } from './webdriver.mjs';
import { DIST, trapPages, trapAndRead, recordSaves, saved } from './pages.mjs';

const cell = (place) => `[data-place="${place}"]`;
const REASON = 'Báo cáo năm 2015 đính chính số đạt năm 2014.';

export function suite(engine) {
  describe(`${engine}: the editor`, () => {
    let b, app;
    before(async () => {
      app = await serve({ root: DIST, compressed: true, hostHeaders: true, pages: trapPages() });
      b = await start(engine);
      await b.setSize(1280, 900);
    });
    after(async () => { await b?.quit(); await app?.close(); });

    /** Opens the editor on the published data (no draft kept from an earlier test). */
    async function openEditor(page = 'edit.html') {
      await b.go(`${app.url}${page}`);
      await b.run(() => localStorage.clear());
      await b.go(`${app.url}${page}`);
      await b.waitFor((s) => document.querySelector(s), { message: 'the yearly table' }, cell('dataset.yearly[2014].top'));
    }
    async function type(place, value) {
      const input = await b.find(cell(place));
      await b.cmd('POST', input.path('/clear'), {});
      await input.type(value);
    }
    const button = (label) => b.run((l) => [...document.querySelectorAll('button')].find((x) => x.textContent.trim().startsWith(l)), label);

    test('publishes a correction: the page and the data file carry it, with its reason and old value', async () => {
      await openEditor();
      await type('dataset.yearly[2014].top', '42');
      await type('dataset.yearly[2014].rate', '50,00');
      await b.waitFor(() => /Không có lỗi/.test(document.querySelector('#h-errors')?.textContent), { message: 'no errors' });
      await (await button('Xem thay đổi và xuất bản')).click();
      const asked = await b.waitFor(() => { const l = document.querySelectorAll('.unexplained li'); return l.length && [...l].map((x) => x.textContent); }, { message: 'the values the quote does not write' });
      assert.equal(asked.length, 2);
      assert.match(asked.join('\n'), /42.*41\/84/s);
      const reason = await b.find('#reason-vi');
      await reason.type(REASON);
      for (const box of await b.run(() => [...document.querySelectorAll('.unexplained input[type="checkbox"]')])) await box.click();
      await b.run(recordSaves);
      await (await button('Tạo tệp để tải lên')).click();
      await b.waitFor(() => document.querySelector('.single-files summary'), { timeout: 60000, message: 'the files to upload' });
      await (await b.find('.single-files summary')).click(); // the files one by one
      await (await button('Tải index.html')).click();
      await (await button('Tải dataset.json')).click();
      const page = await b.runAsync(saved, 'index.html');
      const data = JSON.parse(await b.runAsync(saved, 'dataset.json'));
      const revision = data.revisions.at(-1);
      assert.equal(revision.reason.vi, REASON);
      assert.deepEqual(revision.changes.map((c) => [c.place, c.old, c.new, c.kind]).sort(), [
        ['yearly[2014].rate', '48,81', '50,00', 'correction'],
        ['yearly[2014].top', '41', '42', 'correction'],
      ]);
      assert.match(page, /42 \(đã đính chính\)/, 'the published page shows the corrected cell');
      assert.ok(page.includes(REASON), 'the page carries the reason in its dataset block');
    });

    test('when the editor stops, it says the draft is safe and hands it over', async () => {
      await openEditor('trap-edit.html');
      await type('dataset.yearly[2014].top', '42');
      await b.waitFor(() => JSON.parse(localStorage.getItem('tccs-editor-draft') || '{"yearly":[]}').yearly.some((r) => r.year === 2014 && r.top === 42), { message: 'the draft saved' });
      const message = await b.runAsync(trapAndRead);
      assert.match(message, /Trình biên tập đã dừng vì một lỗi/);
      assert.match(message, /vẫn an toàn trong trình duyệt này/);
      assert.match(message, /is safe in this browser/);
      await b.run(recordSaves);
      await (await b.find('.app-fault button.save-draft')).click();
      const draft = JSON.parse(await b.runAsync(saved, 'dataset.json'));
      assert.equal(draft.yearly.find((r) => r.year === 2014).top, 42, 'the downloaded draft holds the change');
    });
  });
}
