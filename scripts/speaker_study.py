"""Offline speaker-attribution study (run through `python3 scripts/speaker-data.py study`).

For each quote: candidate mentions in a window (the quote's sentence(s), the sentence before and after, the
paragraph), simple features per (quote, candidate), a NULL option ("no speaker in the sentence", the news
guideline), and a softmax ranking model (conditional logit, SGD, standard library only). Evaluated on the real-news
DEV part by document folds, trained on news folds alone, on news + the two literary corpora, or on literature alone.
Not shipped: it tells the in-engine design which candidates and features to build.
"""
import json
import math
import os
import random
import re
import zlib
from collections import Counter, defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared", "data")

# ---------------------------------------------------------------- lexicons (small named tables)

DETERMINERS = {
    "fr": {"le", "la", "les", "l'", "l’", "un", "une", "des", "du", "son", "sa", "ses", "leur", "leurs", "ce", "cet",
           "cette", "ces", "plusieurs", "certains", "certaines", "quelques", "notre", "nos", "votre", "vos", "mon",
           "ma", "mes", "aucun", "chaque", "deux", "trois"},
    "en": {"the", "a", "an", "his", "her", "their", "its", "this", "that", "these", "those", "some", "several",
           "many", "my", "our", "your", "one", "two", "three", "each", "another", "other"},
}
PRONOUNS = {
    "fr": {"il", "elle", "ils", "elles", "on", "je", "j'", "j’", "nous", "vous", "lui", "beaucoup", "certains",
           "d'autres", "celui-ci", "celle-ci", "tous"},
    "en": {"he", "she", "they", "it", "i", "we", "you", "many", "some", "others", "both"},
}
# words between a name's parts ("Mme de Darnetot", "Bank of England", "Ibn al-Hassan")
NAME_CONNECTORS = {"de", "du", "des", "d'", "d’", "la", "le", "von", "van", "der", "of", "al", "bin", "ben", "el",
                   "y", "-", "&", "for", "and"}
PREPOSITIONS = {"fr": {"de", "du", "des", "d'", "d’", "à", "au", "aux", "en", "sur", "avec", "dans", "contre", "chez"},
                "en": {"of", "to", "in", "on", "at", "with", "from", "against", "about", "into"}}
AGENT_PREPS = {"fr": {"par"}, "en": {"by"}}
SELON = {"fr": [("selon",), ("d'", "après"), ("d’", "après")], "en": [("according", "to")]}
POUR = {"fr": {"pour"}, "en": {"for"}}
PRENOMINAL = {"nouveau", "nouvelle", "ancien", "ancienne", "jeune", "vieux", "vieille", "grand", "grande", "petit",
              "petite", "premier", "première", "bon", "bonne", "autre", "autres", "même", "former", "new", "old",
              "young", "little", "great", "first", "other", "same", "good", "poor", "dear"}
TOKEN_RE = re.compile(r"(?<!\w)(?i:jusqu|lorsqu|puisqu|qu|[ldjmnstc])['’](?=\w)|\w+|[^\w\s]")


def read_list(path):
    if not os.path.exists(path):
        return set()
    return {l.strip() for l in open(path, encoding="utf-8") if l.strip() and not l.startswith("#")}


def lexicons():
    lex = {}
    for lang in ("fr", "en"):
        verbs = read_list(os.path.join(ROOT, "data", lang, "reporting-verbs.txt"))
        verbs |= read_list(os.path.join(SHARED, "ggt-quote-verbs", f"quote_verb_list.{lang}.txt"))
        lex[lang] = {
            "verbs": {v.lower() for v in verbs if " " not in v},
            "stop": {w.lower() for w in read_list(os.path.join(ROOT, "data", lang, "stopwords.txt"))},
            "titles": {t.rstrip(".").lower() for t in read_list(os.path.join(ROOT, "data", lang, "titles.txt"))},
            "roles": {w.lower() for w in read_list(os.path.join(ROOT, "data", lang, "speaker-roles.txt"))},
        }
    return lex


# ---------------------------------------------------------------- documents: bytes -> characters, tokens, sentences

