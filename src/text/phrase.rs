//! Phrase helpers for every detector: a wire dateline opening a span, the
//! verb group before a verb, a noun phrase read forward, the possessive
//! clitic. They read tokens only;
//! what a detector's own grammar decides (which words are function words,
//! which end a phrase) comes in as a named parameter, so one implementation
//! serves layers whose word classes differ.

use super::{Token, TokenKind};

/// Dashes that close a wire dateline ("LONDON —", "PARIS -").
pub const DATELINE_DASHES: &[char] = &['—', '–', '-'];
/// Punctuation that closes a sentence part: a noun phrase never runs past it.
pub const STRONG_BREAKS: &[char] = &[';', ':', '.', '!', '?', '…'];
/// Brackets and quotation marks a noun phrase read forward stops at.
pub const PHRASE_MARKS: &[char] = &['(', ')', '«', '»', '"', '“', '”'];

/// Whether token `i` is punctuation starting with one of `chars`.
pub fn punct_at(text: &str, tokens: &[Token], i: usize, chars: &[char]) -> bool {
    tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct && t.text(text).starts_with(chars))
}

/// What a layer takes for a wire dateline before the dash that closes it.
/// The two layers have always read datelines differently; the difference
/// is this parameter, not two copies.
pub enum DatelineForm<'g> {
    /// A place in capitals (three characters or more, capitals and
    /// hyphens), then anything but a lower-case function word
    /// (`lower_function_word`, the caller's grammar: "LONDON is …" is a
    /// clause) up to a dash of [`DATELINE_DASHES`]: "KELDMOOR, Dec. 3 —",
    /// "ARGENSEL, 12 novembre —". The claim layer's.
    CapitalPlace { lower_function_word: &'g dyn Fn(usize) -> bool },
    /// Only words with no lower-case letter (`is_word`), brackets and
    /// commas, at least one such word, up to a dash (`is_dash`, the
    /// caller's class): "MOSCOW (AP) —", "UN —"; "Paris, 5 janv. (AFP) —"
    /// (mixed case) is none. The quotation layer's.
    CapitalRun { is_word: &'g dyn Fn(usize) -> bool, is_dash: &'g dyn Fn(usize) -> bool },
}

/// The first token past a wire dateline opening tokens `first..end`, or
/// `first` when there is none: the tokens before a dash within
/// `max_tokens` form a dateline of the layer's `form`.
pub fn after_dateline(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    max_tokens: usize,
    form: DatelineForm,
) -> usize {
    match form {
        DatelineForm::CapitalPlace { lower_function_word } => {
            after_capital_place(text, tokens, first, end, max_tokens, lower_function_word)
        }
        DatelineForm::CapitalRun { is_word, is_dash } => {
            after_capital_run(text, tokens, first, end, max_tokens, is_word, is_dash)
        }
    }
}

fn after_capital_place(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    max_tokens: usize,
    lower_function_word: &dyn Fn(usize) -> bool,
) -> usize {
    if first >= end {
        return first;
    }
    let t = tokens[first].text(text);
    let capitals = t.chars().count() >= 3 && t.chars().all(|c| c.is_uppercase() || c == '-');
    if !capitals {
        return first;
    }
    let dash = (first + 1..(first + max_tokens).min(end)).find(|&k| punct_at(text, tokens, k, DATELINE_DASHES));
    match dash {
        Some(d) if (first + 1..d).all(|k| !lower_function_word(k)) => d + 1,
        _ => first,
    }
}

fn after_capital_run(
    text: &str,
    tokens: &[Token],
    first: usize,
    end: usize,
    max_tokens: usize,
    is_word: &dyn Fn(usize) -> bool,
    is_dash: &dyn Fn(usize) -> bool,
) -> usize {
    let mut caps = 0;
    for (k, token) in tokens.iter().enumerate().take(end.min(first + max_tokens)).skip(first) {
        if is_dash(k) {
            return if caps > 0 { k + 1 } else { first };
        }
        let t = token.text(text);
        if is_word(k) && t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase) {
            caps += 1;
        } else if !matches!(t, "(" | ")" | ",") {
            return first;
        }
    }
    first
}

/// Walks back from the verb at token `verb` over the words that stand
/// between a subject and its verb (`in_verb_group`, the caller's grammar:
/// auxiliaries, negation, clitics, adverbs: "X has not repeatedly
/// claimed", "X n'a pas dit"), not past `lo`: the first token of that group
/// (`verb` when there is none). Where the subject ends and what it is stay
/// each layer's: a claim's source span, a quotation's speaker.
pub fn verb_group_start(verb: usize, lo: usize, in_verb_group: impl Fn(usize) -> bool) -> usize {
    let mut i = verb;
    while i > lo && in_verb_group(i - 1) {
        i -= 1;
    }
    i
}

