// Two builds of the site, measured interleaved in one run (a script that prints figures, not a
// test): the machines are shared and noisy, so two builds are only compared load by load, in
// alternating order, never across hours. What decided the start-up (issue 42,
// docs/performance.md, "Start-up: staged or plain hydration").
//
//   node scripts/compare-builds.mjs <dir A> <dir B> [rounds = 15] [Lighthouse runs = 3]
//
// Each round, for each build (the order alternates): one load at 4× CPU, desktop 1280×900, no
// network throttling, served compressed, with
// - the start-up marks (first chart painted by the wasm, `app-ready`, and `app-whole` where the
//   build has it: the staged hydration of 4f9448a…b670b73 marked every part hydrated) and the
//   long tasks the browser reports until 500 ms after both the first chart and `app-ready`
//   (and `app-whole`, where there is one): the longest, and their time over 50 ms, what
//   Lighthouse counts as blocking;
// - a key press on the year filter made before the app starts (boot.js holds it), and one made
//   the moment the wasm is instantiated (during start-up): ms from the press to the tables
//   showing it;
// - 20 year-filter steps once start-up is over: ms from the key press to the last draw call;
// - JS heap + wasm memory after garbage collection.
// Then Lighthouse's mobile preset, alternating the builds run by run (median score, LCP, TBT).
import { serve, launch } from '../tests/e2e/helpers.mjs';
import { untilInPage } from './bench-startup.mjs';
import { lighthouseRuns } from './bench-lighthouse.mjs';

const [dirA, dirB, roundsArg = '15', lhArg = '3'] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node scripts/compare-builds.mjs <dir A> <dir B> [rounds]');
  process.exit(2);
}
const ROUNDS = Number(roundsArg);
const pct = (xs, p) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN; };

const INIT = () => {
  window.__m = { longest: 0, blocking: 0, tasks: 0 };
  window.__lastDraw = 0; window.__keyAt = 0;
  new PerformanceObserver((l) => {
    for (const e of l.getEntries()) {
      if (window.__m.done) continue;
      window.__m.longest = Math.max(window.__m.longest, e.duration);
      window.__m.blocking += Math.max(0, e.duration - 50);
      window.__m.tasks++;
    }
  }).observe({ type: 'longtask', buffered: true });
  window.addEventListener('TrunkApplicationStarted', (e) => { window.__m.instantiated = performance.now(); window.__wasm = e.detail?.wasm; });
  new MutationObserver(() => {
    const c = document.documentElement?.classList;
    if (!window.__m.ready && c?.contains('app-ready')) window.__m.ready = performance.now();
    if (!window.__m.whole && c?.contains('app-whole')) window.__m.whole = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['class'] });
  const P = CanvasRenderingContext2D.prototype;
  for (const m of ['fillRect', 'fill', 'stroke', 'fillText', 'drawImage']) {
    const orig = P[m];
    P[m] = function (...a) {
      const r = orig.apply(this, a);
      const t = performance.now();
      window.__lastDraw = t;
      if (!window.__m.painted && this.canvas.isConnected && this.canvas.width > 0 && (m === 'fillRect' || m === 'drawImage')) window.__m.painted = t;
      return r;
    };
  }
  window.addEventListener('keydown', () => { window.__keyAt = performance.now(); }, true);
};