class Doc:
    def __init__(self, raw, titles=frozenset()):
        self.titles = titles
        self.id, self.lang, self.source = raw["id"], raw["lang"], raw["source"]
        self.null_speaker = raw["null_speaker"]
        text = self.text = raw["text"]
        b2c, b = {}, 0
        for i, ch in enumerate(text):
            b2c[b] = i
            b += len(ch.encode("utf-8"))
        b2c[b] = len(text)
        span = lambda s: None if s is None else (b2c[s[0]], b2c[s[1]])  # noqa: E731
        self.quotes = []
        for q in raw["quotes"]:
            parts = [span(p) for p in q.get("parts", [])] or [(b2c[q["start"]], b2c[q["end"]])]
            self.quotes.append({"span": (b2c[q["start"]], b2c[q["end"]]), "parts": parts,
                                "attributing": span(q["attributing"]), "speaker_text": q["speaker_text"],
                                "speaker_spans": [span(s) for s in q["speaker_spans"]]})
        self.masks = sorted(p for q in self.quotes for p in q["parts"])
        self.tokens = [(m.start(), m.end()) for m in TOKEN_RE.finditer(text)]
        self.tok_text = [text[a:b] for a, b in self.tokens]
        self.in_quote = [self.masked(a) for a, _ in self.tokens]
        self._sentences()

    def masked(self, i):
        return any(a <= i < b for a, b in self.masks)

    def _sentences(self):
        """Sentence and paragraph index of every token; paragraphs split on blank lines (LitBank: on lines)."""
        text = self.text
        para_sep = r"\n\s*\n" if "\n\n" in text else r"\n"
        para_bounds = [0] + [m.end() for m in re.finditer(para_sep, text)]
        sent_bounds = set(para_bounds) | {m.end() for m in re.finditer(r"\n", text)}
        for m in re.finditer(r"[.!?…]+[\s»”\"]*?(?=\s+[A-ZÀ-Ý«“\"—–])", text):
            word = re.search(r"(\w+)\W*$", text[max(0, m.start() - 12):m.start() + 1])
            abbreviation = word and (word.group(1).lower() in self.titles or
                                     (len(word.group(1)) == 1 and word.group(1).isupper()))
            if not self.masked(m.start()) and not abbreviation:  # "Mr. Bennet", "George W. Bush"
                sent_bounds.add(m.end())
        sent_bounds = sorted(sent_bounds)
        self.tok_sent, self.tok_para = [], []
        si = pi = 0
        for a, _ in self.tokens:
            while si + 1 < len(sent_bounds) and sent_bounds[si + 1] <= a:
                si += 1
            while pi + 1 < len(para_bounds) and para_bounds[pi + 1] <= a:
                pi += 1
            self.tok_sent.append(si)
            self.tok_para.append(pi)
        ranks = {s: r for r, s in enumerate(sorted(set(self.tok_sent)))}  # empty lines hold no sentence
        self.tok_sent = [ranks[s] for s in self.tok_sent]
        self.first_sent_of_para = {}
        for s, p in zip(self.tok_sent, self.tok_para):
            self.first_sent_of_para.setdefault(p, s)

    def tok_at(self, i):
        """Index of the first token starting at or after character i."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid][0] < i:
                lo = mid + 1
            else:
                hi = mid
        return lo


# ---------------------------------------------------------------- candidate generator

def is_cap(tok):
    return tok[:1].isupper() and tok[:1].isalpha()


def candidates(doc, q, lex, heads):
    """Mentions (name runs, pronouns, determiner + head noun phrases) in the quote's window, outside quotes."""
    L, toks, n = lex[doc.lang], doc.tok_text, len(doc.tokens)
    qa, qb = q["span"]
    t0 = doc.tok_at(qa)
    t1 = max(t0, doc.tok_at(qb) - 1)
    t0c, t1c = min(t0, n - 1), min(t1, n - 1)
    s_lo, s_hi = doc.tok_sent[t0c] - 1, doc.tok_sent[t1c] + 1
    paras = {doc.tok_para[t0c], doc.tok_para[t1c]}
    window = [i for i in range(max(0, t0 - 150), min(n, t1 + 150))
              if not doc.in_quote[i] and (s_lo <= doc.tok_sent[i] <= s_hi or doc.tok_para[i] in paras)]
    inwin = set(window)
    lower_seen = {t for t in toks if t.islower()}
    out = {}

    def add(i, j, kind, shape):  # tokens i..j inclusive; shape says which variant of the mention this is
        span = (doc.tokens[i][0], doc.tokens[j][1])
        if span not in out:
            out[span] = {"span": span, "ti": i, "tj": j, "kind": kind, "shape": shape,
                         "text": doc.text[span[0]:span[1]]}

    stop_np = set(PRONOUNS[doc.lang]) | L["verbs"]
    in_run = set()
    for k in window:
        low = toks[k].lower()
        # pronouns (English "I" only capitalised)
        if low in PRONOUNS[doc.lang] and not (doc.lang == "en" and low == "i" and toks[k] != "I"):
            add(k, k, "pronoun", "pronoun")
        # name runs start where the previous token does not continue a run
        if is_cap(toks[k]) and k not in in_run:
            j = k
            while j + 1 < n and j + 1 in inwin:
                nxt = toks[j + 1]
                if is_cap(nxt) or (nxt == "." and len(toks[j]) <= 3 and is_cap(toks[j])):
                    j += 1
                elif nxt == "-" and j + 2 < n and j + 2 in inwin and toks[j + 2][:1].isalpha():
                    j += 2  # "Jung-mi", "Saint-Martin"
                elif nxt.lower() in NAME_CONNECTORS and j + 2 < n and j + 2 in inwin and is_cap(toks[j + 2]):
                    j += 2
                else:
                    break
            in_run.update(range(k, j + 1))
            a = k
            while a <= j and (toks[a].lower() in L["stop"] or toks[a] == "."):
                a += 1
            sentence_initial = k == 0 or doc.tok_sent[k - 1] != doc.tok_sent[k] or toks[k - 1] in "«“\"—–:"
            single_common = a == j and sentence_initial and toks[a].lower() in lower_seen
            if a <= j and not single_common and toks[a].lower() not in PRONOUNS[doc.lang]:
                add(a, j, "name", "full_run")
                b = a
                while b < j and (toks[b].lower() in L["titles"] or toks[b] == "."):
                    b += 1
                if b != a and b <= j:
                    add(b, j, "name", "title_stripped")
                # suffixes: "Catalogne Carles Puigdemont" -> "Carles Puigdemont", "Deputy Jamil Murad" -> ...
                for c in range(a + 1, j + 1):
                    if is_cap(toks[c]) and toks[c - 1] != "-" and toks[c].lower() not in L["stop"]:
                        add(c, j, "name", "suffix")
        # determiner (or "Name's") + up to 3 modifiers + a learned head noun + up to 4 more words
        # ("une source proche de l'enquête", "le capitaine montpelliérain"), stopping at punctuation, verbs, names
        det = low in DETERMINERS[doc.lang] or (doc.lang == "en" and low == "s" and k >= 1 and toks[k - 1] in "'’")
        if det:
            for h in range(k + 1, min(n, k + 5)):
                if h not in inwin or not re.match(r"\w", toks[h]) or is_cap(toks[h]):
                    break
                if toks[h].lower() in heads[doc.lang]:
                    start = k - 2 if low == "s" and k >= 2 and is_cap(toks[k - 2]) else k
                    add(start, h, "np", "det_head")
                    for e in range(h + 1, min(n, h + 5)):
                        if e not in inwin or not re.match(r"\w", toks[e]) or is_cap(toks[e]) \
                                or toks[e].lower() in stop_np:
                            break
                        if toks[e].lower() not in PREPOSITIONS[doc.lang] and toks[e].lower() not in DETERMINERS[doc.lang]:
                            add(start, e, "np", "head_plus_1" if e == h + 1 else "head_plus_more")
                    break
    return list(out.values())


