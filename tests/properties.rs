#![cfg(not(target_arch = "wasm32"))]
//! Property tests (nlprule's layer 4): for any input, `annotate` does not
//! panic and its output satisfies the invariants of `tests/common/invariants.rs`
//! (spans on char and UTF-16 code-point boundaries, `text` equal to the slice,
//! sorted, entity ids dense from 0 in order of first mention, DATE ids never
//! shared with names, speaker/cue/source spans
//! valid); and prepending "\n\n" shifts every span by exactly 2 (nothing
//! assumes the text starts at offset 0).
//!
//! Inputs: arbitrary Unicode, and strings built from news-like fragments
//! (quotation marks « » “ ” ", French conditionals and hedges, capitalised
//! names, digits, elisions, line breaks, no-break spaces) mixed with
//! arbitrary characters. Cases per property: 48 by default, `PROPTEST_CASES=N`
//! for more (e.g. `PROPTEST_CASES=2000 cargo test --release --test properties`).

mod common;

use article_annotator::{annotate, Annotation, Annotator, Document, Lang, Span};
use common::invariants::check_all;
use proptest::prelude::*;

fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(48);
    ProptestConfig { cases, ..ProptestConfig::default() }
}

/// Fragments of news text, in both languages, with the characters the
/// detectors key on.
const FRAGMENTS: &[&str] = &[
    "Le",
    "la",
    "les",
    "l'",
    "l’",
    "d'",
    "qu'",
    "du",
    "des",
    "de",
    "et",
    "que",
    "a",
    "est",
    "été",
    "président",
    "ministre",
    "gouvernement",
    "Jean",
    "Dupont",
    "Marie",
    "Curie",
    "Paris",
    "Lyon",
    "France",
    "Nations unies",
    "Organisation",
    "AFP",
    "Reuters",
    "X",
    "SpaceX",
    "M.",
    "Mme",
    "Dr",
    "aurait",
    "serait",
    "pourrait",
    "auraient",
    "devrait",
    "selon",
    "d'après",
    "a déclaré",
    "a affirmé",
    "a-t-il",
    "dit-elle",
    "ajoute-t-il",
    "n'a pas répondu",
    "n'a pas pu vérifier",
    "une source proche du dossier",
    "des témoins",
    "apparemment",
    "peut-être",
    "probablement",
    "présumé",
    "a nié",
    "a revendiqué",
    "samedi",
    "lundi 6 mars",
    "13H00",
    "2025",
    "1 200",
    "3,5",
    "21/05/2025",
    "1er",
    "mai",
    "said",
    "told",
    "according to",
    "reportedly",
    "allegedly",
    "may",
    "could",
    "the",
    "The",
    "Mr.",
    "Smith",
    "did not respond",
    "declined to comment",
    "officials",
    "«",
    "»",
    "« ",
    " »",
    "“",
    "”",
    "\"",
    "'",
    "‘",
    "’",
    "(",
    ")",
    "[",
    "]",
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    "…",
    "...",
    "—",
    "–",
    "-",
    "\n",
    "\n\n",
    " ",
    "\u{a0}",
    "\u{202f}",
    "\t",
    "https://exemple.fr/a?b=1",
    "@AFP",
    "#Starship",
    "a@b.fr",
    "😀",
    "👩‍👩‍👧",
    "e\u{301}",
    "\u{200f}",
    "\u{202e}",
    "\u{0}",
    "\u{fffd}",
    "İ",
    "ß",
    "ǅ",
    "Ⅻ",
    "١٢٣",
];

/// News-like text: fragments joined by spaces (mostly), sometimes glued or
/// interleaved with arbitrary characters.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => proptest::sample::select(FRAGMENTS).prop_map(str::to_string),
        1 => any::<char>().prop_map(|c| c.to_string()),
        1 => "[A-ZÉ][a-zéèàç]{1,9}",
    ];
    let sep = prop_oneof![6 => Just(" "), 1 => Just(""), 1 => Just("\n"), 1 => Just("\u{a0}")];
    proptest::collection::vec((piece, sep), 0..120).prop_map(|v| {
        let mut s = String::new();
        for (p, sep) in v {
            s.push_str(&p);
            s.push_str(sep);
        }
        s
    })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![any::<String>(), "\\PC{0,200}", newsish(), newsish(), newsish()]
}

/// The document's spans (annotation, speaker, cue, source, other cues), in
/// order, with a tag so that a shifted document compares field by field.
fn all_spans(doc: &Document) -> Vec<(&'static str, Span)> {
    let mut out = Vec::new();
    for a in &doc.annotations {
        out.push((a.kind(), a.span()));
        match a {
            Annotation::Entity(_) => {}
            Annotation::Quote(q) => out.extend(q.speaker.as_ref().map(|s| ("speaker", s.span))),
            Annotation::Claim(c) => {
                out.push(("cue", c.cue));
                out.extend(c.source.map(|s| ("source", s)));
                out.extend(c.other_cues.iter().map(|&s| ("other_cue", s)));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(config())]

    /// Any text, with language detection (as the browser runs it).
    #[test]
    fn annotate_keeps_invariants(text in any_text()) {
        let doc = annotate(&text);
        check_all(&text, &doc);
    }

    /// Any text through both languages' annotators.
    #[test]
    fn both_languages_keep_invariants(text in newsish()) {
        for lang in Lang::ALL {
            check_all(&text, &Annotator::for_lang(lang).annotate(&text));
        }
    }

    /// Prepending a blank line shifts every span by exactly 2 and changes
    /// nothing else (labels, ids, reasons, directness).
    #[test]
    fn blank_line_prefix_shifts_by_two(text in any_text()) {
        for lang in Lang::ALL {
            let ann = Annotator::for_lang(lang);
            let base = ann.annotate(&text);
            let shifted_text = format!("\n\n{text}");
            let shifted = ann.annotate(&shifted_text);
            let expect: Vec<_> =
                all_spans(&base).into_iter().map(|(k, s)| (k, Span::new(s.start + 2, s.end + 2))).collect();
            prop_assert_eq!(all_spans(&shifted), expect, "lang {:?}", lang);
            let strip = |d: &Document| -> Vec<Annotation> {
                d.annotations.iter().cloned().map(|a| match a {
                    Annotation::Entity(mut e) => { e.span = Span::default(); Annotation::Entity(e) }
                    Annotation::Quote(mut q) => {
                        q.span = Span::default();
                        if let Some(s) = q.speaker.as_mut() { s.span = Span::default(); }
                        Annotation::Quote(q)
                    }
                    Annotation::Claim(mut c) => {
                        c.span = Span::default();
                        c.cue = Span::default();
                        c.source = c.source.map(|_| Span::default());
                        c.other_cues.iter_mut().for_each(|s| *s = Span::default());
                        Annotation::Claim(c)
                    }
                }).collect()
            };
            prop_assert_eq!(strip(&shifted), strip(&base));
        }
    }

    /// Same input, same output.
    #[test]
    fn annotate_is_deterministic(text in newsish()) {
        prop_assert_eq!(annotate(&text), annotate(&text));
    }
}

/// The generators reach the detectors' cues: a guard against a property
/// suite that silently tests only empty documents once the detectors exist.
/// It checks the generator, not the detectors: every fragment class occurs.
#[test]
fn generator_covers_the_cues() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = String::new();
    for _ in 0..200 {
        seen.push_str(&newsish().new_tree(&mut runner).unwrap().current());
    }
    for cue in ["«", "»", "“", "aurait", "selon", "\n", "M.", "2025"] {
        assert!(seen.contains(cue), "generator never produced {cue:?}");
    }
}
