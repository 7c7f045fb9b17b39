// Start-up figures for scripts/bench.mjs (issue 21): where the time to the first interactive
// chart goes, step by step and from a trace, and how long an input made before the app starts
// takes to show. Desktop 1280×900 at 4× CPU, no network throttling, the build served compressed.
import { serve } from '../tests/e2e/helpers.mjs';

const DESKTOP = { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

// Marks, in ms since navigation start: the wasm's instantiation (Trunk's event), the app taking
// input (`app-ready` on <html>: the page hydrated, the URL's view and early input applied),
// the first canvas drawn with ink.
const MARKS = () => {
  window.__marks = {};
  window.addEventListener('TrunkApplicationStarted', () => { window.__marks.instantiated = performance.now(); });
  // The init script runs before <html> exists: watch the document for the class.
  new MutationObserver(() => {
    const html = document.documentElement?.classList;
    if (!window.__marks.ready && html?.contains('app-ready')) window.__marks.ready = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['class'] });
  const P = CanvasRenderingContext2D.prototype;
  for (const m of ['fillRect', 'drawImage']) {
    const orig = P[m];
    P[m] = function (...a) { const r = orig.apply(this, a); if (!window.__marks.painted && this.canvas.isConnected && this.canvas.width > 0) window.__marks.painted = performance.now(); return r; };
  }
};

/** Waits until `expression` is true in the page, asked through the DevTools protocol. Playwright's
 *  own waits (waitForFunction, waitForSelector) first evaluate its injected script in the page:
 *  a task of ~40–60 ms at 4× CPU, in the middle of the start-up being measured, that no reader's
 *  load has (seen in a trace, 2026-12-02: scripts/trace-tasks.mjs). */
export async function untilInPage(cdp, expression, timeoutMs = 60000) {
  const { result } = await cdp.send('Runtime.evaluate', {
    expression: `new Promise((done) => {
      const end = performance.now() + ${timeoutMs};
      const poll = () => (${expression}) ? done(true) : performance.now() > end ? done(false) : setTimeout(poll, 20);
      poll();
    })`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (result?.value !== true) throw new Error(`not true in the page within ${timeoutMs} ms: ${expression}`);
}

async function page4x(browser) {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.addInitScript(MARKS);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return { context, page, cdp };
}

/** The steps of start-up, each a median over `runs` loads, in ms since navigation start. */
export async function startupSteps(browser, url, runs) {
  const rows = [];
  for (let i = 0; i < runs; i++) {
    const { context, page, cdp } = await page4x(browser);
    await page.goto(url);
    await untilInPage(cdp, 'window.__marks.painted && window.__marks.ready');
    rows.push(await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'));
      return {
        'HTML received': nav.responseEnd,
        'HTML parsed (domInteractive)': nav.domInteractive,
        'first contentful paint': fcp?.startTime ?? NaN,
        'wasm fetch started (two frames after the parse)': wasm?.startTime ?? NaN,
        'wasm received': wasm?.responseEnd ?? NaN,
        'wasm instantiated, dataset read': window.__marks.instantiated,
        'first chart painted by the wasm': window.__marks.painted,
        'the page hydrated, input answered (app-ready)': window.__marks.ready,
      };
    }));
    await context.close();
  }
  return Object.keys(rows[0]).map((k) => [k, pct(rows.map((r) => r[k]), 50)]);
}

/** One traced load up to the first chart: the main thread's time by kind of work, in ms. */
export async function traceSummary(browser, url) {
  const { context, page, cdp } = await page4x(browser);
  await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-devtools.timeline'] });
  await page.goto(url);
  await untilInPage(cdp, 'window.__marks.painted && window.__marks.ready');
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  // The renderer's main thread: the one that parsed the HTML.
  const parse = traceEvents.find((e) => e.name === 'ParseHTML');
  const main = traceEvents.filter((e) => e.pid === parse?.pid && e.tid === parse?.tid && e.ph === 'X' && e.dur);
  const sum = (test) => main.filter((e) => test(e.name)).reduce((t, e) => t + e.dur / 1000, 0);
  const tasks = main.filter((e) => e.name === 'RunTask');
  const longest = tasks.reduce((m, e) => Math.max(m, e.dur / 1000), 0);
  return [
    ['tasks (RunTask), all', sum((n) => n === 'RunTask')],
    ['  the longest task', longest],
    ['HTML parsing (ParseHTML)', sum((n) => n === 'ParseHTML')],
    ['style (UpdateLayoutTree, RecalculateStyles)', sum((n) => n === 'UpdateLayoutTree' || n === 'RecalculateStyles')],
    ['layout (Layout)', sum((n) => n === 'Layout')],
    ['paint and compositing (Paint, PrePaint, Layerize)', sum((n) => /^(Paint|PrePaint|Layerize|UpdateLayer|CompositeLayers)$/.test(n))],
    ['script (EvaluateScript, FunctionCall, event handlers)', sum((n) => n === 'EvaluateScript' || n === 'FunctionCall' || n === 'EventDispatch' || n === 'v8.callFunction')],
    ['wasm compile (v8.wasm.*compile*)', sum((n) => /wasm/i.test(n) && /compil/i.test(n))],
    ['garbage collection (MinorGC, MajorGC)', sum((n) => /GC$/.test(n) && !/^V8\./.test(n))],
  ];
}

/** An input made as soon as the page can take one (the first handle one year on, by keyboard),
 *  before the app starts: ms from the key press to the charts' tables showing it. */
export async function earlyInput(browser, url, runs) {
  const out = [];
  let early = 0;
  for (let i = 0; i < runs; i++) {
    const { context, page } = await page4x(browser);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.tccsEarly && document.querySelector('#year-from'), null, { polling: 'raf' });
    await page.focus('#year-from');
    const t0 = await page.evaluate(() => performance.now());
    const before = await page.evaluate(() => !document.documentElement.classList.contains('app-ready'));
    await page.keyboard.press('ArrowRight');
    const shown = await page.waitForFunction(() => {
      const th = document.querySelector('#table-quality tbody th');
      return th && th.textContent === String(Number(document.querySelector('#year-from').min) + 1) && performance.now();
    }, null, { timeout: 60000, polling: 'raf' });
    out.push((await shown.jsonValue()) - t0);
    if (before) early++;
    await context.close();
  }
  return { median: pct(out, 50), p95: pct(out, 95), runs, early };
}

