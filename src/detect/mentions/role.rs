//! A mention's approximate grammatical role, read from the words around it
//! (no parser): what speaker and source choice need to know.

use super::words::Words;
use super::{Analysis, Kind, Mention};
use crate::text::{normalize_word, TokenKind};

/// Tokens between a reporting verb and its inverted subject ("a déclaré
/// jeudi à l'AFP le ministre", "said on Tuesday the minister").
const MAX_INVERSION_GAP: usize = 5;
/// Tokens of fillers between a subject and its verb ("a également", "has
/// not yet").
const MAX_FILLERS: usize = 3;
/// Tokens of an apposition skipped after a subject ("Jean Roe, le
/// ministre de l'Intérieur, a dit").
const MAX_APPOSITION: usize = 10;

/// Where a mention stands in its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// After "selon", "d'après", "according to", or "pour X,".
    Source,
    /// After a reporting verb: "a déclaré le ministre", "dit-il", "said Smith".
    Inverted,
    /// Before a reporting verb: "Jean Roe a déclaré", "the company said".
    Reporting,
    /// Before another verb (after an auxiliary): "l'armée avait riposté".
    Subject,
    /// The antecedent of "qui"/"who": "Jean Roe, qui …".
    Relative,
    /// Set apart by commas beside another mention: "Jean Roe, le ministre,".
    Apposition,
    /// After a preposition or a verb.
    Object,
    /// None of these.
    Other,
}

impl Role {
    /// A role in which a mention may say something: source, subject (of a
    /// verb or a relative), inverted subject.
    pub fn speaks(self) -> bool {
        matches!(self, Role::Source | Role::Inverted | Role::Reporting | Role::Subject | Role::Relative)
    }

    /// A role in which a mention reports: source, subject of a reporting
    /// verb or inverted after one.
    pub fn reports(self) -> bool {
        matches!(self, Role::Source | Role::Inverted | Role::Reporting)
    }

    /// Its name as a ranking feature.
    pub fn name(self) -> &'static str {
        match self {
            Role::Source => "source",
            Role::Inverted => "inverted",
            Role::Reporting => "reporting",
            Role::Subject => "subject",
            Role::Relative => "relative",
            Role::Apposition => "apposition",
            Role::Object => "object",
            Role::Other => "other",
        }
    }
}

struct View<'v, 'a, 't> {
    a: &'v Analysis<'t>,
    w: &'a Words,
    lo: usize,
    hi: usize,
}

