#![cfg(not(target_arch = "wasm32"))]
//! Entity layer behaviour, driven by `tests/cases/entities.toml`.

mod common;

use article_annotator::{Annotation, Annotator, Lang};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    lang: String,
    text: String,
    #[serde(default)]
    expect: Vec<[String; 2]>,
    #[serde(default)]
    absent: Vec<[String; 2]>,
    #[serde(default)]
    same: Vec<Vec<String>>,
}

/// (label, text, entity_id) of every entity of `text`.
fn entities(lang: Lang, text: &str) -> Vec<(String, String, u32)> {
    Annotator::for_lang(lang)
        .annotate(text)
        .annotations
        .iter()
        .filter_map(|a| match a {
            Annotation::Entity(e) => Some((e.label.as_str().to_string(), e.span.slice(text).to_string(), e.entity_id)),
            _ => None,
        })
        .collect()
}

#[test]
fn entity_cases() {
    let cases: Vec<Case> = common::cases::parse(include_str!("cases/entities.toml"), "tests/cases/entities.toml");
    common::cases::run(&cases, |c| {
        let mut failures = Vec::new();
        let lang: Lang = c.lang.parse().unwrap();
        let got = entities(lang, &c.text);
        for [label, text] in &c.expect {
            if !got.iter().any(|g| &g.0 == label && &g.1 == text) {
                failures.push(format!("{}: missing {label} {text:?}; got {got:?}", c.name));
            }
        }
        for [label, text] in &c.absent {
            if got.iter().any(|g| (label == "*" || &g.0 == label) && g.1.contains(text.as_str())) {
                failures.push(format!("{}: unexpected {label} {text:?}; got {got:?}", c.name));
            }
        }
        for group in &c.same {
            let ids: Vec<u32> = group.iter().flat_map(|t| got.iter().filter(move |g| &g.1 == t).map(|g| g.2)).collect();
            if ids.len() < group.len() || ids.iter().any(|&i| i != ids[0]) {
                failures.push(format!("{}: {group:?} should share one entity; got {got:?}", c.name));
            }
        }
        failures
    });
}

#[test]
fn ids_are_numbered_in_order_of_first_mention() {
    let text = "Marie Curie et Pierre Curie vivaient à Paris. Marie Curie est née à Varsovie.";
    let got = entities(Lang::Fr, text);
    let mut next = 0;
    for (_, _, id) in &got {
        assert!(*id <= next, "{got:?}");
        if *id == next {
            next += 1;
        }
    }
    assert!(next >= 3, "{got:?}");
}

#[test]
fn spans_never_start_with_articles_or_titles() {
    let texts = [
        "Le maire de Bordeaux, M. Pierre Hurmic, a reçu la délégation de l'Unesco et le président de la Fifa.",
        "The mayor, Mr. James Brown, told the BBC that the UN had called.",
    ];
    for (lang, text) in [Lang::Fr, Lang::En].into_iter().zip(texts) {
        for (label, t, _) in entities(lang, text) {
            for bad in ["l'", "d'", "le ", "la ", "the ", "M. ", "Mr. "] {
                assert!(!t.to_lowercase().starts_with(bad), "{label} {t:?} starts with {bad:?}");
            }
        }
    }
}

#[test]
fn any_input_is_safe() {
    for text in
        ["", " ", "(", ")", "( )", "/", "A/B/", "/AFP", "le 31", "de à", "13H00 à", "Mr.", "'s", "« »", "M. (X)"]
    {
        for lang in [Lang::Fr, Lang::En] {
            let _ = entities(lang, text);
        }
    }
}

#[test]
fn multibyte_text_after_a_parenthesised_name() {
    for text in ["la Société (SNCF)° et", "(A)é", "Le groupe Alpha (Bêta)ç puis"] {
        let _ = entities(Lang::Fr, text);
    }
}
