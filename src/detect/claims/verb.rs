//! Roles `verb` and `verb-that`: a claim verb ("X a affirmé [claim]",
//! "X denied [claim]"), as an ordered table of guards ([`GUARDS`]).

use super::guard::{self, stop_if, Flow, Guard};
use super::lexicon::{class, Role};
use super::words::*;
use super::{Candidate, ClaimReason, Context, Hit};
use crate::span::Span;
use crate::text::{phrase, TokenKind};
use std::ops::Range;

/// What the guards of one claim verb share.
pub(super) struct Verb {
    pub(super) si: usize,
    pub(super) h: Hit,
    /// The sentence's tokens.
    pub(super) r: Range<usize>,
    /// Where the complement starts: past adverbs, inverted clitics, a
    /// parenthetical and a short adverbial.
    pub(super) c: usize,
    /// A parenthetical between commas before the complementizer (its tokens).
    pub(super) parenthetical: Option<(usize, usize)>,
    /// The claim, once found, and what the source makes of it.
    pub(super) span: Span,
    pub(super) source: Option<Span>,
    pub(super) reason: ClaimReason,
    /// An unidentified source, which is the better cue.
    pub(super) anonymous_cue: Option<Span>,
}

impl Verb {
    /// The complement opens with a complementizer ("denied that …").
    pub(super) fn has_comp(&self, cx: &Context) -> bool {
        self.c < self.r.end && cx.is(self.c, class::COMP)
    }

    /// "assure avoir coupé les accès", "affirme n'avoir rien vu": a French
    /// infinitive complement shares the subject of the claim verb.
    pub(super) fn infinitive(&self, cx: &Context) -> bool {
        let (c, r) = (self.c, &self.r);
        cx.a.lang == crate::lang::Lang::Fr && c < r.end && {
            let k = if cx.lower_in(c, FR_INFINITIVE_NEGATION) { c + 1 } else { c };
            k < r.end
                && !cx.is_capitalized(k)
                && FR_INFINITIVE_ENDINGS.iter().any(|e| crate::case::lower_str(cx.text(k)).ends_with(e))
        }
    }
}

type Out = Vec<Candidate>;

use super::verb_belief::{belief_object_attribute, forecast_infinitive};
use super::verb_claim::{claim_span, participle_source, push, relative_subject, relayed_source, source_reason};

