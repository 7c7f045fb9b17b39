// Inside the portal: the app in an iframe on another origin sizes itself, obeys host commands only
// from allowed origins, and runs under the strict CSP shipped with dist/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, ready, canvasInfo, DIST } from './helpers.mjs';

let app, browser;
const hostPage = (src, extra = '') => `<!doctype html><html><head><meta charset="utf-8"><title>Portal</title><link rel="icon" href="data:,"></head>
<body style="margin:0"><h1>Portal article</h1><div id="wrap" style="width:100%">
<iframe id="f" src="${src}" title="TCCS" width="100%" height="150" style="border:0;width:100%"></iframe></div>
<script src="${app ? app.url : ''}embed.js"></script>${extra}</body></html>`;

before(async () => { app = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await app?.close(); });

async function frameHeights(page) {
  const frame = page.frame({ url: /embed=1/ });
  const inner = await frame.evaluate(() => ({
    doc: document.documentElement.getBoundingClientRect().height,
    scroll: document.documentElement.scrollHeight,
    client: document.documentElement.clientHeight,
  }));
  const outer = await page.$eval('#f', (f) => f.getBoundingClientRect().height);
  return { inner, outer, frame };
}

async function settledHeight(page) {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const { inner, outer } = await frameHeights(page);
    if (Math.abs(inner.doc - outer) <= 2 && outer === last) return;
    last = outer;
    await page.waitForTimeout(100);
  }
}

test('on another origin the iframe takes its content height: after load, a table opened, 320 px wide', async () => {
  const host = await serve({ pages: { '/article.html': hostPage(`${app.url}?chart=quality&embed=1`) } });
  const { page, problems, context } = await openPage(browser, `${host.url}article.html`, { width: 800, height: 900 });
  const frame = page.frame({ url: /embed=1/ }) || (await (await page.$('#f')).contentFrame());
  await frame.waitForSelector('html.app-ready');
  await settledHeight(page);
  let h = await frameHeights(page);
  assert.ok(h.outer > 300, `grew from 150 to ${h.outer}`);
  assert.ok(Math.abs(h.inner.doc - h.outer) <= 2, `inner ${h.inner.doc} vs iframe ${h.outer}`);
  assert.ok(h.inner.scroll <= h.inner.client + 1, 'no inner scroll bar');
  assert.equal(await frame.$$eval('figure.card', (f) => f.length), 1);
  assert.equal(await frame.$('.site-header'), null, 'no page chrome');

  await frame.click('#chart-quality .toggle-table'); // content grows
  await settledHeight(page);
  const taller = await frameHeights(page);
  assert.ok(taller.outer > h.outer + 100, `table open: ${taller.outer} > ${h.outer}`);
  assert.ok(Math.abs(taller.inner.doc - taller.outer) <= 2);

  await page.$eval('#wrap', (w) => { w.style.width = '320px'; });
  await settledHeight(page);
  h = await frameHeights(page);
  assert.ok(Math.abs(h.inner.doc - h.outer) <= 2, `320 px: inner ${h.inner.doc} vs iframe ${h.outer}`);
  assert.ok(h.inner.scroll <= h.inner.client + 1, 'no inner scroll bar at 320 px');
  const scrollW = await frame.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  assert.ok(scrollW, 'no horizontal scroll at 320 px');
  assert.deepEqual(problems, []);
  await context.close();
  await host.close();
});

