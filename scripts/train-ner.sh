#!/bin/sh
# Rebuilds every shipped entity model from the openly licensed corpora in
# ../shared/data (or $NER_DATA): data/models/ner-fr.bin (WiNER-fr train
# part) and data/models/ner-en.bin (GUM documents of open genres).
# Deterministic; a few seconds per language once built. The budget is the
# gzip -9 size (what a reader downloads; docs/DESIGN-language-packs.md §4-5):
# French ≤ 48 KB, English ≤ 40 KB (46 and 39 KiB: what fits engine + pack in the 300 KB per-reader budget of
# wasm-pack.toml). French is trained, pruned to the rows of a 120 KB file, retrained on those rows only and pruned
# again (tagger alone, WiNER-fr dev: 0.795 at 46 KiB, 0.800 at 51 KiB, 0.815 at 68 KiB, 0.819 unpruned); English is pruned
# once (retraining on kept rows lowered GUM dev there).
# data/fr/ner_first_names.txt is derived first (WiNER-fr train + Europeana train, CC BY 4.0).
# Usage: scripts/train-ner.sh
set -eu
cd "$(dirname "$0")/.."
cargo build --release --example train_ner
# The French given names (a tagger feature, compiled in) come first: derived from the same training data.
./target/release/examples/train_ner fr --sets winer,europeana --write-first-names data/fr/ner_first_names.txt
cargo build --release --example train_ner
./target/release/examples/train_ner fr --sets winer --epochs 6 --bits 20 --max-kb 200 --max-gz-kb 46 \
  --prune-gz-kb 120 --retrain-epochs 6
./target/release/examples/train_ner en --epochs 6 --bits 20 --max-kb 100 --max-gz-kb 39 --min-w 4
