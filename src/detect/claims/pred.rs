//! Role `pred`: a cue inside the clause it qualifies ("[la panne pourrait
//! …]", "[X appears to …]").

use super::lexicon::{class, Role};
use super::{Candidate, ClaimReason, Context, Hit};

impl<'a, 't> Context<'a, 't> {
    pub(super) fn pred(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        let cue = self.span(h.first, h.end);
        if h.cue.reason == ClaimReason::Unconfirmed
            && (self.disowned_by_apposition(si, h, out) || self.contrast_disowns(si, h, out))
        {
            return;
        }
        // "neither side could open the scoring": a negated ability, not a
        // possibility.
        let negative_subject = (self.clause_start(si, h.first)..h.first).any(|k| self.is(k, class::NEG_SUBJECT));
        if h.cue.reason == ClaimReason::Hedge && h.end - h.first == 1 && negative_subject {
            return;
        }
        // "… so our readers may learn more", "so that families can …": a
        // modal in a clause of purpose states an aim, not a possibility.
        // (Not "…, so the bank may raise rates": after a comma, a result.)
        let purpose = (h.first.saturating_sub(6).max(self.clause_start(si, h.first).saturating_sub(2)).max(r.start)
            ..h.first)
            .any(|k| self.is(k, class::PURPOSE) && k > r.start && !self.is_comma(k - 1));
        if h.cue.reason == ClaimReason::Hedge && h.end - h.first == 1 && purpose {
            return;
        }
        // "X could face a ban if the charge is upheld": a modal in a
        // sentence with an if-clause is a hypothetical, as the French
        // conditional with "si" is.
        let modal = h.end - h.first == 1 && self.a.lang == crate::lang::Lang::En;
        if h.cue.reason == ClaimReason::Hedge
            && modal
            && self.hits_in(r.start, r.end).iter().any(|x| x.cue.role == Role::Hypothetical)
        {
            return;
        }
        // "The video, which could not be independently verified, appears to
        // show …": a non-verification in an appositive relative clause
        // disowns the whole sentence about its antecedent.
        let relative = (h.cue.reason == ClaimReason::Unconfirmed)
            .then(|| {
                let open = (h.first.saturating_sub(4).max(r.start + 1)..h.first)
                    .rev()
                    .find(|&k| self.is_comma(k))
                    .filter(|&k| self.is(k + 1, class::REL))?;
                let close = (h.end..(h.end + 6).min(r.end)).find(|&k| self.is_comma(k))?;
                (close + 2 < r.end)
                    .then(|| self.trimmed(self.clause_start(si, open - 1), self.clause_end(si, close + 1)))
            })
            .flatten()
            .flatten();
        // "il est possible que [X]", "are studying whether [X]": the claim
        // follows the cue.
        let span = if let Some(span) = relative {
            Some(span)
        } else if self.is(h.end - 1, class::COMP | class::INTERROGATIVE) && h.end < r.end {
            let end = self.clause_end(si, h.end.min(r.end - 1));
            self.trimmed(h.end, end)
        } else {
            self.clause(si, h.first)
        };
        let Some(span) = span else { return };
        // Only a non-verification points back ("ces informations n'ont pas pu être vérifiées").
        // (Not "[images], dont l'authenticité n'a pas été confirmée, …":
        // the relative clause names what it disowns.)
        let backref = h.cue.reason == ClaimReason::Unconfirmed && relative.is_none() && self.backref_in(span);
        out.push(Candidate { span, cue, reason: h.cue.reason, source: None, backref });
    }
}
