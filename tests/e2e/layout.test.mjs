// Phone-first and print: the first screen shows the title, the year control and the whole first
// chart (phones, a narrow iframe, desktop); printing draws every chart with its table and ends
// with the view's URL, the date and the citation; exported pictures keep the whole citation.
// Screenshots (and one printout's PDF) go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, openPage, ready } from './helpers.mjs';
import { ONLY_CHARTS, pageInks } from './pdf.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'target', 'screenshots');
const data = JSON.parse(readFileSync(join(ROOT, 'data/dataset.json'), 'utf8'));
const DATE = data.article.date_as_written;
let server, browser;
before(async () => { server = await serve(); browser = await launch(); mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); });

const inView = (page, sel) => page.$eval(sel, (e) => {
  const r = e.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight && r.height > 0;
});

for (const [width, height] of [[360, 640], [390, 844], [1280, 800]]) {
  test(`${width}×${height}: title, year control and the whole first chart in the first screen`, async () => {
    const { page, context, problems } = await openPage(browser, server.url, { width, height, deviceScaleFactor: 2 });
    await ready(page);
    assert.ok(await inView(page, 'h1'), 'title');
    assert.ok(await inView(page, '#year-from'), 'year control');
    assert.ok(await inView(page, '#chart-quality canvas'), 'first chart, whole');
    assert.ok(await inView(page, '#title-quality'), 'its title');
    await page.screenshot({ path: join(SHOTS, `first-screen-${width}.png`) });
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('in a 320 px iframe the embedded chart and its year control are whole in the frame', async () => {
  const host = await serve({ pages: { '/a.html': `<!doctype html><html lang="en"><head><title>Portal</title><link rel="icon" href="data:,"></head><body style="margin:0"><iframe title="chart" src="${server.url}?chart=quality&embed=1" width="320" height="560" style="border:0"></iframe></body></html>` } });
  const { page, context } = await openPage(browser, `${host.url}a.html`, { width: 360, height: 640 });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForSelector('html.app-ready');
  await frame.waitForSelector('#chart-quality .plot.painted');
  const box = await frame.$eval('#chart-quality canvas', (c) => { const r = c.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, h: innerHeight }; });
  assert.ok(box.top >= 0 && box.bottom <= box.h, JSON.stringify(box));
  assert.ok(await inView(frame, '#year-from'));
  await context.close();
  await host.close();
});

test('on a phone the year options fold behind one button, in reading order, and open by keyboard', async () => {
  const { page, context } = await openPage(browser, server.url, { width: 360, height: 640 });
  await ready(page);
  const toggle = page.locator('.options-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.isVisible('.presets'), false);
  // The toggle comes right before the options it opens, in the document as on screen.
  assert.ok(await page.evaluate(() => {
    const t = document.querySelector('.options-toggle'), p = document.getElementById(t.getAttribute('aria-controls'));
    return p && (t.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  }));
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.isVisible('button.preset:has-text("2010–2015")'));
  // Tab reaches them as they are seen: the two slider handles, then the options below them.
  const order = [];
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement.id || document.activeElement.className));
  }
  assert.deepEqual(order, ['year-from', 'year-to', 'preset'], 'reading order');
  await page.click('button.preset:has-text("2010–2015")');
  await page.waitForFunction(() => location.search.includes('time=2010..2015'));
  // On a desktop the options are simply there.
  await page.setViewportSize({ width: 1280, height: 800 });
  assert.equal(await page.isVisible('.options-toggle'), false);
  assert.ok(await page.isVisible('button.preset:has-text("2010–2015")'));
  await context.close();
});

/** Every card's canvas ink (pixels unlike the corner), read without scrolling, by card id. */
const inks = (page) => page.$$eval('figure.card', (fs) => fs.map((f) => {
  const c = f.querySelector('canvas');
  if (!c || !c.width || !c.height) return [f.id, 0];
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) ink++;
  return [f.id, ink];
}));

/** The page's cards, as the page has them: whatever the data gives it, a card added later too. */
const cardIds = (page) => page.$$eval('figure.card', (fs) => fs.map((f) => f.id));

/** Opens the view printed, scrolled to where the reader prints from. */
async function openToPrint(width, height, from) {
  const opened = await openPage(browser, `${server.url}?time=2010..2015`, { width, height });
  await ready(opened.page);
  if (from === 'bottom') {
    await opened.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await opened.page.waitForFunction(() => document.querySelector('figure.card').getBoundingClientRect().bottom < 0);
  }
  return opened;
}

