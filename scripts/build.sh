#!/usr/bin/env bash
# The whole site, in named steps: one function a step, run in order, each printing its name and
# failing the build when an input it needs is missing.
#
#   scripts/build.sh [out]     out defaults to dist/, which only ever holds the deployable release
#                              (scripts/serve.sh builds into target/serve instead)
#
# Why a script of functions and not an xtask crate: every step is a call to a tool that is already
# a command (trunk, the prerender binary, two node scripts); a Rust xtask would add a crate, its
# compile time and its lockfile to say the same six lines.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
out="${1:-dist}"
work=target/site # each step's own output: editor/, reader/

step() { printf '\n[build] %s\n' "$*" >&2; }
need() { # need <file> <the step that makes it>
  [ -e "$1" ] || { printf '[build] missing %s: %s must run first\n' "$1" "$2" >&2; exit 1; }
}

# The wasm builds compile Rust's standard library with the app, for size (cargo's build-std with
# std's `optimize_for_size`): the reader's wasm is 8.5 KB gzip smaller than with the prebuilt std
# (206.4 → 197.8 KB, measured 2026-12-01; docs/performance.md). Cargo offers this only as an
# unstable option, so RUSTC_BOOTSTRAP is set for these cargo runs alone: the native build, the
# tests and clippy use the stable toolchain as it is. The rust-src it needs is a component in
# rust-toolchain.toml. TCCS_PREBUILT_STD=1 builds with the prebuilt std instead.
# With std built here, three more unstable flags of the same kind (the wasm targets only: cargo
# applies RUSTFLAGS to the --target artifacts, never to build scripts or the native build):
# - `-Cpanic=immediate-abort`: a panic traps at once instead of formatting a message nobody reads
#   (wasm32-unknown-unknown has no stderr and the app installs no panic hook): the same trap, the
#   same "unreachable" that boot.js turns into the load-failure message;
# - `-Zlocation-detail=none`: no file/line strings for those messages;
# - `-Zfmt-debug=none`: `{:?}` prints nothing; no text a person reads is made with Debug (the chart
#   drawing's errors use Display).
# Measured on the reader (2026-12-02): 206,536 → 197,722 B gzip with the first two, 194,012 with
# all three (docs/performance.md).
# TCCS_WASM_RUSTFLAGS replaces them (set it empty to measure without).
WASM_RUSTFLAGS="${TCCS_WASM_RUSTFLAGS-"-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"}"
wasm_build() {
  if [ "${TCCS_PREBUILT_STD:-}" = 1 ]; then
    trunk build --release "$@"
  else
    RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size RUSTFLAGS="$WASM_RUSTFLAGS" \
      trunk build --release "$@"
  fi
}

build_editor() {
  step "1/6 editor: edit.html, the editor wasm and the publisher wasm (trunk) → $work/editor"
  rm -rf "$work/editor"
  wasm_build --dist "$work/editor" edit.html
  # Trunk names every page it writes index.html; this one is the editor's.
  need "$work/editor/index.html" "trunk (edit.html)"
  mv "$work/editor/index.html" "$work/editor/edit.html"
}

build_reader() {
  step "2/6 reader: index.html and the reader wasm (trunk) → $work/reader"
  rm -rf "$work/reader"
  wasm_build --dist "$work/reader" index.html
}

render_page() {
  step "3/6 render: the dataset block, the app's first DOM and the link-preview tags into index.html; preview.png and the CSVs beside it (prerender, native ssr; TCCS_PAGE_URL=https://… gives absolute URLs)"
  need "$work/reader/index.html" "step 2 (reader)"
  need data/dataset.json "the dataset"
  cargo run --quiet --features ssr --bin prerender -- "$work/reader/index.html" data/dataset.json
}

assemble() {
  step "4/6 assemble: reader, editor and dataset.json → $out"
  need "$work/reader/index.html" "step 2 (reader)"
  need "$work/editor/edit.html" "step 1 (editor)"
  rm -rf "$out"
  mkdir -p "$out"
  cp -r "$work/reader/." "$out/"
  # The editor's shared files (favicon, main CSS) carry the same content hash: keep the reader's.
  cp -rn "$work/editor/." "$out/"
  # The dataset file beside the page: what the editor opens and readers' "download" points to.
  cp data/dataset.json "$out/dataset.json"
}

write_headers() {
  step "5/6 headers: the wasm's integrity in each page's loader; _headers, nginx.conf, csp.txt (CSP with the loaders' hashes)"
  node scripts/headers.mjs "$out"
}

compress() {
  step "6/6 compress: .br and .gz beside every text and wasm file"
  node scripts/compress.mjs "$out"
}

build_editor
build_reader
render_page
assemble
write_headers
compress
step "done: $out/"
