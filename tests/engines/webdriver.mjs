// A small W3C WebDriver client for the three engines readers use: Chromium (chromedriver),
// Firefox ESR (geckodriver) and WebKitGTK (WebKitWebDriver, under Xvfb). Plain `fetch` calls to the
// standard endpoints: Playwright's own Firefox and WebKit builds download from outside the
// package registries, and a client library would bring a browser manager we cannot use.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
const HEADLESS_CHROMIUM = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Each engine: its driver, how the driver is told the port, and the session's capabilities. */
export const ENGINES = {
  chromium: {
    driver: '/usr/bin/chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: () => ({ browserName: 'chrome', 'goog:chromeOptions': { binary: '/usr/bin/chromium', args: HEADLESS_CHROMIUM } }),
  },
  firefox: {
    driver: 'geckodriver',
    args: (port) => ['--port', String(port), '--log', 'error'],
    capabilities: () => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr', args: ['-headless'],
        // No first-run pages, updates or telemetry: the machines have no internet.
        prefs: { 'app.update.disabledForTesting': true, 'browser.shell.checkDefaultBrowser': false, 'datareporting.policy.dataSubmissionEnabled': false, 'toolkit.telemetry.reportingpolicy.firstRun': false },
      },
    }),
  },
  webkit: {
    driver: '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    display: true,
    capabilities: () => ({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', args: ['--automation'] } }),
  },
};

const freePort = () => new Promise((resolve, reject) => {
  const s = createServer();
  s.on('error', reject);
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Starts Xvfb on a free display for the engines that need a screen; returns {display, stop}. */
async function startDisplay() {
  for (let n = 90 + Math.floor(Math.random() * 100); ; n++) {
    const x = spawn('Xvfb', [`:${n}`, '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    const exited = new Promise((r) => x.on('exit', r));
    if (await Promise.race([exited.then(() => false), sleep(500).then(() => true)])) {
      return { display: `:${n}`, stop: () => x.kill() };
    }
  }
}

/** Starts the engine's driver and one browser session. Resolves to a Browser. */
export async function start(engine) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine ${engine}: one of ${Object.keys(ENGINES).join(', ')}`);
  const screen = spec.display ? await startDisplay() : null;
  const port = await freePort();
  const env = screen ? { ...process.env, DISPLAY: screen.display } : process.env;
  const driver = spawn(spec.driver, spec.args(port), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let driverLog = '';
  driver.stderr.on('data', (d) => { driverLog = (driverLog + d).slice(-4000); });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try { if ((await (await fetch(`${base}/status`)).json()).value.ready) break; } catch { /* not up yet */ }
    if (i > 100) throw new Error(`${spec.driver} did not start: ${driverLog}`);
    await sleep(100);
  }
  const created = await call(base, 'POST', '/session', { capabilities: { alwaysMatch: spec.capabilities() } });
  const browser = new Browser(engine, `${base}/session/${created.sessionId}`, created.capabilities);
  browser.stopDriver = () => { driver.kill(); screen?.stop(); };
  return browser;
}

async function call(base, method, path, body) {
  const res = await fetch(base + path, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  if (!res.ok || (json.value && json.value.error)) {
    const v = json.value || {};
    const err = new Error(`WebDriver ${method} ${path}: ${v.error}: ${v.message}`);
    err.code = v.error;
    throw err;
  }
  return json.value;
}

/** A web element as the client holds it. */
class Element {
  constructor(browser, id) { this.browser = browser; this.id = id; }
  toJSON() { return { [ELEMENT]: this.id }; }
  path(p = '') { return `/element/${this.id}${p}`; }
  click() { return this.browser.cmd('POST', this.path('/click'), {}); }
  type(text) { return this.browser.cmd('POST', this.path('/value'), { text }); }
  text() { return this.browser.cmd('GET', this.path('/text')); }
  attribute(name) { return this.browser.cmd('GET', this.path(`/attribute/${name}`)); }
  property(name) { return this.browser.cmd('GET', this.path(`/property/${name}`)); }
  /** Its box in viewport coordinates, the ones pointer actions use (from the page itself:
   *  WebKitGTK's driver refuses the rect of some form controls). */
  rect() { return this.browser.run((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; }, this); }
}

/** Converts elements in a script's arguments and results between the wire and the client. */
function revive(browser, v) {
  if (Array.isArray(v)) return v.map((x) => revive(browser, x));
  if (v && typeof v === 'object') {
    if (ELEMENT in v) return new Element(browser, v[ELEMENT]);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, revive(browser, x)]));
  }
  return v;
}

export class Browser {
  constructor(engine, base, capabilities) {
    this.engine = engine;
    this.base = base;
    this.version = `${capabilities.browserName} ${capabilities.browserVersion}`;
  }

  cmd(method, path, body) { return call(this.base, method, path, body); }

  async quit() {
    try { await this.cmd('DELETE', ''); } catch { /* already gone */ }
    this.stopDriver?.();
  }

  go(url) { return this.cmd('POST', '/url', { url }); }
  url() { return this.cmd('GET', '/url'); }
  setSize(width, height) { return this.cmd('POST', '/window/rect', { width, height }); }

  /** Runs `fn` (a function or its source) in the page with `args`; returns its result. */
  async run(fn, ...args) {
    const script = typeof fn === 'function' ? `return (${fn}).apply(null, arguments);` : fn;
    return revive(this, await this.cmd('POST', '/execute/sync', { script, args }));
  }

  /** Runs an async `fn` in the page (its promise is awaited by the browser). */
  async runAsync(fn, ...args) {
    const script = `const done = arguments[arguments.length - 1];
      Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
        .then((v) => done({ ok: v }), (e) => done({ error: String(e && e.stack || e) }));`;
    const out = await this.cmd('POST', '/execute/async', { script, args });
    if (out && out.error) throw new Error(`in the page: ${out.error}`);
    return revive(this, out && out.ok);
  }

  async find(css) {
    const v = await this.cmd('POST', '/element', { using: 'css selector', value: css });
    return new Element(this, v[ELEMENT]);
  }

  /** Polls `fn(...args)` in the page until it returns a truthy value; returns that value. */
  async waitFor(fn, { timeout = 15000, message = String(fn) } = {}, ...args) {
    const end = Date.now() + timeout;
    let last;
    for (;;) {
      try { last = await this.run(fn, ...args); } catch (e) { last = e; }
      if (last && !(last instanceof Error)) return last;
      if (Date.now() > end) throw new Error(`timed out waiting for ${message}${last instanceof Error ? `: ${last.message}` : ''}`);
      await sleep(50);
    }
  }

  /** WebDriver actions: `sources` as the standard writes them. Released afterwards. */
  async actions(sources) {
    await this.cmd('POST', '/actions', { actions: sources });
    await this.cmd('DELETE', '/actions');
  }

  /** Presses keys on the focused element (`\uE014` is ArrowRight, as WebDriver numbers keys). */
  keys(...keys) {
    const actions = keys.flatMap((k) => [{ type: 'keyDown', value: k }, { type: 'keyUp', value: k }]);
    return this.actions([{ type: 'key', id: 'keyboard', actions }]);
  }

  /** A pointer (mouse or touch) pressed at (x, y) of the viewport, moved along `path`, released. */
  drag(kind, [x, y], path = []) {
    const actions = [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 },
      { type: 'pointerDown', button: 0 },
      ...path.map(([px, py]) => ({ type: 'pointerMove', x: Math.round(px), y: Math.round(py), duration: 50 })),
      { type: 'pointerUp', button: 0 }];
    return this.actions([{ type: 'pointer', id: kind, parameters: { pointerType: kind }, actions }]);
  }

  /** A pointer moved over (x, y) and left there (hover). */
  hover([x, y]) {
    return this.actions([{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [{ type: 'pointerMove', x: Math.round(x), y: Math.round(y), duration: 0 }] }]);
  }

  screenshot() { return this.cmd('GET', '/screenshot'); }

  /** WebDriver's print: the page as the browser prints it, a PDF (its bytes). */
  async print({ landscape = false } = {}) {
    const b64 = await this.cmd('POST', '/print', { orientation: landscape ? 'landscape' : 'portrait', page: { width: 21, height: 29.7 }, background: true });
    return Buffer.from(b64, 'base64');
  }
}

export const KEY = { ArrowRight: '\uE014', ArrowLeft: '\uE012', Home: '\uE011', End: '\uE010', Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', PageUp: '\uE00E', PageDown: '\uE00F' };
