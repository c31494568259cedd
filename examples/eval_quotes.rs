//! Measures the quotation layer against gold files: direct-quotation span
//! precision/recall/F1 (exact byte spans) and speaker accuracy.
//!
//! ```text
//! cargo run --release --example eval_quotes -- [--verbose] NAME=FILE...
//! ```
//!
//! Each FILE holds documents as JSON lines or one JSON array:
//! `{"id", "lang", "text", "quotes": [...], "ignore": [[start, end], ...]}`. A gold quote gives either byte
//! offsets (`start`, `end`) or its `text` (found in order in the document), `direct` (only direct quotes are
//! scored), and its speaker either as `speaker_spans` (byte ranges: the prediction must overlap one) or as
//! `speaker` text (the prediction must equal it; null = no speaker). `speaker_known: false` leaves the
//! speaker unscored. Predicted quotes that match no gold and overlap an `ignore` span (or come within 4
//! bytes of one: the marks around them) are not counted.
//! `scripts/eval-quotes.sh` builds the inputs and runs this.

use article_annotator::{Annotation, Annotator, Lang, Span};
use serde_json::Value;
use std::process::ExitCode;

struct Gold {
    span: Span,
    speaker_known: bool,
    speaker_spans: Option<Vec<Span>>,
    speaker_text: Option<Option<String>>,
}

#[derive(Default)]
struct Score {
    docs: usize,
    gold: usize,
    pred: usize,
    hit: usize,
    speaker_total: usize,
    speaker_ok: usize,
}

impl Score {
    fn line(&self, name: &str) -> String {
        let p = if self.pred == 0 { 0.0 } else { self.hit as f64 / self.pred as f64 };
        let r = if self.gold == 0 { 0.0 } else { self.hit as f64 / self.gold as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        let acc = if self.speaker_total == 0 { 0.0 } else { self.speaker_ok as f64 / self.speaker_total as f64 };
        format!(
            "| {name} | {} | {} | {} | {} | {p:.3} | {r:.3} | {f:.3} | {}/{} | {acc:.3} |",
            self.docs, self.gold, self.pred, self.hit, self.speaker_ok, self.speaker_total
        )
    }
}

fn span_of(v: &Value) -> Option<Span> {
    let a = v.get(0)?.as_u64()? as usize;
    let b = v.get(1)?.as_u64()? as usize;
    Some(Span::new(a, b))
}

fn load(path: &str) -> Result<Vec<Value>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let trimmed = raw.trim_start();
    if trimmed.starts_with('[') {
        let v: Value = serde_json::from_str(&raw).map_err(|e| format!("{path}: {e}"))?;
        Ok(v.as_array().cloned().unwrap_or_default())
    } else if trimmed.starts_with('{') && !raw.trim_end().contains('\n') || path.ends_with(".json") {
        serde_json::from_str(&raw).map(|v| vec![v]).map_err(|e| format!("{path}: {e}"))
    } else {
        raw.lines()
            .filter(|l| !l.trim().is_empty())
            .enumerate()
            .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("{path}: line {}: {e}", n + 1)))
            .collect()
    }
}

fn gold_quotes(doc: &Value, text: &str) -> Result<Vec<Gold>, String> {
    let mut out = Vec::new();
    let mut cursor = 0;
    for q in doc["quotes"].as_array().into_iter().flatten() {
        if q["direct"].as_bool() == Some(false) {
            continue;
        }
        let span = if let (Some(s), Some(e)) = (q["start"].as_u64(), q["end"].as_u64()) {
            Span::new(s as usize, e as usize)
        } else {
            let t = q["text"].as_str().ok_or("gold quote without text or offsets")?;
            let at = text[cursor..]
                .find(t)
                .map(|i| i + cursor)
                .or_else(|| text.find(t))
                .ok_or_else(|| format!("{}: quote not in text: {t:?}", doc["id"]))?;
            cursor = at;
            Span::new(at, at + t.len())
        };
        let speaker_spans = q["speaker_spans"].as_array().map(|a| a.iter().filter_map(span_of).collect());
        let speaker_text = q.get("speaker").map(|s| s.as_str().map(str::to_string));
        let speaker_known = q["speaker_known"].as_bool().unwrap_or(speaker_spans.is_some() || speaker_text.is_some());
        out.push(Gold { span, speaker_known, speaker_spans, speaker_text });
    }
    Ok(out)
}

