//! The pipeline: [`Annotator::annotate`] identifies the language (when
//! asked), runs the text layer, then the entity detector, the mention layer, the quotation and claim
//! detectors in that order (each may use the earlier layers), and returns a
//! [`Document`] in byte offsets. The types it returns live in
//! `crate::model`; their JSON contract in `crate::contract`.

use crate::detect::{self, Analysis};
use crate::error::Error;
use crate::lang::{self, Lang, LangChoice};
use crate::model::{Annotation, Document};
use crate::sort::{desc, pos, sort_by_rank};
use crate::span::Span;

/// Annotates texts in one language, or in the language identified in each
/// text. Cheap to make and to copy: the language data is compiled in and
/// parsed once per process, on first use.
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
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Annotator {
    choice: LangChoice,
}

impl Annotator {
    /// The annotator for `choice`: a fixed language, or [`LangChoice::Auto`]
    /// to identify the language of each text (see [`Annotator::annotate`]).
    pub fn new(choice: LangChoice) -> Annotator {
        Annotator { choice }
    }

    /// The annotator for `lang`, whatever the text looks like.
    pub fn for_lang(lang: Lang) -> Annotator {
        Annotator::new(LangChoice::Fixed(lang))
    }

    /// The language choice this annotator was made with.
    pub fn choice(&self) -> LangChoice {
        self.choice
    }

    /// Annotates `text`. Never fails: any string gives a document, an empty
    /// one for empty text.
    ///
    /// With [`LangChoice::Auto`], a text clearly written in a language the
    /// engine does not read (German, Spanish, Russian, …) gives an empty
    /// document whose [`Document::unsupported_language`] names it, rather
    /// than French or English annotations of a text in neither.
    ///
    /// Without the feature `embedded-data`, a text in a language whose pack
    /// is not loaded gives an empty document: use [`Annotator::try_annotate`]
    /// to be told.
    pub fn annotate(&self, text: &str) -> Document {
        match self.needs(text) {
            Needs::Nothing(doc) => doc,
            Needs::Lang(lang) if !lang::data::loaded(lang) => Document::new(lang, Vec::new()),
            Needs::Lang(lang) => annotate_in(text, lang),
        }
    }

    /// [`Annotator::annotate`], or an error when the language pack of the
    /// text's language is not loaded (never with the default feature
    /// `embedded-data`, which compiles every language in).
    ///
    /// # Examples
    ///
    /// ```
    /// use article_annotator::{Annotator, LangChoice};
    /// let doc = Annotator::new(LangChoice::Auto).try_annotate("Le ministre a démissionné.").unwrap();
    /// assert_eq!(doc.lang, article_annotator::Lang::Fr);
    /// ```
    pub fn try_annotate(&self, text: &str) -> Result<Document, Error> {
        match self.needs(text) {
            Needs::Nothing(doc) => Ok(doc),
            Needs::Lang(lang) if !lang::data::loaded(lang) => Err(Error::pack_not_loaded(lang.code(), lang.name())),
            Needs::Lang(lang) => Ok(annotate_in(text, lang)),
        }
    }

    /// The language whose data annotating `text` reads, or `None` when it
    /// reads none (a text clearly in a language the engine does not read):
    /// which pack to fetch before [`Annotator::try_annotate`].
    pub fn lang_needed(&self, text: &str) -> Option<Lang> {
        match self.needs(text) {
            Needs::Nothing(_) => None,
            Needs::Lang(lang) => Some(lang),
        }
    }

    fn needs(&self, text: &str) -> Needs {
        match self.choice {
            LangChoice::Fixed(lang) => Needs::Lang(lang),
            LangChoice::Auto => match lang::identify(text) {
                lang::Identified::Supported(lang) => Needs::Lang(lang),
                lang::Identified::Unsupported { closest, code } => Needs::Nothing(Document::unsupported(closest, code)),
            },
        }
    }
}

/// What annotating a text needs: the data of one language, or nothing (the
/// document is already known).
enum Needs {
    Lang(Lang),
    Nothing(Document),
}

