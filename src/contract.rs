//! The annotation contract: what every consumer reads (the page, the CLI's
//! JSON, `highlight()`), defined once.
//!
//! Offsets are UTF-16 code units (what `String.prototype.slice` and
//! `Range.setStart` count), each span carries the text it covers, and the
//! annotations are sorted by `start`. These Rust types are the only
//! definition: serde gives the JSON, and on wasm32 `tsify` derives the
//! TypeScript declarations of `www/pkg/annotator.d.ts` from them, so the
//! two cannot drift. `highlight()` reads documents back through the same
//! types, so an unknown label or reason is an error naming it.

use crate::lang::Lang;
use crate::model::{Annotation, ClaimReason, Document, EntityLabel};
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// A span in the contract: UTF-16 offsets and the text they cover.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
pub struct ContractSpan {
    /// First UTF-16 code unit.
    pub start: u32,
    /// One past the last UTF-16 code unit.
    pub end: u32,
    /// The covered text.
    pub text: String,
}

/// A quotation's speaker in the contract.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null))]
pub struct ContractSpeaker {
    /// First UTF-16 code unit.
    pub start: u32,
    /// One past the last UTF-16 code unit.
    pub end: u32,
    /// The covered text.
    pub text: String,
    /// The entity the speaker resolves to, or null.
    pub entity_id: Option<u32>,
    /// The proper name of the speaker when the document resolves it, or null.
    pub speaker_name: Option<String>,
}

/// One annotation in the contract (`kind` tags the variant).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null))]
#[serde(tag = "kind", rename_all = "lowercase", try_from = "AnnotationFields")]
pub enum ContractAnnotation {
    /// `{"kind": "entity", start, end, text, label, entity_id}`
    Entity {
        /// First UTF-16 code unit.
        start: u32,
        /// One past the last UTF-16 code unit.
        end: u32,
        /// The covered text.
        text: String,
        /// PER, ORG, LOC, DATE or MISC.
        label: EntityLabel,
        /// Shared by mentions of one entity.
        entity_id: u32,
    },
    /// `{"kind": "quote", start, end, text, direct, speaker}`
    Quote {
        /// First UTF-16 code unit.
        start: u32,
        /// One past the last UTF-16 code unit.
        end: u32,
        /// The covered text.
        text: String,
        /// Words in quotation marks (true) or reported speech (false).
        direct: bool,
        /// The speaker, or null.
        speaker: Option<ContractSpeaker>,
    },
    /// `{"kind": "claim", start, end, text, reason, cue, source, other_cues, explanation}`
    Claim {
        /// First UTF-16 code unit.
        start: u32,
        /// One past the last UTF-16 code unit.
        end: u32,
        /// The covered text.
        text: String,
        /// Why the claim is unverified.
        reason: ClaimReason,
        /// The cue.
        cue: ContractSpan,
        /// The source, or null.
        source: Option<ContractSpan>,
        /// Other cues of the same claim.
        other_cues: Vec<ContractSpan>,
        /// One short sentence for the reader.
        explanation: String,
    },
}

/// How a [`ContractAnnotation`] is read: every field of any kind, then
/// checked for the fields its kind needs. (Deriving `Deserialize` on the
/// internally tagged enum would buffer every annotation in serde's
/// `Content` first: 35 KB of wasm for nothing.) In the wasm, `highlight()`
/// and `summarize()` fill it from JS values field by field (`web::read`,
/// no serde deserialiser); painting needs only the span, and the label or
/// reason that names the layer.
#[derive(Deserialize)]
pub(crate) struct AnnotationFields {
    pub kind: Kind,
    pub start: u32,
    pub end: u32,
    pub text: String,
    pub label: Option<EntityLabel>,
    pub entity_id: Option<u32>,
    pub direct: Option<bool>,
    pub speaker: Option<ContractSpeaker>,
    pub reason: Option<ClaimReason>,
    pub cue: Option<ContractSpan>,
    pub source: Option<ContractSpan>,
    pub other_cues: Option<Vec<ContractSpan>>,
    pub explanation: Option<String>,
}

impl AnnotationFields {
    /// The layer name painting uses ("entity-PER", "quote", "claim-hedge"),
    /// or which field is missing for it.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // used by web::highlight
    pub(crate) fn layer(&self) -> Result<String, String> {
        match self.kind {
            Kind::Entity => {
                self.label.map(|l| format!("entity-{}", l.as_str())).ok_or_else(|| missing("label", "entity"))
            }
            Kind::Quote => Ok("quote".into()),
            Kind::Claim => {
                self.reason.map(|r| format!("claim-{}", r.as_str())).ok_or_else(|| missing("reason", "claim"))
            }
        }
    }
}

