#!/usr/bin/env bash
# What building and serving need, and nothing else, installed idempotently from package registries
# only: the pinned Rust's wasm32 target and std's source (rust-src), trunk, wasm-bindgen-cli
# (exactly Cargo.lock's version), wasm-opt and esbuild (npm `binaryen` and `esbuild`, the runtime
# dependencies in package.json), every crate the offline wasm builds compile, std's own included, and a font that
# writes Vietnamese for the link-preview picture (Debian's fonts-dejavu-core, usually there
# already). No browser; root (or sudo) only to install that font where it is missing. When
# everything is there it takes about a second.
#
# Source it (`. scripts/setup-build.sh`): it also puts trunk, wasm-bindgen and wasm-opt on PATH.
# The test command's extra tools (browsers, drivers, Playwright, Lighthouse, pandas) are
# scripts/setup-test.sh's.
#
# Why setup fetches the crates, not the build (docs/architecture.md, "A fresh machine"): Trunk runs cargo
# offline, because its own downloads of wasm-bindgen and wasm-opt fail on the build machines; an
# offline cargo cannot fetch, so whatever it compiles must be in the cargo home before it runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
say() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"
# The Rust the build is measured with (rust-toolchain.toml): rustup installs it by itself.
PINNED_RUST="$(sed -n 's/^channel = "\(.*\)"$/\1/p' "$root/rust-toolchain.toml")"

# Whether the Rust that cargo runs here is the pinned one. The wasm builds use unstable size
# options only then (scripts/build.sh); another Rust builds the plain way, and says so.
rust_is_pinned() {
  (cd "$root" && rustc --version 2>/dev/null) | grep -q "^rustc $PINNED_RUST "
}

install_rust_parts() {
  cd "$root"
  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target (Rust $PINNED_RUST)"
    rustup target add wasm32-unknown-unknown
  fi
  if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
    say "adding the rust-src component (std's source, for the size-optimised wasm builds)"
    rustup component add rust-src
  fi
  cd - >/dev/null
}

install_trunk() {
  if ! trunk --version 2>/dev/null | grep -qF " $TRUNK_VERSION"; then
    say "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
    cargo install trunk --locked --version "$TRUNK_VERSION"
  fi
}

install_wasm_bindgen() {
  if ! wasm-bindgen --version 2>/dev/null | grep -qxF "wasm-bindgen $WASM_BINDGEN_VERSION"; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (matches Cargo.lock; about 2 minutes)"
    # No --locked: its lockfile pins a crate version the registry does not serve.
    cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
  fi
  if ! grep -qF "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" "$root/Trunk.toml"; then
    say "Trunk.toml's [tools] wasm_bindgen must be $WASM_BINDGEN_VERSION (Cargo.lock); please update it"
    exit 1
  fi
}

# wasm-opt is the npm package binaryen (Debian's is too old for Rust's wasm output), and esbuild
# minifies the JS glue. Only the package's runtime dependencies: the test tools are
# devDependencies (scripts/setup-test.sh).
install_wasm_opt() {
  if [ ! -x "$root/node_modules/.bin/wasm-opt" ] || [ ! -x "$root/node_modules/.bin/esbuild" ] \
     || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    say "installing wasm-opt and esbuild (npm binaryen and esbuild, pinned in package-lock.json)"
    (cd "$root" && npm ci --omit=dev --no-audit --no-fund --loglevel=error)
  fi
}

# Build step 3 rasterises the link-preview picture natively with the system's fonts.
install_font() {
  if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
    say "installing Debian fonts-dejavu-core (the link-preview picture's Vietnamese text)"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq fonts-dejavu-core >/dev/null
  fi
}

install_rust_parts
install_trunk
install_wasm_bindgen
install_wasm_opt
install_font
# Every crate the offline builds compile (scripts/fetch-crates.sh says which).
bash "$root/scripts/fetch-crates.sh"
