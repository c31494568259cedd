#!/bin/sh
# Measures the quotation layer: direct-quotation span P/R/F1 and speaker accuracy on
#   gum-en: GUM's English Wikinews documents (gold derived by scripts/gum-quotes.py from ../shared/data/gum-en)
#   fr:     eval/quotes/fr/quotes.jsonl (annotated by this project, see eval/quotes/fr/README.md)
# Usage: scripts/eval-quotes.sh [--verbose]      (GUM_DIR=... to point at another copy of gum-en)
# Prints a Markdown table (paste it into eval/RESULTS-quotes.md with the date and this command).
set -eu
cd "$(dirname "$0")/.."
GUM_DIR=${GUM_DIR:-../shared/data/gum-en}
mkdir -p target/eval
python3 scripts/gum-quotes.py "$GUM_DIR" > target/eval/gum-quotes.jsonl
cargo run --quiet --release --example eval_quotes -- "$@" \
  fr=eval/quotes/fr/quotes.jsonl \
  gum-en=target/eval/gum-quotes.jsonl
