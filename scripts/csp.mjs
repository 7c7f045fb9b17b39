// Writes the Content-Security-Policy for the built site: `_headers` (Netlify/Cloudflare-style
// static hosts), `csp.txt` (the bare header value, used by the tests) and `nginx-csp.conf`.
// Inline scripts are allowed by their sha256 only; an inline style attribute fails the build.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] || 'dist';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const hashes = [];
// Only scripts that run: the dataset block (type="application/json") is data, which CSP does not
// govern, so staff can change it without touching the policy.
for (const m of html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*type="application\/json")[^>]*>([\s\S]*?)<\/script>/g)) {
  hashes.push(`'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`);
}
if (/\sstyle\s*=/.test(html)) {
  console.error('csp.mjs: index.html has an inline style attribute; CSP style-src \'self\' would block it');
  process.exit(1);
}
const policy = [
  "default-src 'self'",
  ["script-src 'self' 'wasm-unsafe-eval'", ...hashes].join(' '),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');
// Portals that embed the app: frame-ancestors only works as an HTTP header, so it is added here
// (and in the nginx snippet), never in a <meta> tag. Edit TCCS_FRAME_ANCESTORS to your portal.
const ancestors = process.env.TCCS_FRAME_ANCESTORS || "'self'";
writeFileSync(join(dir, 'csp.txt'), policy + '\n');
writeFileSync(
  join(dir, '_headers'),
  `/*\n  Content-Security-Policy: ${policy}; frame-ancestors ${ancestors}\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: strict-origin-when-cross-origin\n`,
);
writeFileSync(
  join(dir, 'nginx-csp.conf'),
  `# Include inside the server/location block that serves dist/. Replace the portal origin.\n` +
    `add_header Content-Security-Policy "${policy}; frame-ancestors ${ancestors} https://PORTAL.EXAMPLE" always;\n` +
    `add_header X-Content-Type-Options "nosniff" always;\n`,
);
console.log(`csp.mjs: ${hashes.length} inline script hash(es) -> ${dir}/_headers, csp.txt, nginx-csp.conf`);
