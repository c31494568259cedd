#!/bin/sh
# Rebuilds the quotation layer's speaker ranker, data/models/speaker-ranker.tsv, from the dev part of
# eval/real-news (deterministic; seconds). Usage: scripts/train-speakers.sh [--epochs N]
set -eu
cd "$(dirname "$0")/.."
cargo build --release --example train_speakers
./target/release/examples/train_speakers "$@"
