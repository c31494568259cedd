//! The quotation layer's speaker grammar over the shared phrase helpers
//! (`crate::text::phrase`):
//!
//! - [`Context::after_dateline`]: the token after a wire dateline, the layer's
//!   form of one ([`DatelineForm::CapitalRun`]);
//! - [`Context::is_possessive`]: the possessive "'s" ([`phrase::is_possessive_clitic`]);
//! - [`Context::entity_at`]: the PER or ORG entity over a token;
//! - [`Context::speaker_before`]: the speaker subject of a reporting verb, past
//!   its verb group ([`phrase::verb_group_start`]);
//! - [`Context::speaker_forward`]: the speaker phrase starting at a token.
//!
//! The last two find a *speaker* (a mention: pronoun, name or speaker noun
//! phrase), not any subject or noun phrase; their docs say how they differ
//! from the claim layer's source helpers.

use super::context::{Context, Mention};
use super::lexicon::class::*;
use super::windows::{MAX_DATELINE_TOKENS, MAX_LEADING_ADVERBS, MAX_NP, MAX_SUBJECT_GAP};
use super::{Entity, EntityLabel};
use crate::text::phrase::{self, DatelineForm, PossessiveSpelling};

impl<'a> Context<'a, '_> {
    /// The token after a wire dateline opening the sentence at `lo`
    /// ("LONDON —", "MOSCOW (AP) —"), or `lo` when there is none: the
    /// dateline is not part of what the source reported. The layer's form
    /// of dateline ([`DatelineForm::CapitalRun`]): all-capital words,
    /// brackets and commas up to a dash within [`MAX_DATELINE_TOKENS`].
    pub fn after_dateline(&self, lo: usize, hi: usize) -> usize {
        let is_word = |k: usize| self.has(k, WORD);
        let is_dash = |k: usize| self.has(k, DASH);
        let form = DatelineForm::CapitalRun { is_word: &is_word, is_dash: &is_dash };
        phrase::after_dateline(self.a.text, &self.a.tokens, lo, hi, MAX_DATELINE_TOKENS, form)
    }

    /// Is token `i` the possessive "'s" ("the company's spokesman")? In
    /// either language, "'s" or "’s" exactly.
    pub fn is_possessive(&self, i: usize) -> bool {
        phrase::is_possessive_clitic(self.text(i), PossessiveSpelling::LowerEitherApostrophe)
    }

    /// The entity (PER or ORG) overlapping token `i`.
    ///
    /// Differs from a general "entity at offset" look-up: it takes a token
    /// (any overlap counts, not only its first byte) and ignores places,
    /// dates and other labels, which never speak.
    pub fn entity_at(&self, i: usize) -> Option<&'a Entity> {
        let pos = self.a.tokens.get(i)?.span;
        let k = self.entities.partition_point(|e| e.span.end <= pos.start);
        self.entities[k..]
            .iter()
            .take_while(|e| e.span.start < pos.end)
            .find(|e| e.span.overlaps(pos) && matches!(e.label, EntityLabel::Per | EntityLabel::Org))
    }

    /// The subject before the reporting verb at `v` (not before `lo`): a
    /// speaker mention (pronoun, name or speaker noun phrase), or None.
    ///
    /// Differs from a general subject finder: it returns a *speaker* (a
    /// phrase that cannot speak, or a passive verb, gives None), skips at
    /// most [`MAX_SUBJECT_GAP`] auxiliaries, adverbs and clitics, takes
    /// "a-t-il dit"'s inverted pronoun, a relative's antecedent ("X, qui a
    /// déclaré"), the first apposed segment ("X, porte-parole, a dit"), the
    /// main subject for a participle after a comma ("X declined, saying"),
    /// and prefers the name inside a phrase ("le ministre Michel Sapin").
    pub fn speaker_before(&self, v: usize, lo: usize) -> Option<Mention> {
        if self.passive(v, lo) {
            return None;
        }
        // "X would not describe the failure, saying …": a participle after a
        // comma shares the main clause's subject, not the phrase before it.
        if v > lo && self.is_punct(v - 1, ",") && self.is_participle(v) {
            return self.clause_subject(lo, v - 1);
        }
        let j = match self.subject_end(v, lo)? {
            SubjectEnd::Pronoun(sp) => return Some(sp),
            SubjectEnd::At(j) => j,
        };
        let f = self.flags(j);
        if f & PRON != 0 {
            return self.pron(j);
        }
        if f & REL != 0 {
            // "X, qui a déclaré": the antecedent.
            let mut k = j;
            if k > lo && self.is_punct(k - 1, ",") {
                k -= 1;
            }
            return if k > lo { self.np_backward(k - 1, lo) } else { None };
        }
        if self.is_punct(j, ",") {
            // Apposition: "X, porte-parole du ministère, a déclaré", "Cynthia
            // Thompson, curator at the University of Arkansas, Fayetteville,
            // said": the subject is the first comma-separated segment after
            // the clause boundary.
            return self.segment_subject(j, lo);
        }
        let sp = self.np_backward(j, lo)?;
        Some(self.outer_subject(sp, lo).unwrap_or(sp))
    }

    /// Walks back from the verb at `v` over auxiliaries, adverbs, negation
    /// and clitics to the last token of its subject, or to an inverted or
    /// clause-initial pronoun that is the subject itself.
    fn subject_end(&self, v: usize, lo: usize) -> Option<SubjectEnd> {
        // "a-t-il dit": an inverted pronoun; "« … » Lui a dit" is rare, a
        // clause-initial "lui" is a subject.
        let pronoun_subject = |j: usize| {
            let f = self.flags(j);
            // "Bill Shorten, lui a proposé": after a comma, the dative "lui".
            f & PRON != 0
                && j > lo
                && (self.has(j - 1, HYPHEN) || f & CLITIC != 0 && !self.has(j - 1, WORD) && !self.is_punct(j - 1, ","))
        };
        let in_verb_group = |j: usize| {
            let f = self.flags(j);
            !pronoun_subject(j)
                && (f & (AUX | ADV | NEG | REFL) != 0 && f & CAP == 0
                    || f & CLITIC != 0 && self.has(j + 1, AUX | VERB | CLITIC | REFL)
                    || f & HYPHEN != 0
                    // A sentence-initial auxiliary in a question: rare.
                    || f & AUX != 0 && f & CAP != 0 && f & PRON == 0)
        };
        let start = phrase::verb_group_start(v, lo, in_verb_group);
        if start <= lo || v - start > MAX_SUBJECT_GAP {
            return None;
        }
        let j = start - 1;
        if pronoun_subject(j) {
            return self.pron(j).map(SubjectEnd::Pronoun);
        }
        Some(SubjectEnd::At(j))
    }

    /// "Un expert interrogé par l'AFP juge …", "a researcher quoted by the
    /// BBC said …": when `sp` is the agent of a participle that modifies
    /// the subject, the noun phrase before the participle (the speaker).
    fn outer_subject(&self, sp: Mention, lo: usize) -> Option<Mention> {
        let mut by = sp.tok;
        while by > lo && (self.is_elision(by - 1) || self.has(by - 1, DET)) {
            by -= 1;
        }
        let participle = |k: usize| self.has(k, WORD) && !self.has(k, CAP) && self.has_past_participle_ending(k);
        let agent = by >= lo + 3 && self.lex.participle_agents.contains(&self.text(by - 1)) && participle(by - 2);
        if agent {
            self.np_backward(by - 3, lo)
        } else {
            None
        }
    }

    /// A speaker noun phrase starting at `i` (adverbs skipped): a pronoun,
    /// a name, or a determiner noun phrase ("le porte-parole du Kremlin",
    /// "the company's spokesman"). Returns the speaker span (the name only
    /// when the phrase names the speaker) and the token after the phrase.
    ///
    /// Differs from a general noun-phrase reader: it reads a *speaker*
    /// phrase only (a bare lower-case noun without determiner or role gives
    /// None), returns the name inside it rather than the whole phrase, and
    /// stops at [`MAX_NP`] tokens.
    pub fn speaker_forward(&self, mut i: usize, hi: usize) -> Option<(Mention, usize)> {
        let mut skipped = 0;
        while i < hi && skipped < MAX_LEADING_ADVERBS && self.has(i, ADV) && !self.has(i, CAP | DET) {
            i += 1;
            skipped += 1;
        }
        if i >= hi {
            return None;
        }
        let f = self.flags(i);
        if f & PRON != 0 && f & DET == 0 {
            return self.pron(i).map(|s| (s, i + 1));
        }
        if f & WORD == 0 {
            return None;
        }
        // Titles before a name: "M. Dupont", "Dr Smith".
        let mut n = i;
        while n < hi && self.has(n, TITLE) {
            n += 1;
        }
        let det = f & DET != 0 && (f & CAP == 0 || !self.name_start(i + 1, hi));
        if !det && n < hi && self.name_start(n, hi) {
            let (name, end) = self.name_forward(n, hi);
            // "the company's chief Jane Doe": a possessor is not the speaker.
            if self.is_possessive(end) {
                return self.np_tail(i, end + 1, hi);
            }
            if self.is_modifier_at(end, hi) {
                return Some(self.name_as_modifier(i, n, name, end, hi));
            }
            return Some((name, end));
        }
        if det || f & ROLE != 0 {
            return self.np_tail(i, if det { i + 1 } else { i }, hi);
        }
        None
    }

    /// "American officials", "Acme spokesman Jo Bloggs": a name (`name`,
    /// from token `n`, in the phrase from `i`) modifying the common nouns
    /// from `end`; the speaker is the phrase, or the name apposed after it.
    fn name_as_modifier(&self, i: usize, n: usize, name: Mention, end: usize, hi: usize) -> (Mention, usize) {
        let mut j = end;
        while j < hi && j < end + MAX_NP && self.is_modifier_at(j, hi) {
            j += 1;
        }
        if self.name_start(j, hi) {
            return self.name_forward(j, hi);
        }
        // "Yonhap news agency": an organisation named before a singular head
        // is the speaker; "Acme engineers" are not Acme.
        let org = self.entity_at(n).is_some_and(|e| e.label == EntityLabel::Org);
        let plural = self.lex.plural_endings.iter().any(|e| self.text(j - 1).ends_with(e));
        if org && !plural {
            return (name, j);
        }
        (Mention::phrase(self.span(i, j - 1), i), j)
    }
}

/// Where the walk back from a verb stopped.
enum SubjectEnd {
    /// On an inverted or clause-initial pronoun: the subject itself.
    Pronoun(Mention),
    /// On the last token of the subject (or a comma or relative before it).
    At(usize),
}
