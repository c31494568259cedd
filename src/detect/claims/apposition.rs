//! Appositions that comment on the clause before them: "[X], a claim the
//! group denies", "[X], une version contestée par la famille".

use super::lexicon::{class, Role};
use super::words::*;
use super::{Candidate, Context, Hit};
use crate::span::Span;
use crate::text::TokenKind;

impl<'a, 't> Context<'a, 't> {
    /// "[X], a claim the group denies", "[X], an allegation that the
    /// ministry rejects", "[X], ce que sa défense dément", "[X], ce que
    /// dément le groupe": the claim verb of an apposition closing the
    /// sentence takes the clause before the comma as its object. Returns
    /// that clause and the verb's subject.
    pub(super) fn apposed_object_clause(&self, si: usize, h: &Hit) -> Option<(Span, Option<Span>)> {
        let r = self.a.sentence_tokens[si].clone();
        let comma =
            (h.first.saturating_sub(APPOSITION_TO_VERB).max(r.start + 2)..h.first).rev().find(|&k| self.is_comma(k))?;
        let a = comma + 1;
        if a >= h.first {
            return None;
        }
        // After the verb: nothing, or a short inverted subject.
        let tail: Vec<usize> = (h.end..r.end).filter(|&k| self.a.tokens[k].kind != TokenKind::Punct).collect();
        let inverted = !tail.is_empty()
            && tail.len() <= INVERTED_SUBJECT
            && self.is(h.end, class::DET | class::PRON)
            && !tail.iter().any(|&k| self.is(k, class::COMP | class::REL | class::CONJ | class::PREP) && k == h.end);
        // The apposition: "ce que …" or a determiner, a noun and an optional
        // relative word, then the subject (inverted only after "ce que").
        let ce_que =
            self.text(a).eq_ignore_ascii_case(FR_CE) && a + 1 < h.first && self.is(a + 1, class::COMP | class::REL);
        if !(tail.is_empty() || inverted && ce_que) {
            return None;
        }
        // "[X], which Kyiv denies".
        let which = self.a.lang == crate::lang::Lang::En && self.is(a, class::REL) && !self.is(a, class::PRON);
        let subject_from = if ce_que {
            a + 2
        } else if which {
            a + 1
        } else if self.is(a, class::DET | class::INDEF)
            && a + 1 < h.first
            && !self.is(a + 1, FUNCTION)
            && !self.is_capitalized(a + 1)
        {
            if a + 2 < h.first && self.is(a + 2, class::COMP | class::REL) {
                a + 3
            } else {
                a + 2
            }
        } else {
            return None;
        };
        let source = if inverted {
            let end = self.np_forward(h.end, r.end);
            (end > h.end).then(|| self.span(h.end, end))
        } else {
            // The subject ends at its first auxiliary or adverb ("the group
            // has repeatedly denied").
            let end = (subject_from..h.first)
                .find(|&k| self.is(k, class::AUX | class::ADV | class::NEG | class::CLITIC) || self.is_ly_adverb(k))
                .unwrap_or(h.first);
            if end <= subject_from || end - subject_from > APPOSITION_SUBJECT {
                return None;
            }
            Some(self.span(subject_from, end))
        };
        let span = self.clause_before_apposition(si, comma)?;
        Some((span, source))
    }

    /// The claim an apposition opened at `comma` comments on: the clause
    /// before the comma, or before a source frame ending there ("[X],
    /// d'après des documents …, ce que sa défense dément"), or the
    /// complement of a claim or reporting verb in it ("Russia has accused
    /// Ukraine of [X], which Kyiv denies", "Police said [X], an account
    /// disputed by his family").
    pub(super) fn clause_before_apposition(&self, si: usize, comma: usize) -> Option<Span> {
        let r = self.a.sentence_tokens[si].clone();
        // "[X], d'après des documents …, ce que sa défense dément": the claim
        // is the clause before the source frame.
        let mut s = self.clause_start(si, comma - 1);
        let mut e = comma;
        if self.frame_at(s) && s > r.start + 1 && self.is_comma(s - 1) {
            e = s - 1;
            s = self.clause_start(si, s - 2);
        }
        // "Russia has accused Ukraine of [X], which Kyiv denies": what is
        // denied is what the claim verb before asserts.
        let verb_end = match self.hits_in(s, e).iter().rev().find(|v| matches!(v.cue.role, Role::Verb | Role::VerbThat))
        {
            Some(v) => Some(v.end),
            None => (s + 1..e).rev().find(|&k| self.is(k, class::REPORT)).map(|k| k + 1),
        };
        if let Some(mut k) = verb_end {
            while k < e && self.is(k, class::COMP | class::ADV) {
                k += 1;
            }
            if k < e {
                s = k;
            }
        }
        self.trimmed(s, e)
    }

    /// "[X], a claim rejected by the army", "[X], une version contestée par
    /// la famille": a determiner and a noun naming an assertion (class
    /// claim-noun: not "a decision rejected by"), an optional adverb, the
    /// participle of denial with its agent preposition, then the agent up
    /// to the end of the sentence. The agent is the source.
    pub(super) fn passive_denial_at(&self, si: usize, h: &Hit) -> Option<(usize, Option<Span>)> {
        let r = self.a.sentence_tokens[si].clone();
        let mut k = h.first;
        if k > r.start && (self.is(k - 1, class::ADV) || self.is_ly_adverb(k - 1)) {
            k -= 1;
        }
        if k < r.start + 4 {
            return None;
        }
        let (comma, det, noun) = (k - 3, k - 2, k - 1);
        if !self.is_comma(comma) || !self.is(det, class::DET | class::INDEF) || !self.is(noun, class::CLAIM_NOUN) {
            return None;
        }
        let end = self.np_forward(h.end, r.end);
        let rest = (end..r.end).all(|k| self.a.tokens[k].kind == TokenKind::Punct);
        if end <= h.end || !rest {
            return None;
        }
        Some((comma, Some(self.span(h.end, end))))
    }

    /// Role `passive-denial`: "[X], a claim rejected by the army": the
    /// clause before the apposition is the claim, the agent its source (the
    /// pattern itself, `passive_denial_at`, is the only guard).
    pub(super) fn passive_denial(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let Some((comma, source)) = self.passive_denial_at(si, h) else {
            return;
        };
        let Some(span) = self.clause_before_apposition(si, comma) else {
            return;
        };
        // The participle, without its agent preposition.
        let cue = self.span(h.first, (h.end - 1).max(h.first + 1));
        out.push(Candidate { span, cue, reason: h.cue.reason, source, backref: false });
    }

    /// True when the comma at `comma` opens an apposition whose claim verb
    /// takes the clause before it ("…, which Kyiv denies", "…, ce que
    /// dément le ministère"): the clause before ends there.
    pub(super) fn opens_apposed_object(&self, si: usize, comma: usize) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        self.hits_in(comma + 1, (comma + 1 + APPOSITION_TO_VERB).min(r.end)).iter().any(|v| {
            matches!(v.cue.role, Role::Verb | Role::VerbThat)
                && (comma + 1..v.first).all(|k| !self.is_comma(k))
                && self.apposed_object_clause(si, v).is_some()
                || v.cue.role == Role::PassiveDenial && self.passive_denial_at(si, v).is_some_and(|(c, _)| c == comma)
        })
    }
}
