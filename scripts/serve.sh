#!/usr/bin/env bash
# Builds the release app and serves dist/ locally with live rebuilds. Prints the URL.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
port="${PORT:-8080}"
echo "Building… then open http://127.0.0.1:$port/ (Ctrl+C to stop)"
exec trunk serve --release --address 127.0.0.1 --port "$port"
