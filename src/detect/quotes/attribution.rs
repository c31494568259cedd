//! Speaker choice: which candidate speaks a pair of marks, as an ordered
//! table of named rules, each run in turn on what the earlier ones found,
//! and whether the pair is speech at all (`speech.rs`).

use super::clauses::Clause;
use super::context::{Context, Mention};
use super::lexicon::class::*;
use super::marks::Pair;
use super::ranker::Candidates;
use super::speech::SentenceCues;
use super::windows::{MAX_ASKED_CLAUSE_TAIL, MAX_SIGNATURE};
use super::{Found, Rule};
use crate::detect::mentions::Mentions;
use crate::text::TokenKind;

/// Where a pair stands, computed once before the rules run.
pub(super) struct Site<'p> {
    pub pair: &'p Pair,
    /// The document's mentions (names, pronouns, descriptions, their roles).
    pub mentions: &'p Mentions,
    /// The sentences of its opening and closing marks.
    pub first_sentence: usize,
    pub last_sentence: usize,
    /// The tokens around it that may attribute it: its sentences, not
    /// reaching into the quotations before and after it.
    pub lo: usize,
    pub hi: usize,
    /// The opening mark of the next quotation, if any.
    pub next_open: Option<usize>,
    /// The quotation before it, if any.
    pub prev: Option<&'p Found>,
    /// A colon right before the opening mark ("X a déclaré : « … »").
    pub colon_before: bool,
    /// Words in its sentences outside the marks: false for a quotation that
    /// is a sentence on its own.
    pub words_outside: bool,
}

/// What the rules have found so far.
#[derive(Default, Clone, Copy)]
pub(super) struct Attribution {
    /// The reporting clause after the quotation.
    pub after: Option<Clause>,
    pub speaker: Option<Mention>,
    /// Some attribution (a clause, a verb, a frame) was found.
    pub attributed: bool,
    /// The attribution before the quotation has a reporting verb.
    pub verb_before: bool,
}

type Step = fn(&Context, &Site, &mut Attribution);

/// The attribution rules, in the order they run. Each does nothing when
/// its condition does not hold (most: when a speaker is already known).
const ATTRIBUTION: [Rule<Step>; 11] = [
    Rule {
        name: "clause_after",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "« … », a-t-il ajouté; “…,” said Smith; “…,” the spokesman said.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_guillemets_narrow_spaces_after_clause",
        apply: |cx, s, at| cx.clause_after(s, at),
    },
    Rule {
        name: "dash_name_in_next_sentence",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "“…” — Name, on its own after the quotation's sentence.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "en_dash_name_in_next_sentence",
        apply: |cx, s, at| cx.dash_name_in_next_sentence(s, at),
    },
    Rule {
        name: "asked_then_said",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "“…?” Forte said. (the question mark ended the sentence).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "en_question_then_name_said",
        apply: |cx, s, at| cx.asked_then_said(s, at),
    },
    Rule {
        name: "clause_before",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "X a déclaré : « … »; selon X, « … »; Name: “…”.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_selon_direct",
        apply: |cx, s, at| cx.clause_before(s, at),
    },
    Rule {
        name: "colon_subject",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "X defended the record: “…” (no reporting verb; the colon makes the subject speak).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "en_colon_pronoun_subject_without_reporting_verb",
        apply: |cx, s, at| cx.colon_subject(s, at),
    },
    Rule {
        name: "passive_agent",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "qualifié de « honteux » par le ministre: a passive's agent speaks.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_passive_agent_speaks",
        apply: |cx, s, at| cx.passive_agent(s, at),
    },
    Rule {
        name: "sentence_final_source",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "X est recherché dans « … » du pays, selon le parquet.: a source frame ending the sentence.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_source_frame_ending_the_sentence",
        apply: |cx, s, at| cx.sentence_final_source(s, at),
    },
    Rule {
        name: "continues_previous_quote",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "« … », a écrit X. « … »: a quotation sentence continues the one before.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_continuation_next_sentence",
        apply: |cx, s, at| cx.continues_previous_quote(s, at),
    },
    Rule {
        name: "same_sentence_previous_quote",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "Pour X, il s'agit d'« … » et d'« … »: a quotation after another of its sentence shares its speaker.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_second_quote_after_source_frame",
        apply: |cx, s, at| cx.same_sentence_previous_quote(s, at),
    },
    Rule {
        name: "colon_ending_previous_sentence",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "Le préfet a ajouté : (line break) « … »: a colon ending the sentence before introduces it.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_colon_previous_paragraph",
        apply: |cx, s, at| cx.colon_ending_previous_sentence(s, at),
    },
    Rule {
        name: "signature_line",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "« … » (alone in its paragraph), then a line \"— Porte-parole des pompiers\": the line signs it.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_signature_line_under_a_quotation_paragraph",
        apply: |cx, s, at| {
            if at.speaker.is_none() {
                if let Some(m) = cx.signature_line(s) {
                    at.speaker = Some(m);
                    at.attributed = true;
                }
            }
        },
    },
];

