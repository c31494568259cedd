//! Role `frame`: a source frame ("selon X, [claim]", "according to X"), as
//! an ordered table of guards ([`GUARDS`]).

use super::guard::{self, stop_if, Flow, Guard};
use super::lexicon::{class, Role};
use super::words::*;
use super::{Candidate, ClaimReason, Context, EntityLabel, Hit};
use crate::span::Span;
use crate::text::TokenKind;
use std::ops::Range;

/// What the guards of one source frame share.
pub(super) struct Frame {
    si: usize,
    h: Hit,
    /// The sentence's tokens.
    r: Range<usize>,
    /// The source noun phrase: `np_start..source_end`; the frame ends at
    /// `np_end` (with a relay, a relative clause or an apposition).
    np_start: usize,
    np_end: usize,
    source_end: usize,
    /// A stressed pronoun is the whole source ("selon lui").
    stressed: bool,
    /// The clause holding the frame, and whether the frame opens it.
    start: usize,
    leading: bool,
    followed_by_comma: bool,
    /// Only punctuation follows the source ("…, selon eux.").
    trailing: bool,
    reason: ClaimReason,
    /// Anonymous-source hits inside the frame (not candidates of their own).
    used_anon: Vec<usize>,
}

type Out = Vec<Candidate>;

/// The source frame's guards, in the order they run.
pub(super) const GUARDS: &[Guard<Frame>] = &[
    Guard {
        name: "frame_source_noun_phrase",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"selon la police\", \"Il faudrait selon lui …\": the source noun phrase (a stressed pronoun alone).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "selon_la_meme_source_inherits_anonymity",
        apply: source_noun_phrase,
    },
    Guard {
        name: "frame_relative_pronoun",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"au ministère, selon lequel [le dispositif n'est pas …]\": the relative stands for the source before it.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "selon_lequel_frames_the_clause_after_it_fr",
        apply: relative_pronoun,
    },
    Guard {
        name: "frame_acronym",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"selon l'Office national des forêts (ONF), …\": the parenthesised acronym belongs to the source.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "frame_source_with_a_parenthesised_acronym",
        apply: acronym,
    },
    Guard {
        name: "frame_inline_pronoun",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Il faudrait selon lui deux ans …\": a stressed pronoun frame inside its clause, without commas.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "stressed_pronoun_frame_inside_its_clause_points_back",
        apply: inline_pronoun,
    },
    Guard {
        name: "frame_leading",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Selon X, [claim]\" / \"…, selon X\": whether the frame opens its clause (a comma before it does not).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "leading_frame_with_a_relative_clause_on_its_source",
        apply: leading,
    },
    Guard {
        name: "frame_relay",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"According to X, quoting Y, [claim]\": the relay belongs to the frame.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "frame_with_relayed_source",
        apply: relay,
    },
    Guard {
        name: "frame_pour_purpose",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"…, pour discuter d'un tracé\": \"pour\" frames a source only leading, before a comma, with a source.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "pour_is_usually_not_a_frame",
        apply: |cx, f, _| {
            let pour = cx.text(f.h.first).eq_ignore_ascii_case(FR_POUR);
            stop_if(pour && !(f.leading && f.followed_by_comma && cx.pour_source(f.np_start, f.np_end)))
        },
    },
    Guard {
        name: "frame_anonymous_source",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"selon des sources proches\", not \"analysts at Jefferies\": an anonymous source unless its body is named.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "selon_nos_informations",
        apply: anonymous_source,
    },
    Guard {
        name: "frame_indefinite_source",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"selon un conseiller de l'exécutif\": a source opened by an indefinite is unidentified.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "l_un_des_is_unidentified",
        apply: |cx, f, _| {
            if f.reason == ClaimReason::SingleSource && cx.indefinite_source(f.np_start, f.source_end) {
                f.reason = ClaimReason::AnonymousSource;
            }
            Flow::Next
        },
    },
    Guard {
        name: "frame_same_source",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"selon la même source\": the source named last, in this sentence or the two before, and its anonymity.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "selon_la_meme_source_inherits_anonymity",
        apply: same_source,
    },
    Guard {
        name: "frame_relative_on_source",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"according to one of the people, who spoke on condition of anonymity\": how the source spoke.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "relative_clause_on_a_frame_source_saying_it_spoke_anonymously",
        apply: relative_on_source,
    },
    Guard {
        name: "frame_trailing",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"…, selon eux.\": only punctuation after the source (before a name or apposition extends it).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "",
        apply: |cx, f, _| {
            f.trailing = (f.np_end..f.r.end).all(|j| cx.a.tokens[j].kind == TokenKind::Punct);
            Flow::Next
        },
    },
    Guard {
        name: "frame_name_without_comma",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"According to (the) Saudi Interior Ministry over 345 …\": without a comma, the name is the source.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "frame_without_comma",
        apply: name_without_comma,
    },
    Guard {
        name: "frame_apposition_on_source",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Pour Jeanne Dupont, économiste à l'Insee, [claim]\": an apposition on the source belongs to the frame.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "frame_source_with_an_apposition",
        apply: apposition_on_source,
    },
    Guard {
        name: "frame_push",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Selon X, [claim]\", \"[claim], selon X.\", \"la panne, selon X, pourrait …\": the claim the frame frames.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "trailing_selon_frame",
        apply: push,
    },
];

