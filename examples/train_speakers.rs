//! Learns the quotation layer's speaker ranker (`data/models/speaker-ranker.tsv`) from the `dev` part of
//! the real-news set (`eval/real-news`: texts CC BY 2.5 / public domain, annotations MIT OR Apache-2.0).
//!
//! ```text
//! cargo run --release --example train_speakers -- [--out FILE] [--epochs N] [--lr STEP] [--chain PRIOR] [--cases N]
//! ```
//!
//! For every gold direct quotation the engine finds with the same span, the engine's speaker candidates
//! (`detect::quotes::speaker_candidates`: mentions and binary features) form one ranking instance; the gold
//! candidate is the one whose text equals the gold speaker, or "no speaker" (the `NONE` feature) when the
//! gold has none. Instances whose gold speaker is no candidate are skipped (nothing to learn). The model is an
//! averaged perceptron (deterministic: instances in manifest order, fixed epochs). The `test` part is never
//! read. The unit cases of `tests/cases/quotes.toml` (the guideline rules the project pins, passages written
//! for the purpose) are added as instances (`--cases N`: each counted N times), in training only. Prints a
//! 3-fold cross-validated ranking accuracy over the news (folds by article position) before training on all.
//! `scripts/train-speakers.sh` runs this.

use article_annotator::detect::{entities, quotes, Analysis};
use article_annotator::{Entity, EntityLabel, Lang, Span};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fs;

const NONE: &str = "NONE";
const ROOT: &str = "eval/real-news";

/// One quotation: its candidates' features, and which is right (None = no speaker).
struct Instance {
    /// The article (position among the dev articles), or `None` for a unit case of
    /// `tests/cases/quotes.toml` (always in training, never in a validation fold).
    doc: Option<usize>,
    /// The article's batch (`b1`…), for the held-out-by-batch figure; empty for a unit case.
    batch: String,
    cands: Vec<Vec<String>>,
    gold: Option<usize>,
}

fn locate(text: &str, s: &str, occurrence: usize) -> Option<(usize, usize)> {
    let mut from = 0;
    let mut at = None;
    for _ in 0..occurrence.max(1) {
        let i = text[from..].find(s)? + from;
        at = Some(i);
        from = i + s.chars().next().map_or(1, char::len_utf8);
    }
    at.map(|i| (i, i + s.len()))
}

fn trim(text: &str, (a, b): (usize, usize)) -> (usize, usize) {
    let s = &text[a..b];
    let start = a + (s.len() - s.trim_start().len());
    let end = b - (s.len() - s.trim_end().len());
    (start, end.max(start))
}

fn instances() -> Result<Vec<Instance>, String> {
    let manifest = fs::read_to_string(format!("{ROOT}/manifest.jsonl")).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    let mut doc = 0;
    for line in manifest.lines().filter(|l| !l.trim().is_empty()) {
        let m: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        if m["part"] != "dev" {
            continue;
        }
        let id = m["id"].as_str().ok_or("manifest: id")?;
        let Ok(gold) = fs::read_to_string(format!("{ROOT}/gold/{id}.json")) else { continue };
        let gold: Value = serde_json::from_str(&gold).map_err(|e| format!("{id}: {e}"))?;
        let text = fs::read_to_string(format!("{ROOT}/texts/{id}.txt")).map_err(|e| format!("{id}: {e}"))?;
        let lang = if m["lang"] == "fr" { Lang::Fr } else { Lang::En };
        let analysis = Analysis::new(&text, lang);
        let ents = entities::detect(&analysis);
        let found = quotes::speaker_candidates(&analysis, &ents);
        let mut by_span = BTreeMap::new();
        for (segments, cands) in &found {
            for s in segments {
                by_span.insert(trim(&text, (s.start, s.end)), cands);
            }
        }
        for q in gold["quotes"].as_array().into_iter().flatten() {
            let occ = q["occurrence"].as_u64().unwrap_or(1) as usize;
            let qs = q["text"].as_str().ok_or("gold text")?;
            let span = locate(&text, qs, occ).ok_or_else(|| format!("{id}: quote not in text"))?;
            let Some(cands) = by_span.get(&trim(&text, span)) else { continue };
            let want = q["speaker"].as_str();
            if std::env::var_os("SPEAKERS_DUMP").is_some() {
                // Inspection aid: each found dev quotation's candidates with their features.
                eprintln!(
                    "## {id} {:?} gold {want:?}",
                    &qs[..qs.len().min(qs.char_indices().nth(40).map_or(qs.len(), |c| c.0))]
                );
                for (sp, f) in cands.iter() {
                    eprintln!("   {:?}: {}", &text[sp.start..sp.end], f.join(" "));
                }
            }
            let gold_idx = match want {
                None => None,
                Some(w) => match cands.iter().position(|(sp, _)| &text[sp.start..sp.end] == w) {
                    Some(i) => Some(i),
                    None => continue,
                },
            };
            out.push(Instance {
                doc: Some(doc),
                batch: m["batch"].as_str().unwrap_or("").to_string(),
                cands: cands.iter().map(|(_, f)| f.clone()).collect(),
                gold: gold_idx,
            });
        }
        doc += 1;
    }
    Ok(out)
}

