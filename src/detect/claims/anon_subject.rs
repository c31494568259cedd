//! Role `anon-subj`: a bare plural source noun as the subject of a
//! reporting verb ("officials said [X]", "[X], say economists"), as an
//! ordered table of guards ([`GUARDS`]).

use super::guard::{self, stop_if, Flow, Guard};
use super::lexicon::class;
use super::words::*;
use super::{Candidate, ClaimReason, Context, EntityLabel, Hit};
use crate::span::Span;
use crate::text::TokenKind;
use std::ops::Range;

/// What the guards of one bare plural source share.
pub(super) struct AnonSubject {
    si: usize,
    h: Hit,
    /// The sentence's tokens.
    r: Range<usize>,
    /// The source: its modifiers from `m`, its complement to `np_end`.
    m: usize,
    np_end: usize,
    /// The reporting verb (once found), and the cue (the source phrase).
    v: usize,
    cue: Span,
}

type Out = Vec<Candidate>;

/// Classes that end the modifiers of a bare plural source.
const NOT_A_MODIFIER: u64 = class::COMP
    | class::AUX
    | class::CONJ
    | class::PREP
    | class::PRON
    | class::REL
    | class::NEG
    | class::SUB
    | class::CONTRAST
    | class::CAUSE;

/// The bare plural source's guards, in the order they run.
pub(super) const GUARDS: &[Guard<AnonSubject>] = &[
    Guard {
        name: "anon_subj_modifiers",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"senior U.S. officials\", \"Beaucoup d'habitants\"; not \"the officials\", \"Smith's lawyers\" (identified).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "possessive_makes_a_bare_plural_identified",
        apply: modifiers,
    },
    Guard {
        name: "anon_subj_complement",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"officials in the region said\", not \"officials of Acme\": a complement of common nouns, then the verb.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "bare_plural_with_common_noun_complement_is_unidentified",
        apply: complement,
    },
    Guard {
        name: "anon_subj_named_org",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Acme officials\": an organisation's or person's name among the modifiers identifies the source.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "source_noun_of_a_named_organisation_is_identified",
        apply: |cx, s, _| {
            let (from, to) = (cx.a.tokens[s.m].span.start, cx.a.tokens[s.h.first].span.start);
            stop_if(cx.entities_overlapping(from, to).iter().any(|e| matches!(e.label, EntityLabel::Org | EntityLabel::Per)))
        },
    },
    Guard {
        name: "anon_subj_fr_adjectives",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"des responsables américains\": French adjectives after the noun belong to the source.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "bare_plural_source_postposed",
        apply: fr_adjectives,
    },
    Guard {
        name: "anon_subj_to_verb",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Farmers in the valley, however, say …\", \"Council officials privately believe …\": on to the verb.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "bare_plural_of_a_trade_with_long_said",
        apply: |cx, s, _| {
            let mut v = cx.past_parenthetical_word(s.v, s.r.end);
            while v < s.r.end && (cx.is(v, class::AUX | class::ADV | class::NEG) || cx.is_ly_adverb(v)) {
                v += 1;
            }
            s.v = v;
            Flow::Next
        },
    },
    Guard {
        name: "anon_subj_negated_or_passive",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Officials have not disclosed the cause\", \"residents have been told to boil water\": nothing reported.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "passive_told_is_not_a_source_speaking",
        apply: |cx, s, _| {
            let v = s.v;
            stop_if(v < s.r.end && cx.negated_verb(s.si, v) || v > s.np_end && cx.is(v - 1, class::PASSIVE_AUX))
        },
    },
    Guard {
        name: "anon_subj_push",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Western officials said [X]\", \"[X], analysts said.\", \"[X], say economists, …\": what they report.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "bare_plural_of_a_trade_with_long_said",
        apply: |cx, s, out| {
            if let Some(span) = reported(cx, s) {
                let (cue, reason) = (s.cue, ClaimReason::AnonymousSource);
                out.push(Candidate { span, cue, reason, source: Some(cue), backref: false });
            }
            Flow::Stop
        },
    },
];

impl<'a, 't> Context<'a, 't> {
    /// A bare plural source noun ("officials", "economists") as the subject
    /// of a reporting verb: "Western officials said [X]", "[X], analysts
    /// said.", "[X], say economists, …", "[X], scientists think, …". Runs
    /// [`GUARDS`].
    pub(super) fn anon_subject(&self, si: usize, h: &Hit, out: &mut Out) {
        let r = self.a.sentence_tokens[si].clone();
        let mut state = AnonSubject { si, h: *h, r, m: h.first, np_end: h.end, v: h.end, cue: Span::new(0, 0) };
        guard::run(GUARDS, self, &mut state, out);
    }
}

