// Phone-first and print: the first screen shows the title, the year control and the whole first
// chart (phones, a narrow iframe, desktop); printing draws every chart with its table and ends
// with the view's URL, the date and the citation; exported pictures keep the whole citation.
// Screenshots (and the PDF, with its first and last pages as PNG) go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, openPage, ready, CHARTS } from './helpers.mjs';

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

/** Every canvas's ink (pixels unlike the corner), read without scrolling. */
const inks = (page) => page.$$eval('figure.card canvas', (cs) => cs.map((c) => {
  if (!c.width || !c.height) return 0;
  const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) ink++;
  return ink;
}));

for (const width of [390, 1280]) {
  test(`printing from the top at ${width} px draws every chart, shows every table, ends with URL, date and citation`, async () => {
    const { page, context, problems } = await openPage(browser, `${server.url}?time=2010..2015`, { width, height: 800 });
    await ready(page);
    const before = await inks(page);
    assert.ok(before.filter((n) => n === 0).length >= 3, `charts below the first screen are not painted yet: ${before}`);
    await page.emulateMedia({ media: 'print' });
    await page.waitForFunction(() => document.querySelector('.print-meta')?.textContent.length > 0);
    const after = await inks(page);
    assert.equal(after.length, CHARTS.length);
    for (const [i, n] of after.entries()) assert.ok(n > 500, `chart ${i} drawn for print (${n})`);
    const tables = await page.$$eval('.table-wrap', (ts) => ts.map((t) => t.getBoundingClientRect().height));
    for (const h of tables) assert.ok(h > 60, `table shown (${h}px)`);
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
    const pdf = join(SHOTS, `print-${width}.pdf`);
    await page.pdf({ path: pdf, format: 'A4' });
    assert.ok(readFileSync(pdf).length > 50_000);
    assert.deepEqual(problems, []);
    await context.close();
    // The PDF, rendered by Chromium's viewer: its first and last pages as pictures to look at.
    const viewer = await (await browser.newContext({ viewport: { width: 1000, height: 1400 } })).newPage();
    for (const n of [1, 8]) {
      await viewer.goto(`file://${pdf}#page=${n}&zoom=110&toolbar=0&navpanes=0`);
      await viewer.waitForTimeout(1200);
      await viewer.screenshot({ path: join(SHOTS, `print-${width}-page-${n}.png`) });
    }
    await viewer.context().close();
  });
}

test('the PNG and SVG exports carry the whole citation, date included', async () => {
  const { page, context } = await openPage(browser, `${server.url}?lang=en`, { width: 390, height: 844 });
  // Every text the PNG's canvas receives.
  await page.addInitScript(() => {
    window.__texts = [];
    const f = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (t, ...a) { if (!this.canvas.isConnected) window.__texts.push(t); return f.call(this, t, ...a); };
  });
  await page.reload();
  await ready(page);
  await page.click('#chart-quality details.downloads summary');
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('#chart-quality button.dl-png')]);
  await png.path();
  const drawn = (await page.evaluate(() => window.__texts)).join(' ');
  assert.ok(drawn.includes(DATE), `PNG citation: ${drawn.slice(-200)}`);
  assert.ok(drawn.includes(data.article.author));
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

test('printing from the bottom of the page, and in landscape, draws every chart with its table', async () => {
  // Landscape: a phone turned sideways; scrolled to the end, so the first charts are far above.
  const { page, context, problems } = await openPage(browser, server.url, { width: 844, height: 390 });
  await ready(page);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(200);
  const first = await page.$eval('#chart-quality', (f) => f.getBoundingClientRect().bottom);
  assert.ok(first < 0, `the first chart is above the screen (${first})`);
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => document.querySelector('.print-meta')?.textContent.length > 0);
  const after = await inks(page);
  assert.equal(after.length, CHARTS.length);
  for (const [i, n] of after.entries()) assert.ok(n > 500, `chart ${CHARTS[i]} drawn for print (${n})`);
  const tables = await page.$$eval('.table-wrap', (ts) => ts.map((t) => t.getBoundingClientRect().height));
  for (const h of tables) assert.ok(h > 60, `table shown (${h}px)`);
  const pdf = join(SHOTS, 'print-landscape.pdf');
  await page.pdf({ path: pdf, format: 'A4', landscape: true });
  assert.ok(readFileSync(pdf).length > 50_000);
  assert.deepEqual(problems, []);
  await context.close();
});

test("each chart's box is the stylesheet's height, and the painter's, on both sides of the legend's 420 px breakpoint", async () => {
  // The stylesheet gives the box its height (a row per bar or legend entry, one legend entry a
  // row under 420 px of plot, two above); the painter computes the same height to draw at. Were
  // they to disagree, the picture would be stretched. Measured at plot widths around 420 px.
  const { page, context, problems } = await openPage(browser, `${server.url}?lang=en`, { width: 400, height: 900 });
  await ready(page);
  const sides = new Set();
  for (let width = 400; width <= 520; width += 8) {
    await page.setViewportSize({ width, height: 900 });
    for (const id of CHARTS) {
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
