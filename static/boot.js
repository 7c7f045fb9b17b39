// Says a failed load, and a fault after start-up; records early input for the app to replay
// (README: "a reader's first touch is never lost"). Readers get it minified (scripts/minify.mjs). Before the app is ready
// it never changes the DOM's structure (hydration needs it): its messages go before #app,
// outside what hydrates.
(function () {
  var root = document.documentElement, log = [], on = true, busy = [];
  function say(cls, vi, en, detail) {
    var p = document.createElement('p'), app = document.getElementById('app');
    p.className = cls;
    p.setAttribute('role', 'alert');
    p.textContent = vi + ' ' + en;
    if (detail) p.title = String(detail);
    if (app) app.parentNode.insertBefore(p, app); else document.body.prepend(p);
    return p;
  }
  // `app`: what failed is the app itself (its script or its start), not a stylesheet or an icon:
  // then the tables are shown and the dead controls hidden, as without JavaScript.
  function failed(detail, app) {
    settle();
    if (root.classList.contains('app-ready') || document.querySelector('.boot-error')) return;
    say('boot-error', 'Không tải được biểu đồ tương tác; số liệu và bảng bên dưới vẫn đầy đủ.',
      'The interactive charts could not be loaded; the figures and tables below are complete.', detail);
    if (app) reveal();
  }
  // After start-up: a trap (with panic=immediate-abort every panic is one) or any uncaught error
  // leaves the app in a state nobody can vouch for. Say so once, show every table as the page
  // without JavaScript does (noscript.css also hides the controls that no longer work), and keep
  // an embedding page's iframe the height of what it now shows.
  function stopped(detail) {
    if (document.querySelector('.app-fault')) return;
    root.classList.add('app-stopped');
    var p = say('boot-error app-fault', 'Phần tương tác của trang đã dừng vì một lỗi; số liệu, bảng và biểu đồ đã vẽ vẫn đọc được.',
      'The interactive part of this page stopped because of an error; the figures, tables and charts drawn stay readable.', detail);
    var again = document.createElement('button');
    again.type = 'button';
    again.textContent = root.lang === 'en' ? 'Reload the page' : 'Tải lại trang';
    again.onclick = function () { location.reload(); };
    p.append(' ', again);
    reveal();
  }
  function reveal() {
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = 'noscript.css';
    document.head.append(css);
    // Each table now scrolls on its own: reachable by keyboard.
    document.querySelectorAll('.table-wrap').forEach(function (w) { w.tabIndex = 0; });
    if (window.parent === window || !window.ResizeObserver) return;
    new ResizeObserver(function () {
      var h = Math.ceil(root.getBoundingClientRect().height);
      parent.postMessage({ 'datawrapper-height': { 'tccs-dashboard': h } }, '*');
      parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
    }).observe(root);
  }
  function fault(detail) {
    if (root.classList.contains('app-ready')) stopped(detail); else failed(detail, true);
  }
  addEventListener('unhandledrejection', function (e) { fault(e.reason); });
  addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) failed(t.src || t.href, t.tagName === 'SCRIPT');
    // An error without its Error object is the browser's own notice ("ResizeObserver loop
    // completed…") or a script of another origin: not the app's.
    else if (t === window && e.error) fault(e.error);
  }, true);
  function record(e) {
    var t = e.target, last = log[log.length - 1];
    if (!on || !t.closest || !t.closest('#app')) return;
    if (e.type === 'click' && !(t = t.closest('button'))) return;
    e.stopPropagation(); // held back until the app is whole (it hydrates in steps), then replayed
    if (e.type === 'click') {
      log.push({ el: t, type: 'click' });
      t.setAttribute('aria-busy', 'true');
      t.setAttribute('data-loading', root.lang === 'en' ? 'loading…' : 'đang tải…');
      busy.push(t);
    } else if (last && last.el === t && last.type === e.type) {
      last.value = t.value; // a dragged handle: its last value, in its place
    } else {
      log.push({ el: t, type: e.type, value: t.value });
    }
  }
  // The reader's on-demand wasm (src/bin/details.rs): the Sources page and a broken dataset's
  // messages. Loaded on the first call, beside this page.
  var details;
  window.tccsDetails = function (name, arg) {
    details = details || import(new URL('details.js', document.baseURI).href).then(function (m) {
      return m.default().then(function () { return m; });
    });
    details.catch(function () { details = null; }); // a failed load is tried again next time
    return details.then(function (m) { return m[name](arg); });
  };
  ['click', 'input', 'change'].forEach(function (type) { document.addEventListener(type, record, true); });
  function settle() {
    on = false;
    busy.forEach(function (b) { b.removeAttribute('aria-busy'); b.removeAttribute('data-loading'); });
  }
  window.tccsEarly = {
    pending: function () { return log.length > 0; },
    replay: function () {
      settle();
      log.forEach(function (ev) {
        if (!ev.el.isConnected) return;
        if (ev.type === 'click') return ev.el.click();
        ev.el.value = ev.value;
        ev.el.dispatchEvent(new Event(ev.type, { bubbles: true }));
      });
      log = [];
    },
  };
})();
