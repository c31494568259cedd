//! The invariants every annotated document must satisfy, for any input:
//! shared by `tests/properties.rs`, `tests/adversarial.rs` and the fuzz
//! target (`fuzz/fuzz_targets/annotate.rs` includes this file by path).
//! Each check panics with a message naming the broken rule.

use article_annotator::{Annotation, ContractAnnotation, ContractDocument, Document, EntityLabel, Span};
use std::collections::HashMap;

/// A byte span that is a non-empty char-boundary range of `text`.
fn check_span(text: &str, span: Span, what: &str) {
    assert!(span.start < span.end, "{what}: empty or reversed span {span:?}");
    assert!(span.end <= text.len(), "{what}: {span:?} past the end ({})", text.len());
    assert!(text.is_char_boundary(span.start), "{what}: start {} not on a char boundary", span.start);
    assert!(text.is_char_boundary(span.end), "{what}: end {} not on a char boundary", span.end);
}

/// The byte-offset document: spans valid, annotations sorted by start,
/// entity ids dense from 0 in order of first mention, DATE ids apart,
/// speakers/cues/sources valid, speaker entity ids naming a real entity.
pub fn check_document(text: &str, doc: &Document) {
    let mut prev_start = 0;
    let mut labels: HashMap<u32, EntityLabel> = HashMap::new();
    let mut next_id = 0u32;
    for a in &doc.annotations {
        let span = a.span();
        check_span(text, span, a.kind());
        assert!(span.start >= prev_start, "annotations not sorted by start at {span:?}");
        prev_start = span.start;
        match a {
            // One id may carry several labels: the guidelines label a seat of
            // power ORG or LOC by use ("l'Élysée"), and the entity layer keys
            // clusters on the name, not the label. Dates are clustered apart
            // (src/detect/entities/cluster.rs), so DATE never shares an id.
            Annotation::Entity(e) => match labels.get(&e.entity_id) {
                Some(&l) => assert_eq!(
                    l == EntityLabel::Date,
                    e.label == EntityLabel::Date,
                    "entity_id {} mixes DATE ({l:?}) and non-DATE ({:?}) mentions",
                    e.entity_id,
                    e.label
                ),
                None => {
                    assert_eq!(e.entity_id, next_id, "entity ids not dense in order of first mention at {span:?}");
                    labels.insert(e.entity_id, e.label);
                    next_id += 1;
                }
            },
            Annotation::Quote(q) => {
                if let Some(sp) = &q.speaker {
                    check_span(text, sp.span, "speaker");
                }
            }
            Annotation::Claim(c) => {
                check_span(text, c.cue, "claim cue");
                if let Some(s) = c.source {
                    check_span(text, s, "claim source");
                }
                for &o in &c.other_cues {
                    check_span(text, o, "claim other cue");
                }
                assert!(!c.explanation.is_empty(), "claim at {span:?} without an explanation");
            }
        }
    }
    for a in &doc.annotations {
        if let Annotation::Quote(q) = a {
            if let Some(id) = q.speaker.as_ref().and_then(|s| s.entity_id) {
                assert!(labels.contains_key(&id), "speaker entity_id {id} names no entity");
            }
        }
    }
}

/// A UTF-16 span of the contract: on code-point boundaries of `units` (not
/// between the halves of a surrogate pair), `text` equal to the slice.
fn check_utf16(units: &[u16], start: u32, end: u32, covered: &str, what: &str) {
    let (s, e) = (start as usize, end as usize);
    assert!(s < e && e <= units.len(), "{what}: bad UTF-16 range {s}..{e} of {}", units.len());
    let inside_pair = |i: usize| i < units.len() && (0xDC00..0xE000).contains(&units[i]);
    assert!(!inside_pair(s), "{what}: start {s} splits a surrogate pair");
    assert!(!inside_pair(e), "{what}: end {e} splits a surrogate pair");
    let slice = String::from_utf16(&units[s..e]).expect("valid UTF-16 slice");
    assert_eq!(slice, covered, "{what}: text differs from the UTF-16 slice {s}..{e}");
}

/// The contract: same annotations as the byte document, each offset the
/// UTF-16 image of its byte offset, `text` equal to the slice, sorted.
pub fn check_contract(text: &str, doc: &Document, contract: &ContractDocument) {
    let units: Vec<u16> = text.encode_utf16().collect();
    assert_eq!(contract.lang, doc.lang);
    assert_eq!(contract.annotations.len(), doc.annotations.len(), "contract lost or added annotations");
    // UTF-16 offset of every byte offset, computed independently of the
    // engine's Utf16Index (only char-boundary entries are read).
    let mut at_byte = vec![0u32; text.len() + 1];
    let mut u = 0u32;
    for (i, ch) in text.char_indices() {
        at_byte[i] = u;
        u += ch.len_utf16() as u32;
    }
    at_byte[text.len()] = u;
    let utf16_of = |byte: usize| at_byte[byte];
    let mut prev = 0;
    for (a, c) in doc.annotations.iter().zip(&contract.annotations) {
        let span = a.span();
        let (start, end, covered) = match c {
            ContractAnnotation::Entity { start, end, text, .. }
            | ContractAnnotation::Quote { start, end, text, .. }
            | ContractAnnotation::Claim { start, end, text, .. } => (*start, *end, text.as_str()),
        };
        assert_eq!((start, end), (utf16_of(span.start), utf16_of(span.end)), "UTF-16 offsets of {span:?}");
        assert_eq!(covered, span.slice(text));
        check_utf16(&units, start, end, covered, a.kind());
        assert!(start >= prev, "contract not sorted by start");
        prev = start;
        match c {
            ContractAnnotation::Entity { .. } => assert!(matches!(a, Annotation::Entity(_))),
            ContractAnnotation::Quote { speaker, .. } => {
                assert!(matches!(a, Annotation::Quote(_)));
                if let Some(s) = speaker {
                    check_utf16(&units, s.start, s.end, &s.text, "speaker");
                }
            }
            ContractAnnotation::Claim { cue, source, other_cues, .. } => {
                assert!(matches!(a, Annotation::Claim(_)));
                check_utf16(&units, cue.start, cue.end, &cue.text, "cue");
                if let Some(s) = source {
                    check_utf16(&units, s.start, s.end, &s.text, "source");
                }
                for o in other_cues {
                    check_utf16(&units, o.start, o.end, &o.text, "other cue");
                }
            }
        }
    }
    let json = serde_json::to_string(contract).expect("contract serialises");
    let back: serde_json::Value = serde_json::from_str(&json).expect("contract JSON parses");
    assert_eq!(back["annotations"].as_array().map(Vec::len), Some(contract.annotations.len()));
}

/// Both checks, for the document `annotate` gives for `text`.
#[allow(dead_code)] // not every includer uses every helper
pub fn check_all(text: &str, doc: &Document) {
    check_document(text, doc);
    check_contract(text, doc, &doc.to_contract(text));
}
