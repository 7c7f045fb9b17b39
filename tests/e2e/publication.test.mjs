// A publication reaches every reader: staff correct a figure in the editor, download the one
// archive it makes, extract it over the site folder, and a real nginx with the shipped
// configuration (tests/e2e/nginx.mjs) serves the new revision in every encoding a browser asks
// for. The old procedure (the single files uploaded, the old compressed copies left) fails the
// same check: the test can see the trap. Then the editor's "Check the live site" names each
// state against that nginx: new, a cached copy, an old compressed copy, a file not uploaded, and
// a site that does not answer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { get } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DIST, launch, openPage } from './helpers.mjs';
import { nginx, siteCopy } from './nginx.mjs';

const cell = (place) => `[data-place="${place}"]`;
const shipped = JSON.parse(readFileSync(join(DIST, 'dataset.json'), 'utf8'));
const CSVS = readdirSync(DIST).filter((f) => f.endsWith('.csv'));
let browser, work;
const sites = [];
before(async () => {
  browser = await launch();
  work = mkdtempSync(join(tmpdir(), 'tccs-publication-'));
});
after(async () => {
  await browser?.close();
  for (const s of sites) await s.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A site built by scripts/build.sh (a copy of dist/), served by nginx. */
async function site(options) {
  const root = siteCopy(DIST);
  const host = await nginx(root, options);
  const s = { root, ...host, close: async () => { await host.close(); rmSync(root, { recursive: true, force: true }); } };
  sites.push(s);
  return s;
}

/** Extracts a zip over a folder, as a file manager or `unzip -o` does (Python's zipfile). */
const extract = (zip, into, except = []) => execFileSync('python3', ['-c', `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for i in z.infolist():
    if i.filename not in sys.argv[3:]:
        z.extract(i, sys.argv[2])`, zip, into, ...except]);

/** What a reader gets of `path` asking for `encoding` (none: identity), decoded as a browser
 *  does (node:http, which leaves the bytes as sent). */
function served(base, path, encoding) {
  return new Promise((resolve, reject) => {
    get(new URL(path, base), { headers: { 'accept-encoding': encoding ?? 'identity' } }, (r) => {
      const chunks = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        if (r.statusCode !== 200) return reject(new Error(`${path} (${encoding}): HTTP ${r.statusCode}`));
        const body = Buffer.concat(chunks), coding = r.headers['content-encoding'];
        if ((coding ?? null) !== (encoding ?? null)) return reject(new Error(`${path}: asked for ${encoding}, got ${coding}`));
        resolve((coding === 'br' ? brotliDecompressSync(body) : coding === 'gzip' ? gunzipSync(body) : body).toString('utf8'));
      });
    }).on('error', reject);
  });
}

/** Every published file as readers get it in each encoding: the new revision, or what differs. */
async function oldCopies(base) {
  const stale = [];
  for (const encoding of ['gzip', 'br', null]) {
    const page = await served(base, './', encoding);
    const block = JSON.parse(page.match(/<script type="application\/json" id="dataset"[^>]*>([\s\S]*?)<\/script>/)[1]);
    if (block.revisions.length !== shipped.revisions.length + 1) stale.push(`/ (${encoding}): the dataset block`);
    if (!/Cập nhật ngày \d\d\/\d\d\/\d{4}/.test(page) || page.includes(`Cập nhật ngày ${shipped.revisions.at(-1).date.split('-').reverse().join('/')}<`)) stale.push(`/ (${encoding}): the update date`);
    const json = JSON.parse(await served(base, 'dataset.json', encoding));
    if (json.yearly.find((y) => y.year === 2014).top !== 42) stale.push(`dataset.json (${encoding})`);
    for (const csv of CSVS) {
      const text = await served(base, csv, encoding);
      if (csv.includes('so-lieu-khac')) continue; // the other figures' CSV: no yearly row
      if (!/\r?\n2014,[^\n]*,42,84,/.test(text)) stale.push(`${csv} (${encoding})`);
    }
  }
  return stale;
}

/** Staff's correction of 2014 (41 → 42, marked a correction of the source) published in the
 *  editor on site `s`: the archive it made (its path) and the record the editor keeps of it. */