def head_of(text, lang):
    """Head word of a speaker noun phrase without a name: French the first noun after the determiner, English the
    last word before a preposition."""
    toks = [t.lower() for t in TOKEN_RE.findall(text)]
    if not toks or toks[0] not in DETERMINERS[lang] or any(is_cap(t) for t in TOKEN_RE.findall(text)[1:]):
        return None
    body = []
    for t in toks[1:]:
        if t in PREPOSITIONS[lang] or not re.match(r"\w", t):
            break
        body.append(t)
    body = [t for t in body if t not in PRENOMINAL] or body
    if not body or len(body) > 4:
        return None  # LitBank ids can be whole clauses ("a young man who came out of ...")
    h = body[0] if lang == "fr" else body[-1]
    if len(h) < 3 or not h.isalpha() or h in DETERMINERS[lang] or h in PRONOUNS[lang]:
        return None
    return h


def head_counts(docs):
    """Per document: heads of gold speaker noun phrases (so folds can leave a document's heads out)."""
    per_doc = {}
    for d in docs:
        c = Counter()
        for q in d.quotes:
            if q["speaker_text"]:
                h = head_of(q["speaker_text"], d.lang)
                if h:
                    c[(d.lang, h)] += 1
        per_doc[d.id] = c
    return per_doc


