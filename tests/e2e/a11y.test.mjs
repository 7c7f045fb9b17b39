// Usable by everyone: axe-core finds nothing in vi/en, light/dark, phone/desktop, with a table and
// the embed dialog open; the keyboard alone can change the years, read a tooltip, open a table and
// download a CSV; reduced motion removes the play animation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, openPage, ready, CHARTS } from './helpers.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function axe(page, label) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  assert.deepEqual(summary, [], `${label}: ${summary.join('\n')}`);
}

for (const lang of ['vi', 'en']) {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [360, 1280]) {
      test(`axe: no violations (${lang}, ${colorScheme}, ${width} px, table and dialog open)`, async () => {
        const { page, context } = await openPage(browser, `${server.url}?lang=${lang}`, { width, colorScheme });
        await ready(page);
        await page.click('#chart-quality .toggle-table');
        await axe(page, 'table open');
        await page.click('#chart-rate .embed-open');
        await page.waitForSelector('#chart-rate dialog[open]');
        await axe(page, 'dialog open');
        await context.close();
      });
    }
  }
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe: the pre-rendered page (chart, table, failure message) has no violations (${colorScheme})`, async () => {
    const { page, context } = await openPage(browser, null, { width: 360, colorScheme });
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 500, body: 'broken' }));
    await page.goto(server.url);
    await page.waitForSelector('.boot-error');
    await page.waitForSelector('.plot-fallback svg');
    await axe(page, 'fallback');
    await context.close();
  });
}

test('axe: the Sources view has no violations', async () => {
  const { page, context } = await openPage(browser, `${server.url}?tab=sources`);
  await page.waitForSelector('table.audit');
  await axe(page, 'sources');
  await context.close();
});

async function tabTo(page, selector, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s), selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

test('keyboard only: years, tooltip, table, CSV download — with a visible focus ring', async () => {
  const { page, context } = await openPage(browser, server.url);
  await ready(page);
  await tabTo(page, '#year-from');
  // The handle's ring is drawn on its thumb (a pseudo-element no computed style reports): seen
  // in pixels, the slider focused against the same slider blurred.
  const clip = await page.$eval('.range2', (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y - 6, width: r.width, height: r.height + 12 }; });
  const focused = await page.screenshot({ clip });
  await page.evaluate(() => document.activeElement.blur());
  const blurred = await page.screenshot({ clip });
  assert.ok(!focused.equals(blurred), 'a visible focus ring on the year handle');
  await page.focus('#year-from');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.search.includes('time=2010..2017'));
  await tabTo(page, '#chart-quality .plot');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(ring, 'none', 'focus ring on the chart');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /2010/.test(document.querySelector('#chart-quality .tooltip')?.textContent));
  await tabTo(page, '#chart-quality .toggle-table');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#chart-quality .toggle-table').getAttribute('aria-expanded') === 'true');
  await tabTo(page, '#chart-quality details.downloads summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '#chart-quality button.dl-csv');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(dl.suggestedFilename(), 'to-chuc-co-so-dang_quality_2010-2017.csv');
  await context.close();
});

test('every canvas has a text alternative: a labelled image described by its table', async () => {
  const { page, context } = await openPage(browser, server.url);
  await ready(page);
  const plots = await page.$$eval('.plot', (ps) => ps.map((p) => ({
    role: p.getAttribute('role'),
    label: document.getElementById(p.getAttribute('aria-labelledby'))?.textContent,
    table: document.getElementById(p.getAttribute('aria-describedby'))?.tagName,
    canvasHidden: p.querySelector('canvas').getAttribute('aria-hidden'),
  })));
  assert.equal(plots.length, CHARTS.length);
  for (const p of plots) {
    assert.equal(p.role, 'img');
    assert.ok(p.label && p.label.length > 5);
    assert.equal(p.table, 'TABLE');
    assert.equal(p.canvasHidden, 'true');
  }
  await context.close();
});

test('prefers-reduced-motion removes the play animation', async () => {
  const { page, context } = await openPage(browser, null);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(server.url);
  await ready(page);
  assert.equal(await page.isVisible('button.play'), false);
  // Without the preference it is there (the same pre-rendered page, a media query decides).
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  assert.equal(await page.isVisible('button.play'), true);
  await context.close();
});