fn modifiers(cx: &Context, s: &mut AnonSubject, _: &mut Out) -> Flow {
    let (h, r) = (&s.h, &s.r);
    let mut m = h.first;
    while m > r.start && h.first - m < SOURCE_MODIFIERS {
        let p = m - 1;
        let t = &cx.a.tokens[p];
        // "Smith's lawyers": a possessive names whom they speak for.
        if cx.is(p, class::DEFINITE) || cx.is_possessive(p) {
            return Flow::Stop;
        }
        if (cx.is(p, class::DET) && !cx.is(p, class::REL)) || t.kind == TokenKind::Number {
            m = p;
            break;
        }
        // A quantity of people ("Beaucoup d'habitants", "scores of residents").
        if p > r.start && cx.is_quantity_of(p) {
            m = p - 1;
            if m > r.start && cx.is(m - 1, class::DET) {
                m -= 1;
            }
            break;
        }
        if t.kind != TokenKind::Word || cx.is(p, NOT_A_MODIFIER) || cx.is_report_verb(p) || cx.hit_at(p).is_some() {
            break;
        }
        m = p;
    }
    s.m = m;
    Flow::Next
}

fn complement(cx: &Context, s: &mut AnonSubject, _: &mut Out) -> Flow {
    let (h, r) = (&s.h, &s.r);
    // "Former detainees interviewed by the group said": a participle
    // and its complement qualify the source as a prepositional phrase does.
    let participle = h.end + 1 < r.end
        && cx.a.lang == crate::lang::Lang::En
        && cx.text(h.end).ends_with(EN_PAST_PARTICIPLE_ENDING)
        && cx.is(h.end + 1, class::PREP);
    if !(h.end < r.end && (cx.is(h.end, class::PREP) || participle)) {
        return Flow::Next;
    }
    let from = if participle { h.end + 1 } else { h.end };
    // "Farmers in the Ambra valley say": a place may be named.
    let place = cx.is(from, class::PLACE_PREP);
    let mut k = from + 1;
    while k < r.end
        && k - from <= SOURCE_COMPLEMENT
        && cx.a.tokens[k].kind == TokenKind::Word
        && (!cx.is_capitalized(k) || place)
        && !cx.is_report_verb(k)
        && (cx.is(k, class::DET | class::PREP) || !cx.is(k, FUNCTION) || coordinated(cx, k, from, r.end))
    {
        k += 1;
    }
    let mut v = cx.past_parenthetical_word(k, r.end);
    while v < r.end && cx.is(v, class::AUX | class::ADV) {
        v += 1;
    }
    let common = k > from + 1
        && (place
            || !cx
                .entities_from(cx.a.tokens[from].span.start, cx.a.tokens[k - 1].span.end)
                .iter()
                .any(|e| e.span.end <= cx.a.tokens[k - 1].span.end));
    if !(common && v < r.end && cx.is(v, class::REPORT)) {
        return Flow::Stop;
    }
    s.np_end = k;
    Flow::Next
}

/// "critics in the north and south said": a connective joining two common
/// nouns inside the complement.
fn coordinated(cx: &Context, k: usize, from: usize, end: usize) -> bool {
    k > from + 1 && k + 1 < end && cx.is(k, class::CONJ) && !cx.is(k + 1, FUNCTION) && !cx.is_capitalized(k + 1)
}

fn fr_adjectives(cx: &Context, s: &mut AnonSubject, _: &mut Out) -> Flow {
    let (h, r) = (&s.h, &s.r);
    let mut v = s.np_end;
    if cx.a.lang == crate::lang::Lang::Fr {
        while v < r.end
            && v - h.end < FR_POSTNOMINAL_ADJECTIVES
            && cx.a.tokens[v].kind == TokenKind::Word
            && !cx.is_capitalized(v)
            && !cx.is(v, FUNCTION)
            && !cx.is_report_verb(v)
        {
            v += 1;
        }
    }
    s.cue = cx.span(s.m, v);
    s.v = v;
    Flow::Next
}

