#!/usr/bin/env bash
# Runs every test, installing what is missing first: formatting and lints, native unit/integration/property/doc
# tests, docs, benchmark builds, the wasm build, wasm-bindgen tests in headless Chromium and Firefox, and the
# end-to-end tests of the site and the bookmarklet in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
scripts/setup.sh test
step "format"
cargo fmt --check
step "clippy (native)"
cargo clippy --all-targets --quiet -- -D warnings
step "clippy (wasm32)"
cargo clippy --target wasm32-unknown-unknown --lib --quiet -- -D warnings
step "native tests"
cargo test --quiet
step "native tests, engine without language data (the wasm build's configuration)"
cargo test --quiet --no-default-features --lib -- without_pack lang::pack
step "docs"
RUSTDOCFLAGS=-Dwarnings cargo doc --no-deps --quiet
step "benchmarks build"
cargo bench --no-run --quiet
step "wasm build"
scripts/wasm.sh build
step "browser tests (wasm-bindgen-test)"
scripts/wasm.sh test
if [ -f e2e/package.json ]; then
  step "end-to-end tests (headless Chromium)"
  (cd e2e && npm test)
fi
echo
echo "all tests passed"
