// Runs before the WebAssembly loads (deferred: it must not hold up the first paint).
// 1. If the app fails to load (network, old browser, a policy), say so in both languages above
//    the page, which the build rendered in full and which stays readable.
// 2. A reader's first touch is never lost: the pre-rendered controls are live HTML, so what a
//    reader does before the app starts (a handle moved, a year chosen, a preset, the language, a
//    tab, "show table", a download) is recorded here, in order, and replayed by the app once it
//    has hydrated (src/web/mod.rs calls tccsEarly.replay()). The same elements receive the same
//    events, so the app's own handlers apply them. A button pressed early says "loading…" until
//    then. Nothing here changes the page's structure: hydration expects the DOM it was given.
(function () {
  var root = document.documentElement;
  function failed(detail) {
    if (root.classList.contains('app-ready') || document.querySelector('.boot-error')) return;
    var status = document.createElement('p');
    status.className = 'boot-error';
    status.setAttribute('role', 'alert');
    status.textContent = 'Không tải được biểu đồ tương tác; số liệu và bảng bên dưới vẫn đầy đủ. ' +
      'The interactive charts could not be loaded; the figures and tables below are complete.';
    if (detail) status.title = String(detail);
    var app = document.getElementById('app');
    if (app) app.parentNode.insertBefore(status, app); else document.body.prepend(status);
    // The page stays as it is: early presses stop waiting for an app that will not come.
    settle();
  }
  window.addEventListener('unhandledrejection', function (e) { failed(e.reason); });
  window.addEventListener('error', function (e) {
    // Only failures to load the app (script or wasm), not errors of other scripts on the page.
    var t = e.target;
    if (t && t !== window && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) failed(t.src || t.href);
    else if (e.message && /wasm|WebAssembly|unreachable/i.test(e.message)) failed(e.message);
  }, true);

  // --- Early input ---
  var log = [];
  var capturing = true;
  var waiting = [];
  function inApp(el) { return el && el.closest && el.closest('#app'); }
  function record(e) {
    if (!capturing || !e.isTrusted) return;
    var t = e.target;
    if (!inApp(t)) return;
    if (e.type === 'click') {
      var b = t.closest('button');
      if (!b) return;
      log.push({ el: b, type: 'click' });
      // Never a dead click: the button says it is waiting for the app.
      b.setAttribute('aria-busy', 'true');
      b.setAttribute('data-loading', root.lang === 'en' ? 'loading…' : 'đang tải…');
      waiting.push(b);
    } else if (t.tagName === 'INPUT' || t.tagName === 'SELECT') {
      // A dragged handle sends many inputs: its last value stands for them, in its place.
      var last = log[log.length - 1];
      if (last && last.el === t && last.type === e.type) last.value = t.value;
      else log.push({ el: t, type: e.type, value: t.value });
    }
  }
  document.addEventListener('click', record, true);
  document.addEventListener('input', record, true);
  document.addEventListener('change', record, true);
  function settle() {
    capturing = false;
    waiting.forEach(function (b) { b.removeAttribute('aria-busy'); b.removeAttribute('data-loading'); });
    waiting = [];
  }
  window.tccsEarly = {
    // Called by the app after it hydrated and applied the URL: the recorded events, in order,
    // on the same elements (hydration keeps them), with the values they had.
    replay: function () {
      var events = log;
      log = [];
      settle();
      events.forEach(function (ev) {
        if (!ev.el.isConnected) return;
        if (ev.type === 'click') { ev.el.click(); return; }
        ev.el.value = ev.value;
        ev.el.dispatchEvent(new Event(ev.type, { bubbles: true }));
      });
      return events.length;
    },
  };
})();
