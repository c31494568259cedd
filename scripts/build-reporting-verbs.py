#!/usr/bin/env python3
"""Rebuilds data/{fr,en}/reporting-verbs.txt (every inflected form of the
reporting verbs the quotation layer knows).

Sources:
  ../shared/data/ggt-quote-verbs/quote_verb_list.{fr,en}.txt
      Gender Gap Tracker / Radar de Parité reporting-verb lists,
      sfu-discourse-lab/GenderGapTracker @ 5501de31, MIT (c) 2018-2023 Maite Taboada.
  the EXTRA_* lemma lists below (this project, MIT OR Apache-2.0), conjugated
  by the rules of this script (regular French -er and -ir verbs, regular
  English verbs, plus the irregular forms listed here).

The GGT French list is already inflected; lemmas that are not reporting
verbs in news (vouloir, savoir, trouver, lire, ...) are removed by DROP_FR.

Usage: python3 scripts/build-reporting-verbs.py [GGT_DIR]   (default ../shared/data/ggt-quote-verbs)
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GGT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "ggt-quote-verbs")

# Forms of GGT French lemmas that are not reporting verbs in news text.
DROP_FR = re.compile(
    r"^(voul|voud|veu|vaut|val|sav|sai[st]$|trouv|entend|demeur|danc|lis|lit|lu|lus|lue|lues|lurent|luss|su|sut|sûmes"
    r"|lit-divan|savoirs|dires"
    # The future, conditional and subjunctive of "être" ("qu'il ne serait pas un « plan B »"): a copula, not a
    # reporting verb.
    r"|ser(a|ai|aient|ais|ait|as|ez|iez|ions|ons|ont)$|soi(s|t|ent)$)"
)

# French -er lemmas added by this project (regular conjugation).
EXTRA_FR_ER = """
alarmer asséner assener clamer continuer détailler étonner exclamer fustiger glisser indigner insurger jurer lâcher
marteler menacer nier plaisanter poster proclamer regretter renchérir signaler interroger questionner rassurer
répéter reprendre résumer ajouter tweeter twitter qualifier décrire
""".split()
# French -ir lemmas (second group).
EXTRA_FR_IR = "avertir enchérir renchérir réagir".split()
# Irregular French forms added by hand.
EXTRA_FR_FORMS = """
dément démentent démenti démentie démenties démentis démentit démentait démentaient démentant démentir démentira
démentirait reprend reprennent reprenait reprenaient reprit reprirent repris reprenant reprendra reprendrait reprendre
lâche-t-il
""".split()

EXTRA_EN = """
accuse acknowledge add admit advise agree allege announce answer argue ask assert assure boast brief caution charge
claim comment complain concede conclude confirm contend counter declare deny describe disclose dismiss emphasise
emphasize estimate explain express insist maintain mention note observe plead pledge point post predict proclaim
promise propose protest quip reaffirm recall recount reiterate remark reply report respond reveal say scoff speculate
state stress suggest testify tweet urge vow warn write believe reason continue read recommend
""".split()
# Irregular English forms: lemma -> extra forms.
EN_IRREGULAR = {
    "say": "said says saying",
    "tell": "tell tells told telling",
    "write": "wrote written writes writing",
    "think": "thought thinks thinking",
    "tweet": "tweeted",
    "speak": "",
    "read": "reads",
}
DROP_EN = {"present", "release", "demonstrate", "ensure", "persist", "convince", "point", "points",
           "pointed", "pointing", "presented", "presents", "presenting", "released", "releases", "releasing",
           "ensured", "ensures", "ensuring", "persisted", "persists", "persisting", "convinced", "convinces",
           "convincing", "demonstrated", "demonstrates", "demonstrating", "charge", "charges", "charging",
           "charged", "post", "posts", "state", "report", "note", "comment", "claim", "answer", "brief", "briefs",
           "counter", "counters", "estimate", "estimates", "protest", "protests", "pledge", "pledges", "promise",
           "promises", "vow", "vows", "stress", "quip", "quips", "remark", "remarks", "accept", "accepts",
           "accepted", "accepting", "continue", "continues", "continuing", "read", "reading", "reason",
           "reasons", "reasoning"}
# Base forms that are mostly nouns/other: only their inflected forms are kept
# (see DROP_EN); "says", "said", "added" etc. stay.


def fr_er(lemma):
    stem = lemma[:-2]
    soft = stem
    if stem.endswith("c"):
        soft = stem[:-1] + "ç"
    elif stem.endswith("g"):
        soft = stem + "e"
    # e/é + consonant(s) in the last syllable -> è in the strong forms.
    strong = stem
    m = re.match(r"^(.*)[eé]([^aeiouyéèêë]+)$", stem)
    if m and lemma not in ("interroger", "questionner"):
        strong = m.group(1) + "è" + m.group(2)
    forms = {lemma}
    for s in ("e", "es", "ent"):
        forms.add(strong + s)
    for s in ("ez", "iez", "é", "ée", "és", "ées"):
        forms.add(stem + s)
    for s in ("ons", "ait", "ais", "aient", "ant", "a", "ai", "as", "âmes", "ât"):
        forms.add(soft + s)
    forms.add(stem + "èrent")
    fut = (strong if strong != stem else stem) + "er"
    for s in ("a", "ai", "ait", "aient", "ont", "ons", "ez", "as", "ais", "ions", "iez"):
        forms.add(fut + s)
    return forms


def fr_ir(lemma):
    stem = lemma[:-2]
    forms = {lemma, stem + "i", stem + "ie", stem + "is", stem + "ies", stem + "it", stem + "issent", stem + "issait",
             stem + "issaient", stem + "issant", stem + "issons", stem + "issez", stem + "irent", stem + "ira",
             stem + "irait", stem + "iront", stem + "iraient"}
    return forms


def en_forms(lemma):
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif re.search(r"[^aeiou]y$", lemma):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif re.search(r"(s|sh|ch|x|z)$", lemma):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    elif lemma in ("admit", "quip", "scoff") and lemma != "scoff":
        forms |= {lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma in EN_IRREGULAR:
        forms = {lemma} | set(EN_IRREGULAR[lemma].split()) | ({lemma + "s"} if lemma != "say" else set())
        forms.discard("")
    return forms


def read(path):
    with open(path, encoding="utf-8") as f:
        return {line.strip() for line in f if line.strip() and not line.startswith("#")}


def write(lang, forms, header):
    forms = sorted({f for f in forms if f and " " not in f}, key=lambda s: s.encode("utf-8"))
    path = os.path.join(ROOT, "data", lang, "reporting-verbs.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        for form in forms:
            f.write(form + "\n")
    print(f"{path}: {len(forms)} forms")


def main():
    fr = {f for f in read(os.path.join(GGT, "quote_verb_list.fr.txt")) if not DROP_FR.match(f)}
    for lemma in EXTRA_FR_ER:
        fr |= fr_er(lemma)
    for lemma in EXTRA_FR_IR:
        fr |= fr_ir(lemma)
    fr |= set(EXTRA_FR_FORMS)
    fr = {f.replace("-t-il", "") for f in fr}
    header = (
        "# Reporting verbs, every inflected form (French). GENERATED: do not edit;\n"
        "# rebuild with `python3 scripts/build-reporting-verbs.py`.\n"
        "# Sources: Radar de Parite / Gender Gap Tracker quote_verb_list.txt (sfu-discourse-lab/GenderGapTracker\n"
        "# @ 5501de31, MIT, (c) 2018-2023 Maite Taboada), minus non-reporting lemmas, plus this project's lemmas\n"
        "# conjugated by the script's rules (MIT OR Apache-2.0).\n"
    )
    write("fr", fr, header)

    en = set()
    for w in read(os.path.join(GGT, "quote_verb_list.en.txt")):
        en.add(w)
    lemmas = set(EXTRA_EN) | {w for w in en if not re.search(r"(ed|ing|s)$", w) and w not in ("said", "told", "thought", "wrote", "retold")}
    for lemma in lemmas:
        en |= en_forms(lemma)
    en -= DROP_EN
    header = (
        "# Reporting verbs, every inflected form (English). GENERATED: do not edit;\n"
        "# rebuild with `python3 scripts/build-reporting-verbs.py`.\n"
        "# Sources: Gender Gap Tracker quote_verb_list.txt (sfu-discourse-lab/GenderGapTracker @ 5501de31,\n"
        "# MIT, (c) 2018-2023 Maite Taboada), plus this project's lemmas conjugated by the script's rules\n"
        "# (MIT OR Apache-2.0). Base forms that are mostly nouns (state, report, note, ...) are left out.\n"
    )
    write("en", en, header)


if __name__ == "__main__":
    main()