/// The claim verb's guards, in the order they run.
pub(super) const GUARDS: &[Guard<Verb>] = &[
    Guard {
        name: "verb_negated",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"The group has not claimed …\", \"Personne n'a revendiqué …\": a negated verb asserts nothing.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "negated_claim_verb_asserts_nothing",
        apply: |cx, v, _| stop_if(cx.negated_verb(v.si, v.h.first)),
    },
    Guard {
        name: "verb_passive_is_predicate",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"The doctors are also accused of …\": a passive claim verb is a predicate cue, its subject the accused.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "passive_accusation_with_an_adverb_is_a_predicate",
        apply: passive_is_predicate,
    },
    Guard {
        name: "verb_inverted_after_quotation",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"« … » clame-t-il\": an inverted reporting clause after a quotation reports only the quotation.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "inverted_claim_verb_after_a_quotation_reports_only_the_quotation",
        apply: inverted_after_quotation,
    },
    Guard {
        name: "verb_negative_subject_noun",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"received no reports of looting\", \"aucune accusation\": a noun after a negative determiner.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "",
        apply: |cx, v, _| stop_if(v.h.first > v.r.start && cx.is(v.h.first - 1, class::NEG_SUBJECT)),
    },
    Guard {
        name: "verb_english_claim_noun",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"its claim that the vote was rigged\": an English claim noun with its complement.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "claim_noun_with_a_that_clause_after_a_possessive",
        apply: |cx, v, out| stop_if(cx.a.lang == crate::lang::Lang::En && cx.noun_claim(v.si, &v.h, out).is_some()),
    },
    Guard {
        name: "verb_noun_after_determiner",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"l'accusé\", \"the claims\": a noun after a determiner, not a verb (\"rencontrer l'accusé\").",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "maintient_que_and_a_participle_noun_after_an_elided_article_fr",
        apply: noun_after_determiner,
    },
    Guard {
        name: "verb_demonstrative_object",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"a démenti ces accusations\": an object pointing back is the claim, not what follows it.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "denial_of_a_demonstrative_allegation_is_that_noun_phrase",
        apply: demonstrative_object,
    },
    Guard {
        name: "verb_postposed_subject",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"[X], the military claimed (on Monday).\": a postposed subject and verb close the sentence.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "postposed_subject_and_claim_verb",
        apply: postposed_subject,
    },
    Guard {
        name: "verb_apposed_object",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"[X], a claim the group denies\": the verb of an apposition takes the clause before it.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "apposed_inverted_denial_fr",
        apply: apposed_object,
    },
    Guard {
        name: "verb_past_adverbs",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"denied knowingly taking\", \"affirme-t-il\": the complement starts past adverbs and inverted clitics.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "denied_adverb_gerund_and_coordinated_auxiliary",
        apply: past_adverbs,
    },
    Guard {
        name: "verb_lone_adverb",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"X dément catégoriquement.\", \"He denied it strongly.\": a lone adverb closing the sentence is no object.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "lone_adverb_after_a_denial_is_no_object",
        apply: lone_adverb,
    },
    Guard {
        name: "verb_parenthetical",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"claimed, without providing evidence, that …\": a parenthetical between commas before the complementizer.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "claim_without_evidence_parenthetical_fr",
        apply: parenthetical,
    },
    Guard {
        name: "verb_adverbial_before_comp",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"denied on Tuesday that …\", \"a démenti mardi que …\": a short adverbial before the clause.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "denied_on_a_day_is_not_an_object",
        apply: |cx, v, _| {
            if !v.has_comp(cx) {
                if let Some(k) = cx.adverbial_before_comp(v.c, v.r.end) {
                    v.c = k;
                }
            }
            Flow::Next
        },
    },
    Guard {
        name: "verb_demand_object",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"revendiquent une forte hausse\", \"claimed a third title\": a demand or a win, not an assertion.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "demand_is_not_a_claim_fr",
        apply: demand_object,
    },
    Guard {
        name: "verb_demand_to",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"claims to the islands\": a right demanded, not \"claims to have seen it\".",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "claim_noun_without_an_asserting_complement_is_no_claim",
        apply: demand_to,
    },
    Guard {
        name: "verb_english_noun",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"asylum claims over 150,000\": an English form is a verb only before a clause or an object.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "claims_as_a_noun_en",
        apply: english_noun,
    },
    Guard {
        name: "verb_belief_object_attribute",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Les autorités considèrent Taïwan comme leur territoire\": a judged object, the clause up to a comma.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "belief_verb_with_an_object_and_its_attribute_fr",
        apply: belief_object_attribute,
    },
    Guard {
        name: "verb_forecast_infinitive",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"The company expects to have 200,000 customers\": a belief verb's own infinitive is the forecast.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "expects_to_with_its_own_infinitive",
        apply: forecast_infinitive,
    },
    Guard {
        name: "verb_that_postposed",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"[X], the newspaper reports.\": a verb-that cue without its clause frames the clause before.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "bare_plural_source_cue_verb_without_clause",
        apply: |cx, v, out| {
            let bare = v.h.cue.role == Role::VerbThat
                && !v.has_comp(cx)
                && !v.infinitive(cx)
                && !cx.verb_is_inverted(&v.h)
                && !cx.bare_clause(v.si, &v.h, v.c);
            if bare {
                cx.postposed(v.si, &v.h, out);
            }
            stop_if(bare)
        },
    },
    Guard {
        name: "verb_disowned",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"a teacher mistakenly thought …\": the article disowns the belief.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "belief_disowned_by_the_article",
        apply: disowned,
    },
    Guard {
        name: "verb_hypothetical",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"si elle estime que …\", \"if they believe that …\": a hedge inside an if-clause is hypothetical.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "belief_verb_inside_if_clause_fr",
        apply: |cx, v, _| {
            let from = v.h.first.saturating_sub(HYPOTHETICAL_WINDOW).max(v.r.start);
            stop_if(
                v.h.cue.reason == ClaimReason::Hedge
                    && cx.hits_in(from, v.h.first).iter().any(|x| x.cue.role == Role::Hypothetical),
            )
        },
    },
    Guard {
        name: "verb_claim_span",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"La panne est due à une attaque, affirme X.\" / \"X affirme que [Y]\": the clause before or after the verb.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "affirme_que",
        apply: claim_span,
    },
    Guard {
        name: "verb_relative_subject",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"The chief executive, who has denied wrongdoing, …\": the relative pronoun stands for the noun phrase.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "relative_pronoun_source_stands_for_the_subject_before",
        apply: relative_subject,
    },
    Guard {
        name: "verb_participle_shares_source",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"X se défend de …, arguant que …\": a participle after a comma shares the verb's source before it.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "denial_and_participle_fr",
        apply: participle_source,
    },
    Guard {
        name: "verb_source_reason",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Le quotidien affirme\", \"Des riverains affirment\", \"Ces derniers affirment\": the source sets the reason.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "quantity_of_people_is_an_unidentified_source_fr",
        apply: source_reason,
    },
    Guard {
        name: "verb_relayed_source",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"reported, citing unnamed officials, that …\": the relayed source is unidentified.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "media_report_citing_unnamed_officials_is_anonymous",
        apply: relayed_source,
    },
    Guard {
        name: "verb_push",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "The claim; an unidentified subject (\"Des riverains affirment\") is a second, better cue.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "worry_that_with_unidentified_subject",
        apply: push,
    },
];

