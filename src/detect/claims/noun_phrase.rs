//! Role `np`: a cue inside a noun phrase ("le présumé meurtrier",
//! "alleged fraud"), as an ordered table of guards ([`GUARDS`]); and claim
//! nouns with a complement ("its claim that …").

use super::guard::{self, stop_if, Flow, Guard};
use super::lexicon::{class, Role};
use super::words::*;
use super::{Candidate, ClaimReason, Context, Hit};
use crate::span::Span;
use crate::text::TokenKind;
use std::ops::Range;

/// What the guards of one noun-phrase cue share.
pub(super) struct NounPhrase {
    si: usize,
    h: Hit,
    /// The sentence's tokens.
    r: Range<usize>,
    cue: Span,
}

impl NounPhrase {
    /// A claim of this cue's reason without source.
    fn candidate(&self, span: Span) -> Candidate {
        Candidate { span, cue: self.cue, reason: self.h.cue.reason, source: None, backref: false }
    }

    /// An English one-word participle cue ("alleged", "rumoured").
    fn en_participle(&self, cx: &Context) -> bool {
        let h = &self.h;
        cx.a.lang == crate::lang::Lang::En
            && h.end == h.first + 1
            && cx.text(h.first).ends_with(EN_PAST_PARTICIPLE_ENDING)
    }
}

type Out = Vec<Candidate>;

/// The noun-phrase cue's guards, in the order they run.
pub(super) const GUARDS: &[Guard<NounPhrase>] = &[
    Guard {
        name: "np_frame_source",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Selon l'accusation\" (the prosecution): the source of a frame, not a claim.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "l_accuse_after_a_verb_is_the_defendant_and_l_accusation_a_frame_source_fr",
        apply: |cx, n, _| {
            let from = n.h.first.saturating_sub(NP_FRAME_BEFORE).max(n.r.start);
            // ("pour un éventuel vol habité": "pour" frames a source only
            // at the start of its clause.)
            let pour_inside = |k: usize| cx.text(k).eq_ignore_ascii_case(FR_POUR) && k > n.r.start && !cx.is_comma(k - 1);
            stop_if((from..n.h.first).any(|k| cx.frame_at(k) && !pour_inside(k)))
        },
    },
    Guard {
        name: "np_apposition_head",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"[X], an allegation the group denies\": the apposition's head names the claim; the verb makes it.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "allegation_noun_heading_a_passive_denial_is_no_claim_of_its_own",
        apply: apposition_head,
    },
    Guard {
        name: "np_definite_allegation",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"rejected the accusations as baseless\": a definite allegation noun points back; it is no new claim.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "definite_allegation_noun_without_content_is_no_new_claim",
        apply: definite_allegation,
    },
    Guard {
        name: "np_claim_noun_complement",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"her accusation that the mayor lied\", \"accusations of fraud\": an English claim noun's complement.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "accusation_noun_with_a_that_clause",
        apply: |cx, n, out| stop_if(cx.a.lang == crate::lang::Lang::En && cx.noun_claim(n.si, &n.h, out) == Some(true)),
    },
    Guard {
        name: "np_participle_as_verb",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"The group alleged (in a statement) that …\": an English participle cue as a finite verb is that verb.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "alleged_as_finite_verb_is_a_claim_verb",
        apply: participle_as_verb,
    },
    Guard {
        name: "np_qualifies_news_items",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Unconfirmed local reports said [X]\": a cue in the subject qualifies what is reported (not \"alleged victims\").",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "unconfirmed_reports_said_marks_what_they_said",
        apply: qualifies_news_items,
    },
    Guard {
        name: "np_participle_after_noun",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"cheaper Lite model rumoured for spring\": the noun phrase, the participle and its complement.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "rumoured_after_its_noun_in_a_headline",
        apply: participle_after_noun,
    },
    Guard {
        name: "np_push",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"le présumé meurtrier\", \"the alleged fraud at the bank\": the noun phrase from its determiner.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "alleged_in_a_reporting_subject_qualifies_the_noun_phrase",
        apply: push,
    },
];

impl<'a, 't> Context<'a, 't> {
    /// The candidate of the noun-phrase cue `h`: runs [`GUARDS`].
    pub(super) fn noun_phrase(&self, si: usize, h: &Hit, out: &mut Out) {
        let r = self.a.sentence_tokens[si].clone();
        let mut state = NounPhrase { si, h: *h, r, cue: self.span(h.first, h.end) };
        guard::run(GUARDS, self, &mut state, out);
    }

