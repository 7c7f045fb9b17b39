#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml): runs in the project folder with TRUNK_STAGING_DIR set.
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk}"
# The dataset block and the app's first DOM, rendered by the app's own components (feature ssr).
cargo run --quiet --features ssr --bin prerender -- "$staging/index.html"
# Headers for static hosts and nginx: CSP with the hash of Trunk's inline loader, caching.
node scripts/headers.mjs "$staging"
# Precompressed copies of every text and wasm file, last (they must match the final bytes).
node scripts/compress.mjs "$staging"