impl<'a, 't> Context<'a, 't> {
    /// The candidates of the claim verb `h`: runs [`GUARDS`].
    pub(super) fn verb(&self, si: usize, h: &Hit, out: &mut Out) {
        let r = self.a.sentence_tokens[si].clone();
        let mut state = Verb {
            si,
            h: *h,
            c: h.end,
            r,
            parenthetical: None,
            span: Span::new(0, 0),
            source: None,
            reason: h.cue.reason,
            anonymous_cue: None,
        };
        guard::run(GUARDS, self, &mut state, out);
    }

    /// A source and its verb after the clause they frame: "[X], Reuters
    /// reported on Monday.", "[X], the newspaper reports."
    pub(super) fn postposed(&self, si: usize, h: &Hit, out: &mut Out) {
        let r = self.a.sentence_tokens[si].clone();
        let Some(source) = self.subject_before(si, h.first) else { return };
        let s = self.a.token_at_or_after(source.start);
        // A name or a determiner opens the source; none just before the verb ("saisir le juge").
        if !(self.is(s, class::DET) || self.is_capitalized(s)) || self.is(h.first - 1, class::DET | class::CLITIC) {
            return;
        }
        let tail_short =
            (h.end..r.end).all(|j| !self.is(j, class::COMP) && !self.is_comma(j)) && r.end - h.end <= POSTPOSED_TAIL;
        if s < r.start + 2 || !self.is_comma(s - 1) || !tail_short || s + POSTPOSED_SOURCE < h.first {
            return;
        }
        let start = self.clause_start(si, s - 2);
        if let Some(span) = self.trimmed(start, s - 1) {
            let cue = self.span(h.first, h.end);
            out.push(Candidate { span, cue, reason: h.cue.reason, source: Some(source), backref: false });
        }
    }
}

fn passive_is_predicate(cx: &Context, v: &mut Verb, out: &mut Out) -> Flow {
    let (h, r) = (&v.h, &v.r);
    // At most PASSIVE_ADVERBS adverbs between the auxiliary and the participle.
    let adverb = |k: usize| (cx.is(k, class::ADV) || cx.is_ly_adverb(k)) && h.first - (k + 1) < PASSIVE_ADVERBS;
    let b = phrase::verb_group_start(h.first, r.start, adverb);
    // (Only with its complement, "accused of / by", "accusé de / par":
    // "was denied visas", "was poorly maintained" are no claims.)
    let complement = h.end < r.end && cx.lower_in(h.end, PASSIVE_COMPLEMENTS);
    let passive = b > r.start && b <= h.first && cx.is(b - 1, class::PASSIVE_AUX) && complement;
    if passive {
        let mut as_pred = *h;
        as_pred.cue.role = Role::Pred;
        cx.pred(v.si, &as_pred, out);
    }
    stop_if(passive)
}

