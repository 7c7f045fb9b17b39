// What a reader does: load, filter by mouse and keyboard, hover, open a table, switch language,
// read on a phone. Against the release dist/ in Debian's Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, ready, canvasInfo, CHARTS } from './helpers.mjs';

const data = JSON.parse(readFileSync(new URL('../../data/dataset.json', import.meta.url)));
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('loads with no console error, no failed request, and paints every chart', async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  await ready(page);
  const canvases = await page.$$eval('figure.card canvas', (cs) => cs.length);
  assert.equal(canvases, CHARTS.length);
  for (const id of CHARTS) {
    const info = await canvasInfo(page, `#chart-${id} canvas`);
    assert.ok(info.ink > 500, `${id} has ink (${info.ink} px)`);
  }
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.match(await page.textContent('.summary'), /2008–2017/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a year change by keyboard repaints the chart and updates the URL; reload restores it', async () => {
  const { page, problems, context } = await openPage(browser, server.url);
  await ready(page);
  const before = await canvasInfo(page, '#chart-quality canvas');
  await page.focus('#year-from');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('time') === '2011..2017');
  const afterInfo = await canvasInfo(page, '#chart-quality canvas');
  assert.notEqual(afterInfo.hash, before.hash, 'pixels changed');
  assert.equal(await page.textContent('.range-value'), '2011–2017');
  assert.equal(await page.$$eval('#table-quality tbody tr', (r) => r.length), 7);
  await page.focus('#year-to');
  await page.keyboard.press('Home'); // the "to" handle cannot pass "from"
  await page.waitForFunction(() => new URLSearchParams(location.search).get('time') === '2011');
  assert.equal(await page.textContent('.range-value'), '2011');
  await page.reload();
  await ready(page);
  assert.equal(await page.textContent('.range-value'), '2011');
  assert.deepEqual(problems, []);
  await context.close();
});

test('every single year step repaints the chart exactly as a fresh page with those years', async () => {
  const { page, problems, context } = await openPage(browser, server.url, { width: 412, height: 823 });
  await ready(page);
  await canvasInfo(page, '#chart-quality canvas');
  const steps = [['ArrowRight', '2009–2017'], ['ArrowRight', '2010–2017'], ['ArrowLeft', '2009–2017'], ['ArrowLeft', '2008–2017']];
  const seen = [];
  await page.focus('#year-from');
  for (const [key, label] of steps) {
    await page.keyboard.press(key);
    await page.waitForFunction((l) => document.querySelector('.range-value').textContent === l, label);
    seen.push((await canvasInfo(page, '#chart-quality canvas')).hash);
    await page.focus('#year-from');
  }
  for (let i = 1; i < seen.length; i++) assert.notEqual(seen[i], seen[i - 1], `step ${i} repainted`);
  for (const [i, time] of [[0, '2009..2017'], [1, '2010..2017']]) {
    const fresh = await openPage(browser, `${server.url}?time=${time}`, { width: 412, height: 823 });
    await ready(fresh.page);
    const { hash } = await canvasInfo(fresh.page, '#chart-quality canvas');
    assert.equal(seen[i], hash, `after the step the chart for ${time} is the one a fresh page draws`);
    await fresh.context.close();
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('switching language or colour scheme repaints the canvas as a fresh page would', async () => {
  const hashOf = async (url, colorScheme) => {
    const { page, context } = await openPage(browser, url, { width: 412, height: 823, colorScheme });
    await ready(page);
    const { hash } = await canvasInfo(page, '#chart-quality canvas');
    await context.close();
    return hash;
  };
  const viLight = await hashOf(server.url, 'light');
  const enLight = await hashOf(`${server.url}?lang=en`, 'light');
  const viDark = await hashOf(server.url, 'dark');
  assert.notEqual(viLight, enLight);
  assert.notEqual(viLight, viDark);
  const { page, problems, context } = await openPage(browser, server.url, { width: 412, height: 823 });
  await ready(page);
  await page.click('button.lang');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await canvasInfo(page, '#chart-quality canvas')).hash, enLight, 'English labels drawn');
  await page.click('button.lang');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => matchMedia('(prefers-color-scheme: dark)').matches);
  assert.equal((await canvasInfo(page, '#chart-quality canvas')).hash, viDark, 'dark palette drawn');
  assert.deepEqual(problems, []);
  await context.close();
});