/// What the source reports: the clause after its verb, or before the comma
/// before it ("[X], analysts said.").
fn reported(cx: &Context, s: &AnonSubject) -> Option<Span> {
    let (si, r, m, v) = (s.si, &s.r, s.m, s.v);
    // "…, ont indiqué des responsables": the verb and its auxiliaries
    // between the comma and the source.
    let mut before = m;
    if before > r.start && cx.is_report_verb(before - 1) {
        before -= 1;
        while before > r.start && cx.is(before - 1, class::AUX | class::ADV) {
            before -= 1;
        }
    }
    if v < r.end && cx.is_report_verb(v) && m > r.start && cx.is(m - 1, class::REL) && m - 1 > r.start {
        // "the plan, which critics say will raise rents": the relative
        // clause says it of its antecedent.
        cx.trimmed(m - 1, cx.clause_end(si, (v + 1).min(r.end - 1)))
    } else if v < r.end && cx.is_report_verb(v) {
        after_verb(cx, s)
    } else if before < m
        && before > r.start
        && cx.is(m - 1, class::REPORT)
        && cx.is_comma(before - 1)
        && (v >= r.end || cx.is_comma(v) || tail_only(cx, s, v))
    {
        // "…, say economists, …", "…, ont indiqué des responsables."
        before_comma(cx, s, before - 1, v)
    } else {
        None
    }
}

/// "officials said [X]", "officials said that [X]", "[X], officials said
/// Thursday.": the clause after the reporting verb, or before the source.
fn after_verb(cx: &Context, s: &AnonSubject) -> Option<Span> {
    let (si, r, m, v) = (s.si, &s.r, s.m, s.v);
    let comp = (v + 1..(v + COMP_AFTER_VERB).min(r.end))
        .take_while(|&k| cx.a.tokens[k].kind != TokenKind::Punct)
        .find(|&k| cx.is(k, class::COMP));
    if let Some(k) = comp {
        let end = cx.clause_end(si, k);
        cx.trimmed(k + 1, end.max(k + 1))
    } else if m > r.start && cx.is_comma(m - 1) && (tail_only(cx, s, v + 1) || v + 1 < r.end && cx.is_comma(v + 1)) {
        before_comma(cx, s, m - 1, v + 1)
    } else if after_ok(cx, s, cx.after_addressee(v, r.end))
        && (m == r.start
            || cx.clause_start(si, m) == m
            // "…, but critics said [X]".
            || (cx.clause_start(si, m)..m).all(|k| cx.is(k, class::CONJ | class::CONTRAST)))
    {
        let first = cx.after_addressee(v, r.end);
        let end = cx.clause_end(si, first);
        cx.trimmed(first, end.max(first))
    } else {
        None
    }
}

/// What may open the clause after the verb: after a neutral reporting
/// verb ("said weaker demand …") any word but a function word; after a cue
/// verb ("argued over why"), a determiner, pronoun, name or number.
fn after_ok(cx: &Context, s: &AnonSubject, k: usize) -> bool {
    let (r, v) = (&s.r, s.v);
    k < r.end
        && !cx.is_protected(cx.a.tokens[k].span.start)
        // "Officials said little about the timing": an object, no clause.
        && !cx.no_content_at(k, r.end)
        && if cx.is(v, class::REPORT) {
            matches!(cx.a.tokens[k].kind, TokenKind::Word | TokenKind::Number)
                && (!cx.is(k, class::PREP | class::CONJ | class::AUX | class::COMP) || cx.a.opens_quantity(k, r.end))
        } else {
            cx.is(k, class::DET | class::PRON) || cx.is_capitalized(k) || cx.a.tokens[k].kind == TokenKind::Number
        }
}

/// The few tokens from `k` reach the end of the sentence: a postposed
/// source ("…, officials said Thursday.").
fn tail_only(cx: &Context, s: &AnonSubject, k: usize) -> bool {
    let r = &s.r;
    (k..r.end).all(|j| !cx.is(j, class::COMP) && !cx.is_comma(j)) && r.end.saturating_sub(k) <= POSTPOSED_TAIL
}

/// The clause before the comma at `comma`, or, when that clause is a short
/// subject and a comma follows the source, the whole clause around it
/// ("The combination, say economists, marks …").
fn before_comma(cx: &Context, s: &AnonSubject, comma: usize, after: usize) -> Option<Span> {
    let start = cx.clause_start(s.si, comma);
    if after < s.r.end && cx.is_comma(after) && comma - start <= SHORT_SUBJECT {
        let end = cx.clause_end(s.si, after + 1);
        return cx.trimmed(start, end.max(after + 1));
    }
    cx.trimmed(start, comma)
}
