#!/bin/sh
# Rebuilds every shipped entity model from the corpora in ../shared/data
# (or $NER_DATA): data/models/ner-fr.bin and data/models/ner-en.bin.
# Usage: scripts/train-ner.sh
set -eu
cd "$(dirname "$0")/.."
cargo build --release --example train_ner
./target/release/examples/train_ner fr --epochs 6 --max-kb 310
./target/release/examples/train_ner en --epochs 6 --max-kb 170
