//! Role `anon-subj`: a bare plural source noun as the subject of a
//! reporting verb ("officials said [X]", "[X], say economists").

use super::lexicon::class;
use super::{Candidate, ClaimReason, Context, EntityLabel, Hit, FUNCTION};
use crate::span::Span;
use crate::text::TokenKind;

impl<'a, 't> Context<'a, 't> {
    /// A bare plural source noun ("officials", "economists") as the subject
    /// of a reporting verb: "Western officials said [X]", "[X], analysts
    /// said.", "[X], say economists, …", "[X], scientists think, …".
    pub(super) fn anon_subject(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        // Modifiers: up to three words ("senior U.S. officials"), a
        // quantifier or a number; a definite determiner ("the officials")
        // or an organisation's name ("Acme officials") makes it identified.
        let mut m = h.first;
        while m > r.start && h.first - m < 3 {
            let p = m - 1;
            let t = &self.a.tokens[p];
            // "Smith's lawyers": a possessive names whom they speak for.
            if self.is(p, class::DEFINITE) || self.is_possessive(p) {
                return;
            }
            if (self.is(p, class::DET) && !self.is(p, class::REL)) || t.kind == TokenKind::Number {
                m = p;
                break;
            }
            // A quantity of people ("Beaucoup d'habitants", "scores of residents").
            if p > r.start && self.is_quantity_of(p) {
                m = p - 1;
                if m > r.start && self.is(m - 1, class::DET) {
                    m -= 1;
                }
                break;
            }
            if t.kind != TokenKind::Word
                || self.is(
                    p,
                    class::COMP
                        | class::AUX
                        | class::CONJ
                        | class::PREP
                        | class::PRON
                        | class::REL
                        | class::NEG
                        | class::SUB
                        | class::CONTRAST
                        | class::CAUSE,
                )
                || self.is_report_verb(p)
                || self.hit_at(p).is_some()
            {
                break;
            }
            m = p;
        }
        let named_org = self.entities.iter().any(|e| {
            matches!(e.label, EntityLabel::Org | EntityLabel::Per)
                && e.span.start < self.a.tokens[h.first].span.start
                && e.span.end > self.a.tokens[m].span.start
        });
        // "officials of Acme", "experts at the WHO" are identified; "officials
        // in the region said" (a complement of common nouns, then the
        // reporting verb) are not.
        let mut np_end = h.end;
        // "Former detainees interviewed by the group said": a participle
        // and its complement qualify the source as a prepositional phrase does.
        let participle = h.end + 1 < r.end
            && self.a.lang == crate::lang::Lang::En
            && self.text(h.end).ends_with("ed")
            && self.is(h.end + 1, class::PREP);
        if h.end < r.end && (self.is(h.end, class::PREP) || participle) {
            let from = if participle { h.end + 1 } else { h.end };
            // "Farmers in the Ambra valley say": a place may be named.
            let place = self.is(from, class::PLACE_PREP);
            let mut k = from + 1;
            while k < r.end
                && k - from <= 4
                && self.a.tokens[k].kind == TokenKind::Word
                && (!self.is_capitalized(k) || place)
                && !self.is_report_verb(k)
                && (self.is(k, class::DET | class::PREP) || !self.is(k, FUNCTION))
            {
                k += 1;
            }
            let mut v = self.past_parenthetical_word(k, r.end);
            while v < r.end && self.is(v, class::AUX | class::ADV) {
                v += 1;
            }
            let common = k > from + 1
                && (place
                    || !self
                        .entities_from(self.a.tokens[from].span.start, self.a.tokens[k - 1].span.end)
                        .iter()
                        .any(|e| e.span.end <= self.a.tokens[k - 1].span.end));
            if !(common && v < r.end && self.is(v, class::REPORT)) {
                return;
            }
            np_end = k;
        }
        if named_org {
            return;
        }
        // What may open the clause after the verb: after a neutral reporting
        // verb ("said weaker demand …") any word but a function word; after
        // a cue verb ("argued over why"), a determiner, pronoun, name or number.
        let after_ok = |v: usize, k: usize| {
            k < r.end
                && !self.is_protected(self.a.tokens[k].span.start)
                // "Officials said little about the timing": an object, no clause.
                && !self.no_content_at(k, r.end)
                && if self.is(v, class::REPORT) {
                    matches!(self.a.tokens[k].kind, TokenKind::Word | TokenKind::Number)
                        && (!self.is(k, class::PREP | class::CONJ | class::AUX | class::COMP)
                            || self.a.opens_quantity(k, r.end))
                } else {
                    self.is(k, class::DET | class::PRON)
                        || self.is_capitalized(k)
                        || self.a.tokens[k].kind == TokenKind::Number
                }
        };
        // The few tokens after the verb reach the end of the sentence: a
        // postposed source ("…, officials said Thursday.").
        let tail_only = |k: usize| {
            (k..r.end).all(|j| !self.is(j, class::COMP) && !self.is_comma(j)) && r.end.saturating_sub(k) <= 5
        };
        // The clause before the comma at `comma`, or, when that clause is a
        // short subject and a comma follows the source, the whole clause
        // around it ("The combination, say economists, marks …").
        let before_comma = |comma: usize, after: usize| -> Option<Span> {
            let s = self.clause_start(si, comma);
            if after < r.end && self.is_comma(after) && comma - s <= 4 {
                let end = self.clause_end(si, after + 1);
                return self.trimmed(s, end.max(after + 1));
            }
            self.trimmed(s, comma)
        };
        let mut v = np_end;
        // French adjectives after the noun: "des responsables américains".
        if self.a.lang == crate::lang::Lang::Fr {
            while v < r.end
                && v - h.end < 2
                && self.a.tokens[v].kind == TokenKind::Word
                && !self.is_capitalized(v)
                && !self.is(v, FUNCTION)
                && !self.is_report_verb(v)
            {
                v += 1;
            }
        }
        let cue = self.span(m, v);
        v = self.past_parenthetical_word(v, r.end);
        // ("Council officials privately believe …": an -ly adverb too.)
        while v < r.end && (self.is(v, class::AUX | class::ADV | class::NEG) || self.is_ly_adverb(v)) {
            v += 1;
        }
        // "Officials have not disclosed the cause": nothing reported;
        // "residents have been told to boil water": told, not telling.
        if v < r.end && self.negated_verb(si, v) || v > np_end && self.is(v - 1, class::PASSIVE_AUX) {
            return;
        }
        // "…, ont indiqué des responsables": the verb and its auxiliaries
        // between the comma and the source.
        let mut before = m;
        if before > r.start && self.is_report_verb(before - 1) {
            before -= 1;
            while before > r.start && self.is(before - 1, class::AUX | class::ADV) {
                before -= 1;
            }
        }
        let span =
            if v < r.end && self.is_report_verb(v) && m > r.start && self.is(m - 1, class::REL) && m - 1 > r.start {
                // "the plan, which critics say will raise rents": the relative
                // clause says it of its antecedent.
                self.trimmed(m - 1, self.clause_end(si, (v + 1).min(r.end - 1)))
            } else if v < r.end && self.is_report_verb(v) {
                let comp = (v + 1..(v + 4).min(r.end))
                    .take_while(|&k| self.a.tokens[k].kind != TokenKind::Punct)
                    .find(|&k| self.is(k, class::COMP));
                if let Some(k) = comp {
                    let end = self.clause_end(si, k);
                    self.trimmed(k + 1, end.max(k + 1))
                } else if m > r.start
                    && self.is_comma(m - 1)
                    && (tail_only(v + 1) || v + 1 < r.end && self.is_comma(v + 1))
                {
                    before_comma(m - 1, v + 1)
                } else if after_ok(v, self.after_addressee(v, r.end))
                    && (m == r.start
                        || self.clause_start(si, m) == m
                        // "…, but critics said [X]".
                        || (self.clause_start(si, m)..m).all(|k| self.is(k, class::CONJ | class::CONTRAST)))
                {
                    let first = self.after_addressee(v, r.end);
                    let end = self.clause_end(si, first);
                    self.trimmed(first, end.max(first))
                } else {
                    None
                }
            } else if before < m
                && before > r.start
                && self.is(m - 1, class::REPORT)
                && self.is_comma(before - 1)
                && (v >= r.end || self.is_comma(v) || tail_only(v))
            {
                // "…, say economists, …", "…, ont indiqué des responsables."
                before_comma(before - 1, v)
            } else {
                None
            };
        if let Some(span) = span {
            out.push(Candidate { span, cue, reason: ClaimReason::AnonymousSource, source: Some(cue), backref: false });
        }
    }
}
