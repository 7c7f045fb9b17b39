// The first load's size, checked: every file a reader's browser fetches to show and start the
// page, compressed as a static host sends it (gzip -9, brotli -11), summed and held to the
// ceiling. A deterministic count from the built files, not a timing: the test command runs it,
// the bench prints it, and an end-to-end test checks that the list is what the browser fetches.
//   node scripts/first-load.mjs [dist]     prints the files and sums; fails above the ceiling
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** The budget, in bytes: 227 KB gzip, 181 KB brotli. */
export const CEILING = { gzip: 227_000, brotli: 181_000 };

export const gzip = (buf) => gzipSync(buf, { level: 9 }).length;
export const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** The paths the page fetches on load: itself, its stylesheets, icon and scripts (not what sits
 *  inside <noscript>), and what its loader imports and fetches (the glue and the wasm). */
export function firstLoadFiles(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8').replace(/<noscript>[\s\S]*?<\/noscript>/g, '');
  const at = (p) => (p.startsWith('/') ? p : `/${p}`);
  const files = new Set(['/']);
  for (const [tag] of html.matchAll(/<(?:link|script)\b[^>]*>/g)) {
    const rel = /\brel="([^"]+)"/.exec(tag)?.[1] ?? '';
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1];
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    if (href && /\b(stylesheet|icon)\b/.test(rel)) files.add(at(href));
    if (src) files.add(at(src));
  }
  // The loader names the app's files once (`const app = { wasm: '…', integrity: '…', js: '…' }`:
  // Trunk.toml, static/loader/); what else a page's scripts import or fetch by a literal path.
  for (const [, p] of html.matchAll(/\b(?:wasm|js): '([^']+)'/g)) files.add(at(p));
  for (const [, p] of html.matchAll(/\b(?:import|fetch)\('([^']+)'/g)) files.add(at(p));
  // A count without the app would pass any ceiling: the loader's form changed, and this must too.
  if (![...files].some((f) => f.endsWith('_bg.wasm')) || ![...files].some((f) => /^\/tccs-dashboard-[^/]+\.js$/.test(f))) {
    throw new Error(`first-load.mjs: no wasm or glue found in ${dist}/index.html's loader; counted only ${[...files].join(', ')}`);
  }
  return [...files];
}

/** Each file's raw, gzip and brotli bytes, and their sums. */
export function firstLoad(dist) {
  const rows = firstLoadFiles(dist).map((path) => {
    const buf = readFileSync(join(dist, path === '/' ? 'index.html' : path.slice(1)));
    return { path, raw: buf.length, gzip: gzip(buf), brotli: brotli(buf) };
  });
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  return { rows, gzip: sum('gzip'), brotli: sum('brotli') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] || 'dist';
  const load = firstLoad(dist);
  for (const r of load.rows) console.log(`${String(r.raw).padStart(8)} ${String(r.gzip).padStart(8)} ${String(r.brotli).padStart(8)}  ${r.path}`);
  const over = load.gzip > CEILING.gzip || load.brotli > CEILING.brotli;
  console.log(`first load: ${load.gzip} B gzip (ceiling ${CEILING.gzip}), ${load.brotli} B brotli (ceiling ${CEILING.brotli}): ${over ? 'OVER the ceiling' : 'within'}`);
  if (over) process.exit(1);
}
