#!/bin/sh
# Rebuilds every shipped entity model from the openly licensed corpora in
# ../shared/data (or $NER_DATA): data/models/ner-fr.bin (WiNER-fr train
# part) and data/models/ner-en.bin (GUM documents of open genres).
# Deterministic; a few seconds per language once built. Sizes are bounded raw and gzipped (the wasm budget
# counts gzip -9): together no larger than the models they replaced.
# Usage: scripts/train-ner.sh
set -eu
cd "$(dirname "$0")/.."
cargo build --release --example train_ner
./target/release/examples/train_ner fr --sets winer --epochs 6 --max-kb 310 --max-gz-kb 172
./target/release/examples/train_ner en --epochs 6 --max-kb 170 --max-gz-kb 101
