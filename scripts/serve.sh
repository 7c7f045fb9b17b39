#!/usr/bin/env bash
# Builds the release app (reader and staff editor) and serves dist/ locally; the reader rebuilds
# when its files change (rerun this script after editing the editor). Prints the URL.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
port="${PORT:-8080}"
echo "Building… then open http://127.0.0.1:$port/ (the editor: http://127.0.0.1:$port/edit.html; Ctrl+C to stop)"
rm -rf target/editor-dist
trunk build --release true --dist target/editor-dist edit.html
exec trunk serve --release --address 127.0.0.1 --port "$port"
