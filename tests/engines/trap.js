// Test fixture, served only by the engine tests beside a copy of a page: makes the app's wasm trap
// in the page's own context when the test sets <html data-trap="now">, as a panic in any of the
// app's event handlers ends (with panic=immediate-abort, `unreachable`): the allocator asked for
// more than memory can hold aborts. From the page, not the test's script: some drivers run
// those in a sandbox whose errors the page never sees.
new MutationObserver(async () => {
  if (document.documentElement.dataset.trap !== 'now') return;
  const wasm = await window.wasmBindings.default();
  const malloc = wasm.__wbindgen_export; // wasm-bindgen's name for the allocator
  document.documentElement.dataset.trap = typeof malloc === 'function' ? 'set' : 'no allocator export: wasm-bindgen renamed it';
  setTimeout(() => malloc(0xfffffff0, 8), 0);
}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-trap'] });