fn missing(field: &str, kind: &str) -> String {
    format!("missing field `{field}` in an annotation of kind {kind:?}")
}

/// The `kind` of an annotation.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Kind {
    Entity,
    Quote,
    Claim,
}

impl Kind {
    /// The contract's name: "entity", "quote", "claim".
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // used by web::read
    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Kind::Entity => "entity",
            Kind::Quote => "quote",
            Kind::Claim => "claim",
        }
    }
}

impl TryFrom<AnnotationFields> for ContractAnnotation {
    type Error = String;

    fn try_from(f: AnnotationFields) -> Result<ContractAnnotation, String> {
        let (kind, absent) = match f.kind {
            Kind::Entity => ("entity", [("label", f.label.is_none()), ("entity_id", f.entity_id.is_none())].to_vec()),
            Kind::Quote => ("quote", [("direct", f.direct.is_none())].to_vec()),
            Kind::Claim => (
                "claim",
                [
                    ("reason", f.reason.is_none()),
                    ("cue", f.cue.is_none()),
                    ("other_cues", f.other_cues.is_none()),
                    ("explanation", f.explanation.is_none()),
                ]
                .to_vec(),
            ),
        };
        if let Some((field, _)) = absent.iter().find(|(_, absent)| *absent) {
            return Err(missing(field, kind));
        }
        // Every field the kind needs is present (checked just above).
        let (start, end, text) = (f.start, f.end, f.text);
        Ok(match f.kind {
            Kind::Entity => ContractAnnotation::Entity {
                start,
                end,
                text,
                label: f.label.unwrap_or(EntityLabel::Misc),
                entity_id: f.entity_id.unwrap_or_default(),
            },
            Kind::Quote => {
                ContractAnnotation::Quote { start, end, text, direct: f.direct.unwrap_or_default(), speaker: f.speaker }
            }
            Kind::Claim => ContractAnnotation::Claim {
                start,
                end,
                text,
                reason: f.reason.unwrap_or(ClaimReason::Claimed),
                cue: f.cue.unwrap_or_default(),
                source: f.source,
                other_cues: f.other_cues.unwrap_or_default(),
                explanation: f.explanation.unwrap_or_default(),
            },
        })
    }
}

impl ContractAnnotation {
    /// (start, end, text) of the annotated span.
    pub fn span(&self) -> (u32, u32, &str) {
        match self {
            ContractAnnotation::Entity { start, end, text, .. }
            | ContractAnnotation::Quote { start, end, text, .. }
            | ContractAnnotation::Claim { start, end, text, .. } => (*start, *end, text),
        }
    }
}

/// A document in the contract: `{"lang", "annotations"}`, plus
/// `"unsupported_language"` when the text is in a language the engine does
/// not read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null, hashmap_as_object))]
pub struct ContractDocument {
    /// "fr" or "en": the language annotated in (for an unsupported language,
    /// the supported one the text is closest to).
    pub lang: Lang,
    /// ISO 639-1 code ("de", "es", …) of the language the text is clearly
    /// written in when the engine does not read it; `annotations` is then
    /// empty. Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsupported_language: Option<String>,
    /// Sorted by `start`.
    pub annotations: Vec<ContractAnnotation>,
}

impl Document {
    /// The document in the annotation contract, for `text` (the text it was
    /// made from): UTF-16 offsets and covered texts. Linear in the text and
    /// the annotations.
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "« Oui », a dit Marie.";
    /// let doc = article_annotator::annotate(text).to_contract(text);
    /// let json = serde_json::to_value(&doc).unwrap();
    /// assert_eq!(json["lang"], "fr");
    /// ```
    pub fn to_contract(&self, text: &str) -> ContractDocument {
        let convert =
            Converter { text, index: Utf16Index::new(text), names: speaker_names(text, self.lang, &self.annotations) };
        ContractDocument {
            lang: self.lang,
            unsupported_language: self.unsupported_language().map(str::to_string),
            annotations: self.annotations.iter().map(|a| convert.annotation(a)).collect(),
        }
    }
}

