#!/usr/bin/env bash
# Proves that setup's fetch is enough for a fresh machine, on a machine that is not fresh: a warm
# cargo home hides a missing download, so this fills an empty one with scripts/fetch-crates.sh
# alone, then has cargo plan, offline, every build that runs offline (the three wasm, as Trunk
# builds them, with std built as scripts/build.sh builds it) and the native build-time renderer.
# Planning (`--unit-graph`) reads every package a build compiles, so a crate the fetch missed
# fails here in seconds ("attempting to make an HTTP request, but --offline was specified"),
# without compiling anything. It downloads the crates again (about 200 MB; 5 s here).
set -euo pipefail
cd "$(dirname "$0")/.."
home="$(mktemp -d)"
trap 'rm -rf "$home"' EXIT
export CARGO_HOME="$home"
bash scripts/fetch-crates.sh
plan() { # plan <what> <cargo build arguments…>
  local what="$1"; shift
  if ! out=$(RUSTC_BOOTSTRAP=1 cargo build --offline --locked --release --unit-graph -Zunstable-options "$@" 2>&1 >/dev/null); then
    printf '[fresh fetch] %s: the fetch leaves out a crate it needs:\n%s\n' "$what" "$out" >&2
    return 1
  fi
  printf '[fresh fetch] %s: every crate is there\n' "$what" >&2
}
wasm=(--target wasm32-unknown-unknown -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size)
plan "reader wasm" "${wasm[@]}" --features hydrate --bin tccs-dashboard
plan "editor wasm" "${wasm[@]}" --features editor --bin editor
plan "publisher wasm" "${wasm[@]}" --features ssr,pack --bin publisher
plan "reader wasm, prebuilt std (another Rust)" --target wasm32-unknown-unknown --features hydrate --bin tccs-dashboard
plan "build-time renderer (native)" --features ssr --bin prerender
