//! Scores the engine's entities on the held-out NER corpora, and writes
//! the documents and its predictions for `eval/spacy_ner.py`, which runs
//! spaCy on the same documents and prints the side-by-side table.
//!
//! ```text
//! cargo run --release --example eval_ner -- OUT_DIR
//! ```
//!
//! Writes `OUT_DIR/docs.jsonl` ({set, id, lang, text, gold: [[start, end, label]]}, character offsets)
//! and `OUT_DIR/engine.jsonl` ({set, id, pred: [[start, end, label]]}) and prints the engine's
//! characters per second per set (annotation only: the whole pipeline, best of 3 runs).
//! Run by `scripts/eval-ner.sh`.

#[path = "ner_corpus/mod.rs"]
mod ner_corpus;

use article_annotator::{Annotation, Annotator, Lang};
use std::io::Write;
use std::time::Instant;

fn chars(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/ner-eval".into());
    std::fs::create_dir_all(&dir).unwrap();
    let mut docs_out = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/docs.jsonl")).unwrap());
    let mut pred_out = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/engine.jsonl")).unwrap());
    let mut speeds = serde_json::Map::new();
    for (set, docs) in ner_corpus::eval_sets() {
        let lang: Lang = docs[0].lang.parse().unwrap();
        let annotator = Annotator::for_lang(lang);
        let nchars: usize = docs.iter().map(|d| d.text.chars().count()).sum();
        let mut best = f64::MAX;
        for _ in 0..3 {
            let t = Instant::now();
            for d in &docs {
                std::hint::black_box(annotator.annotate(&d.text));
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        speeds.insert(set.into(), serde_json::json!(nchars as f64 / best));
        eprintln!("{set}: {} docs, {nchars} chars, engine {:.0} chars/s", docs.len(), nchars as f64 / best);
        let (mut tp, mut np, mut ng) = (0usize, 0usize, 0usize);
        for d in &docs {
            let doc = annotator.annotate(&d.text);
            let mut pred: Vec<(usize, usize, &str)> = doc
                .annotations
                .iter()
                .filter_map(|a| match a {
                    Annotation::Entity(e) => Some((e.span.start, e.span.end, e.label.as_str())),
                    _ => None,
                })
                .filter(|p| matches!(p.2, "PER" | "LOC" | "ORG"))
                .collect();
            pred.sort();
            let gold: Vec<_> = d.spans.iter().filter(|s| matches!(s.2, "PER" | "LOC" | "ORG")).collect();
            tp += gold.iter().filter(|g| pred.binary_search(&(g.0, g.1, g.2)).is_ok()).count();
            np += pred.len();
            ng += gold.len();
        }
        let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
        eprintln!("{set}: engine micro P {p:.3} R {r:.3} F1 {:.3}", 2.0 * p * r / (p + r).max(1e-9));
        for d in &docs {
            let gold: Vec<_> =
                d.spans.iter().map(|&(s, e, l)| serde_json::json!([chars(&d.text, s), chars(&d.text, e), l])).collect();
            let line = serde_json::json!({"set": set, "id": d.id, "lang": d.lang, "text": d.text, "gold": gold});
            writeln!(docs_out, "{line}").unwrap();
            let doc = annotator.annotate(&d.text);
            let pred: Vec<_> = doc
                .annotations
                .iter()
                .filter_map(|a| match a {
                    Annotation::Entity(e) => Some(serde_json::json!([
                        chars(&d.text, e.span.start),
                        chars(&d.text, e.span.end),
                        e.label.as_str()
                    ])),
                    _ => None,
                })
                .collect();
            writeln!(pred_out, "{}", serde_json::json!({"set": set, "id": d.id, "pred": pred})).unwrap();
        }
    }
    std::fs::write(format!("{dir}/engine-speed.json"), serde_json::Value::Object(speeds).to_string()).unwrap();
}
