//! What no Cargo.toml key can give one binary: the reader's wasm stack size.
//!
//! Rust links every wasm with a 1 MiB stack at the bottom of its memory (`--stack-first`: an
//! overflow runs below address 0 and traps, which the page reports; it never writes over data).
//! The reader's deepest stack, measured by the memory it left written (the linear memory starts
//! zeroed) after start-up, every year step, table, download, copy, language and tab, is under
//! 10 KiB (docs/performance.md, session 8). Its 1 MiB counted in the reader's memory budget (JS
//! heap + wasm memory); 128 KiB keeps more than ten times the need. Only the reader: the editor
//! walks files of any depth that staff open, and the publisher renders in a worker of its own.
//! A flag in RUSTFLAGS would reach every binary, and differ between the build's two Trunk runs,
//! which would then rebuild std and every crate each time.

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo::rustc-link-arg-bin=tccs-dashboard=-zstack-size=131072");
    }
}
