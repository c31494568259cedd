//! Reporting clauses: reporting and claim verbs, their subjects, inversion,
//! negation and what they report.

use super::lexicon::{class, Role};
use super::words::*;
use super::{Context, EntityLabel, Hit};
use crate::span::Span;
use crate::text::TokenKind;

impl<'a, 't> Context<'a, 't> {
    /// A reporting clause closing the sentence from token `i`: a short
    /// subject, a reporting verb, a few words ("…, police said in a
    /// statement.", "…, a indiqué la préfecture."). Not part of the claim.
    pub(super) fn trailing_report_at(&self, si: usize, i: usize) -> bool {
        self.trailing_report(si, i).is_some()
    }

    /// The verb of a reporting clause closing the sentence from token `i`
    /// (see `trailing_report_at`).
    pub(super) fn trailing_report(&self, si: usize, i: usize) -> Option<usize> {
        let end = self.a.sentence_tokens[si].end;
        let v = (i..(i + TRAILING_REPORT_VERB).min(end)).find(|&k| {
            self.is(k, class::REPORT | class::TELL)
                // "…, local media reported."
                || self.is_report_verb(k) && k > i
        })?;
        // A claim verb closes the sentence only with an adverbial after it,
        // not an object ("62 % des Français jugent la réforme injuste").
        if !self.is(v, class::REPORT | class::TELL)
            && v + 1 < end
            && self.a.tokens[v + 1].kind != TokenKind::Punct
            && !self.is(v + 1, class::PREP | class::ADV)
        {
            return None;
        }
        // The subject may itself be a source cue ("a person close to the
        // singer", "des sources proches", "the newspaper").
        let subject_ok = (i..v).all(|k| {
            !self.is(k, class::COMP | class::AUX | class::NEG | class::REL | class::CONJ | class::CONTRAST)
                && !self.is_comma(k)
                && !matches!(self.hit_at(k), Some(x) if !Self::names_a_source(x) && x.cue.role != Role::BackRef)
        });
        // At most five words after the verb, none a complementizer or comma;
        // stops at the first that fails, so a long tail costs nothing.
        // A comma before a contrastive or coordinated clause, a prepositional
        // appendix or a participle ends the tail ("…, two officials said on
        // Wednesday, though details remain …", "…, in what would be …",
        // "…, adding that …").
        let mut tail_words = 0;
        let tail_end = (v + 1..end)
            .find(|&k| {
                self.is_comma(k)
                    && k + 1 < end
                    && (self.is(k + 1, class::CONTRAST | class::CONJ | class::SUB | class::PREP)
                        || self.is_present_participle(k + 1))
            })
            .unwrap_or(end);
        // (No auxiliary: "…, but critics said the checks were inadequate"
        // reports a clause of its own.)
        let tail_ok = (v + 1..tail_end).all(|k| {
            tail_words += usize::from(self.a.tokens[k].kind == TokenKind::Word);
            tail_words <= REPORT_TAIL_WORDS && !self.is(k, class::COMP | class::AUX) && !self.is_comma(k)
        });
        (subject_ok && tail_ok).then_some(v)
    }

    /// Where a reporting clause whose verb is at `v` ends: the end of the
    /// sentence, or a comma before an appendix ("…, the army claimed, without
    /// offering evidence"), after at most five words none of which opens a
    /// clause; `None` when something else follows the verb.
    pub(super) fn report_clause_end(&self, si: usize, v: usize) -> Option<usize> {
        let r = self.a.sentence_tokens[si].clone();
        let mut words = 0;
        for k in v + 1..r.end {
            if self.is_comma(k) || self.a.tokens[k].kind == TokenKind::Punct && self.is_strong_break(k) {
                return Some(k);
            }
            if self.a.tokens[k].kind == TokenKind::Punct {
                continue;
            }
            words += 1;
            if words > REPORT_TAIL_WORDS
                || self.is(k, class::COMP | class::REL | class::PRON)
                || self.hit_at(k).is_some()
            {
                return None;
            }
            // An adverbial ("on Monday", "in a statement", "mardi",
            // "repeatedly"), not an object ("il a démenti tout conflit").
            let adverbial = self.is(k, class::PREP | class::ADV)
                || self.is_ly_adverb(k)
                || self.entity_at(self.a.tokens[k].span.start).is_some_and(|e| e.label == EntityLabel::Date);
            if words == 1 && !adverbial {
                return None;
            }
        }
        Some(r.end)
    }

