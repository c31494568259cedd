#!/usr/bin/env python3
"""Speaker-attribution data: the open quotation corpora in one JSONL format, and an offline ranking baseline.

    python3 scripts/speaker-data.py build [--shared ../shared/data] [--out target/speaker-data]
    python3 scripts/speaker-data.py study [--data target/speaker-data] [--folds 5] [--ablate] [--dump FILE]

`build` writes one file per corpus, one line per document (the format is in eval/speaker-data/README.md):
    litbank-quotes-en.jsonl    English fiction, CC BY 4.0
    fr-litbank-citations.jsonl French fiction, CC BY-SA 2.0 FR
    real-news-dev.jsonl        the DEV part of eval/real-news only (the test part is never read)
Offsets are UTF-8 byte offsets into `text`. `study` (in speaker_study.py beside this file) generates candidate
mentions around each quote, trains a softmax ranking model and reports candidate recall and top-1 accuracy.
This is an offline study for the in-engine design; nothing here is shipped.
"""
import argparse
import json
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The real-news scorer's way of finding a gold string (its n-th occurrence), so both read the gold alike.
sys.path.insert(0, os.path.join(ROOT, "eval", "real-news"))
from score import locate  # noqa: E402

# ---------------------------------------------------------------- shared helpers


class Offsets:
    """Code-point offsets (Python) to UTF-8 byte offsets (the JSONL contract)."""

    def __init__(self, text):
        self.table = [0] * (len(text) + 1)
        b = 0
        for i, ch in enumerate(text):
            self.table[i] = b
            b += len(ch.encode("utf-8"))
        self.table[len(text)] = b

    def __call__(self, i):
        return self.table[i]

    def span(self, s):
        return None if s is None else [self.table[s[0]], self.table[s[1]]]


def word_occurrences(text, needle, case=True):
    """Every word-bounded occurrence of `needle` in `text` as (start, end) code-point spans."""
    if not needle:
        return []
    flags = 0 if case else re.IGNORECASE
    pat = r"(?<!\w)" + re.escape(needle) + r"(?!\w)"
    return [(m.start(), m.end()) for m in re.finditer(pat, text, flags)]


def inside(span, spans):
    return any(a <= span[0] and span[1] <= b for a, b in spans)


def nearest(cands, quote, allowed=None):
    """The candidate span nearest to the quote (outside it), optionally restricted to the `allowed` window."""
    best, best_d = None, None
    for c in cands:
        if quote[0] <= c[0] < quote[1]:
            continue
        if allowed and not (allowed[0] <= c[0] and c[1] <= allowed[1]):
            continue
        d = quote[0] - c[1] if c[1] <= quote[0] else c[0] - quote[1]
        if best_d is None or d < best_d:
            best, best_d = c, d
    return best


def strip_marks(text, s, e):
    """Trims quotation marks, dialogue dashes and whitespace from both ends of a quote span."""
    marks = "\"“”«»‘’'—–- \t\n\u00a0\u202f"
    while s < e and text[s] in marks:
        s += 1
    while e > s and text[e - 1] in marks:
        e -= 1
    return s, e


def make_doc(doc_id, lang, source, licence, text, quotes, null_speaker):
    """Builds one output line; `quotes` hold code-point spans, converted here to bytes."""
    off = Offsets(text)
    out = []
    for q in sorted(quotes, key=lambda q: q["start"]):
        row = {
            "start": off(q["start"]),
            "end": off(q["end"]),
            "speaker_spans": [off.span(s) for s in sorted(set(q["speaker_spans"]))],
            "speaker_text": q["speaker_text"],
            "attributing": off.span(q["attributing"]),
        }
        for extra in ("parts", "cue"):
            if q.get(extra) is not None:
                row[extra] = [off.span(p) for p in q[extra]] if extra == "parts" else off.span(q[extra])
        if q.get("speaker_name") is not None or "speaker_name" in q:
            row["speaker_name"] = q.get("speaker_name")
        out.append(row)
    return {"id": doc_id, "lang": lang, "source": source, "licence": licence, "null_speaker": null_speaker,
            "text": text, "quotes": out}


# ---------------------------------------------------------------- LitBank (English fiction, TSV)

