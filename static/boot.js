// Runs before the WebAssembly loads. If it fails to load (network, old browser, blocked by a
// policy), say so in both languages; the pre-rendered table below stays readable.
(function () {
  function failed(detail) {
    if (document.documentElement.classList.contains('app-ready')) return;
    var status = document.querySelector('#boot .boot-status');
    if (!status) return;
    status.className = 'boot-status boot-error';
    status.setAttribute('role', 'alert');
    status.textContent = 'Không tải được biểu đồ tương tác; bảng số liệu bên dưới vẫn đầy đủ. ' +
      'The interactive charts could not be loaded; the data table below is complete.';
    if (detail) status.title = String(detail);
  }
  window.addEventListener('unhandledrejection', function (e) { failed(e.reason); });
  window.addEventListener('error', function (e) {
    // Only failures to load the app (script or wasm), not errors of other scripts on the page.
    var t = e.target;
    if (t && t !== window && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) failed(t.src || t.href);
    else if (e.message && /wasm|WebAssembly|unreachable/i.test(e.message)) failed(e.message);
  }, true);
})();
