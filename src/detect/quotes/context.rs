//! The quotation layer's view of a text ([`Context`]): the analysis, the
//! entities and the word classes of every token, computed once, with the
//! token tests every rule of the layer reads.
//!
//! Everything works on token indices; every scan is bounded, so the cost is
//! linear in the text whatever its punctuation.

use super::lexicon::{class::*, lexicon, Lexicon};
use super::windows::{MAX_HYPHEN_TOKEN, MAX_NAME_PARTICLE, MIN_PARTICIPLE_STEM};
use super::{Analysis, Entity};
use crate::lang::data::{self, Resources};
use crate::span::Span;
use crate::text::{normalize_word, Token, TokenKind};

/// Opening quotation marks: a stray one is not part of reported content.
const OPENING_MARKS: [&str; 5] = ["«", "“", "„", "‹", "‘"];
/// Closing quotation marks (and a closing parenthesis): reported content
/// may end on one.
const CLOSING_MARKS: [&str; 6] = ["»", "”", "\"", "’", "›", ")"];
/// First characters of sentence-final punctuation.
const TERMINAL_PUNCT: [char; 4] = ['.', '!', '?', '…'];
/// First characters of a hyphen token ("-t-", "-il" split off an inverted
/// clitic).
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];
/// What joins a lower-case particle to a name ("al-Amr", "el-Sisi").
const PARTICLE_JOINERS: [char; 2] = ['-', '\u{2011}'];

/// A speaker mention before linking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    /// The mention.
    pub span: Span,
    /// Its pronoun class (PRON_M, …), 0 for names and noun phrases.
    pub pron: u32,
    /// The entity it was taken from, if any.
    pub entity: Option<u32>,
    /// Token index of the mention's first token.
    pub tok: usize,
    /// True when the mention is a name (not a pronoun or a noun phrase).
    pub is_name: bool,
}

impl Mention {
    /// A noun phrase (not a name, not a pronoun) over `span`, from token `tok`.
    pub fn phrase(span: Span, tok: usize) -> Mention {
        Mention { span, pron: 0, entity: None, tok, is_name: false }
    }
}

/// The quotation layer's view of a text: the analysis, the entities and
/// the word classes of every token.
pub(crate) struct Context<'a, 't> {
    pub a: &'a Analysis<'t>,
    pub entities: &'a [Entity],
    flags: Vec<u32>,
    pub lex: &'static Lexicon,
}

impl<'a, 't> Context<'a, 't> {
    pub fn new(a: &'a Analysis<'t>, entities: &'a [Entity]) -> Context<'a, 't> {
        let lex = lexicon(a.lang);
        let res = data::resources(a.lang);
        let mut buf = String::new();
        let mut flags: Vec<u32> =
            a.tokens.iter().map(|t| token_classes(lex, res, t, t.span.slice(a.text), &mut buf)).collect();
        join_name_compounds(a, res, &mut flags);
        Context { a, entities, flags, lex }
    }

    pub fn flags(&self, i: usize) -> u32 {
        self.flags.get(i).copied().unwrap_or(0)
    }

    pub fn has(&self, i: usize, mask: u32) -> bool {
        self.flags(i) & mask != 0
    }

