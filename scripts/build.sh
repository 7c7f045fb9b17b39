#!/usr/bin/env bash
# The release site in dist/: first the staff editor (edit.html, the editor wasm and the publisher
# wasm) into target/editor-dist, then the reader (index.html), whose post-build hook copies the
# editor in and writes the headers and compressed copies (scripts/post-build.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
rm -rf target/editor-dist
trunk build --release true --dist target/editor-dist "$@" edit.html
trunk build --release "$@"
