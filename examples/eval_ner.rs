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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().filter(|a| !a.starts_with("--")).cloned().unwrap_or_else(|| "target/ner-eval".into());
    // --test also scores the WiNER-fr test part (only at the end); --quick
    // skips the timing; --only SUBSTR keeps the sets whose name contains it.
    let with_test = args.iter().any(|a| a == "--test");
    let quick = args.iter().any(|a| a == "--quick");
    let only = args.iter().position(|a| a == "--only").and_then(|i| args.get(i + 1)).cloned();
    std::fs::create_dir_all(&dir).unwrap();
    let mut docs_out = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/docs.jsonl")).unwrap());
    let mut pred_out = std::io::BufWriter::new(std::fs::File::create(format!("{dir}/engine.jsonl")).unwrap());
    let mut speeds = serde_json::Map::new();
    for (set, docs) in ner_corpus::eval_sets(with_test) {
        if only.as_ref().is_some_and(|o| !set.contains(o.as_str())) {
            continue;
        }
        let lang: Lang = docs[0].lang.parse().unwrap();
        let annotator = Annotator::for_lang(lang);
        let nchars: usize = docs.iter().map(|d| d.text.chars().count()).sum();
        let mut best = f64::MAX;
        for _ in 0..if quick { 0 } else { 3 } {
            let t = Instant::now();
            for d in &docs {
                std::hint::black_box(annotator.annotate(&d.text));
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        if !quick {
            speeds.insert(set.into(), serde_json::json!(nchars as f64 / best));
        }
        eprintln!("{set}: {} docs, {nchars} chars, engine {:.0} chars/s", docs.len(), nchars as f64 / best);
        // Strict span + type counts per label (PER, LOC, ORG), then micro.
        let mut counts = [[0usize; 3]; 3];
        for d in &docs {
            let doc = annotator.annotate(&d.text);
            let mut pred: Vec<(usize, usize, &str)> = doc
                .annotations
                .iter()
                .filter_map(|a| match a {
                    Annotation::Entity(e) => Some((e.span.start, e.span.end, e.label.as_str())),
                    _ => None,
                })
                .collect();
            pred.sort();
            for (k, label) in ["PER", "LOC", "ORG"].into_iter().enumerate() {
                let gold: Vec<_> = d.spans.iter().filter(|s| s.2 == label).collect();
                counts[k][0] += gold.iter().filter(|g| pred.binary_search(&(g.0, g.1, g.2)).is_ok()).count();
                counts[k][1] += pred.iter().filter(|p| p.2 == label).count();
                counts[k][2] += gold.len();
            }
        }
        let f1 = |[tp, np, ng]: [usize; 3]| {
            let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
            2.0 * p * r / (p + r).max(1e-9)
        };
        let micro = [0, 1, 2].map(|c| counts.iter().map(|k| k[c]).sum::<usize>());
        eprintln!(
            "{set}: engine micro F1 {:.3} (PER {:.3}, LOC {:.3}, ORG {:.3})",
            f1(micro),
            f1(counts[0]),
            f1(counts[1]),
            f1(counts[2])
        );
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
