// The staff editor's preview over a long session: the preview frame (edit.html#preview) is sent
// one new valid draft after another, as the editor sends them while staff type (each a new
// version of the dataset: the article's author line changed), and its JS heap and wasm memory are
// read after garbage collection at points along the way. Prints figures; asserts nothing.
//   node scripts/editor-memory.mjs [versions = 500] [folder = dist]
import { readFileSync } from 'node:fs';
import { serve, launch } from '../tests/e2e/helpers.mjs';

const VERSIONS = Number(process.argv[2] || 500);
const root = new URL(`../${process.argv[3] || 'dist'}/`, import.meta.url).pathname;
const draft = JSON.parse(readFileSync(new URL('../data/dataset.json', import.meta.url), 'utf8'));

/** Memory of the preview frame after a full garbage collection. */
export async function memory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? 0);
  return { js: usedSize, wasm };
}

/** Sends `n` versions of the draft to the preview and waits for each to be shown. */
export async function sendVersions(writer, preview, from, n) {
  for (let i = from; i < from + n; i++) {
    const mark = `${draft.article.author} #${i}`;
    const text = JSON.stringify({ ...draft, article: { ...draft.article, author: mark } });
    await writer.evaluate((t) => localStorage.setItem('tccs-editor-draft', t), text);
    // The preview renders once typing pauses (250 ms); the footer names the author.
    await preview.waitForFunction((m) => document.querySelector('.site-footer')?.textContent.includes(m), mark, { timeout: 10000 });
  }
}

/** Opens the preview frame's page and a writer page of the same origin; returns both. */
export async function open(browser, url) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const writer = await context.newPage();
  await writer.goto(`${url}writer`);
  await writer.evaluate((t) => localStorage.setItem('tccs-editor-draft', t), JSON.stringify(draft));
  const preview = await context.newPage();
  await preview.addInitScript(() => {
    window.addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
  });
  preview.on('crash', () => console.error('the preview page crashed'));
  preview.on('pageerror', (e) => console.error(`preview: ${e.message}`));
  await preview.goto(`${url}edit.html#preview`);
  await preview.waitForSelector('figure.card');
  const cdp = await preview.context().newCDPSession(preview);
  return { context, writer, preview, cdp };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serve({ root, pages: { '/writer': '<!doctype html><title>writer</title>' } });
  const browser = await launch({ args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info', '--js-flags=--expose-gc'] });
  const { writer, preview, cdp } = await open(browser, server.url);
  const mib = (b) => (b / 1048576).toFixed(2);
  const rows = [];
  const checkpoints = [0, 10, 50, 100, 250, 500, 1000].filter((c) => c <= VERSIONS);
  if (!checkpoints.includes(VERSIONS)) checkpoints.push(VERSIONS);
  let done = 0;
  for (const c of checkpoints) {
    await sendVersions(writer, preview, done, c - done);
    done = c;
    const m = await memory(preview, cdp);
    rows.push([c, m.js, m.wasm]);
    console.log(`after ${String(c).padStart(4)} versions: JS heap ${mib(m.js)} MiB, wasm memory ${mib(m.wasm)} MiB, sum ${mib(m.js + m.wasm)} MiB`);
  }
  const [first, last] = [rows[1] ?? rows[0], rows.at(-1)];
  console.log(`growth from ${first[0]} to ${last[0]} versions: ${mib(last[1] + last[2] - first[1] - first[2])} MiB`);
  await browser.close();
  await server.close();
}
