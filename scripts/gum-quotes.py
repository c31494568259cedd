#!/usr/bin/env python3
"""Derives quotation gold from GUM (English) for scripts/eval-quotes.sh.

Input: ../shared/data/gum-en/gum-{train,dev}.conllu.gz (UD_English-GUM, CC BY-NC-SA 4.0; the Wikinews texts
are CC BY 2.5). Output (stdout): one JSON object per news document, in the format examples/eval_quotes.rs reads:
  {"id", "lang": "en", "text", "quotes": [{"start", "end", "direct": true, "speaker_spans": [[s, e], ...] | null,
   "speaker_known": bool}], "ignore": [[s, e], ...]}
Offsets are byte offsets into "text".

Mapping (GUM → our task, guidelines §2):
- text: tokens joined with a space unless SpaceAfter=No (also between sentences); "\\n\\n" at each `# newpar`.
- candidates: the quotation-mark pairs (PTB tags `` and ''; each '' closes the latest open ``; outermost pairs
  only, nested ones belong to them). The span is the content between the marks.
- a pair is a gold direct quotation when it overlaps a TEI `<quote>` element (GUM: quoted speech or writing;
  GUM cuts these elements at sentence ends, so the marks, not the elements, give the span), or, outside any
  element, when an eRST attribution relation (Discourse=attribution-positive/negative) covers it: its
  quotation-mark signal (grf-qt-i,j) touches the marks, or its target EDU (the reported content) lies in the
  quotation. A pair over a `<q>` element only (GUM: quoted words in running text: scare quotes, terms, names,
  some short partial quotes) or with neither evidence is NOT scored either way ("ignore"), nor is a prediction
  next to a mark of no gold quotation (unpaired or mis-tagged marks).
- a quotation running over several paragraphs gives one gold span per paragraph, as the engine does.
- speaker: the attribution relation found as above; the gold speaker is its attribution-source signal
  (sem-atsrc token ranges: the whole source NP) plus every mention of the coreference entity (GUM Entity=
  brackets) whose mention starts there: the engine's speaker (a name, a pronoun or a noun phrase, per the
  guidelines) is right when it overlaps one of them ("Malaysia 's Prime Minister, Najib Razak said": the atsrc is
  "Malaysia 's Prime Minister", the engine's "Najib Razak" is a mention of the same entity). A relation
  without an atsrc signal, or no relation (continuations, quotes whose attribution GUM links through another
  EDU), gives speaker_known = false: the quote counts for span P/R/F1 only.
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
    mwt = None
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
                mwt = None
            elif line and not line.startswith("#"):
                cols = line.split("\t")
                if "-" in cols[0]:
                    # Multiword token ("student's" = student + 's): no space inside it; its
                    # SpaceAfter applies to its last word.
                    a, b = cols[0].split("-")
                    mwt = (int(a), int(b), "SpaceAfter=No" in cols[9])
                    continue
                if "." in cols[0]:
                    continue
                misc = cols[9]
                n = int(cols[0])
                if mwt and mwt[0] <= n <= mwt[1]:
                    joined = n < mwt[1] or mwt[2]
                    misc = misc.replace("SpaceAfter=No", "")
                    if joined:
                        misc += "|SpaceAfter=No"
                cur["toks"].append({"form": cols[1], "xpos": cols[4], "misc": misc,
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
    # Coreference mentions (CorefUD brackets in MISC Entity=): (entity id, first token, last token).
    mentions = []
    opened = []
    for i, t in enumerate(toks):
        m = re.search(r"Entity=([^|]*)", t["misc"])
        if not m:
            continue
        v = m.group(1)
        k = 0
        while k < len(v):
            if v[k] == "(":
                j = k + 1
                while j < len(v) and v[j].isdigit():
                    j += 1
                opened.append((v[k + 1:j], i))
                k = j
            elif v[k] == ")":
                j = k
                while j > 0 and v[j - 1].isdigit():
                    j -= 1
                ent = v[j:k] if j < k and (j == 0 or v[j - 1] in "()") else None
                for q in range(len(opened) - 1, -1, -1):
                    if ent is None or opened[q][0] == ent:
                        mentions.append((opened[q][0], opened[q][1], i))
                        del opened[q]
                        break
                k += 1
            else:
                k += 1
    by_entity = {}
    for ent, a, b in mentions:
        by_entity.setdefault(ent, []).append((a, b))

    def source_entity(atsrc):
        """The coreference entity of an attribution source: the longest mention starting at its first token."""
        if not atsrc:
            return None
        x0, y0 = atsrc[0][0] - 1, atsrc[-1][1] - 1
        best = None
        for ent, a, b in mentions:
            if a == x0 and b <= y0 and (best is None or b - a > best[1]):
                best = (ent, b - a)
        return best[0] if best else None

    # Quotation-mark pairs: PTB tags `` (open) and '' (close); each '' closes the latest open ``.
    pairs = []
    open_marks = []
    for i, t in enumerate(toks):
        if t["xpos"] == "``":
            open_marks.append(i)
        elif t["xpos"] == "''" and open_marks:
            pairs.append((open_marks.pop(), i))
    pairs.sort()
    outer = [p for p in pairs if not any(q[0] < p[0] and p[1] < q[1] for q in pairs)]
    def overlaps(a, b, c, d):
        return a <= d and c <= b
    quotes, ignore = [], []
    gold_marks = set()
    for a, b in outer:
        lo, hi = a + 1, b - 1
        if lo > hi:
            continue
        kinds = {name for name, x, y in elements if overlaps(a, b, x, y)}
        tok_ids = set(range(a + 1, b + 2))  # 1-based token numbers of the pair, marks included
        edus = {edu_of[k] for k in range(lo, hi + 1)}
        # Relations attributing this quotation; one whose source lies outside the quotation wins over an
        # attribution inside it ("I think ..." within the quoted words).
        def outside(r):
            return bool(r["atsrc"]) and all(not (a + 1 <= x and y <= b + 1) for x, y in r["atsrc"])
        cands = [r for r in rels if any(x in tok_ids for rr in r["qt"] for x in (rr[0], rr[1]))]
        cands += [r for r in rels if r["tgt"] in edus and r not in cands]
        rel = next((r for r in cands if outside(r)), cands[0] if cands else None)
        inside_only = rel is not None and rel["atsrc"] and not outside(rel)
        if "quote" in kinds or ("q" not in kinds and rel is not None):
            speech = True
        else:
            speech = False
        if not speech:
            ignore.append([starts[a], ends[b]])
            continue
        gold_marks.update((a, b))
        speaker = None
        if rel is not None and rel["atsrc"] and not inside_only:
            speaker = [[starts[x - 1], ends[y - 1]] for x, y in rel["atsrc"] if 0 < x <= len(toks) and 0 < y <= len(toks)]
            ent = source_entity(rel["atsrc"])
            if ent is not None:
                speaker += [[starts[a], ends[b]] for a, b in by_entity.get(ent, [])]
        known = bool(speaker)
        # One span per paragraph.
        seg_start = lo
        for k in range(lo, hi + 1):
            if k == hi or toks[k + 1]["par"]:
                x, y = seg_start, k
                while x <= y and toks[x]["xpos"] in QUOTE_TAGS:
                    x += 1
                while y >= x and toks[y]["xpos"] in QUOTE_TAGS:
                    y -= 1
                if x <= y:
                    quotes.append({"start": starts[x], "end": ends[y], "direct": True,
                                   "speaker_spans": speaker, "speaker_known": known})
                seg_start = k + 1
    # Marks of no gold quotation (unpaired, mis-tagged, or of an unscored pair): not scored.
    for i, t in enumerate(toks):
        if t["xpos"] in QUOTE_TAGS and i not in gold_marks:
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
