//! Sentence and paragraph boundaries for news text.
//!
//! A sentence ends after `.`, `!`, `?` or `…` (with any closing quotes or
//! brackets that follow), when the next word does not continue it: not
//! after an abbreviation or an initial ("M. Dupont", "J. K. Rowling"), not
//! before a lower-case word ("« Oui ! » dit-il"). A line break always ends
//! a sentence, so headlines, datelines and captions stand alone; a wire
//! dateline opening a paragraph ("WASHINGTON (AP) —") stands alone too.

use super::{tokenize::Token, tokenize::TokenKind};
use crate::lang::{data, Lang};
use crate::span::Span;

/// Sentence spans over `tokens` (as returned by [`super::tokenize()`] for the
/// same `text`). Each sentence runs from its first token to its last.
///
/// # Examples
///
/// ```
/// use article_annotator::{text, Lang};
/// let t = "M. Dupont est arrivé. « Oui ! » dit-il.\nTitre";
/// let toks = text::tokenize(t, Lang::Fr);
/// let s: Vec<&str> = text::sentences(t, &toks, Lang::Fr).iter().map(|s| s.slice(t)).collect();
/// assert_eq!(s, ["M. Dupont est arrivé.", "« Oui ! » dit-il.", "Titre"]);
/// ```
pub fn sentences(text: &str, tokens: &[Token], lang: Lang) -> Vec<Span> {
    let res = data::resources(lang);
    let mut out = Vec::new();
    let mut first: Option<usize> = None;
    let mut first_token = 0;
    let mut i = 0;
    while i < tokens.len() {
        let tok = tokens[i];
        if first.is_none() {
            let paragraph_start = i == 0 || line_break_between(text, tokens[i - 1].span.end, tok.span.start);
            if let Some(dash) = paragraph_start.then(|| dateline_end(text, tokens, i)).flatten() {
                out.push(Span::new(tok.span.start, tokens[dash].span.end));
                i = dash + 1;
                continue;
            }
            first = Some(tok.span.start);
            first_token = i;
        }
        let mut last = i;
        let ends;
        let t = tok.text(text);
        let terminal = tok.kind == TokenKind::Punct && t.starts_with(['.', '!', '?', '…']);
        let abbreviation = tok.kind == TokenKind::Word && t.ends_with('.');
        if terminal || abbreviation {
            // Closing quotes and brackets (and more terminal marks) stay
            // with the sentence they close.
            while let Some(next) = tokens.get(last + 1) {
                let nt = next.text(text);
                let closing = next.kind == TokenKind::Punct
                    && (nt.starts_with(['»', '”', '’', ')', ']', '›', '.', '!', '?', '…'])
                        || (nt == "\"" || nt == "'") && closes_straight_quote(text, next.span));
                if closing && !line_break_between(text, tokens[last].span.end, next.span.start) {
                    last += 1;
                } else {
                    break;
                }
            }
            ends = match tokens.get(last + 1) {
                None => true,
                Some(next) => {
                    let next_text = next.text(text);
                    let next_starts_lower = next_text.chars().next().is_some_and(char::is_lowercase);
                    if line_break_between(text, tokens[last].span.end, next.span.start) {
                        true
                    } else if next_starts_lower || next_text.starts_with([',', ';', ':']) {
                        false
                    } else if abbreviation && !terminal {
                        // "M. Dupont" never splits; "etc. Le" does when the
                        // next word commonly starts a sentence.
                        let is_title = res.titles.contains(t) || is_initial(t);
                        let mut lower = String::new();
                        crate::text::normalize_word(next_text, &mut lower);
                        !is_title && res.abbreviations.contains(t) && res.stopwords.contains(lower.as_str())
                            || !is_title && !res.abbreviations.contains(t)
                    } else {
                        true
                    }
                }
            };
        } else if let Some(next) = tokens.get(i + 1) {
            ends = line_break_between(text, tok.span.end, next.span.start);
        } else {
            ends = true;
        }
        // A "sentence" longer than any real one (a page without punctuation, a
        // list run together) is cut, so the detectors' per-sentence work stays
        // bounded whatever the input.
        if ends || last + 1 - first_token >= MAX_SENTENCE_TOKENS {
            out.push(Span::new(first.take().unwrap_or(tok.span.start), tokens[last].span.end));
        }
        i = last + 1;
    }
    out
}

