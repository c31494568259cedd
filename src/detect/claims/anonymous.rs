//! Role `anon`: an unidentified source phrase ("une source proche du
//! dossier", "a person familiar with the matter").

use super::lexicon::{class, Role};
use super::{Candidate, ClaimReason, Context, Hit, MAX_SEGMENT};
use crate::text::TokenKind;

impl<'a, 't> Context<'a, 't> {
    pub(super) fn anonymous(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        // The source noun phrase: the cue and its complement ("du dossier").
        let ends_with_prep = self.is(h.end - 1, class::PREP);
        let np_end = if ends_with_prep || h.end < r.end && self.is(h.end, class::PREP) {
            self.short_complement(h.end, r.end)
        } else {
            h.end
        };
        let cue = self.span(h.first, np_end);
        let comp_after = (np_end..(np_end + 10).min(r.end)).find(|&k| self.is(k, class::COMP));
        // "…, a-t-on appris de source policière": a longer inverted reporting
        // clause may stand between the comma and the cue.
        // (Only a reporting verb and its auxiliaries between: not "…,
        // d'avoir favorisé des proches de sa majorité".)
        let comma_before = (h.first.saturating_sub(4).max(r.start)..h.first)
            .rev()
            .find(|&k| self.is_comma(k))
            .filter(|&k| {
                h.cue.always
                    || (k + 1..h.first).all(|j| {
                        self.is(j, class::AUX | class::ADV | class::INDEF)
                            || self.is_report_verb(j)
                            || self.a.tokens[j].kind != TokenKind::Word
                    })
            })
            .or_else(|| {
                (h.first.saturating_sub(8).max(r.start)..h.first)
                    .rev()
                    .find(|&k| self.is_comma(k))
                    .filter(|&k| self.inverted_report_at(k + 1))
            });
        // "Several witnesses told …", "Two witnesses said …": a quantifier
        // before the cue belongs to the source.
        let mut lead = h.first;
        while lead > r.start
            && h.first - lead < 2
            && (self.is(lead - 1, class::INDEF) || self.a.tokens[lead - 1].kind == TokenKind::Number)
        {
            lead -= 1;
        }
        let clause_initial =
            self.clause_start(si, lead) == lead || (self.clause_start(si, lead)..lead).all(|k| self.is(k, class::CONJ));
        let cue = if clause_initial { self.span(lead, np_end) } else { cue };
        // "A former employee, who spoke on condition of anonymity, said [X]":
        // the cue qualifies the subject of the reporting verb after the
        // relative clause.
        // Also an apposed participle: "A police officer, speaking on
        // condition of anonymity, claimed [X]", "…, s'exprimant sous couvert
        // d'anonymat, a affirmé [X]".
        let relative_opens = comma_before.is_some_and(|k| {
            let w = self.text(k + 1).to_lowercase();
            let participle = self.is_present_participle(k + 1) || w == "s'" && self.text(k + 2).ends_with("ant");
            k < h.first && (self.is(k + 1, class::REL) || participle)
        });
        // The relative clause may run on ("who asked not to be named because
        // they were not authorized to speak publicly, said [X]").
        let after_relative =
            (np_end..(np_end + MAX_SEGMENT).min(r.end)).find(|&k| self.is_comma(k)).and_then(|close| {
                let mut v = close + 1;
                while v < r.end && self.is(v, class::AUX | class::ADV | class::NEG) {
                    v += 1;
                }
                (relative_opens && v < r.end && self.is_report_verb(v)).then_some(v)
            });
        // Without commas: "Two players who spoke on condition of anonymity
        // because … said [X]": a relative word just before the cue, a
        // subject before it, and the first reporting verb after it.
        let bare_relative = comma_before.is_none()
            && (h.first.saturating_sub(3).max(r.start + 1)..h.first)
                .any(|k| self.is(k, class::REL) && !self.is(k, class::COMP));
        let after_bare_relative = bare_relative
            .then(|| {
                (np_end..(np_end + MAX_SEGMENT).min(r.end))
                    .take_while(|&k| !self.is_comma(k) && !self.is(k, class::COMP))
                    .find(|&k| self.is(k, class::REPORT))
            })
            .flatten();
        let after_relative = after_relative.or(after_bare_relative);
        let span = if let Some(v) = after_relative {
            let mut c = v + 1;
            while c < r.end && self.is(c, class::ADV | class::COMP) {
                c += 1;
            }
            self.trimmed(c, self.clause_end(si, c).max(c))
        } else if let Some(k) = comp_after {
            let end = self.clause_end(si, k);
            self.trimmed(k + 1, end.max(k + 1))
        } else if let Some(k) = comma_before.filter(|_| {
            (np_end..self.clause_end(si, h.first)).all(|j| self.a.tokens[j].kind == TokenKind::Punct)
                || (np_end..r.end).all(|j| self.a.tokens[j].kind == TokenKind::Punct)
        }) {
            let s = self.clause_start(si, k);
            self.trimmed(s, k)
        } else if clause_initial
            && np_end < r.end
            // "Some people may experience …": a modal cue after the phrase
            // makes it the subject of a hedged clause, not a source.
            && !self.hit_at(np_end).is_some_and(|x| x.cue.role == Role::Pred)
        {
            // "A person familiar with the matter said [the deal …]", "Des
            // témoins ont fait état de [tirs]", "Witnesses told reporters [X]".
            let mut v = np_end;
            while v < r.end && self.is(v, class::AUX | class::ADV | class::NEG) {
                v += 1;
            }
            let first = self.after_report_words(v, r.end);
            let end = self.clause_end(si, v);
            if self.no_content_at(first, r.end) {
                None
            } else {
                self.trimmed(first, end.max(first))
            }
        } else if h.cue.always {
            // "The person spoke on condition of anonymity to discuss …" says
            // how the source spoke, not what it said.
            // Only as the main verb right after a short subject ("…, two
            // people said, speaking on condition of anonymity" keeps its claim).
            let how_spoken = h.first > r.start
                && h.first - r.start <= 5
                && ["spoke", "talked", "exprimé", "exprimée", "exprimait"]
                    .contains(&self.text(h.first - 1).to_lowercase().as_str());
            if how_spoken {
                None
            } else {
                self.clause(si, h.first)
            }
        } else {
            None
        };
        // The unnamed person the relative clause qualifies is the source.
        let source = match (after_relative, comma_before) {
            (Some(_), Some(k)) => self.trimmed(self.clause_start(si, k), k).or(Some(cue)),
            (Some(_), None) => (h.first.saturating_sub(3).max(r.start)..h.first)
                .find(|&k| self.is(k, class::REL))
                .and_then(|rel| self.trimmed(self.clause_start(si, rel), rel))
                .or(Some(cue)),
            _ => Some(cue),
        };
        if let Some(span) = span {
            out.push(Candidate { span, cue, reason: ClaimReason::AnonymousSource, source, backref: false });
        }
    }
}
