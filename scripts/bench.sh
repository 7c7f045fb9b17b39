#!/usr/bin/env bash
# Builds the release dist/ and prints size, speed and memory figures against the budgets.
# scripts/bench.sh [runs, default 20] [Lighthouse runs, default 3] [editor preview versions, default 500]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-test.sh
bash scripts/build.sh >/dev/null
node scripts/bench.mjs "${1:-20}" "${2:-3}"
echo; echo "== the staff editor's preview over a long session (memory after garbage collection) =="
node scripts/editor-memory.mjs "${3:-500}"
