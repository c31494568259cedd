//! Roles `no-response` and `unverified`: the party did not answer, the
//! article could not verify.

use super::guard::{self, stop_if, Flow, Guard};
use super::lexicon::{class, Role};
use super::words::*;
use super::{Candidate, ClaimReason, Context, Hit};
use crate::span::Span;
use std::ops::Range;

impl<'a, 't> Context<'a, 't> {
    /// Role `no-response`: "X n'a pas répondu": the clause is the claim; it
    /// points back when its object does ("n'a pas souhaité commenter ces
    /// critiques"). No guard: every silence makes a candidate.
    pub(super) fn no_response(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let cue = self.span(h.first, h.end);
        if let Some(span) = self.clause(si, h.first) {
            let backref = h.cue.back || self.backref_in(span) || self.silence_points_back(h, span);
            out.push(Candidate { span, cue, reason: ClaimReason::NoResponse, source: None, backref });
        }
    }

    /// Whether what the silent party did not answer is named by a phrase
    /// that points back ("n'a pas répondu … sur ce point", "n'a pas souhaité
    /// commenter ces critiques", "declined to comment on the closures",
    /// "did not respond to the claim"), not a mere request for comment.
    pub(super) fn silence_points_back(&self, h: &Hit, span: Span) -> bool {
        // The object right after the cue, not a clause further on ("did not
        // respond to questions about whether it was reviewing the donations").
        let end = self.a.token_at_or_after(span.end).min(h.end + SILENCE_OBJECT);
        let end = (h.end..end).find(|&k| self.is(k, class::COMP) || self.is_comma(k)).unwrap_or(end);
        // "Interrogée sur ce point, la direction n'a pas souhaité
        // s'exprimer", "Asked about these claims, the company declined to
        // comment": the topic in the participle phrase before.
        let first = self.a.token_at_or_after(span.start);
        let asked_about_it = (first + 1..h.first).any(|k| {
            self.is(k - 1, class::PREP) && (self.demonstrative_topic(k, h.first) || self.is(k, class::ALLEGATION))
        });
        asked_about_it
            || (h.end..end).any(|k| {
                let t = crate::case::lower_str(self.text(k));
                // "à ce stade", "at this stage": a time, not a topic.
                let demonstrative = self.demonstrative_topic(k, end);
                let definite_topic = t == EN_THE
                    && k + 1 < end
                    && !self.is(k + 1, class::DOCUMENT)
                    && !self.lower_in(k + 1, REQUEST_NOUNS);
                // "declined to comment on her account".
                let possessed_claim = self.is(k, class::POSSESSIVE) && k + 1 < end && self.is(k + 1, class::CLAIM_NOUN);
                // "would not comment on Mr Smith's allegation".
                demonstrative || definite_topic || possessed_claim || self.is(k, class::ALLEGATION)
            })
    }

    /// A demonstrative at `k` pointing back to a topic, not a time ("sur ce
    /// point", "about these claims"; not "à ce stade", "at this stage").
    pub(super) fn demonstrative_topic(&self, k: usize, end: usize) -> bool {
        self.is_demonstrative(k) && !(k + 1 < end && self.is(k + 1, class::TIME_NOUN))
    }

    /// The candidate of the non-verification cue `h`: runs [`UNVERIFIED`].
    pub(super) fn unverified(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        guard::run(UNVERIFIED, self, &mut Unverified { si, h: *h, r }, out);
    }

    /// The comma before an apposition that disowns the clause before it:
    /// "[…], a claim that could not be independently verified", "[…], ce
    /// qui n'a pas pu être vérifié": a short noun phrase or nothing, a
    /// relative word, then the cue at `cue`.
    pub(super) fn apposed_disowning(&self, si: usize, cue: usize) -> Option<usize> {
        let lo = self.a.sentence_tokens[si].start;
        let stop = cue.saturating_sub(DISOWNING_APPOSITION).max(lo);
        let comma = (stop..cue).rev().find(|&k| self.is_comma(k) || self.is_strong_break(k))?;
        if !self.is_comma(comma) || comma < lo + 3 {
            return None;
        }
        let relative = (comma + 1..cue).any(|k| {
            let t = self.text(k);
            RELATIVE_WORDS.iter().any(|w| t.eq_ignore_ascii_case(w))
        });
        relative.then_some(comma)
    }

    /// "[…], a claim that could not be independently verified": the claim
    /// is what the apposition disowns, the reported content before the
    /// comma when there is some ("officials said [X], …"), else the clause
    /// before it. False when the cue at `h` is not in such an apposition.
    pub(super) fn disowned_by_apposition(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) -> bool {
        let Some(comma) = self.apposed_disowning(si, h.first) else { return false };
        let r = self.a.sentence_tokens[si].clone();
        let part = Span::new(self.a.tokens[r.start].span.start, self.a.tokens[comma].span.start);
        // A claim already found there ("[X], selon Y, un bilan que …"),
        // else reported content, which may run on past the comma in the
        // quote layer's view (it ends there), else the clause.
        let earlier = out.iter().rev().find(|c| c.span.start >= part.start && c.span.end <= part.end).map(|c| c.span);
        // "Selon un document, que le journal n'a pas pu authentifier, [X]":
        // the frame's source is disowned, so is what it frames.
        let framed = self
            .frame_at(self.clause_start(si, comma - 1))
            .then(|| (h.end..(h.end + FRAMED_DISOWNING).min(r.end)).find(|&k| self.is_comma(k)))
            .flatten()
            .and_then(|close| self.trimmed(close + 1, self.clause_end(si, close + 1)));
        // The first reported content starting in `part` (`reported` is sorted by start).
        let first = self.reported.partition_point(|q| q.start < part.start);
        let span = match self.reported.get(first).filter(|q| q.start < part.end) {
            _ if framed.is_some() => framed,
            _ if earlier.is_some() => earlier,
            Some(q) => self.trimmed(self.a.token_at_or_after(q.start), comma),
            None => self.trimmed(self.clause_start(si, comma - 1), comma),
        };
        if let Some(span) = span {
            let cue = self.span(h.first, h.end);
            out.push(Candidate { span, cue, reason: ClaimReason::Unconfirmed, source: None, backref: false });
        }
        true
    }

