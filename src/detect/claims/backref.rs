//! Back-references: a non-verification or silence that points back ("ces
//! affirmations") marks the claims it points to.

use super::lexicon::class;
use super::words::*;
use super::{Claim, ClaimReason, Context};
use crate::span::Span;
use crate::text::TokenKind;

impl<'a, 't> Context<'a, 't> {
    /// Claims pointing back ("L'AFP n'a pas pu vérifier ces affirmations")
    /// also mark the claims of the nearest earlier sentence that has some
    /// (or, if none, the reported content of the previous sentence).
    pub(super) fn link_back_references(&self, claims: &mut Vec<(usize, Claim, bool)>) {
        let mut extra: Vec<(usize, Claim, bool)> = Vec::new();
        let mut silent_clauses: Vec<usize> = Vec::new();
        for k in 0..claims.len() {
            let silence = claims[k].1.reason == ClaimReason::NoResponse;
            if !(claims[k].2 && claims[k].1.reason == ClaimReason::Unconfirmed || silence) {
                continue;
            }
            let (si, cue, reason) = (claims[k].0, claims[k].1.cue, claims[k].1.reason);
            if !claims[k].2 {
                // "Le syndicat accuse la municipalité de … La municipalité n'a
                // pas répondu": the allegation put to the silent party is the
                // claim (guidelines §3), when an earlier claim names it.
                if let Some(t) = self.party_claim(claims, k) {
                    self.promote(&mut claims[t].1, cue, reason);
                    silent_clauses.push(k);
                }
                continue;
            }
            let Some(mut targets) = self.back_targets(claims, k) else { continue };
            // A silence that points back: the allegation put to the silent
            // party is the claim, not the sentence saying it was silent.
            if reason == ClaimReason::NoResponse && !targets.is_empty() {
                silent_clauses.push(k);
            }
            if targets.is_empty() && si > 0 {
                if let Some(mut c) = self.reported_content(si - 1) {
                    c.explanation = self.explanation(c.reason, c.source);
                    extra.push((si - 1, c, false));
                    let t = claims.len() + extra.len() - 1;
                    targets.push(t);
                    if reason == ClaimReason::NoResponse {
                        silent_clauses.push(k);
                    }
                }
            }
            for t in targets {
                let target = if t < claims.len() { &mut claims[t].1 } else { &mut extra[t - claims.len()].1 };
                if !self.promote(target, cue, reason) && !target.other_cues.contains(&cue) && target.cue != cue {
                    target.other_cues.push(cue);
                }
            }
        }
        // A mask, not `silent_clauses.contains` per claim: that was
        // quadratic in the number of claims of a long text.
        let mut silent = vec![false; claims.len()];
        for k in silent_clauses {
            silent[k] = true;
        }
        let mut k = 0;
        claims.retain(|_| {
            k += 1;
            !silent[k - 1]
        });
        claims.extend(extra);
    }

    /// A pointing-back cue of a stronger reason becomes the target's cue,
    /// its old cue the first of the others. False when the reason is not
    /// stronger.
    fn promote(&self, target: &mut Claim, cue: Span, reason: ClaimReason) -> bool {
        if reason >= target.reason {
            return false;
        }
        let old = target.cue;
        target.other_cues.insert(0, old);
        target.cue = cue;
        target.reason = reason;
        target.explanation = self.explanation(reason, target.source);
        true
    }

    /// The claims the pointing-back claim `k` points to: earlier ones of its
    /// sentence, the latest allegations, those naming the topic of a
    /// silence, else those of the nearest earlier sentence that has some.
    /// `None` when a silence's topic is named by no earlier claim.
    fn back_targets(&self, claims: &[(usize, Claim, bool)], k: usize) -> Option<Vec<usize>> {
        let (si, cue, reason, span) = (claims[k].0, claims[k].1.cue, claims[k].1.reason, claims[k].1.span);
        // Claims are in sentence order.
        let of_sentence = |sj: usize| claims.partition_point(|c| c.0 < sj)..claims.partition_point(|c| c.0 <= sj);
        // "Une vidéo semble montrer [X], mais l'AFP n'a pas pu vérifier
        // son authenticité": a claim before the cue in its own sentence.
        let mut targets: Vec<usize> =
            of_sentence(si).filter(|&t| t != k && claims[t].1.span.end <= cue.start).collect();
        // "… on the allegations": the latest allegations, however far
        // back (often the article's lead), not whatever claim came last.
        let object = self.a.token_at_or_after(cue.end)..self.a.token_at_or_after(span.end);
        let about_allegations = object.clone().any(|j| self.is(j, class::ALLEGATION));
        // A silence on a topic named by no phrase pointing back ("did
        // not respond to questions about the price of the drug") points
        // to an earlier claim only if that claim mentions the topic.
        // (A demonstrative object points back by itself; a topic of
        // document words only, "on the estimate", names nothing to
        // match: the nearest claim it is.)
        let words = if reason == ClaimReason::NoResponse
            && !about_allegations
            && !object.clone().any(|j| self.is_demonstrative(j))
            && !self.backref_in(span)
        {
            self.topic_words(cue, span)
        } else {
            Vec::new()
        };
        if !words.is_empty() {
            targets.clear();
            for back in 1..=MAX_BACK.min(si) {
                targets = of_sentence(si - back).filter(|&t| self.mentions_any(claims[t].1.span, &words)).collect();
                if !targets.is_empty() {
                    break;
                }
            }
            if targets.is_empty() {
                return None;
            }
        }
        if targets.is_empty() && about_allegations {
            for back in 1..=si {
                targets = of_sentence(si - back).filter(|&t| claims[t].1.reason == ClaimReason::Claimed).collect();
                if !targets.is_empty() {
                    break;
                }
            }
        }
        for back in 1..=MAX_BACK.min(si) {
            if !targets.is_empty() {
                break;
            }
            targets = of_sentence(si - back).collect();
        }
        Some(targets)
    }

