//! Unverified claims: what the article reports without vouching for it
//! (annotation guidelines §3).
//!
//! 1. Cues are found once over the whole text: the phrase lexicon
//!    (`data/<lang>/claim-cues.txt`, one Aho-Corasick automaton) and, in
//!    French, conditional verb forms by morphology (`conditional`).
//! 2. Cues inside direct quotations are dropped (the quote layer's quotes,
//!    and our own scan of quotation marks, so the layer is right alone).
//! 3. Each cue gives a candidate claim by its role: a source frame ("selon
//!    X, \[claim\]"), a claim verb ("X a affirmé \[claim\]"), a predicate cue
//!    inside its clause ("[la panne pourrait …]"), a noun-phrase cue, an
//!    anonymous source, a non-response or a non-verification.
//! 4. Candidates of one clause merge into one claim: the highest-priority
//!    cue is the primary one, the others go to `other_cues`.
//! 5. A non-verification or non-response that points back ("ces
//!    affirmations") also marks the claims of the sentence it points to.
//! 6. Sources are named through the mention layer: a source phrase holding
//!    or beside a name becomes the name, and a claim inside reported speech
//!    without one takes the speaker the quote layer chose.
//!
//! Where each concern lives:
//!
//! | module | concern |
//! |---|---|
//! | `lexicon`, `words` | the data (cues, word classes) and the named windows and spelled words |
//! | `context` | the per-text context and its token tests |
//! | `hits` | cue finding; direct quotations |
//! | `clause`, `source`, `report`, `apposition` | clause bounds; sources and pronouns; reporting clauses; appositions |
//! | `attributed` | sources as the mention layer names them |
//! | `guard` | role handlers as ordered tables of named guards, and the test that each guard's case pins it |
//! | `candidates` | one sentence: hits to their role handlers, then the conditionals |
//! | `frame`, `verb` (+ `verb_claim`), `pred`, `noun_phrase`, `anonymous`, `anon_subject`, `silence`, `unidentified`, `conditional` | one role handler each, as a guard table |
//! | `merge`, `backref` | merging candidates into claims; back-references |

mod anon_subject;
mod anonymous;
mod apposition;
mod attributed;
mod backref;
mod candidates;
mod clause;
mod conditional;
mod context;
mod cue_trie;
mod frame;
mod guard;
mod hits;
mod lexicon;
mod merge;
mod noun_phrase;
mod pred;
mod report;
mod silence;
mod source;
mod unidentified;
mod verb;
mod verb_belief;
mod verb_claim;
mod words;

use super::mentions::Mentions;
use super::Analysis;
use crate::model::{Claim, ClaimReason, Entity, EntityLabel, Quote};
use crate::sort::{desc, pos, sort_by_rank};
use crate::span::Span;
use context::Context;
use lexicon::Cue;
use merge::merge;

/// A cue occurrence: tokens `first..end` of the text.
#[derive(Clone, Copy, Debug)]
struct Hit {
    first: usize,
    end: usize,
    cue: Cue,
}

/// A claim before merging.
#[derive(Clone, Debug)]
struct Candidate {
    span: Span,
    cue: Span,
    reason: ClaimReason,
    source: Option<Span>,
    /// A phrase in this claim that points back to earlier claims.
    backref: bool,
}

/// Does the layer read the class `name` of `data/<lang>/word-classes.txt`?
#[cfg(test)]
pub(crate) fn reads_word_class(name: &str) -> bool {
    lexicon::class::parse(name).is_some()
}

/// Finds the unverified claims of the text, sorted by start (building the
/// mention layer for them; [`detect_with`] takes one already built).
pub fn detect(analysis: &Analysis, entities: &[Entity], quotes: &[Quote]) -> Vec<Claim> {
    detect_with(analysis, entities, quotes, &Mentions::build(analysis, entities))
}

/// Finds the unverified claims of the text, sorted by start; pronoun
/// sources point back to the quote speakers and the speaking mentions of
/// `mentions` (the document's mention layer).
pub fn detect_with(analysis: &Analysis, entities: &[Entity], quotes: &[Quote], mentions: &Mentions) -> Vec<Claim> {
    if analysis.tokens.is_empty() {
        return Vec::new();
    }
    let lex = lexicon::lexicon(analysis.lang);
    let ctx = Context::new(analysis, lex, entities, quotes, mentions);
    let mut claims: Vec<(usize, Claim, bool)> = Vec::new();
    for si in 0..analysis.sentences.len() {
        let cands = ctx.sentence_candidates(si);
        for (claim, backref) in merge(cands, &ctx) {
            claims.push((si, claim, backref));
        }
    }
    ctx.link_back_references(&mut claims);
    let mut out: Vec<Claim> = claims.into_iter().map(|(_, c, _)| c).collect();
    out.retain_mut(|c| ctx.attribute(c));
    sort_by_rank(&mut out, |c| [pos(c.span.start), desc(pos(c.span.end)), 0]);
    out
}