impl<'a, 't> Context<'a, 't> {
    /// The candidate of the source frame `h`: runs [`GUARDS`]. Anonymous
    /// sources used inside the frame go to `used_anon`.
    pub(super) fn frame(&self, si: usize, h: &Hit, out: &mut Out, used_anon: &mut Vec<usize>) {
        let r = self.a.sentence_tokens[si].clone();
        let mut state = Frame {
            si,
            h: *h,
            np_start: h.end,
            np_end: h.end,
            source_end: h.end,
            stressed: false,
            start: r.start,
            leading: false,
            followed_by_comma: false,
            trailing: false,
            r,
            reason: ClaimReason::SingleSource,
            used_anon: Vec::new(),
        };
        guard::run(GUARDS, self, &mut state, out);
        used_anon.append(&mut state.used_anon);
    }

    /// "Pour X," is a source frame when X is a stressed pronoun, a source
    /// noun, a capitalised name or a PER/ORG entity.
    pub(super) fn pour_source(&self, first: usize, end: usize) -> bool {
        if end - first > POUR_SOURCE {
            return false;
        }
        // "Pour la Fédération …": the name after the determiner.
        let name = if self.is(first, class::DET) && first + 1 < end && self.is_capitalized(first + 1) {
            first + 1
        } else {
            first
        };
        let start = self.a.tokens[name].span.start;
        self.is(first, class::STRESSED) && end == first + 1
            || self.hit_at(first).is_some_and(|h| h.cue.role == Role::SourceNoun)
            || self.is_capitalized(name)
            || self.entities_from(start, start + 1).iter().any(|e| matches!(e.label, EntityLabel::Per | EntityLabel::Org))
            // "Pour le sociologue Jean Dupont": a title, then the name.
            || (first..end.min(first + POUR_TITLE_THEN_NAME)).any(|k| {
                k > first && self.is_capitalized(k) && !self.is(k - 1, class::PREP) && self.a.tokens[k].kind == TokenKind::Word
            })
    }
}

fn source_noun_phrase(cx: &Context, f: &mut Frame, _: &mut Out) -> Flow {
    if f.np_start >= f.r.end {
        return Flow::Stop;
    }
    f.stressed = cx.is(f.np_start, class::STRESSED);
    f.np_end = if f.stressed {
        f.np_start + 1
    } else {
        quoted_name_end(cx, f.np_start, f.r.end).unwrap_or_else(|| cx.np_forward(f.np_start, f.r.end))
    };
    stop_if(f.np_end == f.np_start)
}

/// Opening and closing marks around a quoted source name.
const NAME_MARKS: &[(&str, &str)] = &[("\"", "\""), ("\u{201c}", "\u{201d}"), ("\u{ab}", "\u{bb}")];

/// Words at most in a quoted source name.
const QUOTED_NAME_WORDS: usize = 5;

/// The end of a source name between quotation marks opening at token `i`
/// ("according to \"El Mundo\"", "selon « Le Parisien »"): after the
/// closing mark, when only a few words, the first capitalised, stand
/// between the marks.
fn quoted_name_end(cx: &Context, i: usize, limit: usize) -> Option<usize> {
    let close = NAME_MARKS.iter().find(|(open, _)| cx.text(i) == *open)?.1;
    let k = (i + 1..(i + 2 + QUOTED_NAME_WORDS).min(limit)).find(|&k| cx.text(k) == close)?;
    let words = (i + 1..k).all(|j| cx.a.tokens[j].kind == TokenKind::Word);
    (k > i + 1 && words && cx.is_capitalized(i + 1)).then_some(k + 1)
}

