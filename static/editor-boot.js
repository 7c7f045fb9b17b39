// The editor page's own start-up script (readers never load it).
// 1. If the editor fails to load (network, old browser, a policy), say so where it would be.
// 2. If it stops later (a trap, an uncaught error), say so, and whether the draft is safe: the
//    editor writes it to localStorage on every change, so the last saved draft is there to reload
//    or to download from here, with no wasm.
// 3. The publish step: the build's renderer and the archive's packer as a wasm of their own
//    (publisher.js, features `ssr` and `pack`), imported only when staff publish. The editor
//    calls window.tccsPublish(page, datasetJson) and window.tccsPack(names, contents, date).
(function () {
  var DRAFT = 'tccs-editor-draft', SAVED_AT = 'tccs-editor-saved-at'; // src/editor/view/store.rs
  function failed(detail) {
    if (document.documentElement.classList.contains('editor-ready')) return stopped(detail);
    var boot = document.getElementById('boot');
    if (!boot) return;
    boot.setAttribute('role', 'alert');
    boot.className = 'boot-error';
    boot.textContent = 'Không tải được trình biên tập; hãy tải lại trang. Bản nháp đã lưu vẫn còn trong trình duyệt. ' +
      'The editor could not be loaded; reload the page. A kept draft is still in this browser.';
    if (detail) boot.title = String(detail);
  }
  function kept() {
    try { return { text: localStorage.getItem(DRAFT), at: localStorage.getItem(SAVED_AT) }; } catch (e) { return {}; }
  }
  function stopped(detail) {
    if (document.querySelector('.app-fault')) return;
    var d = kept(), at = d.at && new Date(d.at), p = document.createElement('p');
    var time = at && !isNaN(at) ? at.toLocaleString('vi-VN') : '';
    p.className = 'boot-error app-fault';
    p.setAttribute('role', 'alert');
    p.textContent = 'Trình biên tập đã dừng vì một lỗi. The editor stopped because of an error. ' + (d.text
      ? 'Bản nháp lưu lúc ' + time + ' vẫn an toàn trong trình duyệt này: tải lại trang để tiếp tục từ bản đó, hoặc tải bản nháp về máy. ' +
        'The draft saved at ' + time + ' is safe in this browser: reload the page to go on from it, or download it. '
      : 'Trình duyệt này không giữ bản nháp nào: thay đổi chưa xuất bản từ khi mở trang đã mất. ' +
        'This browser keeps no draft: changes not published since the page was opened are lost. ');
    if (detail) p.title = String(detail);
    var again = document.createElement('button');
    again.type = 'button';
    again.textContent = 'Tải lại trang / Reload';
    again.onclick = function () { location.reload(); };
    p.append(again);
    if (d.text) {
      var save = document.createElement('button');
      save.type = 'button';
      save.className = 'save-draft';
      save.textContent = 'Tải bản nháp (dataset.json) / Download the draft';
      save.onclick = function () {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(new Blob([d.text], { type: 'application/json' }));
        a.download = 'dataset.json';
        document.body.append(a);
        a.click();
        a.remove();
      };
      p.append(' ', save);
    }
    document.body.prepend(p);
  }
  window.addEventListener('unhandledrejection', function (e) { failed(e.reason); });
  window.addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window && (t.tagName === 'SCRIPT' || t.tagName === 'LINK')) failed(t.src || t.href);
    // Without its Error object: the browser's own notice, or another origin's script.
    else if (t === window && e.error) failed(e.error);
  }, true);
  var publisher;
  function loadPublisher() {
    if (!publisher) {
      publisher = import(new URL('publisher.js', document.baseURI).href).then(function (m) {
        return m.default().then(function () { return m; });
      });
      publisher.catch(function () { publisher = null; }); // a failed load is tried again next time
    }
    return publisher;
  }
  window.tccsPublish = async function (page, json) {
    return (await loadPublisher()).publish(page, json);
  };
  window.tccsPack = async function (names, contents, date) {
    return (await loadPublisher()).pack(names, contents, date);
  };
})();
