//! Every rule of the layer's rule tables names the case of
//! `tests/cases/quotes.toml` that pins it: with the rule switched off, that
//! case's output must change. (A rule no case pins could be deleted
//! unnoticed; a table entry naming the wrong case would mislead.)

use super::{attribution, clauses, detect, reported, speech, Analysis, Entity, EntityLabel};
use crate::detect::rule::pinning;
use crate::lang::Lang;
use crate::span::Span;
use serde::Deserialize;

#[derive(Deserialize)]
struct CaseFile {
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    lang: String,
    text: String,
    #[serde(default)]
    entities: Vec<(String, String, u32)>,
}

/// The quotations of a case (entities given as in tests/quotes.rs), as
/// comparable text.
fn run(case: &Case) -> String {
    let lang: Lang = case.lang.parse().expect("lang");
    let mut entities: Vec<Entity> = case
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
            case.text.match_indices(surface.as_str()).map(move |(i, s)| Entity {
                span: Span::new(i, i + s.len()),
                label,
                entity_id: *id,
            })
        })
        .collect();
    entities.sort_by_key(|e| e.span.start);
    let a = Analysis::new(&case.text, lang);
    format!("{:?}", detect(&a, &entities))
}

#[test]
fn every_rule_is_pinned_by_its_case() {
    let file: CaseFile = toml::from_str(include_str!("../../../tests/cases/quotes.toml")).expect("quotes.toml");
    let rules: Vec<_> = [attribution::rules(), clauses::rules(), reported::rules(), speech::rules()].concat();
    let mut problems = Vec::new();
    for (i, &(name, doc, case_name)) in rules.iter().enumerate() {
        assert!(!doc.is_empty(), "rule {name}: no doc");
        assert!(rules[..i].iter().all(|r| r.0 != name), "two rules named {name}");
        let Some(case) = file.case.iter().find(|c| c.name == case_name) else {
            problems.push(format!("{name}: no case named {case_name:?}"));
            continue;
        };
        let on = run(case);
        let off = pinning::without(name, || run(case));
        if on == off {
            problems.push(format!("{name}: case {case_name:?} does not change without it"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
