//! Reported speech whose speaker is unidentified, found by the quote layer
//! or by a reporting clause after the claim.

use super::guard::{self, stop_if, Flow, Guard};
use super::lexicon::{class, Role};
use super::words::*;
use super::{Candidate, ClaimReason, Context};
use crate::span::Span;
use crate::text::TokenKind;
use std::ops::Range;

impl<'a, 't> Context<'a, 't> {
    /// Reported speech whose speaker is not identified ("A senior official
    /// told Al Jazeera that [X]", "Des riverains affirment [X]"): an
    /// anonymous source, whatever the verb (guidelines §3). Runs
    /// [`SPEAKER_GUARDS`] on each reported speech starting in the sentence.
    pub(super) fn unidentified_speakers(&self, si: usize, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        let (lo, hi) = (self.a.tokens[r.start].span.start, self.a.tokens[r.end - 1].span.end);
        let from = self.reported_by.partition_point(|(c, _)| c.start < lo);
        let to = self.reported_by.partition_point(|(c, _)| c.start < hi);
        for &(content, speaker) in &self.reported_by[from..to.max(from)] {
            let (first, end) = (self.a.token_at_or_after(speaker.start), self.a.token_at_or_after(speaker.end));
            let (cf, ce) = (self.a.token_at_or_after(content.start), self.a.token_at_or_after(content.end));
            let mut speech =
                Speech { r: r.clone(), bytes: (lo, hi), content, speaker, first, end, cf, ce, antecedent: None };
            guard::run(SPEAKER_GUARDS, self, &mut speech, out);
        }
    }

    /// "[X may …], two people with knowledge of the inquiry said.": an
    /// unidentified source in a reporting clause after the claim makes it
    /// an anonymous claim, whatever cue the clause before has.
    /// Runs [`POSTPOSED_GUARDS`] on each comma of the sentence.
    pub(super) fn postposed_unidentified(&self, si: usize, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        for comma in (r.start + 3..r.end).filter(|&k| self.is_comma(k)) {
            let mut clause = Postposed { si, r: r.clone(), comma, first: comma + 1, end: comma + 1 };
            guard::run(POSTPOSED_GUARDS, self, &mut clause, out);
        }
    }
}

/// A reporting clause after a comma whose source may be unidentified.
pub(super) struct Postposed {
    si: usize,
    /// The sentence's tokens.
    r: Range<usize>,
    comma: usize,
    /// The source's tokens, once found.
    first: usize,
    end: usize,
}

/// The guards of a postposed unidentified source, in order.
pub(super) const POSTPOSED_GUARDS: &[Guard<Postposed>] = &[
    Guard {
        name: "postposed_reporting_clause",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"…, two people … said.\", \"…, ont confié à l'AFP deux diplomates\": a reporting clause and its source.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "postposed_unidentified_source_before_a_contrastive_clause",
        apply: reporting_clause,
    },
    Guard {
        name: "postposed_after_frame_or_conditional",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Selon une source, [un accord pourrait être] annoncé\": after a frame, or with a verb of its own, a clause.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "frame_then_a_clause_ending_in_a_reporting_participle_is_one_claim",
        apply: |cx, p, _| {
            stop_if(cx.frame_ends_before(p.si, p.comma) || (p.first..p.end).any(|k| cx.conditional[k]))
        },
    },
    Guard {
        name: "postposed_source_unidentified",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"[X may …], two people with knowledge of the inquiry said.\": an anonymous or indefinite source.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "postposed_identified_source_stays_neutral",
        apply: |cx, p, _| {
            let anon = cx.hits_in(p.first, p.end).iter().any(|x| matches!(x.cue.role, Role::Anon | Role::AnonSubj));
            stop_if(p.first >= p.end || !(anon || cx.indefinite_source(p.first, p.end)))
        },
    },
    Guard {
        name: "postposed_push",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"[X may …], two people … said.\": the clause before the comma, whatever cue it has.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "postposed_unidentified_source_before_a_contrastive_clause",
        apply: |cx, p, out| {
            let source = cx.without_final_period(cx.span(p.first, p.end));
            if let Some(span) = cx.trimmed(cx.clause_start(p.si, p.comma - 1), p.comma) {
                let reason = ClaimReason::AnonymousSource;
                out.push(Candidate { span, cue: source, reason, source: Some(source), backref: false });
            }
            Flow::Stop
        },
    },
];