test('?time=2014..2016 shows that range in the control', async () => {
  const { page, context } = await openPage(browser, `${server.url}?time=2014..2016`);
  await ready(page);
  assert.equal(await page.inputValue('#year-from'), '2014');
  assert.equal(await page.inputValue('#year-to'), '2016');
  assert.equal(await page.textContent('.range-value'), '2014–2016');
  const years = await page.$$eval('#table-quality tbody th', (t) => t.map((x) => x.textContent));
  assert.deepEqual(years, ['2014', '2015', '2016']);
  await context.close();
});

test('presets, single year and play', async () => {
  const { page, context } = await openPage(browser, server.url);
  await ready(page);
  await page.click('button.preset:has-text("2010–2015")');
  await page.waitForFunction(() => location.search.includes('time=2010..2015'));
  await page.selectOption('.single select', '2013');
  await page.waitForFunction(() => location.search.includes('time=2013'));
  assert.match(await page.textContent('.summary'), /72\/83/);
  await page.click('button.play');
  await page.waitForFunction(() => location.search.includes('time=2009'), null, { timeout: 5000 });
  await page.click('button.play'); // stop
  assert.equal(await page.getAttribute('button.play', 'aria-pressed'), 'false');
  await context.close();
});

test('play steps through every year to the last, then stops there', async () => {
  const { page, context, problems } = await openPage(browser, null);
  // The intervals the page keeps: play's steps are one; stopping must clear it, not merely
  // stop showing its steps.
  await page.addInitScript(() => {
    window.__intervals = new Set();
    const set = window.setInterval, clear = window.clearInterval;
    window.setInterval = (...a) => { const id = set(...a); window.__intervals.add(id); return id; };
    window.clearInterval = (id) => { window.__intervals.delete(id); return clear(id); };
  });
  await page.goto(server.url);
  await ready(page);
  const seen = [];
  await page.exposeFunction('sawYears', (t) => { if (seen.at(-1) !== t) seen.push(t); });
  await page.evaluate(() => new MutationObserver(() => window.sawYears(document.querySelector('.range-value').textContent))
    .observe(document.querySelector('.range-value'), { childList: true, characterData: true, subtree: true }));
  const idle = await page.evaluate(() => window.__intervals.size);
  await page.click('button.play');
  assert.equal(await page.evaluate(() => window.__intervals.size), idle + 1, 'playing keeps one interval');
  // Ten years, about a second each.
  await page.waitForFunction(() => document.querySelector('button.play').getAttribute('aria-pressed') === 'false', null, { timeout: 20000 });
  assert.deepEqual(seen, ['2008', '2009', '2010', '2011', '2012', '2013', '2014', '2015', '2016', '2017']);
  // Stopped: its interval is cleared, so no step can come after the last.
  assert.equal(await page.evaluate(() => window.__intervals.size), idle, 'the interval is cleared');
  assert.equal(await page.textContent('.range-value'), '2017');
  await page.waitForFunction(() => new URL(location.href).searchParams.get('time') === '2017');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Page Up, Page Down, Home and End on the handles: native steps, never crossing', async () => {
  const { page, context, problems } = await openPage(browser, server.url);
  await ready(page);
  const state = async () => ({
    from: Number(await page.inputValue('#year-from')),
    to: Number(await page.inputValue('#year-to')),
    shown: await page.textContent('.range-value'),
    rows: await page.$$eval('#table-quality tbody th', (ths) => ths.map((t) => Number(t.textContent))),
  });
  // What a state must be: the label, the URL's words and the table are the handles' years.
  const consistent = (s) => {
    assert.equal(s.shown, s.from === s.to ? `${s.from}` : `${s.from}–${s.to}`);
    assert.deepEqual(s.rows, Array.from({ length: s.to - s.from + 1 }, (_, i) => s.from + i));
  };
  await page.focus('#year-to');
  await page.keyboard.press('PageDown');
  await page.waitForFunction(() => document.querySelector('.range-value').textContent !== '2008–2017');
  let s = await state();
  assert.ok(s.to < 2017 && s.from === 2008, JSON.stringify(s));
  consistent(s);
  await page.keyboard.press('PageUp');
  await page.waitForFunction(() => document.querySelector('#year-to').value === '2017');
  consistent(await state());
  await page.focus('#year-from');
  await page.keyboard.press('End'); // "from" goes as far as "to", not past it
  await page.waitForFunction(() => document.querySelector('.range-value').textContent === '2017');
  s = await state();
  assert.equal(s.from, 2017);
  consistent(s);
  await page.keyboard.press('Home');
  await page.waitForFunction(() => document.querySelector('.range-value').textContent === '2008–2017');
  consistent(await state());
  assert.deepEqual(problems, []);
  await context.close();
});

