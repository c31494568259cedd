//! The annotation pipeline and the annotation contract.
//!
//! [`Annotator::annotate`] runs the text layer, then the entity, quotation
//! and claim detectors in that order (each may use the earlier layers),
//! and returns a [`Document`] in byte offsets. [`Document::to_contract`]
//! turns it into the JSON contract every consumer reads: UTF-16 offsets,
//! `text` equal to the slice, annotations sorted by `start`.

use crate::detect::{self, Analysis};
use crate::lang::{Lang, LangChoice};
use crate::span::{Span, Utf16Index};
use serde::Serialize;

/// Entity types (see the annotation guidelines, §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityLabel {
    /// People, real or fictional.
    #[serde(rename = "PER")]
    Per,
    /// Companies, institutions, parties, media, platforms.
    #[serde(rename = "ORG")]
    Org,
    /// Countries, cities, regions, geographic features, facilities.
    #[serde(rename = "LOC")]
    Loc,
    /// Dates, times, weekdays, periods on the calendar.
    #[serde(rename = "DATE")]
    Date,
    /// Events, products, works, laws, software.
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    /// Every label, in the contract's order.
    pub const ALL: [EntityLabel; 5] =
        [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc, EntityLabel::Date, EntityLabel::Misc];

    /// The contract's name: "PER", "ORG", "LOC", "DATE", "MISC".
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Date => "DATE",
            EntityLabel::Misc => "MISC",
        }
    }
}

/// Why a claim is not vouched for (guidelines §3), highest priority first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimReason {
    /// Explicit non-verification ("n'a pas pu vérifier", "could not be verified").
    Unconfirmed,
    /// The concerned party did not answer ("n'a pas répondu").
    NoResponse,
    /// An unidentified source ("une source proche du dossier").
    AnonymousSource,
    /// An interested party's assertion ("a revendiqué", "claimed").
    Claimed,
    /// One identified source frames it ("selon X", "according to X").
    SingleSource,
    /// The French journalistic conditional ("aurait été").
    Conditional,
    /// An epistemic hedge ("apparemment", "reportedly").
    Hedge,
}

impl ClaimReason {
    /// Every reason, highest priority first.
    pub const ALL: [ClaimReason; 7] = [
        ClaimReason::Unconfirmed,
        ClaimReason::NoResponse,
        ClaimReason::AnonymousSource,
        ClaimReason::Claimed,
        ClaimReason::SingleSource,
        ClaimReason::Conditional,
        ClaimReason::Hedge,
    ];

    /// The contract's name: "unconfirmed", "no_response", ….
    pub const fn as_str(self) -> &'static str {
        match self {
            ClaimReason::Unconfirmed => "unconfirmed",
            ClaimReason::NoResponse => "no_response",
            ClaimReason::AnonymousSource => "anonymous_source",
            ClaimReason::Claimed => "claimed",
            ClaimReason::SingleSource => "single_source",
            ClaimReason::Conditional => "conditional",
            ClaimReason::Hedge => "hedge",
        }
    }
}

/// A named-entity mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// The mention, without titles, articles or elided prepositions.
    pub span: Span,
    /// Its type.
    pub label: EntityLabel,
    /// Mentions of the same entity share this id (0, 1, 2, … in order of
    /// first mention).
    pub entity_id: u32,
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The attributing mention: a name, a noun phrase or a pronoun.
    pub span: Span,
    /// The entity the speaker resolves to, when the document names it.
    pub entity_id: Option<u32>,
    /// True when the mention itself is a proper name ("Jo Bloggs said"),
    /// even one the entity layer missed: it is then the speaker's name.
    pub is_name: bool,
}

/// A quotation: the quoted words (marks excluded) or, for reported speech,
/// the reported content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quoted words.
    pub span: Span,
    /// True for words in quotation marks, false for reported speech.
    pub direct: bool,
    /// The speaker, or `None` when the text does not say.
    pub speaker: Option<Speaker>,
}

/// An unverified claim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    /// The clause carrying the claim.
    pub span: Span,
    /// Why it is unverified (the highest-priority cue's reason).
    pub reason: ClaimReason,
    /// The word or phrase that makes it unverified.
    pub cue: Span,
    /// Who it comes from, when the text says.
    pub source: Option<Span>,
    /// Other cues bearing on the same claim, any reason.
    pub other_cues: Vec<Span>,
    /// One short sentence, in the article's language, for the reader.
    pub explanation: String,
}

/// One annotation of any layer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Annotation {
    /// A named entity.
    Entity(Entity),
    /// A quotation.
    Quote(Quote),
    /// An unverified claim.
    Claim(Claim),
}

impl Annotation {
    /// The annotated span.
    pub fn span(&self) -> Span {
        match self {
            Annotation::Entity(e) => e.span,
            Annotation::Quote(q) => q.span,
            Annotation::Claim(c) => c.span,
        }
    }

    /// "entity", "quote" or "claim".
    pub fn kind(&self) -> &'static str {
        match self {
            Annotation::Entity(_) => "entity",
            Annotation::Quote(_) => "quote",
            Annotation::Claim(_) => "claim",
        }
    }

    fn layer_order(&self) -> u8 {
        match self {
            Annotation::Claim(_) => 0,
            Annotation::Quote(_) => 1,
            Annotation::Entity(_) => 2,
        }
    }
}

/// The result of annotating one text, in byte offsets.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The language the text was annotated in.
    pub lang: Lang,
    /// Annotations sorted by start (then longest first, then claim, quote,
    /// entity).
    pub annotations: Vec<Annotation>,
}

