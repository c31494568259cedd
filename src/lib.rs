//! # article-annotator
//!
//! Reads a news article and finds three things a careful reader wants to
//! see: **named entities** (people, organisations, places, dates, products
//! and events), **quotations with who said them**, and **unverified
//! claims** (what the article reports without vouching for it: the French
//! journalistic conditional, "selon X", anonymous sources, "did not
//! respond", hedges). French first, English as well; a text clearly in
//! another language is reported as such ([`Document::unsupported_language`]).
//!
//! The core is pure Rust and knows nothing of the browser; `src/web` (built
//! only for `wasm32`) is a thin binding that paints the annotations onto a
//! page. Offsets are bytes in the core and UTF-16 code units in the JSON
//! contract ([`Document::to_contract`]).
//!
//! ```
//! use article_annotator::{Annotator, Lang};
//!
//! let text = "Contacté par l'AFP, le groupe n'a pas répondu.";
//! let doc = Annotator::for_lang(Lang::Fr).annotate(text);
//! let json = serde_json::to_string(&doc.to_contract(text)).unwrap();
//! assert!(json.starts_with(r#"{"lang":"fr","annotations":["#));
//! ```
//!
//! ## Layers
//!
//! Each module imports only the ones above it in this list (`tests/layout.rs`
//! checks it, with the 600-line file and 100-line function limits):
//!
//! | module | holds |
//! |---|---|
//! | `span`, `error`, `sort`, `case` | byte ranges; the one error type; the one shared stable sort; Unicode case mapping from compact tables |
//! | `lang` | language codes, the compiled-in data files, the word-class table every detector reads, language identification |
//! | `text` | tokens, sentences, paragraphs (byte offsets) |
//! | `model` | the annotation types, plain data |
//! | `detect` | the entity, mention (who may speak: names, pronouns, descriptions), quotation and claim detectors, and the rule-table type they share |
//! | `annotate` | the [`Annotator`]: identifies the language, runs the detectors |
//! | `contract` | the UTF-16 JSON contract and the conversion to it |
//! | `summary` | the sourcing summary of an article, computed from its contract |
//! | `web` (wasm32), `bin/annotate` | the browser binding; the command line |
//!
//! ## Internals
//!
//! `detect` and `text` are public only for the repository's examples,
//! benchmarks and tests (the tagger trainer, per-stage timings, tokenizer
//! checks). They are hidden from the documentation, are not part of the
//! API and change without notice.
#![deny(missing_docs)]

mod annotate;
mod case;
mod contract;
#[doc(hidden)]
pub mod detect;
mod error;
mod lang;
mod model;
mod sort;
mod span;
mod summary;
#[doc(hidden)]
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use crate::annotate::{annotate, Annotator};
pub use crate::contract::{ContractAnnotation, ContractDocument, ContractSpan, ContractSpeaker};
pub use crate::error::Error;
pub use crate::lang::{pack, Lang, LangChoice};
pub use crate::model::{Annotation, Claim, ClaimReason, Document, Entity, EntityLabel, Quote, Speaker};
pub use crate::span::Span;
pub use crate::summary::{summarize, CountLine, ReasonLine, SpeakerLine, Summary};