/// The rules of this module's tables: (name, doc, case).
#[cfg(test)]
pub(super) fn rules() -> Vec<(&'static str, &'static str, &'static str)> {
    ATTRIBUTION.iter().map(|r| (r.name, r.doc, r.case)).collect()
}

impl Context<'_, '_> {
    /// Attributes one pair and decides whether it is speech. `prev_close`
    /// and `next_open` bound the tokens it may be attributed from.
    pub(super) fn attribute(
        &self,
        pair: Pair,
        mentions: &Mentions,
        prev_close: Option<usize>,
        next_open: Option<usize>,
        prev: Option<&Found>,
        cues: &SentenceCues,
    ) -> Found {
        let site = self.site(&pair, mentions, prev_close, next_open, prev);
        let mut at = Attribution::default();
        let mut cands = Candidates::default();
        for rule in ATTRIBUTION.iter().filter(|r| r.on()) {
            // Each step also runs on its own (what it would find were no
            // speaker known yet): its mention is a candidate of the ranking.
            let mut probe = Attribution { speaker: None, attributed: false, ..at };
            (rule.apply)(self, &site, &mut probe);
            cands.add(rule.name, probe.speaker);
            (rule.apply)(self, &site, &mut at);
        }
        self.generate(&site, at.verb_before, &mut cands);
        let chain = at.speaker;
        let (ranked, scored) = self.rank(&site, cands, chain);
        // A short quotation is speech when someone says it: the chain's
        // speaker, or the ranker's choice when the mention layer has a name
        // or a description report it ("a déclaré la police", "selon
        // Buzzfeed"; a pronoun's "il a annoncé un « mémorandum »" names a
        // thing).
        let reports =
            |m: Mention| m.pron == 0 && mentions.at(m.span).is_some_and(|l| l.span == m.span && l.role.reports());
        let has_speaker = at.speaker.is_some() || ranked.is_some_and(reports);
        let attributed = at.attributed && at.verb_before || has_speaker;
        let clause_after = at.after.is_some_and(|c| c.speaker.is_some());
        let reporting = cues.reports(self, &pair, site.first_sentence, site.last_sentence);
        let speech = self.is_speech(&pair, site.colon_before, clause_after, attributed, has_speaker, reporting);
        let (first_sentence, last_sentence) = (site.first_sentence, site.last_sentence);
        Found { pair, first_sentence, last_sentence, speaker: ranked, speech, candidates: scored }
    }