LITBANK_LICENCE = "CC BY 4.0 (LitBank, Sims & Bamman 2020); texts public domain"
# Words of an entity id that are titles, not name parts: "Mrs__Hall" must not match every "Mrs".
TITLES_EN = {"mr", "mrs", "miss", "ms", "dr", "sir", "lady", "lord", "captain", "uncle", "aunt", "madame",
             "monsieur", "mme", "m", "mlle", "doctor", "father", "mother", "old", "young", "little", "the", "a",
             "an", "my", "his", "her", "our", "their", "professor", "colonel", "major", "general", "rev", "st",
             "saint", "king", "queen", "prince", "princess", "duke", "duchess", "count", "countess", "master",
             "mistress", "i", "you", "we", "they", "narrator", "rn", "of", "and", "s"}


def litbank_entity_words(entity):
    """'Mr__Sherlock_Holmes-0' -> ['Mr', 'Sherlock', 'Holmes'] (the id is the entity's first mention)."""
    base = re.sub(r"-\d+$", "", entity)
    return re.findall(r"[A-Za-z0-9]+", base)


def litbank_speaker_spans(text, tokens, words):
    """Mentions of a LitBank speaker found by string: the id's full word sequence, and each name word."""
    norm = [re.sub(r"[^a-z0-9]", "", text[a:b].lower()) for a, b in tokens]
    seq = [w.lower() for w in words]
    spans = []
    # full sequence, skipping punctuation tokens in the text ("Mrs . Hall")
    for i in range(len(tokens)):
        j, k = i, 0
        while j < len(tokens) and k < len(seq):
            if norm[j] == "":
                if k == 0:
                    break
                j += 1
                continue
            if norm[j] != seq[k]:
                break
            j, k = j + 1, k + 1
        if k == len(seq) and k > 0:
            spans.append((tokens[i][0], tokens[j - 1][1]))
    # single name words: capitalised in the id, not a title, matched capitalised in the text
    names = [w for w in words if w[0].isupper() and w.lower() not in TITLES_EN and len(w) > 1]
    for w in names:
        for t, (a, b) in enumerate(tokens):
            tok = text[a:b]
            if tok[0].isupper() and tok.lower() == w.lower():
                if not inside((a, b), spans):
                    spans.append((a, b))
    return spans


def read_litbank(path):
    docs = []
    for name in sorted(os.listdir(path)):
        if not name.endswith(".ann"):
            continue
        rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(path, name), encoding="utf-8") if l.strip()]
        if not rows:
            continue  # 14 of the 100 files hold no quotation
        text = open(os.path.join(path, name[:-4] + ".txt"), encoding="utf-8").read()
        # sentence = line, token = space-separated word
        lines, pos = [], 0
        for line in text.split("\n"):
            toks = [(pos + m.start(), pos + m.end()) for m in re.finditer(r"\S+", line)]
            lines.append((pos, pos + len(line), toks))
            pos += len(line) + 1
        all_tokens = [t for _, _, toks in lines for t in toks]
        quotes, attrib = {}, {}
        for r in rows:
            if r[0] == "QUOTE":
                qid, s_sent, s_tok, e_sent, e_tok = r[1], int(r[2]), int(r[3]), int(r[4]), int(r[5])
                s = lines[s_sent][2][s_tok][0]
                e = lines[e_sent][2][e_tok][1]
                assert text[s:e].split() == r[6].split(), (name, qid)
                quotes[qid] = (s, e, s_sent, e_sent)
            elif r[0] == "ATTRIB":
                attrib[r[1]] = r[2]
        qspans = [strip_marks(text, s, e) for s, e, _, _ in quotes.values()]
        out = []
        for qid, (s, e, s_sent, e_sent) in quotes.items():
            s, e = strip_marks(text, s, e)
            entity = attrib.get(qid)
            spans, attributing, speaker_text = [], None, None
            if entity:
                words = litbank_entity_words(entity)
                speaker_text = " ".join(words)
                spans = litbank_speaker_spans(text, all_tokens, words)
                # the attributing mention: nearest found mention outside every quote, in the quote's
                # sentences or the one before/after (no coreference layer: pronoun speakers stay unfound)
                lo = lines[max(0, s_sent - 1)][0]
                hi = lines[min(len(lines) - 1, e_sent + 1)][1]
                outside = [sp for sp in spans if not inside(sp, qspans)]
                attributing = nearest(outside, (s, e), (lo, hi))
            out.append({"start": s, "end": e, "speaker_spans": spans, "speaker_text": speaker_text,
                        "attributing": attributing, "entity": entity})
        doc = make_doc("litbank/" + name[:-4].replace("_brat", ""), "en", "litbank-quotes-en", LITBANK_LICENCE,
                       text, out, "unknown")
        for q, src in zip(doc["quotes"], sorted(out, key=lambda q: q["start"])):
            q["entity"] = src["entity"]
        docs.append(doc)
    return docs


