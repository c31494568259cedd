//! Sources: noun phrases, subjects, pronouns and their antecedents, and
//! whether a source is identified.

use super::lexicon::{class, Role};
use super::words::*;
use super::{ClaimReason, Context, EntityLabel};
use crate::sort::{self, desc, sort_by_rank};
use crate::span::Span;
use crate::text::phrase;
use crate::text::TokenKind;

impl<'a, 't> Context<'a, 't> {
    /// The noun phrase starting at `i`: up to a comma, a strong break, a
    /// complementizer or `MAX_SOURCE` tokens, ending before `limit`.
    pub(super) fn np_forward(&self, i: usize, limit: usize) -> usize {
        phrase::noun_phrase_end(self.a.text, &self.a.tokens, i, limit, MAX_SOURCE, |j| self.is(j, class::COMP))
    }

    /// Whether token `k` stands in the verb group of the verb at token
    /// `verb` (claims' grammar for [`phrase::verb_group_start`]):
    /// auxiliaries, negation, clitics, adverbs; an English "-ly" adverb
    /// after an auxiliary ("has repeatedly claimed") or directly before the
    /// verb ("The ministry flatly denied"). `lo`: the sentence's first token.
    fn in_verb_group(&self, k: usize, verb: usize, lo: usize) -> bool {
        let ly_adverb = k > lo && (self.is(k - 1, class::AUX) || k + 1 == verb) && self.is_ly_adverb(k);
        self.is(k, class::AUX | class::NEG | class::CLITIC | class::ADV) || ly_adverb
    }

    /// The subject noun phrase ending just before token `verb` (the verb or
    /// its auxiliary): back over its verb group ([`Self::in_verb_group`]),
    /// then to a comma, a break, a complementizer, an auxiliary or a
    /// participle.
    pub(super) fn subject_before(&self, si: usize, verb: usize) -> Option<Span> {
        let lo = self.a.sentence_tokens[si].start;
        let mut i = phrase::verb_group_start(verb, lo, |k| self.in_verb_group(k, verb, lo));
        // "à"/"to" before an infinitive.
        if i > lo && self.is(i - 1, class::PREP) {
            i -= 1;
        }
        // "Le chef, que l'armée …, revendique": skip the relative clause;
        // "Le maire, interrogé par l'AFP, a assuré": the participle phrase.
        if i > lo && self.is_comma(i - 1) {
            if let Some(k) = self.relative_start(i - 1).or_else(|| self.participle_apposition_start(i - 1)) {
                i = k - 1;
            } else if let Some(open) = self.apposition_opening(i - 1) {
                i = open;
            }
        }
        let end = i;
        let stop = end.saturating_sub(MAX_SOURCE).max(lo);
        let mut j = end;
        while j > stop {
            let p = j - 1;
            let stops = self.is_comma(p)
                || self.is_strong_break(p)
                || self.a.tokens[p].kind == TokenKind::Punct && !self.punct(p, &['-', '\'', '’'])
                || self.is(p, class::COMP | class::AUX | class::CONJ | class::REPORT | class::CONTRAST | class::SUB)
                || p > lo && self.is(p - 1, class::AUX) && !self.is(p, class::DET);
            if stops {
                break;
            }
            j -= 1;
        }
        // Leading prepositions are not part of the subject.
        while j < end && self.is(j, class::PREP) && !self.is(j, class::DET) {
            j += 1;
        }
        (j < end).then(|| self.span(j, end))
    }

    /// A "de X" complement after `i` ("du groupe Anonymous"): the span of X.
    pub(super) fn of_complement(&self, i: usize, limit: usize) -> Option<(usize, usize)> {
        if i >= limit || !self.is(i, class::PREP) {
            return None;
        }
        let end = self.np_forward(i + 1, limit);
        (end > i + 1).then_some((i + 1, end))
    }

    /// If `np` is an anaphor ("ces derniers"), the name it most likely
    /// refers to: the last PER/ORG entity, or else the last run of
    /// capitalised words, of the previous sentence.
    pub(super) fn resolve_anaphor(&self, si: usize, np: Span) -> Option<Span> {
        let first = self.a.token_at_or_after(np.start);
        let h = self.hit_at(first)?;
        if h.cue.role != Role::Anaphor || si == 0 {
            return None;
        }
        let prev = self.a.sentences[si - 1];
        // Entities are sorted by start.
        let upto = self.entities.partition_point(|e| e.span.start < prev.end);
        if let Some(e) = self.entities[..upto]
            .iter()
            .rev()
            .take_while(|e| e.span.start >= prev.start)
            .find(|e| e.span.end <= prev.end && matches!(e.label, EntityLabel::Per | EntityLabel::Org))
        {
            return Some(e.span);
        }
        let r = self.a.sentence_tokens[si - 1].clone();
        let mut end = None;
        for j in (r.start + 1..r.end).rev() {
            if self.is_capitalized(j) {
                if end.is_none() {
                    end = Some(j + 1);
                }
            } else if let Some(e) = end {
                return Some(self.span(j + 1, e));
            }
        }
        end.map(|e| self.span(r.start + 1, e))
    }

