//! Belief and forecast verbs that claim without "que"/"that", two guards
//! of [`super::verb::GUARDS`]: a judged object ("considèrent Taïwan comme
//! …") and an English forecast infinitive ("expects to have …").

use super::guard::Flow;
use super::lexicon::{class, Role};
use super::verb::Verb;
use super::{Candidate, ClaimReason, Context};
use crate::text::TokenKind;

type Out = Vec<Candidate>;

/// The word that opens the attribute of a judged object ("considère X
/// comme Y").
const ATTRIBUTE_OPENERS: &[&str] = &["comme"];

/// Relative pronouns standing for the object of the verb after them ("qu'il
/// considère comme …").
const OBJECT_RELATIVES: &[&str] = &["que", "qu'"];

/// Tokens at most between a belief verb and "comme".
const ATTRIBUTE_WINDOW: usize = 6;

/// A French belief verb without "que" that judges its object: "comme"
/// after the object ("considèrent Taïwan comme une partie de leur
/// territoire"). The clause up to the next comma is the judgement (a
/// hedge), its subject the source. (Not an object pronoun before the verb:
/// "l'estime" is as often the noun.)
pub(super) fn belief_object_attribute(cx: &Context, v: &mut Verb, out: &mut Out) -> Flow {
    let (si, h, r) = (v.si, &v.h, &v.r);
    let belief = cx.a.lang == crate::lang::Lang::Fr
        && h.cue.role == Role::VerbThat
        && h.cue.reason == ClaimReason::Hedge
        && !v.has_comp(cx)
        && !v.infinitive(cx);
    // "la RASD, qu'il considère comme …": the object is the relative
    // pronoun before the subject, the attribute follows the verb at once.
    let relative_object =
        h.first >= r.start + 2 && cx.lower_in(h.first - 2, OBJECT_RELATIVES) && cx.is(h.first - 1, class::PRON);
    let attribute = belief
        && (h.end..(h.end + ATTRIBUTE_WINDOW).min(r.end))
            .take_while(|&k| !cx.is_comma(k) && !cx.is(k, class::COMP))
            .any(|k| (k > h.end || relative_object) && cx.lower_in(k, ATTRIBUTE_OPENERS));
    if !attribute {
        return Flow::Next;
    }
    // The judgement ends at the next comma ("…, le président a déclaré").
    let end = (h.end..r.end).find(|&k| cx.is_comma(k)).unwrap_or(r.end).min(cx.clause_end(si, h.first));
    if let Some(span) = cx.trimmed(cx.clause_start(si, h.first), end) {
        let source = cx.subject_before(si, h.first);
        out.push(Candidate { span, cue: cx.span(h.first, h.end), reason: ClaimReason::Hedge, source, backref: false });
    }
    Flow::Stop
}

/// The English infinitive marker after a belief verb ("expects to have").
const INFINITIVE_MARKER: &[&str] = &["to"];

/// Forecast verbs whose own infinitive is a forecast ("expects to have");
/// not "thought to do" (considered doing).
const EXPECT_VERBS: &[&str] = &["expect", "expects"];

/// An English belief or forecast verb followed by its own infinitive ("The
/// company expects to have 200,000 customers"): the infinitive clause is
/// the forecast, the subject its source. (A bare clause after the verb,
/// "expects revenue to rise", is the `bare` flag's.)
pub(super) fn forecast_infinitive(cx: &Context, v: &mut Verb, out: &mut Out) -> Flow {
    let (si, h, r, c) = (v.si, &v.h, &v.r, v.c);
    let forecast = cx.a.lang == crate::lang::Lang::En
        && h.cue.role == Role::VerbThat
        && h.cue.bare
        && h.cue.reason == ClaimReason::Hedge
        && c + 1 < r.end
        && cx.lower_in(c, INFINITIVE_MARKER)
        && cx.a.tokens[c + 1].kind == TokenKind::Word;
    if !(forecast && cx.lower_in(h.first, EXPECT_VERBS)) {
        return Flow::Next;
    }
    let source = cx.subject_before(si, h.first);
    // "The tickets, which the company expects to sell out": the infinitive's
    // object is the relative pronoun; nothing is forecast of its own.
    let s = source.map_or(h.first, |s| cx.a.token_at_or_after(s.start));
    if cx.is(s, class::REL) || s > r.start && cx.is(s - 1, class::REL) {
        return Flow::Stop;
    }
    if let Some(span) = cx.trimmed(c + 1, cx.clause_end(si, c + 1).max(c + 2)) {
        out.push(Candidate { span, cue: cx.span(h.first, h.end), reason: ClaimReason::Hedge, source, backref: false });
    }
    Flow::Stop
}