def heads_from(per_doc, train_ids, min_count, extra=None):
    total = Counter()
    for i in train_ids:
        total.update(per_doc[i])
    heads = {"fr": set(), "en": set()}
    for (lang, h), c in total.items():
        if c >= min_count:
            heads[lang].add(h)
    for lang in extra or {}:
        heads[lang] |= extra[lang]
    return heads


# ---------------------------------------------------------------- features

def bucket(x, edges=(1, 3, 6, 10, 20)):
    for e in edges:
        if x <= e:
            return f"<={e}"
    return f">{edges[-1]}"


def has_verb(doc, lo, hi, verbs):
    """A reporting verb among tokens lo..hi-1 (outside quotes)."""
    return any(not doc.in_quote[t] and doc.tok_text[t].lower() in verbs for t in range(max(0, lo), min(len(doc.tokens), hi)))


def stops_at_punct(doc, lo, hi):
    return any(doc.tok_text[t] in ".;!?" or doc.in_quote[t] for t in range(max(0, lo), min(len(doc.tokens), hi)))


def features(doc, q, cands, lex, prev_speaker):
    """Feature lists for each candidate and for the NULL option (last)."""
    L, toks, lang = lex[doc.lang], doc.tok_text, doc.lang
    n = len(doc.tokens)
    qa, qb = q["span"]
    t0 = min(doc.tok_at(qa), n - 1)
    t1 = min(max(t0, doc.tok_at(qb) - 1), n - 1)
    qs0, qs1 = doc.tok_sent[t0], doc.tok_sent[t1]
    before_mark = [t for t in range(max(0, t0 - 3), t0) if not doc.in_quote[t]]
    colon = any(toks[t] == ":" for t in before_mark)
    q_para_initial = doc.first_sent_of_para.get(doc.tok_para[t0]) == qs0 and \
        all(doc.in_quote[t] or not re.match(r"\w", toks[t]) for t in range(t0 - 1, max(-1, t0 - 4), -1)
            if t >= 0 and doc.tok_sent[t] == qs0)
    sent_toks = [t for t in range(max(0, t0 - 80), min(n, t1 + 80))
                 if qs0 <= doc.tok_sent[t] <= qs1 and not doc.in_quote[t]]
    verb_in_sentence = any(toks[t].lower() in L["verbs"] for t in sent_toks)
    quote_len = len(re.findall(r"\w+", doc.text[qa:qb]))

    def outside_between(a, b):
        return sum(1 for t in range(a, b) if not doc.in_quote[t])

    rows = []
    befores = sorted((c for c in cands if c["tj"] < t0), key=lambda c: -c["tj"])
    afters = sorted((c for c in cands if c["ti"] > t1), key=lambda c: c["ti"])
    for c in cands:
        ti, tj, kind = c["ti"], c["tj"], c["kind"]
        f = [f"kind={kind}"]
        if tj < t0:
            dirn, dist = "before", outside_between(tj + 1, t0)
        elif ti > t1:
            dirn, dist = "after", outside_between(t1 + 1, ti)
        else:
            dirn, dist = "incise", 0
        cs = doc.tok_sent[ti]
        rel = "same" if qs0 <= cs <= qs1 else "prev" if cs == qs0 - 1 else "next" if cs == qs1 + 1 else "para"
        f += [f"dir={dirn}", f"sent={rel}", f"dir={dirn}&sent={rel}", f"dist={bucket(dist)}",
              f"dir={dirn}&dist={bucket(dist)}", f"kind={kind}&dir={dirn}"]
        if befores and c is befores[0]:
            f += ["nearest_before", f"nearest_before&kind={kind}"]
        if afters and c is afters[0]:
            f += ["nearest_after", f"nearest_after&kind={kind}"]
        # reporting verb right after the candidate (its subject) or right before it (inversion, "said X")
        v_after = has_verb(doc, tj + 1, tj + 5, L["verbs"]) and not stops_at_punct(doc, tj + 1, tj + 2)
        v_before = has_verb(doc, ti - 4, ti, L["verbs"]) and not stops_at_punct(doc, ti - 1, ti)
        if v_after:
            f += ["verb_after", f"verb_after&dir={dirn}", f"verb_after&kind={kind}"]
        if v_before:
            f += ["verb_before", f"verb_before&dir={dirn}", f"verb_before&kind={kind}"]
        if ti >= 2 and toks[ti - 1] == "-" and kind == "pronoun":
            f.append("inversion_clitic")  # "dit-il", "ajoute-t-il"
        if dirn in ("after", "incise") and v_before and dist <= 5:
            f.append("quote_verb_cand")  # "« … », a déclaré X" / '"…," said X'
        if dirn in ("after", "incise") and v_after and dist <= 2:
            f.append("quote_cand_verb")  # '"…," he said'
        if dirn == "before" and colon and rel == "same":
            f += ["colon_frame", f"colon_frame&verb_after={v_after}"]
        prev = [toks[t].lower() for t in range(max(0, ti - 2), ti)]
        if prev and any(tuple(prev[-len(p):]) == p for p in SELON[lang]):
            f.append("selon")
        if prev and prev[-1] in POUR[lang]:
            f.append("pour")
        if prev and prev[-1] in PREPOSITIONS[lang]:
            f.append("after_preposition")
        if prev and prev[-1] in AGENT_PREPS[lang]:
            f.append("agent_par_by")
        if prev and (prev[-1] in L["titles"] or prev[-1] == "."):
            f.append("after_title")
        if ti == 0 or doc.tok_sent[ti - 1] != cs:
            f.append("sentence_initial")
        if doc.first_sent_of_para.get(doc.tok_para[ti]) == cs:
            f.append("cand_in_para_first_sentence")
        if q_para_initial:
            f.append(f"quote_para_initial&dir={dirn}")
        if prev_speaker and (c["text"].lower() == prev_speaker.lower()
                             or c["text"].lower().split()[-1] == prev_speaker.lower().split()[-1]):
            f += ["prev_speaker", f"prev_speaker&kind={kind}"]
        ln = tj - ti + 1
        f.append(f"len={bucket(ln, (1, 2, 3, 5))}&kind={kind}")
        f.append(f"shape={c['shape']}")
        if any(o is not c and o["ti"] <= ti and tj <= o["tj"] for o in cands):
            f.append("shape_nested_in_other")
        if any(o is not c and ti <= o["ti"] and o["tj"] <= tj for o in cands):
            f.append("shape_contains_other")
        if dirn == "before":
            between = sum(1 for o in cands if o["ti"] > tj and o["tj"] < t0 and not (o["ti"] <= tj))
        elif dirn == "after":
            between = sum(1 for o in cands if o["ti"] > t1 and o["tj"] < ti)
        else:
            between = 0
        f.append(f"cands_between={bucket(between, (0, 1, 3))}")
        rows.append(expand(f, lang, doc.source))
    # NULL: no speaker in the quote's sentence
    nearest = min([outside_between(c["tj"] + 1, t0) if c["tj"] < t0 else outside_between(t1 + 1, c["ti"])
                   for c in cands if doc.tok_sent[c["ti"]] in range(qs0, qs1 + 1)] or [99])
    verb_cand = any(("verb_after" in r or "verb_before" in r) and "sent=same" in r for r in rows)
    f = ["null", f"null&verb_in_sentence={verb_in_sentence}", f"null&quote_len={bucket(quote_len, (1, 3, 8))}",
         f"null&nearest_same_sentence={bucket(nearest)}", f"null&colon={colon}", f"null&para_initial={q_para_initial}",
         f"null&verb_candidate_same_sentence={verb_cand}", f"null&previous_speaker={prev_speaker is not None}"]
    rows.append(expand(f, lang, doc.source))
    return rows


