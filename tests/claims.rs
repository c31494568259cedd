#![cfg(not(target_arch = "wasm32"))]
//! Claim-layer cases: every `[[case]]` of `tests/cases/claims.toml` is
//! annotated and its claims must be exactly `expect`: one
//! `[reason, cue, span, source]` per claim (source `""` = none), in text
//! order. A case with `expect = []` is a negative case: no claim at all.
//! Optional `other_cues = [[...], ...]` gives each claim's other cues.

mod common;

use article_annotator::{Annotation, Annotator, Lang};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    lang: String,
    text: String,
    expect: Vec<[String; 4]>,
    #[serde(default)]
    other_cues: Option<Vec<Vec<String>>>,
}

#[test]
fn claim_cases() {
    let cases: Vec<Case> = common::cases::parse(include_str!("cases/claims.toml"), "tests/cases/claims.toml");
    common::cases::run(&cases, |case| {
        let mut failures = Vec::new();
        let lang: Lang = case.lang.parse().expect("lang");
        let doc = Annotator::for_lang(lang).annotate(&case.text);
        let claims: Vec<_> = doc
            .annotations
            .iter()
            .filter_map(|a| match a {
                Annotation::Claim(c) => Some(c),
                _ => None,
            })
            .collect();
        let got: Vec<[String; 4]> = claims
            .iter()
            .map(|c| {
                [
                    c.reason.as_str().to_string(),
                    c.cue.slice(&case.text).to_string(),
                    c.span.slice(&case.text).to_string(),
                    c.source.map(|s| s.slice(&case.text).to_string()).unwrap_or_default(),
                ]
            })
            .collect();
        if got != case.expect {
            failures.push(format!("{}:\n  expected {:?}\n  got      {:?}", case.name, case.expect, got));
            return failures;
        }
        if let Some(others) = &case.other_cues {
            let got: Vec<Vec<String>> =
                claims.iter().map(|c| c.other_cues.iter().map(|s| s.slice(&case.text).to_string()).collect()).collect();
            if &got != others {
                failures.push(format!("{} (other_cues):\n  expected {:?}\n  got      {:?}", case.name, others, got));
            }
        }
        for c in &claims {
            assert!(!c.explanation.is_empty(), "{}: empty explanation", case.name);
        }
        failures
    });
}

/// Each reason has at least one case in each language (conditional: French).
#[test]
fn every_reason_is_covered() {
    let cases: Vec<Case> = common::cases::parse(include_str!("cases/claims.toml"), "tests/cases/claims.toml");
    for lang in ["fr", "en"] {
        for reason in article_annotator::ClaimReason::ALL {
            if lang == "en" && reason == article_annotator::ClaimReason::Conditional {
                continue;
            }
            assert!(
                cases.iter().any(|c| c.lang == lang && c.expect.iter().any(|e| e[0] == reason.as_str())),
                "no {lang} case for {}",
                reason.as_str()
            );
        }
    }
}

/// The explanation is in the article's language and names the source.
#[test]
fn explanations_follow_templates() {
    let text = "Selon la police, le suspect aurait fui vers la Belgique.";
    let doc = Annotator::for_lang(Lang::Fr).annotate(text);
    let c = doc
        .annotations
        .iter()
        .find_map(|a| match a {
            Annotation::Claim(c) => Some(c),
            _ => None,
        })
        .expect("a claim");
    assert_eq!(c.explanation, "Attribué à une seule source : la police.");
    let text = "The video could not be independently verified.";
    let doc = Annotator::for_lang(Lang::En).annotate(text);
    assert!(doc
        .annotations
        .iter()
        .any(|a| matches!(a, Annotation::Claim(c) if c.explanation == "The outlet says it could not verify this.")));
}

/// Any input: no panic, spans on char boundaries, inside the text.
#[test]
fn odd_inputs_do_not_panic() {
    let long = "selon ".repeat(5000) + &"pourrait ".repeat(5000);
    for text in [
        "",
        "selon",
        "Selon ,",
        "« selon X, il serait »",
        "n'a pas pu vérifier ces affirmations",
        "Ces derniers ont revendiqué.",
        ", affirme-t-il.",
        "\u{2019}selon\u{2019} aurait\u{a0}: ; , .",
        long.as_str(),
    ] {
        for lang in Lang::ALL {
            let doc = Annotator::for_lang(lang).annotate(text);
            for a in &doc.annotations {
                if let Annotation::Claim(c) = a {
                    for s in std::iter::once(c.span)
                        .chain(std::iter::once(c.cue))
                        .chain(c.source)
                        .chain(c.other_cues.iter().copied())
                    {
                        assert!(s.end <= text.len() && text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                    }
                }
            }
        }
    }
}

mod properties {
    use article_annotator::{Annotation, Annotator, Lang};
    use proptest::prelude::*;

    /// Words that trigger every path of the claim layer, mixed with
    /// punctuation and quotation marks.
    fn word() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "selon",
            "Selon",
            "d'après",
            "pour",
            "Pour",
            "X",
            "la",
            "police",
            ",",
            ".",
            ";",
            ":",
            "«",
            "»",
            "\"",
            "“",
            "”",
            "que",
            "qu'",
            "aurait",
            "pourrait",
            "serait",
            "si",
            "même",
            "a",
            "affirmé",
            "revendiqué",
            "ces",
            "affirmations",
            "n'a",
            "pas",
            "répondu",
            "pu",
            "vérifier",
            "une",
            "source",
            "proche",
            "du",
            "dossier",
            "according",
            "to",
            "claimed",
            "may",
            "that",
            "could",
            "not",
            "be",
            "verified",
            "the",
            "claims",
            "é",
            "😀",
            "\n",
            "\n\n",
            "-t-il",
            "qui",
            "dont",
            "ce",
            "dernier",
            "says",
            "some",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn any_cue_soup_gives_valid_claims(words in prop::collection::vec(word(), 0..80), fr in any::<bool>()) {
            let text = words.join(" ");
            let lang = if fr { Lang::Fr } else { Lang::En };
            for a in Annotator::for_lang(lang).annotate(&text).annotations {
                if let Annotation::Claim(c) = a {
                    prop_assert!(!c.explanation.is_empty());
                    for s in std::iter::once(c.span).chain(Some(c.cue)).chain(c.source).chain(c.other_cues) {
                        prop_assert!(s.start <= s.end && s.end <= text.len());
                        prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                    }
                }
            }
        }
    }
}