/// The unit cases of `tests/cases/quotes.toml` (passages written for the purpose: the guideline rules the
/// project pins) as ranking instances, each counted `weight` times: the ranker must keep them.
fn case_instances(weight: usize) -> Result<Vec<Instance>, String> {
    #[derive(serde::Deserialize)]
    struct File {
        case: Vec<Case>,
    }
    #[derive(serde::Deserialize)]
    struct Case {
        lang: String,
        text: String,
        #[serde(default)]
        entities: Vec<(String, String, u32)>,
        #[serde(default)]
        quotes: Vec<Expect>,
    }
    #[derive(serde::Deserialize)]
    struct Expect {
        text: String,
        direct: bool,
        speaker: Option<String>,
    }
    let raw = fs::read_to_string("tests/cases/quotes.toml").map_err(|e| e.to_string())?;
    let file: File = toml::from_str(&raw).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for c in &file.case {
        let lang = if c.lang == "fr" { Lang::Fr } else { Lang::En };
        let mut ents: Vec<Entity> = c
            .entities
            .iter()
            .flat_map(|(surface, label, id)| {
                let label = match label.as_str() {
                    "PER" => EntityLabel::Per,
                    "ORG" => EntityLabel::Org,
                    "LOC" => EntityLabel::Loc,
                    "DATE" => EntityLabel::Date,
                    _ => EntityLabel::Misc,
                };
                c.text.match_indices(surface.as_str()).map(move |(i, s)| Entity {
                    span: Span::new(i, i + s.len()),
                    label,
                    entity_id: *id,
                })
            })
            .collect();
        ents.sort_by_key(|e| e.span.start);
        let analysis = Analysis::new(&c.text, lang);
        let found = quotes::speaker_candidates(&analysis, &ents);
        for q in c.quotes.iter().filter(|q| q.direct) {
            let Some((_, cands)) = found.iter().find(|(segs, _)| segs.iter().any(|s| s.slice(&c.text) == q.text))
            else {
                continue;
            };
            let gold = match &q.speaker {
                None => None,
                Some(w) => match cands.iter().position(|(sp, _)| sp.slice(&c.text) == w) {
                    Some(i) => Some(i),
                    None => continue,
                },
            };
            for _ in 0..weight {
                out.push(Instance {
                    doc: None,
                    batch: String::new(),
                    cands: cands.iter().map(|(_, f)| f.clone()).collect(),
                    gold,
                });
            }
        }
    }
    Ok(out)
}

type Weights = BTreeMap<String, f64>;

fn score(w: &Weights, feats: &[String]) -> f64 {
    feats.iter().map(|f| w.get(f).copied().unwrap_or(0.0)).sum()
}

/// The candidate the weights choose, None when none beats `NONE` (the chain's choice needs not: as in
/// `src/detect/quotes/ranker.rs`).
fn predict(w: &Weights, inst: &Instance) -> Option<usize> {
    let none = w.get(NONE).copied().unwrap_or(0.0);
    let mut best: Option<(f64, usize)> = None;
    for (i, f) in inst.cands.iter().enumerate() {
        let s = score(w, f);
        let is_chain = f.iter().any(|x| x == "chain");
        if (s > none || is_chain) && best.map_or(true, |(b, _)| s > b) {
            best = Some((s, i));
        }
    }
    best.map(|(_, i)| i)
}

