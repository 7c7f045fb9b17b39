// Shared by the end-to-end tests: the static server (scripts/static-host.mjs) for dist/, and
// Chromium launched the way it works on these machines.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { serve as host } from '../../scripts/static-host.mjs';
export { parseHeaders, headersFor } from '../../scripts/static-host.mjs';

export const DIST = new URL('../../dist/', import.meta.url).pathname;

/** The charts of the shipped data: the seven of the article, and the lineage where the data
 *  records what became of the unit. */
const SHIPPED = JSON.parse(readFileSync(new URL('../../data/dataset.json', import.meta.url), 'utf8'));
export const CHARTS = ['quality', 'rate', 'weak', 'changes', 'structure', 'members', 'cadres', ...(SHIPPED.events?.length ? ['lineage'] : [])];

/** The release `dist/` (or `root`) served as scripts/static-host.mjs serves a folder. */
export const serve = (options = {}) => host({ root: DIST, ...options });

/** Lighthouse's mobile network (150 ms RTT, 1.6 Mbps down, 750 kbps up), for DevTools'
 *  `Network.emulateNetworkConditions`: the bench's mobile loads and the loader's slow-network test. */
export const MOBILE_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

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
export async function openPage(browser, url, { width = 1280, height = 900, colorScheme = 'light', javaScriptEnabled = true, deviceScaleFactor = 1, hasTouch = false, isMobile = false } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, javaScriptEnabled, deviceScaleFactor, hasTouch, isMobile, acceptDownloads: true });
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

/** Waits until the app has hydrated the pre-rendered page (app-ready) and painted the first chart. */
export async function ready(page) {
  await page.waitForSelector('html.app-ready');
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

/** Staff's publication, as the staff guide has it: the editor's one archive downloaded and
 *  extracted over the site folder `root` (as a file manager or `unzip -o` does; Python's
 *  zipfile here). Returns the archive's file name. */
export async function publishArchive(page, root) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator('button.download-archive').click()]);
  const zip = join(mkdtempSync(join(tmpdir(), 'tccs-archive-')), d.suggestedFilename());
  await d.saveAs(zip);
  execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, root]);
  rmSync(dirname(zip), { recursive: true, force: true });
  return d.suggestedFilename();
}

/** Opens the editor's "the files one by one" (for hosts that take single files). */
export const openSingleFiles = (page) => page.click('.single-files summary');
