// Runs before the WebAssembly loads (deferred: it must not hold up the first paint). If the app
// fails to load (network, old browser, a policy), say so in both languages above the page, which
// the build rendered in full and which stays readable.
(function () {
  function failed(detail) {
    var root = document.documentElement;
    if (root.classList.contains('app-ready') || document.querySelector('.boot-error')) return;
    var status = document.createElement('p');
    status.className = 'boot-error';
    status.setAttribute('role', 'alert');
    status.textContent = 'Không tải được biểu đồ tương tác; số liệu và bảng bên dưới vẫn đầy đủ. ' +
      'The interactive charts could not be loaded; the figures and tables below are complete.';
    if (detail) status.title = String(detail);
    var app = document.getElementById('app');
    if (app) app.parentNode.insertBefore(status, app); else document.body.prepend(status);
  }
  window.addEventListener('unhandledrejection', function (e) { failed(e.reason); });
  window.addEventListener('error', function (e) {
    // Only failures to load the app (script or wasm), not errors of other scripts on the page.
    var t = e.target;
    if (t && t !== window && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) failed(t.src || t.href);
    else if (e.message && /wasm|WebAssembly|unreachable/i.test(e.message)) failed(e.message);
  }, true);
})();
