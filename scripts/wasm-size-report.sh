#!/usr/bin/env bash
# What the wasm is made of, and what a reader would download with per-language packs
# (docs/DESIGN-language-packs.md). A measurement, not a test: nothing here is run by scripts/test.sh.
#
#   scripts/wasm-size-report.sh data              per data file of each language: raw and gzip -9 bytes; packs
#   scripts/wasm-size-report.sh build DIR [OPT]   wasm-pack build (opt-level OPT, default s) into DIR, then
#                                                 DIR/opt.wasm (the shipped -Oz file) and DIR/opt-g.wasm (same,
#                                                 with the name section, for twiggy)
#   scripts/wasm-size-report.sh wasm DIR          sections of DIR/opt.wasm, raw and gzip; twiggy categories
#   [OPT=z] scripts/wasm-size-report.sh engine-only DIR [CMD]
#                                                 the engine without language data: HEAD + size-research/
#                                                 engine-only.patch in a temporary copy (then shell CMD run in
#                                                 it: a size experiment), built into DIR; packs DIR/fr.pack,
#                                                 DIR/en.pack; checks in node that engine + packs annotate the
#                                                 seeds as the full build in DIR.full (built if missing)
# Needs: wasm-pack, tools/node_modules/.bin/wasm-opt (scripts/setup.sh build), python3, node; twiggy for the
# categories (cargo install twiggy). Builds use CARGO_BUILD_JOBS=2.
set -euo pipefail
cd "$(dirname "$0")/.."
here=$(pwd)
R=scripts/size-research
get() { sed -n "s/^$1 *= *\"\([^\"]*\)\".*/\1/p" wasm-pack.toml; }
gz() { gzip -9 -c "$1" | wc -c; }
export CARGO_BUILD_JOBS=${CARGO_BUILD_JOBS:-2}

data() {
  for lang in fr en; do
    echo "| file ($lang) | raw | gzip -9 |"
    echo "|---|---:|---:|"
    for f in data/$lang/*.txt data/models/ner-$lang.bin; do echo "| $f | $(stat -c %s "$f") | $(gz "$f") |"; done
    local tmp
    tmp=$(mktemp)
    python3 $R/make-pack.py $lang "$tmp"
    echo "| **$lang pack** (make-pack.py: lists but stopwords + model, one gzip stream) | $(stat -c %s "$tmp") | $(gz "$tmp") |"
    echo "| lists only, concatenated | $(cat data/$lang/*.txt | wc -c) | $(cat data/$lang/*.txt | gzip -9 | wc -c) |"
    rm -f "$tmp"
    echo
  done
}

build() {
  local dir=$1 opt=${2:-${OPT:-s}}
  CARGO_PROFILE_RELEASE_OPT_LEVEL=$opt wasm-pack build --release --target "$(get target)" --out-dir "$dir" \
    --out-name annotator >"$dir.log" 2>&1 || { tail -20 "$dir.log" >&2; exit 1; }
  # shellcheck disable=SC2046 # the flags are a list
  "$here/tools/node_modules/.bin/wasm-opt" $(get wasm-opt-flags) "$dir/annotator_bg.wasm" -o "$dir/opt.wasm"
  # shellcheck disable=SC2046
  "$here/tools/node_modules/.bin/wasm-opt" $(get wasm-opt-flags) -g "$dir/annotator_bg.wasm" -o "$dir/opt-g.wasm"
  echo "$dir (opt-level $opt): before wasm-opt $(stat -c %s "$dir/annotator_bg.wasm") raw;" \
    "shipped -Oz: $(stat -c %s "$dir/opt.wasm") raw, $(gz "$dir/opt.wasm") gzip -9"
}

wasm() {
  local dir=$1
  python3 - "$dir/opt.wasm" <<'EOF'
import gzip, sys
b = open(sys.argv[1], 'rb').read(); i = 8
names = {0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export',
         8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'datacount'}
print("| section | raw | gzip -9 alone |\n|---|---:|---:|")
while i < len(b):
    sid = b[i]; i += 1; n = s = 0
    while True:
        x = b[i]; i += 1; n |= (x & 0x7f) << s; s += 7
        if not x & 0x80: break
    if n > 1000: print(f"| {names[sid]} | {n} | {len(gzip.compress(b[i:i+n], 9))} |")
    i += n
EOF
  if command -v twiggy >/dev/null; then
    for f in annotator_bg opt-g; do
      twiggy top -n 100000 -f csv "$dir/$f.wasm" >"$dir/$f.top.csv"
      echo; echo "twiggy top $dir/$f.wasm by category (shallow bytes):"
      echo "| category | bytes | share |"; echo "|---|---:|---:|"
      python3 $R/classify.py "$dir/$f.top.csv"
    done
    twiggy dominators -f csv "$dir/annotator_bg.wasm" >"$dir/annotator_bg.dom.csv"
    echo; echo "retained sizes before wasm-opt (twiggy dominators):"
    python3 $R/retained.py "$dir/annotator_bg.dom.csv" 8000
  fi
}

engine_only() {
  local dir=$1 experiment=${2:-} src
  dir=$(realpath -m "$dir")
  src=$(mktemp -d)
  git archive HEAD | tar -x -C "$src"
  (cd "$src" && git apply "$here/$R/engine-only.patch" && if [ -n "$experiment" ]; then bash -c "$experiment"; fi)
  # Same target directory: only the crate itself is rebuilt.
  (cd "$src" && CARGO_TARGET_DIR="$here/target" build "$dir")
  rm -rf "$src"
  for lang in fr en; do
    python3 $R/make-pack.py $lang "$dir/$lang.pack"
    echo "$lang.pack: $(stat -c %s "$dir/$lang.pack") raw, $(gz "$dir/$lang.pack") gzip -9"
  done
  [ -f "$dir.full/opt.wasm" ] || build "$dir.full"
  echo "full build:"; WASM="$dir.full/opt.wasm" node $R/node-check.mjs "$dir.full"
  echo "engine + packs:"; WASM="$dir/opt.wasm" node $R/node-check.mjs "$dir" "$dir/fr.pack" "$dir/en.pack"
}

case "${1:-}" in
data) data ;;
build) build "$(realpath -m "$2")" "${3:-s}" ;;
wasm) wasm "$2" ;;
engine-only) engine_only "$2" "${3:-}" ;;
*) sed -n '2,18p' "$0" >&2; exit 2 ;;
esac
