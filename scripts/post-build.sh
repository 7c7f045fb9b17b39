#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml): runs in the project folder with TRUNK_STAGING_DIR set.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk}"
# The data table readable without WebAssembly, rendered by the same Rust code from the same data.
cargo run --quiet --bin prerender -- "$staging/index.html"
# CSP header with the sha256 of Trunk's inline loader script, for static hosts and nginx.
node scripts/csp.mjs "$staging"
