//! Role `anon`: an unidentified source phrase ("une source proche du
//! dossier", "a person familiar with the matter"), as an ordered table of
//! guards ([`GUARDS`]).

use super::guard::{self, Flow, Guard};
use super::lexicon::{class, Role};
use super::words::*;
use super::{Candidate, ClaimReason, Context, Hit};
use crate::span::Span;
use crate::text::TokenKind;
use std::ops::Range;

/// What the guards of one unidentified source phrase share.
pub(super) struct Anonymous {
    si: usize,
    h: Hit,
    /// The sentence's tokens.
    r: Range<usize>,
    /// The source phrase ends at `np_end` (with its complement); the cue.
    np_end: usize,
    cue: Span,
    /// A complementizer after the phrase ("… que [X]").
    comp_after: Option<usize>,
    /// The comma before the phrase, when the phrase follows its clause.
    comma_before: Option<usize>,
    /// The phrase opens its clause (past a quantifier: "Several witnesses").
    clause_initial: bool,
    /// The reporting verb after a relative clause on the phrase.
    after_relative: Option<usize>,
}

type Out = Vec<Candidate>;

/// The unidentified source's guards, in the order they run.
pub(super) const GUARDS: &[Guard<Anonymous>] = &[
    Guard {
        name: "anon_source_phrase",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"une source proche du dossier\": the cue and its complement are the source phrase.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "postposed_unidentified_source_then_adding_that",
        apply: source_phrase,
    },
    Guard {
        name: "anon_comma_before",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"[X], a-t-on appris de source policière\": the phrase after its clause (not \"…, d'avoir favorisé des proches\").",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "inverted_on_a_appris_de_source_adjective",
        apply: comma_before,
    },
    Guard {
        name: "anon_quantifier_lead",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Several witnesses told …\", \"Two witnesses said …\": a quantifier before the cue belongs to the source.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "quantified_witnesses_told_reporters",
        apply: quantifier_lead,
    },
    Guard {
        name: "anon_relative_clause",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"A former employee, who spoke on condition of anonymity, said [X]\": the verb after the relative clause.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "anonymous_relative_clause_on_the_subject",
        apply: relative_clause,
    },
    Guard {
        name: "anon_bare_relative",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Two players who spoke on condition of anonymity because … said [X]\": a relative clause without commas.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "anonymity_relative_clause_without_commas",
        apply: bare_relative,
    },
    Guard {
        name: "anon_push",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"A person familiar with the matter said [the deal …]\", \"[X], selon une source\": what the source said.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "officials_familiar_with",
        apply: |cx, s, out| {
            if let Some(span) = claim(cx, s) {
                let (cue, reason) = (s.cue, ClaimReason::AnonymousSource);
                out.push(Candidate { span, cue, reason, source: source(cx, s), backref: false });
            }
            Flow::Stop
        },
    },
];

impl<'a, 't> Context<'a, 't> {
    /// The candidate of the unidentified source phrase `h`: runs [`GUARDS`].
    pub(super) fn anonymous(&self, si: usize, h: &Hit, out: &mut Out) {
        let r = self.a.sentence_tokens[si].clone();
        let mut state = Anonymous {
            si,
            h: *h,
            r,
            np_end: h.end,
            cue: self.span(h.first, h.end),
            comp_after: None,
            comma_before: None,
            clause_initial: false,
            after_relative: None,
        };
        guard::run(GUARDS, self, &mut state, out);
    }
}

fn source_phrase(cx: &Context, s: &mut Anonymous, _: &mut Out) -> Flow {
    let (h, r) = (&s.h, &s.r);
    // The source noun phrase: the cue and its complement ("du dossier").
    let ends_with_prep = cx.is(h.end - 1, class::PREP);
    s.np_end = if ends_with_prep || h.end < r.end && cx.is(h.end, class::PREP) {
        cx.short_complement(h.end, r.end)
    } else {
        h.end
    };
    s.cue = cx.span(h.first, s.np_end);
    s.comp_after = (s.np_end..(s.np_end + ANON_TO_COMP).min(r.end)).find(|&k| cx.is(k, class::COMP));
    Flow::Next
}

fn comma_before(cx: &Context, s: &mut Anonymous, _: &mut Out) -> Flow {
    let (h, r) = (&s.h, &s.r);
    // A longer inverted reporting clause may stand between the comma and
    // the cue; otherwise only a reporting verb and its auxiliaries.
    s.comma_before = (h.first.saturating_sub(ANON_COMMA_BEFORE).max(r.start)..h.first)
        .rev()
        .find(|&k| cx.is_comma(k))
        .filter(|&k| {
            h.cue.always
                || (k + 1..h.first).all(|j| {
                    cx.is(j, class::AUX | class::ADV | class::INDEF)
                        || cx.is_report_verb(j)
                        || cx.a.tokens[j].kind != TokenKind::Word
                })
        })
        .or_else(|| {
            (h.first.saturating_sub(ANON_INVERTED_BEFORE).max(r.start)..h.first)
                .rev()
                .find(|&k| cx.is_comma(k))
                .filter(|&k| cx.inverted_report_at(k + 1))
        });
    Flow::Next
}

fn quantifier_lead(cx: &Context, s: &mut Anonymous, _: &mut Out) -> Flow {
    let (si, h, r) = (s.si, &s.h, &s.r);
    let mut lead = h.first;
    while lead > r.start
        && h.first - lead < ANON_QUANTIFIERS
        && (cx.is(lead - 1, class::INDEF) || cx.a.tokens[lead - 1].kind == TokenKind::Number)
    {
        lead -= 1;
    }
    s.clause_initial =
        cx.clause_start(si, lead) == lead || (cx.clause_start(si, lead)..lead).all(|k| cx.is(k, class::CONJ));
    if s.clause_initial {
        s.cue = cx.span(lead, s.np_end);
    }
    Flow::Next
}

