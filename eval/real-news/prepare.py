#!/usr/bin/env python3
"""Selects real news articles to annotate by ANNOTATION-GUIDELINES.md and writes their texts.

    python3 eval/real-news/prepare.py BATCH N_FR N_EN

Reads ../shared/data/winer-fr (fr.wikinews 2016–18: texts CC BY 2.5, fr.wikinews contributors) and
../shared/data/wikinews-en (en.wikinews 2004–05, public domain). Articles already in an earlier batch are skipped;
the choice is deterministic (sorted by a hash of the file name). French articles are those with at least two
« » quotations and 150–600 words; WiNER's tokenisation artefacts ("Paris )", "L’ église", " , ") are undone so
the text reads as published. Writes eval/real-news/texts/<id>.txt and appends to eval/real-news/manifest.jsonl
({"id", "lang", "batch", "part", "source", "url", "licence"}). Every third article of a batch (by position) is in
the `test` part: it is only ever scored, never read for fixes.
"""
import glob
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(os.path.dirname(os.path.dirname(HERE)), "..", "shared", "data")


def detokenize_winer(text: str) -> str:
    """Undoes WiNER-fr's tokenisation spaces, keeping French typography (space before : ; ! ? and inside « »)."""
    t = text
    t = re.sub(r"(\b[LlDdJjMmNnSsTtCc]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uelqu)([’']) +", r"\1\2", t)
    t = re.sub(r" +([,.)\]])", r"\1", t)
    t = re.sub(r"([(\[]) +", r"\1", t)
    t = re.sub(r"(\d) e\b", r"\1e", t)
    t = re.sub(r"(\d) (er|re|ème)\b", r"\1\2", t)
    t = re.sub(r"»([,.])", r"»\1", t)
    t = re.sub(r" {2,}", " ", t)
    return "\n".join(line.strip() for line in t.split("\n"))


def key(path: str) -> str:
    return hashlib.sha1(os.path.basename(path).encode()).hexdigest()


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    batch, n_fr, n_en = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    manifest = os.path.join(HERE, "manifest.jsonl")
    seen = set()
    # Sample articles of the site (seeds/README.md names their sources) are read by everyone: never evaluate on them.
    seeds_readme = open(os.path.join(os.path.dirname(os.path.dirname(HERE)), "seeds", "README.md"), encoding="utf-8").read()
    if os.path.exists(manifest):
        seen = {json.loads(line)["id"] for line in open(manifest, encoding="utf-8") if line.strip()}
    os.makedirs(os.path.join(HERE, "texts"), exist_ok=True)
    urls = {}
    for line in open(os.path.join(SHARED, "winer-fr", "urls.tsv"), encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 2:
            urls[os.path.basename(parts[0]).replace(".txt", "")] = parts[-1]
    chosen = []
    for path in sorted(glob.glob(os.path.join(SHARED, "winer-fr", "*", "*", "*.txt")), key=key):
        ident = "fr-" + os.path.basename(path)[:-4]
        raw = open(path, encoding="utf-8").read()
        if ident in seen or f"`{os.path.basename(path)[:-4]}`" in seeds_readme or raw.count("«") < 2 or not 150 <= len(raw.split()) <= 600:
            continue
        base = os.path.basename(path)[:-4]
        chosen.append((ident, "fr", detokenize_winer(raw), "fr.wikinews via WiNER-fr", urls.get(base, ""),
                       "CC BY 2.5 (fr.wikinews.org contributors)"))
        if sum(1 for c in chosen if c[1] == "fr") == n_fr:
            break
    index = {d["file"]: d for d in json.load(open(os.path.join(SHARED, "wikinews-en", "index.json")))}
    en = []
    for path in sorted(glob.glob(os.path.join(SHARED, "wikinews-en", "wns-*.txt")), key=key):
        ident = "en-" + os.path.basename(path)[:-4]
        raw = open(path, encoding="utf-8").read()
        if ident in seen:
            continue
        meta = index.get(os.path.basename(path), {})
        en.append((ident, "en", raw.strip() + "\n", "en.wikinews via WikinewsSum", meta.get("url", ""),
                   "public domain (en.wikinews before 2005-09-25)"))
    # Prefer English articles with quotations: they are few, and speakers are what the set must measure.
    en.sort(key=lambda c: -min(c[2].count('"') // 2, 3))
    chosen += en[:n_en]
    with open(manifest, "a", encoding="utf-8") as out:
        for i, (ident, lang, text, source, url, licence) in enumerate(chosen):
            with open(os.path.join(HERE, "texts", ident + ".txt"), "w", encoding="utf-8") as f:
                f.write(text)
            part = "test" if i % 3 == 2 else "dev"
            out.write(json.dumps({"id": ident, "lang": lang, "batch": batch, "part": part, "source": source,
                                  "url": url, "licence": licence}, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} articles written to {HERE}/texts")


if __name__ == "__main__":
    main()
