#!/usr/bin/env python3
"""Derives quotation gold from GUM (English) for scripts/eval-quotes.sh.

Input: ../shared/data/gum-en/gum-{train,dev}.conllu.gz (UD_English-GUM, CC BY-NC-SA 4.0; the Wikinews texts
are CC BY 2.5). Output (stdout): one JSON object per news document, in the format examples/eval_quotes.rs reads:
  {"id", "lang": "en", "text", "quotes": [{"start", "end", "direct": true, "speaker_spans": [[s, e], ...] | null,
   "speaker_known": bool}], "ignore": [[s, e], ...]}
Offsets are byte offsets into "text".

Mapping (GUM → our task, guidelines §2):
- text: tokens joined with a space unless SpaceAfter=No (also between sentences); "\\n\\n" at each `# newpar`.
- gold direct quotations: GUM's TEI `<quote>` elements (quoted speech or writing). The span is the element's
  tokens minus the quotation-mark tokens at its edges (PTB tags `` and ''). A `<quote>` running over several
  paragraphs gives one gold span per paragraph, as the engine does.
- `<q>` elements (GUM: quoted words in running text, a mix of scare quotes, terms, names and short partial
  quotes) are NOT scored either way: their spans go to "ignore", as do quotation-mark pairs inside no element.
- speaker: the eRST attribution relations (Discourse=attribution-positive/negative). A relation attributes a
  quotation when its quotation-mark signal (grf-qt-i,j) touches the quotation's marks, or its target (nucleus)
  EDU overlaps the quotation. The gold speaker is the relation's attribution-source signal (sem-atsrc token
  ranges, the whole source NP; the engine's speaker is right when it overlaps it). A relation without an
  atsrc signal, or no relation at all (continuations, quotes whose attribution GUM links through another
  EDU), gives speaker_known = false: such quotes count for span P/R/F1 only.
"""
import glob
import gzip
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GUM = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "gum-en")
QUOTE_TAGS = ("``", "''")


def parse(path):
    docs = []
    cur = None
    newpar = False
    first_in_sent = False
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                cur = {"id": line.split("=", 1)[1].strip(), "toks": [], "genre": ""}
                docs.append(cur)
                newpar = False
            elif line.startswith("# meta::genre"):
                cur["genre"] = line.split("=", 1)[1].strip()
            elif line.startswith("# newpar"):
                newpar = True
            elif line.startswith("# sent_id"):
                first_in_sent = True
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                cur["toks"].append({"form": cols[1], "xpos": cols[4], "misc": cols[9],
                                    "par": newpar and first_in_sent, "sent": first_in_sent})
                newpar = False
                first_in_sent = False
    return docs


def ranges(spec):
    """'40' / '160-165,172-179' → [(160,165),(172,179)] (1-based token numbers, inclusive)."""
    out = []
    for part in spec.split(","):
        if not part:
            continue
        a, _, b = part.partition("-")
        if a.isdigit():
            out.append((int(a), int(b) if b.isdigit() else int(a)))
    return out


