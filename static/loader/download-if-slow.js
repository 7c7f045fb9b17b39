// On a slow network, the wasm's download at once, during the parse (Trunk.toml says why).
const page = performance.getEntriesByType('navigation')[0];
if (page !== undefined && (page.responseEnd || performance.now()) - page.requestStart > 100) {
  window.tccsWasmDownload = fetch(app.wasm, { integrity: app.integrity, priority: 'low' });
  document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href: app.js }));
}