// Printing as a reader does (Ctrl+P, "save as PDF"): the browser prints, and the PDF it makes
// holds every card's chart drawn, whichever cards the page has and wherever it was scrolled.
// Printed with each card on a page of its own and only the canvases visible (tests/e2e/pdf.mjs),
// so each page's ink is one chart's.
// (A desktop's window, and a phone's.)
const PRINTS = [
  ...['top', 'bottom'].flatMap((from) => [false, true].map((landscape) => ({ from, landscape, width: 1280, height: 900 }))),
  { from: 'top', landscape: false, width: 390, height: 844 },
];
for (const { from, landscape, width, height } of PRINTS) {
  test(`printed from the ${from} at ${width} px, ${landscape ? 'landscape' : 'portrait'}: the PDF holds every card's chart drawn`, async () => {
    const { page, context, problems } = await openToPrint(width, height, from);
    const cards = await cardIds(page);
    const before = Object.fromEntries(await inks(page));
    assert.ok(Object.values(before).some((n) => n === 0), `some chart off screen is not painted before printing: ${JSON.stringify(before)}`);
    // One print only: printing paints what it needs, so a second would see the first's work.
    await page.addStyleTag({ content: ONLY_CHARTS });
    const pdf = await page.pdf({ format: 'A4', landscape });
    writeFileSync(join(SHOTS, `print-charts-${from}-${width}${landscape ? '-landscape' : ''}.pdf`), pdf);
    const perPage = pageInks(pdf);
    assert.equal(perPage.filter((n) => n > 100).length, cards.length, `${cards.length} cards (${cards.join(', ')}): the ink of each page ${JSON.stringify(perPage)}`);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

for (const width of [390, 1280]) {
  test(`in print media at ${width} px every card is drawn, every table shown, ending with URL, date and citation`, async () => {
    const { page, context, problems } = await openToPrint(width, 800, 'top');
    const cards = await cardIds(page);
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => document.querySelector('.print-meta')?.textContent.length > 0);
    const after = await inks(page);
    assert.deepEqual(after.map(([id]) => id), cards);
    for (const [id, n] of after) assert.ok(n > 500, `${id} drawn for print (${n})`);
    const tables = await page.$$eval('figure.card', (fs) => fs.map((f) => [f.id, f.querySelector('.table-wrap')?.getBoundingClientRect().height ?? 0]));
    for (const [id, h] of tables) assert.ok(h > 60, `${id}'s table shown (${h}px)`);
    const meta = await page.textContent('.print-meta');
    assert.match(meta, /\?time=2010\.\.2015/);
    const d = new Date();
    assert.ok(meta.includes(`${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`), meta);
    const footer = await page.textContent('.site-footer');
    assert.ok(footer.includes(data.article.title) && footer.includes(data.article.author) && footer.includes(DATE), footer);
    assert.ok(footer.indexOf(DATE) < footer.indexOf(meta), 'the printout ends with the print line');
    // Cards never break across pages; the picture placeholders do not print.
    assert.ok(await page.$$eval('figure.card', (fs) => fs.every((f) => getComputedStyle(f).breakInside === 'avoid')));
    assert.equal(await page.isVisible('.plot-fallback'), false);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('the PNG and SVG exports carry the whole citation, date included, wrapped inside the picture rather than cut', async () => {
  const { page, context } = await openPage(browser, `${server.url}?lang=en`, { width: 390, height: 844 });
  // Every text the PNG's canvas receives, with where it starts and ends on that canvas.
  await page.addInitScript(() => {
    window.__texts = [];
    const f = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (t, x, y, ...a) {
      if (!this.canvas.isConnected) {
        const p = this.getTransform().transformPoint({ x, y });
        const w = this.measureText(t).width * this.getTransform().a;
        const left = this.textAlign === 'center' ? p.x - w / 2 : this.textAlign === 'right' || this.textAlign === 'end' ? p.x - w : p.x;
        window.__texts.push({ t, left, right: left + w, width: this.canvas.width });
      }
      return f.call(this, t, x, y, ...a);
    };
  });
  await page.reload();
  await ready(page);
  await page.click('#chart-quality details.downloads summary');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#chart-quality button.dl-png')]);
  await png.path();
  const texts = await page.evaluate(() => window.__texts);
  const drawn = texts.map((x) => x.t).join(' ');
  assert.ok(drawn.includes(DATE), `PNG citation: ${drawn.slice(-200)}`);
  assert.ok(drawn.includes(data.article.author));
  // Wrapped, not cut: every line lies inside the picture, and none is shortened with an ellipsis.
  const outside = texts.filter((x) => x.left < -0.5 || x.right > x.width + 0.5);
  assert.deepEqual(outside, [], 'every text inside the picture');
  const citation = texts.filter((x) => /Thanh Xuân|Gia Lai|tinhuygialai|28\/05\/2018/.test(x.t));
  assert.ok(citation.length >= 2, `the citation takes more than one line at this width: ${JSON.stringify(citation.map((x) => x.t))}`);
  assert.ok(citation.every((x) => !x.t.endsWith('…')), 'no citation line is cut short');
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('#chart-quality button.dl-svg')]);
  const text = readFileSync(await svg.path(), 'utf8');
  assert.ok(text.includes(DATE), 'SVG citation has the date');
  await context.close();
});

async function axe(page, label) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  assert.deepEqual(summary, [], `${label}: ${summary.join('\n')}`);
}

for (const [width, height] of [[360, 640], [390, 844]]) {
  test(`axe: the phone layout (${width} px, options open) and print media have no violations`, async () => {
    const { page, context } = await openPage(browser, server.url, { width, height });
    await ready(page);
    await axe(page, 'phone');
    await page.click('.options-toggle');
    await axe(page, 'options open');
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => document.querySelector('.print-meta')?.textContent.length > 0);
    await axe(page, 'print');
    await context.close();
  });
}

test("each chart's box is the stylesheet's height, and the painter's, on both sides of the legend's 420 px breakpoint", async () => {
  // The stylesheet gives the box its height (a row per bar or legend entry, one legend entry a
  // row under 420 px of plot, two above); the painter computes the same height to draw at. Were
  // they to disagree, the picture would be stretched. Measured at plot widths around 420 px.
  const { page, context, problems } = await openPage(browser, `${server.url}?lang=en`, { width: 400, height: 900 });
  await ready(page);
  const sides = new Set();
  for (let width = 400; width <= 520; width += 8) {
    await page.setViewportSize({ width, height: 900 });
    for (const id of (await cardIds(page)).map((c) => c.replace(/^chart-/, ''))) {
      await page.$eval(`#chart-${id}`, (f) => f.scrollIntoView());
      await page.waitForFunction((s) => {
        const c = document.querySelector(`${s} canvas`);
        const box = document.querySelector(`${s} .plot-size`).getBoundingClientRect();
        return c.width > 0 && Math.abs(c.width / devicePixelRatio - box.width) < 1;
      }, `#chart-${id}`);
      const m = await page.$eval(`#chart-${id}`, (f) => {
        const c = f.querySelector('canvas');
        const box = f.querySelector('.plot-size').getBoundingClientRect();
        return { plot: box.width, box: box.height, painted: c.height / devicePixelRatio, legend: f.querySelector('.plot-size').classList.contains('legend') };
      });
      if (m.legend) sides.add(m.plot < 420 ? 'under' : 'over');
      assert.ok(Math.abs(m.box - m.painted) < 1, `${id} at ${width} px (plot ${m.plot}): the stylesheet's ${m.box} px, painted at ${m.painted}`);
    }
  }
  assert.deepEqual([...sides].sort(), ['over', 'under'], 'legend charts measured on both sides of 420 px');
  assert.deepEqual(problems, []);
  await context.close();
});

// The charts measure text without font metrics (charts/draw/text.rs); the browser's own metrics
// judge them: every text drawn on a canvas, measured in the canvas's font as drawn, stays
// inside the canvas, on the narrowest phone, in both languages, each chart scrolled into view.
for (const lang of ['vi', 'en']) {
  test(`320 px, ${lang}: no text drawn on any chart runs past its canvas's edges`, async () => {
    const { page, context, problems } = await openPage(browser, null, { width: 320, height: 640, deviceScaleFactor: 2 });
    await page.addInitScript(() => {
      window.__out = [];
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
        const w = this.measureText(text).width;
        const left = this.textAlign === 'center' ? x - w / 2 : (this.textAlign === 'right' || this.textAlign === 'end') ? x - w : x;
        const card = this.canvas.closest('figure')?.dataset.chart;
        if (left < -1 || left + w > this.canvas.width + 1) window.__out.push(`${card}: "${text}" from ${Math.round(left)} to ${Math.round(left + w)} of ${this.canvas.width}`);
        return fill.call(this, text, x, y, ...rest);
      };
    });
    await page.goto(`${server.url}?lang=${lang}`);
    await ready(page);
    for (const card of await page.$$('figure.card')) {
      await card.scrollIntoViewIfNeeded();
      await page.waitForFunction((c) => c.querySelector('.plot.painted'), card);
    }
    assert.deepEqual(await page.evaluate(() => [...new Set(window.__out)]), []);
    assert.deepEqual(problems, []);
    await context.close();
  });
}
