// What a printout shows of the charts, read from its PDF. A browser prints a canvas as a picture
// or as the drawing's own vector operations (Chromium does the latter for a canvas drawn while
// printing), so the PDF's images cannot be counted. Instead the test prints with ONLY_CHARTS:
// every card starts a page, holds only its title and chart (short enough for one page, so a
// card is a page), and nothing but the canvases is inked: each page's ink is one card's chart,
// and a chart printed empty is a blank page. Poppler's pdftoppm
// (Debian poppler-utils) rasterises the pages as PPM, a header and raw RGB, read here without a
// library. Shared by the Playwright print tests (Chromium) and the engine tests (WebDriver's
// print, Firefox).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A print stylesheet for the test: each card on a page of its own, only its canvas inked. */
export const ONLY_CHARTS = `@media print {
  body * { visibility: hidden !important; }
  figure.card canvas { visibility: visible !important; }
  figure.card { break-before: page !important; }
  figure.card > :not(figcaption):not(.plot) { display: none !important; }
}`;

/** A PPM (P6) picture: how many pixels are not white. */
function ppmInk(buf) {
  const fields = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]))) i++;
    const s = i;
    while (!/\s/.test(String.fromCharCode(buf[i]))) i++;
    fields.push(buf.toString('latin1', s, i));
  }
  const [w, h] = [Number(fields[1]), Number(fields[2])];
  const px = buf.subarray(i + 1);
  let ink = 0;
  for (let p = 0; p < w * h * 3; p += 3) if (px[p] < 250 || px[p + 1] < 250 || px[p + 2] < 250) ink++;
  return ink;
}

/** The ink of each page of a PDF (its bytes), rasterised at 40 dpi. */
export function pageInks(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'tccs-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', '40', join(dir, 'in.pdf'), join(dir, 'page')]);
    return readdirSync(dir).filter((f) => f.endsWith('.ppm')).sort().map((f) => ppmInk(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of a PDF (its bytes), as pdftotext reads it. */
export function pdfText(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'tccs-pdf-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    return execFileSync('pdftotext', [join(dir, 'in.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
