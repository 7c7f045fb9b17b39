// The start-up's tasks, one traced load: every main-thread task over 15 ms until the app is ready
// (`app-ready`), with the kinds of work inside it (ms, nested kinds overlap). The tool that
// sized the start-up steps of issue 21 (docs/performance.md, 2026-12-02): which task is long, and
// whether it is the page's layout, the wasm's compile or the app's own script.
//
//   node scripts/trace-tasks.mjs [dir = dist] [CPU slowdown = 4] [desktop | phone] [min task ms = 15]
//
// desktop: 1280×900, no network throttling. phone: 412×823 at 2.625 dppx under Lighthouse's
// mobile network (150 ms RTT, 1.6 Mbps), and the wasm's first and last byte are printed: there
// the question is whether the app waits for the network or for the main thread. The build is
// served compressed. One load is one sample: run it a few times before reading anything into a
// difference.
import { serve, launch, MOBILE_NETWORK } from '../tests/e2e/helpers.mjs';
import { untilInPage } from './bench-startup.mjs';

const [dir = 'dist', rate = '4', device = 'desktop', minMs = '15'] = process.argv.slice(2);
const phone = device === 'phone';
const browser = await launch();
const server = await serve({ root: dir, compressed: true });
const context = await browser.newContext(phone ? { viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625 } : { viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
if (phone) await cdp.send('Network.emulateNetworkConditions', MOBILE_NETWORK);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-devtools.timeline'] });
await page.goto(server.url);
// Not Playwright's own wait: it would add its injected script to the tasks listed.
await untilInPage(cdp, "document.documentElement.classList.contains('app-ready')");
const wasm = await page.evaluate(() => {
  const w = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'));
  return w && `the wasm: requested at ${w.startTime.toFixed(0)} ms, first byte ${w.responseStart.toFixed(0)}, last byte ${w.responseEnd.toFixed(0)} (since navigation start)`;
});
const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
await context.close();
await server.close();
await browser.close();

// The renderer's main thread is the one that parsed the HTML.
const parse = traceEvents.find((e) => e.name === 'ParseHTML');
const start = traceEvents.find((e) => e.name === 'navigationStart' && e.pid === parse.pid) ?? parse;
const main = traceEvents.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X' && e.dur);
// Wrappers that only say "a task ran" name no kind of work.
const WRAPPERS = /^(RunTask|ThreadControllerImpl::RunTask|RunMicrotasks|AsyncTask Run)$/;
// SCRIPTS=1 also lists every script evaluated, with its URL: a script with none is not the page's.
if (process.env.SCRIPTS) {
  for (const e of main.filter((x) => x.name === 'EvaluateScript')) {
    console.log(`script at ${((e.ts - start.ts) / 1000).toFixed(0)} ms, ${(e.dur / 1000).toFixed(0)} ms: ${e.args?.data?.url || '(no URL)'}`);
  }
}
if (wasm) console.log(wasm);
console.log('  start    ms  inside (ms)');
for (const task of main.filter((e) => e.name === 'RunTask' && e.dur > Number(minMs) * 1000)) {
  const kinds = new Map();
  for (const e of main) {
    if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || WRAPPERS.test(e.name)) continue;
    kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur / 1000);
  }
  const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, ms]) => `${k} ${ms.toFixed(0)}`);
  console.log(`${((task.ts - start.ts) / 1000).toFixed(0).padStart(7)} ${(task.dur / 1000).toFixed(0).padStart(5)}  ${top.join(', ')}`);
}