/// "…, selon lequel [claim]", "…, according to which [claim]": the claim
/// is the clause after the relative pronoun; the source is what the
/// relative stands for, the noun phrase before the comma.
fn relative_pronoun(cx: &Context, f: &mut Frame, out: &mut Out) -> Flow {
    let (h, r) = (&f.h, &f.r);
    // (Not "pour lequel": "for which", a purpose.)
    if !cx.lower_in(f.np_start, FRAME_RELATIVES) || cx.text(h.first).eq_ignore_ascii_case(FR_POUR) {
        return Flow::Next;
    }
    let after = f.np_start + 1;
    // The antecedent: from the last determiner before the comma that does
    // not open a complement ("au ministère [de la Justice]", "a report").
    let comma = h.first.checked_sub(1).filter(|&c| c > r.start && cx.is_comma(c));
    let antecedent = comma.and_then(|c| {
        (c.saturating_sub(MAX_SOURCE).max(r.start)..c)
            .rev()
            .find(|&k| {
                let of = |j: usize| cx.is(j, class::PREP) || cx.lower_in(j, NOUN_COMPLEMENT_PREPOSITIONS);
                cx.is(k, class::DET) && !of(k) && !(k > r.start && of(k - 1))
            })
            .map(|k| cx.span(k, c))
    });
    // (An embedded relative ends at its comma: "Le rapport, selon lequel
    // [X], a été publié".)
    let end = (after..r.end).find(|&k| cx.is_comma(k)).unwrap_or(r.end).min(cx.clause_end(f.si, after));
    if let Some(span) = cx.trimmed(after, end) {
        let cue = cx.span(h.first, after);
        out.push(Candidate { span, cue, reason: ClaimReason::SingleSource, source: antecedent, backref: false });
    }
    Flow::Stop
}

fn acronym(cx: &Context, f: &mut Frame, _: &mut Out) -> Flow {
    let (np_end, r) = (f.np_end, &f.r);
    if np_end < r.end && cx.text(np_end) == OPENING_BRACKET {
        f.np_end = (np_end + 1..(np_end + ACRONYM).min(r.end))
            .find(|&k| cx.text(k) == CLOSING_BRACKET)
            .map_or(np_end, |k| k + 1);
    }
    Flow::Next
}

fn inline_pronoun(cx: &Context, f: &mut Frame, out: &mut Out) -> Flow {
    let (si, h, r, np_end) = (f.si, &f.h, &f.r, f.np_end);
    let inline = f.stressed
        && h.first > r.start
        && !cx.is_comma(h.first - 1)
        && np_end < r.end
        && cx.a.tokens[np_end].kind != TokenKind::Punct;
    if !inline {
        return Flow::Next;
    }
    let start = cx.clause_start(si, h.first);
    if let Some(span) = cx.trimmed(start, cx.clause_end(si, np_end)) {
        let cue = cx.span(h.first, np_end);
        let (source, reason) = cx.through_pronoun(cx.span(f.np_start, np_end), ClaimReason::SingleSource);
        out.push(Candidate { span, cue, reason, source: Some(source), backref: false });
    }
    Flow::Stop
}

fn leading(cx: &Context, f: &mut Frame, _: &mut Out) -> Flow {
    let (h, r) = (&f.h, &f.r);
    let start = cx.clause_start(f.si, h.first);
    // Leading: only connectives between the clause start and the frame
    // (a comma before the frame does not make it leading: "…, selon X").
    // "…, mais, selon X, [claim]": a connective and its comma before the
    // frame open the clause as well.
    let after_connective = start >= r.start + 2 && cx.is_comma(start - 1) && cx.is(start - 2, class::CONJ);
    f.leading = (start..h.first).all(|j| cx.is(j, class::CONJ) || cx.is_comma(j))
        && (start == r.start || !cx.is_comma(start - 1) || start < h.first || after_connective);
    f.start = start;
    f.source_end = f.np_end;
    f.followed_by_comma = f.np_end < r.end && cx.is_comma(f.np_end);
    Flow::Next
}

fn relay(cx: &Context, f: &mut Frame, _: &mut Out) -> Flow {
    let (np_end, r) = (f.np_end, &f.r);
    if f.followed_by_comma && np_end + 1 < r.end && cx.is(np_end + 1, class::CITE) {
        if let Some(k) = (np_end + 2..r.end.min(np_end + 2 + MAX_SEGMENT)).find(|&k| cx.is_comma(k)) {
            f.np_end = k;
        }
        f.followed_by_comma = true;
    }
    Flow::Next
}

