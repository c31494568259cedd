#!/bin/sh
# Rebuilds the quotation layer's speaker ranker, data/models/speaker-ranker.tsv, from the dev part of
# eval/real-news and the unit cases of tests/cases/quotes.toml (deterministic; seconds).
# Usage: scripts/train-speakers.sh [--epochs N] [--chain PRIOR] [--cases N]
set -eu
cd "$(dirname "$0")/.."
cargo build --release --example train_speakers
./target/release/examples/train_speakers "$@"