/// Speaker names: for each entity id, its fullest PER or ORG mention (the
/// most words but function words, which a name taken with the word opening
/// its sentence holds, "From Judy"; the first of equals), found in two passes (a quotation's
/// speaker is named by the entity it resolves to). A surname in a title
/// ("Nadal forfait") names the person less well than "Rafael Nadal" later.
/// Words opening a person's mention that the document tags as a place are
/// not the name ("le président des États-Unis Donald Trump" tagged as one).
/// Entity ids are dense from 0 (one per entity), so a list indexed by id;
/// an id past the number of annotations names no entity.
fn speaker_names(text: &str, lang: Lang, annotations: &[Annotation]) -> Vec<Option<Span>> {
    let stop = crate::lang::data::stopwords(lang);
    let mut places = std::collections::HashSet::new();
    for a in annotations {
        #[cfg(test)]
        tests::count_visit();
        if let Annotation::Entity(e) = a {
            if e.label == EntityLabel::Loc {
                places.insert(e.span.slice(text));
            }
        }
    }
    let mut names: Vec<Option<(Span, usize)>> = Vec::new();
    for a in annotations {
        #[cfg(test)]
        tests::count_visit();
        if let Annotation::Entity(e) = a {
            let id = e.entity_id as usize;
            if matches!(e.label, EntityLabel::Per | EntityLabel::Org) && id < annotations.len() {
                if names.len() <= id {
                    names.resize(id + 1, None);
                }
                let span = if e.label == EntityLabel::Per { without_place(text, e.span, &places) } else { e.span };
                let words = span
                    .slice(text)
                    .split_whitespace()
                    .filter(|w| !stop.contains(crate::case::lower_str(w).as_str()))
                    .count();
                if names[id].map_or(true, |(_, best)| words > best) {
                    names[id] = Some((span, words));
                }
            }
        }
    }
    names.into_iter().map(|n| n.map(|(span, _)| span)).collect()
}

/// A name without its opening words when they are a place of the document
/// and a name of at least two words follows.
fn without_place(text: &str, span: Span, places: &std::collections::HashSet<&str>) -> Span {
    let s = span.slice(text);
    for (i, _) in s.match_indices(' ') {
        let rest = s[i + 1..].trim_start();
        if places.contains(&s[..i]) && rest.split_whitespace().count() >= 2 {
            return Span::new(span.end - rest.len(), span.end);
        }
    }
    span
}

/// Turns byte-offset annotations of one text into contract annotations.
struct Converter<'t> {
    text: &'t str,
    index: Utf16Index,
    names: Vec<Option<Span>>,
}

impl Converter<'_> {
    fn span(&self, s: Span) -> ContractSpan {
        ContractSpan {
            start: self.index.convert(s.start),
            end: self.index.convert(s.end),
            text: s.slice(self.text).to_string(),
        }
    }

    fn annotation(&self, a: &Annotation) -> ContractAnnotation {
        let ContractSpan { start, end, text } = self.span(a.span());
        match a {
            Annotation::Entity(e) => {
                ContractAnnotation::Entity { start, end, text, label: e.label, entity_id: e.entity_id }
            }
            Annotation::Quote(q) => ContractAnnotation::Quote {
                start,
                end,
                text,
                direct: q.direct,
                speaker: q.speaker.as_ref().map(|sp| {
                    let ContractSpan { start, end, text } = self.span(sp.span);
                    let named = sp.entity_id.and_then(|id| self.names.get(id as usize).copied().flatten());
                    let speaker_name = match named {
                        Some(name) => Some(name.slice(self.text).to_string()),
                        None => sp.is_name.then(|| text.clone()),
                    };
                    ContractSpeaker { start, end, text, entity_id: sp.entity_id, speaker_name }
                }),
            },
            Annotation::Claim(c) => ContractAnnotation::Claim {
                start,
                end,
                text,
                reason: c.reason,
                cue: self.span(c.cue),
                source: c.source.map(|s| self.span(s)),
                other_cues: c.other_cues.iter().map(|&s| self.span(s)).collect(),
                explanation: c.explanation.clone(),
            },
        }
    }
}

/// A sorted map from byte offsets to UTF-16 offsets, for converting many
/// offsets of one text without re-scanning it.
#[derive(Debug, Clone)]
pub(crate) struct Utf16Index {
    /// (byte offset, utf16 offset) at every char whose UTF-8 and UTF-16
    /// lengths differ from 1:1, plus the end of the text.
    checkpoints: Vec<(usize, u32)>,
}

