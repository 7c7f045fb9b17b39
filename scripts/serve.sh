#!/usr/bin/env bash
# Builds the whole site (reader and staff editor) into target/serve, serves it as a static host
# would (compressed, with the site's headers) and rebuilds it when a source file changes. Prints
# the URL. dist/ is left alone: it only ever holds the release that scripts/build.sh makes.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-build.sh
port="${PORT:-8080}"
echo "Building… then open http://127.0.0.1:$port/ (the editor: http://127.0.0.1:$port/edit.html)"
bash scripts/build.sh target/serve
exec node scripts/serve.mjs target/serve "$port"
