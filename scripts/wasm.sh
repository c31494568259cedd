#!/usr/bin/env bash
# The wasm build and browser tests, with the flags recorded in wasm-pack.toml.
#   scripts/wasm.sh build           www/pkg/annotator.js + annotator_bg.wasm (engine only, then wasm-opt), the
#                                   language packs www/pkg/packs/<lang>.<sha8>.pack + manifest.json; prints sizes
#                                   and fails when a reader's download (engine + one pack) is over the budget
#   scripts/wasm.sh test [BROWSER]  wasm-bindgen tests in headless browsers (default: test-browsers)
#   scripts/wasm.sh size            gzip sizes per reader of what is built, checked against the budget
#   scripts/wasm.sh bundle          www/pkg/inject.js alone: the bookmarklet's one-file build (scripts/bundle.mjs)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
get() { sed -n "s/^$1 *= *\"\([^\"]*\)\".*/\1/p" wasm-pack.toml; }
out_dir=$(get out-dir)
out_name=$(get out-name)
wasm="$out_dir/${out_name}_bg.wasm"

gz() { gzip -9 -c "$1" | wc -c; }

# What each reader downloads: the engine and the pack of the article's language (gzip -9, each file alone, as a
# server compresses them). Fails when one is over its budget: reader-budget-bytes-<lang> where a language has one
# (a named, dated exception in wasm-pack.toml), else reader-budget-bytes.
size() {
  local raw engine budget pack lang pgz total over=0
  raw=$(stat -c %s "$wasm")
  engine=$(gz "$wasm")
  echo "engine: $wasm  raw $raw bytes, gzip -9 $engine bytes"
  for pack in "$out_dir"/packs/*.pack; do
    [ -e "$pack" ] || { echo "no packs in $out_dir/packs: run scripts/wasm.sh build" >&2; return 1; }
    lang=$(basename "$pack"); lang=${lang%%.*}
    pgz=$(gz "$pack")
    budget=$(get "reader-budget-bytes-$lang")
    [ -n "$budget" ] || budget=$(get reader-budget-bytes)
    total=$((engine + pgz))
    echo "pack $lang: $(basename "$pack")  raw $(stat -c %s "$pack") bytes, gzip -9 $pgz bytes;" \
      "$lang reader: engine + pack = $total bytes gzip (budget $budget)"
    if [ "$total" -gt "$budget" ]; then
      echo "wasm: the $lang reader's download, $total bytes gzip, is over the budget of $budget bytes" \
        "(wasm-pack.toml reader-budget-bytes[-$lang])" >&2
      over=1
    fi
  done
  return $over
}

case "${1:-build}" in
build)
  CARGO_PROFILE_RELEASE_OPT_LEVEL="$(get opt-level)" \
    wasm-pack build "--$(get profile)" --target "$(get target)" --out-dir "$out_dir" --out-name "$out_name" \
    -- --no-default-features
  # binaryen from npm (tools/package.json): Debian's wasm-opt 108 rejects the table instructions rustc and
  # wasm-bindgen emit today. A failure here fails the build rather than shipping an unoptimised file.
  wasm_opt=tools/node_modules/.bin/wasm-opt
  [ -x "$wasm_opt" ] || { echo "missing $wasm_opt: run scripts/setup.sh build" >&2; exit 1; }
  # shellcheck disable=SC2046 # the flags are a list
  "$wasm_opt" $(get wasm-opt-flags) "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  # The engine holds no language data (--no-default-features): each language's lists and tagger are one pack,
  # written by the same Rust code that reads them (src/lang/pack.rs).
  cargo run --quiet --release --example make_packs -- "$out_dir/packs"
  # The npm package ships the packs and credits the data the models derive from (NOTICE); its licence field is
  # Cargo.toml's.
  cp NOTICE "$out_dir/NOTICE"
  python3 - "$out_dir/package.json" <<'PY'
import json, sys
path = sys.argv[1]
pkg = json.load(open(path))
for entry in ("NOTICE", "packs/"):
    if entry not in pkg.setdefault("files", []):
        pkg["files"].append(entry)
json.dump(pkg, open(path, "w"), indent=2)
PY
  # The bookmarklet's one-file build, www/pkg/inject.js (esbuild, tools/package.json).
  node scripts/bundle.mjs
  size
  ;;
bundle) node scripts/bundle.mjs ;;
test)
  # The tests run the engine as the site ships it (no language compiled in) and load these packs.
  cargo run --quiet --release --example make_packs -- target/packs --plain
  browsers=${2:-$(get test-browsers)}
  for b in $browsers; do
    case $b in
    chrome) CHROMEDRIVER=$(get chromedriver) wasm-pack test --headless --chrome --chromedriver "$(get chromedriver)" -- --test web --no-default-features ;;
    firefox)
      gd=$(get geckodriver); gd=${gd/#\~/$HOME}
      GECKODRIVER=$gd wasm-pack test --headless --firefox --geckodriver "$gd" -- --test web --no-default-features ;;
    *) echo "unknown browser $b" >&2; exit 2 ;;
    esac
  done
  ;;
size) size ;;
*) echo "usage: scripts/wasm.sh build|bundle|test [chrome|firefox]|size" >&2; exit 2 ;;
esac