    /// "X said [it struck …], though it did not provide evidence", "[…],
    /// mais n'a fourni aucune preuve": a non-verification in a contrastive
    /// clause disowns the clause before it (the complement of its reporting
    /// or claim verb).
    pub(super) fn contrast_disowns(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        let comma = (h.first.saturating_sub(CONTRAST_COMMA_BEFORE).max(r.start + 2)..h.first)
            .rev()
            .find(|&k| self.is_comma(k) || self.punct(k, &[';']));
        // "…; it did not provide evidence", "… ; elle n'a fourni aucune
        // preuve": after a semicolon, a pronoun subject, auxiliaries and at
        // most one verb.
        let Some(c) = comma.filter(|&c| {
            h.first - c <= CONTRAST_CLAUSE
                && if self.is_comma(c) {
                    self.is(c + 1, class::CONTRAST | class::CONJ)
                } else {
                    self.is(c + 1, class::PRON)
                        && (c + 2..h.first)
                            .filter(|&k| {
                                !self.is(k, class::PRON | class::AUX | class::NEG | class::ADV | class::CLITIC)
                            })
                            .count()
                            <= 1
                }
        }) else {
            return false;
        };
        // Not "…, but it is not yet known whether [Y]": a new question.
        let end = self.clause_end(si, h.end.saturating_sub(1)).max(h.end);
        if (h.end - 1..end).any(|k| self.is(k, class::COMP | class::INTERROGATIVE | class::REL)) {
            return false;
        }
        let Some(span) = self.clause_before_apposition(si, c) else { return false };
        let cue = self.span(h.first, h.end);
        out.push(Candidate { span, cue, reason: ClaimReason::Unconfirmed, source: None, backref: false });
        true
    }
}

/// What the guards of one non-verification share.
pub(super) struct Unverified {
    si: usize,
    h: Hit,
    /// The sentence's tokens.
    r: Range<usize>,
}

/// The non-verification's guards, in the order they run.
pub(super) const UNVERIFIED: &[Guard<Unverified>] = &[
    Guard {
        name: "unverified_apposition",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"[…], ce qui n'a pas pu être vérifié\": an apposition disowns the clause before it.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "relative_clause_of_non_verification_on_a_frame_source_disowns_what_it_frames_fr",
        apply: |cx, u, out| stop_if(cx.disowned_by_apposition(u.si, &u.h, out)),
    },
    Guard {
        name: "unverified_contrast",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"[…], mais n'a fourni aucune preuve\": a contrastive clause disowns the clause before it.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "non_verification_in_a_contrastive_clause_disowns_the_clause_before",
        apply: |cx, u, out| stop_if(cx.contrast_disowns(u.si, &u.h, out)),
    },
    Guard {
        name: "unverified_backref_object",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"n'a pas pu vérifier ces affirmations\": an object pointing back is what was not verified.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "unconfirmed_back_reference",
        apply: backref_object,
    },
    Guard {
        name: "unverified_push",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"n'a pas pu vérifier que [X]\", \"[X], which could not be verified\": the object or the clause.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "have_not_confirmed_with_an_object",
        apply: |cx, u, out| {
            let (si, h, r) = (u.si, &u.h, &u.r);
            let end = cx.clause_end(si, h.end.saturating_sub(1));
            let span = if h.end < end && h.end < r.end {
                cx.trimmed(if cx.is(h.end, class::COMP) { h.end + 1 } else { h.end }, end)
            } else {
                cx.clause(si, h.first)
            };
            if let Some(span) = span {
                let (cue, reason) = (cx.span(h.first, h.end), ClaimReason::Unconfirmed);
                out.push(Candidate { span, cue, reason, source: None, backref: false });
            }
            Flow::Stop
        },
    },
];

fn backref_object(cx: &Context, u: &mut Unverified, out: &mut Vec<Candidate>) -> Flow {
    let (si, h) = (u.si, &u.h);
    let Some(b) = cx.hit_at(h.end).filter(|b| b.cue.role == Role::BackRef) else { return Flow::Next };
    let end = cx.clause_end(si, h.end.saturating_sub(1));
    // "the authenticity of the footage": the complement is what was not
    // verified, not who claimed it. "du groupe Anonymous" → "groupe
    // Anonymous"; "de la police" → "la police".
    let what = cx.hit_at(b.end + 1).is_some_and(|x| x.cue.role == Role::BackRef);
    let source = cx.of_complement(b.end, end).filter(|_| !what).map(|(_, e)| cx.span(b.end + 1, e));
    if let Some(span) = cx.trimmed(b.first, end.max(b.end)) {
        let (cue, reason) = (cx.span(h.first, h.end), ClaimReason::Unconfirmed);
        out.push(Candidate { span, cue, reason, source, backref: true });
    }
    Flow::Stop
}