fn anonymous_source(cx: &Context, f: &mut Frame, _: &mut Out) -> Flow {
    let np_end = f.np_end;
    for a in cx.hits_in(f.np_start, np_end).iter().filter(|a| matches!(a.cue.role, Role::Anon | Role::AnonSubj)) {
        f.used_anon.push(a.first);
        // "analysts at Jefferies", "des experts de l'OMS": the body
        // they speak for is named.
        let of_named_body = a.end + 1 < np_end
            && cx.lower_in(a.end, BODY_PREPOSITIONS)
            && ({
                // An organisation starting on one of the two tokens after the preposition.
                let from = cx.a.tokens[a.end + 1].span.start;
                let to = cx.a.tokens.get(a.end + 3).map_or(cx.a.text.len() + 1, |t| t.span.start);
                cx.entities_from(from, to).iter().any(|e| e.label == EntityLabel::Org)
            } || cx.is_capitalized(a.end + 1) && !cx.is(a.end + 1, class::DET));
        if !of_named_body {
            f.reason = ClaimReason::AnonymousSource;
        }
    }
    Flow::Next
}

fn same_source(cx: &Context, f: &mut Frame, _: &mut Out) -> Flow {
    if !(f.reason == ClaimReason::SingleSource && (f.np_start..f.source_end).any(|k| cx.is(k, class::SAME))) {
        return Flow::Next;
    }
    let start = cx.a.tokens[f.np_start].span.start;
    let last = cx.earlier_sources(start, f.si.saturating_sub(SAME_SOURCE_SENTENCES)).first().copied();
    if let Some(m) = last {
        let (first, end) = (cx.a.token_at_or_after(m.start), cx.a.token_at_or_after(m.end));
        let anonymous = cx.indefinite_source(first, end)
            || cx.hits_in(first, end).iter().any(|x| matches!(x.cue.role, Role::Anon | Role::AnonSubj));
        if anonymous {
            f.reason = ClaimReason::AnonymousSource;
        }
    }
    Flow::Next
}

fn relative_on_source(cx: &Context, f: &mut Frame, _: &mut Out) -> Flow {
    let (source_end, r) = (f.source_end, &f.r);
    if source_end + 1 < r.end && cx.is_comma(source_end) && cx.is(source_end + 1, class::REL) {
        let close = (source_end + 2..r.end).find(|&k| cx.is_comma(k)).unwrap_or(r.end);
        for a in cx.hits_in(source_end + 1, close).iter().filter(|a| a.cue.role == Role::Anon) {
            f.used_anon.push(a.first);
            f.reason = ClaimReason::AnonymousSource;
        }
        // "According to an official, who …, [claim]".
        if f.leading && close < r.end && f.np_end == source_end {
            f.np_end = close;
        }
    }
    Flow::Next
}

fn name_without_comma(cx: &Context, f: &mut Frame, _: &mut Out) -> Flow {
    let (np_start, r) = (f.np_start, &f.r);
    let mut name = np_start;
    while name < f.np_end && name - np_start < FRAME_DETERMINERS && cx.is(name, class::DET) {
        name += 1;
    }
    if f.leading && !f.followed_by_comma && cx.is_capitalized(name) {
        let mut e = name;
        while e < r.end && (cx.is_capitalized(e) || cx.is_possessive(e)) && e - name < FRAME_NAME {
            e += 1;
        }
        (f.np_end, f.followed_by_comma) = (e, e < r.end);
    }
    Flow::Next
}

