// Shared and found (issue 22), on the built dist/ served as a host serves it: the link-preview
// tags and the schema.org Dataset of the page, the preview picture (a 1200 × 630 PNG), and every
// file the metadata lists, fetched at its URL; the CSVs read by pandas as a researcher would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { DIST, serve } from './helpers.mjs';

let site;
before(async () => { site = await serve({ compressed: true, hostHeaders: true }); });
after(async () => { await site?.close(); });

const html = () => readFileSync(join(DIST, 'index.html'), 'utf8');
const meta = (h, key) => h.match(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`))?.[1];
const jsonLd = (h) => JSON.parse(h.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)[1]);
/** A URL of the page's metadata, resolved as a browser resolves it against the page. */
const at = (u) => new URL(u, site.url).href;

/** Width and height from a PNG's IHDR chunk; throws when the bytes are not a PNG. */
function pngSize(buf) {
  assert.deepEqual([...buf.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG signature');
  assert.equal(buf.subarray(12, 16).toString('latin1'), 'IHDR');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

test('the page carries link-preview tags made from its data', () => {
  const h = html();
  const data = JSON.parse(h.match(/<script type="application\/json" id="dataset"[^>]*>([\s\S]*?)<\/script>/)[1]);
  assert.equal(meta(h, 'og:type'), 'website');
  assert.equal(meta(h, 'og:title'), h.match(/<title>([^<]*)<\/title>/)[1]);
  assert.equal(meta(h, 'og:description'), meta(h, 'description'), 'the summary sentence of all years');
  assert.match(meta(h, 'og:description'), /^Giai đoạn 2008–2017: bình quân 71,72%/);
  assert.equal(meta(h, 'og:image'), 'preview.png', 'relative: this build was given no public address');
  assert.equal(meta(h, 'og:image:width'), '1200');
  assert.equal(meta(h, 'og:image:height'), '630');
  assert.match(meta(h, 'og:image:alt'), /^Tổ chức cơ sở đảng đạt trong sạch vững mạnh/);
  assert.equal(meta(h, 'og:locale'), 'vi_VN');
  assert.equal(meta(h, 'og:site_name'), data.article.publisher.vi);
  assert.equal(meta(h, 'twitter:card'), 'summary_large_image');
  assert.equal(meta(h, 'og:url'), undefined, 'no address claimed without one');
});

test("the page's schema.org Dataset has Google's required fields and names its sources and files", () => {
  const ld = jsonLd(html());
  assert.equal(ld['@context'], 'https://schema.org');
  assert.equal(ld['@type'], 'Dataset');
  // Required: name; description of 50 to 5000 characters.
  assert.ok(ld.name.length > 0);
  assert.ok(ld.description.length >= 50 && ld.description.length <= 5000, ld.description.length);
  assert.equal(ld.temporalCoverage, '2008/2017');
  assert.equal(ld.spatialCoverage.name, 'Tỉnh Gia Lai, Việt Nam');
  assert.equal(ld.creator['@type'], 'Organization');
  assert.equal(ld.publisher.name, 'Cổng thông tin điện tử Đảng bộ tỉnh Gia Lai');
  assert.equal(ld.isBasedOn[0].headline, 'Nâng cao năng lực lãnh đạo của các tổ chức cơ sở đảng');
  assert.match(ld.dateModified, /^\d{4}-\d{2}-\d{2}$/);
  assert.deepEqual(ld.distribution.map((d) => d.encodingFormat), ['application/json', 'text/csv', 'text/csv']);
});

test('the preview picture is a 1200 × 630 PNG at the URL the tags give', async () => {
  const res = await fetch(at(meta(html(), 'og:image')));
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/png');
  const buf = Buffer.from(await res.arrayBuffer());
  assert.deepEqual(pngSize(buf), [1200, 630]);
  assert.ok(buf.length > 20_000, 'a picture, not an empty canvas');
});

test('every distribution URL resolves: the data file as the page holds it, and CSVs pandas reads', async () => {
  const h = html();
  const ld = jsonLd(h);
  const block = JSON.parse(h.match(/<script type="application\/json" id="dataset"[^>]*>([\s\S]*?)<\/script>/)[1]);
  for (const d of ld.distribution) {
    const res = await fetch(at(d.contentUrl));
    assert.equal(res.status, 200, d.contentUrl);
    const text = await res.text();
    if (d.encodingFormat === 'application/json') assert.deepEqual(JSON.parse(text), block, 'the same data as the page');
  }
  const csvs = ld.distribution.filter((d) => d.encodingFormat === 'text/csv').map((d) => at(d.contentUrl));
  const script = `
import sys, json, pandas as pd
yearly, figures = (pd.read_csv(u) for u in sys.argv[1:])
print(json.dumps({
  "yearly_columns": list(yearly.columns), "years": yearly["nam"].tolist(), "top": yearly["so_loai_cao_nhat"].tolist(),
  "rate_2008": float(yearly.loc[yearly["nam"] == 2008, "ty_le_bao_cao"].iloc[0]),
  "figures": len(figures), "members_new": float(figures.loc[figures["ma"] == "members.new", "gia_tri"].iloc[0]),
}))`;
  // Asynchronously: python fetches from this process's own server.
  const { stdout } = await promisify(execFile)('python3', ['-c', script, ...csvs], { encoding: 'utf8', timeout: 60_000 });
  const out = JSON.parse(stdout);
  assert.equal(out.yearly_columns[0], 'nam', 'no byte-order mark in the first column name');
  assert.deepEqual(out.years, block.yearly.map((r) => r.year));
  assert.deepEqual(out.top, block.yearly.map((r) => r.top));
  assert.equal(out.rate_2008, 64.94, 'the rate as the article writes it');
  assert.equal(out.figures, block.figures.length);
  assert.equal(out.members_new, 1173);
});