test('host commands: the allowed origin sets years and language; another origin changes nothing', async () => {
  // Same origin as the app: allowed by default.
  const send = `<script>window.sendCmd = (m) => document.getElementById('f').contentWindow.postMessage(m, '*');</script>`;
  const allowedHost = await serve({ pages: { '/host.html': hostPage(`./?chart=rate&embed=1`, send) } });
  // The app is served by allowedHost too (same files), so the iframe is same-origin with the host.
  let { page, context, problems } = await openPage(browser, `${allowedHost.url}host.html`);
  let frame = await (await page.$('#f')).contentFrame();
  await frame.waitForSelector('html.app-ready');
  await page.evaluate(() => window.sendCmd({ type: 'tccs:set', time: '2012..2014', lang: 'en' }));
  await frame.waitForFunction(() => document.querySelector('.range-value')?.textContent === '2012–2014');
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en');
  await settledHeight(page); // the height follows the language switch too
  const h = await frameHeights(page);
  assert.ok(Math.abs(h.inner.doc - h.outer) <= 2, `after language switch: ${h.inner.doc} vs ${h.outer}`);
  // Junk is ignored without errors. A listener added in the frame after the app's hears each
  // message after the app has: once it has heard them all, the app has had its chance.
  await frame.evaluate(() => { window.__heard = 0; addEventListener('message', () => { window.__heard++; }); });
  const junk = [null, 42, 'tccs:set', { type: 'tccs:set', time: { toString: 1 } }, { type: 'other', time: '2008' }, { type: 'tccs:set', time: '<img src=x onerror=alert(1)>' }];
  for (const m of junk) await page.evaluate((m) => window.sendCmd(m), m);
  await frame.waitForFunction((n) => window.__heard >= n, junk.length);
  assert.equal(await frame.textContent('.range-value'), '2012–2014');
  assert.deepEqual(problems, []);
  await context.close();
  await allowedHost.close();

  // A different origin (another port) sends the same message: nothing changes, nothing logged.
  const otherHost = await serve({ pages: { '/host.html': hostPage(`${app.url}?chart=rate&embed=1`, send) } });
  ({ page, context, problems } = await openPage(browser, `${otherHost.url}host.html`));
  frame = await (await page.$('#f')).contentFrame();
  await frame.waitForSelector('html.app-ready');
  const errors = [];
  frame.page().on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await frame.evaluate(() => { window.__heard = 0; addEventListener('message', () => { window.__heard++; }); });
  await page.evaluate(() => window.sendCmd({ type: 'tccs:set', time: '2012..2014', lang: 'en' }));
  await frame.waitForFunction(() => window.__heard >= 1); // heard after the app's own listener
  assert.equal(await frame.textContent('.range-value'), '2008–2017');
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'vi');
  assert.deepEqual(errors, []);
  assert.deepEqual(problems, []);
  await context.close();
  await otherHost.close();
});

test('under the shipped CSP: zero violations and the charts draw', async () => {
  const policy = readFileSync(`${DIST}csp.txt`, 'utf8').trim();
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.match(readFileSync(`${DIST}_headers`, 'utf8'), /Content-Security-Policy: .*frame-ancestors/);
  const strict = await serve({ headers: { 'content-security-policy': policy } });
  const { page, problems, context } = await openPage(browser, null);
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(strict.url);
  await ready(page);
  // Exercise what might inject styles or scripts: tooltip, table, dialog, language.
  await page.focus('#chart-quality .plot');
  await page.keyboard.press('ArrowRight');
  await page.click('#chart-quality .toggle-table');
  await page.click('#chart-quality .embed-open');
  await page.keyboard.press('Escape');
  await page.click('button.lang');
  // The switch made (every text rewritten), and a frame and a task after it, where a violation
  // would have been reported.
  await page.waitForFunction(() => document.documentElement.lang === 'en' && /^Sources/.test(document.querySelector('.tabs [role=tab]:last-child, .tabs button:last-child')?.textContent ?? 'Sources'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.ok((await canvasInfo(page, '#chart-quality canvas')).ink > 500);
  assert.deepEqual(problems, []);
  await context.close();
  await strict.close();
});

test('the Embed dialog snippet, pasted into a blank host page, works', async () => {
  const { page, context } = await openPage(browser, `${app.url}?time=2013..2016&lang=en`);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.origin });
  await ready(page);
  await page.click('#chart-weak .embed-open');
  await page.waitForSelector('#chart-weak dialog[open]');
  await page.click('#chart-weak .embed-copy');
  // The clipboard is written asynchronously: read it once the dialog says it is done.
  await page.waitForFunction(() => [...document.querySelectorAll('#chart-weak dialog [role=status]')].some((e) => e.textContent === 'Copied.'));
  const code = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(code, await page.inputValue('#chart-weak .embed-code'));
  assert.match(code, /<iframe src="[^"]*\?time=2013\.\.2016&amp;lang=en&amp;chart=weak&amp;embed=1" title="Grassroots Party organisations rated weak"/);
  assert.match(code, /loading="lazy"/);
  await page.keyboard.press('Escape');
  const host = await serve({ pages: { '/blank.html': `<!doctype html><html><head><link rel="icon" href="data:,"></head><body>${code}</body></html>` } });
  const { page: hp, problems, context: hc } = await openPage(browser, `${host.url}blank.html`);
  const frame = await (await hp.$('iframe')).contentFrame();
  await frame.waitForSelector('html.app-ready');
  assert.equal(await frame.textContent('.range-value'), '2013–2016');
  assert.equal(await frame.$$eval('figure.card', (f) => f.map((x) => x.id)).then((x) => x.join()), 'chart-weak');
  // The snippet says height="560"; embed.js then gives the iframe its content's height.
  assert.equal(await hp.$eval('iframe', (f) => f.getAttribute('height')), '560');
  const content = await frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  assert.notEqual(Math.round(content), 560, 'the chart alone is not 560 px tall (else this proves nothing)');
  await hp.waitForFunction((c) => Math.abs(document.querySelector('iframe').getBoundingClientRect().height - c) <= 2, content);
  assert.deepEqual(problems, []);
  await hc.close();
  await host.close();
  await context.close();
});