fn feats_of(inst: &Instance, choice: Option<usize>) -> Vec<String> {
    match choice {
        Some(i) => inst.cands[i].clone(),
        None => vec![NONE.to_string()],
    }
}

/// The prior the learning starts from: the first-match chain of the attribution steps (its choice speaks).
/// With few instances, the data moves the weights only as far as it has evidence.
fn prior(chain: f64) -> Weights {
    [("chain".to_string(), chain), (NONE.to_string(), 0.5)].into_iter().collect()
}

/// Averaged perceptron over the ranking instances, from the prior, with step `lr`.
fn train(data: &[&Instance], epochs: usize, lr: f64, chain: f64) -> Weights {
    let mut w = prior(chain);
    let mut total = Weights::new();
    let mut steps = 0.0;
    for _ in 0..epochs {
        for inst in data {
            let pred = predict(&w, inst);
            if pred != inst.gold {
                for f in feats_of(inst, inst.gold) {
                    *w.entry(f).or_default() += lr;
                }
                for f in feats_of(inst, pred) {
                    *w.entry(f).or_default() -= lr;
                }
            }
            for (k, v) in &w {
                *total.entry(k.clone()).or_default() += v;
            }
            steps += 1.0;
        }
    }
    total.into_iter().map(|(k, v)| (k, v / steps)).filter(|(_, v)| v.abs() >= 0.0005).collect()
}

/// The unit cases pin guideline rules: after training, perceptron steps on the cases the weights still get
/// wrong (at most 50 passes) until none is. Returns the number of steps taken.
fn enforce(w: &mut Weights, cases: &[&Instance], lr: f64) -> usize {
    let mut steps = 0;
    for _ in 0..50 {
        let wrong: Vec<&&Instance> = cases.iter().filter(|i| predict(w, i) != i.gold).collect();
        if wrong.is_empty() {
            break;
        }
        for inst in wrong {
            let pred = predict(w, inst);
            for f in feats_of(inst, inst.gold) {
                *w.entry(f).or_default() += lr;
            }
            for f in feats_of(inst, pred) {
                *w.entry(f).or_default() -= lr;
            }
            steps += 1;
        }
    }
    // Weights are written with three decimals: round now, so that the file scores as trained.
    for v in w.values_mut() {
        *v = (*v * 1000.0).round() / 1000.0;
    }
    w.retain(|_, v| v.abs() >= 0.0005);
    steps
}

fn accuracy(w: &Weights, data: &[&Instance]) -> f64 {
    let right = data.iter().filter(|i| predict(w, i) == i.gold).count();
    right as f64 / data.len().max(1) as f64
}

