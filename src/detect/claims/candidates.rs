//! One sentence's candidate claims: each cue hit goes to its role's
//! handler, then the French conditionals.

use super::lexicon::Role;
use super::{Candidate, ClaimReason, Context};

impl<'a, 't> Context<'a, 't> {
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
            for i in r.clone() {
                if !self.conditional[i] {
                    continue;
                }
                if continues || self.proposal_consequence(si, i) {
                    self.proposal_sentence.set(Some(si));
                    continue;
                }
                if self.conditional_counts(si, i) {
                    if let Some(span) = self.clause(si, i) {
                        let cue = self.a.tokens[i].span;
                        out.push(Candidate {
                            span,
                            cue,
                            reason: ClaimReason::Conditional,
                            source: None,
                            backref: false,
                        });
                    }
                }
            }
        }
        out.retain(|c| !c.span.is_empty() && !self.is_protected(c.cue.start) && self.has_own_words(c.span));
        out
    }
}
