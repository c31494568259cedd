//! What a claim verb claims, the last guards of [`super::verb::GUARDS`]:
//! its complement or the clause before an inverted verb, then the source
//! and the reason it sets.

use super::guard::Flow;
use super::lexicon::{class, Role};
use super::verb::Verb;
use super::words::*;
use super::{Candidate, ClaimReason, Context, Hit};
use crate::span::Span;
use crate::text::TokenKind;

type Out = Vec<Candidate>;

/// The claim and the source of the verb: before an inverted verb ("…,
/// affirme X"), else its complement.
pub(super) fn claim_span(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    let found = if cx.verb_is_inverted(&v.h) { inverted_claim(cx, v) } else { complement_claim(cx, v) };
    match found {
        Some((Some(span), source)) => {
            v.span = span;
            v.source = source;
            Flow::Next
        }
        _ => Flow::Stop,
    }
}

/// "La panne est due à une attaque, affirme X.", "…, a-t-elle affirmé":
/// the clause before the comma, the subject after the verb.
fn inverted_claim(cx: &Context, v: &Verb) -> Option<(Option<Span>, Option<Span>)> {
    let (h, r) = (&v.h, &v.r);
    let mut j = h.first;
    while j > r.start && !cx.is_comma(j - 1) {
        j -= 1;
    }
    if j <= r.start + 1 {
        return None;
    }
    let s = cx.clause_start(v.si, j - 1);
    // "…, a-t-elle affirmé": the pronoun before the verb.
    let clitic = (j + 1..h.first).find(|&k| cx.text(k - 1).starts_with('-') && cx.is(k, class::PRON));
    let src_first = (h.end..r.end).find(|&k| !cx.text(k).starts_with('-')).unwrap_or(r.end);
    let src_end = cx.np_forward(src_first, r.end);
    let source = match clitic {
        Some(k) => Some(cx.span(k, k + 1)),
        None => (src_first < src_end).then(|| cx.span(src_first, src_end)),
    };
    Some((cx.trimmed(s, j - 1), source))
}

/// "X affirme que [Y]": the complement, up to a coordinated claim verb or a
/// contrastive clause; the subject before the verb.
fn complement_claim(cx: &Context, v: &Verb) -> Option<(Option<Span>, Option<Span>)> {
    let (si, h, r) = (v.si, &v.h, &v.r);
    let mut first = v.c;
    let clause_complement = first < r.end && cx.is(first, class::COMP);
    if first < r.end && (cx.is(first, class::COMP) || cx.text(first).eq_ignore_ascii_case(FR_DE)) {
        first += 1;
    }
    if first >= r.end || cx.a.tokens[first].kind == TokenKind::Punct && !cx.punct(first, OPENING_QUOTES) {
        // "Même si la mairie dément, …": nothing is asserted here.
        return None;
    }
    let mut end = cx.clause_end(si, h.end.saturating_sub(1).max(first));
    // "a nié [A] et accusé [B]", "claimed [A] even as X estimated [B]": a
    // coordinated claim verb or a contrastive clause ends it; after a
    // non-finite complement, so does a coordinated auxiliary ("denied
    // [taking …] and would request …").
    let non_finite = v.infinitive(cx) || cx.a.lang == crate::lang::Lang::En && cx.text(first).ends_with(EN_ING_ENDING);
    // "assure que « … » et a suspendu …": a quotation opening the
    // complement and followed by a coordination is the whole of it.
    let opens_quote = cx.punct(first, OPENING_QUOTES);
    if let Some(k) = (first + 1..end).find(|&k| {
        cx.is(k, class::CONTRAST)
            || opens_quote && cx.is(k, class::CONJ) && cx.punct(k - 1, CLOSING_QUOTES)
            // "denied the charges and was released on bail": after a
            // noun-phrase object too.
            || (non_finite || !clause_complement && !cx.is(first, class::PRON))
                && cx.is(k, class::CONJ)
                && k + 1 < end
                && cx.is(k + 1, class::AUX)
            || cx.is(k, class::CONJ) && {
                let mut n = k + 1;
                while n < end && cx.is(n, class::AUX | class::ADV) {
                    n += 1;
                }
                cx.hit_at(n).is_some_and(|x| matches!(x.cue.role, Role::Verb | Role::VerbThat))
            }
    }) {
        end = k;
    }
    let source = cx.subject_before(si, h.first);
    Some((cx.trimmed(first, end.max(first)), source))
}

