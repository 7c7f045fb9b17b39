#!/usr/bin/env bash
# Fetches every crate the builds compile into the cargo home ($CARGO_HOME, else ~/.cargo): the
# app's, for every target with the dev-dependencies, and std's own dependencies, which only a
# build-std fetch names (the wasm builds compile std with the app). Trunk then runs cargo offline.
# Cargo skips what is already there (about a second). Run by scripts/setup-build.sh, and by
# scripts/check-fresh-fetch.sh into an empty cargo home to prove it is enough.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo fetch --locked --quiet
RUSTC_BOOTSTRAP=1 cargo fetch --quiet -Zbuild-std=std,panic_abort --target wasm32-unknown-unknown
