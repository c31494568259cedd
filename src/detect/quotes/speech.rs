//! Quote filtering: does the quoted text reproduce words (speech), or name
//! or mention a term ("la notion de « proches »", a "traffic light"
//! system)? An ordered table of named tests; the first with a verdict
//! decides.
//!
//! A short quotation is speech when its sentence reports: on real news
//! (eval/real-news, dev part) the guidelines count most one- to three-word
//! quotes ("dénonce des meurtres « odieux »", "refuse de se « [laisser]
//! abattre » … « jusqu'au bout »") and the terms they exclude mostly stand in
//! sentences without a reporting verb ("la journée des « gilets jaunes »").

use super::context::Context;
use super::lexicon::class::*;
use super::marks::Pair;
use super::windows::{MAX_REPORTING_GAP, MAX_TITLE_WORDS, MIN_SPEECH_WORDS};
use super::Rule;

/// What the tests read: the quoted words and the evidence around them.
struct Evidence {
    open: usize,
    close: usize,
    /// Words inside the marks.
    words: usize,
    /// Sentence punctuation inside the marks.
    terminal: bool,
    /// Every word capitalised or a function word ("Le Dernier Voyage"), and
    /// no sentence punctuation: a name or a title.
    name_like: bool,
    colon_before: bool,
    /// Its sentence reports: a reporting verb outside every quotation, or
    /// a quotation of four words or more beside it ([`SentenceCues`]).
    reporting_sentence: bool,
    /// A reporting clause with a speaker follows.
    clause_after: bool,
    /// An attribution with a reporting verb, or a speaker, was found.
    attributed: bool,
    has_speaker: bool,
}

type Test = fn(&Context, &Evidence) -> Option<bool>;

/// The speech tests, in order: the first that returns a verdict decides.
const SPEECH: [Rule<Test>; 8] = [
    Rule {
        name: "no_words",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "« … » or “–”: nothing to say.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_marks_around_no_words_are_not_speech",
        apply: |_, e| (e.words == 0).then_some(false),
    },
    Rule {
        name: "mentioned_term",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "la notion de « proches », so-called “experts”, intitulé « … »: a term is named.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_titled_work_is_not_speech",
        apply: |cx, e| cx.mentioned_term(e),
    },
    Rule {
        name: "long_quote",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "Four words or more are speech, unless they read as a title (« Le Dernier Voyage » is not).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_no_speaker",
        apply: |_, e| (e.words >= MIN_SPEECH_WORDS).then_some(!(e.name_like && e.words <= MAX_TITLE_WORDS)),
    },
    Rule {
        name: "short_with_evidence",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "A few words with sentence punctuation, a colon or a clause after: speech, unless a name.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_short_exclamation_without_speaker_is_speech",
        apply: |_, e| (e.terminal || e.colon_before || e.clause_after).then_some(!e.name_like || e.terminal),
    },
    Rule {
        name: "short_name",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "« Le Monde »: a short capitalised quotation is a name.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_short_capitalised_quote_is_a_name",
        apply: |_, e| e.name_like.then_some(false),
    },
    Rule {
        name: "in_a_reporting_sentence",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "le ministre a dénoncé des meurtres « odieux »; refuse de se « [laisser] abattre » … « sont à l'œuvre pour le faire taire »: a short quote where the sentence reports is speech (not a noun naming a kind: « ont revendiqué une attaque \"test\" »).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_short_quote_after_a_noun_in_a_reporting_sentence",
        apply: |cx, e| (e.reporting_sentence && e.words < MIN_SPEECH_WORDS && !cx.noun_label(e)).then_some(true),
    },
    Rule {
        name: "modifies_a_noun",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "une attaque \"test\", the \"traffic light\" system: a quoted term next to a plain noun.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_quoted_word_after_a_plain_noun_modifies_it",
        apply: |cx, e| cx.modifies_a_noun(e),
    },
    Rule {
        name: "said_by_someone",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "pour le syndicat, c'est une « trahison » (speech); il a annoncé un « mémorandum » (a term).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_partial_quote_under_a_source_frame",
        apply: |_, e| Some(e.attributed && e.has_speaker),
    },
];

/// The rules of this module's tables: (name, doc, case).
#[cfg(test)]
pub(super) fn rules() -> Vec<(&'static str, &'static str, &'static str)> {
    SPEECH.iter().map(|r| (r.name, r.doc, r.case)).collect()
}

