//! The staff editor (`edit.html`): a wasm of its own, so readers never download it.

#[cfg(target_arch = "wasm32")]
fn main() {
    tccs_dashboard::editor::view::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The editor is a WebAssembly page: build it with scripts/build.sh (see README.md).");
}
