// Says a failed load; records early input for the app to replay (README: "first touch").
// Shipped as written: kept short. It never changes the DOM's structure (hydration needs it).
(function () {
  var root = document.documentElement, log = [], on = true, busy = [];
  function failed(detail) {
    settle();
    if (root.classList.contains('app-ready') || document.querySelector('.boot-error')) return;
    var p = document.createElement('p'), app = document.getElementById('app');
    p.className = 'boot-error';
    p.setAttribute('role', 'alert');
    p.textContent = 'Không tải được biểu đồ tương tác; số liệu và bảng bên dưới vẫn đầy đủ. ' +
      'The interactive charts could not be loaded; the figures and tables below are complete.';
    if (detail) p.title = String(detail);
    if (app) app.parentNode.insertBefore(p, app); else document.body.prepend(p);
  }
  addEventListener('unhandledrejection', function (e) { failed(e.reason); });
  addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) failed(t.src || t.href);
    else if (e.message && /wasm|WebAssembly|unreachable/i.test(e.message)) failed(e.message);
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