# ---------------------------------------------------------------- fr-LitBank citations (French fiction, brat)

FRLITBANK_LICENCE = "CC BY-SA 2.0 FR (fr-litbank, LATTICE); texts public domain"


def read_brat(path):
    spans, rels = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if parts[0].startswith("T"):
            kind, *rest = parts[1].split(" ", 1)
            pieces = [tuple(int(x) for x in p.split()) for p in rest[0].split(";")]
            spans[parts[0]] = (kind, pieces)
        elif parts[0].startswith("R"):
            kind, a1, a2 = parts[1].split()
            rels.append((kind, a1.split(":")[1], a2.split(":")[1]))
    return spans, rels


def read_frlitbank(path):
    docs = []
    for name in sorted(os.listdir(path)):
        if not name.endswith(".ann"):
            continue
        text = open(os.path.join(path, name[:-4] + ".txt"), encoding="utf-8").read()
        spans, rels = read_brat(os.path.join(path, name))
        source = {a2: a1 for kind, a1, a2 in rels if kind == "Source"}
        intro = {a2: a1 for kind, a1, a2 in rels if kind == "Introduction"}
        out = []
        for tid, (kind, pieces) in spans.items():
            if kind != "Citation":
                continue
            parts = [strip_marks(text, a, b) for a, b in pieces]
            parts = [p for p in parts if p[0] < p[1]]
            if not parts:
                continue
            q = {"start": parts[0][0], "end": parts[-1][1], "parts": parts if len(parts) > 1 else None,
                 "speaker_spans": [], "speaker_text": None, "attributing": None, "cue": None}
            if tid in source and spans.get(source[tid], ("", []))[0] == "Entite":
                a, b = spans[source[tid]][1][0]
                q["attributing"] = (a, b)
                q["speaker_text"] = text[a:b]
                q["speaker_spans"] = [(a, b)]
                if text[a].isupper():  # a name: its other occurrences are mentions of the same speaker
                    q["speaker_spans"] += word_occurrences(text, text[a:b])
            if tid in intro and spans.get(intro[tid], ("", []))[0] == "Introducteur":
                q["cue"] = spans[intro[tid]][1][0]
            out.append(q)
        docs.append(make_doc("fr-litbank/" + name[:-4], "fr", "fr-litbank-citations", FRLITBANK_LICENCE, text,
                             out, "no_explicit_source"))
    return docs


# ---------------------------------------------------------------- real-news DEV part

def paragraph_of(text, i):
    a = text.rfind("\n", 0, i) + 1
    b = text.find("\n", i)
    return (a, len(text) if b < 0 else b)


def sentence_of(text, span):
    """The sentence(s) holding a span: from the last sentence end before it to the first after it."""
    para = paragraph_of(text, span[0])
    ends = [m.end() for m in re.finditer(r"[.!?…]+[\s»”\"]*(?=\s+[A-ZÀ-Ý«“\"])", text[para[0]:para[1]])]
    a = max([para[0]] + [para[0] + x for x in ends if para[0] + x <= span[0]])
    b = min([para[1]] + [para[0] + x for x in ends if para[0] + x >= span[1]])
    return (a, b)


