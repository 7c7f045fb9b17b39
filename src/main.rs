//! Mounts the app; everything else lives in the library so tests can import it.

#[cfg(target_arch = "wasm32")]
fn main() {
    tccs_dashboard::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a WebAssembly app: build it with `trunk build --release` (see README.md).");
}