test('bad URL parameters fall back with a visible notice, never a blank page', async () => {
  // Each: the notice names what was asked for and what is shown instead, and the page shows it.
  const cases = [
    ['?time=abc', /Không hiểu khoảng năm “abc”; đang hiển thị tất cả các năm/],
    ['?time=2020..2030', /khoảng năm “2020\.\.2030”/],
    ['?time=2005..2012', /Khoảng năm “2005\.\.2012” nằm ngoài số liệu; đang hiển thị 2008–2012/],
    ['?time=99999999999999..1', /“99999999999999\.\.1”/],
    ['?lang=fr&chart=pie', /Không có ngôn ngữ “fr”; đang dùng tiếng Việt.*Không có biểu đồ “pie”; đang hiển thị tất cả biểu đồ/s],
    ['?time=%E0%A4%A', /Không hiểu khoảng năm/],
  ];
  let cards;
  for (const [q, notice] of cases) {
    const { page, problems, context } = await openPage(browser, server.url + q);
    await ready(page);
    const shown = await page.evaluate(() => ({
      notices: document.querySelector('.notices').textContent,
      years: document.querySelector('.range-value').textContent,
      lang: document.documentElement.lang,
      cards: document.querySelectorAll('figure.card').length,
    }));
    assert.match(shown.notices, notice, q);
    // The years the notice says it shows are the years the page shows.
    const said = /đang hiển thị tất cả các năm/.test(shown.notices) ? '2008–2017' : shown.notices.match(/đang hiển thị (\d{4}(?:–\d{4})?)/)?.[1];
    assert.equal(shown.years, said ?? '2008–2017', `${q}: ${shown.notices}`);
    assert.equal(shown.lang, 'vi', q);
    cards ??= shown.cards;
    assert.equal(shown.cards, cards, `${q}: every chart`);
    assert.ok((await canvasInfo(page, 'figure.card canvas')).ink > 500, `drawn for ${q}`);
    assert.deepEqual(problems, [], q);
    await context.close();
  }
});

