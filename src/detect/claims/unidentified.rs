//! Reported speech whose speaker is unidentified, found by the quote layer
//! or by a reporting clause after the claim.

use super::lexicon::{class, Role};
use super::{Candidate, ClaimReason, Context};
use crate::text::TokenKind;

impl<'a, 't> Context<'a, 't> {
    /// Reported speech whose speaker is not identified ("A senior official
    /// told Al Jazeera that [X]", "Des riverains affirment [X]"): an
    /// anonymous source, whatever the verb (guidelines §3).
    pub(super) fn unidentified_speakers(&self, si: usize, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        let (lo, hi) = (self.a.tokens[r.start].span.start, self.a.tokens[r.end - 1].span.end);
        // Only the reported speech that starts in this sentence.
        let from = self.reported_by.partition_point(|(c, _)| c.start < lo);
        let to = self.reported_by.partition_point(|(c, _)| c.start < hi);
        for &(content, speaker) in &self.reported_by[from..to.max(from)] {
            if content.end > hi || speaker.start < lo || speaker.end > hi {
                continue;
            }
            let (first, end) = (self.a.token_at_or_after(speaker.start), self.a.token_at_or_after(speaker.end));
            // "Un responsable … a déclaré : « … ». Il a ajouté que [X]": the
            // pronoun's antecedent is the source.
            let antecedent = self.antecedent(speaker);
            let unidentified = match antecedent {
                Some(m) => self.indefinite_source(self.a.token_at_or_after(m.start), self.a.token_at_or_after(m.end)),
                None => self.indefinite_source(first, end),
            };
            // "Acme, a Texas-based parts maker, which said …": an
            // apposition to a name is identified by it.
            let apposed_to_name = first >= r.start + 2
                && self.is_comma(first - 1)
                && self.is_capitalized(first - 2)
                && first - 2 > r.start;
            if !unidentified || apposed_to_name {
                continue;
            }
            let (cf, ce) = (self.a.token_at_or_after(content.start), self.a.token_at_or_after(content.end));
            if self.no_content_at(cf, ce) {
                continue;
            }
            // A reporting verb between the speaker and what is reported, and
            // nothing by which the article disowns it ("mistakenly thought").
            let between = if end <= cf { end..cf } else { ce..first };
            if !between.clone().any(|k| self.is_report_verb(k) || self.is(k, class::TELL))
                || (first..cf.max(end)).any(|k| self.is(k, class::DISOWN))
            {
                continue;
            }
            // Another cue already made it an anonymous claim ("Selon une
            // source …" keeps its frame as the cue); a weaker reason on the
            // same content ("[X pourrait …], avance un spécialiste") yields.
            if out.iter().any(|c| {
                c.span.start < content.end && content.start < c.span.end && c.reason <= ClaimReason::AnonymousSource
            }) {
                continue;
            }
            if let Some(span) = self.trimmed(cf, ce.max(cf)) {
                if self.protected_bytes(span) * 5 < span.len() * 4 {
                    let speaker = self.without_final_period(speaker);
                    out.push(Candidate {
                        span,
                        cue: speaker,
                        reason: ClaimReason::AnonymousSource,
                        source: Some(antecedent.unwrap_or(speaker)),
                        backref: false,
                    });
                }
            }
        }
    }

    /// "[X may …], two people with knowledge of the inquiry said.": an
    /// unidentified source in a reporting clause after the claim makes it
    /// an anonymous claim, whatever cue the clause before has.
    pub(super) fn postposed_unidentified(&self, si: usize, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        for comma in (r.start + 3..r.end).filter(|&k| self.is_comma(k)) {
            // "…, two people … said." or, inverted, "…, avance un spécialiste …".
            let (first, end) = match self.trailing_report(si, comma + 1) {
                Some(v) => (comma + 1, v),
                None => {
                    // "…, ont confié à l'AFP deux diplomates": auxiliaries,
                    // the verb, an addressee, then the unnamed source.
                    let mut v = comma + 1;
                    while v < r.end && self.is(v, class::AUX) {
                        v += 1;
                    }
                    if !(v + 1 < r.end && self.is_report_verb(v)) {
                        continue;
                    }
                    let last = (v + 1..r.end).rev().find(|&k| self.a.tokens[k].kind != TokenKind::Punct);
                    match last {
                        // A noun phrase, not a clause ("…, said [at least two
                        // patients had died]").
                        Some(l)
                            if l + 1 - (v + 1) <= 16
                                && (v + 1..=l).all(|k| !self.is_comma(k) && !self.is(k, class::COMP | class::AUX)) =>
                        {
                            let source = (v + 1..=l)
                                .find(|&k| {
                                    self.is(k, class::INDEF | class::NUMERAL)
                                        || self.a.tokens[k].kind == TokenKind::Number
                                })
                                .filter(|_| self.is(v + 1, class::PREP))
                                .unwrap_or(v + 1);
                            (source, l + 1)
                        }
                        _ => continue,
                    }
                }
            };
            // "Selon une source, [un accord pourrait être] annoncé": after a
            // frame, and with a verb of its own, the segment is the clause.
            if self.frame_ends_before(si, comma) || (first..end).any(|k| self.conditional[k]) {
                continue;
            }
            let anon_hit = self.hits_in(first, end).iter().any(|x| matches!(x.cue.role, Role::Anon | Role::AnonSubj));
            if first >= end || !(anon_hit || self.indefinite_source(first, end)) {
                continue;
            }
            let source = self.without_final_period(self.span(first, end));
            if let Some(span) = self.trimmed(self.clause_start(si, comma - 1), comma) {
                out.push(Candidate {
                    span,
                    cue: source,
                    reason: ClaimReason::AnonymousSource,
                    source: Some(source),
                    backref: false,
                });
            }
        }
    }
}