    /// A claim noun after a determiner or a possessive ("the union's claims
    /// of unsafe conditions", "its claim that the vote was rigged", "her
    /// accusation that the mayor lied"): the claim is the noun's complement,
    /// the possessor its source. `None` when the cue is not such a noun;
    /// `Some(false)` when it is one without a complement that states a claim
    /// ("its territorial claims to the island").
    /// Runs [`CLAIM_NOUN_GUARDS`].
    pub(super) fn noun_claim(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) -> Option<bool> {
        let r = self.a.sentence_tokens[si].clone();
        let mut state = NounClaim { si, h: *h, r, d: 0, possessive: false, span: None, result: None };
        guard::run(CLAIM_NOUN_GUARDS, self, &mut state, out);
        state.result
    }

    /// The claim noun closing a back-referring phrase ("the claims",
    /// "these allegations") as a `claimed` hit of its own.
    pub(super) fn claim_noun_of(&self, h: &Hit) -> Option<Hit> {
        let last = h.end - 1;
        if last == h.first || !self.is(last, class::CLAIM_NOUN) {
            return None;
        }
        let word = crate::case::lower_str(self.text(last));
        let verb_like = self.lex.verb_reasons.contains_key(word.as_str())
            || word.strip_suffix('s').is_some_and(|w| self.lex.verb_reasons.contains_key(w));
        if !(verb_like || self.is(last, class::ALLEGATION)) {
            return None;
        }
        let mut noun = *h;
        noun.first = last;
        noun.cue.reason = ClaimReason::Claimed;
        noun.cue.role = Role::Np;
        Some(noun)
    }
}

fn apposition_head(cx: &Context, n: &mut NounPhrase, _: &mut Out) -> Flow {
    let (si, h, r) = (n.si, &n.h, &n.r);
    stop_if(cx.hits_in(h.end, (h.end + APPOSITION_HEAD).min(r.end)).iter().any(|v| {
        matches!(v.cue.role, Role::Verb | Role::VerbThat)
            && cx.apposed_object_clause(si, v).is_some()
            && h.first > r.start
            && (h.first.saturating_sub(NP_COMMA_BEFORE).max(r.start)..h.first).any(|k| cx.is_comma(k))
            || v.cue.role == Role::PassiveDenial && cx.passive_denial_at(si, v).is_some_and(|(c, _)| c + 2 == h.first)
    }))
}

fn definite_allegation(cx: &Context, n: &mut NounPhrase, _: &mut Out) -> Flow {
    let (h, r) = (&n.h, &n.r);
    // ("dismissed the fraud allegations": without a that-clause of its own.)
    let definite_before = (h.first.saturating_sub(NP_DETERMINER_BEFORE).max(r.start)..h.first)
        .rev()
        .find(|&k| cx.is(k, class::DET))
        .is_some_and(|d| cx.is(d, class::DEFINITE) && (d + 1..h.first).all(|k| !cx.is_comma(k)));
    stop_if(cx.is(h.first, class::ALLEGATION) && definite_before && !(h.end < r.end && cx.is(h.end, class::COMP)))
}

fn participle_as_verb(cx: &Context, n: &mut NounPhrase, out: &mut Out) -> Flow {
    let (h, r) = (&n.h, &n.r);
    if !(n.en_participle(cx) && h.first > r.start && !cx.is(h.first - 1, class::DET | class::PREP)) {
        return Flow::Next;
    }
    let mut c = h.end;
    while c < r.end && cx.is(c, class::ADV) {
        c += 1;
    }
    if !(c < r.end && (cx.is(c, class::COMP) || cx.adverbial_before_comp(c, r.end).is_some())) {
        return Flow::Next;
    }
    // With its verb's reason ("allege": claimed); a verb the lexicon lacks
    // ("suspected that") keeps the cue's own.
    let word = crate::case::lower_str(cx.text(h.first));
    let base = [&word[..word.len() - 1], &word[..word.len() - 2]];
    let mut as_verb = *h;
    if let Some(&reason) = base.iter().find_map(|b| cx.lex.verb_reasons.get(b)) {
        as_verb.cue.reason = reason;
    }
    as_verb.cue.role = Role::Verb;
    cx.verb(n.si, &as_verb, out);
    Flow::Stop
}