test('hovering a bar shows its tooltip with the article figure and the recomputed one', async () => {
  const { page, context } = await openPage(browser, server.url);
  await ready(page);
  const box = await page.$eval('#chart-quality canvas', (c) => { const r = c.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
  // A pointer swept across the chart, left to right at mid-height: the tooltip names each year
  // in turn, every year, in order (wherever the chart's layout puts the bars).
  const years = [];
  const tips = {};
  for (let x = 1; x < box.w; x += 6) {
    await page.mouse.move(box.x + x, box.y + box.h / 2);
    const tip = await page.evaluate(() => document.querySelector('#chart-quality .tooltip')?.textContent ?? null);
    const year = tip?.match(/20\d\d/)?.[0];
    if (year && years.at(-1) !== year) { years.push(year); tips[year] = tip; }
  }
  assert.deepEqual(years, data.yearly.map((y) => String(y.year)));
  assert.match(tips['2008'], /53 \/ 78/);
  assert.match(tips['2008'], /64,94%/);
  assert.match(tips['2008'], /67,95%/);
  await context.close();
});

test('keyboard on a chart moves between years and announces the value', async () => {
  const { page, context } = await openPage(browser, server.url);
  await ready(page);
  await page.focus('#chart-rate .plot');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForSelector('#chart-rate .tooltip');
  assert.match(await page.textContent('#chart-rate .tooltip'), /2009/);
  assert.match(await page.textContent('#chart-rate p[aria-live]'), /2009.*85%/);
  await page.keyboard.press('End');
  await page.waitForFunction(() => /2017.*53,3%/s.test(document.querySelector('#chart-rate .tooltip')?.textContent));
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('#chart-rate .tooltip'));
  await context.close();
});

test('the table toggle shows exactly the data-file numbers', async () => {
  const { page, context } = await openPage(browser, server.url);
  await ready(page);
  assert.match(await page.getAttribute('#chart-quality .table-wrap', 'class'), /sr-only/);
  await page.click('#chart-quality .toggle-table');
  assert.equal(await page.getAttribute('#chart-quality .toggle-table', 'aria-expanded'), 'true');
  const rows = await page.$$eval('#table-quality tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
  assert.equal(rows.length, data.yearly.length);
  rows.forEach((cells, i) => {
    const y = data.yearly[i];
    assert.equal(cells[0], String(y.year));
    assert.equal(cells[1], String(y.top));
    assert.equal(cells[2], String(y.total));
    assert.equal(cells[3], `${y.rate}%`);
  });
  assert.match(rows[0][5], /Mâu thuẫn/);
  await context.close();
});

test('lang=en switches every visible string', async () => {
  const { page, context } = await openPage(browser, `${server.url}?lang=en`);
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const text = await page.evaluate(() => {
    // Visible text outside elements marked lang="vi" (verbatim quotes) and the language button.
    const walker = document.createTreeWalker(document.querySelector('.app'), NodeFilter.SHOW_TEXT);
    let out = '';
    while (walker.nextNode()) {
      const el = walker.currentNode.parentElement;
      if (el.closest('[lang="vi"], button.lang, .sr-only')) continue;
      out += walker.currentNode.textContent + ' ';
    }
    return out;
  });
  // Vietnamese-only letters must not appear outside what is marked lang="vi" (the article's
  // title and author, verbatim quotes) and the Vietnamese terms kept in brackets.
  const stripped = text.replace(/\(đảng bộ cơ sở\)|\(chi bộ cơ sở\)|\(đảng bộ bộ phận\)/g, '');
  const viLetters = stripped.match(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/gi);
  assert.equal(viLetters, null, `Vietnamese letters in English UI: ${stripped.slice(0, 400)}`);
  assert.match(text, /1,173/);
  assert.match(text, /596 of 831/);
  assert.match(await page.textContent('#table-members'), /79\.45%/);
  assert.match(await page.textContent('#table-quality'), /64\.94%.*67\.95%/);
  await page.click('button.lang');
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  assert.match(await page.textContent('h1'), /Tổ chức cơ sở đảng/);
  await context.close();
});

for (const width of [320, 360, 1280]) {
  test(`${width} px wide: no horizontal scroll, crisp canvas`, async () => {
    const { page, context } = await openPage(browser, server.url, { width, height: 800, deviceScaleFactor: 2 });
    await ready(page);
    await canvasInfo(page, '#chart-quality canvas'); // scrolled into view and painted
    const { scrollW, clientW } = await page.evaluate(() => ({ scrollW: document.documentElement.scrollWidth, clientW: document.documentElement.clientWidth }));
    assert.ok(scrollW <= clientW, `scrollWidth ${scrollW} > ${clientW}`);
    const c = await page.$eval('#chart-quality canvas', (c) => ({ w: c.width, css: c.getBoundingClientRect().width }));
    assert.ok(Math.abs(c.w - c.css * 2) <= 1, `backing ${c.w} = 2 × ${c.css}`);
    await context.close();
  });
}

test('the canvas follows its element when the window is resized', async () => {
  const { page, context } = await openPage(browser, server.url, { width: 1280 });
  await ready(page);
  const wide = await page.$eval('#chart-quality canvas', (c) => c.width);
  await page.setViewportSize({ width: 400, height: 800 });
  await page.$eval('#chart-quality canvas', (c) => c.scrollIntoView());
  await page.waitForFunction((w) => document.querySelector('#chart-quality canvas').width !== w, wide);
  const narrow = await page.$eval('#chart-quality canvas', (c) => ({ w: c.width, css: c.getBoundingClientRect().width }));
  assert.ok(Math.abs(narrow.w - narrow.css) <= 1);
  await context.close();
});

test('chart=weak shows that chart alone; years without a figure say "not reported"', async () => {
  const { page, context } = await openPage(browser, `${server.url}?chart=weak&lang=en`);
  await ready(page);
  assert.equal(await page.$$eval('figure.card', (f) => f.length), 1);
  const cells = await page.$$eval('#table-weak tbody tr', (trs) => trs.map((tr) => tr.children[1].textContent));
  assert.equal(cells.filter((c) => c === 'not reported').length, 7);
  assert.deepEqual(cells.filter((c) => c !== 'not reported'), ['1', '1', '3']);
  await context.close();
});

test('the Sources view lists the 2008 disagreement and every sentence', async () => {
  const { page, context } = await openPage(browser, `${server.url}?tab=sources`);
  await page.waitForSelector('table.audit');
  const first = await page.textContent('table.audit tbody tr:first-child');
  assert.match(first, /2008/);
  assert.match(first, /64,94%/);
  assert.match(first, /53 \/ 78 = 67,9487%/);
  assert.match(first, /Mâu thuẫn/);
  const audit = await page.textContent('table.audit');
  for (const y of ['2015', '2017']) assert.match(audit, new RegExp(y));
  assert.match(await page.textContent('.audit-notes'), /78.*90/);
  const quotes = await page.$$eval('table.figures q', (q) => q.length);
  assert.equal(quotes, data.yearly.length + data.figures.length);
  await page.click('button.tab:not([aria-current])');
  await ready(page);
  await context.close();
});