test('two embeds on one page: each takes its own height, grows and shrinks back', async () => {
  const two = `<!doctype html><html><head><meta charset="utf-8"><title>Portal</title><link rel="icon" href="data:,"></head>
<body style="margin:0"><div style="width:600px">
<iframe id="a" src="${app.url}?chart=quality&embed=1" title="A" width="100%" height="150" style="border:0;width:100%"></iframe>
<iframe id="b" src="${app.url}?chart=weak&lang=en&embed=1" title="B" width="100%" height="150" style="border:0;width:100%"></iframe>
</div><script src="${app.url}embed.js"></script></body></html>`;
  const host = await serve({ pages: { '/two.html': two } });
  const { page, problems, context } = await openPage(browser, `${host.url}two.html`, { width: 800, height: 900 });
  const frameOf = async (id) => (await page.$(`#${id}`)).contentFrame();
  const [fa, fb] = [await frameOf('a'), await frameOf('b')];
  await fa.waitForSelector('html.app-ready');
  await fb.waitForSelector('html.app-ready');
  // Each iframe the height of its own document, within 2 px, once the messages settle.
  const fits = async (id, f) => {
    const inner = await f.evaluate(() => document.documentElement.getBoundingClientRect().height);
    await page.waitForFunction(([i, c]) => Math.abs(document.getElementById(i).getBoundingClientRect().height - c) <= 2, [id, inner]);
    return inner;
  };
  const a0 = await fits('a', fa);
  const b0 = await fits('b', fb);
  assert.ok(a0 > 300 && b0 > 300, `${a0}, ${b0}`);
  await fa.click('#chart-quality .toggle-table');
  const a1 = await fits('a', fa);
  assert.ok(a1 > a0 + 100, `the table opened: ${a1} > ${a0}`);
  assert.ok(Math.abs(await page.$eval('#b', (f) => f.getBoundingClientRect().height) - b0) <= 2, 'the other embed kept its height');
  await fa.click('#chart-quality .toggle-table');
  const a2 = await fits('a', fa);
  assert.ok(Math.abs(a2 - a0) <= 2, `shrank back: ${a2} vs ${a0}`);
  assert.deepEqual(problems, []);
  await context.close();
  await host.close();
});

test('embed.js takes each height message format on its own, from its own frame, and refuses the rest', async () => {
  // A frame that posts one message to its parent; embed.js must size that frame, and only it.
  const poster = (msg) => `<!doctype html><html><body><script>parent.postMessage(${msg}, '*');</script></body></html>`;
  const host = await serve({
    pages: {
      '/dw.html': poster(`{ 'datawrapper-height': { 'any-id': 432 } }`),
      '/amp.html': poster(`{ sentinel: 'amp', type: 'embed-size', height: 517 }`),
      '/tiny.html': poster(`{ sentinel: 'amp', type: 'embed-size', height: 10 }`),
      '/huge.html': poster(`{ 'datawrapper-height': { x: 40000 } }`),
      '/text.html': poster(`{ sentinel: 'amp', type: 'embed-size', height: '600' }`),
      // embed.js first, so that it listens before any frame has loaded.
      // A listener after embed.js's hears each message after it: when it has heard all five,
      // embed.js has handled all five.
      '/page.html': `<!doctype html><html><head><link rel="icon" href="data:,"><script src="${app.url}embed.js"></script>
<script>window.__heard = []; addEventListener('message', (e) => window.__heard.push(e.data));</script></head><body>
${['dw', 'amp', 'tiny', 'huge', 'text'].map((n) => `<iframe id="${n}" src="${n}.html" height="150" style="border:0"></iframe>`).join('')}
</body></html>`,
    },
  });
  const { page, problems, context } = await openPage(browser, `${host.url}page.html`);
  await page.waitForFunction(() => window.__heard.length === 5);
  const heights = await page.$$eval('iframe', (fs) => Object.fromEntries(fs.map((f) => [f.id, f.style.height || 'unchanged'])));
  assert.deepEqual(heights, { dw: '432px', amp: '517px', tiny: 'unchanged', huge: 'unchanged', text: 'unchanged' });
  assert.deepEqual(problems, []);
  await context.close();
  await host.close();
});
