// Test fixture, served only by the tests beside a copy of a page: makes the page fail after
// start-up, in its own context, when the test sets <html data-trap="…">:
// - "now": the app's wasm traps, as a panic in any of the app's event handlers ends (with
//   panic=immediate-abort, `unreachable`): the allocator asked for more than memory can hold;
// - "error": an error nobody catches, thrown from a task of the page's;
// - "rejection": a promise rejected that nobody awaits.
// From the page, not the test's script: some drivers run those in a sandbox whose errors the
// page never sees.
new MutationObserver(async () => {
  const kind = document.documentElement.dataset.trap;
  if (kind === 'error') {
    document.documentElement.dataset.trap = 'set';
    setTimeout(() => { throw new Error('an error nobody caught'); }, 0);
  } else if (kind === 'rejection') {
    document.documentElement.dataset.trap = 'set';
    setTimeout(() => { Promise.reject(new Error('a promise nobody awaited')); }, 0);
  } else if (kind === 'now') {
    const wasm = await window.wasmBindings.default();
    const malloc = wasm.__wbindgen_export; // wasm-bindgen's name for the allocator
    document.documentElement.dataset.trap = typeof malloc === 'function' ? 'set' : 'no allocator export: wasm-bindgen renamed it';
    setTimeout(() => malloc(0xfffffff0, 8), 0);
  }
}).observe(document.documentElement, { attributes: true, attributeFilter: ['data-trap'] });
