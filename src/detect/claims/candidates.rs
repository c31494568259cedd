//! One sentence's candidate claims: each cue hit goes to its role's
//! handler, then the French conditionals.

use super::guard::{self, stop_if, Flow, Guard};
use super::lexicon::Role;
use super::{Candidate, ClaimReason, Context};

impl<'a, 't> Context<'a, 't> {
    /// The candidates of sentence `si`, before merging: each hit by its
    /// role, then the unidentified sources, then (French) the conditionals
    /// ([`CONDITIONAL_GUARDS`]).
    pub(super) fn sentence_candidates(&self, si: usize) -> Vec<Candidate> {
        let mut out = Vec::new();
        let hits = self.sentence_hits(si);
        let r = self.a.sentence_tokens[si].clone();
        // Anonymous sources used as the object of a frame.
        let mut used_anon: Vec<usize> = Vec::new();
        for h in hits {
            match h.cue.role {
                Role::Frame => self.frame(si, h, &mut out, &mut used_anon),
                Role::Verb | Role::VerbThat => self.verb(si, h, &mut out),
                Role::Pred => self.pred(si, h, &mut out),
                Role::Np => self.noun_phrase(si, h, &mut out),
                Role::NoResponse => self.no_response(si, h, &mut out),
                Role::Unverified => self.unverified(si, h, &mut out),
                Role::PassiveDenial => self.passive_denial(si, h, &mut out),
                // "The claim that the economy is growing": not a pointer back
                // when the noun has a complement of its own.
                Role::BackRef if self.a.lang == crate::lang::Lang::En => {
                    if let Some(noun) = self.claim_noun_of(h) {
                        self.noun_claim(si, &noun, &mut out);
                    }
                }
                _ => {}
            }
        }
        for h in hits.iter().filter(|h| h.cue.role == Role::Anon) {
            if !used_anon.contains(&h.first) {
                self.anonymous(si, h, &mut out);
            }
        }
        for h in hits.iter().filter(|h| h.cue.role == Role::AnonSubj) {
            if !used_anon.contains(&h.first) {
                self.anon_subject(si, h, &mut out);
            }
        }
        self.unidentified_speakers(si, &mut out);
        self.postposed_unidentified(si, &mut out);
        if self.a.lang == crate::lang::Lang::Fr && !self.hypothetical_sentence(si, hits) {
            // A sentence right after one describing what a proposal would do,
            // with no cue of its own, goes on describing it ("Ce dispositif
            // permettrait … En pratique, les services pourraient …").
            let continues = si > 0
                && self.proposal_sentence.get() == Some(si - 1)
                && hits.iter().all(|h| matches!(h.cue.role, Role::SourceNoun | Role::Media | Role::Anaphor));
            for i in r.clone().filter(|&i| self.conditional[i]) {
                guard::run(CONDITIONAL_GUARDS, self, &mut Conditional { si, i, continues }, &mut out);
            }
        }
        out.retain(|c| !c.span.is_empty() && !self.is_protected(c.cue.start) && self.has_own_words(c.span));
        out
    }
}

/// A third-person conditional (French) at token `i` of sentence `si`.
pub(super) struct Conditional {
    si: usize,
    i: usize,
    /// The sentence goes on describing the proposal of the sentence before.
    continues: bool,
}

/// The guards of a French conditional, in order.
pub(super) const CONDITIONAL_GUARDS: &[Guard<Conditional>] = &[
    Guard {
        name: "conditional_proposal",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Ce dispositif permettrait … En pratique, les services pourraient …\": what a proposal would do.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "proposal_subject_across_an_aside_and_next_sentence",
        apply: |cx, c, _| {
            let proposal = c.continues || cx.proposal_consequence(c.si, c.i);
            if proposal {
                cx.proposal_sentence.set(Some(c.si));
            }
            stop_if(proposal)
        },
    },
    Guard {
        name: "conditional_counts",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"il faudrait\", \"aurait dû\", \"a estimé que cela contraindrait\": not evidential.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "excluded_il_faudrait",
        apply: |cx, c, _| stop_if(!cx.conditional_counts(c.si, c.i)),
    },
    Guard {
        name: "conditional_push",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Le suspect aurait quitté le pays\": the clause of the evidential conditional.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "conditional_past_evidential",
        apply: |cx, c, out| {
            if let Some(span) = cx.clause(c.si, c.i) {
                let (cue, reason) = (cx.a.tokens[c.i].span, ClaimReason::Conditional);
                out.push(Candidate { span, cue, reason, source: None, backref: false });
            }
            Flow::Stop
        },
    },
];