/// One past the last token of a noun phrase read forward from token `i`:
/// it stops before a comma, a strong break ([`STRONG_BREAKS`]), a bracket
/// or quotation mark ([`PHRASE_MARKS`]), a later token for which
/// `ends_phrase` holds (the caller's grammar: a complementizer, "que",
/// "that"), after `max_len` tokens, or at `limit`.
pub fn noun_phrase_end(
    text: &str,
    tokens: &[Token],
    i: usize,
    limit: usize,
    max_len: usize,
    ends_phrase: impl Fn(usize) -> bool,
) -> usize {
    let punct = |j: usize, chars: &[char]| punct_at(text, tokens, j, chars);
    let mut j = i;
    while j < limit && j - i < max_len {
        if punct(j, &[',']) || punct(j, STRONG_BREAKS) || ends_phrase(j) && j > i || punct(j, PHRASE_MARKS) {
            break;
        }
        j += 1;
    }
    j
}

/// Which spellings of the possessive clitic a layer accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PossessiveSpelling {
    /// A token of at most three bytes, opening with an apostrophe and
    /// ending in s or S: "'s", "'S" (the claim layer; a typographic "’s"
    /// is four bytes, so it does not pass).
    ShortAnyCase,
    /// Exactly "'s" or "’s" (the quote layer).
    LowerEitherApostrophe,
}

/// Whether `token` is the possessive clitic of "Saudi Arabia's", spelt as
/// `spelling` allows.
pub fn is_possessive_clitic(token: &str, spelling: PossessiveSpelling) -> bool {
    match spelling {
        PossessiveSpelling::ShortAnyCase => {
            token.len() <= 3 && token.starts_with(['\'', '’']) && token.ends_with(['s', 'S'])
        }
        PossessiveSpelling::LowerEitherApostrophe => token == "'s" || token == "’s",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::text::tokenize;

    /// The token after the dateline of `text` in the form `run` (true:
    /// CapitalRun) or CapitalPlace, if there is one.
    fn after(text: &str, run: bool) -> Option<&str> {
        let tokens = tokenize(text, Lang::En);
        // "says" is a lower-case word the caller calls a function word.
        let function_word = |k: usize| tokens[k].text(text) == "says";
        let is_word = |k: usize| tokens[k].kind == TokenKind::Word;
        let is_dash = |k: usize| tokens[k].text(text) == "—";
        let form = if run {
            DatelineForm::CapitalRun { is_word: &is_word, is_dash: &is_dash }
        } else {
            DatelineForm::CapitalPlace { lower_function_word: &function_word }
        };
        let k = after_dateline(text, &tokens, 0, tokens.len(), 8, form);
        (k > 0).then(|| tokens[k].text(text))
    }

    #[test]
    fn datelines_are_skipped_not_clauses() {
        // (text, capital run?, the token after the dateline). A capital run
        // takes brackets but no lower case, and no place length.
        let cases = [
            ("KELDMOOR, Dec. 3 — The plant closed.", false, Some("The")),
            ("LONDON (Reuters) - Prices rose.", false, Some("Prices")),
            ("Paris — The plant closed.", false, None),
            ("NATO says - nothing.", false, None),
            ("MOSCOW (AP) — Prices rose.", true, Some("Prices")),
            ("UN — Talks resumed.", true, Some("Talks")),
            ("Paris, 5 janv. (AFP) — Le prix.", true, None),
            ("— Name", true, None),
        ];
        for (text, run, expected) in cases {
            assert_eq!(after(text, run), expected, "{text}");
        }
    }

    #[test]
    fn verb_groups_walk_back_to_the_subject() {
        let text = "Le maire n'a pas dit";
        let tokens = tokenize(text, Lang::Fr);
        let group = |k: usize| matches!(tokens[k].text(text), "n'" | "a" | "pas");
        assert_eq!(verb_group_start(5, 0, group), 2);
        assert_eq!(verb_group_start(5, 3, group), 3);
        assert_eq!(verb_group_start(2, 0, group), 2);
    }

    #[test]
    fn noun_phrases_stop_at_punctuation_and_the_callers_words() {
        let text = "la police de Lyon, qui (ONF) que";
        let tokens = tokenize(text, Lang::Fr);
        assert_eq!(noun_phrase_end(text, &tokens, 0, tokens.len(), 12, |_| false), 4);
        assert_eq!(noun_phrase_end(text, &tokens, 0, 3, 12, |_| false), 3);
        assert_eq!(noun_phrase_end(text, &tokens, 0, tokens.len(), 2, |_| false), 2);
        assert_eq!(noun_phrase_end(text, &tokens, 0, tokens.len(), 12, |k| k == 2), 2);
        assert_eq!(noun_phrase_end(text, &tokens, 5, tokens.len(), 12, |_| false), 6);
    }

    #[test]
    fn possessive_spellings() {
        use PossessiveSpelling::*;
        assert!(is_possessive_clitic("'s", ShortAnyCase) && is_possessive_clitic("'S", ShortAnyCase));
        assert!(!is_possessive_clitic("’s", ShortAnyCase));
        assert!(
            is_possessive_clitic("’s", LowerEitherApostrophe) && !is_possessive_clitic("'S", LowerEitherApostrophe)
        );
    }
}
