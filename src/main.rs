//! Mounts the app; everything else lives in the library so tests can import it.

/// Talc instead of std's dlmalloc: fewer bytes of wasm for the same work (docs/performance.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(target_arch = "wasm32")]
fn main() {
    tccs_dashboard::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a WebAssembly app: build it with `trunk build --release` (see README.md).");
}