fn qualifies_news_items(cx: &Context, n: &mut NounPhrase, out: &mut Out) -> Flow {
    let (h, r) = (&n.h, &n.r);
    let Some(v) = (h.end..(h.end + NP_TO_REPORT_VERB).min(r.end))
        .take_while(|&k| cx.a.tokens[k].kind == TokenKind::Word && !cx.is(k, class::COMP | class::AUX))
        .find(|&k| cx.is(k, class::REPORT))
        .filter(|&v| (h.first.saturating_sub(NP_INFO_BEFORE).max(r.start)..v).any(|k| cx.is(k, class::INFO)))
    else {
        return Flow::Next;
    };
    let mut c = cx.after_addressee(v, r.end);
    while c < r.end && cx.is(c, class::COMP | class::ADV) {
        c += 1;
    }
    // (Nothing left to report: on to the noun phrase itself.)
    let Some(span) = cx.trimmed(c, cx.clause_end(n.si, c.min(r.end - 1)).max(c)) else { return Flow::Next };
    out.push(n.candidate(span));
    Flow::Stop
}

fn participle_after_noun(cx: &Context, n: &mut NounPhrase, out: &mut Out) -> Flow {
    let (h, r) = (&n.h, &n.r);
    let after_noun = n.en_participle(cx)
        && h.first > r.start
        && cx.a.tokens[h.first - 1].kind == TokenKind::Word
        && !cx.is(h.first - 1, FUNCTION)
        // (Not "the suspect alleged to have fled": a predicate.)
        && !(h.end < r.end && cx.text(h.end).eq_ignore_ascii_case(EN_TO));
    if !after_noun {
        return Flow::Next;
    }
    let mut first = h.first - 1;
    while first > r.start
        && h.first - first < NOUN_BEFORE_PARTICIPLE
        && cx.a.tokens[first - 1].kind == TokenKind::Word
        && (!cx.is(first - 1, FUNCTION) || cx.is(first - 1, class::DET))
    {
        first -= 1;
        if cx.is(first, class::DET) {
            break;
        }
    }
    let mut end = h.end;
    while end < r.end
        && end - h.end < NP_COMPLEMENT
        && cx.a.tokens[end].kind != TokenKind::Punct
        && !cx.is(end, class::AUX | class::COMP | class::CONJ | class::REL)
    {
        end += 1;
    }
    if let Some(span) = cx.trimmed(first, end) {
        out.push(n.candidate(span));
    }
    Flow::Stop
}

fn push(cx: &Context, n: &mut NounPhrase, out: &mut Out) -> Flow {
    let (h, r) = (&n.h, &n.r);
    // Start at the determiner before (within three tokens), unless the cue
    // opens with its own ("une possible opération", not "les États-Unis
    // contre une possible") or is a head noun with its preposition.
    let mut first = h.first;
    // A cue ending with its preposition ("soupçons de") heads its noun
    // phrase too.
    let own_determiner = cx.is(h.first, class::DET) || h.end - h.first > 1 && cx.is(h.end - 1, class::PREP);
    for k in (h.first.saturating_sub(NP_DETERMINER_BEFORE).max(r.start)..h.first).rev() {
        if own_determiner {
            break;
        }
        if cx.is_comma(k) || cx.is_strong_break(k) {
            break;
        }
        if cx.is(k, class::DET) {
            first = k;
            break;
        }
    }
    let postnominal = first < h.first && first + 1 < h.first;
    let end = if postnominal || h.first > first + 1 {
        h.end
    } else {
        // Prenominal: the head noun and its complements.
        let mut j = h.end;
        while j < r.end && j - h.end < NP_COMPLEMENT {
            if cx.a.tokens[j].kind == TokenKind::Punct
                || cx.is(j, class::COMP | class::AUX | class::CONJ | class::PRON | class::REPORT)
                || cx.is(j, class::PREP) && !cx.is(j, class::DET) && !cx.is_of(j)
                // A bare plural source noun is a head like any other ("the
                // alleged victims").
                || cx.hit_at(j).is_some_and(|o| o.cue.role != Role::AnonSubj)
            {
                break;
            }
            j += 1;
        }
        j
    };
    if let Some(span) = cx.trimmed(first, end.max(h.end)) {
        out.push(n.candidate(span));
    }
    Flow::Stop
}

/// What the guards of one claim noun share.
pub(super) struct NounClaim {
    si: usize,
    h: Hit,
    /// The sentence's tokens.
    r: Range<usize>,
    /// The determiner or possessive before the noun.
    d: usize,
    possessive: bool,
    /// The claim the complement states.
    span: Option<Span>,
    /// What `noun_claim` returns.
    result: Option<bool>,
}

