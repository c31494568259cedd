//! The annotation types: plain data, in byte offsets of the annotated text.
//!
//! The detectors (`crate::detect`) produce them, the [`Annotator`] gathers
//! them into a [`Document`], and `crate::contract` turns a document into the
//! UTF-16 JSON contract. Nothing here runs a detector: this module sits below
//! the pipeline, so every detector imports it and none imports the pipeline.
//!
//! [`Annotator`]: crate::Annotator

use crate::lang::Lang;
use crate::span::Span;
use serde::{Deserialize, Deserializer, Serialize};

/// Entity types (see the annotation guidelines, §1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
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
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
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

/// Reads a label or reason by its contract name (what `as_str` gives), and
/// names an unknown one in the error, with the names expected. (Written out
/// rather than derived: the derived visitors cost the wasm 2 KB more for the
/// same result.)
fn by_name<'de, D: Deserializer<'de>, T: Copy>(
    deserializer: D,
    all: &[T],
    name: fn(T) -> &'static str,
    what: &str,
) -> Result<T, D::Error> {
    let given = String::deserialize(deserializer)?;
    all.iter().copied().find(|&t| name(t) == given).ok_or_else(|| {
        let expected: Vec<&str> = all.iter().map(|&t| name(t)).collect();
        serde::de::Error::custom(format!("unknown {what} {given:?}, expected one of {}", expected.join(", ")))
    })
}

impl<'de> Deserialize<'de> for EntityLabel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<EntityLabel, D::Error> {
        by_name(deserializer, &EntityLabel::ALL, EntityLabel::as_str, "entity label")
    }
}

impl<'de> Deserialize<'de> for ClaimReason {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ClaimReason, D::Error> {
        by_name(deserializer, &ClaimReason::ALL, ClaimReason::as_str, "claim reason")
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

    /// Tie-break of the document order: claim, quote, entity.
    pub(crate) fn layer_order(&self) -> u8 {
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
    /// The language the text was annotated in (with an unsupported language,
    /// the supported one the text is closest to; nothing was annotated).
    pub lang: Lang,
    /// Annotations sorted by start (then longest first, then claim, quote,
    /// entity).
    pub annotations: Vec<Annotation>,
    /// Set when language identification found the text clearly written in a
    /// language the engine does not read.
    unsupported_language: Option<&'static str>,
}

impl Document {
    /// A document of `lang` holding `annotations` (sorted as documented on
    /// [`Document::annotations`]).
    pub fn new(lang: Lang, annotations: Vec<Annotation>) -> Document {
        Document { lang, annotations, unsupported_language: None }
    }

    /// The empty document of a text written in a language the engine does
    /// not read: `code` is its ISO 639-1 code ("de"), `closest` the
    /// supported language the text is nearest to.
    pub(crate) fn unsupported(closest: Lang, code: &'static str) -> Document {
        Document { lang: closest, annotations: Vec::new(), unsupported_language: Some(code) }
    }

    /// The ISO 639-1 code ("de", "es", "it", …) of the language the text is
    /// clearly written in when the engine does not read it, and nothing was
    /// annotated; `None` for French and English texts, and whenever the
    /// language was fixed by the caller ([`LangChoice::Fixed`]).
    ///
    /// # Examples
    ///
    /// ```
    /// let text = "Der Bundestag hat am Donnerstag über das neue Gesetz abgestimmt, \
    ///             das nach Angaben der Regierung im kommenden Jahr in Kraft treten soll.";
    /// let doc = article_annotator::annotate(text);
    /// assert_eq!(doc.unsupported_language(), Some("de"));
    /// assert!(doc.annotations.is_empty());
    /// ```
    ///
    /// [`LangChoice::Fixed`]: crate::LangChoice::Fixed
    pub fn unsupported_language(&self) -> Option<&'static str> {
        self.unsupported_language
    }
}