def read_real_news(root):
    base = os.path.join(root, "eval", "real-news")
    docs = []
    for line in open(os.path.join(base, "manifest.jsonl"), encoding="utf-8"):
        m = json.loads(line)
        if m["part"] != "dev":  # the test part is only ever scored: never read here
            continue
        gold_path = os.path.join(base, "gold", m["id"] + ".json")
        if not os.path.exists(gold_path):
            continue
        gold = json.load(open(gold_path, encoding="utf-8"))
        text = open(os.path.join(base, "texts", m["id"] + ".txt"), encoding="utf-8").read()
        qspans = []
        for q in gold.get("quotes", []):
            sp = locate(text, q["text"], q.get("occurrence", 1))
            if sp is None:
                sys.exit(f"{m['id']}: quote not found: {q['text']!r}")
            qspans.append(sp)
        out = []
        for q, sp in zip(gold.get("quotes", []), qspans):
            row = {"start": sp[0], "end": sp[1], "speaker_spans": [], "speaker_text": q["speaker"],
                   "attributing": None, "speaker_name": q.get("speaker_name")}
            if q["speaker"]:
                occ = [o for o in word_occurrences(text, q["speaker"]) if not inside(o, qspans)]
                if not occ:
                    occ = [o for o in [locate(text, q["speaker"])] if o]
                # nearest occurrence in the quote's sentence, else its paragraph, else anywhere
                row["attributing"] = (nearest(occ, sp, sentence_of(text, sp))
                                      or nearest(occ, sp, paragraph_of(text, sp[0])) or nearest(occ, sp))
                mentions = set(word_occurrences(text, q["speaker"]))
                if q.get("speaker_name"):
                    mentions |= set(word_occurrences(text, q["speaker_name"]))
                mentions.add(row["attributing"])
                row["speaker_spans"] = sorted(mentions)
            out.append(row)
        docs.append(make_doc("real-news/" + m["id"], m["lang"], "real-news-dev", m["licence"] +
                             "; annotations MIT OR Apache-2.0", text, out, "none"))
    return docs


# ---------------------------------------------------------------- commands

def build(args):
    os.makedirs(args.out, exist_ok=True)
    corpora = [
        ("litbank-quotes-en", lambda: read_litbank(os.path.join(args.shared, "litbank-quotes-en", "tsv"))),
        ("fr-litbank-citations", lambda: read_frlitbank(os.path.join(args.shared, "fr-litbank-citations", "brat"))),
        ("real-news-dev", lambda: read_real_news(ROOT)),
    ]
    print("| corpus | lang | docs | quotes | with speaker | attributing mention located | speaker spans |")
    print("|---|---|---|---|---|---|---|")
    for name, reader in corpora:
        docs = reader()
        with open(os.path.join(args.out, name + ".jsonl"), "w", encoding="utf-8") as f:
            for d in docs:
                check(d)
                f.write(json.dumps(d, ensure_ascii=False) + "\n")
        counts = defaultdict(lambda: [0, 0, 0, 0, 0])
        for d in docs:
            c = counts[d["lang"]]
            c[0] += 1
            for q in d["quotes"]:
                c[1] += 1
                c[2] += q["speaker_text"] is not None
                c[3] += q["attributing"] is not None
                c[4] += len(q["speaker_spans"])
        for lang, c in sorted(counts.items()):
            print(f"| {name} | {lang} | {c[0]} | {c[1]} | {c[2]} | {c[3]} | {c[4]} |")


def check(doc):
    """Every offset is a character boundary inside the text, and the attributing mention is a speaker span."""
    raw = doc["text"].encode("utf-8")
    for q in doc["quotes"]:
        spans = [(q["start"], q["end"])] + [tuple(s) for s in q["speaker_spans"]]
        spans += [tuple(q["attributing"])] if q["attributing"] else []
        for a, b in spans:
            assert 0 <= a < b <= len(raw), (doc["id"], a, b)
            raw[a:b].decode("utf-8")
        assert q["attributing"] is None or q["attributing"] in q["speaker_spans"], doc["id"]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build")
    b.add_argument("--shared", default=os.path.join(ROOT, "..", "shared", "data"))
    b.add_argument("--out", default=os.path.join(ROOT, "target", "speaker-data"))
    s = sub.add_parser("study")
    s.add_argument("--data", default=os.path.join(ROOT, "target", "speaker-data"))
    s.add_argument("--folds", type=int, default=5)
    s.add_argument("--epochs", type=int, default=8)
    s.add_argument("--lr", type=float, default=0.1, help="initial learning rate (divided by 1 + epoch)")
    s.add_argument("--ablate", action="store_true", help="retrain without each feature group")
    s.add_argument("--quick", action="store_true", help="only the three training mixes, no variants")
    s.add_argument("--dump", help="write each news quote's candidates and prediction to this JSONL file")
    args = ap.parse_args()
    if args.cmd == "build":
        build(args)
    else:
        sys.path.insert(0, HERE)
        import speaker_study
        speaker_study.study(args)


if __name__ == "__main__":
    main()
