//! # article-annotator
//!
//! Reads a news article and finds three things a careful reader wants to
//! see: **named entities** (people, organisations, places, dates, products
//! and events), **quotations with who said them**, and **unverified
//! claims** (what the article reports without vouching for it: the French
//! journalistic conditional, "selon X", anonymous sources, "did not
//! respond", hedges). French first, English as well.
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
#![deny(missing_docs)]

mod annotate;
pub mod detect;
mod error;
pub mod lang;
pub mod span;
mod summary;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use crate::annotate::{
    annotate, Annotation, Annotator, Claim, ClaimReason, ContractAnnotation, ContractDocument, ContractSpan,
    ContractSpeaker, Document, Entity, EntityLabel, Quote, Speaker,
};
pub use crate::error::Error;
pub use crate::lang::{Lang, LangChoice};
pub use crate::span::Span;
pub use crate::summary::{summarize, CountLine, ReasonLine, SpeakerLine, Summary};
