#!/usr/bin/env bash
# Installs what building, serving and testing need, skipping what is present.
#   scripts/setup.sh build   Rust wasm target, wasm-pack, wasm-bindgen-cli (pinned), binaryen's wasm-opt and esbuild (npm)
#   scripts/setup.sh test    the above, plus Chromium + ChromeDriver, Firefox + geckodriver, e2e npm packages
# Everything comes from the package registries (crates.io, Debian, npm); nothing downloads a browser or a binary.
set -euo pipefail
cd "$(dirname "$0")/.."
what=${1:-build}
get() { sed -n "s/^$1 *= *\"\([^\"]*\)\".*/\1/p" wasm-pack.toml; }
say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }
export PATH="$HOME/.cargo/bin:$PATH"

apt_missing=()
need_apt() { dpkg -s "$1" >/dev/null 2>&1 || apt_missing+=("$1"); }

rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || {
  say "adding the wasm32-unknown-unknown target"; rustup target add wasm32-unknown-unknown; }
command -v wasm-pack >/dev/null || { say "installing wasm-pack (about 5 min)"; cargo install wasm-pack --locked || cargo install wasm-pack; }
pin=$(get wasm-bindgen-cli)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$pin" ]; then
  say "installing wasm-bindgen-cli $pin (about 10 min)"
  cargo install wasm-bindgen-cli --version "$pin" --force
fi
if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -x tools/node_modules/.bin/esbuild ] || [ tools/package-lock.json -nt tools/node_modules ]; then
  say "installing binaryen's wasm-opt and esbuild (npm, tools/)"
  (cd tools && { npm ci --no-audit --no-fund || npm install --no-audit --no-fund; })
fi
if [ "$what" = test ]; then
  need_apt chromium; need_apt chromium-driver; need_apt firefox-esr; need_apt fonts-dejavu-core
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${apt_missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${apt_missing[@]}"
fi
if [ "$what" = test ]; then
  command -v geckodriver >/dev/null || { say "installing geckodriver (about 3 min)"; cargo install geckodriver --locked || cargo install geckodriver; }
  if [ -f e2e/package.json ]; then
    if [ ! -d e2e/node_modules ] || [ e2e/package-lock.json -nt e2e/node_modules ]; then
      say "installing the end-to-end test packages (npm)"
      (cd e2e && { npm ci --no-audit --no-fund 2>/dev/null || npm install --no-audit --no-fund; })
    fi
  fi
fi
say "ready: $(wasm-pack --version), wasm-bindgen $(wasm-bindgen --version | awk '{print $2}'), $(tools/node_modules/.bin/wasm-opt --version)"
