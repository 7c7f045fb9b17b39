// The start-up's tasks, one traced load: every main-thread task over 15 ms until the app is whole
// (`app-ready`), with the kinds of work inside it (ms, nested kinds overlap). The tool that
// sized the start-up steps of issue 21 (docs/performance.md, 2026-12-02): which task is long, and
// whether it is the page's layout, the wasm's compile or the app's own script.
//
//   node scripts/trace-tasks.mjs [dir = dist] [CPU slowdown = 4]
//
// Desktop 1280×900, the build served compressed, no network throttling. One load is one sample:
// run it a few times before reading anything into a difference.
import { serve, launch } from '../tests/e2e/helpers.mjs';

const [dir = 'dist', rate = '4'] = process.argv.slice(2);
const browser = await launch();
const server = await serve({ root: dir, compressed: true });
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(rate) });
await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'v8.wasm', 'disabled-by-default-devtools.timeline'] });
await page.goto(server.url);
// Waited for through the DevTools protocol: Playwright's own waits evaluate its injected script
// in the page (a task of ~40–60 ms at 4× that no reader's load has).
await cdp.send('Runtime.evaluate', {
  expression: `new Promise((done) => { const poll = () => document.documentElement.classList.contains('app-ready') ? done(true) : setTimeout(poll, 100); poll(); })`,
  awaitPromise: true,
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
if (process.env.SCRIPTS) for (const e of main.filter((x) => x.name === 'EvaluateScript')) console.log('script', ((e.ts - start.ts) / 1000).toFixed(0), (e.dur / 1000).toFixed(0), JSON.stringify(e.args?.data ?? {}).slice(0, 160));
console.log('  start    ms  inside (ms)');
for (const task of main.filter((e) => e.name === 'RunTask' && e.dur > 15000)) {
  const kinds = new Map();
  for (const e of main) {
    if (e === task || e.ts < task.ts || e.ts + e.dur > task.ts + task.dur || WRAPPERS.test(e.name)) continue;
    kinds.set(e.name, (kinds.get(e.name) ?? 0) + e.dur / 1000);
  }
  const urls = [...new Set(main.filter((e) => e.name === 'EvaluateScript' && e.ts >= task.ts && e.ts < task.ts + task.dur).map((e) => e.args?.data?.url ?? '?'))];
  if (process.env.URLS && urls.length) console.log('   scripts:', urls.join(' '));
  const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, ms]) => `${k} ${ms.toFixed(0)}`);
  console.log(`${((task.ts - start.ts) / 1000).toFixed(0).padStart(7)} ${(task.dur / 1000).toFixed(0).padStart(5)}  ${top.join(', ')}`);
}
