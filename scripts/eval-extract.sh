#!/bin/sh
# Measures the article region the bookmarklet chooses (www/js/article-extract.js) against Mozilla Readability's
# extraction on the saved real pages of ../shared/data/readability-pages, in headless Chromium: per page and per
# part of the fixed dev/check split, the share of Readability's words inside the region (coverage) and the share of
# the region's words Readability leaves out (extra). An eval, not a test: it needs ../shared beside the repository.
# Usage: scripts/eval-extract.sh [--part dev|check|all] [--json] [--show SLUG] [--extractor FILE]
#        (PAGES_DIR=... to point at another copy of the pages)
# Prints a Markdown table (paste it into eval/RESULTS-bookmarklet.md with the date and this command).
set -eu
cd "$(dirname "$0")/.."
PAGES_DIR=${PAGES_DIR:-../shared/data/readability-pages}
if [ ! -d "$PAGES_DIR" ]; then
  echo "eval-extract: $PAGES_DIR is absent (the shared corpora beside the repository, or PAGES_DIR=...):" \
    "nothing to measure. The tests (scripts/test.sh) do not need it." >&2
  exit 2
fi
if [ ! -d e2e/node_modules/playwright-core ]; then
  echo "eval-extract: installing the e2e npm packages (playwright-core drives the system Chromium)" >&2
  (cd e2e && { npm ci --no-audit --no-fund || npm install --no-audit --no-fund; })
fi
exec node e2e/measure-extract.mjs --pages "$PAGES_DIR" "$@"
