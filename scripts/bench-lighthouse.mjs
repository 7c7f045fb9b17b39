// Lighthouse (npm `lighthouse`, pinned in package-lock.json) against a served dist/, with the
// Debian Chromium and the headless flags that work on the build machines. The default config is
// the mobile preset (simulated 4× CPU and 150 ms / 1.6 Mbps network). Used by bench.mjs.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** `runs` Lighthouse runs of `url`, each in a fresh Chromium profile: per run the performance
 *  score, LCP, TBT, FCP (ms), CLS and the element the LCP waited for. */
export async function lighthouseRuns(url, runs) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'tccs-lh-'));
    const chrome = await chromeLauncher.launch({
      chromePath: '/usr/bin/chromium',
      chromeFlags: [...FLAGS, `--user-data-dir=${profile}`],
      userDataDir: false,
    });
    try {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
      const a = lhr.audits;
      out.push({
        score: lhr.categories.performance.score,
        lcp: a['largest-contentful-paint'].numericValue,
        tbt: a['total-blocking-time'].numericValue,
        fcp: a['first-contentful-paint'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        // Lighthouse 13 names the LCP element in its LCP breakdown insight.
        lcpElement: a['lcp-breakdown-insight']?.details?.items?.find((x) => x.type === 'node')?.selector ?? '?',
      });
    } finally {
      await chrome.kill();
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return out;
}
