#!/usr/bin/env bash
# Trunk post_build hook (see Trunk.toml): runs in the project folder with TRUNK_STAGING_DIR set,
# once per page Trunk builds (scripts/build.sh builds edit.html, then index.html).
set -euo pipefail
staging="${TRUNK_STAGING_DIR:?run by trunk}"
if [ "$(basename "${TRUNK_HTML_FILE:-index.html}")" = edit.html ]; then
  # Trunk names every page it builds index.html; this one is the editor. The reader's build
  # copies it in (below).
  mv "$staging/index.html" "$staging/edit.html"
  cargo run --quiet --features ssr --bin prerender -- --loader-only "$staging/edit.html"
  exit 0
fi
# The editor (edit.html, its wasm, and the publisher wasm), built first into target/editor-dist.
if [ -f target/editor-dist/edit.html ]; then
  cp -rn target/editor-dist/. "$staging/"
else
  echo "post-build: no target/editor-dist/edit.html (build with scripts/build.sh to include the editor)" >&2
fi
# The dataset block and the app's first DOM, rendered by the app's own components (feature ssr).
cargo run --quiet --features ssr --bin prerender -- "$staging/index.html"
# The dataset file beside the page: what the editor and readers' "download" point to.
cp data/dataset.json "$staging/dataset.json"
# Headers for static hosts and nginx: CSP with the hashes of the pages' inline loaders, caching.
node scripts/headers.mjs "$staging"
# Precompressed copies of every text and wasm file, last (they must match the final bytes).
node scripts/compress.mjs "$staging"
