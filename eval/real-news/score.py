#!/usr/bin/env python3
"""Scores the engine on the real-news set: direct quotations, speakers and unverified claims.

    python3 eval/real-news/score.py [--batch B] [--part dev|test] [--verbose] [--exe PATH] [--save OUT.json]

Reads eval/real-news/manifest.jsonl, texts/<id>.txt and gold/<id>.json (articles without a gold file are
skipped), runs `annotate --jsonl` (target/release/annotate unless --exe; build it first with
`cargo build --release --bin annotate`) with each article's language, and prints, per language and overall:
- quotations: span P/R/F1, a predicted direct quotation matching a gold one when the spans are equal after
  trimming whitespace (the same rule as examples/eval_quotes.rs);
- speakers: accuracy over every gold quotation (right = the quotation was found and its speaker text equals the
  gold speaker, both null counting as equal), and the same for speaker_name; also over found quotations only;
- claims: P/R/F1, a predicted claim matching a gold one when their spans overlap by at least half of the shorter
  (one-to-one, best overlap first; the rule of examples/eval_claims), the share of matched claims with the
  gold reason, and the share of matched claims whose source text equals the gold source (both null counting as
  right).
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def utf16_to_cp(text):
    """Maps UTF-16 offsets to code-point offsets (the contract counts UTF-16 units; Python counts code points)."""
    table, u = {}, 0
    for i, ch in enumerate(text):
        table[u] = i
        u += 2 if ord(ch) > 0xFFFF else 1
    table[u] = len(text)
    return table


def locate(text, s, occurrence=1):
    at = -1
    for _ in range(max(1, occurrence or 1)):
        at = text.find(s, at + 1)
        if at < 0:
            return None
    return (at, at + len(s))


def trim(text, span):
    a, b = span
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b)


def overlap(x, y):
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


class Tally:
    def __init__(self):
        self.__dict__.update(docs=0, gq=0, pq=0, qhit=0, spk=0, spk_found=0, name=0, gc=0, pc=0, chit=0, reason=0, source=0)

    def add(self, o):
        for k, v in o.__dict__.items():
            setattr(self, k, getattr(self, k) + v)

    def row(self, label):
        # A ratio with nothing to count (no gold quotation, no prediction) prints as "—", not as a misleading 0.000.
        def ratio(n, d):
            return n / d if d else None

        def f1(h, g, p):
            pr, rc = ratio(h, p), ratio(h, g)
            return pr, rc, (2 * pr * rc / (pr + rc) if pr is not None and rc is not None and pr + rc else (None if pr is None or rc is None else 0.0))

        def fmt(x):
            return "—" if x is None else f"{x:.3f}"
        qp, qr, qf = map(fmt, f1(self.qhit, self.gq, self.pq))
        cp, cr, cf = map(fmt, f1(self.chit, self.gc, self.pc))
        acc = fmt(ratio(self.spk, self.gq))
        acc_found = fmt(ratio(self.spk_found, self.qhit))
        nacc = fmt(ratio(self.name, self.gq))
        rr = fmt(ratio(self.reason, self.chit))
        src = fmt(ratio(self.source, self.chit))
        return (f"| {label} | {self.docs} | {self.gq} | {qp} | {qr} | {qf} | {acc} ({self.spk}/{self.gq}) "
                f"| {acc_found} | {nacc} | {self.gc} | {cp} | {cr} | {cf} | {rr} ({self.reason}/{self.chit}) "
                f"| {src} ({self.source}/{self.chit}) |")


HEADER = ("| set | docs | gold quotes | quote P | quote R | quote F1 | speaker acc. (all gold) | speaker acc. (found) "
          "| speaker_name acc. | gold claims | claim P | claim R | claim F1 | right reason | claim source acc. |\n"
          "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")


def score_doc(text, gold, out, verbose, ident):
    t = Tally()
    t.docs = 1
    m = utf16_to_cp(text)
    preds = out["annotations"]
    pq = [a for a in preds if a["kind"] == "quote" and a.get("direct", True)]
    pc = [a for a in preds if a["kind"] == "claim"]
    t.pq, t.pc = len(pq), len(pc)
    pq_spans = {}
    for a in pq:
        pq_spans.setdefault(trim(text, (m[a["start"]], m[a["end"]])), a)
    log = []
    for q in gold.get("quotes", []):
        span = locate(text, q["text"], q.get("occurrence", 1))
        if span is None:
            sys.exit(f"{ident}: gold quote not in text: {q['text']!r}")
        t.gq += 1
        a = pq_spans.get(trim(text, span))
        if a is None:
            log.append(f"  MISSED quote {q['text'][:70]!r} (speaker {q.get('speaker')!r})")
            continue
        t.qhit += 1
        sp = a.get("speaker")
        got = sp["text"] if sp else None
        name = sp.get("speaker_name") if sp else None
        if got == q.get("speaker"):
            t.spk += 1
            t.spk_found += 1
        else:
            log.append(f"  SPEAKER {q['text'][:50]!r}: gold {q.get('speaker')!r}, engine {got!r}")
        if name == q.get("speaker_name"):
            t.name += 1
    gold_q = {trim(text, locate(text, q["text"], q.get("occurrence", 1))) for q in gold.get("quotes", [])}
    for span, a in pq_spans.items():
        if span not in gold_q:
            log.append(f"  EXTRA quote {text[span[0]:span[1]][:70]!r}")
    gc = []
    for c in gold.get("claims", []):
        span = locate(text, c["span"], c.get("occurrence", 1))
        if span is None:
            sys.exit(f"{ident}: gold claim span not in text: {c['span']!r}")
        gc.append((span, c))
    t.gc = len(gc)
    pspans = [((m[a["start"]], m[a["end"]]), a) for a in pc]
    pairs = []
    for gi, (gs, _) in enumerate(gc):
        for pi, (ps, _) in enumerate(pspans):
            ov = overlap(gs, ps)
            shorter = min(gs[1] - gs[0], ps[1] - ps[0])
            if shorter > 0 and ov * 2 >= shorter:
                pairs.append((ov, gi, pi))
    used_g, used_p = set(), set()
    for ov, gi, pi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        t.chit += 1
        if gc[gi][1]["reason"] == pspans[pi][1]["reason"]:
            t.reason += 1
        else:
            log.append(f"  REASON {gc[gi][1]['span'][:60]!r}: gold {gc[gi][1]['reason']}, engine {pspans[pi][1]['reason']}")
        # Source: the engine's source text equals the gold one (both null counting as right).
        ps = pspans[pi][1].get("source")
        got = ps["text"] if ps else None
        if got == gc[gi][1].get("source"):
            t.source += 1
        else:
            log.append(f"  SOURCE {gc[gi][1]['span'][:50]!r}: gold {gc[gi][1].get('source')!r}, engine {got!r}")
    for gi, (gs, c) in enumerate(gc):
        if gi not in used_g:
            log.append(f"  MISSED claim [{c['reason']}] {c['span'][:80]!r}")
    for pi, (ps, a) in enumerate(pspans):
        if pi not in used_p:
            log.append(f"  EXTRA claim [{a['reason']}] {text[ps[0]:ps[1]][:80]!r}")
    if verbose and log:
        print(f"{ident}:")
        print("\n".join(log))
    return t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--batch")
    ap.add_argument("--part", choices=["dev", "test"])
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--exe", default=os.path.join(ROOT, "target", "release", "annotate"))
    args = ap.parse_args()
    manifest = [json.loads(l) for l in open(os.path.join(HERE, "manifest.jsonl"), encoding="utf-8") if l.strip()]
    docs = []
    for m in manifest:
        if args.batch and m["batch"] != args.batch or args.part and m["part"] != args.part:
            continue
        gpath = os.path.join(HERE, "gold", m["id"] + ".json")
        if not os.path.exists(gpath):
            continue
        text = open(os.path.join(HERE, "texts", m["id"] + ".txt"), encoding="utf-8").read()
        docs.append((m, text, json.load(open(gpath, encoding="utf-8"))))
    if not docs:
        sys.exit("no annotated article matches")
    lines = "\n".join(json.dumps({"id": m["id"], "lang": m["lang"], "text": t}, ensure_ascii=False) for m, t, _ in docs)
    res = subprocess.run([args.exe, "--jsonl"], input=lines + "\n", capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"annotate failed: {res.stderr}")
    outs = {}
    for line in res.stdout.splitlines():
        o = json.loads(line)
        outs[o["id"]] = o
    by = {}
    for m, text, gold in docs:
        t = score_doc(text, gold, outs[m["id"]], args.verbose, m["id"])
        for key in (m["lang"], "all"):
            by.setdefault(key, Tally()).add(t)
    what = ", ".join(x for x in [f"batch {args.batch}" if args.batch else "", f"part {args.part}" if args.part else ""] if x)
    print(f"\nReal-news set ({what or 'all batches, all parts'}):\n")
    print(HEADER)
    for key in ("fr", "en", "all"):
        if key in by:
            print(by[key].row(key))


if __name__ == "__main__":
    main()
