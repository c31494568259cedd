#!/bin/sh
# Claim-layer evaluation. Usage:
#   scripts/eval-claims.sh news     reason-level P/R/F1 on eval/claims-news/gold.toml (fr + en news passages)
#   scripts/eval-claims.sh weasel   sentence-level uncertainty on the held-back part of WikiWeasel
#   scripts/eval-claims.sh train    re-learn data/models/weasel-en.tsv from the WikiWeasel train part only
#   scripts/eval-claims.sh          news, then weasel
# Extra arguments (e.g. --verbose) are passed on.
set -eu
cd "$(dirname "$0")/.."
run() { cargo run --quiet --release --example eval_claims -- "$@"; }
case "${1:-all}" in
    news) shift; run news "$@" ;;
    weasel) shift; run weasel "$@" ;;
    train) shift; run train-weasel "$@" ;;
    all) run news; run weasel ;;
    *) echo "usage: $0 [news|weasel|train] [--verbose]" >&2; exit 2 ;;
esac
