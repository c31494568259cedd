#!/usr/bin/env python3
"""Dumps the engine's output over every text the repository holds, to check that a change alters no output.

    scripts/snapshot.py OUT.jsonl            # builds `annotate` (release) and writes one output line per text
    scripts/snapshot.py OUT.jsonl --no-build # uses target/release/annotate as it is
    cmp before.jsonl after.jsonl             # byte for byte

Texts: every seed (seeds/**.txt), every document of eval/claims-news/*.toml and eval/quotes/**.jsonl, every case
text of tests/cases/*.toml, and, when ../shared/data is beside the repository, every GUM document (en) and the
first 200 WiNER-fr articles (fr) but those in the test part of eval/real-news (only ever scored). Each text is annotated with its own language when it has one, else with "auto".
"""
import glob
import gzip
import json
import os
import subprocess
import sys
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")


def texts():
    for path in sorted(glob.glob(os.path.join(ROOT, "seeds", "*", "*.txt"))):
        lang = os.path.basename(os.path.dirname(path))
        yield f"seed:{os.path.relpath(path, ROOT)}", lang, open(path, encoding="utf-8").read()
    for path in sorted(glob.glob(os.path.join(ROOT, "eval", "claims-news", "*.toml"))):
        data = tomllib.load(open(path, "rb"))
        for i, doc in enumerate(data.get("doc", [])):
            yield f"claims:{os.path.basename(path)}:{doc.get('id', i)}", doc.get("lang", "auto"), doc["text"]
    for path in sorted(glob.glob(os.path.join(ROOT, "eval", "quotes", "**", "*.jsonl"), recursive=True)):
        for n, line in enumerate(open(path, encoding="utf-8")):
            if line.strip():
                doc = json.loads(line)
                yield f"quotes:{os.path.relpath(path, ROOT)}:{doc.get('id', n)}", doc.get("lang", "auto"), doc["text"]
    for path in sorted(glob.glob(os.path.join(ROOT, "tests", "cases", "*.toml"))):
        data = tomllib.load(open(path, "rb"))
        for i, case in enumerate(data.get("case", [])):
            if isinstance(case.get("text"), str):
                yield f"case:{os.path.basename(path)}:{case.get('name', i)}", case.get("lang", "auto"), case["text"]
    gum = os.path.join(SHARED, "gum-en")
    for part in ("train", "dev"):
        path = os.path.join(gum, f"gum-{part}.conllu.gz")
        if not os.path.exists(path):
            continue
        doc, paras = None, []
        for line in gzip.open(path, "rt", encoding="utf-8"):
            if line.startswith("# newdoc id"):
                if doc:
                    yield f"gum:{doc}", "en", "\n\n".join(paras)
                doc, paras = line.split("=", 1)[1].strip(), []
            elif line.startswith("# text ="):
                paras.append(line.split("=", 1)[1].strip())
        if doc:
            yield f"gum:{doc}", "en", "\n\n".join(paras)
    winer = sorted(glob.glob(os.path.join(SHARED, "winer-fr", "*", "*", "*.txt")))[:200]
    # The real-news set's test part is only ever scored: its articles stay out of diffs people read.
    manifest = os.path.join(ROOT, "eval", "real-news", "manifest.jsonl")
    held_out = set()
    if os.path.exists(manifest):
        held_out = {json.loads(l)["id"] for l in open(manifest, encoding="utf-8") if l.strip() and json.loads(l)["part"] == "test"}
    for path in winer:
        if "fr-" + os.path.basename(path)[:-4] in held_out:
            continue
        yield f"winer:{os.path.basename(path)}", "fr", open(path, encoding="utf-8").read()


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    if "--no-build" not in sys.argv:
        subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "annotate"], cwd=ROOT, check=True)
    lines = []
    for ident, lang, text in texts():
        item = {"id": ident, "text": text}
        if lang in ("en", "fr"):
            item["lang"] = lang
        lines.append(json.dumps(item, ensure_ascii=False))
    exe = os.path.join(os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target")), "release", "annotate")
    res = subprocess.run([exe, "--jsonl"], input="\n".join(lines) + "\n", capture_output=True, text=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write(res.stdout)
    if res.returncode != 0:
        sys.stderr.write(res.stderr)
    print(f"{len(lines)} texts -> {out} (annotate exit {res.returncode})", file=sys.stderr)


if __name__ == "__main__":
    main()
