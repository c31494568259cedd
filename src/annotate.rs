//! The pipeline: [`Annotator::annotate`] identifies the language (when
//! asked), runs the text layer, then the entity detector, the mention layer, the quotation and claim
//! detectors in that order (each may use the earlier layers), and returns a
//! [`Document`] in byte offsets. The types it returns live in
//! `crate::model`; their JSON contract in `crate::contract`.

use crate::detect::{self, Analysis};
use crate::lang::{self, Lang, LangChoice};
use crate::model::{Annotation, Document};
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
    pub fn annotate(&self, text: &str) -> Document {
        let lang = match self.choice {
            LangChoice::Fixed(lang) => lang,
            LangChoice::Auto => match lang::identify(text) {
                lang::Identified::Supported(lang) => lang,
                lang::Identified::Unsupported { closest, code } => return Document::unsupported(closest, code),
            },
        };
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
        annotations.sort_by(|a, b| {
            let (sa, sb) = (a.span(), b.span());
            sa.start.cmp(&sb.start).then(sb.end.cmp(&sa.end)).then(a.layer_order().cmp(&b.layer_order()))
        });
        Document::new(lang, annotations)
    }
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