/// Leave-one-batch-out ranking accuracy: for each batch, trained on the others (and the unit cases),
/// scored on it; "b1 0.700 (n) …, all 0.680".
fn held_out_by_batch(data: &[Instance], epochs: usize, lr: f64, chain: f64) -> String {
    let mut batches: Vec<&str> = data.iter().filter(|i| i.doc.is_some()).map(|i| i.batch.as_str()).collect();
    batches.sort_unstable();
    batches.dedup();
    let (mut right, mut total, mut parts) = (0.0, 0usize, Vec::new());
    for b in batches {
        let tr: Vec<&Instance> = data.iter().filter(|i| i.doc.is_none() || i.batch != b).collect();
        let te: Vec<&Instance> = data.iter().filter(|i| i.doc.is_some() && i.batch == b).collect();
        let acc = accuracy(&train(&tr, epochs, lr, chain), &te);
        right += acc * te.len() as f64;
        total += te.len();
        parts.push(format!("{b} {acc:.3} ({})", te.len()));
    }
    format!("{}, all {:.3}", parts.join(", "), right / total.max(1) as f64)
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let out = arg("--out").unwrap_or_else(|| "data/models/speaker-ranker.tsv".into());
    let epochs: usize = arg("--epochs").map_or(Ok(10), |e| e.parse()).map_err(|e| format!("--epochs: {e}"))?;
    let lr: f64 = arg("--lr").map_or(Ok(0.05), |e| e.parse()).map_err(|e| format!("--lr: {e}"))?;
    let chain: f64 = arg("--chain").map_or(Ok(4.0), |e| e.parse()).map_err(|e| format!("--chain: {e}"))?;
    let case_weight: usize = arg("--cases").map_or(Ok(8), |e| e.parse()).map_err(|e| format!("--cases: {e}"))?;
    let mut data = instances()?;
    let news = data.len();
    let cases = case_instances(case_weight)?;
    let n_cases = cases.len() / case_weight.max(1);
    // Interleaved with the news, so that the perceptron's passes do not end on one kind.
    let step = (data.len() / cases.len().max(1)).max(1);
    for (k, c) in cases.into_iter().enumerate() {
        data.insert(((k + 1) * step + k).min(data.len()), c);
    }
    let all: Vec<&Instance> = data.iter().collect();
    let mut cv = Vec::new();
    for fold in 0..3 {
        let tr: Vec<&Instance> = data.iter().filter(|i| i.doc.map_or(true, |d| d % 3 != fold)).collect();
        let te: Vec<&Instance> = data.iter().filter(|i| i.doc.is_some_and(|d| d % 3 == fold)).collect();
        cv.push((accuracy(&train(&tr, epochs, lr, chain), &te), te.len()));
    }
    let n: usize = cv.iter().map(|c| c.1).sum();
    let cv_acc = cv.iter().map(|(a, k)| a * *k as f64).sum::<f64>() / n.max(1) as f64;
    let by_batch = held_out_by_batch(&data, epochs, lr, chain);
    let mut w = train(&all, epochs, lr, chain);
    let case_only: Vec<&Instance> = data.iter().filter(|i| i.doc.is_none()).collect();
    let repairs = enforce(&mut w, &case_only, lr);
    let news_only: Vec<&Instance> = data.iter().filter(|i| i.doc.is_some()).collect();
    let first_match = accuracy(&prior(1.0), &news_only);
    eprintln!(
        "{news} news instances + {n_cases} unit cases (x{case_weight}); news ranking accuracy: first-match chain {:.3}, \
         3-fold CV {:.3}, held out by batch {by_batch}, trained on all {:.3}; unit cases {:.3} ({repairs} repair \
         steps); {} weights",
        first_match,
        cv_acc,
        accuracy(&w, &news_only),
        accuracy(&w, &case_only),
        w.len()
    );
    let mut s = String::new();
    s.push_str(
        "# Speaker ranker of the quotation layer: linear weights over binary features of speaker candidates\n\
         # (src/detect/quotes/ranker.rs: which finders proposed a mention, its form and entity label, its role in\n\
         # the mention layer, where it stands). A candidate speaks when its summed weights beat NONE.\n\
         # Learned by examples/train_speakers.rs (averaged perceptron, deterministic) from the dev part of\n\
         # eval/real-news (texts: fr.wikinews CC BY 2.5, en.wikinews public domain; annotations: this project,\n\
         # MIT OR Apache-2.0) and the unit cases of tests/cases/quotes.toml (this project's). This file:\n\
         # MIT OR Apache-2.0. Rebuild: scripts/train-speakers.sh\n",
    );
    s.push_str(&format!(
        "# {news} news instances + {n_cases} unit cases (x{case_weight}), {epochs} epochs, step {lr}, from the prior chain {chain}, NONE 0.5; news ranking accuracy 3-fold CV {cv_acc:.3} (first-match chain {first_match:.3})\n"
    ));
    for (k, v) in &w {
        s.push_str(&format!("{k}\t{v:.3}\n"));
    }
    if std::env::var_os("TRAIN_SPEAKERS_DEBUG").is_some() {
        for i in case_only.iter().filter(|i| predict(&w, i) != i.gold) {
            eprintln!("unit case missed: gold {:?} predicted {:?}: {:?}", i.gold, predict(&w, i), i.cands);
        }
    }
    fs::write(&out, s).map_err(|e| format!("{out}: {e}"))?;
    eprintln!("wrote {out}");
    Ok(())
}