def expand(f, lang, source):
    """Each feature, its copy per language and its copy per domain (news or fiction): the shared weight learns
    from every corpus, the copies learn what differs ("frustratingly easy" domain adaptation)."""
    dom = "news" if source == "real-news-dev" else "fiction"
    return f + [f"{lang}:{x}" for x in f] + [f"{dom}:{x}" for x in f]


GROUPS = {  # feature groups for the ablation: a feature belongs to the first group whose prefix it has
    "candidate kind and length": ("kind=", "len="),
    "mention shape (full name, suffix, title stripped, nested)": ("shape",),
    "candidates in between": ("cands_between",),
    "direction / sentence": ("dir=", "sent="),
    "distance": ("dist=",),
    "nearest before/after": ("nearest_",),
    "reporting verb adjacent": ("verb_after", "verb_before"),
    "inversion / said-X patterns": ("inversion_clitic", "quote_verb_cand", "quote_cand_verb"),
    "colon frame": ("colon_frame",),
    "selon / according to / pour": ("selon", "pour", "agent_par_by"),
    "preposition / title before": ("after_preposition", "after_title"),
    "paragraph / sentence position": ("sentence_initial", "cand_in_para", "quote_para_initial"),
    "previous quote's speaker": ("prev_speaker",),
    "NULL option features": ("null&",),
}


