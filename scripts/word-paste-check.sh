#!/usr/bin/env bash
# Checks that "copy table" pastes into a word processor as a table (LibreOffice Writer, headless):
# see scripts/word-paste-check.mjs. Installs LibreOffice Writer (Debian, ~200 MB) when missing,
# so it is a script of its own, not part of scripts/test.sh. Needs a built dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-test.sh
if ! command -v soffice >/dev/null; then
  echo "[word-paste-check] installing Debian libreoffice-writer-nogui" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq libreoffice-writer-nogui >/dev/null
fi
[ -f dist/index.html ] || bash scripts/build.sh
node scripts/word-paste-check.mjs
