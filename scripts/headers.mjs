// Writes the HTTP headers of the built site, for the two ways it is hosted:
//   _headers    static hosts that read it (Netlify, Cloudflare Pages and the like);
//   nginx.conf  a server block's worth of nginx configuration;
//   csp.txt     the bare Content-Security-Policy value (the tests read it).
// Caching: files whose name carries Trunk's content hash never change, so browsers and CDNs keep
// them a year without asking; index.html and the unhashed files (embed.js, noscript.css)
// revalidate on every load, so a new build is seen at once.
// Security: inline scripts are allowed by their sha256 only; an inline style attribute fails the
// build. Any origin may frame the page (it is public and read-only, made to be embedded);
// TCCS_FRAME_ANCESTORS narrows that, e.g. "'self' https://portal.example".
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] || 'dist';

/** The page with its wasm's integrity hash in its loader. Trunk writes the loader from
 *  Trunk.toml's `pattern_script`, whose two scripts each begin by naming the app's files
 *  (`const app = { wasm: '/x_bg.wasm', js: … }`); this adds `integrity: 'sha384-…'` there, which
 *  both fetches pass: the browser then refuses a wasm that is not the one built. Done here,
 *  before the CSP hashes, because the hash changes the script. A page without that loader
 *  (Trunk's output changed, or the pattern did, or a loader file was not found) fails the build. */
function withIntegrity(page, html) {
  if (!/<script type="module" data-start="after-paint">const app = /.test(html) || !/<script type="module" async data-start="download-if-slow">const app = /.test(html) || /\{(after_paint|download_if_slow)\}/.test(html)) {
    console.error(`headers.mjs: ${page} has no app loader (Trunk.toml pattern_script, static/loader/)`);
    process.exit(1);
  }
  const next = html.replace(/const app = \{ wasm: '\/([^']+\.wasm)', /g, (_, file) => {
    const sri = createHash('sha384').update(readFileSync(join(dir, file))).digest('base64');
    return `const app = { wasm: '/${file}', integrity: 'sha384-${sri}', `;
  });
  if ((next.match(/const app = \{ wasm: '\/[^']+\.wasm', integrity: 'sha384-/g) || []).length !== 2) {
    console.error(`headers.mjs: ${page}'s loader does not name its wasm twice (Trunk.toml pattern_script)`);
    process.exit(1);
  }
  if (next !== html) writeFileSync(join(dir, page), next);
  return next;
}
// Every page of the site: the reader (index.html) and the staff editor (edit.html). One policy
// for both, with the hashes of both pages' inline loaders.
const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
const hashes = [];
for (const page of pages) {
  const html = withIntegrity(page, readFileSync(join(dir, page), 'utf8'));
  // Only scripts that run: the dataset block (type="application/json") is data, which CSP does
  // not govern, so staff can change it without touching the policy.
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
  }
  if (/<[^>]*\sstyle\s*=/.test(html.replace(/<script[\s\S]*?<\/script>/g, ''))) {
    console.error(`headers.mjs: ${page} has an inline style attribute; CSP style-src 'self' would block it`);
    process.exit(1);
  }
}
const ancestors = process.env.TCCS_FRAME_ANCESTORS || '*';
const policy = [
  "default-src 'self'",
  ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');
// frame-ancestors only works as an HTTP header, never in a <meta> tag.
const csp = `${policy}; frame-ancestors ${ancestors}`;
// The editor is for staff, not for embedding: only its own origin frames it (its live preview
// is itself in a frame). A second policy: browsers enforce both.
const EDITOR_CSP = "frame-ancestors 'self'";

// Trunk names hashed files `<stem>-<hash>[_bg].<ext>`, the hash a 64-bit number in hex without
// leading zeros (so usually 16 digits, sometimes fewer).
const HASHED = /-[0-9a-f]{10,16}(_bg)?\.[a-z0-9]+$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const served = readdirSync(dir).filter((f) => !/^(_headers|nginx\.conf|csp\.txt)$/.test(f) && !/\.(br|gz)$/.test(f));
const hashed = served.filter((f) => HASHED.test(f)).sort();
const unhashed = served.filter((f) => !HASHED.test(f)).sort();

// _headers: rules that match one path each for Cache-Control, because hosts join the values of
// a header set by two matching rules ("no-cache, public, …").
const rule = (path, lines) => `${path}\n${lines.map((l) => `  ${l}`).join('\n')}\n`;
writeFileSync(join(dir, '_headers'), [
  rule('/*', [`Content-Security-Policy: ${csp}`, 'X-Content-Type-Options: nosniff', 'Referrer-Policy: strict-origin-when-cross-origin']),
  rule('/', [`Cache-Control: ${REVALIDATE}`]),
  ...unhashed.map((f) => rule(`/${f}`, [`Cache-Control: ${REVALIDATE}`,
    ...(f === 'edit.html' ? [`Content-Security-Policy: ${EDITOR_CSP}`] : [])])),
  ...hashed.map((f) => rule(`/${f}`, [`Cache-Control: ${IMMUTABLE}`])),
].join(''));

// nginx: `add_header` in a location replaces the server's, so each location repeats them all.
const common = [
  `add_header Content-Security-Policy "${csp}" always;`,
  'add_header X-Content-Type-Options "nosniff" always;',
  'add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
];
const location = (match, cache, extra = []) => [
  `location ${match} {`,
  ...common.map((l) => `    ${l}`),
  ...extra.map((l) => `    ${l}`),
  `    add_header Cache-Control "${cache}" always;`,
  '    try_files $uri $uri/ =404;',
  '}',
].join('\n');
writeFileSync(join(dir, 'nginx.conf'), [
  '# Include inside the `server { }` whose root is this folder (see docs/deploying.md).',
  '# Serve the .gz files the build wrote beside each file (ngx_http_gzip_static_module).',
  'gzip_static on;',
  '# With the ngx_brotli module installed, also serve the .br files:',
  '# brotli_static on;',
  '# nginx ≥ 1.21.4 maps .wasm to application/wasm in its mime.types (WebAssembly streaming needs it).',
  'index index.html;',
  location('/', REVALIDATE),
  location('= /edit.html', REVALIDATE, [`add_header Content-Security-Policy "${EDITOR_CSP}" always;`]),
  location('~ "-[0-9a-f]{10,16}(_bg)?\\.[a-z0-9]+$"', IMMUTABLE),
  '',
].join('\n'));
writeFileSync(join(dir, 'csp.txt'), csp + '\n');
console.log(`headers.mjs: ${pages.join(', ')}: ${hashes.length} inline script hash(es), ${hashed.length} immutable file(s), frame-ancestors ${ancestors} -> ${dir}/_headers, nginx.conf, csp.txt`);