impl Utf16Index {
    pub(crate) fn new(text: &str) -> Utf16Index {
        let mut checkpoints = vec![(0usize, 0u32)];
        let mut units = 0u32;
        for (pos, c) in text.char_indices() {
            units += c.len_utf16() as u32;
            if c.len_utf8() != 1 {
                checkpoints.push((pos + c.len_utf8(), units));
            }
        }
        Utf16Index { checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte` (a char boundary).
    pub(crate) fn convert(&self, byte: usize) -> u32 {
        // Last checkpoint at or before `byte`; between checkpoints every char is ASCII.
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, u) = self.checkpoints[i];
        u + (byte - b) as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Claim, Entity, Quote, Speaker};
    use std::cell::Cell;

    thread_local! {
        /// Annotations visited while resolving speaker names.
        static VISITS: Cell<usize> = const { Cell::new(0) };
    }

    pub(super) fn count_visit() {
        VISITS.with(|v| v.set(v.get() + 1));
    }

    #[test]
    fn contract_names_are_fixed() {
        let text = "😀 Élysée";
        let doc = Document::new(
            Lang::Fr,
            vec![
                Annotation::Entity(Entity { span: Span::new(5, text.len()), label: EntityLabel::Loc, entity_id: 0 }),
                Annotation::Quote(Quote {
                    span: Span::new(5, text.len()),
                    direct: true,
                    speaker: Some(Speaker { span: Span::new(0, 4), entity_id: Some(0), is_name: true }),
                }),
                Annotation::Claim(Claim {
                    span: Span::new(5, text.len()),
                    reason: ClaimReason::NoResponse,
                    cue: Span::new(5, 8),
                    source: None,
                    other_cues: vec![],
                    explanation: "x".into(),
                }),
            ],
        );
        let json = serde_json::to_value(doc.to_contract(text)).unwrap();
        assert_eq!(json["lang"], "fr");
        assert!(json.get("unsupported_language").is_none(), "absent unless the language is unsupported");
        let a = &json["annotations"];
        assert_eq!(a[0]["kind"], "entity");
        assert_eq!((a[0]["start"].as_u64(), a[0]["end"].as_u64()), (Some(3), Some(9)));
        assert_eq!(a[0]["text"], "Élysée");
        assert_eq!(a[0]["label"], "LOC");
        assert_eq!(a[0]["entity_id"], 0);
        assert_eq!(a[1]["kind"], "quote");
        assert_eq!(a[1]["direct"], true);
        assert_eq!(a[1]["speaker"]["text"], "😀");
        assert_eq!(a[1]["speaker"]["end"], 2);
        assert_eq!(a[1]["speaker"]["entity_id"], 0);
        // Entity 0 is a LOC: no PER/ORG name, so the mention itself names the speaker.
        assert_eq!(a[1]["speaker"]["speaker_name"], "😀");
        assert_eq!(a[2]["reason"], "no_response");
        assert_eq!(a[2]["cue"]["text"], "Él");
        assert!(a[2]["source"].is_null());
        assert_eq!(a[2]["other_cues"], serde_json::json!([]));
        assert_eq!(a[2]["explanation"], "x");
        // What is written reads back as the same annotations.
        let back: Vec<ContractAnnotation> = serde_json::from_value(a.clone()).unwrap();
        assert_eq!(back, doc.to_contract(text).annotations);
    }

    #[test]
    fn unknown_label_or_reason_is_an_error_naming_it() {
        let entity = r#"{"kind": "entity", "start": 0, "end": 1, "text": "a", "label": "PERSON", "entity_id": 0}"#;
        let err = serde_json::from_str::<ContractAnnotation>(entity).unwrap_err().to_string();
        assert!(err.contains("unknown entity label \"PERSON\", expected one of PER, ORG, LOC, DATE, MISC"), "{err}");
        let claim = r#"{"kind": "claim", "start": 0, "end": 1, "text": "a", "reason": "rumour",
            "cue": {"start": 0, "end": 1, "text": "a"}, "source": null, "other_cues": [], "explanation": "x"}"#;
        let err = serde_json::from_str::<ContractAnnotation>(claim).unwrap_err().to_string();
        assert!(err.contains("rumour"), "{err}");
        let kind = r#"{"kind": "note", "start": 0, "end": 1, "text": "a"}"#;
        let err = serde_json::from_str::<ContractAnnotation>(kind).unwrap_err().to_string();
        assert!(err.contains("note"), "{err}");
        let no_label = r#"{"kind": "entity", "start": 0, "end": 1, "text": "a", "entity_id": 0}"#;
        let fields: AnnotationFields = serde_json::from_str(no_label).unwrap();
        assert_eq!(fields.layer().unwrap_err(), "missing field `label` in an annotation of kind \"entity\"");
        let hedge = r#"{"kind": "claim", "start": 0, "end": 1, "text": "a", "reason": "hedge"}"#;
        assert_eq!(serde_json::from_str::<AnnotationFields>(hedge).unwrap().layer().unwrap(), "claim-hedge");
        let err = serde_json::from_str::<ContractAnnotation>(no_label).unwrap_err().to_string();
        assert!(err.contains("missing field `label` in an annotation of kind \"entity\""), "{err}");
    }

    #[test]
    fn unsupported_language_is_in_the_contract() {
        let json = serde_json::to_value(Document::unsupported(Lang::Fr, "de").to_contract("Guten Tag")).unwrap();
        assert_eq!(json, serde_json::json!({"lang": "fr", "unsupported_language": "de", "annotations": []}));
    }

    /// Many distinct named speakers ("Zaaaaax Qaaaaay a dit que Qaaaaay
    /// viendra."): every speaker gets the first PER/ORG mention of its entity,
    /// and the names are found in one pass over the annotations, not one per
    /// speaker (which made 2 MB of such lines take seconds).
    #[test]
    fn speaker_names_are_resolved_in_one_pass() {
        const SPEAKERS: usize = 3000;
        let mut text = String::new();
        let mut annotations = Vec::new();
        for i in 0..SPEAKERS {
            let name = format!("Z{i:05}x Q{i:05}y");
            let start = text.len();
            text.push_str(&name);
            text.push_str(" a dit que ");
            let quote_start = text.len();
            text.push_str(&format!("Q{i:05}y viendra"));
            let quote = Span::new(quote_start, text.len());
            text.push_str(".\n");
            let id = i as u32;
            let name_span = Span::new(start, start + name.len());
            let later = Span::new(quote_start, quote_start + 7);
            annotations.push(Annotation::Entity(Entity { span: name_span, label: EntityLabel::Per, entity_id: id }));
            annotations.push(Annotation::Quote(Quote {
                span: quote,
                direct: false,
                speaker: Some(Speaker { span: name_span, entity_id: Some(id), is_name: true }),
            }));
            annotations.push(Annotation::Entity(Entity { span: later, label: EntityLabel::Per, entity_id: id }));
        }
        let doc = Document::new(Lang::Fr, annotations);
        VISITS.with(|v| v.set(0));
        let contract = doc.to_contract(&text);
        let visits = VISITS.with(Cell::get);
        let mut speakers = 0;
        for a in &contract.annotations {
            if let ContractAnnotation::Quote { speaker: Some(s), .. } = a {
                assert_eq!(s.speaker_name.as_deref(), Some(s.text.as_str()), "the first mention names the speaker");
                assert!(s.text.starts_with('Z'));
                speakers += 1;
            }
        }
        assert_eq!(speakers, SPEAKERS);
        assert!(
            visits <= 2 * doc.annotations.len(),
            "{visits} annotations visited to name {SPEAKERS} speakers among {}",
            doc.annotations.len()
        );
    }

    /// A speaker is named by the fullest mention of its entity, without the
    /// opening words that are a place of the document.
    #[test]
    fn speaker_name_is_the_fullest_mention() {
        let text = "Nadal : « Oui. » Rafael Nadal, des États-Unis ; États-Unis Jon Roe Smith : « Non. »";
        let at = |s: &str| Span::new(text.find(s).unwrap(), text.find(s).unwrap() + s.len());
        let ent = |s: &str, label, id| Annotation::Entity(Entity { span: at(s), label, entity_id: id });
        let quote = |q: &str, sp: &str, id| {
            let speaker = Some(Speaker { span: at(sp), entity_id: Some(id), is_name: true });
            Annotation::Quote(Quote { span: at(q), direct: true, speaker })
        };
        let doc = Document::new(
            Lang::Fr,
            vec![
                ent("Nadal", EntityLabel::Per, 0),
                quote("Oui.", "Nadal", 0),
                ent("Rafael Nadal", EntityLabel::Per, 0),
                ent("États-Unis", EntityLabel::Loc, 1),
                ent("États-Unis Jon Roe Smith", EntityLabel::Per, 2),
                quote("Non.", "États-Unis Jon Roe Smith", 2),
            ],
        );
        let names: Vec<_> = doc
            .to_contract(text)
            .annotations
            .into_iter()
            .filter_map(|a| match a {
                ContractAnnotation::Quote { speaker: Some(s), .. } => s.speaker_name,
                _ => None,
            })
            .collect();
        assert_eq!(names, ["Rafael Nadal", "Jon Roe Smith"]);
    }

    #[test]
    fn utf16_offsets() {
        // French quotes with narrow no-break spaces, an emoji (two units), combining accents.
        let text = "«\u{202F}Il a dit\u{202F}» a😀b e\u{301}t\u{e9}";
        let idx = Utf16Index::new(text);
        let start = text.find('I').unwrap();
        assert_eq!((idx.convert(start), idx.convert(start + "Il a dit".len())), (2, 10));
        let b = text.find('b').unwrap();
        assert_eq!(idx.convert(b), 16);
        assert_eq!(idx.convert(text.len()), text.encode_utf16().count() as u32);
    }
}