const browser = await launch({ args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info'] });
const builds = [dirA, dirB].map((root) => ({ root, rows: [], steps: [] }));
for (const b of builds) b.server = await serve({ root: b.root, compressed: true });

async function page4x(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(INIT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page, cdp, go: () => page.goto(url, { waitUntil: 'commit' }) };
}

// The first chart's table shows the year after the first one: the press reached the app.
const SHOWN = () => {
  const th = document.querySelector('#table-quality tbody th');
  return th && th.textContent === String(Number(document.querySelector('#year-from').min) + 1) && performance.now();
};

async function round(b) {
  const row = {};
  // 1. A plain load: marks and long tasks.
  {
    const { context, page, cdp, go } = await page4x(b.server.url);
    await go();
    await untilInPage(cdp, 'window.__m.painted && window.__m.ready');
    await page.waitForTimeout(500);
    await page.evaluate(() => { window.__m.done = true; });
    Object.assign(row, await page.evaluate(() => ({ ...window.__m })));
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    row.memory = heap.usedSize + (await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0));
    // Year steps, start-up over.
    await page.focus('#year-from');
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
      await page.waitForTimeout(120);
      const { key, last } = await page.evaluate(() => ({ key: window.__keyAt, last: window.__lastDraw }));
      if (last > key) b.steps.push(last - key);
    }
    await context.close();
  }
  // 2. A press before the app starts, and 3. one the moment the wasm is instantiated.
  for (const when of ['before', 'during']) {
    const { context, page, go } = await page4x(b.server.url);
    await go();
    await page.waitForFunction(() => window.tccsEarly && document.querySelector('#year-from'), null, { polling: 'raf' });
    await page.focus('#year-from');
    if (when === 'during') await page.waitForFunction(() => window.__m.instantiated, null, { polling: 10, timeout: 60000 });
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press('ArrowRight');
    const shown = await page.waitForFunction(SHOWN, null, { timeout: 60000, polling: 'raf' });
    row[when] = (await shown.jsonValue()) - t0;
    await context.close();
  }
  b.rows.push(row);
}

for (let i = 0; i < ROUNDS; i++) {
  for (const b of i % 2 ? [...builds].reverse() : builds) await round(b);
  process.stderr.write(`round ${i + 1}/${ROUNDS}\r`);
}
await browser.close();
for (let i = 0; i < Number(lhArg); i++) {
  for (const b of i % 2 ? [...builds].reverse() : builds) (b.lh ??= []).push(...(await lighthouseRuns(b.server.url, 1)));
}
for (const b of builds) await b.server.close();

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(n < 2 ? 2 : 1) : '—').padStart(10);
const lines = [
  ['first chart painted by the wasm, ms since navigation (median)', (b) => pct(b.rows.map((r) => r.painted), 50)],
  ['app-ready: input answered (median)', (b) => pct(b.rows.map((r) => r.ready), 50)],
  ['first chart interactive: the later of the two (median)', (b) => pct(b.rows.map((r) => Math.max(r.painted, r.ready)), 50)],
  ['app-whole: every part hydrated (median; staged builds only)', (b) => pct(b.rows.map((r) => r.whole), 50)],
  ['the longest task of start-up (median)', (b) => pct(b.rows.map((r) => r.longest), 50)],
  ['the longest task of start-up (max)', (b) => pct(b.rows.map((r) => r.longest), 100)],
  ['long tasks\' time over 50 ms in start-up (median)', (b) => pct(b.rows.map((r) => r.blocking), 50)],
  ['a press before start-up → tables show it (median)', (b) => pct(b.rows.map((r) => r.before), 50)],
  ['a press as the wasm is instantiated → tables show it (median)', (b) => pct(b.rows.map((r) => r.during), 50)],
  ['  the same, p95', (b) => pct(b.rows.map((r) => r.during), 95)],
  ['year step → last draw call, p95', (b) => pct(b.steps, 95)],
  ['year step → last draw call, median', (b) => pct(b.steps, 50)],
  ['Lighthouse mobile: performance score (median)', (b) => pct((b.lh ?? []).map((r) => r.score), 50)],
  ['Lighthouse mobile: LCP, ms (median)', (b) => pct((b.lh ?? []).map((r) => r.lcp), 50)],
  ['Lighthouse mobile: TBT, ms (median)', (b) => pct((b.lh ?? []).map((r) => r.tbt), 50)],
  ['JS heap + wasm memory after load, KiB (median)', (b) => pct(b.rows.map((r) => r.memory / 1024), 50)],
];
console.log(`${ROUNDS} rounds, interleaved; 4× CPU, 1280×900, served compressed. A = ${dirA}, B = ${dirB}`);
console.log(`${'A'.padStart(10)}${'B'.padStart(10)}`);
for (const [name, f] of lines) console.log(`${fmt(f(builds[0]))}${fmt(f(builds[1]))}  ${name}`);
