//! Role `np`: a cue inside a noun phrase ("le présumé meurtrier",
//! "alleged fraud"), and claim nouns with a complement ("its claim that …").

use super::lexicon::{class, Role};
use super::{Candidate, ClaimReason, Context, Hit, FUNCTION};
use crate::text::TokenKind;

impl<'a, 't> Context<'a, 't> {
    pub(super) fn noun_phrase(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        let cue = self.span(h.first, h.end);
        // "Selon l'accusation" (the prosecution): the source of a frame.
        if (h.first.saturating_sub(2).max(r.start)..h.first).any(|k| self.frame_at(k)) {
            return;
        }
        // "[X], an allegation the group denies": the apposition's head noun
        // names the claim before it; the verb makes that claim.
        let apposition_head = self.hits_in(h.end, (h.end + 7).min(r.end)).iter().any(|v| {
            matches!(v.cue.role, Role::Verb | Role::VerbThat)
                && self.apposed_object_clause(si, v).is_some()
                && h.first > r.start
                && (h.first.saturating_sub(2).max(r.start)..h.first).any(|k| self.is_comma(k))
                || v.cue.role == Role::PassiveDenial
                    && self.passive_denial_at(si, v).is_some_and(|(c, _)| c + 2 == h.first)
        });
        if apposition_head {
            return;
        }
        // "rejected the accusations as baseless", "dismissed the fraud
        // allegations": an allegation noun after a definite determiner,
        // without a that-clause of its own, points back to allegations
        // already reported; it is not a new claim.
        let definite_before = (h.first.saturating_sub(3).max(r.start)..h.first)
            .rev()
            .find(|&k| self.is(k, class::DET))
            .is_some_and(|d| self.is(d, class::DEFINITE) && (d + 1..h.first).all(|k| !self.is_comma(k)));
        if self.is(h.first, class::ALLEGATION) && definite_before && !(h.end < r.end && self.is(h.end, class::COMP)) {
            return;
        }
        // "her accusation that the mayor lied", "accusations of fraud".
        if self.a.lang == crate::lang::Lang::En && self.noun_claim(si, h, out) == Some(true) {
            return;
        }
        // "The group alleged (in a statement) that …": an English participle
        // cue used as the finite verb of a that-clause is that verb, with its
        // reason ("allege": claimed); a verb the lexicon lacks ("suspected
        // that") keeps the cue's own.
        if self.a.lang == crate::lang::Lang::En
            && h.end == h.first + 1
            && h.first > r.start
            && !self.is(h.first - 1, class::DET | class::PREP)
            && self.text(h.first).ends_with("ed")
        {
            let mut c = h.end;
            while c < r.end && self.is(c, class::ADV) {
                c += 1;
            }
            if c < r.end && (self.is(c, class::COMP) || self.adverbial_before_comp(c, r.end).is_some()) {
                let word = self.text(h.first).to_lowercase();
                let base = [&word[..word.len() - 1], &word[..word.len() - 2]];
                let mut as_verb = *h;
                if let Some(&r) = base.iter().find_map(|b| self.lex.verb_reasons.get(b)) {
                    as_verb.cue.reason = r;
                }
                as_verb.cue.role = Role::Verb;
                self.verb(si, &as_verb, out);
                return;
            }
        }
        // "Unconfirmed local reports said [X]", "Des informations non
        // confirmées indiquent que …": a cue in the subject of a reporting
        // verb qualifies what is reported.
        // (Not "The alleged victims said": the cue must qualify news items.)
        if let Some(v) = (h.end..(h.end + 4).min(r.end))
            .take_while(|&k| self.a.tokens[k].kind == TokenKind::Word && !self.is(k, class::COMP | class::AUX))
            .find(|&k| self.is(k, class::REPORT))
            .filter(|&v| (h.first.saturating_sub(2).max(r.start)..v).any(|k| self.is(k, class::INFO)))
        {
            let mut c = self.after_addressee(v, r.end);
            while c < r.end && self.is(c, class::COMP | class::ADV) {
                c += 1;
            }
            if let Some(span) = self.trimmed(c, self.clause_end(si, c.min(r.end - 1)).max(c)) {
                out.push(Candidate { span, cue, reason: h.cue.reason, source: None, backref: false });
                return;
            }
        }
        // "cheaper Lite model rumoured for spring": a participle after its
        // noun; the noun phrase, the participle and its complement.
        if self.a.lang == crate::lang::Lang::En
            && h.end == h.first + 1
            && self.text(h.first).ends_with("ed")
            && h.first > r.start
            && self.a.tokens[h.first - 1].kind == TokenKind::Word
            && !self.is(h.first - 1, FUNCTION)
            // (Not "the suspect alleged to have fled": a predicate.)
            && !(h.end < r.end && self.text(h.end).eq_ignore_ascii_case("to"))
        {
            let mut first = h.first - 1;
            while first > r.start
                && h.first - first < 5
                && self.a.tokens[first - 1].kind == TokenKind::Word
                && (!self.is(first - 1, FUNCTION) || self.is(first - 1, class::DET))
            {
                first -= 1;
                if self.is(first, class::DET) {
                    break;
                }
            }
            let mut end = h.end;
            while end < r.end
                && end - h.end < 6
                && self.a.tokens[end].kind != TokenKind::Punct
                && !self.is(end, class::AUX | class::COMP | class::CONJ | class::REL)
            {
                end += 1;
            }
            if let Some(span) = self.trimmed(first, end) {
                out.push(Candidate { span, cue, reason: h.cue.reason, source: None, backref: false });
            }
            return;
        }
        // Start at the determiner before (within 3 tokens).
        let mut first = h.first;
        for k in (h.first.saturating_sub(3).max(r.start)..h.first).rev() {
            if self.is_comma(k) || self.is_strong_break(k) {
                break;
            }
            if self.is(k, class::DET) {
                first = k;
                break;
            }
        }
        let postnominal = first < h.first && first + 1 < h.first;
        let end = if postnominal || h.first > first + 1 {
            h.end
        } else {
            // Prenominal: the head noun and its complements.
            let mut j = h.end;
            while j < r.end && j - h.end < 6 {
                if self.a.tokens[j].kind == TokenKind::Punct
                    || self.is(j, class::COMP | class::AUX | class::CONJ | class::PRON | class::REPORT)
                    || self.is(j, class::PREP) && !self.is(j, class::DET) && !self.is_of(j)
                    || self.hit_at(j).is_some()
                {
                    break;
                }
                j += 1;
            }
            j
        };
        if let Some(span) = self.trimmed(first, end.max(h.end)) {
            out.push(Candidate { span, cue, reason: h.cue.reason, source: None, backref: false });
        }
    }