fn main() -> ExitCode {
    let mut verbose = false;
    let mut sets = Vec::new();
    for arg in std::env::args().skip(1) {
        if arg == "--verbose" || arg == "-v" {
            verbose = true;
        } else if let Some((name, path)) = arg.split_once('=') {
            sets.push((name.to_string(), path.to_string()));
        } else {
            sets.push((arg.clone(), arg));
        }
    }
    if sets.is_empty() {
        eprintln!("usage: eval_quotes [--verbose] NAME=FILE...");
        return ExitCode::from(2);
    }
    let mut lines = vec![
        "| set | docs | gold quotes | predicted | exact | P | R | F1 | speakers right | speaker acc. |".to_string(),
        "|---|---|---|---|---|---|---|---|---|---|".to_string(),
    ];
    let mut total = Score::default();
    let mut grouped: Vec<(String, Score)> = Vec::new();
    for (name, path) in &sets {
        let docs = match load(path) {
            Ok(d) => d,
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        let idx = match grouped.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                grouped.push((name.clone(), Score::default()));
                grouped.len() - 1
            }
        };
        for doc in &docs {
            let text = doc["text"].as_str().unwrap_or("");
            let lang: Lang = doc["lang"].as_str().unwrap_or("fr").parse().unwrap_or(Lang::Fr);
            let gold = match gold_quotes(doc, text) {
                Ok(g) => g,
                Err(e) => {
                    eprintln!("{path}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let ignore: Vec<Span> = doc["ignore"].as_array().into_iter().flatten().filter_map(span_of).collect();
            let annotated = Annotator::for_lang(lang).annotate(text);
            let pred: Vec<_> = annotated
                .annotations
                .iter()
                .filter_map(|a| match a {
                    Annotation::Quote(q) if q.direct => Some(q),
                    _ => None,
                })
                .collect();
            let s = &mut grouped[idx].1;
            s.docs += 1;
            s.gold += gold.len();
            for p in &pred {
                let matched = gold.iter().any(|g| g.span == p.span);
                // The prediction with room for its marks and their spaces.
                let wide = Span::new(p.span.start.saturating_sub(4), p.span.end + 4);
                let ignored = !matched && ignore.iter().any(|i| i.overlaps(wide));
                if !ignored {
                    s.pred += 1;
                }
                if !matched && !ignored && verbose {
                    println!("FP  {} {:?}", doc["id"], p.span.slice(text));
                }
            }
            for g in &gold {
                let Some(p) = pred.iter().find(|p| p.span == g.span) else {
                    if verbose {
                        let near = pred.iter().find(|p| p.span.overlaps(g.span)).map(|p| p.span.slice(text));
                        println!("FN  {} {:?} (overlapping prediction: {near:?})", doc["id"], g.span.slice(text));
                    }
                    continue;
                };
                s.hit += 1;
                if !g.speaker_known {
                    continue;
                }
                s.speaker_total += 1;
                let got = p.speaker.as_ref().map(|sp| sp.span);
                let ok = match (&g.speaker_spans, &g.speaker_text, got) {
                    (Some(spans), _, Some(sp)) => spans.iter().any(|gs| gs.overlaps(sp)),
                    (Some(spans), _, None) => spans.is_empty(),
                    (None, Some(Some(t)), Some(sp)) => sp.slice(text) == t,
                    (None, Some(None), None) => true,
                    (None, None, _) => true,
                    _ => false,
                };
                if ok {
                    s.speaker_ok += 1;
                } else if verbose {
                    let gold_sp: Vec<&str> = match (&g.speaker_spans, &g.speaker_text) {
                        (Some(spans), _) => spans.iter().map(|x| x.slice(text)).collect(),
                        (None, Some(Some(t))) => vec![t.as_str()],
                        _ => vec![],
                    };
                    println!(
                        "SPK {} {:?}: gold {:?}, got {:?}",
                        doc["id"],
                        truncate(g.span.slice(text)),
                        gold_sp,
                        got.map(|x| x.slice(text))
                    );
                }
            }
        }
    }
    for (name, s) in &grouped {
        lines.push(s.line(name));
        total.docs += s.docs;
        total.gold += s.gold;
        total.pred += s.pred;
        total.hit += s.hit;
        total.speaker_total += s.speaker_total;
        total.speaker_ok += s.speaker_ok;
    }
    if grouped.len() > 1 {
        lines.push(total.line("all"));
    }
    println!("{}", lines.join("\n"));
    ExitCode::SUCCESS
}

fn truncate(s: &str) -> &str {
    match s.char_indices().nth(60) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}