    /// "[X], the military claimed[ on Monday]": the comma before the
    /// subject of the reporting verb at `v`, and that subject. The subject
    /// is short, opens with a determiner, a pronoun or a capital, and is not
    /// a clause of its own.
    pub(super) fn postposed_subject(&self, si: usize, v: usize) -> Option<(usize, Span)> {
        let r = self.a.sentence_tokens[si].clone();
        if self.negated_verb(si, v) {
            return None;
        }
        let mut s = v;
        while s > r.start && self.is(s - 1, class::AUX | class::ADV) {
            s -= 1;
        }
        let comma = (s.saturating_sub(POSTPOSED_SUBJECT).max(r.start)..s)
            .rev()
            .find(|&k| self.is_comma(k) || self.is_strong_break(k))?;
        // (Not "…, elle peut saisir le juge": a determiner makes it a noun.)
        if !self.is_comma(comma) || comma < r.start + 1 || comma + 1 >= s || self.is(s - 1, class::DET) {
            return None;
        }
        let first = comma + 1;
        let opens = self.is(first, class::DET | class::PRON) || self.is_capitalized(first);
        let clause_like = (first..s).any(|k| {
            self.is(k, class::COMP | class::REL | class::AUX | class::CONJ | class::SUB) || self.is_report_verb(k)
        });
        if !opens || clause_like || self.hit_at(v).is_some_and(|h| self.verb_is_inverted(h)) {
            return None;
        }
        Some((comma, self.span(first, s)))
    }

