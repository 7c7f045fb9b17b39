// The page's own script, beside the app. Four jobs, one function each, started at the end:
// - holdEarlyInput: what the reader does before the app starts is held back and replayed by it
//   (README: "a reader's first touch is never lost"; src/start/early_input.rs);
// - reportFaults: a failed load, and a fault after start-up, said in both languages;
// - showWhatStays: after either, every table shown as without JavaScript, and an embedding
//   page's iframe kept the height of what it now shows;
// - loadDetailsOnDemand: the reader's second wasm (src/bin/details.rs), on its first use.
// Before the app is ready it never changes the DOM's structure (hydration needs it): its
// messages go before #app, outside what hydrates. Readers get it minified (scripts/minify.mjs).
(function () {
  var root = document.documentElement;

  // Records clicks on buttons and moves of inputs inside #app, and stops them there; the app
  // calls `tccsEarly.replay()` once it is hydrated. `stop()`: the app will not come.
  function holdEarlyInput() {
    var log = [], on = true, busy = [];
    function record(e) {
      var t = e.target, last = log[log.length - 1];
      if (!on || !t.closest || !t.closest('#app')) return;
      if (e.type === 'click' && !(t = t.closest('button'))) return;
      e.stopPropagation();
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
    ['click', 'input', 'change'].forEach(function (type) { document.addEventListener(type, record, true); });
    function stop() {
      on = false;
      busy.forEach(function (b) { b.removeAttribute('aria-busy'); b.removeAttribute('data-loading'); });
    }
    window.tccsEarly = {
      replay: function () {
        stop();
        log.forEach(function (ev) {
          if (!ev.el.isConnected) return;
          if (ev.type === 'click') return ev.el.click();
          ev.el.value = ev.value;
          ev.el.dispatchEvent(new Event(ev.type, { bubbles: true }));
        });
        log = [];
      },
    };
    return stop;
  }

  function reportFaults(stopHolding) {
    function say(cls, vi, en, detail) {
      var p = document.createElement('p'), app = document.getElementById('app');
      p.className = cls;
      p.setAttribute('role', 'alert');
      p.textContent = vi + ' ' + en;
      if (detail) p.title = String(detail);
      if (app) app.parentNode.insertBefore(p, app); else document.body.prepend(p);
      return p;
    }
    // Before the app is ready. `app`: what failed is the app itself (its script or its start),
    // not a stylesheet or an icon: then the tables are shown and the dead controls hidden.
    function failed(detail, app) {
      stopHolding();
      if (root.classList.contains('app-ready') || document.querySelector('.boot-error')) return;
      say('boot-error', 'Không tải được biểu đồ tương tác; số liệu và bảng bên dưới vẫn đầy đủ.',
        'The interactive charts could not be loaded; the figures and tables below are complete.', detail);
      if (app) showWhatStays();
    }
    // After start-up: a trap (with panic=immediate-abort every panic is one) or any uncaught
    // error leaves the app in a state nobody can vouch for. Said once, with a reload button.
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
      showWhatStays();
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
  }

  // The page as without JavaScript: noscript.css shows every table and hides the controls that
  // no longer work; each table scrolls on its own, reachable by keyboard.
  function showWhatStays() {
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = 'noscript.css';
    document.head.append(css);
    document.querySelectorAll('.table-wrap').forEach(function (w) { w.tabIndex = 0; });
    if (window.parent === window || !window.ResizeObserver) return;
    new ResizeObserver(function () {
      var h = Math.ceil(root.getBoundingClientRect().height);
      parent.postMessage({ 'datawrapper-height': { 'tccs-dashboard': h } }, '*');
      parent.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
    }).observe(root);
  }

  // `tccsDetails(name, block, query)`: calls the details wasm's `name` (src/web/mod.rs,
  // `details`), loading it beside this page on the first call; a failed load is tried again
  // on the next.
  function loadDetailsOnDemand() {
    var details;
    window.tccsDetails = function (name, block, query) {
      details = details || import(new URL('details.js', document.baseURI).href).then(function (m) {
        return m.default().then(function () { return m; });
      });
      details.catch(function () { details = null; });
      return details.then(function (m) { return m[name](block, query); });
    };
  }

  reportFaults(holdEarlyInput());
  loadDetailsOnDemand();
})();