async function publishCorrection(s) {
  const { page, context, problems } = await openPage(browser, `${s.url}edit.html`, { width: 1280, height: 900 });
  await page.waitForSelector(cell('dataset.yearly[2014].top'));
  await page.fill(cell('dataset.yearly[2014].top'), '42');
  await page.fill(cell('dataset.yearly[2014].rate'), '50,00');
  await page.locator(cell('dataset.yearly[2014].rate')).blur();
  await page.getByRole('button', { name: /Xem thay đổi và xuất bản/ }).click();
  await page.waitForSelector('table.changes');
  for (const box of await page.locator('.unexplained input[type="checkbox"]').all()) await box.check();
  await page.fill('#reason-vi', 'Báo cáo năm 2015 đính chính số năm 2014.');
  await page.getByRole('button', { name: 'Tạo tệp để tải lên' }).click();
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator('button.download-archive').click()]);
  const zip = join(mkdtempSync(join(work, 'archive-')), d.suggestedFilename());
  await d.saveAs(zip);
  await page.waitForFunction(() => /Đã tải .*\.zip/.test(document.querySelector('.ready .status')?.textContent));
  const record = await page.evaluate(() => localStorage.getItem('tccs-editor-published'));
  return { page, context, problems, zip, record, name: d.suggestedFilename() };
}