    /// The text of token `i` ("" past the end).
    pub fn text(&self, i: usize) -> &'t str {
        self.a.tokens.get(i).map_or("", |t| t.span.slice(self.a.text))
    }

    fn is_punct_token(&self, i: usize) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.is_punct_token(i) && self.text(i) == p
    }

    pub fn is_elision(&self, i: usize) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Elision)
    }

    /// Sentence-final punctuation: . ! ? …
    pub fn is_terminal(&self, i: usize) -> bool {
        self.is_punct_token(i) && self.text(i).starts_with(TERMINAL_PUNCT)
    }

    /// "?" or "!": a quotation ending on one ends its sentence too.
    pub fn is_question_or_exclamation(&self, i: usize) -> bool {
        matches!(self.text(i), "?" | "!")
    }

    pub fn is_open_mark(&self, i: usize) -> bool {
        self.is_punct_token(i) && OPENING_MARKS.contains(&self.text(i))
    }

    pub fn is_close_mark(&self, i: usize) -> bool {
        self.is_punct_token(i) && CLOSING_MARKS.contains(&self.text(i))
    }

    /// The pronoun at `i` as a speaker mention, if it is a speaker pronoun.
    pub fn pron(&self, i: usize) -> Option<Mention> {
        let p = self.flags(i) & PRON;
        (p != 0).then(|| Mention { span: self.a.tokens[i].span, pron: p, entity: None, tok: i, is_name: false })
    }

    /// The bytes from token `from` to token `to_incl`, both included.
    pub fn span(&self, from: usize, to_incl: usize) -> Span {
        Span::new(self.a.tokens[from].span.start, self.a.tokens[to_incl].span.end)
    }

    /// The bytes from token `from` to token `to` (exclusive), None when empty.
    pub fn tokens_span(&self, from: usize, to: usize) -> Option<Span> {
        (from < to).then(|| Span::new(self.a.tokens[from].span.start, self.a.tokens[to - 1].span.end))
    }

    /// The sentence holding token `tok` (0 when none does).
    pub fn sentence_of(&self, tok: usize) -> usize {
        self.a.sentence_at(self.a.tokens[tok].span.start).unwrap_or(0)
    }

    pub fn paragraph_of(&self, tok: usize) -> usize {
        let pos = self.a.tokens[tok].span.start;
        self.a.paragraphs.partition_point(|p| p.end <= pos)
    }

    /// "adding", "ajoutant": a present participle (an ending of class
    /// `ptcp` after at least three more letters).
    pub fn is_participle(&self, v: usize) -> bool {
        let verb = self.text(v);
        self.lex.participle_endings.iter().any(|e| verb.len() > e.len() + MIN_PARTICIPLE_STEM && verb.ends_with(e))
    }

    /// Does token `k` end like a past participle (class `ptcp.past`:
    /// "interrogé", "briefed")?
    pub fn has_past_participle_ending(&self, k: usize) -> bool {
        let t = self.text(k);
        self.lex.past_participle_endings.iter().any(|e| t.ends_with(e))
    }
}

/// The word classes of one token: the lexicon's classes of the word, plus
/// what the token itself shows (WORD, CAP, TITLE, HYPHEN, DASH).
fn token_classes(lex: &Lexicon, res: &Resources, t: &Token, raw: &str, buf: &mut String) -> u32 {
    let mut f = 0;
    match t.kind {
        TokenKind::Word | TokenKind::Elision | TokenKind::Number => {
            f |= WORD;
            // Most words are plain lower-case ASCII: look them up as they are.
            // An acronym ("WHO", "IT") is a name, not the function word it spells.
            let acronym = raw.len() >= 2 && raw.bytes().all(|b| b.is_ascii_uppercase());
            if raw.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                f |= lex.classes(raw);
            } else if !acronym {
                normalize_word(raw, buf);
                f |= lex.classes(buf);
            }
            // "al-Amr", "el-Sisi": a lower-case particle joined to a name.
            let particle_name = raw
                .split_once(PARTICLE_JOINERS)
                .is_some_and(|(p, n)| p.len() <= MAX_NAME_PARTICLE && n.chars().next().is_some_and(char::is_uppercase));
            if raw.chars().next().is_some_and(char::is_uppercase) || particle_name {
                f |= CAP;
                f |= lex.classes(raw) & ROLE;
                if res.titles.contains(raw) {
                    f |= TITLE;
                }
            }
        }
        TokenKind::Punct => {
            if raw.len() <= MAX_HYPHEN_TOKEN && raw.starts_with(HYPHENS) {
                f |= HYPHEN;
            }
            f |= lex.classes(raw) & DASH;
        }
        TokenKind::Handle => f |= WORD | CAP,
        _ => {}
    }
    f
}

/// "the Hamas-run ministry": the tokenizer set the name apart, but the
/// compound (`data/<lang>/name-compounds.txt`) is one modifier word of the
/// noun phrase, and "run" there is no verb.
fn join_name_compounds(a: &Analysis, res: &Resources, flags: &mut [u32]) {
    for k in 1..a.tokens.len().saturating_sub(1) {
        let glued =
            a.tokens[k - 1].span.end == a.tokens[k].span.start && a.tokens[k].span.end == a.tokens[k + 1].span.start;
        if glued && flags[k] & HYPHEN != 0 && res.name_compounds.contains(a.tokens[k + 1].span.slice(a.text)) {
            flags[k] = WORD;
            flags[k + 1] = WORD;
        }
    }
}