    /// For the silence claim `k` that does not point back by itself, the
    /// earlier `claimed` claim (this sentence or the two before) whose text names the
    /// silent party: a content word of the silence's subject, not a
    /// spokesperson's title ("A spokesperson for the vendor declined to
    /// comment" names "vendor").
    pub(super) fn party_claim(&self, claims: &[(usize, Claim, bool)], k: usize) -> Option<usize> {
        let (si, silence) = (claims[k].0, &claims[k].1);
        let cue_first = self.a.token_at_or_after(silence.cue.start);
        let first = self.clause_start(si, cue_first);
        if first >= cue_first {
            return None;
        }
        // The silent party: the subject's content words, or a pronoun's antecedent.
        let subject = self.span(first, cue_first);
        let party = match self.antecedent(subject) {
            Some(m) => m,
            None => subject,
        };
        let (pf, pe) = (self.a.token_at_or_after(party.start), self.a.token_at_or_after(party.end));
        let heads: Vec<String> = (pf..pe)
            .filter(|&j| {
                self.a.tokens[j].kind == TokenKind::Word
                    && self.text(j).chars().count() > PARTY_WORD_MIN_CHARS
                    && !self.is(j, FUNCTION | class::SPOKES | class::REPORT | class::INDEF)
            })
            .map(|j| crate::case::lower_str(self.text(j)))
            .collect();
        if heads.is_empty() {
            return None;
        }
        let floor = si.saturating_sub(PARTY_CLAIM_SENTENCES);
        (0..k).rev().take_while(|&t| claims[t].0 >= floor).find(|&t| {
            let c = &claims[t].1;
            let (cf, ce) = (self.a.token_at_or_after(c.span.start), self.a.token_at_or_after(c.span.end));
            let names = |to: usize| {
                self.a.tokens[cf..to.min(ce)]
                    .iter()
                    .any(|tok| heads.iter().any(|h| tok.span.slice(self.a.text).eq_ignore_ascii_case(h)))
            };
            // An assertion by a party (an accusation, a claim) naming the
            // silent party anywhere; what others report had been put to it
            // only when the party is its subject, in the sentence just
            // before ("Selon une source, le ministère aurait gelé … Sollicité,
            // le ministère n'a pas donné suite").
            c.span.end <= silence.span.start
                && if c.reason == ClaimReason::Claimed {
                    names(ce)
                } else {
                    claims[t].0 + REPORT_BEFORE_SILENCE >= si && names(cf + REPORT_SUBJECT)
                }
        })
    }

    /// The reported content of sentence `si` as a claim without cue of its
    /// own ("X a déclaré que [Y]"): only used as a back-reference target.
    pub(super) fn reported_content(&self, si: usize) -> Option<Claim> {
        let r = self.a.sentence_tokens[si].clone();
        if r.is_empty() {
            return None;
        }
        let q = (r.start..r.end).find(|&k| self.is(k, class::COMP) && !self.is_protected(self.a.tokens[k].span.start));
        let (span, source) = match q {
            Some(q) => {
                // The subject of the reporting verb, past its addressee ("X
                // told the Gazette that").
                let verb = (q.saturating_sub(VERB_BEFORE_COMP).max(r.start)..q)
                    .rev()
                    .find(|&k| self.is_report_verb(k))
                    .unwrap_or(q.saturating_sub(1));
                (self.trimmed(q + 1, self.clause_end(si, q))?, self.subject_before(si, verb))
            }
            None => (self.trimmed(r.start, r.end)?, None),
        };
        if self.protected_bytes(span) * QUOTED_SHARE.1 >= span.len() * QUOTED_SHARE.0 {
            return None;
        }
        Some(Claim {
            span,
            reason: ClaimReason::Hedge,
            cue: span,
            source,
            other_cues: Vec::new(),
            explanation: String::new(),
        })
    }

    /// The content words of a silence's object ("declined to comment on the
    /// office closures" → "office", "closures"), lower-cased, for matching
    /// the claim it points back to.
    pub(super) fn topic_words(&self, cue: Span, span: Span) -> Vec<String> {
        let (from, to) = (self.a.token_at_or_after(cue.end), self.a.token_at_or_after(span.end));
        // The object only: not an appendix after a comma ("…, saying the
        // matter had been referred"); a claim noun ("her account") names no topic.
        let to = (from..to).find(|&k| self.is_comma(k)).unwrap_or(to);
        (from..to)
            .filter(|&k| {
                self.a.tokens[k].kind == TokenKind::Word
                    && self.text(k).chars().count() > TOPIC_WORD_MIN_CHARS
                    && !self.is(k, FUNCTION | class::DOCUMENT | class::TIME_NOUN | class::CLAIM_NOUN)
            })
            .map(|k| crate::case::lower_str(self.text(k)))
            .collect()
    }

    /// Whether `span` holds one of `words` (compared on their first
    /// [`STEM_CHARS`] letters, so "closure" meets "closures" and
    /// "fermeture" "fermetures").
    pub(super) fn mentions_any(&self, span: Span, words: &[String]) -> bool {
        let stem = |w: &str| w.chars().take(STEM_CHARS).collect::<String>();
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        let (from, to) = (self.a.token_at_or_after(span.start), self.a.token_at_or_after(span.end));
        (from..to).any(|k| stems.contains(&stem(&crate::case::lower_str(self.text(k)))))
    }
}