/// The dash ending a wire dateline that opens a paragraph at token `first`:
/// a place in capitals or a source in brackets, then a dash, all on one
/// line: "WASHINGTON —", "KYIV, Ukraine (AP) —", "PARIS, Jan. 5 (Reuters) -",
/// "Paris, 5 janv. 2026 (AFP) -". `None` when the paragraph opens otherwise.
pub fn dateline_end(text: &str, tokens: &[Token], first: usize) -> Option<usize> {
    const MAX_TOKENS: usize = 14;
    let word = |k: usize| tokens[k].kind == TokenKind::Word;
    let starts_upper = |k: usize| tokens[k].text(text).chars().next().is_some_and(char::is_uppercase);
    let all_caps = |k: usize| {
        let t = tokens[k].text(text);
        word(k) && t.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !t.chars().any(char::is_lowercase)
    };
    if !(word(first) && starts_upper(first)) {
        return None;
    }
    let mut source = false;
    let mut lower = false;
    let mut k = first;
    while k < tokens.len() && k < first + MAX_TOKENS {
        if k > first && line_break_between(text, tokens[k - 1].span.end, tokens[k].span.start) {
            return None;
        }
        let t = tokens[k].text(text);
        match tokens[k].kind {
            TokenKind::Punct if matches!(t, "—" | "–" | "-" | "--") => {
                // Something must follow on the same line: a lone "PARIS -"
                // line is a heading, already a sentence of its own.
                let followed =
                    tokens.get(k + 1).is_some_and(|n| !line_break_between(text, tokens[k].span.end, n.span.start));
                let lead = all_caps(first) && !lower;
                return (k > first && followed && (lead || source)).then_some(k);
            }
            TokenKind::Punct if t == "(" && k > first => {
                // The agency: one to four capitalised words, then ")" and the dash.
                let close = (k + 2..(k + 6).min(tokens.len())).find(|&c| tokens[c].text(text) == ")")?;
                if !(k + 1..close).all(|c| word(c) && starts_upper(c) || tokens[c].text(text) == "/") {
                    return None;
                }
                source = true;
                k = close + 1;
                continue;
            }
            TokenKind::Punct if t == "," && k > first => {}
            // The period of an abbreviation in capitals ("JAN.", "CALIF.").
            TokenKind::Punct if t == "." && k > first && word(k - 1) => {}
            TokenKind::Word if !source => lower |= !starts_upper(k),
            TokenKind::Number if !source => {}
            _ => return None,
        }
        if source {
            return None;
        }
        k += 1;
    }
    None
}

/// Tokens after which a sentence is cut even without a boundary.
pub const MAX_SENTENCE_TOKENS: usize = 600;