/** What the 4× desktop budget can be measured against on this machine: the same page with the
 *  app's two loader scripts taken out (the HTML, its CSS, boot.js and the pre-rendered charts, no
 *  wasm), and a page of one paragraph (navigation, the renderer and one paint: the machine's
 *  floor). Medians over `runs` loads of each, interleaved, in ms since navigation start. The page
 *  alone is served from memory uncompressed: no network throttling here, so the encoding does not
 *  show. */
export async function pageFloor(browser, indexHtml, runs) {
  const alone = indexHtml.replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/g, '');
  if (alone === indexHtml) throw new Error('pageFloor: no loader script found in index.html');
  const paragraph = '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>—</title></head><body><p>Tổ chức cơ sở đảng trong sạch vững mạnh.</p></body></html>';
  const server = await serve({ pages: { '/alone.html': alone, '/paragraph.html': paragraph } });
  const rows = { alone: [], paragraph: [] };
  for (let i = 0; i < runs; i++) {
    for (const name of Object.keys(rows)) {
      const { context, page, cdp } = await page4x(browser);
      await page.addInitScript(() => {
        window.__lcp = null;
        new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto(`${server.url}${name}.html`, { waitUntil: 'load' });
      // The largest paint can come a frame after the load event.
      await untilInPage(cdp, 'window.__lcp !== null');
      await page.waitForTimeout(300);
      rows[name].push(await page.evaluate(() => ({ parsed: performance.getEntriesByType('navigation')[0].domInteractive, lcp: window.__lcp })));
      await context.close();
    }
  }
  await server.close();
  const med = (xs, k) => pct(xs.map((r) => r[k]), 50);
  return { aloneParsed: med(rows.alone, 'parsed'), aloneLcp: med(rows.alone, 'lcp'), paragraphLcp: med(rows.paragraph, 'lcp'), runs };
}
