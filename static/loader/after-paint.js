// The app, two frames after the first paint, with the download started early or now (Trunk.toml says why).
const start = async () => {
  const wasm = window.tccsWasmDownload ?? fetch(app.wasm, { integrity: app.integrity });
  const glue = await import(app.js);
  const instance = await glue.default({ module_or_path: wasm });
  window.wasmBindings = glue;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: instance } }));
};
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(start, 0)));
