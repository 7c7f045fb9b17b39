// Build steps 1 and 2's last part: what a page loads as text, minified (esbuild), in one of
// Trunk's output folders.
//
//   node scripts/minify.mjs <dir>
//
// - wasm-bindgen's JS glue (a `*.js` beside its `*_bg.wasm`): readable as Trunk writes it, half
//   the bytes to fetch and parse minified. Nothing refers to its bytes: the loaders import it by
//   name, with no integrity.
// - The stylesheets and scripts the page links with an integrity hash (main.css, boot.js): their
//   sources keep the comments that say why; readers get them without (docs/performance.md,
//   session 8). Trunk wrote each one's sha384 into the page, so the page gets the new one, which
//   the browser then checks.
// - The icon's link loses the integrity attribute Trunk gives it: HTML allows `integrity` on a
//   link only for stylesheet, preload and modulepreload (the W3C checker reports it, and browsers
//   ignore it there).
// Why not Trunk's own `minify`: it minifies the HTML too, and drops the comments that mark where
// build step 3 writes the dataset block and the first DOM.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { transformSync } from 'esbuild';

const dir = process.argv[2];
if (!dir || !existsSync(dir)) {
  console.error('usage: node scripts/minify.mjs <dir>');
  process.exit(1);
}

const minify = (file, loader, format) => {
  const path = join(dir, file);
  const { code } = transformSync(readFileSync(path, 'utf8'), { loader, minify: true, format, logLevel: 'warning' });
  writeFileSync(path, code);
  return createHash('sha384').update(code).digest('base64');
};

for (const f of readdirSync(dir)) {
  if (f.endsWith('.js') && existsSync(join(dir, f.replace(/\.js$/, '_bg.wasm')))) minify(f, 'js', 'esm');
}

// Each page's linked stylesheets and classic scripts that carry Trunk's integrity attribute.
const LINKED = /<(?:link rel="stylesheet" href|script src)="\/([^"]+\.(css|js))"[^>]*? integrity="(sha384-[^"]+)"/g;
for (const page of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
  const path = join(dir, page);
  let html = readFileSync(path, 'utf8');
  const done = new Map();
  for (const [, file, kind, integrity] of html.matchAll(LINKED)) {
    if (!done.has(file)) done.set(file, minify(file, kind, undefined));
    html = html.replace(integrity, `sha384-${done.get(file)}`);
  }
  html = html.replace(/(<link rel="icon"[^>]*?) integrity="[^"]*"/g, '$1');
  writeFileSync(path, html);
  console.error(`[minify] ${page}: ${[...done.keys()].join(', ') || 'nothing linked with an integrity hash'}`);
}
