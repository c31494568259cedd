//! Merging one sentence's candidates into claims, and their explanations.

use super::words::*;
use super::{Candidate, Claim, ClaimReason, Context};
use crate::sort::{pos, sort_by_rank};
use crate::span::Span;

/// Merges the candidates of one sentence whose spans overlap into claims.
pub(super) fn merge(mut cands: Vec<Candidate>, ctx: &Context) -> Vec<(Claim, bool)> {
    sort_by_rank(&mut cands, |c| [pos(c.span.start), c.reason as u64, 0]);
    let mut groups: Vec<Vec<Candidate>> = Vec::new();
    for c in cands {
        match groups.last_mut() {
            Some(g) if g.iter().any(|o| o.span.start < c.span.end && c.span.start < o.span.end) => g.push(c),
            _ => groups.push(vec![c]),
        }
    }
    groups
        .into_iter()
        .map(|mut g| {
            // Same reason: a cue that is the source itself ("Many residents")
            // before a verb cue ("believe").
            sort_by_rank(&mut g, |c| [c.reason as u64, (c.source != Some(c.cue)).into(), pos(c.span.start)]);
            let mut primary = g[0].clone();
            // "X claimed, without providing evidence, that [Y]": a cue on the
            // claim verb's clause, not inside what is claimed, qualifies the
            // claim the verb frames; the claim is still Y.
            if primary.source.is_none() {
                if let Some(inner) = g[1..].iter().find(|c| {
                    c.source.is_some()
                        && c.span.len() < primary.span.len()
                        && primary.span.start <= c.span.start
                        && c.span.end <= primary.span.end
                        && !(c.span.start <= primary.cue.start && primary.cue.end <= c.span.end)
                }) {
                    primary.span = inner.span;
                }
            }
            let mut other_cues: Vec<Span> = Vec::new();
            for c in &g[1..] {
                if c.cue != primary.cue && !other_cues.contains(&c.cue) {
                    other_cues.push(c.cue);
                }
            }
            sort_by_rank(&mut other_cues, |s| [pos(s.start), 0, 0]);
            let source = g.iter().find_map(|c| c.source);
            let backref = g.iter().any(|c| c.backref);
            let explanation = ctx.explanation(primary.reason, source);
            (
                Claim { span: primary.span, reason: primary.reason, cue: primary.cue, source, other_cues, explanation },
                backref,
            )
        })
        .collect()
}

impl<'a, 't> Context<'a, 't> {
    pub(super) fn explanation(&self, reason: ClaimReason, source: Option<Span>) -> String {
        let i = ClaimReason::ALL.iter().position(|&r| r == reason).unwrap_or(0);
        let (plain, with_source) = self.lex.explanations[i];
        match source.map(|s| s.slice(self.a.text)) {
            Some(s) if s.len() <= MAX_SOURCE_IN_EXPLANATION && !s.is_empty() && reason != ClaimReason::Unconfirmed => {
                with_source.replace("{source}", s)
            }
            _ => plain.to_string(),
        }
    }
}