pub(super) fn relative_subject(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    let Some(s) = v.source else { return Flow::Next };
    let r = &v.r;
    let f = cx.a.token_at_or_after(s.start);
    // (Only a subject opening the sentence: the clause before the comma is
    // then that noun phrase, short.)
    let cs = cx.clause_start(v.si, f.saturating_sub(2));
    if cx.a.token_at_or_after(s.end) == f + 1
        && cx.is(f, class::REL)
        && f >= r.start + 2
        && cx.is_comma(f - 1)
        && cs == r.start
        && f - 1 - cs <= RELATIVE_ANTECEDENT
    {
        v.source = cx.trimmed(cs, f - 1).or(v.source);
    } else if cx.a.token_at_or_after(s.end) == f + 1 && cx.is(f, class::REL) && f > r.start + 1 && cx.is_comma(f - 1) {
        // "a déclaré le policier Mohamed Abdulkadir, qui affirme que …",
        // "l'opposition, qui considère que …": the mention the comma closes.
        let held = cx.mentions.in_tokens(r.start, f - 1).filter(|m| m.end_tok == f - 1);
        v.source = held.min_by_key(|m| m.tok).map(|m| m.span).or(v.source);
    }
    Flow::Next
}

/// "X se défend de …, arguant que …": a participle after a comma shares
/// the source of the claim before it; "Il maintient sa contestation …,
/// affirmant que …", "les États-Unis se sont défendus en affirmant …": a
/// present participle after a comma or "en"/"by" has the main clause's
/// subject, the sentence's first mention that is no object.
pub(super) fn participle_source(cx: &Context, v: &mut Verb, out: &mut Out) -> Flow {
    let (h, r) = (&v.h, &v.r);
    let after_comma = h.first > r.start && cx.is_comma(h.first - 1);
    if v.source.is_none() && after_comma {
        let at = cx.a.tokens[h.first].span.start;
        v.source = out.iter().rev().find(|c| c.span.end <= at).and_then(|c| c.source);
    }
    let gerund = h.first > r.start && cx.lower_in(h.first - 1, GERUND_MARKERS);
    if (after_comma || gerund) && h.end == h.first + 1 && cx.is_present_participle(h.first) {
        use crate::detect::mentions::{Kind, Role as MRole};
        // (Not "Dans [un communiqué], les États-Unis …" after a preposition.)
        let subject = cx
            .mentions
            .in_tokens(r.start, h.first)
            .find(|m| m.role != MRole::Object && !(m.tok > r.start && cx.is(m.tok - 1, class::PREP)));
        if let Some(m) = subject.filter(|m| v.source.map_or(true, |s| !cx.mentions.at(s).is_some_and(|n| n == *m))) {
            // "[The minister] resigned on Friday, denying …": a description
            // whose one adjective is not followed by its verb group took the
            // verb for that adjective.
            let head = cx.a.token_at_or_after(m.head.start);
            let verb_taken = m.kind == Kind::Description
                && m.end_tok == head + 2
                && !cx.is(m.end_tok, class::AUX | class::CLITIC | class::NEG | class::ADV);
            v.source = Some(if verb_taken { cx.span(m.tok, head + 1) } else { m.span });
        }
    }
    Flow::Next
}