def group_of(feat):
    base = feat.split(":", 1)[1] if feat.split(":", 1)[0] in ("fr", "en", "news", "fiction") else feat
    for g, prefixes in GROUPS.items():
        if base.startswith(prefixes):
            return g
    return None


# ---------------------------------------------------------------- instances, model, metrics

def gold_index(q, cands):
    """Indices of the correct candidates: the attributing span exactly, else candidates overlapping it."""
    a = q["attributing"]
    if a is None:
        return None
    exact = [i for i, c in enumerate(cands) if c["span"] == a]
    if exact:
        return exact
    return [i for i, c in enumerate(cands) if c["span"][0] < a[1] and a[0] < c["span"][1]]


def labelled(doc, q):
    """Whether the quote's gold is usable: a located mention, or a NULL that means 'no speaker' in this corpus."""
    if q["attributing"] is not None:
        return True
    return q["speaker_text"] is None and doc.null_speaker in ("none", "no_explicit_source")


def instances(doc, lex, heads, predicted=None):
    """One instance per labelled quote, in text order; the previous speaker is the gold one (training) or the
    model's own prediction (evaluation, `predicted` = a scoring function)."""
    out, prev_speaker, prev_para = [], None, None
    for q in sorted(doc.quotes, key=lambda q: q["span"]):
        t0 = min(doc.tok_at(q["span"][0]), len(doc.tokens) - 1)
        para = doc.tok_para[t0]
        if prev_para is not None and abs(para - prev_para) > 1:
            prev_speaker = None
        cands = candidates(doc, q, lex, heads)
        feats = features(doc, q, cands, lex, prev_speaker)
        inst = {"doc": doc, "q": q, "cands": cands, "feats": feats, "gold": gold_index(q, cands),
                "labelled": labelled(doc, q)}
        out.append(inst)
        if predicted is not None:
            k = predicted(feats)
            spk = cands[k]["text"] if k < len(cands) else None
        else:
            spk = q["speaker_text"] if q["attributing"] else None
        if spk:
            prev_speaker = spk
        prev_para = para
    return out


class Ranker:
    """Conditional logit over a quote's options (candidates + NULL), trained by SGD with L2."""

    def __init__(self, drop=()):
        self.w = defaultdict(float)
        self.drop = set(drop)

    def feats(self, f):
        if not self.drop:
            return f
        no_domain = "domain copies" in self.drop
        return [x for x in f if group_of(x) not in self.drop
                and not (no_domain and x.split(":", 1)[0] in ("news", "fiction"))]

    def scores(self, feats):
        return [sum(self.w.get(x, 0.0) for x in self.feats(f)) for f in feats]

    def best(self, feats):
        s = self.scores(feats)
        return max(range(len(s)), key=lambda i: s[i])

    def train(self, insts, epochs=8, lr=0.1, l2=1e-4, seed=0):
        data = []
        for it in insts:
            if not it["labelled"]:
                continue
            gold = it["gold"] if it["q"]["attributing"] is not None else [len(it["feats"]) - 1]
            if not gold:
                continue  # the speaker is not among the candidates: nothing to learn from here
            data.append(([self.feats(f) for f in it["feats"]], set(gold), it.get("weight", 1.0)))
        rng = random.Random(seed)
        for ep in range(epochs):
            rng.shuffle(data)
            rate = lr / (1 + ep)
            for feats, gold, weight in data:
                s = [sum(self.w.get(x, 0.0) for x in f) for f in feats]
                m = max(s)
                e = [math.exp(v - m) for v in s]
                z = sum(e)
                p = [v / z for v in e]
                pg = sum(p[i] for i in gold)
                for i, f in enumerate(feats):
                    # gradient of log sum_{gold} p: target share among gold options minus p
                    g = (p[i] / pg if i in gold else 0.0) - p[i]
                    if abs(g) > 1e-6:
                        for x in f:
                            self.w[x] += rate * weight * g
            if l2:
                for k in list(self.w):
                    self.w[k] *= (1 - rate * l2)


