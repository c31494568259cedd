//! The detectors, run in order: entities, then the mentions that may speak
//! (names from the entities, pronouns, descriptions), then quotations
//! (speakers chosen among the mentions), then claims (which use both).
//!
//! Each detector is a module with a `detect` function over an [`Analysis`]
//! (the text layer's output, computed once) and the earlier layers.

pub mod claims;
pub mod entities;
pub mod mentions;
pub mod quotes;
mod rule;

use crate::lang::Lang;
use crate::span::Span;
use crate::text::{self, Token, TokenKind};

/// The text layer's view of one text, shared by every detector.
#[derive(Debug)]
pub struct Analysis<'t> {
    /// The text being annotated.
    pub text: &'t str,
    /// Its language.
    pub lang: Lang,
    /// Its tokens, in order.
    pub tokens: Vec<Token>,
    /// Sentence spans, in order; every token lies in exactly one.
    pub sentences: Vec<Span>,
    /// For each sentence, the range of token indices it holds.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
    /// Paragraph spans (text between line breaks), in order.
    pub paragraphs: Vec<Span>,
}

impl<'t> Analysis<'t> {
    /// Tokenizes and splits `text`.
    pub fn new(text: &'t str, lang: Lang) -> Analysis<'t> {
        let tokens = text::tokenize(text, lang);
        let sentences = text::sentences(text, &tokens, lang);
        let mut sentence_tokens = Vec::with_capacity(sentences.len());
        let mut i = 0;
        for s in &sentences {
            let first = i;
            while i < tokens.len() && tokens[i].span.end <= s.end {
                i += 1;
            }
            sentence_tokens.push(first..i);
        }
        let paragraphs = text::paragraphs(text);
        Analysis { text, lang, tokens, sentences, sentence_tokens, paragraphs }
    }

    /// The text of token `i`.
    pub fn token_text(&self, i: usize) -> &'t str {
        self.tokens[i].span.slice(self.text)
    }

    /// The index of the sentence holding byte offset `pos`.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= pos);
        (i < self.sentences.len() && self.sentences[i].start <= pos).then_some(i)
    }

    /// The index of the first token starting at or after byte offset `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start < pos)
    }

    /// Whether tokens from `k` (before `end`) are one or two lower-case
    /// words then a number ("at least 14", "more than 200", "près de 30"):
    /// a quantity a reported clause may open with.
    pub fn opens_quantity(&self, k: usize, end: usize) -> bool {
        (k + 1..(k + 3).min(end)).any(|n| {
            self.tokens[n].kind == TokenKind::Number
                && (k..n).all(|j| self.tokens[j].kind == TokenKind::Word && !self.tokens[j].is_capitalized(self.text))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_token_in_one_sentence() {
        let text = "Il pleut. M. Dupont sort.\nTitre\n\nFin !";
        let a = Analysis::new(text, Lang::Fr);
        let covered: usize = a.sentence_tokens.iter().map(|r| r.len()).sum();
        assert_eq!(covered, a.tokens.len());
        assert_eq!(a.sentences.len(), 4);
        assert_eq!(a.sentence_at(text.find("Dupont").unwrap()), Some(1));
        assert_eq!(a.paragraphs.len(), 3);
    }

    /// Every class of `data/<lang>/word-classes.txt` is read by a layer (a
    /// misspelt class name would otherwise be skipped by every layer).
    #[test]
    fn every_word_class_is_read() {
        for lang in Lang::ALL {
            for (class, word) in crate::lang::classes::word_classes(lang).entries() {
                assert!(
                    claims::reads_word_class(class)
                        || quotes::reads_word_class(class)
                        || mentions::reads_word_class(class)
                        || entities::reads_word_class(class),
                    "data/{}/word-classes.txt: {class}\t{word}: no layer reads class {class:?}",
                    lang.code()
                );
            }
        }
    }
}
