//! Role `pred`: a cue inside the clause it qualifies ("[la panne pourrait
//! …]", "[X appears to …]"), as an ordered table of guards ([`GUARDS`]).

use super::guard::{self, stop_if, Flow, Guard};
use super::lexicon::{class, Role};
use super::words::*;
use super::{Candidate, ClaimReason, Context, Hit};
use crate::span::Span;
use std::ops::Range;

/// What the guards of one predicate cue share.
pub(super) struct Pred {
    si: usize,
    h: Hit,
    /// The sentence's tokens.
    r: Range<usize>,
    /// The sentence a non-verification in a relative clause disowns.
    relative: Option<Span>,
}

impl Pred {
    /// A one-word hedge ("may", "could", "pourrait").
    fn hedge_word(&self) -> bool {
        self.h.cue.reason == ClaimReason::Hedge && self.h.end - self.h.first == 1
    }
}

/// The predicate cue's guards, in the order they run.
pub(super) const GUARDS: &[Guard<Pred>] = &[
    Guard {
        name: "pred_disowns_apposition_or_contrast",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc:
            "\"[…], a claim that could not be verified\", \"…, though it did not provide evidence\": the clause before.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "",
        apply: |cx, p, out| {
            stop_if(
                p.h.cue.reason == ClaimReason::Unconfirmed
                    && (cx.disowned_by_apposition(p.si, &p.h, out) || cx.contrast_disowns(p.si, &p.h, out)),
            )
        },
    },
    Guard {
        name: "pred_noun_after_determiner",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"le risque de contagion\", \"tout risque d'incident\": a French noun after a determiner, not the verb.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "risque_de_as_a_noun_is_no_hedge_fr",
        apply: |cx, p, _| {
            let (h, r) = (&p.h, &p.r);
            stop_if(
                // (French only: "the most likely contender" still hedges.)
                cx.a.lang == crate::lang::Lang::Fr
                    && p.h.cue.reason == ClaimReason::Hedge
                    && h.first > r.start
                    && (cx.is(h.first - 1, class::DET | class::NEG_SUBJECT)
                        || cx.lower_in(h.first - 1, NOUN_QUANTIFIERS)),
            )
        },
    },
    Guard {
        name: "pred_negative_subject",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"neither side could open the scoring\": a negated ability, not a possibility.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "negated_ability_is_no_hedge",
        apply: |cx, p, _| {
            // (English modals only: "Aucun trait ne semble expliquer …" still hedges.)
            let from = cx.clause_start(p.si, p.h.first);
            let modal = cx.a.lang == crate::lang::Lang::En;
            stop_if(modal && p.hedge_word() && (from..p.h.first).any(|k| cx.is(k, class::NEG_SUBJECT)))
        },
    },
    Guard {
        name: "pred_purpose",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"… so our readers may learn more\": a modal in a clause of purpose (not \"…, so the bank may\").",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "modal_in_a_clause_of_purpose_is_no_hedge",
        apply: |cx, p, _| {
            let (si, h, r) = (p.si, &p.h, &p.r);
            let from = h.first.saturating_sub(PURPOSE_BEFORE).max(cx.clause_start(si, h.first).saturating_sub(2));
            let purpose =
                (from.max(r.start)..h.first).any(|k| cx.is(k, class::PURPOSE) && k > r.start && !cx.is_comma(k - 1));
            stop_if(p.hedge_word() && purpose)
        },
    },
    Guard {
        name: "pred_if_clause",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"X could face a ban if the charge is upheld\": an English modal beside an if-clause is hypothetical.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "modal_in_an_if_sentence_is_hypothetical",
        apply: |cx, p, _| {
            let modal = cx.a.lang == crate::lang::Lang::En;
            let hypothetical = cx.hits_in(p.r.start, p.r.end).iter().any(|x| x.cue.role == Role::Hypothetical);
            stop_if(p.hedge_word() && modal && hypothetical)
        },
    },
    Guard {
        name: "pred_relative_disowns",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"The video, which could not be independently verified, appears to show …\": the whole sentence.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "non_verification_in_a_relative_clause_disowns_the_sentence",
        apply: relative_disowns,
    },
    Guard {
        name: "pred_passive_without_predicate",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Several scenarios were considered because …\": examined, not judged (not \"is considered a boon\").",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "passive_considered_without_predicate_is_no_hedge",
        apply: |cx, p, _| stop_if(passive_without_predicate(cx, p)),
    },
    Guard {
        name: "pred_push",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"[la panne pourrait …]\", \"il est possible que [X]\", \"are studying whether [X]\": the clause.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "il_est_possible_que",
        apply: push,
    },
];

impl<'a, 't> Context<'a, 't> {
    /// The candidate of the predicate cue `h`: runs [`GUARDS`].
    pub(super) fn pred(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        guard::run(GUARDS, self, &mut Pred { si, h: *h, r, relative: None }, out);
    }
}

