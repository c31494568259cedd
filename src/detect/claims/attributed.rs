//! Sources as the mention layer names them: a source phrase that holds or
//! stands beside a name becomes that name, and a claim inside reported
//! speech takes the speaker the quote layer chose among the mentions.

use super::lexicon::class;
use super::words::*;
use super::{Claim, ClaimReason, Context, EntityLabel};
use crate::span::Span;

impl Context<'_, '_> {
    /// Sets `claim`'s source from the mention layer, and its explanation
    /// to match: a source is the name it holds or is apposed to ("selon le
    /// Premier ministre Édouard Philippe" → "Édouard Philippe"); a claim
    /// without one inside reported speech ("A spokesman said [the toll
    /// could rise]") is sourced to the speech's speaker, and is anonymous
    /// when that speaker is not identified.
    ///
    /// Returns false when the claim, its apposed name given to the frame,
    /// is only a direct quotation (guidelines §3: not a claim).
    pub(super) fn attribute(&self, claim: &mut Claim) -> bool {
        let source = match claim.source {
            Some(s) => {
                let s = self.tidy_source(s);
                Some(self.mentions.name_of(self.a.text, s).unwrap_or(s))
            }
            None if claim.reason < ClaimReason::AnonymousSource => None,
            None => self.speaker_over(claim.span).map(|s| self.mentions.name_of(self.a.text, s).unwrap_or(s)),
        };
        // "Some Islamic leaders have expressed concerns that [the gesture
        // may not be understood]": an unidentified speaker makes it an
        // anonymous claim, whatever the cue (guidelines §3), and is its cue.
        if let Some(s) = source.filter(|_| claim.source.is_none()) {
            let (first, end) = (self.a.token_at_or_after(s.start), self.a.token_at_or_after(s.end));
            // "The Northern Climate Council, an independent advisory body,
            // said": a description of a name is identified.
            let named = self.mentions.at(s).is_some_and(|m| m.entity.is_some()) || self.apposed_to_name(first);
            if end > first && !named && self.indefinite_source(first, end) {
                // Kept in text order without a sort (no new sort in the wasm).
                let at = claim.other_cues.partition_point(|c| c.start < claim.cue.start);
                claim.other_cues.insert(at, claim.cue);
                (claim.reason, claim.cue) = (ClaimReason::AnonymousSource, s);
            }
        }
        // "Selon le procureur, [Eric Maillaud], [X]": the apposed name that
        // opens the span belongs to the frame.
        if let Some(name) = source.filter(|n| n.start == claim.span.start && claim.cue.end < n.start) {
            let rest = &self.a.text[name.end..claim.span.end];
            if let Some(after) = rest.strip_prefix(',') {
                let skip = after.len() - after.trim_start().len();
                claim.span = Span::new(name.end + 1 + skip, claim.span.end);
                claim.cue = Span::new(claim.cue.start, name.end);
                if !self.has_own_words(claim.span) {
                    return false;
                }
            }
        }
        if source != claim.source {
            claim.source = source;
            claim.explanation = self.explanation(claim.reason, source);
        }
        true
    }

    /// The source phrase without what is not the source (guidelines §2's
    /// speaker span, which §3 sources follow): a leading contracted
    /// preposition or adverb ("au ministère", "Récemment il"), the quotation
    /// marks around a name ("\"El Mundo\""), a name's gloss in parentheses
    /// ("Enedis (anciennement ERDF)"), and a trailing relative pronoun
    /// ("un mail qui").
    fn tidy_source(&self, s: Span) -> Span {
        let (mut first, mut end) = (self.a.token_at_or_after(s.start), self.a.token_at_or_after(s.end));
        let adverb = |k: usize| {
            let w = crate::case::lower_str(self.text(k));
            self.is(k, class::ADV) || self.is_ly_adverb(k) || LEADING_ADVERB_ENDINGS.iter().any(|e| w.ends_with(e))
        };
        while end > first + 1
            && (self.lower_in(first, SOURCE_LEADING_PREPS)
                || adverb(first) && self.is(first + 1, class::PRON | class::DET))
        {
            first += 1;
        }
        if end > first + 2 && self.punct(first, OPENING_QUOTES) && self.punct(end - 1, CLOSING_QUOTES) {
            (first, end) = (first + 1, end - 1);
        }
        if end > first + 2 && self.punct(end - 1, &[')']) {
            let open = (first + 1..end - 1).rev().find(|&k| self.punct(k, &['(']));
            if let Some(open) = open.filter(|&o| o > first && self.is_capitalized(o - 1)) {
                end = open;
            }
        }
        // (Not a trailing "-ant"/"-ing" word: "le commerçant", "the filing".)
        while end > first + 1 && self.is(end - 1, class::REL) {
            end -= 1;
        }
        let (f0, e0) = (self.a.token_at_or_after(s.start), self.a.token_at_or_after(s.end));
        if (first, end) == (f0, e0) {
            s
        } else {
            self.span(first, end)
        }
    }

    /// The speaker of the innermost reported speech holding `span`, when
    /// the quote layer gave it one.
    fn speaker_over(&self, span: Span) -> Option<Span> {
        let k = self.reported.partition_point(|c| c.start <= span.start);
        let inner = self.reported[..k].iter().rev().find(|c| c.contains(span))?;
        let j = self.reported_by.partition_point(|(c, _)| c.start < inner.start);
        let speaker =
            self.reported_by[j..].iter().take_while(|(c, _)| c.start == inner.start).find(|(c, _)| c == inner);
        // A speaker opening with a pronoun must be one the mention layer
        // knows ("il", "they"; not "Ce certain délai", "I'm").
        let known = |s: Span| self.mentions.at(s).is_some() || !self.is(self.a.token_at_or_after(s.start), class::PRON);
        speaker.map(|&(_, s)| s).filter(|&s| known(s))
    }

    /// Whether the phrase at token `first` follows a comma after a person
    /// or organisation ("The Council, [an advisory body],").
    fn apposed_to_name(&self, first: usize) -> bool {
        first >= 2 && self.is_comma(first - 1) && {
            let at = self.a.tokens[first - 2].span.end;
            let k = self.entities.partition_point(|e| e.span.end < at);
            self.entities
                .get(k)
                .is_some_and(|e| e.span.end == at && matches!(e.label, EntityLabel::Per | EntityLabel::Org))
        }
    }
}