    /// The mentions a pronoun or "the same source" at byte `pos` can point
    /// back to, nearest first, from sentence `floor` on: the quote layer's
    /// speakers and the mention layer's names and descriptions in a
    /// speaking role (subjects, inverted subjects, sources).
    pub(super) fn earlier_sources(&self, pos: usize, floor: usize) -> Vec<Span> {
        let floor_byte = self.a.sentences[floor].start;
        let upto = self.speakers.partition_point(|s| s.start < pos);
        let speakers = self.speakers[..upto].iter().rev().take_while(|m| m.start >= floor_byte).copied();
        let mut all: Vec<Span> = speakers.chain(self.mentions.previous_sources(pos, floor).map(|m| m.span)).collect();
        all.retain(|m| m.end <= pos);
        sort_by_rank(&mut all, |m| [desc(sort::pos(m.start)), desc(sort::pos(m.end)), 0]);
        all.dedup();
        all
    }

    /// The mention a subject pronoun ("il", "they") points back to: the
    /// nearest earlier speaker or source (`earlier_sources`), in its
    /// sentence or the ones before, that is not itself a pronoun and agrees
    /// in number. None when `pron` is not such a pronoun.
    pub(super) fn antecedent(&self, pron: Span) -> Option<Span> {
        let first = self.a.token_at_or_after(pron.start);
        let end = self.a.token_at_or_after(pron.end);
        if end != first + 1 || !self.is(first, class::ANAPHOR_ONE | class::ANAPHOR_MANY) {
            return None;
        }
        let plural = self.is(first, class::ANAPHOR_MANY);
        let si = self.a.sentence_at(pron.start)?;
        self.earlier_sources(pron.start, si.saturating_sub(ANTECEDENT_SENTENCES)).into_iter().find(|m| {
            let (f, e) = (self.a.token_at_or_after(m.start), self.a.token_at_or_after(m.end));
            e > f && !self.is(f, class::PRON) && self.is_plural_phrase(f, e) == plural
        })
    }

    /// A source that is a pronoun stands for its antecedent (see
    /// `antecedent`); an unidentified antecedent makes the claim anonymous.
    pub(super) fn through_pronoun(&self, source: Span, reason: ClaimReason) -> (Span, ClaimReason) {
        let Some(m) = self.antecedent(source) else { return (source, reason) };
        let (mf, me) = (self.a.token_at_or_after(m.start), self.a.token_at_or_after(m.end));
        if reason > ClaimReason::AnonymousSource && self.indefinite_source(mf, me) {
            (m, ClaimReason::AnonymousSource)
        } else {
            (m, reason)
        }
    }

    /// Whether the noun phrase over tokens `first..end` is plural: a
    /// lower-case content word before its first preposition, relative or
    /// comma ends in s/x ("Two officials briefed on …", "des riverains"),
    /// or it opens with a number above one.
    pub(super) fn is_plural_phrase(&self, first: usize, end: usize) -> bool {
        let head_end = self.head_end(first + 1, end);
        let numeral = self.a.tokens[first].kind == TokenKind::Number && self.text(first) != SINGULAR_NUMBER;
        numeral
            || (first..head_end).any(|j| {
                let w = crate::case::lower_str(self.text(j));
                let content = !(self.is(j, FUNCTION) || j > first && self.is_capitalized(j));
                let ending = PLURAL_ENDINGS.iter().any(|e| w.ends_with(e)) && !w.ends_with(SINGULAR_ENDING);
                content && (ending || PLURAL_NOUNS.contains(&w.as_str()))
            })
    }

