//! Mounts the app; everything else lives in the library so tests can import it.

#[cfg(target_arch = "wasm32")]
fn main() {
    tccs_dashboard::start::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a WebAssembly app: build the site with `scripts/build.sh` (see README.md).");
}
