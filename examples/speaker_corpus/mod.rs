//! The speaker-attribution corpora in their common JSONL format, for examples that train or evaluate speaker
//! ranking (future `train_speakers` / `eval_speakers`).
//!
//! `python3 scripts/speaker-data.py build` writes the files (one per corpus, one document per line) from
//! `../shared/data/litbank-quotes-en` (CC BY 4.0), `../shared/data/fr-litbank-citations` (CC BY-SA 2.0 FR) and the
//! DEV part of `eval/real-news` (the test part is never read); the format and the counts are in
//! `eval/speaker-data/README.md`. Offsets are UTF-8 byte offsets into `text`, so they slice a Rust `&str`
//! directly. This module only reads and checks them; it knows nothing of the engine.

#![allow(dead_code)]

use serde::Deserialize;
use std::path::Path;

/// The corpora `speaker-data.py build` writes, by file stem.
pub const CORPORA: [&str; 3] = ["litbank-quotes-en", "fr-litbank-citations", "real-news-dev"];

/// One document with its quotations.
#[derive(Debug, Deserialize)]
pub struct Doc {
    pub id: String,
    pub lang: String,
    pub source: String,
    pub licence: String,
    /// What a quote without speaker means here: `none` (no speaker in its sentence, the news guideline),
    /// `no_explicit_source` (fr-LitBank: no Source relation) or `unknown` (LitBank: speaker not located).
    pub null_speaker: String,
    pub text: String,
    pub quotes: Vec<Quote>,
}

/// One quotation: its content span (marks excluded) and its speaker.
#[derive(Debug, Deserialize)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    /// Every mention of the speaker found in the text (the corpus's, or string matches of the speaker).
    pub speaker_spans: Vec<(usize, usize)>,
    pub speaker_text: Option<String>,
    /// The mention attributing this quote (subject of the verb, agent of "selon", inverted pronoun), if located.
    pub attributing: Option<(usize, usize)>,
    /// Pieces of a quotation interrupted by an incise (fr-LitBank only); empty when continuous.
    #[serde(default)]
    pub parts: Vec<(usize, usize)>,
    /// The introducing verb (fr-LitBank `Introducteur`), when annotated.
    #[serde(default)]
    pub cue: Option<(usize, usize)>,
    /// The speaker's proper name when the document resolves it (real news only).
    #[serde(default)]
    pub speaker_name: Option<String>,
    /// LitBank's speaker entity id (e.g. `Jack_Durbeyfield-0`).
    #[serde(default)]
    pub entity: Option<String>,
}

impl Doc {
    /// Text of a byte span, `None` when the span is not a valid slice.
    pub fn slice(&self, span: (usize, usize)) -> Option<&str> {
        self.text.get(span.0..span.1)
    }

    /// Checks every span: inside the text, on character boundaries, non-empty; the attributing mention is one of
    /// the speaker spans and lies outside its own quotation.
    pub fn check(&self) -> Result<(), String> {
        for (i, q) in self.quotes.iter().enumerate() {
            let at = |what: &str| format!("{} quote {i}: {what}", self.id);
            let mut spans = vec![(q.start, q.end)];
            spans.extend(q.speaker_spans.iter().copied());
            spans.extend(q.parts.iter().copied());
            spans.extend(q.attributing);
            spans.extend(q.cue);
            for s in spans {
                if s.0 >= s.1 || self.slice(s).is_none() {
                    return Err(at(&format!("bad span {s:?}")));
                }
            }
            if let Some(a) = q.attributing {
                if !q.speaker_spans.contains(&a) {
                    return Err(at("attributing mention missing from speaker_spans"));
                }
                if q.parts.is_empty() && a.0 < q.end && q.start < a.1 {
                    return Err(at("attributing mention inside its quotation"));
                }
            }
        }
        Ok(())
    }
}

/// Reads one JSONL file, checking every document.
pub fn read(path: &Path) -> Result<Vec<Doc>, String> {
    let body = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut docs = Vec::new();
    for (n, line) in body.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let doc: Doc = serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        doc.check()?;
        docs.push(doc);
    }
    Ok(docs)
}

/// Reads every corpus of [`CORPORA`] from `dir` (normally `target/speaker-data`).
pub fn read_all(dir: &Path) -> Result<Vec<(&'static str, Vec<Doc>)>, String> {
    CORPORA
        .iter()
        .map(|name| {
            let path = dir.join(format!("{name}.jsonl"));
            if !path.exists() {
                return Err(format!("{} missing: run `python3 scripts/speaker-data.py build` first", path.display()));
            }
            read(&path).map(|docs| (*name, docs))
        })
        .collect()
}
