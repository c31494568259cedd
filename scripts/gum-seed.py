#!/usr/bin/env python3
"""Rebuilds an English seed article from a Wikinews document in GUM.

GUM (../shared/data/gum-en) keeps each sentence's original text in `# text =`
and paragraph starts in `# newpar`; the Wikinews texts are CC BY 2.5.
Usage: scripts/gum-seed.py GUM_news_korea > seeds/en/<slug>.txt
"""
import gzip
import sys
from pathlib import Path

GUM = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "gum-en"


def document(doc_id):
    paras, inside = [], False
    for name in ("gum-train.conllu.gz", "gum-dev.conllu.gz"):
        with gzip.open(GUM / name, "rt", encoding="utf-8") as f:
            for line in f:
                if line.startswith("# newdoc id"):
                    inside = line.split("=", 1)[1].strip() == doc_id
                elif inside and line.startswith("# newpar"):
                    paras.append([])
                elif inside and line.startswith("# text ="):
                    if not paras:
                        paras.append([])
                    paras[-1].append(line[len("# text ="):].strip())
    if not paras:
        sys.exit(f"{doc_id}: not found in {GUM}")
    return "\n\n".join(" ".join(p) for p in paras if p) + "\n"


if __name__ == "__main__":
    sys.stdout.write(document(sys.argv[1]))
