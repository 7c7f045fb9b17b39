// Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) beside every text and
// wasm file of the built site, so a host serves them as they are (nginx `gzip_static`,
// `brotli_static`) instead of compressing on each request or, worse, not at all. Removes stale
// ones first. The tests check each decompresses to its file's bytes.
import { readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dir = process.argv[2] || 'dist';
const COMPRESSIBLE = /\.(html|js|css|svg|wasm|json|txt|csv)$/;
let n = 0;
for (const f of readdirSync(dir)) {
  if (/\.(br|gz)$/.test(f)) unlinkSync(join(dir, f));
}
for (const f of readdirSync(dir)) {
  if (!COMPRESSIBLE.test(f) || f === 'csp.txt') continue;
  const body = readFileSync(join(dir, f));
  writeFileSync(join(dir, `${f}.gz`), gzipSync(body, { level: 9 }));
  writeFileSync(join(dir, `${f}.br`), brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }));
  n++;
}
console.log(`compress.mjs: ${n} file(s) -> .br (q11) and .gz (9) in ${dir}`);
