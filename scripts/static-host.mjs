// A folder served the way a static host serves it: the build's `.br`/`.gz` copies, the `_headers`
// file's headers. For `scripts/serve.mjs` (the README's serve command), the tests and the bench;
// Node's own modules only, so serving needs no test packages.
import http from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
};

/** Parses a `_headers` file (Netlify/Cloudflare Pages format): [{path, headers}] in order. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: {} });
    else if (rules.length) {
      const i = line.indexOf(':');
      rules.at(-1).headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

/** The headers a `_headers`-reading host sends for `path`: every matching rule, joined as those
 *  hosts join a header set twice (", "). `/*` matches everything; other rules match exactly. */
export function headersFor(rules, path) {
  const out = {};
  for (const r of rules) {
    const match = r.path === path || (r.path.endsWith('/*') && path.startsWith(r.path.slice(0, -1)));
    if (!match) continue;
    for (const [k, v] of Object.entries(r.headers)) out[k] = out[k] ? `${out[k]}, ${v}` : v;
  }
  return out;
}

/** Serves `root` on 127.0.0.1 (or `host`), a random port. `headers` are added to every response;
 *  `pages` maps extra paths to their text (host pages; typed by extension, HTML without one). Resolves to {url, origin, close}.
 *  `gate(path)`: awaited before anything is served (a test holds the wasm back with it).
 *  `compressed`: as a static host serves the build: the `.br` or `.gz` file written beside each
 *  file when the browser accepts it, else gzip on the fly. `hostHeaders`: apply `root/_headers`. */
export function serve({ root, host = '127.0.0.1', headers = {}, pages = {}, compressed = false, hostHeaders = false, gate } = {}) {
  const rules = hostHeaders ? parseHeaders(readFileSync(join(root, '_headers'), 'utf8')) : [];
  const server = http.createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (gate) await gate(path);
    if (pages[path]) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] || TYPES['.html'], ...headers });
      return res.end(pages[path]);
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(normalize(root))) { res.writeHead(403); return res.end(); }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) { res.writeHead(404); return res.end('not found'); }
    let body = readFileSync(file);
    const extra = { ...headersFor(rules, path) };
    const accept = req.headers['accept-encoding'] || '';
    if (compressed && /\bbr\b/.test(accept) && existsSync(`${file}.br`)) {
      body = readFileSync(`${file}.br`);
      extra['content-encoding'] = 'br';
    } else if (compressed && /\bgzip\b/.test(accept)) {
      body = existsSync(`${file}.gz`) ? readFileSync(`${file}.gz`) : gzipSync(body, { level: 9 });
      extra['content-encoding'] = 'gzip';
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', ...extra, ...headers });
    res.end(body);
  });
  return new Promise((resolve) => server.listen(0, host, () => {
    const { port } = server.address();
    resolve({ url: `http://${host}:${port}/`, origin: `http://${host}:${port}`, close: () => new Promise((r) => server.close(r)) });
  }));
}