test('staff correct 2014 and download one archive; extracted over the site, nginx serves the new revision in every encoding; the old procedure does not', async () => {
  const s = await site();
  assert.ok(s.brotli, 'nginx has its brotli module (Debian libnginx-mod-http-brotli-static)');
  const { context, problems, zip: archive, name } = await publishCorrection(s);
  assert.match(name, new RegExp(`^${shipped.article.slug}_xuat-ban_\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  assert.deepEqual(problems, []);
  await context.close();

  // The archive holds every file the publication changes, and their fresh compressed copies.
  const names = execFileSync('python3', ['-c', 'import sys, zipfile; print("\\n".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))', archive], { encoding: 'utf8' }).trim().split('\n');
  const texts = ['index.html', 'dataset.json', ...CSVS];
  assert.deepEqual(names, [...texts.flatMap((f) => [f, `${f}.br`, `${f}.gz`]), 'preview.png'].sort());

  // Extracted over the site: every encoding gets the new revision.
  assert.ok((await oldCopies(s.url)).length > 0, 'before extracting, the check sees the old revision');
  extract(archive, s.root);
  assert.deepEqual(await oldCopies(s.url), [], 'after extracting: the new revision in every encoding');

  // The old procedure on another site: the single files uploaded, the old .gz and .br left.
  const old = await site();
  const singles = mkdtempSync(join(work, 'singles-'));
  extract(archive, singles);
  for (const f of [...texts, 'preview.png']) writeFileSync(join(old.root, f), readFileSync(join(singles, f)));
  const stale = await oldCopies(old.url);
  assert.ok(stale.some((x) => x.includes('(gzip)')) && stale.some((x) => x.includes('(br)')), `the old procedure serves old copies: ${stale.join(', ')}`);
  assert.ok(!stale.some((x) => x.includes('(null)')), 'a request without compression gets the new files there');
});

/** The editor's check on `s`'s site, after a publication made in this browser: each file's state. */
async function check(s, published) {
  const { page, context, problems } = await openPage(browser, `${s.url}edit.html`, { width: 1280, height: 900 });
  await page.waitForSelector(cell('dataset.yearly[2014].top'));
  // The record of the publication made in the editor (the test before), as the editor keeps it
  // in its browser: each site here is another origin, so it is given to each.
  await page.evaluate((p) => localStorage.setItem('tccs-editor-published', p), published);
  await page.reload();
  await page.waitForSelector(cell('dataset.yearly[2014].top'));
  await page.click('button.check-live');
  await page.waitForSelector('.live-files li');
  const states = Object.fromEntries(await page.$$eval('.live-files li', (ls) => ls.map((l) => [l.dataset.file, [l.dataset.state, l.textContent]])));
  const summary = await page.textContent('.live-summary');
  await context.close();
  return { states, summary, problems };
}

test('the editor keeps what it published, to check the live site after a reload', async () => {
  const s = await site();
  const { page, context, record } = await publishCorrection(s);
  assert.match(record, /^\d{4}-\d{2}-\d{2}\nindex\.html\t[0-9a-f]{16}\ndataset\.json\t[0-9a-f]{16}\n/);
  // Before anything is uploaded: the files the correction changes are still the old ones there
  // (the CSV of the other figures is the same in both versions: it reads as new). Checked
  // after a reload: staff upload, then come back.
  await page.reload();
  await page.click('button.check-live');
  await page.waitForSelector('.live-files li');
  const states = Object.fromEntries(await page.$$eval('.live-files li', (ls) => ls.map((l) => [l.dataset.file, l.dataset.state])));
  const yearly = CSVS.find((f) => !f.includes('so-lieu-khac'));
  assert.deepEqual([states['index.html'], states['dataset.json'], states[yearly]], ['not-uploaded', 'not-uploaded', 'not-uploaded']);
  await context.close();
});

test('"Check the live site" names each state against the real nginx, in the staff\'s words', async () => {
  // A publication of its own, made on a site of its own.
  const made = await publishCorrection(await site());
  await made.context.close();
  const { zip: archive, record: published } = made;
  // New: the archive extracted.
  const fresh = await site();
  extract(archive, fresh.root);
  let r = await check(fresh, published);
  assert.deepEqual(Object.values(r.states).map(([s]) => s), ['new', 'new', 'new', 'new']);
  assert.match(r.summary, /người đọc nhận tất cả các tệp mới/);
  assert.deepEqual(r.problems, []);

  // An old compressed copy: the single files uploaded, the old .gz/.br left.
  const old = await site();
  const singles = mkdtempSync(join(work, 'singles-'));
  extract(archive, singles);
  for (const f of readdirSync(singles).filter((f) => !/\.(gz|br)$/.test(f))) writeFileSync(join(old.root, f), readFileSync(join(singles, f)));
  r = await check(old, published);
  assert.equal(r.states['index.html'][0], 'old-compressed-copy');
  assert.match(r.states['index.html'][1], /máy chủ gửi bản nén cũ \(index\.html\.gz hoặc index\.html\.br\)/);

  // A file not uploaded: the archive extracted without dataset.json (and its copies).
  const partial = await site();
  extract(archive, partial.root, ['dataset.json', 'dataset.json.gz', 'dataset.json.br']);
  r = await check(partial, published);
  assert.equal(r.states['dataset.json'][0], 'not-uploaded');
  assert.match(r.states['dataset.json'][1], /tệp mới chưa được tải lên/);
  assert.equal(r.states['index.html'][0], 'new');

  // A cached copy: a portal's cache in front keeps the old page it served before the upload.
  const cached = await site({ cache: true });
  // The cache takes the old page: each body read to its end, since nginx keeps a copy only once
  // the response is whole (a response left unread under load was not yet kept when the check
  // asked, and the check then rightly saw the new page).
  await (await fetch(cached.url)).arrayBuffer();
  await (await fetch(new URL('dataset.json', cached.url))).arrayBuffer();
  extract(archive, cached.root);
  r = await check(cached, published);
  assert.equal(r.states['index.html'][0], 'cached');
  assert.match(r.states['index.html'][1], /bộ nhớ đệm.*tới 10 phút/);

  // The site does not answer: the editor still open, the host gone.
  const gone = await site();
  const { page, context } = await openPage(browser, `${gone.url}edit.html`, { width: 1280, height: 900 });
  await page.waitForSelector(cell('dataset.yearly[2014].top'));
  await page.evaluate((p) => localStorage.setItem('tccs-editor-published', p), published);
  await page.reload();
  await page.waitForSelector('button.check-live');
  await gone.close();
  sites.splice(sites.indexOf(gone), 1);
  await page.click('button.check-live');
  await page.waitForSelector('.live-files li');
  const states = await page.$$eval('.live-files li', (ls) => ls.map((l) => [l.dataset.state, l.textContent]));
  assert.deepEqual([...new Set(states.map(([s]) => s))], ['unreachable']);
  assert.match(states[0][1], /Không kết nối được trang/);
  await context.close();
});