impl Context<'_, '_> {
    /// Does the quoted text reproduce words (rather than name or mention a
    /// term)?
    pub(super) fn is_speech(
        &self,
        pair: &Pair,
        colon_before: bool,
        clause_after: bool,
        attributed: bool,
        has_speaker: bool,
        reporting_sentence: bool,
    ) -> bool {
        let (open, close) = (pair.open, pair.close);
        let mut words = 0usize;
        let mut caps = 0usize;
        let mut terminal = false;
        for i in open + 1..close {
            if self.has(i, WORD) {
                words += 1;
                if self.has(i, CAP) || self.has(i, DET | PREP | PARTICLE) {
                    caps += 1;
                }
            } else if self.is_terminal(i) {
                terminal = true;
            }
        }
        let name_like = caps == words && !terminal;
        let e = Evidence {
            open,
            close,
            words,
            terminal,
            name_like,
            colon_before,
            reporting_sentence,
            clause_after,
            attributed,
            has_speaker,
        };
        SPEECH.iter().filter(|r| r.on()).find_map(|test| (test.apply)(self, &e)).unwrap_or(false)
    }

    fn mentioned_term(&self, e: &Evidence) -> Option<bool> {
        let open = e.open;
        let mention_before = (open >= 1 && self.has(open - 1, MENTION))
            || (open >= 2 && self.has(open - 1, PREP) && self.has(open - 2, MENTION));
        mention_before.then_some(false)
    }

    /// One quoted word right after a plain noun that does not end like an
    /// adjective (class `adj.ending`) names a kind: "une attaque « test »",
    /// "l'effet « igloo »"; "des meurtres « odieux »" is an evaluation.
    fn noun_label(&self, e: &Evidence) -> bool {
        let (open, word) = (e.open, e.open + 1);
        let plain = |i: usize| self.has(i, WORD) && self.flags(i) & !(WORD | CAP) == 0;
        let adjective = || self.lex.adjective_endings.iter().any(|end| self.text(word).ends_with(end));
        e.words == 1 && word + 1 == e.close && open >= 1 && plain(open - 1) && !self.has(open - 1, CAP) && !adjective()
    }

    /// A quoted term right after or before a plain noun modifies it (not
    /// when the quoted words start with a function word: the idea "for
    /// months" is a partial quotation).
    fn modifies_a_noun(&self, e: &Evidence) -> Option<bool> {
        let (open, close) = (e.open, e.close);
        let plain = |i: usize| self.has(i, WORD) && self.flags(i) & !(WORD | CAP) == 0;
        let function_start = self.has(open + 1, PREP | STOP | DET | PRON);
        let after_noun = open >= 1 && plain(open - 1) && !self.has(open - 1, CAP) && !function_start;
        let before_noun = close + 1 < self.a.tokens.len() && plain(close + 1) && !self.has(close + 1, CAP);
        (after_noun || before_noun).then_some(false)
    }
}

/// Where a text reports, for short quotations: its reporting verbs outside
/// every quotation ("Il dénonçait les « cures d'austérité »"), and its
/// sentences that hold a quotation of [`MIN_SPEECH_WORDS`] words or more
/// ("face aux « forces » qui « sont à l'œuvre pour (le) faire taire »").
/// Computed once per text.
pub(super) struct SentenceCues {
    /// Token indices of the reporting verbs outside quotations, in order.
    verbs: Vec<usize>,
    /// Per sentence: a long quotation stands in it.
    long_quote: Vec<bool>,
}

impl SentenceCues {
    pub fn new(cx: &Context, pairs: &[Pair]) -> SentenceCues {
        let mut verbs = Vec::new();
        let mut next = 0;
        for p in pairs {
            verbs.extend((next..p.open).filter(|&k| cx.has(k, VERB)));
            next = next.max(p.close + 1);
        }
        verbs.extend((next..cx.a.tokens.len()).filter(|&k| cx.has(k, VERB)));
        let mut long_quote = vec![false; cx.a.sentences.len()];
        for p in pairs {
            if (p.open + 1..p.close).filter(|&i| cx.has(i, WORD)).count() >= MIN_SPEECH_WORDS {
                long_quote[cx.sentence_of(p.open)..=cx.sentence_of(p.close)].fill(true);
            }
        }
        SentenceCues { verbs, long_quote }
    }

    /// Does the pair's sentence report: a long quotation in it, or a
    /// reporting verb in it at most [`MAX_REPORTING_GAP`] tokens from the
    /// marks?
    pub fn reports(&self, cx: &Context, pair: &Pair, first: usize, last: usize) -> bool {
        if self.long_quote.get(first..=last).is_some_and(|s| s.contains(&true)) {
            return true;
        }
        let (lo, hi) = (pair.open.saturating_sub(MAX_REPORTING_GAP), pair.close + MAX_REPORTING_GAP);
        let from = self.verbs.partition_point(|&v| v < lo);
        self.verbs[from..].iter().take_while(|&&v| v <= hi).any(|&v| (first..=last).contains(&cx.sentence_of(v)))
    }
}
