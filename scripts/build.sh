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
. scripts/setup-build.sh
out="${1:-dist}"
work=target/site # each step's own output: editor/, reader/

step() { printf '\n[build] %s\n' "$*" >&2; }
need() { # need <file> <the step that makes it>
  [ -e "$1" ] || { printf '[build] missing %s: %s must run first\n' "$1" "$2" >&2; exit 1; }
}

# The wasm builds compile Rust's standard library with the app, for size: cargo's build-std with
# std's `optimize_for_size`, and three flags that need a std built with the app (cargo applies
# RUSTFLAGS to the --target artifacts only, never to build scripts or the native build):
# - `-Cpanic=immediate-abort`: a panic traps at once instead of formatting a message nobody reads
#   (wasm32-unknown-unknown has no stderr); static/boot.js tells the reader when the app traps;
# - `-Zlocation-detail=none`: no file/line strings for those messages;
# - `-Zfmt-debug=none`: `{:?}` prints nothing; no text a person reads is made with Debug (the chart
#   drawing's errors use Display).
# What each saves is in docs/performance.md. All of them are unstable, so they stay behind the pin
# of rust-toolchain.toml: the Rust they were measured with (RUSTC_BOOTSTRAP is set for these two
# Trunk runs alone). Another Rust (a newer stable, say) builds the plain way: the prebuilt std and
# panic=abort, the same page, a larger wasm. TCCS_PREBUILT_STD=1 chooses that way on purpose;
# TCCS_WASM_RUSTFLAGS replaces the three flags (set it empty to measure without).
WASM_RUSTFLAGS="${TCCS_WASM_RUSTFLAGS-"-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"}"
if [ "${TCCS_PREBUILT_STD:-}" != 1 ] && ! rust_is_pinned; then
  printf '[build] %s is not the pinned Rust %s (rust-toolchain.toml): building the wasm without the unstable size options (std built with the app, panic=immediate-abort). The page is the same; the first load is larger (docs/architecture.md, "A fresh machine").\n' \
    "$(rustc --version 2>/dev/null || echo 'this rustc')" "$PINNED_RUST" >&2
  TCCS_PREBUILT_STD=1
fi
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
  # The JS glue, the stylesheet and the boot script, minified (the page gets their new integrity).
  node scripts/minify.mjs "$work/editor"
}

build_reader() {
  step "2/6 reader: index.html and the reader wasm (trunk) → $work/reader"
  rm -rf "$work/reader"
  wasm_build --dist "$work/reader" index.html
  node scripts/minify.mjs "$work/reader"
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