def convert(doc):
    toks = doc["toks"]
    # Text with byte offsets.
    pieces, starts, ends, paras = [], [], [], []
    pos = 0
    para = 0
    for i, t in enumerate(toks):
        if i > 0:
            if t["par"]:
                sep = "\n\n"
                para += 1
            elif t["sent"]:
                sep = " "
            elif "SpaceAfter=No" in toks[i - 1]["misc"]:
                sep = ""
            else:
                sep = " "
            pieces.append(sep)
            pos += len(sep.encode())
        starts.append(pos)
        pieces.append(t["form"])
        pos += len(t["form"].encode())
        ends.append(pos)
        paras.append(para)
    text = "".join(pieces)
    # EDUs: a token carrying Discourse= starts one.
    edu_of = []
    edu = 0
    rels = []
    for i, t in enumerate(toks):
        m = re.search(r"Discourse=([^|]*)", t["misc"])
        if m:
            for rel in m.group(1).split(";"):
                fields = rel.split(":")
                name = fields[0]
                ids = fields[1] if len(fields) > 1 else ""
                src, _, tgt = ids.partition("->")
                if src.isdigit():
                    edu = int(src)
                if name.startswith("attribution") and tgt.isdigit():
                    sig = ":".join(fields[3:]) if len(fields) > 3 else ""
                    atsrc = [r for s in re.findall(r"sem-atsrc-([0-9,\-]+)", sig) for r in ranges(s)]
                    qt = [r for s in re.findall(r"grf-qt-([0-9,\-]+)", sig) for r in ranges(s)]
                    rels.append({"src": int(src), "tgt": int(tgt), "atsrc": atsrc, "qt": qt})
        edu_of.append(edu)
    # Elements: <quote> and <q>.
    elements = []
    stack = []
    for i, t in enumerate(toks):
        xml = re.search(r"XML=([^|]*)", t["misc"])
        if not xml:
            continue
        for tag in re.findall(r"<(/?)(quote|q)\b", xml.group(1)):
            closing, name = tag
            if not closing:
                stack.append((name, i))
            else:
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == name:
                        elements.append((name, stack[k][1], i))
                        del stack[k:]
                        break
    in_element = set()
    quotes, ignore = [], []
    for name, a, b in sorted(elements, key=lambda e: e[1]):
        in_element.update(range(a, b + 1))
        lo, hi = a, b
        # Content between the first and last quotation marks of the element when it has them
        # (some elements run on over a translator's note: "…" ((it))).
        inner = [k for k in range(a, b + 1) if toks[k]["xpos"] in QUOTE_TAGS]
        if len(inner) >= 2:
            lo, hi = inner[0], inner[-1]
        while lo <= hi and toks[lo]["xpos"] in QUOTE_TAGS:
            lo += 1
        while hi >= lo and toks[hi]["xpos"] in QUOTE_TAGS:
            hi -= 1
        if lo > hi:
            continue
        if name == "q":
            ignore.append([starts[a], ends[b]])
            continue
        # Attribution.
        tok_ids = set(range(a + 1, b + 2))  # 1-based
        edus = {edu_of[k] for k in range(lo, hi + 1)}
        speaker, known = None, False
        for r in rels:
            qt_hit = any(x in tok_ids for rr in r["qt"] for x in (rr[0], rr[1]))
            if qt_hit or r["tgt"] in edus:
                if r["atsrc"]:
                    speaker = [[starts[s - 1], ends[e - 1]] for s, e in r["atsrc"] if 0 < s <= len(toks) and 0 < e <= len(toks)]
                    known = bool(speaker)
                break
        # One span per paragraph.
        seg_start = lo
        for k in range(lo, hi + 1):
            if k == hi or paras[k + 1] != paras[k] and toks[k + 1]["par"]:
                s, e = seg_start, k
                while s <= e and toks[s]["xpos"] in QUOTE_TAGS:
                    s += 1
                while e >= s and toks[e]["xpos"] in QUOTE_TAGS:
                    e -= 1
                if s <= e:
                    quotes.append({"start": starts[s], "end": ends[e], "direct": True,
                                   "speaker_spans": speaker, "speaker_known": known})
                seg_start = k + 1
    # Quotation marks outside any element: not scored.
    marks = [i for i, t in enumerate(toks) if t["xpos"] in QUOTE_TAGS and i not in in_element]
    for i in marks:
        ignore.append([starts[i], ends[i]])
    return {"id": doc["id"], "lang": "en", "text": text, "quotes": quotes, "ignore": ignore}


def main():
    n_docs = n_quotes = 0
    for path in sorted(glob.glob(os.path.join(GUM, "gum-*.conllu.gz"))):
        for doc in parse(path):
            if doc["genre"] != "news" and not doc["id"].startswith("GUM_news_"):
                continue
            out = convert(doc)
            n_docs += 1
            n_quotes += len(out["quotes"])
            print(json.dumps(out, ensure_ascii=False))
    print(f"gum-quotes: {n_docs} news documents, {n_quotes} gold quotations", file=sys.stderr)


if __name__ == "__main__":
    main()