/// Annotates text in one language. Cheap to get: the language data is
/// parsed once per process.
///
/// # Examples
///
/// ```
/// use article_annotator::{Annotator, Lang};
/// let doc = Annotator::for_lang(Lang::Fr).annotate("La panne a touché le réseau samedi.");
/// assert_eq!(doc.lang, Lang::Fr);
/// for a in &doc.annotations {
///     assert!(a.span().end <= "La panne a touché le réseau samedi.".len());
/// }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Annotator {
    lang: Lang,
}

impl Annotator {
    /// The annotator for `lang`.
    pub fn for_lang(lang: Lang) -> Annotator {
        Annotator { lang }
    }

    /// The annotator for `choice`, detecting the language of `text` if asked.
    pub fn for_text(choice: LangChoice, text: &str) -> Annotator {
        Annotator::for_lang(choice.resolve(text))
    }

    /// The language this annotator works in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Annotates `text`. Never fails: any string gives a document, an empty
    /// one for empty text.
    pub fn annotate(&self, text: &str) -> Document {
        let analysis = Analysis::new(text, self.lang);
        let entities = detect::entities::detect(&analysis);
        let quotes = detect::quotes::detect(&analysis, &entities);
        let claims = detect::claims::detect(&analysis, &entities, &quotes);
        let mut annotations: Vec<Annotation> = entities
            .into_iter()
            .map(Annotation::Entity)
            .chain(quotes.into_iter().map(Annotation::Quote))
            .chain(claims.into_iter().map(Annotation::Claim))
            .filter(|a| valid_span(text, a.span()))
            .collect();
        annotations.sort_by(|a, b| {
            let (sa, sb) = (a.span(), b.span());
            sa.start.cmp(&sb.start).then(sb.end.cmp(&sa.end)).then(a.layer_order().cmp(&b.layer_order()))
        });
        Document { lang: self.lang, annotations }
    }
}

fn valid_span(text: &str, span: Span) -> bool {
    span.start < span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Annotates `text`, detecting its language.
///
/// # Examples
///
/// ```
/// let doc = article_annotator::annotate("The outage hit the network on Saturday.");
/// assert_eq!(doc.lang, article_annotator::Lang::En);
/// ```
pub fn annotate(text: &str) -> Document {
    Annotator::for_text(LangChoice::Auto, text).annotate(text)
}

// ---------------------------------------------------------------------------
// The contract: UTF-16 offsets and the fixed JSON names.

/// A span in the contract: UTF-16 offsets and the text they cover.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContractSpan {
    /// First UTF-16 code unit.
    pub start: u32,
    /// One past the last UTF-16 code unit.
    pub end: u32,
    /// The covered text.
    pub text: String,
}

/// A quotation's speaker in the contract.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
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
    /// `{"kind": "claim", start, end, text, reason, cue, source, explanation}`
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

/// A document in the contract: `{"lang", "annotations"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ContractDocument {
    /// "fr" or "en".
    pub lang: Lang,
    /// Sorted by `start`.
    pub annotations: Vec<ContractAnnotation>,
}

impl Document {
    /// The document in the annotation contract, for `text` (the text it was
    /// made from): UTF-16 offsets and covered texts.
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
        let index = Utf16Index::new(text);
        let span = |s: Span| ContractSpan {
            start: index.convert(s.start),
            end: index.convert(s.end),
            text: s.slice(text).to_string(),
        };
        // Speaker names: the first PER/ORG mention of the speaker's entity.
        let name_of = |id: u32| {
            self.annotations.iter().find_map(|a| match a {
                Annotation::Entity(e)
                    if e.entity_id == id && matches!(e.label, EntityLabel::Per | EntityLabel::Org) =>
                {
                    Some(e.span.slice(text).to_string())
                }
                _ => None,
            })
        };
        let annotations = self
            .annotations
            .iter()
            .map(|a| {
                let s = span(a.span());
                match a {
                    Annotation::Entity(e) => ContractAnnotation::Entity {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        label: e.label,
                        entity_id: e.entity_id,
                    },
                    Annotation::Quote(q) => ContractAnnotation::Quote {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        direct: q.direct,
                        speaker: q.speaker.as_ref().map(|sp| {
                            let ss = span(sp.span);
                            let speaker_name =
                                sp.entity_id.and_then(name_of).or_else(|| sp.is_name.then(|| ss.text.clone()));
                            ContractSpeaker {
                                start: ss.start,
                                end: ss.end,
                                text: ss.text,
                                entity_id: sp.entity_id,
                                speaker_name,
                            }
                        }),
                    },
                    Annotation::Claim(c) => ContractAnnotation::Claim {
                        start: s.start,
                        end: s.end,
                        text: s.text,
                        reason: c.reason,
                        cue: span(c.cue),
                        source: c.source.map(span),
                        other_cues: c.other_cues.iter().copied().map(span).collect(),
                        explanation: c.explanation.clone(),
                    },
                }
            })
            .collect();
        ContractDocument { lang: self.lang, annotations }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_names_are_fixed() {
        let text = "😀 Élysée";
        let doc = Document {
            lang: Lang::Fr,
            annotations: vec![
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
        };
        let json = serde_json::to_value(doc.to_contract(text)).unwrap();
        assert_eq!(json["lang"], "fr");
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
        assert_eq!(a[2]["reason"], "no_response");
        assert_eq!(a[2]["cue"]["text"], "Él");
        assert!(a[2]["source"].is_null());
        assert_eq!(a[2]["explanation"], "x");
    }

    #[test]
    fn empty_text_gives_empty_document() {
        assert!(annotate("").annotations.is_empty());
    }
}