def evaluate(model, insts, rule=None):
    """Tally per language: candidate recall, top-1 accuracy (span exact, text as the news scorer, overlap)."""
    t = defaultdict(Counter)
    for it in insts:
        if not it["labelled"]:
            continue
        lang = it["doc"].lang
        q, cands = it["q"], it["cands"]
        k = rule(it) if rule else model.best(it["feats"])
        pred = cands[k] if k < len(cands) else None
        for key in (lang, "all"):
            c = t[key]
            c["quotes"] += 1
            if q["attributing"] is None:
                c["null_gold"] += 1
                ok = pred is None
                c["exact"] += ok
                c["text"] += ok
                c["overlap"] += ok
                c["null_right"] += ok
                continue
            c["spk_gold"] += 1
            c["recall_exact"] += any(x["span"] == q["attributing"] for x in cands)
            c["recall_overlap"] += bool(it["gold"])
            if pred is None:
                c["pred_null_on_speaker"] += 1
                continue
            a = q["attributing"]
            c["exact"] += pred["span"] == a
            c["text"] += pred["text"] == q["speaker_text"]
            c["overlap"] += pred["span"][0] < a[1] and a[0] < pred["span"][1]
    return t


def nearest_rule(it):
    """Baseline rule: the candidate nearest to the quote in its own sentence with a reporting verb beside it,
    else NULL."""
    best, best_d = len(it["cands"]), None
    for i, f in enumerate(it["feats"][:-1]):
        if "sent=same" in f and ("verb_after" in f or "verb_before" in f):
            d = next(int(x.split("=")[-1].lstrip("<=>")) for x in f if x.startswith("dist="))
            if best_d is None or d < best_d:
                best, best_d = i, d
    return best


# ---------------------------------------------------------------- the study

def load(data_dir, lex):
    titles = frozenset(lex["fr"]["titles"] | lex["en"]["titles"])
    docs = {}
    for name in ("litbank-quotes-en", "fr-litbank-citations", "real-news-dev"):
        path = os.path.join(data_dir, name + ".jsonl")
        docs[name] = [Doc(json.loads(l), titles) for l in open(path, encoding="utf-8")]
    return docs


def fold_of(doc_id, k):
    return zlib.crc32(doc_id.encode()) % k


def row(label, t, key):
    c = t[key]
    if not c["quotes"]:
        return f"| {label} | {key} | 0 | | | | | | |"
    sg = c["spk_gold"] or 1
    return (f"| {label} | {key} | {c['quotes']} ({c['null_gold']} null) | {c['recall_exact'] / sg:.3f} | "
            f"{c['recall_overlap'] / sg:.3f} | {c['exact'] / c['quotes']:.3f} | {c['text'] / c['quotes']:.3f} | "
            f"{c['overlap'] / c['quotes']:.3f} | {c['null_right']}/{c['null_gold']} |")


HEADER = ("| training | lang | quotes (gold null) | cand. recall exact | cand. recall overlap | top-1 exact span | "
          "top-1 text (scorer rule) | top-1 overlap | NULL right |\n|---|---|---|---|---|---|---|---|---|")


