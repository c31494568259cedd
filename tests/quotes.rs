#![cfg(not(target_arch = "wasm32"))]
//! Quotation cases from `tests/cases/quotes.toml`: each case lists every
//! quotation the layer must return (text, direct or reported, speaker text,
//! optionally the speaker's entity id) and nothing else.

mod common;

use article_annotator::detect::{quotes, Analysis};
use article_annotator::{Entity, EntityLabel, Lang, Span};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    lang: String,
    text: String,
    /// Entities given to the layer: [surface, label, id]; every occurrence.
    #[serde(default)]
    entities: Vec<(String, String, u32)>,
    #[serde(default)]
    quotes: Vec<Expected>,
}

#[derive(Deserialize, Debug, PartialEq)]
struct Expected {
    text: String,
    direct: bool,
    #[serde(default)]
    speaker: Option<String>,
    #[serde(default)]
    speaker_id: Option<u32>,
}

fn label(s: &str) -> EntityLabel {
    match s {
        "PER" => EntityLabel::Per,
        "ORG" => EntityLabel::Org,
        "LOC" => EntityLabel::Loc,
        "DATE" => EntityLabel::Date,
        _ => EntityLabel::Misc,
    }
}

#[test]
fn quote_cases() {
    let cases: Vec<Case> = common::cases::parse(include_str!("cases/quotes.toml"), "tests/cases/quotes.toml");
    common::cases::run(&cases, |case| {
        let lang: Lang = case.lang.parse().expect("lang");
        let mut entities: Vec<Entity> = case
            .entities
            .iter()
            .flat_map(|(surface, l, id)| {
                case.text.match_indices(surface.as_str()).map(move |(i, s)| Entity {
                    span: Span::new(i, i + s.len()),
                    label: label(l),
                    entity_id: *id,
                })
            })
            .collect();
        entities.sort_by_key(|e| e.span.start);
        let analysis = Analysis::new(&case.text, lang);
        let got: Vec<Expected> = quotes::detect(&analysis, &entities)
            .into_iter()
            .map(|q| Expected {
                text: q.span.slice(&case.text).to_string(),
                direct: q.direct,
                speaker: q.speaker.as_ref().map(|s| s.span.slice(&case.text).to_string()),
                speaker_id: q.speaker.and_then(|s| s.entity_id),
            })
            .collect();
        // speaker_id is checked only where the case gives one.
        let matches = got.len() == case.quotes.len()
            && got.iter().zip(&case.quotes).all(|(g, e)| {
                g.text == e.text
                    && g.direct == e.direct
                    && g.speaker == e.speaker
                    && (e.speaker_id.is_none() || g.speaker_id == e.speaker_id)
            });
        if matches {
            return Vec::new();
        }
        vec![format!("{}:\n  expected {:?}\n  got      {:?}", case.name, case.quotes, got)]
    });
}

/// No input makes the layer panic or take more than linear time.
#[test]
fn pathological_inputs() {
    let inputs = [
        "«".repeat(200_000),
        "« a » ".repeat(50_000),
        "\"".repeat(100_000),
        "“ ‘ „ ‹ ".repeat(30_000),
        "a dit que ".repeat(30_000),
        "selon selon selon , ".repeat(20_000),
        "« x », a-t-il dit, ".repeat(20_000),
        "'".repeat(50_000),
    ];
    for text in &inputs {
        for lang in Lang::ALL {
            let start = std::time::Instant::now();
            let a = Analysis::new(text, lang);
            let q = quotes::detect(&a, &[]);
            assert!(q.iter().all(|q| q.span.end <= text.len()));
            assert!(start.elapsed().as_secs() < 20, "too slow on {:?}…", &text[..20]);
        }
    }
}
