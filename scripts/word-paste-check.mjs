// Does "copy table" paste into a word processor as a table? Copies the quality chart's table in
// the built dist/ (Chromium, clipboard read back), hands the clipboard's text/html to LibreOffice
// Writer (headless: HTML → .docx, what a paste into Writer or Word imports), and reads the .docx
// back: one table, the chart's cells, the citation. Prints what it found; exits 1 if not a table.
// Not part of scripts/test.sh (LibreOffice is ~200 MB): run by scripts/word-paste-check.sh.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openPage, ready } from '../tests/e2e/helpers.mjs';

const server = await serve();
const browser = await launch();
const { page, context } = await openPage(browser, null);
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
await page.goto(`${server.url}?time=2010..2017`);
await ready(page);
await page.click('#chart-quality details.downloads summary');
await page.click('#chart-quality button.copy-table');
await page.waitForFunction(() => document.querySelector('#chart-quality .downloads .status').textContent !== '');
const html = await page.evaluate(async () => {
  const [item] = await navigator.clipboard.read();
  return (await item.getType('text/html')).text();
});
const shown = await page.$$eval('#table-quality tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
await browser.close();
await server.close();

const dir = mkdtempSync(join(tmpdir(), 'word-paste-'));
const file = join(dir, 'pasted.html');
writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${html}</body></html>`);
execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, file], { stdio: 'inherit' });
const xml = execFileSync('python3', ['-c', 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())', join(dir, 'pasted.docx')]).toString();
const tables = xml.match(/<w:tbl>/g)?.length ?? 0;
const rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
  [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => [...c[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
const same = JSON.stringify(rows.slice(0, shown.length)) === JSON.stringify(shown);
console.log(`docx: ${tables} table(s), ${rows.length} rows; first rows ${JSON.stringify(rows.slice(0, 2))}`);
console.log(`last row (citation): ${rows.at(-1)?.join(' ')}`);
console.log(`cells equal the chart's table: ${same}`);
process.exit(tables === 1 && same ? 0 : 1);
