#!/usr/bin/env python3
"""Scores named entities on the real-news set, annotated by ANNOTATION-GUIDELINES.md §1, side by side with spaCy.

    python3 eval/real-news/score_entities.py [--batch B] [--part dev|test] [--exe PATH] [--spacy] [--verbose]

Gold: eval/real-news/entities/<id>.txt, the article's text with every entity marked inline as
`[[LABEL|name]]` (LABEL one of PER ORG LOC DATE MISC; no nesting). Removing the marks must give texts/<id>.txt
exactly, or the file is refused. Articles without such a file are skipped.

Runs `annotate --jsonl` (target/release/annotate unless --exe) with each article's language and prints strict
span+type scores per label (F1, support in parentheses), micro F1 over PER/LOC/ORG (the figure issue 18 compares
with spaCy md) and over all five labels, per language. `--spacy` adds spaCy's rows on the same texts (French
fr_core_news_sm and _md, English en_core_web_sm; run it with the Python of .venv, as scripts/eval-ner.sh does;
labels mapped as in eval/spacy_ner.py). `--verbose` lists missed and extra entities (dev part only: the test
part is scored, never read).
"""
import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.dirname(HERE))
from score import utf16_to_cp  # noqa: E402
from spacy_ner import MAP, MODELS, score  # noqa: E402

LABELS = ["PER", "LOC", "ORG", "MISC", "DATE"]
MARK = re.compile(r"\[\[(PER|ORG|LOC|DATE|MISC)\|([^\[\]]*)\]\]")


def parse_marked(marked):
    """`[[PER|Ann]] dit` -> ("Ann dit", [(0, 3, "PER")]), offsets in code points."""
    plain, spans, at = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        before = marked[at:m.start()]
        plain.append(before)
        length += len(before)
        name = m.group(2)
        spans.append((length, length + len(name), m.group(1)))
        plain.append(name)
        length += len(name)
        at = m.end()
    plain.append(marked[at:])
    return "".join(plain), spans


def load_gold(ident, text):
    path = os.path.join(HERE, "entities", ident + ".txt")
    if not os.path.exists(path):
        return None
    marked = open(path, encoding="utf-8").read()
    plain, spans = parse_marked(marked)
    if plain != text:
        at = next((i for i, (a, b) in enumerate(zip(plain, text)) if a != b), min(len(plain), len(text)))
        sys.exit(f"{path}: without its marks it differs from texts/{ident}.txt at character {at}: "
                 f"{plain[max(0, at - 30):at + 30]!r} vs {text[max(0, at - 30):at + 30]!r}")
    stray = re.search(r"\[\[|\]\]", MARK.sub("", marked))
    if stray:
        sys.exit(f"{path}: a malformed mark near {stray.start()} (want [[LABEL|name]])")
    return spans


def engine_spans(exe, docs):
    lines = "\n".join(json.dumps({"id": m["id"], "lang": m["lang"], "text": t}, ensure_ascii=False) for m, t, _ in docs)
    res = subprocess.run([exe, "--jsonl"], input=lines + "\n", capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"annotate failed: {res.stderr}")
    out = {}
    texts = {m["id"]: t for m, t, _ in docs}
    for line in res.stdout.splitlines():
        o = json.loads(line)
        cp = utf16_to_cp(texts[o["id"]])
        out[o["id"]] = [(cp[a["start"]], cp[a["end"]], a["label"]) for a in o["annotations"] if a["kind"] == "entity"]
    return [out[m["id"]] for m, _, _ in docs]


def spacy_spans(model, docs):
    import importlib

    nlp = importlib.import_module(model).load()
    preds = []
    for doc in nlp.pipe([t for _, t, _ in docs]):
        preds.append([(e.start_char, e.end_char, MAP[e.label_]) for e in doc.ents if MAP.get(e.label_)])
    return preds


def row(system, golds, preds):
    per_label = score(golds, preds, LABELS)
    plo = score(golds, preds, ["PER", "LOC", "ORG"])["micro"]
    cells = [f"{per_label[t][2]:.3f} ({per_label[t][3]})" for t in LABELS]
    return f"| {system} | " + " | ".join(cells) + f" | **{plo[2]:.3f}** | **{per_label['micro'][2]:.3f}** |"


def explain(ident, text, gold, pred):
    g, p = set(gold), set(pred)
    for s, e, label in sorted(g - p):
        print(f"  {ident} MISSED {label} {text[s:e]!r}")
    for s, e, label in sorted(p - g):
        print(f"  {ident} EXTRA  {label} {text[s:e]!r}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch")
    ap.add_argument("--part", choices=["dev", "test"])
    ap.add_argument("--exe", default=os.path.join(ROOT, "target", "release", "annotate"))
    ap.add_argument("--spacy", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    if args.verbose and args.part != "dev":
        sys.exit("--verbose is for --part dev only: the test part is scored, never read")
    manifest = [json.loads(l) for l in open(os.path.join(HERE, "manifest.jsonl"), encoding="utf-8") if l.strip()]
    docs = []
    for m in manifest:
        if args.batch and m["batch"] != args.batch or args.part and m["part"] != args.part:
            continue
        text = open(os.path.join(HERE, "texts", m["id"] + ".txt"), encoding="utf-8").read()
        gold = load_gold(m["id"], text)
        if gold is not None:
            docs.append((m, text, gold))
    if not docs:
        sys.exit("no article with entity gold matches")
    what = ", ".join(x for x in [f"batch {args.batch}" if args.batch else "", f"part {args.part}" if args.part else ""] if x)
    print(f"\nEntities on the real-news set ({what or 'all batches, all parts'}), strict span+type F1 (support):\n")
    print("| language, docs | system | " + " | ".join(LABELS) + " | PER/LOC/ORG micro F1 | all labels micro F1 |")
    print("|---|---|" + "---|" * (len(LABELS) + 2))
    for lang in ("fr", "en"):
        part = [d for d in docs if d[0]["lang"] == lang]
        if not part:
            continue
        golds = [g for _, _, g in part]
        preds = engine_spans(args.exe, part)
        print(row(f"{lang}, {len(part)} | article-annotator", golds, preds))
        if args.spacy:
            for model in MODELS[lang]:
                print(row(f"{lang}, {len(part)} | {model}", golds, spacy_spans(model, part)))
        if args.verbose:
            for (m, text, gold), pred in zip(part, preds):
                explain(m["id"], text, gold, pred)


if __name__ == "__main__":
    main()
