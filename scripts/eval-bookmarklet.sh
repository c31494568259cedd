#!/usr/bin/env bash
# Evaluation (not a test): the bookmarklet on every saved page of the shared Readability corpus
# (../shared/data/readability-pages, 44 pages), in headless Chromium: the article region it chooses against
# Readability's extraction (coverage, extra words), highlights inside the region, the page left as it was.
# The same test as `npm test` runs on the small vendored set (e2e/fixtures/readability-pages).
#   scripts/eval-bookmarklet.sh            (needs scripts/wasm.sh build and the e2e npm packages)
#   BOOKMARKLET_PAGES=slug,slug scripts/eval-bookmarklet.sh    only those pages
set -euo pipefail
cd "$(dirname "$0")/.."
pages=$(realpath -m ../shared/data/readability-pages)
if [ ! -d "$pages" ]; then
  echo "eval-bookmarklet: skipped: $pages is not there (the shared corpus sits beside the repository)." >&2
  exit 0
fi
[ -f www/pkg/annotator.js ] || { echo "eval-bookmarklet: build the engine first: scripts/wasm.sh build" >&2; exit 1; }
cd e2e
READABILITY_PAGES="$pages" exec node --test --test-reporter=spec --test-name-pattern="readability pages" bookmarklet.test.mjs