/// The reporting clause after the comma: a short subject and its verb
/// ("…, two people … said."), or, inverted, auxiliaries, the verb, an
/// addressee, then the unnamed source ("…, ont confié à l'AFP deux
/// diplomates"). Stops when there is none.
fn reporting_clause(cx: &Context, p: &mut Postposed, _: &mut Vec<Candidate>) -> Flow {
    let (r, comma) = (&p.r, p.comma);
    if let Some(v) = cx.trailing_report(p.si, comma + 1) {
        (p.first, p.end) = (comma + 1, v);
        return Flow::Next;
    }
    let mut v = comma + 1;
    while v < r.end && cx.is(v, class::AUX) {
        v += 1;
    }
    if !(v + 1 < r.end && cx.is_report_verb(v)) {
        return Flow::Stop;
    }
    let last = (v + 1..r.end).rev().find(|&k| cx.a.tokens[k].kind != TokenKind::Punct);
    match last {
        // A noun phrase, not a clause ("…, said [at least two patients had
        // died]").
        Some(l)
            if l + 1 - (v + 1) <= INVERTED_SOURCE
                && (v + 1..=l).all(|k| !cx.is_comma(k) && !cx.is(k, class::COMP | class::AUX)) =>
        {
            let source = (v + 1..=l)
                .find(|&k| cx.is(k, class::INDEF | class::NUMERAL) || cx.a.tokens[k].kind == TokenKind::Number)
                .filter(|_| cx.is(v + 1, class::PREP))
                .unwrap_or(v + 1);
            (p.first, p.end) = (source, l + 1);
            Flow::Next
        }
        _ => Flow::Stop,
    }
}

/// One reported speech with its speaker (the quote layer's), as the
/// guards of [`SPEAKER_GUARDS`] see it.
pub(super) struct Speech {
    /// The sentence's tokens and bytes.
    r: Range<usize>,
    bytes: (usize, usize),
    content: Span,
    speaker: Span,
    /// The speaker's tokens `first..end`, the content's `cf..ce`.
    first: usize,
    end: usize,
    cf: usize,
    ce: usize,
    /// The speaker pronoun's antecedent ("Il a ajouté que").
    antecedent: Option<Span>,
}

/// The guards of reported speech with an unidentified speaker, in order.
pub(super) const SPEAKER_GUARDS: &[Guard<Speech>] = &[
    Guard {
        name: "speaker_in_sentence",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Des riverains affirment [X]\": only speech and speaker inside the sentence (it starts there).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "",
        apply: |_, s, _| {
            let (lo, hi) = s.bytes;
            stop_if(s.content.end > hi || s.speaker.start < lo || s.speaker.end > hi)
        },
    },
    Guard {
        name: "speaker_unidentified",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"A senior official told …\"; \"Un responsable … a déclaré … Il a ajouté que [X]\": through the pronoun.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "pronoun_speaker_of_reported_speech_points_back_to_an_unidentified_speaker",
        apply: |cx, s, _| {
            s.antecedent = cx.antecedent(s.speaker);
            let unidentified = match s.antecedent {
                Some(m) => cx.indefinite_source(cx.a.token_at_or_after(m.start), cx.a.token_at_or_after(m.end)),
                None => cx.indefinite_source(s.first, s.end),
            };
            stop_if(!unidentified)
        },
    },
    Guard {
        name: "speaker_apposed_to_name",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Acme, a Texas-based parts maker, which said …\": an apposition to a name is identified by it.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "indefinite_apposition_to_a_name_is_identified",
        apply: |cx, s, _| {
            let (first, r) = (s.first, &s.r);
            stop_if(
                first >= r.start + 2 && cx.is_comma(first - 1) && cx.is_capitalized(first - 2) && first - 2 > r.start,
            )
        },
    },
    Guard {
        name: "speaker_no_content",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Officials said little about the timing\": an object that holds no clause.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "reporting_verb_with_an_object_of_no_content_reports_nothing",
        apply: |cx, s, _| stop_if(cx.no_content_at(s.cf, s.ce)),
    },
    Guard {
        name: "speaker_reporting_verb_between",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "A reporting verb between speaker and speech, and no disowning (\"mistakenly thought\").",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "passive_apposed_denial_fr",
        apply: |cx, s, _| {
            let (first, end, cf, ce) = (s.first, s.end, s.cf, s.ce);
            let between = if end <= cf { end..cf } else { ce..first };
            stop_if(
                !between.clone().any(|k| cx.is_report_verb(k) || cx.is(k, class::TELL))
                    || (first..cf.max(end)).any(|k| cx.is(k, class::DISOWN)),
            )
        },
    },
    Guard {
        name: "speaker_already_anonymous",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"Selon une source …\" keeps its frame as the cue; \"[X pourrait …], avance un spécialiste\" yields.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "condition_of_anonymity",
        apply: |_, s, out| {
            let content = s.content;
            stop_if(out.iter().any(|c| {
                c.span.start < content.end && content.start < c.span.end && c.reason <= ClaimReason::AnonymousSource
            }))
        },
    },
    Guard {
        name: "speaker_push",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "\"A senior official told Al Jazeera that [X]\": the speech, unless it is mostly a direct quotation.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "indefinite_speaker_of_reported_speech_is_anonymous",
        apply: |cx, s, out| {
            if let Some(span) = cx.trimmed(s.cf, s.ce.max(s.cf)) {
                if cx.protected_bytes(span) * QUOTED_SHARE.1 < span.len() * QUOTED_SHARE.0 {
                    let speaker = cx.without_final_period(s.speaker);
                    let source = Some(s.antecedent.unwrap_or(speaker));
                    let reason = ClaimReason::AnonymousSource;
                    out.push(Candidate { span, cue: speaker, reason, source, backref: false });
                }
            }
            Flow::Stop
        },
    },
];