/// Prepositions after which a passive judgement participle means examined
/// ("was considered for the post", "is considered by the Senate").
const EXAMINED_BY_OR_FOR: &[&str] = &["by", "for"];

/// An English passive judgement ("was considered", "are considered") with
/// no predicate after it: followed by the end of the clause, a
/// subordinator, "by" or "for" ("were considered because …", "was
/// considered for the post"), the verb means examined, not judged.
fn passive_without_predicate(cx: &Context, p: &Pred) -> bool {
    let h = &p.h;
    let passive = cx.a.lang == crate::lang::Lang::En
        && h.cue.reason == ClaimReason::Hedge
        && h.end - h.first > 1
        && cx.is(h.first, class::PASSIVE_AUX)
        && cx.text(h.end - 1).ends_with(EN_PAST_PARTICIPLE_ENDING);
    passive
        && (h.end >= p.r.end
            || cx.a.tokens[h.end].kind == crate::text::TokenKind::Punct
            || cx.is(h.end, class::SUB | class::CAUSE | class::CONJ)
            || cx.lower_in(h.end, EXAMINED_BY_OR_FOR))
}

fn relative_disowns(cx: &Context, p: &mut Pred, _: &mut Vec<Candidate>) -> Flow {
    let (si, h, r) = (p.si, &p.h, &p.r);
    p.relative = (h.cue.reason == ClaimReason::Unconfirmed)
        .then(|| {
            let open = (h.first.saturating_sub(RELATIVE_OPEN_BEFORE).max(r.start + 1)..h.first)
                .rev()
                .find(|&k| cx.is_comma(k))
                .filter(|&k| cx.is(k + 1, class::REL))?;
            let close = (h.end..(h.end + RELATIVE_CLOSE_AFTER).min(r.end)).find(|&k| cx.is_comma(k))?;
            (close + 2 < r.end).then(|| cx.trimmed(cx.clause_start(si, open - 1), cx.clause_end(si, close + 1)))
        })
        .flatten()
        .flatten();
    Flow::Next
}

fn push(cx: &Context, p: &mut Pred, out: &mut Vec<Candidate>) -> Flow {
    let (si, h, r) = (p.si, &p.h, &p.r);
    // "il est possible que [X]", "are studying whether [X]": the claim
    // follows the cue.
    let span = if let Some(span) = p.relative {
        Some(span)
    } else if cx.is(h.end - 1, class::COMP | class::INTERROGATIVE) && h.end < r.end {
        let end = cx.clause_end(si, h.end.min(r.end - 1));
        cx.trimmed(h.end, end)
    } else {
        cx.clause(si, h.first)
    };
    let Some(span) = span else { return Flow::Stop };
    // Only a non-verification points back ("ces informations n'ont pas pu
    // être vérifiées"). (Not "[images], dont l'authenticité n'a pas été
    // confirmée, …": the relative clause names what it disowns.)
    let backref = h.cue.reason == ClaimReason::Unconfirmed && p.relative.is_none() && cx.backref_in(span);
    let cue = cx.span(h.first, h.end);
    let source = passive_agent(cx, si, h);
    out.push(Candidate { span, cue, reason: h.cue.reason, source, backref });
    Flow::Stop
}

/// "est jugé trop coûteux par [les républicains]", "perçu comme une
/// victoire par [la classe politique]", "was claimed by [the group]": the
/// agent of a passive participle cue, before the next comma or clause, is
/// the source (guidelines §3: the party judging or claiming).
fn passive_agent(cx: &Context, si: usize, h: &Hit) -> Option<Span> {
    let participle = |k: usize, endings: &[&str]| {
        let w = crate::case::lower_str(cx.text(k));
        !cx.is(k, class::COMP) && endings.iter().any(|e| w.ends_with(e))
    };
    // ("are expected to increase by 5%", "Il lui est reproché d'avoir
    // attribué … par": the agent of the infinitive, not of the cue.)
    let infinitive = cx.lower_in(h.end - 1, INFINITIVE_MARKERS);
    if infinitive || !(h.first..h.end).any(|k| participle(k, PASSIVE_PARTICIPLE_ENDINGS)) {
        return None;
    }
    let end = cx.clause_end(si, h.end - 1);
    // ("considered neglected by a north": another participle's agent.)
    let stops = |k: usize| {
        cx.is_comma(k)
            || cx.is_strong_break(k)
            || cx.is(k, class::COMP | class::REL | class::SUB)
            || participle(k, PARTICIPLE_ENDINGS)
    };
    let agent = (h.end..end).take_while(|&k| !stops(k)).find(|&k| cx.lower_in(k, AGENT_PREPS))?;
    let np = cx.np_forward(agent + 1, end);
    let opens = agent + 1 < np && cx.a.tokens[agent + 1].kind != crate::text::TokenKind::Number;
    opens.then(|| cx.span(agent + 1, np))
}