    fn site<'p>(
        &self,
        pair: &'p Pair,
        mentions: &'p Mentions,
        prev_close: Option<usize>,
        next_open: Option<usize>,
        prev: Option<&'p Found>,
    ) -> Site<'p> {
        let a = self.a;
        let first_sentence = self.sentence_of(pair.open);
        let last_sentence = self.sentence_of(pair.close);
        let lo = a.sentence_tokens[first_sentence].start.max(prev_close.map_or(0, |c| c + 1));
        let hi = a.sentence_tokens[last_sentence].end.min(next_open.unwrap_or(usize::MAX));
        let colon_before = pair.open > lo && self.is_punct(pair.open - 1, ":");
        let words_outside = (lo..pair.open).chain(pair.close + 1..hi).any(|i| self.has(i, WORD));
        Site { pair, mentions, first_sentence, last_sentence, lo, hi, next_open, prev, colon_before, words_outside }
    }

    fn clause_after(&self, s: &Site, at: &mut Attribution) {
        at.after = self.after_clause(s.pair.close + 1, s.hi);
        self.take_after(at);
    }

    /// An attribution clause found after the quotation gives its speaker.
    fn take_after(&self, at: &mut Attribution) {
        if let Some(c) = &at.after {
            at.attributed = true;
            at.speaker = c.speaker;
        }
    }

    /// The next sentence, when the quotation's sentence ends right after its
    /// closing mark and the next one is in the same paragraph: its first
    /// token and its end (not reaching into the next quotation).
    fn next_sentence(&self, s: &Site, at: &Attribution) -> Option<(usize, usize)> {
        let a = self.a;
        let close = s.pair.close;
        let hi = s.hi;
        if at.after.is_some() || hi != close + 1 || hi >= a.tokens.len() {
            return None;
        }
        let next = a.sentence_at(a.tokens[hi].span.start)?;
        let end = a.sentence_tokens[next].end.min(s.next_open.unwrap_or(usize::MAX));
        (self.paragraph_of(hi) == self.paragraph_of(close)).then_some((hi, end))
    }

    fn dash_name_in_next_sentence(&self, s: &Site, at: &mut Attribution) {
        let Some((start, end)) = self.next_sentence(s, at) else { return };
        if self.has(start, DASH) {
            at.after = self.after_clause(start, end).filter(|c| !c.verb);
            self.take_after(at);
        }
    }

    fn asked_then_said(&self, s: &Site, at: &mut Attribution) {
        let Some((start, end)) = self.next_sentence(s, at) else { return };
        let asked = s.pair.close > 0 && self.is_question_or_exclamation(s.pair.close - 1);
        if !self.has(start, DASH) && asked {
            at.after = self.after_clause(start, end).filter(|c| {
                c.verb
                    && c.speaker.is_some()
                    && (c.end..end).filter(|&k| self.has(k, WORD)).count() <= MAX_ASKED_CLAUSE_TAIL
            });
            self.take_after(at);
        }
    }

    fn clause_before(&self, s: &Site, at: &mut Attribution) {
        if at.speaker.is_some() {
            return;
        }
        if let Some(c) = self.before_clause(s.lo, s.pair.open) {
            at.attributed = true;
            at.verb_before = c.verb;
            at.speaker = c.speaker;
        }
    }

    /// (The subject's start may lie before an earlier scare quote of the
    /// sentence: the clause is read from the sentence start.)
    fn colon_subject(&self, s: &Site, at: &mut Attribution) {
        if at.speaker.is_some() || !s.colon_before || at.verb_before {
            return;
        }
        let s_lo = self.a.sentence_tokens[s.first_sentence].start;
        if let Some(sp) = self.clause_subject(s_lo, s.pair.open - 1) {
            at.speaker = Some(sp);
            at.attributed = true;
        }
    }

    fn passive_agent(&self, s: &Site, at: &mut Attribution) {
        let close = s.pair.close;
        if at.speaker.is_some() || !at.verb_before || close + 1 >= s.hi || !self.has(close + 1, AGENT) {
            return;
        }
        if let Some((sp, _)) = self.speaker_forward(close + 2, s.hi) {
            at.speaker = Some(sp);
        }
    }

    /// "« … » du pays, selon le parquet.", "…, d'après les autorités.": a
    /// source frame that ends the quotation's sentence, further than right
    /// after the closing mark, attributes the quotations before it.
    fn sentence_final_source(&self, s: &Site, at: &mut Attribution) {
        if at.speaker.is_some() {
            return;
        }
        let end = self.a.sentence_tokens[s.last_sentence].end;
        let found = (s.pair.close + 1..end).filter(|&i| self.has(i, SOURCE | SOURCE_FIRST)).find_map(|i| {
            let (sp, e) = self.source_frame(i, end)?;
            // Right after the closing mark it is the clause after ("…», selon X").
            let tail_words = (e..end).any(|k| self.has(k, WORD) || self.is_open_mark(k));
            let words_between = (s.pair.close + 1..i).any(|k| self.has(k, WORD));
            (!tail_words && words_between && self.is_punct(i - 1, ",")).then_some(sp)
        });
        if let Some(sp) = found {
            at.speaker = Some(sp);
            at.attributed = true;
        }
    }

    fn continues_previous_quote(&self, s: &Site, at: &mut Attribution) {
        if at.speaker.is_some() || s.words_outside {
            return;
        }
        if let Some(p) = s.prev.filter(|p| p.speech && p.speaker.is_some()) {
            let same_para = self.paragraph_of(p.pair.close) == self.paragraph_of(s.pair.open);
            if same_para && p.last_sentence + 1 >= s.first_sentence {
                at.speaker = p.speaker;
                at.attributed = true;
            }
        }
    }

    fn same_sentence_previous_quote(&self, s: &Site, at: &mut Attribution) {
        if at.speaker.is_some() {
            return;
        }
        if let Some(p) = s.prev.filter(|p| p.speech && p.last_sentence == s.first_sentence && p.speaker.is_some()) {
            at.speaker = p.speaker;
            at.attributed = true;
        }
    }

    fn colon_ending_previous_sentence(&self, s: &Site, at: &mut Attribution) {
        if at.speaker.is_some() || s.words_outside || s.first_sentence == 0 || s.colon_before {
            return;
        }
        let prev_sent = self.a.sentence_tokens[s.first_sentence - 1].clone();
        if prev_sent.end > prev_sent.start && prev_sent.end <= s.pair.open && self.is_punct(prev_sent.end - 1, ":") {
            if let Some(c) = self.before_clause(prev_sent.start, prev_sent.end) {
                at.speaker = c.speaker;
                at.attributed = true;
            }
        }
    }

    /// The signature under a quotation alone in its paragraph: the next
    /// paragraph opens on a dash and is short; its words up to a comma (the
    /// name inside them when they hold one: "— Donald Trump, président").
    fn signature_line(&self, s: &Site) -> Option<Mention> {
        let (open, close, n) = (s.pair.open, s.pair.close, self.a.tokens.len());
        let para = self.paragraph_of(open);
        let in_para = |k: usize| self.paragraph_of(k) == para;
        let punct = |k: usize| self.a.tokens[k].kind == TokenKind::Punct;
        let before = (0..open).rev().take_while(|&k| in_para(k));
        let after = (close + 1..n).take_while(|&k| in_para(k));
        if self.paragraph_of(close) != para || !before.chain(after).all(punct) {
            return None;
        }
        let dash = (close + 1..n).find(|&k| !in_para(k))?;
        let first = dash + 1;
        if !self.has(dash, DASH) || first >= n || self.paragraph_of(first) != self.paragraph_of(dash) {
            return None;
        }
        let line = self.paragraph_of(dash);
        let end = (first..n).find(|&k| self.paragraph_of(k) != line).unwrap_or(n);
        if end - first > MAX_SIGNATURE || !self.has(first, WORD) {
            return None;
        }
        let stop = (first..end).find(|&k| punct(k) && !self.has(k, HYPHEN)).unwrap_or(end);
        let span = self.tokens_span(first, stop)?;
        // A person or organisation the entity layer found in the line.
        let starts_entity = |k: usize| self.entity_at(k).is_some_and(|e| e.span.start == self.a.tokens[k].span.start);
        let name = (first..stop).find(|&k| starts_entity(k)).map(|k| self.name_forward(k, stop).0);
        Some(name.unwrap_or(Mention::phrase(span, first)))
    }
}