/// The guards of a claim noun with its complement, in order.
pub(super) const CLAIM_NOUN_GUARDS: &[Guard<NounClaim>] = &[
    Guard {
        name: "claim_noun_after_determiner",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"its claim that …\", \"the union's claims of …\": a claimed noun after a determiner or possessive.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "claims_of_bare_noun_after_a_possessive_name",
        apply: |cx, n, _| {
            let (h, r) = (&n.h, &n.r);
            if h.first <= r.start || h.end >= r.end || h.cue.reason != ClaimReason::Claimed {
                return Flow::Stop;
            }
            let d = h.first - 1;
            n.d = d;
            n.possessive = cx.is_possessive(d) || cx.is(d, class::POSSESSIVE);
            stop_if(!(n.possessive || cx.is(d, class::DET) && !cx.is(d, class::CLITIC | class::PRON)))
        },
    },
    Guard {
        name: "claim_noun_apposition",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"[X], a claim that Moscow disputed\": an apposition, handled with the clause before.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "apposed_claim_that_x_disputed",
        apply: |cx, n, _| {
            let apposition = n.d > n.r.start && cx.is_comma(n.d - 1);
            if !apposition {
                n.result = Some(false);
            }
            stop_if(apposition)
        },
    },
    Guard {
        name: "claim_noun_that_clause",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"its claim that the vote was rigged\", not \"the claims that surfaced\" (a relative clause).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "accusation_noun_with_a_that_clause",
        apply: that_clause,
    },
    Guard {
        name: "claim_noun_of_complement",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"claims of unsafe conditions\", not \"the claims of the opposition\" (a possessor).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "claims_of_bare_noun_after_a_possessive_name",
        apply: of_complement,
    },
    Guard {
        name: "claim_noun_push",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"The opposition repeated its claim that …\": the complement; the possessor or subject is the source.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "accusation_noun_with_a_that_clause",
        apply: push_noun_claim,
    },
];

fn that_clause(cx: &Context, n: &mut NounClaim, _: &mut Vec<Candidate>) -> Flow {
    let (si, h, r, d) = (n.si, &n.h, &n.r, n.d);
    let c = h.end;
    if !cx.is(c, class::COMP) {
        return Flow::Next;
    }
    // The clause must open like one ("that the vote …", "that he lied").
    let k = c + 1;
    if !(k < r.end
        && (cx.is(k, class::DET | class::PRON) || cx.is_capitalized(k) || cx.a.tokens[k].kind == TokenKind::Number))
    {
        return Flow::Stop;
    }
    let mut end = cx.clause_end(si, k);
    // "Her accusation that the mayor lied was dismissed": as the subject,
    // the noun phrase ends before the main verb, the last of two runs of
    // auxiliaries.
    let subject = cx.clause_start(si, d) >= d.saturating_sub(CLAIM_NOUN_SUBJECT);
    if subject {
        let mut runs = (k + 1..end).filter(|&j| cx.is(j, class::AUX) && !cx.is(j - 1, class::AUX));
        if let (Some(_), Some(last)) = (runs.next(), runs.last()) {
            end = last;
        }
    }
    n.span = cx.trimmed(k, end);
    Flow::Next
}

fn of_complement(cx: &Context, n: &mut NounClaim, _: &mut Vec<Candidate>) -> Flow {
    let (h, r) = (&n.h, &n.r);
    let c = h.end;
    let of = !cx.is(c, class::COMP)
        && cx.is_of(c)
        && cx.a.lang == crate::lang::Lang::En
        && c + 1 < r.end
        && !cx.is(c + 1, class::DET)
        && !cx.is_capitalized(c + 1);
    if of {
        let mut end = c + 1;
        while end < r.end
            && end - c <= CLAIM_NOUN_OF
            && cx.a.tokens[end].kind != TokenKind::Punct
            && !cx.is(end, class::AUX | class::COMP | class::REL | class::REPORT)
            && cx.hit_at(end).is_none()
        {
            end += 1;
        }
        n.span = cx.trimmed(c + 1, end);
    }
    Flow::Next
}

fn push_noun_claim(cx: &Context, n: &mut NounClaim, out: &mut Vec<Candidate>) -> Flow {
    let (si, h, r, d) = (n.si, &n.h, &n.r, n.d);
    let Some(span) = n.span else { return Flow::Stop };
    // The possessor: "the union's", or the subject of the verb before a
    // possessive determiner ("The opposition repeated its claim").
    let source = if cx.is_possessive(d) {
        let mut s = d;
        while s > r.start && d - s < POSSESSOR && !cx.is_comma(s - 1) && !cx.is(s - 1, class::PREP | class::COMP) {
            s -= 1;
            if cx.is(s, class::DET) {
                break;
            }
        }
        cx.trimmed(s, d)
    } else if n.possessive && d > r.start {
        cx.subject_before(si, d - 1)
    } else {
        None
    };
    let cue = cx.span(h.first, h.end);
    out.push(Candidate { span, cue, reason: h.cue.reason, source, backref: false });
    n.result = Some(true);
    Flow::Stop
}