    /// "The group has not claimed …", "Personne n'a revendiqué …", "No one
    /// has claimed …": a negated verb, or one whose subject is a negative
    /// pronoun or determiner (class neg-subject), asserts nothing.
    pub(super) fn negated_verb(&self, si: usize, v: usize) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        let mut k = v;
        while k > r.start
            && v - k < NEGATION_BEFORE
            && self.is(k - 1, class::AUX | class::ADV | class::NEG | class::CLITIC)
        {
            k -= 1;
            if self.is(k, class::NEG) && !self.text(k).eq_ignore_ascii_case(EN_NO) {
                return true;
            }
        }
        let s = self.clause_start(si, v);
        s < v && self.is(s, class::NEG_SUBJECT)
    }

    /// The token after the reporting verb at `v`, past the addressee of a
    /// "tell" verb ("told reporters [X]", "tell BBC News [X]").
    pub(super) fn after_addressee(&self, v: usize, limit: usize) -> usize {
        let mut k = v + 1;
        if !self.is(v, class::TELL) || k >= limit {
            return k;
        }
        if self.is_capitalized(k) {
            while k < limit && self.is_capitalized(k) && k - v <= ADDRESSEE_NAME {
                k += 1;
            }
        } else if self.is(k, class::DET) && !self.is(k, class::PRON) && k + 1 < limit {
            k += 2;
        } else {
            k += 1;
        }
        k.min(limit)
    }

    /// The first token of what the reporting verb at `v` reports: past a
    /// complementizer, the addressee of a "tell" verb, and the rest of a
    /// multi-word reporting verb ("fait état de", class report-tail).
    pub(super) fn after_report_words(&self, v: usize, limit: usize) -> usize {
        let mut k = self.after_addressee(v, limit);
        if k < limit && self.is(k, class::REPORT_TAIL) {
            k += 1;
            if k < limit && self.is(k, class::PREP) {
                k += 1;
            }
        }
        while k < limit && self.is(k, class::COMP) {
            k += 1;
        }
        k
    }

    /// Past a single lower-case word between commas at `v` ("Farmers in
    /// the valley, however, say …", "Residents, meanwhile, said …"): a
    /// discourse adverb, not a clause.
    pub(super) fn past_parenthetical_word(&self, v: usize, limit: usize) -> usize {
        let parenthetical = v + 2 < limit
            && self.is_comma(v)
            && self.a.tokens[v + 1].kind == TokenKind::Word
            && !self.is_capitalized(v + 1)
            && !self.is_report_verb(v + 1)
            && self.is_comma(v + 2);
        if parenthetical {
            v + 3
        } else {
            v
        }
    }

    /// True when the verb cue `h` follows its complement: "…, affirme X",
    /// "…, a-t-il affirmé", "…, affirme-t-il".
    pub(super) fn verb_is_inverted(&self, h: &Hit) -> bool {
        // "…, denying any wrongdoing", "…, accusant la direction de …": a
        // present participle after a comma has its subject before it.
        if h.end == h.first + 1 && self.is_present_participle(h.first) {
            return false;
        }
        let mut j = h.first;
        let mut pronoun_before = false;
        // "…, a-t-elle affirmé": the pronoun after the hyphen is the
        // inverted subject.
        let mut clitic_subject = false;
        while j > 0 && (self.is(j - 1, class::AUX | class::ADV | class::PRON) || self.text(j - 1).starts_with('-')) {
            let after_hyphen = j >= 2 && self.text(j - 2).starts_with('-');
            let pronoun = self.is(j - 1, class::PRON) && !self.text(j - 1).starts_with('-');
            clitic_subject |= pronoun && after_hyphen;
            pronoun_before |= pronoun && !after_hyphen;
            j -= 1;
        }
        let clause_after = |end: usize| (h.end..end).any(|k| self.is(k, class::COMP) || self.is_comma(k));
        if clitic_subject && !pronoun_before && j > 0 && self.is_comma(j - 1) && !self.closes_relative(j - 1) {
            let si = self.a.sentence_at(self.a.tokens[h.first].span.start).unwrap_or(0);
            return !clause_after(self.a.sentence_tokens[si].end);
        }
        // "Mr Smith, 52, denies the charges", "Acme, of Leeds, claims …": the
        // comma closes an apposition to the subject, not a clause.
        let apposition_closed = j > 0 && self.apposition_opening(j - 1).is_some();
        !apposition_closed && j > 0 && self.is_comma(j - 1) && !self.closes_relative(j - 1) && {
            // Nothing but the source after the verb; after a subject pronoun
            // ("…, il a démenti tout désaccord" is not inverted), nothing.
            let si = self.a.sentence_at(self.a.tokens[h.first].span.start).unwrap_or(0);
            let end = self.a.sentence_tokens[si].end;
            // A subject is short and coordinates no second predicate ("…,
            // revendique le poste … et assure …" has its subject before).
            let mut n = h.end;
            while n < end && self.text(n).starts_with('-') {
                n += 1;
            }
            let opens_np = n < end
                && (self.is(n, class::DET | class::PRON)
                    || self.is_capitalized(n)
                    || self.a.tokens[n].kind == TokenKind::Elision);
            // "A police officer, speaking …, claimed the suspect had fled": an
            // auxiliary after the verb opens its clause, and a participle
            // phrase before the comma is apposed to the subject before it.
            let apposed = self.participle_apposition_start(j - 1).is_some() || {
                let mut k = j - 1;
                while k > 0 && j - 1 - k < MAX_SEGMENT && !self.is_comma(k - 1) && !self.is_strong_break(k - 1) {
                    k -= 1;
                }
                k > 0 && self.is_comma(k - 1) && crate::case::lower_str(self.text(k)).ends_with(EN_ING_ENDING)
            };
            opens_np
                && !apposed
                && !(h.end..end).any(|k| self.is(k, class::COMP | class::CONJ) || self.is_comma(k))
                && !(h.end..end).take_while(|&k| !self.is(k, class::REL)).any(|k| self.is(k, class::AUX))
                && end - h.end <= 12
                && (!pronoun_before || (h.end..end).all(|k| self.a.tokens[k].kind == TokenKind::Punct))
        }
    }

    /// The complementizer after a short adverbial starting at `c` ("on
    /// Tuesday", "in a statement", "mardi", "lors d'un point presse"): the
    /// adverbial opens with a preposition, a date, a capital or a number,
    /// and holds no verb-like word, comma or quotation.
    pub(super) fn adverbial_before_comp(&self, c: usize, end: usize) -> Option<usize> {
        let date_at =
            |k: usize| self.entity_at(self.a.tokens[k].span.start).is_some_and(|e| e.label == EntityLabel::Date);
        if c >= end
            || !(self.is(c, class::PREP)
                // "insisted after the match that …".
                || self.is(c, class::SUB) && c + 1 < end && self.is(c + 1, class::DET)
                || date_at(c)
                || self.is_capitalized(c)
                || self.a.tokens[c].kind == TokenKind::Number)
        {
            return None;
        }
        let k = (c + 1..(c + ADVERBIAL).min(end)).find(|&k| self.is(k, class::COMP))?;
        (c..k)
            .all(|j| {
                matches!(self.a.tokens[j].kind, TokenKind::Word | TokenKind::Number | TokenKind::Elision)
                    && !self.is(j, class::CONJ | class::AUX | class::REL | class::NEG)
                    && self.hit_at(j).is_none()
                    && !self.is_protected(self.a.tokens[j].span.start)
            })
            .then_some(k)
    }

    /// An English claim verb form that no noun shares ("denied", "insists";
    /// not "claims", "stress").
    pub(super) fn unambiguous_verb(&self, h: &Hit) -> bool {
        let t = self.text(h.end - 1).to_ascii_lowercase();
        h.end - h.first == 1 && (t.ends_with(EN_PAST_PARTICIPLE_ENDING) || UNAMBIGUOUS_VERBS.contains(&t.as_str()))
    }

    /// A passive: "were denied visas" is a refusal they underwent.
    pub(super) fn after_be(&self, i: usize, lo: usize) -> bool {
        let mut j = i;
        while j > lo && self.is(j - 1, class::ADV) {
            j -= 1;
        }
        j > lo && self.lower_in(j - 1, FORMS_OF_BE)
    }

    /// A belief verb without complementizer before its clause: a subject
    /// pronoun or name before it ("they believe", "Smith thinks"), a
    /// determiner, pronoun or name after it, and not inside an "if" clause.
    pub(super) fn bare_clause(&self, si: usize, h: &Hit, c: usize) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        if !h.cue.bare || c >= r.end || h.first == r.start || self.is_protected(self.a.tokens[c].span.start) {
            return false;
        }
        let mut s = h.first;
        while s > r.start && self.is(s - 1, class::ADV) {
            s -= 1;
        }
        // "They claimed A and claim [B]": a coordinated verb shares the subject.
        let coordinated = s > r.start
            && self.is(s - 1, class::CONJ)
            && self.hits_in(r.start, s - 1).iter().any(|x| matches!(x.cue.role, Role::Verb | Role::VerbThat));
        let negated = s > r.start && {
            let t = crate::case::lower_str(self.text(s - 1));
            EN_NEGATIVE_CLITICS.iter().any(|n| t.ends_with(n))
        };
        let subject = coordinated
            || s > r.start
                && !negated
                && self.a.tokens[s - 1].kind == TokenKind::Word
                && !self.is(
                    s - 1,
                    class::DET | class::PREP | class::COMP | class::CONJ | class::AUX | class::REL | class::NEG,
                );
        // A bare noun opens the clause when an infinitive or a figure follows
        // ("expects revenue to rise", "expects full-year profit of 80
        // million", "forecasts growth of 1.2 percent").
        let bare_noun = self.a.tokens[c].kind == TokenKind::Word
            && !self.is(c, FUNCTION)
            && (c + 1..(c + BARE_NOUN_FIGURE).min(r.end))
                .take_while(|&k| self.a.tokens[k].kind != TokenKind::Punct || self.punct(k, &['-']))
                .any(|k| {
                    self.a.tokens[k].kind == TokenKind::Number
                        || self.text(k).eq_ignore_ascii_case(EN_TO)
                            && k + 1 < r.end
                            && !self.is(k + 1, class::DET)
                            && !self.is_capitalized(k + 1)
                });
        let object =
            self.is(c, class::DET | class::PRON) && !self.is(c, class::COMP) || self.is_capitalized(c) || bare_noun;
        subject && object
    }
}