fn inverted_after_quotation(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    let (h, r) = (&v.h, &v.r);
    let p = phrase::verb_group_start(h.first, r.start, |k| cx.is(k, class::AUX));
    stop_if(
        h.end < r.end
            && cx.text(h.end).starts_with('-')
            && p > r.start
            && (CLOSING_QUOTE_TOKENS.contains(&cx.text(p - 1)) || cx.is_protected(cx.a.tokens[p - 1].span.start)),
    )
}

fn noun_after_determiner(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    let (h, r) = (&v.h, &v.r);
    // "Certains estiment que …": a quantifier standing alone as the
    // subject, the verb before its complementizer.
    if h.first > r.start
        && cx.lower_in(h.first - 1, STANDALONE_QUANTIFIERS)
        && cx.clause_start(v.si, h.first - 1) == h.first - 1
        && cx.is(h.end, class::COMP)
    {
        return Flow::Next;
    }
    // ("L'accusé a reconnu": an elided article opening the clause, where an
    // object clitic would need a subject before it.)
    stop_if(
        h.first > r.start
            && cx.is(h.first - 1, class::DET)
            && (!cx.is(h.first - 1, class::CLITIC | class::PRON)
                || cx.clause_start(v.si, h.first - 1) == h.first - 1
                || h.end == h.first + 1 && cx.is_elided_noun(h.first)),
    )
}

fn demonstrative_object(cx: &Context, v: &mut Verb, out: &mut Out) -> Flow {
    let (h, r) = (&v.h, &v.r);
    let mut o = h.end;
    while o < r.end && (cx.is(o, class::ADV) || cx.is_ly_adverb(o)) {
        o += 1;
    }
    // ("denied that allegations of fraud had …": "that" before a plural
    // is the complementizer.)
    let demonstrative_object = o + 1 < r.end
        && cx.is_demonstrative(o)
        && cx.is(o + 1, class::ALLEGATION | class::CLAIM_NOUN)
        && !(cx.is(o, class::COMP) && cx.text(o + 1).ends_with('s'));
    if !(h.cue.reason == ClaimReason::Claimed && demonstrative_object) {
        return Flow::Next;
    }
    if let Some(span) = cx.trimmed(o, o + 2) {
        let cue = cx.span(h.first, h.end);
        let source = cx.subject_before(v.si, h.first);
        out.push(Candidate { span, cue, reason: h.cue.reason, source, backref: false });
    }
    Flow::Stop
}

fn postposed_subject(cx: &Context, v: &mut Verb, out: &mut Out) -> Flow {
    let (si, h, r) = (v.si, &v.h, &v.r);
    let postposed = cx
        .report_clause_end(si, h.first)
        .and_then(|close| cx.postposed_subject(si, h.first).map(|(comma, subject)| (close, comma, subject)));
    let Some((close, comma, subject)) = postposed else { return Flow::Next };
    // "Critics, the minister claimed, are paid …": embedded in the
    // clause, which goes on after it.
    let goes_on = close + 1 < r.end
        && !(cx.is(close + 1, class::PREP | class::CONJ | class::SUB | class::CONTRAST | class::COMP)
            || cx.is_present_participle(close + 1)
            || cx.hit_at(close + 1).is_some());
    let span = if goes_on {
        let s = cx.clause_start(si, comma - 1);
        cx.trimmed(s, cx.clause_end(si, close + 1))
    } else {
        cx.clause_before_apposition(si, comma)
    };
    if let Some(span) = span {
        let cue = cx.span(h.first, h.end);
        let (source, reason) = cx.through_pronoun(subject, h.cue.reason);
        out.push(Candidate { span, cue, reason, source: Some(source), backref: false });
    }
    Flow::Stop
}

fn apposed_object(cx: &Context, v: &mut Verb, out: &mut Out) -> Flow {
    let h = &v.h;
    let Some((span, source)) = cx.apposed_object_clause(v.si, h) else { return Flow::Next };
    let cue = cx.span(h.first, h.end);
    out.push(Candidate { span, cue, reason: h.cue.reason, source, backref: false });
    Flow::Stop
}

