#!/usr/bin/env python3
"""The side-by-side table of scripts/bench.sh, from one run's outputs: criterion's
target/criterion/**/new/{benchmark,estimates}.json, spaCy's JSON lines
(eval/spacy_bench.py) and, if present, the browser timings (e2e/bench-wasm.mjs).

Throughputs are characters per second (Unicode scalar values, what spaCy counts and close
to what JavaScript's String.length counts): criterion's bytes/s times the input's
characters/bytes. Ratios: engine/spaCy and engine/floor (the bare one-pass byte scan on
the same input).

Usage: python3 eval/bench_report.py --criterion target/criterion --spacy S.jsonl [--wasm W.json] [--md OUT.md]
"""
import argparse
import glob
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def input_file(value):
    """The text file a benchmark's parameter names."""
    if value in ("corpus-1MB", "1MB"):
        return os.path.join(ROOT, "target/bench-corpus/news-fr-1mb.txt")
    if value == "10MB":
        return os.path.join(ROOT, "target/bench-corpus/news-fr-10mb.txt")
    p = os.path.join(ROOT, "seeds", value + ".txt")
    return p if os.path.exists(p) else None


_ratio_cache = {}


def chars_per_byte(value):
    path = input_file(value)
    if not path:
        return None
    if path not in _ratio_cache:
        with open(path, encoding="utf-8") as f:
            t = f.read()
        _ratio_cache[path] = len(t) / max(1, len(t.encode("utf-8")))
    return _ratio_cache[path]


def load_criterion(root):
    out = {}
    for bj in glob.glob(os.path.join(root, "**/new/benchmark.json"), recursive=True):
        with open(bj) as f:
            b = json.load(f)
        with open(os.path.join(os.path.dirname(bj), "estimates.json")) as f:
            e = json.load(f)
        ns = e["mean"]["point_estimate"]
        lo, hi = e["mean"]["confidence_interval"]["lower_bound"], e["mean"]["confidence_interval"]["upper_bound"]
        nbytes = (b.get("throughput") or {}).get("Bytes")
        key = (b["group_id"], b.get("function_id") or "", b.get("value_str") or "")
        out[key] = {"ns": ns, "lo": lo, "hi": hi, "bytes": nbytes}
    return out


def fmt_rate(x):
    if x is None:
        return "—"
    for unit, div in (("G", 1e9), ("M", 1e6), ("k", 1e3)):
        if x >= div:
            return f"{x / div:.2f} {unit}"
    return f"{x:.0f} "