    /// A claim noun after a determiner or a possessive ("the union's claims
    /// of unsafe conditions", "its claim that the vote was rigged", "her
    /// accusation that the mayor lied"): the claim is the noun's complement,
    /// the possessor its source. `None` when the cue is not such a noun;
    /// `Some(false)` when it is one without a complement that states a claim
    /// ("its territorial claims to the island").
    pub(super) fn noun_claim(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) -> Option<bool> {
        let r = self.a.sentence_tokens[si].clone();
        if h.first <= r.start || h.end >= r.end || h.cue.reason != ClaimReason::Claimed {
            return None;
        }
        let d = h.first - 1;
        let possessive = self.is_possessive(d) || self.is(d, class::POSSESSIVE);
        if !(possessive || self.is(d, class::DET) && !self.is(d, class::CLITIC | class::PRON)) {
            return None;
        }
        // "[X], a claim that Moscow disputed": an apposition, whose relative
        // clause is handled with the clause before.
        if d > r.start && self.is_comma(d - 1) {
            return None;
        }
        let c = h.end;
        let span = if self.is(c, class::COMP) {
            // The clause must open like one ("that the vote …", "that he lied"),
            // not like a relative clause ("the claims that surfaced").
            let n = c + 1;
            if !(n < r.end
                && (self.is(n, class::DET | class::PRON)
                    || self.is_capitalized(n)
                    || self.a.tokens[n].kind == TokenKind::Number))
            {
                return Some(false);
            }
            let mut end = self.clause_end(si, n);
            // "Her accusation that the mayor lied was dismissed": as the
            // subject, the noun phrase ends before the main verb, the last of
            // two runs of auxiliaries.
            let subject = self.clause_start(si, d) >= d.saturating_sub(3);
            if subject {
                let mut runs = (n + 1..end).filter(|&k| self.is(k, class::AUX) && !self.is(k - 1, class::AUX));
                if let (Some(_), Some(last)) = (runs.next(), runs.last()) {
                    end = last;
                }
            }
            self.trimmed(n, end)
        } else if self.is_of(c)
            && self.a.lang == crate::lang::Lang::En
            // Not a possessor ("the claims of the opposition").
            && c + 1 < r.end
            && !self.is(c + 1, class::DET)
            && !self.is_capitalized(c + 1)
        {
            // "claims of unsafe conditions": the noun phrase after "of".
            let mut end = c + 1;
            while end < r.end
                && end - c <= 8
                && self.a.tokens[end].kind != TokenKind::Punct
                && !self.is(end, class::AUX | class::COMP | class::REL | class::REPORT)
                && self.hit_at(end).is_none()
            {
                end += 1;
            }
            self.trimmed(c + 1, end)
        } else {
            return Some(false);
        };
        let Some(span) = span else { return Some(false) };
        // The possessor: "the union's", or the subject of the verb before a
        // possessive determiner ("The opposition repeated its claim").
        let source = if self.is_possessive(d) {
            let mut s = d;
            while s > r.start && d - s < 5 && !self.is_comma(s - 1) && !self.is(s - 1, class::PREP | class::COMP) {
                s -= 1;
                if self.is(s, class::DET) {
                    break;
                }
            }
            self.trimmed(s, d)
        } else if possessive && d > r.start {
            self.subject_before(si, d - 1)
        } else {
            None
        };
        let cue = self.span(h.first, h.end);
        out.push(Candidate { span, cue, reason: h.cue.reason, source, backref: false });
        Some(true)
    }

    /// The claim noun closing a back-referring phrase ("the claims",
    /// "these allegations") as a `claimed` hit of its own.
    pub(super) fn claim_noun_of(&self, h: &Hit) -> Option<Hit> {
        let last = h.end - 1;
        if last == h.first || !self.is(last, class::CLAIM_NOUN) {
            return None;
        }
        let word = self.text(last).to_lowercase();
        let verb_like = self.lex.verb_reasons.contains_key(word.as_str())
            || word.strip_suffix('s').is_some_and(|w| self.lex.verb_reasons.contains_key(w));
        if !(verb_like || self.is(last, class::ALLEGATION)) {
            return None;
        }
        let mut noun = *h;
        noun.first = last;
        noun.cue.reason = ClaimReason::Claimed;
        noun.cue.role = Role::Np;
        Some(noun)
    }
}
