// Hosting: the `_headers` rules and the nginx snippet agree with what is in dist/, every
// precompressed file is its file's bytes, and a portal on another origin can frame the page
// while dist/ is served with its own headers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { DIST, serve, launch, openPage, ready, parseHeaders, headersFor } from './helpers.mjs';
import { firstLoadFiles } from '../../scripts/first-load.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const CONFIG = /^(_headers|nginx\.conf|csp\.txt)$/;
const files = readdirSync(DIST).filter((f) => !/\.(br|gz)$/.test(f) && !CONFIG.test(f));
const HASHED = /-[0-9a-f]{10,16}(_bg)?\.[a-z0-9]+$/;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('_headers: hashed files are immutable for a year, the rest revalidate, one Cache-Control each', () => {
  const rules = parseHeaders(readFileSync(join(DIST, '_headers'), 'utf8'));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  // Every file the page refers to is in dist/.
  for (const [, ref] of html.matchAll(/(?:href|src|from|module_or_path:) ?["'=]?\/([^"'\s>]+\.(?:js|css|wasm|svg))/g)) {
    assert.ok(files.includes(ref), `${ref} referenced by index.html is in dist/`);
  }
  assert.ok(files.some((f) => HASHED.test(f) && f.endsWith('.wasm')));
  for (const f of files) {
    const cache = headersFor(rules, `/${f}`)['cache-control'];
    if (HASHED.test(f)) assert.equal(cache, 'public, max-age=31536000, immutable', f);
    else assert.equal(cache, 'no-cache', f);
  }
  assert.equal(headersFor(rules, '/')['cache-control'], 'no-cache');
  // Rules for files that no longer exist would be harmless, but say the generator is stale.
  for (const r of rules) if (r.path !== '/*' && r.path !== '/') assert.ok(files.includes(r.path.slice(1)), r.path);
  const csp = headersFor(rules, '/index.html')['content-security-policy'];
  assert.match(csp, /frame-ancestors \*$/, 'any origin may frame the page by default');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
});

test("the first-load size check counts exactly the files a reader's browser fetches", async () => {
  // scripts/first-load.mjs reads the list from index.html (the test command holds its sum to the
  // ceiling); the browser is the judge of what a load really fetches.
  const server = await serve({ compressed: true, hostHeaders: true });
  const { page, context, problems } = await openPage(browser, null, { width: 390, height: 844 });
  const fetched = new Set();
  page.on('request', (r) => { if (r.url().startsWith(server.url)) fetched.add(new URL(r.url()).pathname); });
  await page.goto(server.url);
  await ready(page);
  assert.deepEqual([...fetched].sort(), firstLoadFiles(DIST).sort());
  assert.deepEqual(problems, []);
  await context.close();
  await server.close();
});

test('dist/ is the release: both pages, rendered, with no development live-reload script', () => {
  // A development server's page (Trunk's `serve`) carries a live-reload script whose WebSocket
  // address fails on every real host; dist/ must never hold one (scripts/serve.sh builds into
  // target/serve). The release page is rendered: its dataset block and first DOM are there.
  for (const page of ['index.html', 'edit.html']) {
    const html = readFileSync(join(DIST, page), 'utf8');
    assert.doesNotMatch(html, /__trunk_address__|__TRUNK_|ws:\/\/|new WebSocket/, `${page} has no live-reload script`);
  }
  const index = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.match(index, /<script type="application\/json" id="dataset"/);
  assert.match(index, /<figure [^>]*data-chart="quality"/);
});

test("each page's loader is Trunk.toml's pattern with static/loader/'s files, fetching the built wasm with its integrity, and nothing preloads", () => {
  // The contract with Trunk (0.21.14, pinned in scripts/setup-build.sh): it writes `pattern_script`
  // with {base}, {js} and {wasm} filled in and each `pattern_params` file's text in its place,
  // and `pattern_preload` (empty) instead of its own.
  const source = (f) => readFileSync(new URL(`../../static/loader/${f}`, import.meta.url), 'utf8').trim();
  for (const page of ['index.html', 'edit.html']) {
    const html = readFileSync(join(DIST, page), 'utf8');
    const named = /^const app = \{ wasm: '\/([^']+_bg\.wasm)', integrity: '(sha384-[^']+)', js: '\/([^']+\.js)' \};\n/;
    const loaders = [...html.matchAll(/<script type="module" data-start="after-paint">([\s\S]*?)<\/script>/g)];
    assert.equal(loaders.length, 1, `${page}: one loader`);
    const m = loaders[0][1].match(named);
    assert.ok(m, `${page}: the loader names the wasm with its integrity, and the glue`);
    const sri = `sha384-${createHash('sha384').update(readFileSync(join(DIST, m[1]))).digest('base64')}`;
    assert.equal(m[2], sri, `${page}: the integrity is the built wasm's`);
    assert.ok(files.includes(m[3]), `${page}: the glue it imports is in dist/`);
    assert.equal(loaders[0][1].replace(named, '').trim(), source('after-paint.js'), `${page}: the loader is static/loader/after-paint.js`);
    // The download started early on a slow network: the same wasm, the same integrity.
    const early = html.match(/<script type="module" async data-start="download-if-slow">([\s\S]*?)<\/script>/);
    assert.ok(early, `${page}: the early download's script`);
    assert.equal(early[1].match(named)?.slice(1).join(' '), m.slice(1).join(' '), `${page}: the early download names the same files and integrity`);
    assert.equal(early[1].replace(named, '').trim(), source('download-if-slow.js'), `${page}: it is static/loader/download-if-slow.js`);
    // No static preload: the loader asks for the glue as a modulepreload only on a slow network.
    assert.doesNotMatch(html, /rel="(modulepreload|preload)"/, `${page}: no preload links`);
  }
});

test('what the pages link as text is minified (scripts/minify.mjs) and carries its own integrity', () => {
  // The sources keep their comments; readers get the files without them, and the browser refuses
  // a file whose integrity is not the page's (a stale hash would leave the page unstyled).
  for (const page of ['index.html', 'edit.html']) {
    const html = readFileSync(join(DIST, page), 'utf8');
    const linked = [...html.matchAll(/<(?:link rel="stylesheet" href|script src)="\/([^"]+\.(?:css|js))"[^>]*? integrity="(sha384-[^"]+)"/g)];
    assert.ok(linked.some(([, f]) => f.endsWith('.css')) && linked.some(([, f]) => f.endsWith('.js')), `${page}: a stylesheet and a script`);
    for (const [, file, integrity] of linked) {
      const body = readFileSync(join(DIST, file));
      assert.equal(integrity, `sha384-${createHash('sha384').update(body).digest('base64')}`, `${page}: ${file}'s integrity`);
      const text = body.toString('utf8');
      assert.doesNotMatch(text, /^\s*(\/\/|\/\*)/m, `${file}: no comment lines`);
      assert.ok(text.split('\n').length <= 3, `${file}: minified (${text.split('\n').length} lines)`);
    }
  }
  // The dataset block: the data's JSON without its indentation.
  const block = readFileSync(join(DIST, 'index.html'), 'utf8').match(/<script type="application\/json" id="dataset"[^>]*>([\s\S]*?)<\/script>/)[1];
  assert.doesNotMatch(block, /\n/);
  assert.deepEqual(JSON.parse(block), JSON.parse(readFileSync(join(ROOT, 'data/dataset.json'), 'utf8')));
});

/** The memory a wasm module starts with, in bytes: its memory section's initial pages. */
function initialMemory(wasm) {
  let at = 8;
  const leb = () => { let v = 0, shift = 0, b; do { b = wasm[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80); return v; };
  while (at < wasm.length) {
    const id = wasm[at++], size = leb(), end = at + size;
    if (id === 5) { leb(); at++; return leb() * 65536; } // count, limits flag, initial pages
    at = end;
  }
  return null;
}

/** Where a wasm module's stack starts: the initial value of its first mutable i32 global, the
 *  stack pointer Rust's linker places there (with --stack-first, the top of the stack, which
 *  grows down to address 0: the stack's size). */
function stackTop(wasm) {
  let at = 8;
  const leb = (signed = false) => {
    let v = 0, shift = 0, b;
    do { b = wasm[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return signed && b & 0x40 ? v - 2 ** shift : v;
  };
  while (at < wasm.length) {
    const id = wasm[at++], size = leb(), end = at + size;
    if (id === 6) {
      for (let n = leb(); n > 0; n--) {
        const [type, mutable] = [wasm[at++], wasm[at++]];
        const op = wasm[at++];
        const value = op === 0x41 ? leb(true) : null; // i32.const
        while (wasm[at++] !== 0x0b); // the init expression's end
        if (type === 0x7f && mutable === 1 && value !== null) return value;
      }
      return null;
    }
    at = end;
  }
  return null;
}

test("the reader's wasm has a 128 KiB stack, not Rust's 1 MiB default (build.rs), and starts with little memory", () => {
  // The stack is at the bottom of the memory; the reader's deepest is under 10 KiB
  // (docs/performance.md, session 8), and the memory counts in the reader's budget.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const wasm = readFileSync(join(DIST, html.match(/const app = \{ wasm: '\/([^']+_bg\.wasm)'/)[1]));
  assert.equal(stackTop(wasm), 128 * 1024, 'the stack pointer starts at 128 KiB: the stack is 128 KiB');
  const bytes = initialMemory(wasm);
  assert.ok(bytes !== null, 'the reader wasm defines its memory');
  assert.ok(bytes <= 1024 * 1024, `the reader starts with ${bytes} B of memory`);
});

test('nginx.conf: serves the precompressed files, and its immutable location matches exactly the hashed files', () => {
  const conf = readFileSync(join(DIST, 'nginx.conf'), 'utf8');
  assert.match(conf, /^gzip_static on;$/m);
  assert.match(conf, /brotli_static on;/);
  const re = new RegExp(conf.match(/location ~ "([^"]+)"/)[1]);
  for (const f of files) assert.equal(re.test(`/${f}`), HASHED.test(f), f);
  assert.match(conf, /immutable/);
  assert.match(conf, /Cache-Control "no-cache"/);
  assert.match(conf, /frame-ancestors \*/);
});

test('every text and wasm file has a .br and a .gz beside it that decompress to its bytes', () => {
  const all = readdirSync(DIST);
  const compressible = files.filter((f) => /\.(html|js|css|svg|wasm|json)$/.test(f));
  assert.ok(compressible.length >= 6, compressible.join(' '));
  for (const f of compressible) {
    const body = readFileSync(join(DIST, f));
    assert.ok(brotliDecompressSync(readFileSync(join(DIST, `${f}.br`))).equals(body), `${f}.br`);
    assert.ok(gunzipSync(readFileSync(join(DIST, `${f}.gz`))).equals(body), `${f}.gz`);
  }
  // No orphans: every .br/.gz has its file.
  for (const f of all.filter((x) => /\.(br|gz)$/.test(x))) assert.ok(all.includes(f.replace(/\.(br|gz)$/, '')), f);
});

// `marksLoad`: the iframe marks its load event (`data-loaded`), which fires for a refused frame
// too (an inline handler: only for a host page served without the app's CSP).
const hostPage = (src, { marksLoad = false } = {}) => `<!doctype html><html lang="en"><head><title>Portal</title><link rel="icon" href="data:,"></head>
<body><h1>Portal article</h1><iframe id="f" title="chart" src="${src}" width="600" height="560"${marksLoad ? ` onload="this.dataset.loaded='1'"` : ''}></iframe></body></html>`;

test('a portal on another origin frames the page served with its own _headers, compressed', async () => {
  const app = await serve({ hostHeaders: true, compressed: true });
  // 127.0.0.1 and localhost are different origins.
  const portal = await serve({ host: 'localhost', pages: { '/article.html': hostPage(`${app.url}?chart=quality&embed=1`) } });
  const { page, context, problems } = await openPage(browser, `${portal.url}article.html`);
  const res = await page.request.get(app.url, { headers: { 'accept-encoding': 'br' } });
  assert.match(res.headers()['content-security-policy'], /frame-ancestors \*/);
  assert.equal(res.headers()['content-encoding'], 'br');
  const frame = page.frames().find((f) => f.url().startsWith(app.origin));
  await frame.waitForSelector('html.app-ready');
  await frame.waitForSelector('#chart-quality .plot.painted');
  assert.deepEqual(problems, []);
  await context.close();
  await portal.close();
  await app.close();
});

test('TCCS_FRAME_ANCESTORS narrows who may frame it: another origin is then refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tccs-hosting-'));
  try {
    cpSync(DIST, dir, { recursive: true });
    execFileSync('node', [join(ROOT, 'scripts/headers.mjs'), dir], { env: { ...process.env, TCCS_FRAME_ANCESTORS: "'self'" } });
    const app = await serve({ root: dir, hostHeaders: true });
    const portal = await serve({ host: 'localhost', pages: { '/article.html': hostPage(`${app.url}?embed=1`, { marksLoad: true }) } });
    const { page, context, problems } = await openPage(browser, null);
    // The iframe's load event fires for a refused frame too: wait for it, then ask what loaded.
    // Not "nothing yet after a while", which a slow frame would pass as well.
    const loaded = page.waitForEvent('console', { predicate: (m) => /frame-ancestors/.test(m.text()), timeout: 15000 });
    await page.goto(`${portal.url}article.html`);
    await page.waitForFunction(() => document.querySelector('#f').dataset.loaded === '1');
    const refusal = await loaded;
    const at = app.origin.replace(/[.]/g, '\\.');
    assert.match(refusal.text(), new RegExp(`Framing '${at}/?' violates .*"frame-ancestors 'self'"\\. The request has been blocked`), 'the browser says it refused the frame, and why');
    // The app's document never reached the frame: no #app in it, and the app's server did answer.
    const frame = page.frames().find((f) => f.url().startsWith(app.origin));
    const inside = frame ? await frame.evaluate(() => !!document.querySelector('#app')).catch(() => false) : false;
    assert.equal(inside, false, 'nothing of the app in the refused frame');
    assert.ok(problems.some((p) => /frame-ancestors/.test(p)), 'the refusal is the page\'s one problem');
    // The same page framed by its own origin still works.
    const own = await serve({ root: dir, hostHeaders: true, pages: { '/own.html': hostPage('./?embed=1') } });
    const o = await openPage(browser, `${own.url}own.html`);
    await o.page.frames().find((f) => f !== o.page.mainFrame()).waitForSelector('html.app-ready');
    await o.context.close();
    await context.close();
    await Promise.all([app.close(), portal.close(), own.close()]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
