// Faults after start-up (README: "a fault after start-up says so"): a trap of the wasm, an uncaught error and
// an unhandled rejection, each once the app is ready. Each must say so in both languages, show
// every card's table (the cards read from the page), hide the controls that no longer work, offer
// a Reload that brings the app back, and keep an embedding page's iframe the height of what the
// page now shows. The editor's fault says whether the draft is safe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openPage } from './helpers.mjs';
import { trapPages } from '../engines/pages.mjs';

let app, browser;
before(async () => { app = await serve({ pages: trapPages() }); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

/** In the page: each fault, set off from the page's own context by the trap fixture
 *  (tests/engines/trap.js): the app's wasm trapping, as a panic in any of its handlers would; an
 *  error nobody catches; a promise rejected that nobody awaits. */
const FAULTS = Object.fromEntries(['trap', 'error', 'rejection'].map((kind) => [kind, kind === 'trap' ? 'now' : kind]));
const setOff = (kind) => { document.documentElement.dataset.trap = kind; };

/** In the page: what a reader of the stopped page can see and use. */
const stoppedPage = () => {
  const shown = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden'; };
  const fault = document.querySelector('.app-fault');
  return {
    message: fault?.textContent ?? null,
    role: fault?.getAttribute('role') ?? null,
    stopped: document.documentElement.classList.contains('app-stopped'),
    cards: [...document.querySelectorAll('figure.card')].map((f) => {
      const wrap = f.querySelector('.table-wrap');
      const canvas = f.querySelector('canvas');
      return {
        id: f.id,
        table: !!wrap && shown(wrap) && wrap.getBoundingClientRect().height > 60,
        rows: f.querySelectorAll('.table-wrap tbody tr').length,
        // The chart stays readable: its canvas as painted, or the build's picture.
        picture: !!f.querySelector('.plot-fallback svg') || (canvas && canvas.width > 0),
      };
    }),
    // Controls that need the app: none a reader can still see (a link still works; so does a
    // native <details> disclosure, and the Reload button is the fault message's own).
    controls: [...document.querySelectorAll('#app button, #app input, #app select, #app textarea')]
      .filter(shown).map((e) => e.outerHTML.slice(0, 80)),
  };
};

function assertStopped(seen, kind) {
  assert.ok(seen.message, `${kind}: a message`);
  assert.match(seen.message, /Phần tương tác của trang đã dừng vì một lỗi/, `${kind}: Vietnamese`);
  assert.match(seen.message, /The interactive part of this page stopped because of an error/, `${kind}: English`);
  assert.equal(seen.role, 'alert', `${kind}: announced`);
  assert.ok(seen.stopped, `${kind}: the page marks itself stopped`);
  assert.ok(seen.cards.length >= 1, `${kind}: cards`);
  for (const c of seen.cards) {
    assert.ok(c.table && c.rows > 0, `${kind}: ${c.id}'s table shown, with its rows (${JSON.stringify(c)})`);
    assert.ok(c.picture, `${kind}: ${c.id}'s chart still there`);
  }
  assert.deepEqual(seen.controls, [], `${kind}: no dead control left visible`);
}

for (const [kind, fault] of Object.entries(FAULTS)) {
  test(`${kind === "error" ? "an" : "a"} ${kind} after start-up: the message in both languages, every table, no dead control, and Reload brings the app back`, async () => {
    const { page, context } = await openPage(browser, `${app.url}trap.html`, { width: 1280, height: 900 });
    await page.waitForSelector('html.app-ready');
    // The page as the app left it: tables folded away, controls working.
    const before = await page.evaluate(stoppedPage);
    assert.equal(before.message, null);
    assert.ok(before.controls.length > 5, 'the live page has its controls');
    assert.ok(before.cards.some((c) => !c.table), 'tables are on demand before the fault');
    await page.evaluate(setOff, fault);
    await page.waitForSelector('.app-fault', { timeout: 5000 });
    const seen = await page.evaluate(stoppedPage);
    assertStopped(seen, kind);
    assert.equal(seen.cards.length, before.cards.length, 'every card stays');
    // Reload: the page comes back whole, its app running.
    await Promise.all([page.waitForEvent('load'), page.click('.app-fault button')]);
    await page.waitForSelector('html.app-ready');
    assert.equal(await page.$('.app-fault'), null, 'the reloaded page has no fault');
    await context.close();
  });
}

test('in English, the Reload button says so', async () => {
  const { page, context } = await openPage(browser, `${app.url}trap.html?lang=en`, { width: 390, height: 844 });
  await page.waitForSelector('html.app-ready');
  await page.evaluate(setOff, FAULTS.error);
  await page.waitForSelector('.app-fault');
  assert.equal(await page.textContent('.app-fault button'), 'Reload the page');
  await context.close();
});

for (const kind of Object.keys(FAULTS)) {
  test(`${kind === "error" ? "an" : "a"} ${kind} inside an embed: the portal's iframe takes the height of what the stopped page shows`, async () => {
    const host = await serve({ pages: { '/article.html': `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Portal</title><link rel="icon" href="data:,"></head>
<body style="margin:0"><h1>Portal</h1><iframe id="f" src="${app.url}trap.html?chart=quality&embed=1" title="chart" style="border:0;width:100%" height="150"></iframe>
<script src="${app.url}embed.js"></script></body></html>` } });
    const { page, context } = await openPage(browser, `${host.url}article.html`, { width: 800, height: 900 });
    const frame = await (await page.waitForSelector('#f')).contentFrame();
    await frame.waitForSelector('html.app-ready');
    const inner = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const outer = () => page.$eval('#f', (f) => Math.round(f.getBoundingClientRect().height));
    // Sized to the live page first (the app's own messages).
    await page.waitForFunction(async () => document.getElementById('f').getBoundingClientRect().height > 300);
    const live = await outer();
    await frame.evaluate(setOff, FAULTS[kind]);
    await frame.waitForSelector('.app-fault');
    const seen = await frame.evaluate(stoppedPage);
    assertStopped(seen, kind);
    // The stopped page is taller (its table shown, the message above): the iframe follows it,
    // from boot.js's own messages (the app's no longer run after a trap).
    const want = await inner();
    assert.ok(want > live + 100, `the stopped page is taller: ${want} > ${live}`);
    await page.waitForFunction((h) => Math.abs(document.getElementById('f').getBoundingClientRect().height - h) <= 2, want);
    assert.ok(Math.abs((await outer()) - (await inner())) <= 2, 'the iframe is the height of its page');
    await context.close();
    await host.close();
  });
}

test("the editor's fault says the draft is safe, offers it, and Reload comes back to it", async () => {
  const { page, context } = await openPage(browser, `${app.url}trap-edit.html`, { width: 1280, height: 900 });
  await page.waitForSelector('html.editor-ready');
  // A change makes a draft, kept in this browser.
  const cell = page.locator('input[data-place="dataset.yearly[2014].top"]');
  await cell.fill('61');
  await page.waitForFunction(() => localStorage.getItem('tccs-editor-draft')?.includes('61'));
  await page.evaluate(setOff, FAULTS.rejection);
  await page.waitForSelector('.app-fault');
  const text = await page.textContent('.app-fault');
  assert.match(text, /Trình biên tập đã dừng vì một lỗi/);
  assert.match(text, /The editor stopped because of an error/);
  assert.match(text, /vẫn an toàn trong trình duyệt này/);
  assert.match(text, /is safe in this browser/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.app-fault button.save-draft')]);
  const saved = JSON.parse(await (await download.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8')));
  assert.equal(saved.yearly.find((y) => y.year === 2014).top, 61, 'the downloaded draft holds the change');
  await Promise.all([page.waitForEvent('load'), page.click('.app-fault button:not(.save-draft)')]);
  await page.waitForSelector('html.editor-ready');
  assert.equal(await page.inputValue('input[data-place="dataset.yearly[2014].top"]'), '61', 'the draft is back');
  await context.close();
});