pub(super) fn source_reason(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    let Some(s) = v.source else { return Flow::Next };
    let r = &v.r;
    let first = cx.a.token_at_or_after(s.start);
    let last = cx.a.token_at_or_after(s.end);
    let media_name = cx.lex.media_names.contains(s.slice(cx.a.text))
        || cx
            .entities_from(s.start, s.end)
            .iter()
            .any(|e| e.span.end <= s.end && cx.lex.media_names.contains(e.span.slice(cx.a.text)));
    if media_name || (first..last).any(|k| cx.hit_at(k).is_some_and(|x| x.cue.role == Role::Media)) {
        v.reason = ClaimReason::SingleSource;
    }
    // "a à plusieurs reprises affirmé": an adverbial, not the subject.
    let after_prep = first > r.start && cx.is(first - 1, class::PREP);
    if first < last && !after_prep && cx.indefinite_source(first, last) && v.reason > ClaimReason::AnonymousSource {
        // The cue of an unidentified source is the source itself
        // (guidelines §3); the verb stays one of the claim's cues.
        v.anonymous_cue = Some(s);
    }
    // A bare source noun counts only as the head of the subject, and
    // not after a possessive ("Smith's lawyers").
    if (first..last).any(|k| {
        cx.hit_at(k).is_some_and(|x| {
            x.cue.role == Role::Anon
                || x.cue.role == Role::AnonSubj && x.end == last && !(first..k).any(|j| cx.is_possessive(j))
        })
    }) {
        v.reason = ClaimReason::AnonymousSource;
        v.anonymous_cue = Some(s);
    }
    // "Ces derniers affirment …": the name in the sentence before; "Il
    // a affirmé que …" after "Un responsable … a déclaré …": the
    // pronoun's antecedent, which may be unidentified.
    let (s, reason) = match cx.resolve_anaphor(v.si, s) {
        Some(resolved) => (resolved, v.reason),
        None => cx.through_pronoun(s, v.reason),
    };
    v.source = Some(s);
    v.reason = reason;
    Flow::Next
}

pub(super) fn relayed_source(cx: &Context, v: &mut Verb, out: &mut Out) -> Flow {
    let Some((pf, pe)) = v.parenthetical else { return Flow::Next };
    let cite = cx.is(pf, class::CITE);
    let relayed = cite && cx.indefinite_source(pf + 1, pe);
    let anon = match cx.hits_in(pf, pe).iter().find(|x| matches!(x.cue.role, Role::Anon | Role::AnonSubj)) {
        Some(x) => Some(cx.span(if cite { pf + 1 } else { x.first }, pe)),
        None => relayed.then(|| cx.span(pf + 1, pe)),
    };
    if let Some(anon) = anon {
        let reason = ClaimReason::AnonymousSource;
        out.push(Candidate { span: v.span, cue: anon, reason, source: Some(anon), backref: false });
    }
    Flow::Next
}

pub(super) fn push(cx: &Context, v: &mut Verb, out: &mut Out) -> Flow {
    let (h, span, source) = (&v.h, v.span, v.source);
    let cue = cx.span(h.first, h.end);
    out.push(Candidate { span, cue, reason: v.reason, source, backref: false });
    // An anonymity phrase before the verb ("…, qui a requis l'anonymat,
    // affirme") is the better cue; it makes its own candidate.
    // (Not one inside the subject itself: "Des riverains affirment".)
    let in_subject = |x: &Hit| {
        v.anonymous_cue.is_some_and(|s| {
            let t = cx.a.tokens[x.first].span;
            s.start <= t.start && t.end <= s.end
        })
    };
    let anonymity_phrase = cx
        .hits_in(v.r.start, h.first)
        .iter()
        .any(|x| matches!(x.cue.role, Role::Anon | Role::AnonSubj) && !in_subject(x));
    if let Some(cue) = v.anonymous_cue.filter(|_| !anonymity_phrase) {
        out.push(Candidate { span, cue, reason: ClaimReason::AnonymousSource, source, backref: false });
    }
    Flow::Stop
}
