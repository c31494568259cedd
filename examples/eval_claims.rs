//! Evaluation of the claim layer (`scripts/eval-claims.sh`).
//!
//! ```text
//! eval_claims news [FILE] [--verbose]   reason-level P/R/F1 on eval/claims-news/gold.toml (or FILE)
//! eval_claims weasel [--verbose]   sentence-level uncertainty on wikiweasel-uncertainty-en
//! eval_claims train-weasel         learn data/models/weasel-en.tsv from the train part only
//! ```
//!
//! WikiWeasel split: the shared `train.csv` is split by a hash of the
//! sentence text: 1 in 5 sentences is held back for the report, the rest is
//! the train part (the model learns from it; the decision threshold is
//! tuned on a slice of it). Nothing is learned from the held-back part.

use article_annotator::{Annotation, Annotator, Claim, ClaimReason, Lang};
use std::collections::HashMap;
use std::fmt::Write as _;

const WEASEL_CSV: &str = "../shared/data/wikiweasel-uncertainty-en/train.csv";
const MODEL: &str = "data/models/weasel-en.tsv";
const NEWS: &str = "eval/claims-news/gold.toml";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    match args.first().map(String::as_str) {
        Some("news") => news(args.get(1).filter(|a| !a.starts_with("--")).map_or(NEWS, String::as_str), verbose),
        Some("weasel") => weasel(verbose),
        Some("train-weasel") => train_weasel(),
        _ => {
            eprintln!("usage: eval_claims news|weasel|train-weasel [--verbose]");
            std::process::exit(2);
        }
    }
}

