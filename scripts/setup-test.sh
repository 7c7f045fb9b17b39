#!/usr/bin/env bash
# What the test command and the bench need beyond the build (scripts/setup-build.sh, run first):
# the npm test packages (Playwright's playwright-core and @axe-core/playwright, Lighthouse;
# pinned in package-lock.json), the three engines readers use with their WebDriver servers
# (Debian's chromium + chromium-driver, firefox-esr, webkit2gtk-driver with Xvfb for its
# MiniBrowser; geckodriver from crates.io), Debian's Java for the W3C HTML checker (npm vnu-jar),
# poppler-utils to read a printout's PDF, nginx with its brotli_static module (the real host of
# the publication test), and pandas for the hosting test. Idempotent: when
# everything is there it takes about a second. Root (or sudo) only to install a missing Debian
# package.
#
# Source it (`. scripts/setup-test.sh`): it also sets PATH as setup-build.sh does.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/setup-build.sh"

GECKODRIVER_VERSION=0.37.1

install_npm_test_packages() {
  if [ ! -d "$root/node_modules/playwright-core" ] || [ ! -d "$root/node_modules/lighthouse" ] \
     || [ ! -f "$root/node_modules/vnu-jar/build/dist/vnu.jar" ] \
     || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    say "installing the npm test packages (package-lock.json)"
    (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# One apt-get for whatever is missing: <file that shows it is there>=<Debian package>.
install_debian_packages() {
  local missing=() pair
  for pair in /usr/bin/chromium=chromium /usr/bin/chromedriver=chromium-driver \
              /usr/bin/firefox-esr=firefox-esr /usr/bin/WebKitWebDriver=webkit2gtk-driver \
              /usr/bin/Xvfb=xvfb /usr/bin/java=default-jre-headless /usr/bin/pdftoppm=poppler-utils \
              /usr/sbin/nginx=nginx /usr/lib/nginx/modules/ngx_http_brotli_static_module.so=libnginx-mod-http-brotli-static; do
    [ -e "${pair%%=*}" ] || missing+=("${pair#*=}")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

install_geckodriver() {
  if ! geckodriver --version 2>/dev/null | grep -q "^geckodriver $GECKODRIVER_VERSION"; then
    say "installing geckodriver $GECKODRIVER_VERSION (Firefox's WebDriver server; a few minutes)"
    cargo install geckodriver --locked --version "$GECKODRIVER_VERSION"
  fi
}

# The hosting test reads the distributed CSVs with pandas, as a researcher would.
install_pandas() {
  if ! python3 -c 'import pandas' 2>/dev/null; then
    say "installing pandas (PyPI)"
    python3 -m pip install --quiet --disable-pip-version-check pandas
  fi
}

install_npm_test_packages
install_debian_packages
install_geckodriver
install_pandas