fn apposition_on_source(cx: &Context, f: &mut Frame, _: &mut Out) -> Flow {
    let (np_end, r) = (f.np_end, &f.r);
    // (A bare role noun and its complement: "According to Paul Durand,
    // spokesman for the city, [claim]".)
    let apposition = f.leading && f.followed_by_comma && cx.is_comma(np_end) && np_end + 2 < r.end && {
        let w = np_end + 1;
        cx.a.tokens[w].kind == TokenKind::Word
            && !cx.is_capitalized(w)
            && !cx.is(w, FUNCTION)
            && (cx.is(w + 1, class::PREP) || cx.is_comma(w + 1) || cx.lower_in(w + 1, NOUN_COMPLEMENT_PREPOSITIONS))
    };
    // "Selon Jean Dupont, de l'Université de Lille ; « … »", "Selon Paul
    // Durand, l'un des conseillers du ministre, « … »".
    let of_body =
        f.leading && f.followed_by_comma && cx.is_comma(np_end) && body_or_member_apposition(cx, np_end + 1, r.end);
    if apposition || of_body {
        // (It ends at a comma, or before a quotation: "pour X, membre du
        // comité : « … »".)
        f.np_end = (np_end + 2..(np_end + SOURCE_APPOSITION).min(r.end))
            .find(|&k| cx.is_comma(k) || cx.punct(k, APPOSITION_ENDS))
            .unwrap_or(np_end);
    }
    Flow::Next
}

/// An apposition at token `w` naming the body a source belongs to ("de
/// l'Université de Lille", "of the World Bank") or making it one of a group
/// ("l'un des conseillers", "one of the organisers").
fn body_or_member_apposition(cx: &Context, w: usize, limit: usize) -> bool {
    if w + 2 >= limit {
        return false;
    }
    let name = if cx.is(w + 1, class::DET) { w + 2 } else { w + 1 };
    let of_body = cx.lower_in(w, BODY_PREPOSITIONS) && name < limit && cx.is_capitalized(name);
    let k = if cx.is(w, class::DET) { w + 1 } else { w };
    let member = k + 1 < limit && cx.lower_in(k, MEMBER_OF_GROUP.0) && cx.lower_in(k + 1, MEMBER_OF_GROUP.1);
    of_body || member
}

fn push(cx: &Context, f: &mut Frame, out: &mut Out) -> Flow {
    let (h, np_end) = (&f.h, f.np_end);
    let (source, cue) = (cx.span(f.np_start, f.source_end.min(np_end)), cx.span(h.first, np_end));
    // "Selon lui, …" after "Un responsable a déclaré …".
    let (source, reason) = if f.stressed { cx.through_pronoun(source, f.reason) } else { (source, f.reason) };
    if let Some(span) = framed_clause(cx, f) {
        out.push(Candidate { span, cue, reason, source: Some(source), backref: false });
    }
    Flow::Stop
}

/// The clause a frame frames: after a leading frame, before a trailing
/// one, around an embedded one.
fn framed_clause(cx: &Context, f: &Frame) -> Option<Span> {
    let (si, h, r, np_end) = (f.si, &f.h, &f.r, f.np_end);
    let (leading, followed_by_comma, trailing) = (f.leading, f.followed_by_comma, f.trailing);
    if trailing && !leading && h.first > r.start {
        // "…, according to X." / "…, selon eux.": the clause before.
        let s = cx.clause_start(si, h.first - 1);
        cx.trimmed(s, h.first)
    } else if leading && followed_by_comma && !cx.is_comma(np_end) {
        let end = cx.clause_end(si, np_end);
        cx.trimmed(np_end, end)
    } else if leading && followed_by_comma {
        let end = cx.clause_end(si, np_end + 1);
        cx.trimmed(np_end + 1, end)
    } else if trailing || !followed_by_comma {
        // "…, selon eux." / "… selon X": the clause before the frame.
        if h.first == r.start {
            return None;
        }
        let s = cx.clause_start(si, h.first - 1);
        cx.trimmed(s, h.first)
    } else if h.first > r.start + 2
        && cx.is_comma(h.first - 1)
        && !cx.is(h.first - 2, class::REL | class::COMP | class::CONJ | class::SUB | class::PREP)
        && h.first - 1 - cx.clause_start(si, h.first - 2) > FRAME_CLOSES_CLAUSE
    {
        // "[A whole clause], according to X, with …": the frame closes
        // the clause before it; what follows is an appendix.
        let s = cx.clause_start(si, h.first - 2);
        cx.trimmed(s, h.first - 1)
    } else if h.first > r.start + 1
        && cx.is_comma(h.first - 1)
        && followed_by_comma
        && np_end + 1 < r.end
        && cx.is(np_end + 1, class::REL)
    {
        // "[X], according to one official, who spoke …": the relative
        // clause is about the source; the claim is before the frame.
        let s = cx.clause_start(si, h.first - 2);
        cx.trimmed(s, h.first - 1)
    } else {
        // Embedded: "la panne, selon X, pourrait …".
        let end = cx.clause_end(si, np_end + 1);
        cx.trimmed(f.start, end)
    }
}