fn claims_of(text: &str, lang: Lang) -> Vec<Claim> {
    Annotator::for_lang(lang)
        .annotate(text)
        .annotations
        .into_iter()
        .filter_map(|a| match a {
            Annotation::Claim(c) => Some(c),
            _ => None,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// News passages.

#[derive(serde::Deserialize)]
struct Gold {
    doc: Vec<Doc>,
}

#[derive(serde::Deserialize)]
struct Doc {
    id: String,
    lang: String,
    text: String,
    claims: Vec<[String; 3]>,
}

#[derive(Default)]
struct Score {
    gold: usize,
    system: usize,
    matched: usize,
    right_reason: usize,
}

impl Score {
    fn line(&self, name: &str) -> String {
        let p = self.matched as f64 / self.system.max(1) as f64;
        let r = self.matched as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        let reason = self.right_reason as f64 / self.matched.max(1) as f64;
        format!(
            "| {name} | {} | {} | {} | {:.3} | {:.3} | {:.3} | {:.1} % ({}/{}) |",
            self.gold,
            self.system,
            self.matched,
            p,
            r,
            f,
            100.0 * reason,
            self.right_reason,
            self.matched
        )
    }
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn news(path: &str, verbose: bool) {
    let gold: Gold = toml::from_str(&std::fs::read_to_string(path).expect("read gold")).expect("parse gold");
    let mut by_lang: HashMap<String, Score> = HashMap::new();
    let mut report = String::new();
    for doc in &gold.doc {
        let lang: Lang = doc.lang.parse().expect("lang");
        let system = claims_of(&doc.text, lang);
        // Gold spans: first occurrence at or after the previous claim's start.
        let mut from = 0;
        let mut gold_spans = Vec::new();
        for [reason, _cue, span] in &doc.claims {
            let start = doc.text[from..].find(span.as_str()).map(|i| i + from).or_else(|| doc.text.find(span.as_str()));
            let start = start.unwrap_or_else(|| panic!("{}: span not in text: {span}", doc.id));
            from = start;
            gold_spans.push(((start, start + span.len()), reason.as_str()));
        }
        // One-to-one matching, best overlap first.
        let mut pairs = Vec::new();
        for (gi, (g, _)) in gold_spans.iter().enumerate() {
            for (si, c) in system.iter().enumerate() {
                let s = (c.span.start, c.span.end);
                let o = overlap(*g, s);
                let shorter = (g.1 - g.0).min(s.1 - s.0).max(1);
                if 2 * o >= shorter && o > 0 {
                    pairs.push((o, gi, si));
                }
            }
        }
        pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
        let (mut gused, mut sused) = (vec![false; gold_spans.len()], vec![false; system.len()]);
        let score = by_lang.entry(doc.lang.clone()).or_default();
        score.gold += gold_spans.len();
        score.system += system.len();
        for (_, gi, si) in pairs {
            if gused[gi] || sused[si] {
                continue;
            }
            gused[gi] = true;
            sused[si] = true;
            score.matched += 1;
            let ok = system[si].reason.as_str() == gold_spans[gi].1;
            if ok {
                score.right_reason += 1;
            } else if verbose {
                let _ = writeln!(
                    report,
                    "{}: reason {} (gold {}) on {:?}",
                    doc.id,
                    system[si].reason.as_str(),
                    gold_spans[gi].1,
                    system[si].span.slice(&doc.text)
                );
            }
        }
        if verbose {
            for (gi, used) in gused.iter().enumerate() {
                if !used {
                    let (g, r) = gold_spans[gi];
                    let _ = writeln!(report, "{}: MISSED {r}: {:?}", doc.id, &doc.text[g.0..g.1]);
                }
            }
            for (si, used) in sused.iter().enumerate() {
                if !used {
                    let c = &system[si];
                    let _ = writeln!(
                        report,
                        "{}: FALSE ALARM {} [{}]: {:?}",
                        doc.id,
                        c.reason.as_str(),
                        c.cue.slice(&doc.text),
                        c.span.slice(&doc.text)
                    );
                }
            }
        }
    }
    let mut all = Score::default();
    println!("| passages | gold | system | matched | precision | recall | F1 | right reason |");
    println!("|---|---|---|---|---|---|---|---|");
    for lang in ["fr", "en"] {
        if let Some(s) = by_lang.get(lang) {
            println!("{}", s.line(lang));
            all.gold += s.gold;
            all.system += s.system;
            all.matched += s.matched;
            all.right_reason += s.right_reason;
        }
    }
    println!("{}", all.line("all"));
    if verbose {
        print!("\n{report}");
    }
}

// ---------------------------------------------------------------------------
// WikiWeasel.

/// Rows of a CSV file with a header `text,label` (quoted fields, "" escapes).
fn read_csv(path: &str) -> Vec<(String, bool)> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut rows = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = data.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                if fields.len() == 2 {
                    rows.push((fields[0].trim().to_string(), fields[1].trim() == "1"));
                }
                fields.clear();
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    rows.remove(0); // header
    rows.retain(|(t, _)| !t.is_empty());
    rows
}

/// Undoes the Penn Treebank escapes of the corpus.
fn detokenize(s: &str) -> String {
    s.replace("-LRB-", "(").replace("-RRB-", ")").replace("``", "\"").replace("''", "\"").replace(" 's", "'s")
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

fn held_back(text: &str) -> bool {
    fnv(text) % 5 == 0
}

/// Features of one sentence: the claim layer's reasons, lower-cased words
/// and word bigrams.
fn features(text: &str) -> Vec<String> {
    let claims = claims_of(text, Lang::En);
    let mut f: Vec<String> = Vec::new();
    for c in &claims {
        f.push(format!("CLAIM:{}", c.reason.as_str()));
    }
    if !claims.is_empty() {
        f.push("CLAIM:any".into());
    }
    let words: Vec<String> = article_annotator::text::tokenize(text, Lang::En)
        .iter()
        .map(|t| t.text(text).to_lowercase())
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    for w in &words {
        f.push(format!("w:{w}"));
    }
    for p in words.windows(2) {
        f.push(format!("b:{} {}", p[0], p[1]));
    }
    f.sort();
    f.dedup();
    f
}

struct Model {
    bias: f64,
    threshold: f64,
    weights: HashMap<String, f64>,
}

impl Model {
    fn score(&self, feats: &[String]) -> f64 {
        self.bias + feats.iter().filter_map(|f| self.weights.get(f)).sum::<f64>()
    }

    fn load(path: &str) -> Model {
        let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (run train-weasel)"));
        let mut m = Model { bias: 0.0, threshold: 0.0, weights: HashMap::new() };
        for line in data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let (k, v) = line.rsplit_once('\t').expect("feature<TAB>weight");
            let v: f64 = v.parse().expect("weight");
            match k {
                "BIAS" => m.bias = v,
                "THRESHOLD" => m.threshold = v,
                _ => {
                    m.weights.insert(k.to_string(), v);
                }
            }
        }
        m
    }
}

fn prf(tp: usize, fp: usize, fneg: usize) -> (f64, f64, f64) {
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

fn counts(pred: impl Iterator<Item = (bool, bool)>) -> (usize, usize, usize) {
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    for (p, gold) in pred {
        match (p, gold) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            _ => {}
        }
    }
    (tp, fp, fneg)
}

fn train_weasel() {
    let rows: Vec<(String, bool)> =
        read_csv(WEASEL_CSV).into_iter().filter(|(t, _)| !held_back(t)).map(|(t, l)| (detokenize(&t), l)).collect();
    let data: Vec<(Vec<String>, bool)> = rows.iter().map(|(t, l)| (features(t), *l)).collect();
    // Tuning slice of the train part: 1 in 5 of the remaining (by a second hash).
    let tune = |i: usize| (fnv(&rows[i].0) / 5) % 5 == 0;
    let mut df: HashMap<&str, usize> = HashMap::new();
    for (i, (f, _)) in data.iter().enumerate() {
        if !tune(i) {
            for x in f {
                *df.entry(x.as_str()).or_default() += 1;
            }
        }
    }
    const MIN_COUNT: usize = 4;
    let vocab: Vec<&str> = {
        let mut v: Vec<&str> = df.iter().filter(|(_, &n)| n >= MIN_COUNT).map(|(k, _)| *k).collect();
        v.sort();
        v
    };
    let index: HashMap<&str, usize> = vocab.iter().enumerate().map(|(i, k)| (*k, i)).collect();
    let xs: Vec<(Vec<usize>, bool)> =
        data.iter().map(|(f, l)| (f.iter().filter_map(|x| index.get(x.as_str()).copied()).collect(), *l)).collect();
    let train_idx: Vec<usize> = (0..xs.len()).filter(|&i| !tune(i)).collect();
    let tune_idx: Vec<usize> = (0..xs.len()).filter(|&i| tune(i)).collect();
    // Logistic regression, SGD with L2, deterministic order shuffles.
    let mut w = vec![0.0f64; vocab.len()];
    let mut b = 0.0f64;
    let (lr, l2, epochs) = (0.05, 1e-3, 12);
    let mut order = train_idx.clone();
    let mut seed = 0x9e3779b97f4a7c15u64;
    for _ in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let (x, y) = &xs[i];
            let z = b + x.iter().map(|&j| w[j]).sum::<f64>();
            let p = 1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp());
            let g = p - if *y { 1.0 } else { 0.0 };
            b -= lr * g;
            for &j in x {
                w[j] -= lr * (g + l2 * w[j]);
            }
        }
    }
    // Threshold tuned on the tuning slice.
    let score = |x: &Vec<usize>| b + x.iter().map(|&j| w[j]).sum::<f64>();
    let mut best = (0.0, 0.0);
    for k in -40..=20 {
        let th = k as f64 / 10.0;
        let (tp, fp, fneg) = counts(tune_idx.iter().map(|&i| (score(&xs[i].0) > th, xs[i].1)));
        let f = prf(tp, fp, fneg).2;
        if f > best.0 {
            best = (f, th);
        }
    }
    let mut out = String::new();
    out.push_str(
        "# Sentence-level uncertainty (weasel/hedge) model for English, learned by examples/eval_claims.rs\n\
         # (train-weasel) from the train part of WikiWeasel (Szeged Uncertainty Corpus, Wikipedia sentences;\n\
         # ../shared/data/wikiweasel-uncertainty-en, 4 in 5 sentences by text hash). Derived from data licensed\n\
         # CC BY-SA (Farkas et al. 2010; Szarvas et al. 2012; text from Wikipedia): this file is CC BY-SA too.\n\
         # Logistic regression over the claim layer's reasons (CLAIM:*), words (w:) and bigrams (b:).\n\
         # feature<TAB>weight; BIAS and THRESHOLD are the intercept and the decision threshold.\n",
    );
    let _ = writeln!(out, "BIAS\t{b:.4}");
    let _ = writeln!(out, "THRESHOLD\t{:.2}", best.1);
    let mut kept: Vec<(&str, f64)> =
        vocab.iter().zip(&w).filter(|(_, v)| v.abs() >= 0.05).map(|(k, v)| (*k, *v)).collect();
    kept.sort_by(|a, b| a.0.cmp(b.0));
    for (k, v) in &kept {
        let _ = writeln!(out, "{k}\t{v:.4}");
    }
    std::fs::create_dir_all("data/models").expect("mkdir");
    std::fs::write(MODEL, out).expect("write model");
    println!(
        "trained on {} sentences ({} features kept), threshold {:.2} (tuning-slice F1 {:.3}) -> {MODEL}",
        train_idx.len(),
        kept.len(),
        best.1,
        best.0
    );
}

