#!/usr/bin/env bash
# The wasm build and browser tests, with the flags recorded in wasm-pack.toml.
#   scripts/wasm.sh build           www/pkg/annotator.js + annotator_bg.wasm (then wasm-opt), prints sizes
#   scripts/wasm.sh test [BROWSER]  wasm-bindgen tests in headless browsers (default: test-browsers)
#   scripts/wasm.sh size            raw and gzip size of the built wasm
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
get() { sed -n "s/^$1 *= *\"\([^\"]*\)\".*/\1/p" wasm-pack.toml; }
out_dir=$(get out-dir)
out_name=$(get out-name)
wasm="$out_dir/${out_name}_bg.wasm"

size() {
  local raw gz cap
  raw=$(stat -c %s "$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  echo "wasm: $wasm  raw $raw bytes ($((raw / 1024)) KiB), gzip -9 $gz bytes ($((gz / 1024)) KiB)"
  cap=$(get gzip-cap-bytes)
  if [ -n "$cap" ] && [ "$gz" -gt "$cap" ]; then
    echo "wasm: gzip -9 size $gz bytes is over the cap of $cap bytes (wasm-pack.toml gzip-cap-bytes)" >&2
    return 1
  fi
}

case "${1:-build}" in
build)
  CARGO_PROFILE_RELEASE_OPT_LEVEL="$(get opt-level)" \
    wasm-pack build "--$(get profile)" --target "$(get target)" --out-dir "$out_dir" --out-name "$out_name"
  # binaryen from npm (tools/package.json): Debian's wasm-opt 108 rejects the table instructions rustc and
  # wasm-bindgen emit today. A failure here fails the build rather than shipping an unoptimised file.
  wasm_opt=tools/node_modules/.bin/wasm-opt
  [ -x "$wasm_opt" ] || { echo "missing $wasm_opt: run scripts/setup.sh build" >&2; exit 1; }
  # shellcheck disable=SC2046 # the flags are a list
  "$wasm_opt" $(get wasm-opt-flags) "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  # The npm package credits the data the models derive from (NOTICE); its licence field is Cargo.toml's.
  cp NOTICE "$out_dir/NOTICE"
  python3 - "$out_dir/package.json" <<'PY'
import json, sys
path = sys.argv[1]
pkg = json.load(open(path))
if "NOTICE" not in pkg.setdefault("files", []):
    pkg["files"].append("NOTICE")
json.dump(pkg, open(path, "w"), indent=2)
PY
  size
  ;;
test)
  browsers=${2:-$(get test-browsers)}
  for b in $browsers; do
    case $b in
    chrome) CHROMEDRIVER=$(get chromedriver) wasm-pack test --headless --chrome --chromedriver "$(get chromedriver)" -- --test web ;;
    firefox)
      gd=$(get geckodriver); gd=${gd/#\~/$HOME}
      GECKODRIVER=$gd wasm-pack test --headless --firefox --geckodriver "$gd" -- --test web ;;
    *) echo "unknown browser $b" >&2; exit 2 ;;
    esac
  done
  ;;
size) size ;;
*) echo "usage: scripts/wasm.sh build|test [chrome|firefox]|size" >&2; exit 2 ;;
esac