    /// Whether the source noun phrase over tokens `first..end` leaves its
    /// source unidentified: it opens with an indefinite ("un conseiller de
    /// l'exécutif", "a senior Hamas official", "des riverains", "plusieurs
    /// supporters", "two officials"), and neither names a person nor has a
    /// document ("un sondage Ifop") or a spokesperson as its head.
    pub(super) fn indefinite_source(&self, first: usize, end: usize) -> bool {
        let mut k = first;
        // "de nombreux témoins", "d'autres experts".
        if k + 1 < end && self.lower_in(k, FR_PARTITIVE) {
            k += 1;
        }
        // "one of the people", "l'une des enquêtrices": one unnamed member
        // of a group (the determiner of the group stands for the head's).
        if k + 1 < end && FR_ELIDED_THE.contains(&self.text(k)) && FR_ONE.contains(&self.text(k + 1)) {
            k += 1;
        }
        let one_of = k + 2 < end && self.lower_in(k, ONE_WORDS) && self.lower_in(k + 1, OF_GROUP) && {
            let head = k + 2 + usize::from(self.is(k + 2, class::DET));
            head < end && !self.is_capitalized(head)
        };
        if one_of {
            k += 1 + usize::from(self.is(k + 2, class::DET));
        }
        // "according to reports", not "according to reports in the
        // Financial Times": news items are identified by their outlet.
        if k < end && self.is(k, class::INFO) && self.text(k).ends_with(PLURAL_S) {
            return !self.names_outlet(k + 1, end);
        }
        // A quantity of people ("des dizaines de manifestants").
        let of = if self.is(k, class::INDEF) && k + 1 < end && self.is(k + 1, class::NUMERAL) { k + 2 } else { k + 1 };
        let quantity = of + 1 < end && self.is_quantity_of(of);
        if quantity {
            // The head comes after "de"/"of".
            k = of;
        }
        let opens = k < end
            && (one_of
                || quantity
                || self.is(k, class::INDEF)
                || self.a.tokens[k].kind == TokenKind::Number && self.text(k).bytes().all(|b| b.is_ascii_digit()));
        if !opens {
            return false;
        }
        let head_end = self.head_end(k + 1, end);
        if head_end == k + 1 || (k + 1..head_end).any(|j| self.is(j, class::DOCUMENT | class::SPOKES)) {
            return false;
        }
        // "des informations du quotidien Les Échos", "reports in the
        // Financial Times": news whose outlet is named.
        if (k + 1..head_end).any(|j| self.is(j, class::INFO)) && self.names_outlet(head_end, end) {
            return false;
        }
        let (s, e) = (self.a.tokens[first].span.start, self.a.tokens[end - 1].span.end);
        !self.entities_from(s, e).iter().any(|m| m.label == EntityLabel::Per && m.span.end <= e)
    }

    /// Where the head of a noun phrase ending at `end` ends, looking from
    /// token `from`: before its first preposition, relative, comma or
    /// bracket ("two officials (…)"), else at `end`.
    fn head_end(&self, from: usize, end: usize) -> usize {
        (from..end)
            .find(|&j| self.is(j, class::PREP | class::REL) || self.is_comma(j) || self.text(j) == OPENING_BRACKET)
            .unwrap_or(end)
    }

    /// Whether a complement starting at `prep` ("du quotidien Les Échos",
    /// "in the Financial Times") names an outlet or organisation.
    pub(super) fn names_outlet(&self, prep: usize, end: usize) -> bool {
        prep + 1 < end && self.is(prep, class::PREP) && {
            let (from, to) = (self.a.tokens[prep + 1].span.start, self.a.tokens[end - 1].span.end);
            self.entities_from(from, to).iter().any(|e| e.label == EntityLabel::Org)
                || (prep + 1..end).any(|j| self.is_capitalized(j))
        }
    }

    /// The end of a short noun-phrase complement starting at `i`: "du
    /// dossier", "de l'enquête", "the matter", "le Kremlin": an optional
    /// preposition and determiner, then a capitalised run or up to two
    /// words.
    pub(super) fn short_complement(&self, mut i: usize, limit: usize) -> usize {
        let start = i;
        if i < limit && self.is(i, class::PREP) {
            i += 1;
        }
        while i < limit && self.is(i, class::DET) && i - start < COMPLEMENT_DETERMINERS {
            i += 1;
        }
        let words_start = i;
        while i < limit && i - words_start < COMPLEMENT_WORDS {
            let t = &self.a.tokens[i];
            let word = matches!(t.kind, TokenKind::Word | TokenKind::Number);
            let cap_run = self.is_capitalized(i) && (i == words_start || self.is_capitalized(i - 1));
            if !word
                || self.is(i, class::AUX | class::COMP | class::CONJ | class::PREP | class::PRON)
                || i > words_start && !cap_run
            {
                break;
            }
            i += 1;
        }
        if i == words_start {
            start
        } else {
            i
        }
    }
}