impl View<'_, '_, '_> {
    fn word(&self, i: usize) -> String {
        let mut b = String::new();
        if i < self.a.tokens.len() {
            normalize_word(self.a.token_text(i), &mut b);
        }
        b
    }

    fn is_word(&self, i: usize) -> bool {
        i < self.a.tokens.len() && matches!(self.a.tokens[i].kind, TokenKind::Word | TokenKind::Elision)
    }

    fn is(&self, i: usize, p: &str) -> bool {
        i < self.hi && self.a.token_text(i) == p
    }

    fn reporting(&self, i: usize) -> bool {
        self.is_word(i) && self.w.reporting_verbs.contains(self.word(i).as_str())
    }

    fn filler(&self, i: usize) -> bool {
        self.is_word(i) && self.w.verb_fillers.contains(self.word(i).as_str())
    }

    /// A source frame ends at token `end - 1`.
    fn frame_before(&self, tok: usize, end_tok: usize) -> bool {
        let strong = self.w.frames.iter().any(|f| {
            tok >= self.lo + f.len() && f.iter().enumerate().all(|(k, word)| self.word(tok - f.len() + k) == *word)
        });
        let weak = tok > self.lo && self.w.weak_frames.contains(self.word(tok - 1).as_str()) && self.is(end_tok, ",");
        strong || weak
    }

    /// A reporting verb before the mention, across at most a few
    /// complement words and no punctuation but a hyphen ("dit-il").
    fn verb_before(&self, tok: usize, kind: Kind) -> bool {
        if matches!(kind, Kind::Pronoun(_)) {
            // "dit-il", "a-t-elle ajouté": a pronoun right after a hyphen.
            return tok > self.lo && self.a.token_text(tok - 1).starts_with('-');
        }
        let floor = self.lo.max(tok.saturating_sub(MAX_INVERSION_GAP + 1));
        let mut k = tok;
        while k > floor {
            k -= 1;
            if self.reporting(k) {
                return true;
            }
            // "a déclaré que l'armée": the subject of reported content.
            if !self.is_word(k) || self.w.complementizers.contains(self.word(k).as_str()) {
                return false;
            }
        }
        false
    }

    /// The verb after the mention, past fillers and one apposition between
    /// commas: `Some(true)` for a reporting verb, `Some(false)` for another
    /// verb after an auxiliary or adverb.
    fn verb_after(&self, end_tok: usize) -> Option<bool> {
        let mut k = end_tok;
        if self.is(k, ",") {
            // "Jane Roe, film critic for the News Service said": an
            // apposition closed by a comma or by the reporting verb itself.
            let end = self.hi.min(k + 1 + MAX_APPOSITION);
            match (k + 1..end).find(|&j| self.is(j, ",") || self.reporting(j) || !self.is_word(j)) {
                Some(c) if self.is(c, ",") => k = c + 1,
                Some(c) if self.reporting(c) => return Some(true),
                _ => return None,
            }
        }
        let start = k;
        // Fillers and object clitics: "Hamon lui a rendu hommage".
        let object_pronoun = |i: usize| self.w.pronouns.iter().any(|(p, _)| *p == self.word(i));
        while k < self.hi && k < start + MAX_FILLERS && (self.filler(k) || object_pronoun(k)) && !self.reporting(k) {
            k += 1;
        }
        if self.reporting(k) {
            Some(true)
        } else {
            (k > start && self.is_word(k)).then_some(false)
        }
    }

    /// A pronoun that is also an object clitic, right before a word:
    /// "Bill Shorten, lui a proposé" (the dative "lui", not a subject; the
    /// stressed "lui" stands before a comma: "Fillon est, lui, épargné").
    fn object_clitic(&self, tok: usize, kind: Kind) -> bool {
        matches!(kind, Kind::Pronoun(_))
            && self.w.verb_fillers.contains(self.word(tok).as_str())
            && self.is_word(tok + 1)
    }

    fn relative_after(&self, end_tok: usize) -> bool {
        let k = if self.is(end_tok, ",") { end_tok + 1 } else { end_tok };
        k < self.hi && self.w.relatives.contains(self.word(k).as_str())
    }
}

/// The role of `m` in its sentence.
pub(super) fn of(a: &Analysis, w: &Words, m: &Mention) -> Role {
    let range = a.sentence_tokens[m.sentence].clone();
    let v = View { a, w, lo: range.start, hi: range.end };
    if v.frame_before(m.tok, m.end_tok) {
        Role::Source
    } else if v.verb_before(m.tok, m.kind) {
        Role::Inverted
    } else if v.object_clitic(m.tok, m.kind) {
        Role::Object
    } else if let Some(reporting) = v.verb_after(m.end_tok) {
        // "a déclaré que l'armée avait riposté": the subject of reported
        // content does not report.
        let reported = m.tok > v.lo && w.complementizers.contains(v.word(m.tok - 1).as_str());
        // "A letter seen by Sky News says", "un expert interrogé par l'AFP a
        // déclaré": the agent of a participle is no subject of the verb.
        if m.tok > v.lo && w.agents.contains(v.word(m.tok - 1).as_str()) {
            Role::Object
        } else if reporting && !reported {
            Role::Reporting
        } else {
            Role::Subject
        }
    } else if v.relative_after(m.end_tok) {
        Role::Relative
    } else if m.tok > v.lo && v.is(m.tok - 1, ",") {
        Role::Apposition
    } else if m.tok > v.lo && v.is_word(m.tok - 1) {
        Role::Object
    } else {
        Role::Other
    }
}