def study(args):
    lex = lexicons()
    docs = load(args.data, lex)
    news, lit = docs["real-news-dev"], docs["litbank-quotes-en"] + docs["fr-litbank-citations"]
    per_doc_heads = head_counts(news + lit)
    k = args.folds
    lit_ids = [d.id for d in lit]

    def run(setup, drop=(), min_count=1, lit_weight=1.0, role_lists=False, dump=None):
        """Cross-validation over the news DEV documents; returns tallies, the last fold's model, head sets."""
        total = defaultdict(Counter)
        rule_total = defaultdict(Counter)
        model = None
        for fold in range(k):
            test = [d for d in news if fold_of(d.id, k) == fold]
            train_news = [d for d in news if fold_of(d.id, k) != fold] if setup != "lit" else []
            train_lit = lit if setup != "news" else []
            heads = heads_from(per_doc_heads, [d.id for d in train_news + train_lit], min_count,
                               {l: lex[l]["roles"] for l in lex} if role_lists else None)
            train = []
            for d in train_news + train_lit:
                for it in instances(d, lex, heads):
                    it["weight"] = lit_weight if d in train_lit else 1.0
                    train.append(it)
            model = Ranker(drop)
            model.train(train, epochs=args.epochs, lr=args.lr)
            for d in test:
                insts = instances(d, lex, heads, model.best)
                for key, c in evaluate(model, insts).items():
                    total[key].update(c)
                for key, c in evaluate(None, insts, nearest_rule).items():
                    rule_total[key].update(c)
                if dump is not None:
                    for it in insts:
                        b = model.best(it["feats"])
                        dump.append({"doc": d.id, "quote": d.text[it["q"]["span"][0]:it["q"]["span"][1]][:80],
                                     "gold": it["q"]["speaker_text"],
                                     "pred": it["cands"][b]["text"] if b < len(it["cands"]) else None,
                                     "cands": [c["text"] for c in it["cands"]]})
        return total, rule_total, model, heads

    print(f"News DEV part: {len(news)} documents, {k} document folds (crc32 of the id); literature: {len(lit)} documents.\n")
    print(HEADER)
    results = {}
    for setup, label in (("news", "news only"), ("news+lit", "news + litbank + fr-litbank"),
                         ("lit", "litbank + fr-litbank only")):
        dump = [] if (args.dump and setup == "news+lit") else None
        total, rule_total, model, heads = run(setup, dump=dump)
        results[setup] = (total, model, heads)
        for key in ("fr", "en", "all"):
            print(row(label, total, key))
        if setup == "news":
            for key in ("fr", "en", "all"):
                print(row("rule: nearest with reporting verb, same sentence", rule_total, key))
        if dump is not None:
            with open(args.dump, "w", encoding="utf-8") as f:
                for r in dump:
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.quick:
        return
    # variants of the candidate generator / data mix
    print("\nVariants (news + literature):\n")
    print(HEADER)
    for label, kw in (("heads seen at least twice (min count 2)", {"min_count": 2}),
                      ("heads + data/*/speaker-roles.txt", {"role_lists": True}),
                      ("literature down-weighted x0.3", {"lit_weight": 0.3}),
                      ("no per-domain feature copies", {"drop": ("domain copies",)})):
        total, _, _, _ = run("news+lit", **kw)
        for key in ("fr", "en", "all"):
            print(row(label, total, key))

    total, model, heads = results["news+lit"]
    print("\nHead nouns learned from the training data (last fold, seen at least once in training):")
    for lang in ("fr", "en"):
        print(f"- {lang} ({len(heads[lang])}): {', '.join(sorted(heads[lang]))}")
    print("\nLargest weights (news + literature, last fold):")
    ws = sorted(model.w.items(), key=lambda kv: -abs(kv[1]))[:40]
    print(", ".join(f"`{k}` {v:+.2f}" for k, v in ws))

    base = total["all"]["text"] / max(1, total["all"]["quotes"])
    base_l = {l: total[l]["text"] / max(1, total[l]["quotes"]) for l in ("fr", "en")}
    if args.ablate:
        print("\nAblation (news + literature; top-1 by the scorer's text rule; drop = loss when the group is removed):\n")
        print("| group removed | fr | en | all | drop (all) |\n|---|---|---|---|---|")
        for g in GROUPS:
            t, _, _, _ = run("news+lit", drop=(g,))
            a = {l: t[l]["text"] / max(1, t[l]["quotes"]) for l in ("fr", "en", "all")}
            print(f"| {g} | {a['fr']:.3f} | {a['en']:.3f} | {a['all']:.3f} | {base - a['all']:+.3f} |")
        print(f"| (none) | {base_l['fr']:.3f} | {base_l['en']:.3f} | {base:.3f} | 0 |")

    # literature measured by its own folds (news DEV always in training), for reference
    print("\nLiterature by document folds (trained on the other literature folds + all news DEV):\n")
    print(HEADER)
    lt = defaultdict(Counter)
    for fold in range(k):
        test = [d for d in lit if fold_of(d.id, k) == fold]
        train_docs = news + [d for d in lit if fold_of(d.id, k) != fold]
        heads = heads_from(per_doc_heads, [d.id for d in train_docs], 1)
        train = [it for d in train_docs for it in instances(d, lex, heads)]
        m = Ranker()
        m.train(train, epochs=args.epochs, lr=args.lr)
        for d in test:
            for key, c in evaluate(m, instances(d, lex, heads, m.best)).items():
                lt[d.source + "/" + key if key != "all" else d.source].update(c)
    for src in ("litbank-quotes-en", "fr-litbank-citations"):
        print(row("literature folds", lt, src))