fn relative_clause(cx: &Context, s: &mut Anonymous, _: &mut Out) -> Flow {
    let (h, r, np_end) = (&s.h, &s.r, s.np_end);
    // Also an apposed participle: "A police officer, speaking on condition
    // of anonymity, claimed [X]", "…, s'exprimant sous couvert d'anonymat,
    // a affirmé [X]".
    let relative_opens = s.comma_before.is_some_and(|k| {
        let w = crate::case::lower_str(cx.text(k + 1));
        let participle = cx.is_present_participle(k + 1)
            || w == FR_REFLEXIVE_ELISION && cx.text(k + 2).ends_with(FR_PRESENT_PARTICIPLE_ENDING);
        k < h.first && (cx.is(k + 1, class::REL) || participle)
    });
    // The relative clause may run on ("who asked not to be named because
    // they were not authorized to speak publicly, said [X]").
    s.after_relative = (np_end..(np_end + MAX_SEGMENT).min(r.end)).find(|&k| cx.is_comma(k)).and_then(|close| {
        let mut v = close + 1;
        while v < r.end && cx.is(v, class::AUX | class::ADV | class::NEG) {
            v += 1;
        }
        (relative_opens && v < r.end && cx.is_report_verb(v)).then_some(v)
    });
    Flow::Next
}

fn bare_relative(cx: &Context, s: &mut Anonymous, _: &mut Out) -> Flow {
    let (h, r, np_end) = (&s.h, &s.r, s.np_end);
    // A relative word just before the cue, a subject before it, and the
    // first reporting verb after it.
    let bare_relative = s.comma_before.is_none()
        && (h.first.saturating_sub(ANON_RELATIVE_BEFORE).max(r.start + 1)..h.first)
            .any(|k| cx.is(k, class::REL) && !cx.is(k, class::COMP));
    let after_bare_relative = bare_relative
        .then(|| {
            (np_end..(np_end + MAX_SEGMENT).min(r.end))
                .take_while(|&k| !cx.is_comma(k) && !cx.is(k, class::COMP))
                .find(|&k| cx.is(k, class::REPORT))
        })
        .flatten();
    s.after_relative = s.after_relative.or(after_bare_relative);
    Flow::Next
}

/// What the unidentified source said: after the verb that follows its
/// relative clause, after a complementizer, the clause before its comma,
/// the clause after the phrase opening it, or (an "always" phrase) its own
/// clause.
fn claim(cx: &Context, s: &Anonymous) -> Option<Span> {
    let (si, h, r, np_end) = (s.si, &s.h, &s.r, s.np_end);
    if let Some(v) = s.after_relative {
        let mut c = v + 1;
        while c < r.end && cx.is(c, class::ADV | class::COMP) {
            c += 1;
        }
        cx.trimmed(c, cx.clause_end(si, c).max(c))
    } else if let Some(k) = s.comp_after {
        let end = cx.clause_end(si, k);
        cx.trimmed(k + 1, end.max(k + 1))
    } else if let Some(k) = s.comma_before.filter(|_| {
        (np_end..cx.clause_end(si, h.first)).all(|j| cx.a.tokens[j].kind == TokenKind::Punct)
            || (np_end..r.end).all(|j| cx.a.tokens[j].kind == TokenKind::Punct)
    }) {
        let start = cx.clause_start(si, k);
        cx.trimmed(start, k)
    } else if s.clause_initial
        && np_end < r.end
        // "Some people may experience …": a modal cue after the phrase
        // makes it the subject of a hedged clause, not a source.
        && !cx.hit_at(np_end).is_some_and(|x| x.cue.role == Role::Pred)
    {
        // "A person familiar with the matter said [the deal …]", "Des
        // témoins ont fait état de [tirs]", "Witnesses told reporters [X]".
        let mut v = np_end;
        while v < r.end && cx.is(v, class::AUX | class::ADV | class::NEG) {
            v += 1;
        }
        let first = cx.after_report_words(v, r.end);
        let end = cx.clause_end(si, v);
        if cx.no_content_at(first, r.end) {
            None
        } else {
            cx.trimmed(first, end.max(first))
        }
    } else if h.cue.always {
        // "The person spoke on condition of anonymity to discuss …" says
        // how the source spoke, not what it said. Only as the main verb
        // right after a short subject ("…, two people said, speaking on
        // condition of anonymity" keeps its claim).
        let how_spoken =
            h.first > r.start && h.first - r.start <= HOW_SPOKEN_SUBJECT && cx.lower_in(h.first - 1, SPOKE_VERBS);
        if how_spoken {
            None
        } else {
            cx.clause(si, h.first)
        }
    } else {
        None
    }
}

/// The unnamed person the relative clause qualifies is the source; else
/// the cue.
fn source(cx: &Context, s: &Anonymous) -> Option<Span> {
    let (si, h, r, cue) = (s.si, &s.h, &s.r, s.cue);
    match (s.after_relative, s.comma_before) {
        (Some(_), Some(k)) => cx.trimmed(cx.clause_start(si, k), k).or(Some(cue)),
        (Some(_), None) => (h.first.saturating_sub(ANON_RELATIVE_BEFORE).max(r.start)..h.first)
            .find(|&k| cx.is(k, class::REL))
            .and_then(|rel| cx.trimmed(cx.clause_start(si, rel), rel))
            .or(Some(cue)),
        _ => Some(cue),
    }
}
