#!/usr/bin/env bash
# Installs, idempotently and from package registries only, everything beyond the Rust toolchain,
# Python, Node.js/npm and gcc: the wasm32 target, std's source (rust-src), trunk, wasm-bindgen-cli (exactly Cargo.lock's
# version), wasm-opt and the browser-test packages (npm, pinned in package-lock.json), and
# Debian's Chromium + ChromeDriver. When everything is present it takes about a second.
#
# Source it (`. scripts/setup.sh`) to also get PATH set for trunk, wasm-bindgen and wasm-opt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$root/node_modules/.bin:$PATH"
say() { printf '[setup] %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$root/Cargo.lock")"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The wasm builds compile std with the app, for size (scripts/build.sh): they need std's source.
if ! rustup component list --installed 2>/dev/null | grep -q '^rust-src'; then
  say "adding the rust-src component (std's source, for the size-optimised wasm builds)"
  rustup component add rust-src
fi

if ! trunk --version 2>/dev/null | grep -qF " $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install trunk --locked --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -qxF "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (matches Cargo.lock; about 2 minutes)"
  # No --locked: its lockfile pins a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi
if ! grep -qF "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" "$root/Trunk.toml"; then
  say "Trunk.toml's [tools] wasm_bindgen must be $WASM_BINDGEN_VERSION (Cargo.lock); please update it"
  exit 1
fi

if [ ! -x "$root/node_modules/.bin/wasm-opt" ] || [ ! -d "$root/node_modules/playwright-core" ] \
   || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  say "installing npm packages (package-lock.json)"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  say "installing Debian chromium and chromium-driver"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium chromium-driver fonts-dejavu-core >/dev/null
fi

# The link-preview picture (build step 3) is rasterised natively with the system's fonts: DejaVu
# Sans writes Vietnamese.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  say "installing Debian fonts-dejavu-core"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq fonts-dejavu-core >/dev/null
fi

# The hosting test reads the distributed CSVs with pandas, as a researcher would.
if ! python3 -c 'import pandas' 2>/dev/null; then
  say "installing pandas (PyPI)"
  python3 -m pip install --quiet --disable-pip-version-check pandas
fi