def fmt_time(ns):
    if ns is None:
        return "—"
    for unit, div in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= div:
            return f"{ns / div:.3g} {unit}"
    return f"{ns:.3g} ns"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--criterion", default=os.path.join(ROOT, "target/criterion"))
    ap.add_argument("--spacy")
    ap.add_argument("--wasm")
    ap.add_argument("--md")
    args = ap.parse_args()

    crit = load_criterion(args.criterion)
    spacy = {}
    if args.spacy and os.path.exists(args.spacy):
        for line in open(args.spacy):
            if line.strip():
                d = json.loads(line)
                spacy[os.path.abspath(d["file"])] = d

    def cps(key):
        r = crit.get(key)
        if not r or not r["bytes"]:
            return None
        cpb = chars_per_byte(key[2]) or 1.0
        return r["bytes"] / (r["ns"] / 1e9) * cpb

    lines = []
    p = lines.append
    p("### Whole pipeline vs spaCy and the floor (characters per second)")
    p("")
    p("| input | size | engine `annotate` | time | spaCy sm | engine/spaCy | floor (byte scan) | engine/floor |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for (g, fn, v), r in sorted(crit.items()):
        if g == "annotate" and fn in ("seed", "corpus"):
            floor = cps(("annotate", "floor_bytes", v)) or cps(("stages", "floor_bytes", v))
            rows.append((v, r, cps((g, fn, v)), floor))
    for v, r, eng, floor in rows:
        f = input_file(v)
        sp = spacy.get(os.path.abspath(f)) if f else None
        spc = sp["chars_per_s"] if sp else None
        p(
            f"| {v} | {r['bytes']:,} B | {fmt_rate(eng)}c/s | {fmt_time(r['ns'])} | "
            f"{fmt_rate(spc) + 'c/s' if spc else '—'} | {f'{eng / spc:,.0f}×' if spc and eng else '—'} | "
            f"{fmt_rate(floor)}c/s | {f'1/{floor / eng:,.0f}' if floor and eng else '—'} |"
        )
    p("")
    one_mb = next((r for v, r, _, _ in rows if v == "1MB"), None)
    sp_one = spacy.get(os.path.abspath(input_file("1MB")))
    if one_mb and sp_one:
        ratio = cps(("annotate", "corpus", "1MB")) / sp_one["chars_per_s"]
        verdict = "meets" if ratio >= 500 else "MISSES"
        p(f"Engine / spaCy on the same 1 MB text: {ratio:,.0f}× (goal ≥ 500×: {verdict}).")
        p("")
    one, ten = crit.get(("annotate", "corpus", "1MB")), crit.get(("annotate", "corpus", "10MB"))
    if one and ten:
        size_ratio = ten["bytes"] / one["bytes"]
        t_ratio = ten["ns"] / one["ns"]
        verdict = "meets" if t_ratio <= 10.5 * size_ratio / 10 else "MISSES"
        p(
            f"Scaling: 10 MB / 1 MB input = {size_ratio:.2f}× the bytes, {t_ratio:.2f}× the time "
            f"(target ≤ 10.5× for 10×: {verdict})."
        )
        p("")

    p("### Stages (characters per second; each stage timed alone on the earlier stages' output)")
    p("")
    stage_inputs = sorted({v for (g, _, v) in crit if g == "stages"})
    fns = ["floor_bytes", "floor_chars", "tokenize", "sentences", "analysis", "entities", "quotes", "claims",
           "annotate", "to_contract_json", "annotate_json"]
    p("| stage | " + " | ".join(stage_inputs) + " |")
    p("|---|" + "---:|" * len(stage_inputs))
    for fn in fns:
        cells = []
        for v in stage_inputs:
            r = crit.get(("stages", fn, v))
            cells.append(f"{fmt_rate(cps(('stages', fn, v)))}c/s ({fmt_time(r['ns'])})" if r else "—")
        p(f"| {fn} | " + " | ".join(cells) + " |")
    p("")

    adv = {(fn, v): r for (g, fn, v), r in crit.items() if g == "adversarial"}
    if adv:
        p("### Adversarial inputs (`annotate`, French): time at 100 kB and 1 MB")
        p("")
        p("| case | 100 kB | 1 MB | time ratio (input ratio) | MB/s at 1 MB |")
        p("|---|---:|---:|---:|---:|")
        for name in sorted({fn for fn, _ in adv}):
            a, b = adv.get((name, "100kB")), adv.get((name, "1MB"))
            if not (a and b):
                continue
            p(
                f"| {name} | {fmt_time(a['ns'])} | {fmt_time(b['ns'])} | {b['ns'] / a['ns']:.2f}× "
                f"({b['bytes'] / a['bytes']:.2f}×) | {b['bytes'] / (b['ns'] / 1e9) / 1e6:.1f} |"
            )
        p("")

    load = crit.get(("load", "resources_fr_en_cold", ""))
    if load:
        p(f"Cold load (first `annotate` in a fresh process, both languages' resources): {fmt_time(load['ns'])}.")
        p("")
    if spacy:
        sp = next(iter(spacy.values()))
        p(f"spaCy {sp['spacy']} `{sp['model']}` ({', '.join(sp['components'])}), model load {sp['load_s']:.1f} s.")
        p("")

    if args.wasm and os.path.exists(args.wasm):
        w = json.load(open(args.wasm))
        p("### Browser (headless Chromium, wasm)")
        p("")
        big = w.get("big") or {}
        if one_mb and big.get("annotate_ms") and w.get("big_source", "").startswith("target/bench-corpus"):
            ratio = big["annotate_ms"] / (one_mb["ns"] / 1e6)
            verdict = "meets" if ratio <= 1.5 else "MISSES"
            p(
                f"Browser / native on the same 1 MB text: {big['annotate_ms']:.0f} ms / {one_mb['ns'] / 1e6:.0f} ms "
                f"= {ratio:.2f}× (goal ≤ 1.5×: {verdict})."
            )
            p("")
        p("```json")
        p(json.dumps(w, indent=1, ensure_ascii=False))
        p("```")
        p("")

    text = "\n".join(lines)
    print(text)
    if args.md:
        with open(args.md, "w") as f:
            f.write(text + "\n")


if __name__ == "__main__":
    sys.exit(main())