fn past_adverbs(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    let mut c = v.c;
    while c < v.r.end
        && (cx.is(c, class::ADV) || cx.is_ly_adverb(c) || cx.text(c).starts_with('-') || cx.is(c, class::PRON))
    {
        if cx.is(c, class::PRON) && !cx.text(c - 1).starts_with('-') {
            break;
        }
        c += 1;
    }
    v.c = c;
    Flow::Next
}

fn lone_adverb(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    let rest: Vec<usize> = (v.c..v.r.end).filter(|&k| cx.a.tokens[k].kind != TokenKind::Punct).collect();
    if let [only] = rest[..] {
        let w = cx.text(only);
        if !cx.is_capitalized(only)
            && w.chars().count() > LONE_ADVERB_MIN_CHARS
            && LONE_ADVERB_ENDINGS.iter().any(|e| w.ends_with(e))
        {
            return Flow::Stop;
        }
    }
    Flow::Next
}

fn parenthetical(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    let (c, r) = (v.c, &v.r);
    if c < r.end && cx.is_comma(c) {
        if let Some(close) = (c + 1..(c + PARENTHETICAL).min(r.end)).find(|&k| cx.is_comma(k)) {
            if close + 1 < r.end && cx.is(close + 1, class::COMP) {
                v.parenthetical = Some((c + 1, close));
                v.c = close + 1;
            }
        }
    }
    Flow::Next
}

fn demand_object(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    if !v.h.cue.demand || v.has_comp(cx) {
        return Flow::Next;
    }
    let (c, r) = (v.c, &v.r);
    let mut k = c;
    while k < r.end && k < c + DEMAND_DETERMINERS && (cx.is(k, class::DET) || cx.a.tokens[k].kind == TokenKind::Elision)
    {
        k += 1;
    }
    stop_if((k..(k + DEMAND_OBJECT_WORDS).min(r.end)).any(|j| cx.is(j, class::DEMAND_OBJECT)))
}

fn demand_to(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    let (c, r) = (v.c, &v.r);
    stop_if(
        v.h.cue.demand
            && !v.has_comp(cx)
            && c + 1 < r.end
            && cx.text(c).eq_ignore_ascii_case(EN_TO)
            && (cx.is(c + 1, class::DET | class::POSSESSIVE) || cx.is_capitalized(c + 1)),
    )
}

fn english_noun(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    let (h, c, r) = (&v.h, v.c, &v.r);
    if !(cx.a.lang == crate::lang::Lang::En && h.cue.role == Role::Verb && !cx.verb_is_inverted(h)) {
        return Flow::Next;
    }
    let next_ok = c < r.end
        && (cx.is(c, class::COMP | class::DET | class::PRON)
            || cx.is_capitalized(c)
            || cx.a.tokens[c].kind == TokenKind::Number
            || cx.is(c, class::NUMERAL)
            || cx.punct(c, EN_OBJECT_QUOTES)
            || EN_VERB_OBJECT_WORDS.iter().any(|w| cx.text(c).eq_ignore_ascii_case(w))
            // "accused ministers of ignoring …": an object, then "of" and a gerund.
            || (c + 1..(c + OBJECT_THEN_OF).min(r.end)).any(|k| {
                cx.text(k).eq_ignore_ascii_case(EN_OF) && k + 1 < r.end && cx.text(k + 1).ends_with(EN_ING_ENDING)
            })
            // "denied targeting civilians", "denied wrongdoing": a
            // past or third-person form cannot be a noun here.
            || cx.unambiguous_verb(h)
                && (cx.text(c).ends_with(EN_ING_ENDING) || cx.is(c, class::DENIAL_OBJECT))
                && !cx.after_be(h.first, r.start));
    stop_if(!next_ok)
}

fn disowned(cx: &Context, v: &mut Verb, _: &mut Out) -> Flow {
    let (h, r) = (&v.h, &v.r);
    stop_if(
        (h.first.saturating_sub(DISOWN_WINDOW).max(r.start)..h.first).any(|k| cx.is(k, class::DISOWN))
            || (h.end..(h.end + DISOWN_WINDOW).min(r.end)).any(|k| cx.is(k, class::DISOWN)),
    )
}
