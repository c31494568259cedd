#!/bin/sh
# Sorts the claim data files in place (LC_ALL=C byte order, deduplicated),
# keeping the leading '#' header comment block. Run after editing them.
set -eu
cd "$(dirname "$0")/.."
for f in data/fr/claim-cues.txt data/en/claim-cues.txt data/fr/word-classes.txt data/en/word-classes.txt \
         data/fr/claim-explanations.txt data/en/claim-explanations.txt \
         data/fr/conditional-stems.txt data/en/conditional-stems.txt; do
    [ -f "$f" ] || continue
    tmp=$(mktemp)
    sed -n '/^#/!q;p' "$f" > "$tmp"
    sed '/^#/d;/^$/d;s/[[:space:]]*$//' "$f" | LC_ALL=C sort -u >> "$tmp"
    mv "$tmp" "$f"
done