/// The pipeline proper, in `lang`, whose data is available.
fn annotate_in(text: &str, lang: Lang) -> Document {
    let analysis = Analysis::new(text, lang);
    let entities = detect::entities::detect(&analysis);
    let mentions = detect::mentions::Mentions::build(&analysis, &entities);
    let quotes = detect::quotes::detect_with(&analysis, &entities, &mentions);
    let claims = detect::claims::detect_with(&analysis, &entities, &quotes, &mentions);
    let mut annotations: Vec<Annotation> = entities
        .into_iter()
        .map(Annotation::Entity)
        .chain(quotes.into_iter().map(Annotation::Quote))
        .chain(claims.into_iter().map(Annotation::Claim))
        .filter(|a| valid_span(text, a.span()))
        .collect();
    sort_by_rank(&mut annotations, |a| [pos(a.span().start), desc(pos(a.span().end)), a.layer_order().into()]);
    Document::new(lang, annotations)
}

fn valid_span(text: &str, span: Span) -> bool {
    span.start < span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Annotates `text`, identifying its language ([`LangChoice::Auto`]).
///
/// # Examples
///
/// ```
/// let doc = article_annotator::annotate("The outage hit the network on Saturday.");
/// assert_eq!(doc.lang, article_annotator::Lang::En);
/// ```
pub fn annotate(text: &str) -> Document {
    Annotator::new(LangChoice::Auto).annotate(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The engine-only build (`cargo test --no-default-features --lib
    /// without_pack`, run by scripts/test.sh): no language until its pack is
    /// loaded, then annotations.
    #[cfg(not(feature = "embedded-data"))]
    #[test]
    fn without_pack_a_language_is_an_error_naming_it_until_loaded() {
        use crate::pack;
        let text = "Le ministre Jean Dupont a déclaré samedi à Paris que la panne était réglée.";
        let err = Annotator::new(LangChoice::Auto).try_annotate(text).unwrap_err();
        assert!(err.to_string().contains("French language pack (fr.pack) is not loaded"), "{err}");
        assert_eq!(Annotator::new(LangChoice::Auto).lang_needed(text), Some(Lang::Fr));
        assert!(!pack::loaded(Lang::Fr));
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let bodies: Vec<(&str, Vec<u8>)> = pack::PACK_FILES
            .iter()
            .map(|&name| {
                let bytes = if name == pack::MODEL_FILE {
                    std::fs::read(root.join("data/models/ner-fr.bin")).unwrap()
                } else {
                    let text = std::fs::read_to_string(root.join("data/fr").join(name)).unwrap();
                    pack::pack_list(&text)
                };
                (name, bytes)
            })
            .collect();
        let files: Vec<(&str, &[u8])> = bodies.iter().map(|(n, b)| (*n, b.as_slice())).collect();
        assert_eq!(pack::load(pack::build(Lang::Fr, "", &files)), Ok(Lang::Fr));
        assert!(pack::loaded(Lang::Fr) && !pack::loaded(Lang::En));
        let doc = Annotator::new(LangChoice::Auto).try_annotate(text).unwrap();
        assert!(doc.annotations.iter().any(|a| matches!(a, Annotation::Entity(_))), "{doc:?}");
        let err = Annotator::for_lang(Lang::En).try_annotate("The minister said so.").unwrap_err();
        assert!(err.to_string().contains("English language pack (en.pack)"), "{err}");
    }

    #[test]
    fn empty_text_gives_empty_document() {
        let doc = annotate("");
        assert!(doc.annotations.is_empty());
        assert_eq!(doc.unsupported_language(), None);
    }

    #[test]
    fn a_fixed_language_is_obeyed() {
        let text = "Die Regierung hat am Montag angekündigt, dass die Steuern im nächsten Jahr gesenkt werden.";
        let doc = Annotator::for_lang(Lang::Fr).annotate(text);
        assert_eq!((doc.lang, doc.unsupported_language()), (Lang::Fr, None));
    }
}
