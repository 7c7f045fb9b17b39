// The editor page's own start-up script (readers never load it).
// 1. If the editor fails to load (network, old browser, a policy), say so where it would be.
// 2. The publish step: the build's renderer as a wasm of its own (publisher.js, feature `ssr`),
//    imported only when staff publish. The editor calls window.tccsPublish(page, datasetJson).
(function () {
  function failed(detail) {
    if (document.documentElement.classList.contains('editor-ready')) return;
    var boot = document.getElementById('boot');
    if (!boot) return;
    boot.setAttribute('role', 'alert');
    boot.className = 'boot-error';
    boot.textContent = 'Không tải được trình biên tập; hãy tải lại trang. Bản nháp đã lưu vẫn còn trong trình duyệt. ' +
      'The editor could not be loaded; reload the page. A kept draft is still in this browser.';
    if (detail) boot.title = String(detail);
  }
  window.addEventListener('unhandledrejection', function (e) { failed(e.reason); });
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) failed(t.src || t.href);
    else if (e.message && /wasm|WebAssembly|unreachable/i.test(e.message)) failed(e.message);
  }, true);
  var publisher;
  window.tccsPublish = async function (page, json) {
    if (!publisher) {
      publisher = import(new URL('publisher.js', document.baseURI).href).then(function (m) {
        return m.default().then(function () { return m; });
      });
    }
    var m = await publisher;
    return m.publish(page, json);
  };
})();