fn weasel(verbose: bool) {
    let rows: Vec<(String, bool)> =
        read_csv(WEASEL_CSV).into_iter().filter(|(t, _)| held_back(t)).map(|(t, l)| (detokenize(&t), l)).collect();
    let model = Model::load(MODEL);
    let mut layer = Vec::new();
    let mut learned = Vec::new();
    for (t, gold) in &rows {
        let f = features(t);
        let any_claim = f.iter().any(|x| x == "CLAIM:any");
        layer.push((any_claim, *gold));
        let p = model.score(&f) > model.threshold;
        learned.push((p, *gold));
        if verbose && p != *gold {
            println!("{} {t}", if p { "FP" } else { "FN" });
        }
    }
    let positives = rows.iter().filter(|r| r.1).count();
    println!("held-back sentences: {} ({} uncertain)", rows.len(), positives);
    println!("| system | precision | recall | F1 |");
    println!("|---|---|---|---|");
    for (name, preds) in [
        ("claim layer alone (any claim in the sentence)", &layer),
        ("claim layer + learned cue weights (data/models/weasel-en.tsv)", &learned),
    ] {
        let (tp, fp, fneg) = counts(preds.iter().copied());
        let (p, r, f) = prf(tp, fp, fneg);
        println!("| {name} | {p:.3} | {r:.3} | {f:.3} |");
    }
    let _ = ClaimReason::ALL;
}
