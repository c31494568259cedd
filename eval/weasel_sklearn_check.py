#!/usr/bin/env python3
"""Cross-check of the WikiWeasel ceiling with an off-the-shelf library (not used by the project).

Scores standard scikit-learn text classifiers with the project's own split and folds (FNV hash of the
sentence: 1 in 5 held back and never read here; 5 folds of the rest by the hash of the detokenized
sentence, as `examples/eval_claims/weasel.rs` does), pooled out-of-fold scores, best-F1 threshold.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install scikit-learn
    /tmp/venv/bin/python eval/weasel_sklearn_check.py
"""
import csv
import os

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

CSV = os.path.join(os.path.dirname(__file__), "../../shared/data/wikiweasel-uncertainty-en/train.csv")


def fnv(s):
    h = 0xCBF29CE484222325
    for b in s.encode():
        h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def detokenize(s):
    return (s.replace("-LRB-", "(").replace("-RRB-", ")").replace("``", '"')
            .replace("''", '"').replace(" 's", "'s"))


def train_part():
    rows = []
    with open(CSV, newline="") as f:
        reader = csv.reader(f)
        next(reader)
        for text, label in reader:
            text = text.strip()
            if not text or fnv(text) % 5 == 0:  # empty rows; the held-back part
                continue
            d = detokenize(text)
            rows.append((d, label.strip() == "1", (fnv(d) // 5) % 5))
    return rows


def best_f1(scores, y):
    order = np.argsort(-scores)
    tp = np.cumsum(y[order])
    k = np.arange(1, len(y) + 1)
    p, r = tp / k, tp / y.sum()
    f = 2 * p * r / np.maximum(p + r, 1e-9)
    i = f.argmax()
    return f[i], p[i], r[i]


def cross_validate(texts, y, fold, make_vectorizers, make_classifier):
    scores = np.zeros(len(y))
    for k in range(5):
        tr, te = np.where(fold != k)[0], np.where(fold == k)[0]
        vecs = make_vectorizers()
        xtr = hstack([v.fit_transform([texts[i] for i in tr]) for v in vecs]).tocsr()
        xte = hstack([v.transform([texts[i] for i in te]) for v in vecs]).tocsr()
        clf = make_classifier()
        clf.fit(xtr, y[tr])
        scores[te] = clf.decision_function(xte)
    return best_f1(scores, y)


def main():
    rows = train_part()
    texts = [r[0] for r in rows]
    y = np.array([r[1] for r in rows], dtype=float)
    fold = np.array([r[2] for r in rows])
    words = lambda: TfidfVectorizer(ngram_range=(1, 3), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b")
    binary = lambda: CountVectorizer(ngram_range=(1, 3), binary=True, token_pattern=r"(?u)\b\w+\b")
    chars = lambda: TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)
    runs = [(f"logistic regression, tf-idf words 1-3, C={c}", lambda: [words()], c, "lr") for c in (1, 3, 10)]
    runs += [(f"logistic regression, binary words 1-3, C={c}", lambda: [binary()], c, "lr") for c in (0.3, 1, 3)]
    runs += [(f"logistic regression, tf-idf words 1-3 + chars 2-5, C={c}", lambda: [words(), chars()], c, "lr")
             for c in (1, 3, 10)]
    runs += [(f"linear SVM, tf-idf words 1-3 + chars 2-5, C={c}", lambda: [words(), chars()], c, "svm")
             for c in (0.1, 0.3, 1)]
    print(f"{len(rows)} train-part sentences, {int(y.sum())} uncertain")
    for name, vecs, c, kind in runs:
        clf = (lambda c=c: LogisticRegression(C=c, max_iter=3000)) if kind == "lr" else (lambda c=c: LinearSVC(C=c))
        f, p, r = cross_validate(texts, y, fold, vecs, clf)
        print(f"| {name} | {p:.3f} | {r:.3f} | {f:.4f} |", flush=True)


if __name__ == "__main__":
    main()
