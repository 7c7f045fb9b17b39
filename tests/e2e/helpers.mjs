// Shared by the end-to-end tests: a static server for dist/ (optionally with the CSP header or a
// host page on another origin), and Chromium launched the way it works on these machines.
import http from 'node:http';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

export const DIST = new URL('../../dist/', import.meta.url).pathname;

/** Lighthouse's mobile network (150 ms RTT, 1.6 Mbps down, 750 kbps up), for DevTools'
 *  `Network.emulateNetworkConditions`: the bench's mobile loads and the loader's slow-network test. */
export const MOBILE_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

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
 *  `pages` maps extra paths to HTML strings (host pages). Resolves to {url, origin, close}.
 *  `compressed`: as a static host serves the build: the `.br` or `.gz` file written beside each
 *  file when the browser accepts it, else gzip on the fly. `hostHeaders`: apply `root/_headers`. */
export function serve({ root = DIST, host = '127.0.0.1', headers = {}, pages = {}, compressed = false, hostHeaders = false } = {}) {
  const rules = hostHeaders ? parseHeaders(readFileSync(join(root, '_headers'), 'utf8')) : [];
  const server = http.createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (pages[path]) {
      res.writeHead(200, { 'content-type': TYPES['.html'], ...headers });
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

export async function launch(options = {}) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    ...options,
  });
}

/** A page that records console errors, page errors and failed requests. */
export async function openPage(browser, url, { width = 1280, height = 900, colorScheme = 'light', javaScriptEnabled = true, deviceScaleFactor = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, javaScriptEnabled, deviceScaleFactor, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  // A warning is a problem too: a hydration mismatch, an ignored attribute, a deprecated API.
  // (Not Chrome's advice after the tests' own pixel reads: canvasInfo calls getImageData.)
  page.on('console', (m) => {
    if (m.type() === 'warning' && /willReadFrequently/.test(m.text())) return;
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`); });
  // net::ERR_ABORTED is a request the test itself cut short (a reload or navigation while the
  // favicon loads, a cancelled download); any other failure, or an HTTP error, is a problem.
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  if (url) await page.goto(url);
  return { page, context, problems };
}

/** Waits until the app has hydrated the whole pre-rendered page and painted the first chart. */
export async function ready(page) {
  await page.waitForSelector('html.app-ready.app-whole');
  // Charts paint when on (or near) screen; at least one is at the top of the dashboard.
  await page.waitForFunction(() => [...document.querySelectorAll('figure.card canvas')].some((c) => c.width > 0));
  await page.waitForTimeout(50);
}

/** A fingerprint of a canvas's pixels, and whether anything but the background is drawn. */
export async function canvasInfo(page, selector) {
  // Off-screen charts are painted when they scroll into view.
  await page.$eval(selector, (c) => c.scrollIntoView({ block: 'center' }));
  await page.waitForFunction((s) => document.querySelector(s).width > 0, selector);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  return page.$eval(selector, (c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let hash = 0, ink = 0;
    for (let i = 0; i < d.length; i += 4) {
      hash = (hash * 31 + d[i] * 7 + d[i + 1] * 3 + d[i + 2]) >>> 0;
      if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) ink++;
    }
    return { hash, ink, width: c.width, height: c.height };
  });
}