/// An initial: one capital letter and a period ("J.").
fn is_initial(t: &str) -> bool {
    let mut cs = t.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// A straight quote closes a quotation when no word character touches its
/// right side.
fn closes_straight_quote(text: &str, span: Span) -> bool {
    !text[span.end..].chars().next().is_some_and(char::is_alphanumeric)
}

fn line_break_between(text: &str, from: usize, to: usize) -> bool {
    text.get(from..to).is_some_and(|gap| gap.contains(['\n', '\r', '\u{2028}', '\u{2029}']))
}

/// Paragraph spans: runs of text separated by line breaks, trimmed.
///
/// # Examples
///
/// ```
/// let t = "Titre\n\n  Premier paragraphe.\r\nSecond.";
/// let p: Vec<&str> = article_annotator::text::paragraphs(t).iter().map(|s| s.slice(t)).collect();
/// assert_eq!(p, ["Titre", "Premier paragraphe.", "Second."]);
/// ```
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}') {
            let span = Span::new(start, i).trim(text);
            if !span.is_empty() {
                out.push(span);
            }
            start = i + c.len_utf8();
        }
    }
    let span = Span::new(start, text.len()).trim(text);
    if !span.is_empty() {
        out.push(span);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn split(text: &str, lang: Lang) -> Vec<&str> {
        let toks = tokenize(text, lang);
        sentences(text, &toks, lang).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("M. Dupont et Mme Durand sont là. Le Dr Martin aussi.", Lang::Fr),
            ["M. Dupont et Mme Durand sont là.", "Le Dr Martin aussi."]
        );
        assert_eq!(
            split("Mr. Reid met Dr. Smith. They talked.", Lang::En),
            ["Mr. Reid met Dr. Smith.", "They talked."]
        );
        assert_eq!(
            split("The U.S. Navy said so. The U.S. The end.", Lang::En),
            ["The U.S. Navy said so.", "The U.S.", "The end."]
        );
        assert_eq!(
            split("César est mort en 44 av. J.-C. à Rome.", Lang::Fr),
            ["César est mort en 44 av. J.-C. à Rome."]
        );
        assert_eq!(split("J. K. Rowling wrote it.", Lang::En), ["J. K. Rowling wrote it."]);
    }

    #[test]
    fn french_spacing_and_quotes() {
        let text =
            "Il a dit\u{202F}: «\u{A0}Je pars\u{A0}!\u{A0}» Puis il est parti. Pourquoi\u{202F}? Personne ne sait.";
        assert_eq!(
            split(text, Lang::Fr),
            [
                "Il a dit\u{202F}: «\u{A0}Je pars\u{A0}!\u{A0}»",
                "Puis il est parti.",
                "Pourquoi\u{202F}?",
                "Personne ne sait."
            ]
        );
        assert_eq!(split("« Oui ! » dit-il. C'est fait.", Lang::Fr), ["« Oui ! » dit-il.", "C'est fait."]);
        assert_eq!(split("\"It works.\" Then it broke.", Lang::En), ["\"It works.\"", "Then it broke."]);
    }

    #[test]
    fn overlong_sentences_are_cut() {
        let text = "mot ".repeat(MAX_SENTENCE_TOKENS * 2 + 10);
        let toks = tokenize(&text, Lang::Fr);
        let s = sentences(&text, &toks, Lang::Fr);
        assert_eq!(s.len(), 3);
        assert!(s.iter().all(|s| s.slice(&text).split(' ').count() <= MAX_SENTENCE_TOKENS));
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            split("Un titre sans point\nLe texte. Suite", Lang::Fr),
            ["Un titre sans point", "Le texte.", "Suite"]
        );
        assert_eq!(split("", Lang::Fr), Vec::<&str>::new());
        assert_eq!(split("...", Lang::Fr), ["..."]);
    }

    #[test]
    fn wire_datelines_stand_alone() {
        assert_eq!(
            split("WASHINGTON (AP) — The Senate voted. It passed.", Lang::En),
            ["WASHINGTON (AP) —", "The Senate voted.", "It passed."]
        );
        assert_eq!(
            split("KYIV, Ukraine — Russian forces struck overnight.", Lang::En),
            ["KYIV, Ukraine —", "Russian forces struck overnight."]
        );
        assert_eq!(
            split("PARIS, JAN. 5 (Reuters) - Sales fell.", Lang::En),
            ["PARIS, JAN. 5 (Reuters) -", "Sales fell."]
        );
        assert_eq!(
            split("Titre\nParis, 5 janv. 2026 (AFP) - La grève continue.", Lang::Fr),
            ["Titre", "Paris, 5 janv. 2026 (AFP) -", "La grève continue."]
        );
        // Not datelines: mid-paragraph, lower-case words before the dash
        // without a source, nothing after the dash, a capitalised word alone.
        assert_eq!(split("Il a dit. PARIS — ici.", Lang::Fr), ["Il a dit.", "PARIS — ici."]);
        assert_eq!(split("NATO and its allies — all of them — agreed.", Lang::En).len(), 1);
        assert_eq!(split("Paris — la ville lumière — attire.", Lang::Fr).len(), 1);
        assert_eq!(split("SPORTS -\nLe match.", Lang::Fr), ["SPORTS -", "Le match."]);
    }

    #[test]
    fn numbers_and_times_do_not_split() {
        assert_eq!(
            split("Il est 13H00. La panne a duré 1 200 secondes.", Lang::Fr),
            ["Il est 13H00.", "La panne a duré 1 200 secondes."]
        );
        assert_eq!(split("De retour à passer 24 heures sur 24 et 7 jours sur 7 au travail.", Lang::Fr).len(), 1);
    }
}
