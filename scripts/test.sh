#!/usr/bin/env bash
# Every test: formatting, the fresh machine's fetch, lints (native and wasm32), native tests of
# data/state/charts, component tests in headless Chromium (wasm-bindgen-test), then the release
# build, the hydration of its page (wasm-bindgen-test), its first-load ceiling, and the
# end-to-end tests: Playwright driving /usr/bin/chromium against dist/, and the reader's core
# and the editor's publish in Chromium, Firefox ESR and WebKit through standard WebDriver.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup-test.sh
start=$(date +%s)
# Each step prints its name, then its time; the run ends with every step's time, longest first,
# so where the test command's minutes go is on its last screen.
times=()
step() {
  local name="$1" t0; shift
  printf '\n==> %s\n' "$name" >&2
  t0=$(date +%s)
  "$@"
  times+=("$(( $(date +%s) - t0 ))s  $name")
  printf '<== %ss  %s\n' "$(( $(date +%s) - t0 ))" "$name" >&2
}

step "cargo fmt --check" cargo fmt --all --check
step "a fresh machine's fetch is enough (an empty cargo home, offline plans)" bash scripts/check-fresh-fetch.sh
step "clippy (native)" cargo clippy --all-targets --quiet -- -D warnings
step "clippy (native, build-time renderer and the archive)" cargo clippy --features ssr,pack --all-targets --quiet -- -D warnings
step "clippy (wasm32, reader)" cargo clippy --target wasm32-unknown-unknown --features hydrate --all-targets --quiet -- -D warnings
step "clippy (wasm32, staff editor)" cargo clippy --target wasm32-unknown-unknown --features editor --bin editor --quiet -- -D warnings
step "clippy (wasm32, publisher)" cargo clippy --target wasm32-unknown-unknown --features ssr,pack --bin publisher --quiet -- -D warnings
step "clippy (wasm32, the reader's details)" cargo clippy --target wasm32-unknown-unknown --features js --bin details --quiet -- -D warnings
# The feature combinations that must not exist stop the compiler with their reason (src/lib.rs).
refused() { # refused <features> <words of the message>
  if out=$(cargo check --quiet --lib --features "$1" 2>&1); then
    echo "features $1 compiled; src/lib.rs must refuse them" >&2; return 1
  fi
  grep -qF "$2" <<<"$out" || { echo "features $1 failed, but not with \"$2\":" >&2; echo "$out" | head -20 >&2; return 1; }
}
step "feature guards (ssr + hydrate, ui alone)" bash -c "$(declare -f refused); refused ssr,hydrate 'must not be built together' && refused editor,ssr 'must not be built together' && refused ui 'choose one of those'"
step "native tests" cargo test --quiet
step "build-time render tests" cargo test --quiet --features ssr --test render
step "the publication archive (zip, gzip, brotli) opened by Python and Node" cargo test --quiet --features pack --test archive
step "component tests in headless Chromium" env \
  CHROMEDRIVER=/usr/bin/chromedriver \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --target wasm32-unknown-unknown --features hydrate --test web
step "release build (trunk: editor, then reader)" bash scripts/build.sh
# The build's own page hydrated by the reader's start-up: its nodes kept, the URL applied in place.
step "hydration of the built page in headless Chromium" env \
  CHROMEDRIVER=/usr/bin/chromedriver \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
  bash -c 'cargo clippy --target wasm32-unknown-unknown --features hydrate,built-page --test hydrate --quiet -- -D warnings && cargo test --target wasm32-unknown-unknown --features hydrate,built-page --test hydrate'
step "first load under its ceiling (gzip and brotli bytes of what the page fetches)" node scripts/first-load.mjs dist
step "end-to-end tests (Playwright + Chromium)" node --test --test-force-exit --test-concurrency=1 tests/e2e/
step "end-to-end core in the two other engines (WebDriver: Firefox ESR, WebKit; Chromium is the Playwright suite above)" node --test --test-force-exit --test-concurrency=1 tests/engines/
printf '\nWhere the time went:\n' >&2
printf '%s\n' "${times[@]}" | sort -rn | sed 's/^/  /' >&2
printf '\nAll tests passed in %ss.\n' "$(( $(date +%s) - start ))" >&2
