//! Evaluation of the claim layer (`scripts/eval-claims.sh`).
//!
//! ```text
//! eval_claims news [FILE] [--verbose]   reason-level P/R/F1 on eval/claims-news/gold.toml (or FILE)
//! eval_claims weasel [--verbose]   sentence-level uncertainty on wikiweasel-uncertainty-en
//! eval_claims train-weasel         learn data/models/weasel-en.tsv from the train part only
//! eval_claims weasel-cv "SETTINGS; SETTINGS …"   cross-validated F1 of candidate settings (train part only)
//! eval_claims weasel-nl "mlp|gbt key=value … [--lin SETTINGS]; …"   non-linear models, CV only (weasel/nonlinear.rs)
//! ```
//!
//! WikiWeasel split: the shared `train.csv` is split by a hash of the
//! sentence text: 1 in 5 sentences is held back for the report, the rest is
//! the train part (the model learns from it; hyper-parameters and the
//! decision threshold are chosen by cross-validation inside it). Nothing is
//! learned or tuned on the held-back part.

use article_annotator::{Annotation, Annotator, Claim, Lang};
use std::collections::HashMap;
use std::fmt::Write as _;

mod weasel;

const NEWS: &str = "eval/claims-news/gold.toml";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "--verbose");
    match args.first().map(String::as_str) {
        Some("news") => news(args.get(1).filter(|a| !a.starts_with("--")).map_or(NEWS, String::as_str), verbose),
        Some("weasel") => weasel::evaluate(verbose),
        Some("train-weasel") => weasel::train(),
        Some("weasel-cv") => weasel::cv(&args[1..]),
        Some("weasel-nl") => weasel::cv_nonlinear(&args[1..]),
        _ => {
            eprintln!("usage: eval_claims news|weasel|train-weasel|weasel-cv|weasel-nl [--verbose]");
            std::process::exit(2);
        }
    }
}

pub(crate) fn claims_of(text: &str, lang: Lang) -> Vec<Claim> {
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
