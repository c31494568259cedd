//! Reported speech without marks: "X a indiqué que …", "X said …",
//! "selon X, …", "…, a-t-il dit." One pass over each sentence, skipping
//! the direct quotations and what earlier hits covered.

use super::clauses::Clause;
use super::context::{Context, Mention};
use super::lexicon::class::*;
use super::windows::{
    MAX_ADVERBIAL_TAIL_WORDS, MAX_BARE_TAIL_WORDS, MAX_LONE_ADVERBIAL, MAX_PARTICIPLE_CLAUSE, MAX_SOURCE_OFFSET,
    MAX_VERB_TO_COMPLEMENTIZER, MIN_AFTER_SOURCE, MIN_BARE_CLAUSE_WORDS, MIN_BEFORE_TRAILING_CLAUSE,
    MIN_BEFORE_TRAILING_SOURCE, MIN_REPORTED_TOKENS, MIN_REPORTED_WORDS,
};
use super::{Found, Quote, Rule};
use crate::detect::mentions::Mentions;
use crate::span::Span;

/// A reporting clause after a comma, as the guards see it.
struct Trailing {
    comma: usize,
    clause: Clause,
    speaker: Mention,
    /// Where the clause's tail ends (the sentence end, or a comma before a
    /// coordinated clause).
    tail_end: usize,
    /// Where the content starts (after any dateline).
    start: usize,
}

type TrailingGuard = fn(&Context, &Trailing) -> bool;

/// What keeps `"…, <clause>."` from being reported speech: any guard that
/// holds rejects it.
const TRAILING_GUARDS: [Rule<TrailingGuard>; 5] = [
    Rule {
        name: "trailing_without_verb",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "…, selon la police, dans un communiqué: a source frame (reported_source reads those), no verb.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_trailing_source_frame_is_no_reporting_clause",
        apply: |_, t| !t.clause.verb,
    },
    Rule {
        name: "trailing_long_tail",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "…, a indiqué X, qui dirige l'enquête depuis mars: a clause, not a bare reporting clause.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "en_trailing_clause_with_a_long_tail",
        apply: |cx, t| cx.long_tail(t),
    },
    Rule {
        name: "trailing_negated",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "Contacté par l'AFP, le groupe n'a pas répondu: nothing was said.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_not_reported_no_response",
        apply: |cx, t| (t.comma..t.clause.end).any(|k| cx.has(k, NEG)),
    },
    Rule {
        name: "trailing_verb_takes_a_clause",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "X, speaking on condition of anonymity, claimed the suspect had fled: the verb's clause follows.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "a verb after a comma and a clause after it is not an inverted reporting clause",
        apply: |cx, t| cx.has(t.speaker.tok, COMP) || cx.has(t.clause.end, AUX | VERB | BE),
    },
    Rule {
        name: "trailing_after_lone_adverbial",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "In a statement to the ABC, the Church denied …: the phrase is an adverbial, not what was said.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "a lone prepositional phrase before a comma is not reported speech",
        apply: |cx, t| cx.lone_adverbial(t),
    },
];

/// The rules of this module's tables: (name, doc, case).
#[cfg(test)]
pub(super) fn rules() -> Vec<(&'static str, &'static str, &'static str)> {
    TRAILING_GUARDS.iter().map(|r| (r.name, r.doc, r.case)).collect()
}

impl Context<'_, '_> {
    /// Reported speech: "X a indiqué que …", "X said …", "selon X, …",
    /// "…, a-t-il dit." Appends to `out`.
    pub(super) fn reported(&self, found: &[Found], mentions: &Mentions, out: &mut Vec<Quote>) {
        let a = self.a;
        // Token ranges inside direct quotations (speech or not) are skipped.
        let quoted: Vec<(usize, usize)> = found.iter().map(|f| (f.pair.open, f.pair.close)).collect();
        let mut q = 0usize;
        let mut covered_until = 0usize; // byte offset: inside reported content found already
        for range in &a.sentence_tokens {
            let (lo, hi) = (range.start, range.end);
            if hi <= lo {
                continue;
            }
            let mut i = lo;
            while i < hi {
                while q < quoted.len() && quoted[q].1 < i {
                    q += 1;
                }
                if q < quoted.len() && quoted[q].0 <= i {
                    i = quoted[q].1 + 1;
                    continue;
                }
                if a.tokens[i].span.start < covered_until {
                    i += 1;
                    continue;
                }
                if let Some((content, sp)) = self.reported_at(i, lo, hi) {
                    // Whatever the outcome, this stretch is not looked at
                    // again (keeps the pass linear).
                    covered_until = covered_until.max(content.end.min(a.tokens[hi - 1].span.end));
                    let content = self.trim_content(content, lo, hi);
                    let dup = out.last().is_some_and(|l| !l.direct && content.is_some_and(|c| c == l.span));
                    if let Some(content) = content.filter(|c| !dup && !self.only_direct(*c, found)) {
                        covered_until = content.end;
                        out.push(Quote { span: content, direct: false, speaker: Some(self.link(mentions, sp, None)) });
                    }
                }
                i += 1;
            }
        }
    }

    /// The reported content and its speaker that token `i` (of the
    /// sentence `lo..hi`) introduces: a reporting verb, a source frame or
    /// the comma before a trailing reporting clause.
    fn reported_at(&self, i: usize, lo: usize, hi: usize) -> Option<(Span, Mention)> {
        // "The thinking is that …": a verb form after a determiner is a noun.
        let noun = i > lo && self.has(i - 1, DET) && !self.has(i - 1, CLITIC);
        if self.has(i, VERB) && !noun {
            self.reported_after_verb(i, lo, hi)
        } else if self.has(i, SOURCE | SOURCE_FIRST) {
            self.reported_source(i, lo, hi)
        } else if self.is_punct(i, ",") {
            self.reported_trailing(i, lo, hi)
        } else {
            None
        }
    }

    /// "X a indiqué (vendredi) que …", "X said (that) …".
    fn reported_after_verb(&self, v: usize, lo: usize, hi: usize) -> Option<(Span, Mention)> {
        let mut k = v + 1;
        let mut comp = None;
        while k < hi && k <= v + MAX_VERB_TO_COMPLEMENTIZER {
            if self.has(k, COMP) {
                comp = Some(k);
                break;
            }
            // "n'a indiqué … que", "ne plus consacrer qu'un jour": a
            // restriction, not a complement.
            if self.has(k, VERB | NEG) || (!self.has(k, WORD | HYPHEN) && !self.is_punct(k, ",")) && !self.is_elision(k)
            {
                break;
            }
            k += 1;
        }
        let start = match comp {
            Some(c) => c + 1,
            None if self.opens_bare_clause(v, hi) => v + 1,
            None => return None,
        };
        // Words between the verb and "que" must not be a subject's
        // inversion we cannot see; the speaker is the verb's subject.
        let sp = self.speaker_before(v, lo)?;
        if hi - start < MIN_REPORTED_TOKENS {
            return None;
        }
        Some((self.tokens_span(start, hi)?, sp))
    }

    /// "X said Sudan had progressed": a verb whose clause may lack "that",
    /// followed by at least a short clause (not "X said late Thursday.").
    fn opens_bare_clause(&self, v: usize, hi: usize) -> bool {
        self.has(v, BARE)
            && (v + 1..hi).filter(|&k| self.has(k, WORD)).take(MIN_BARE_CLAUSE_WORDS).count() == MIN_BARE_CLAUSE_WORDS
            && v + 1 < hi
            && self.has(v + 1, PRON | DET | CAP | WORD)
            && (!self.has(v + 1, PREP | STOP | ADV) || self.a.opens_quantity(v + 1, hi))
    }

    /// "Selon X, …" and "…, selon X."
    fn reported_source(&self, i: usize, lo: usize, hi: usize) -> Option<(Span, Mention)> {
        let (sp, end) = self.source_frame(i, hi)?;
        let at_start =
            i == lo || (i == lo + 1 && !self.has(lo, WORD)) || self.is_punct(i - 1, ",") && i - lo <= MAX_SOURCE_OFFSET;
        if at_start && end < hi && self.is_punct(end, ",") && hi - end > MIN_AFTER_SOURCE {
            // "According to X, quoting Y, …": the content follows the
            // participle clause.
            let mut start = end + 1;
            if self.is_participle(start) {
                if let Some(c) = (start + 1..hi.min(start + MAX_PARTICIPLE_CLAUSE)).find(|&k| self.is_punct(k, ",")) {
                    start = c + 1;
                }
            }
            return Some((self.tokens_span(start, hi)?, sp));
        }
        let trailing =
            i > lo + MIN_BEFORE_TRAILING_SOURCE && self.is_punct(i - 1, ",") && (end..hi).all(|k| !self.has(k, WORD));
        if trailing {
            return Some((self.tokens_span(self.after_dateline(lo, i - 1), i - 1)?, sp));
        }
        None
    }

    /// "…, a-t-il dit.", "…, the minister said.": the content before the
    /// comma at `comma`, when a bare reporting clause closes the sentence
    /// and no guard of [`TRAILING_GUARDS`] rejects it.
    fn reported_trailing(&self, comma: usize, lo: usize, hi: usize) -> Option<(Span, Mention)> {
        if comma < lo + MIN_BEFORE_TRAILING_CLAUSE {
            return None;
        }
        let clause = self.after_clause(comma, hi)?;
        let speaker = clause.speaker?;
        // The clause's tail runs to the sentence end, or to a comma before
        // a contrastive or coordinated clause ("…, two officials said on
        // Wednesday, though details remain unresolved").
        let tail_end = (clause.end..hi)
            .find(|&k| self.is_punct(k, ",") && k + 1 < hi && self.has(k + 1, CONJ | STOP) && !self.has(k + 1, PREP))
            .unwrap_or(hi);
        let start = self.after_dateline(lo, comma);
        let t = Trailing { comma, clause, speaker, tail_end, start };
        if TRAILING_GUARDS.iter().filter(|g| g.on()).any(|g| (g.apply)(self, &t)) {
            return None;
        }
        self.tokens_span(start, comma).map(|s| (s, speaker))
    }

    /// Is the clause's tail more than a few words, and not one adverbial
    /// ("… lors d'une conférence de presse", "… in a statement on
    /// Tuesday": no verb or clause in it)?
    fn long_tail(&self, t: &Trailing) -> bool {
        let (from, to) = (t.clause.end, t.tail_end);
        let words_after = (from..to).filter(|&k| self.has(k, WORD)).take(MAX_ADVERBIAL_TAIL_WORDS + 1).count();
        let adverbial_tail = words_after <= MAX_ADVERBIAL_TAIL_WORDS
            && from < to
            && self.has(from, PREP | STOP | MOD_PREP)
            && !(from..to).any(|k| self.has(k, VERB | AUX | COMP | REL | CONJ) || self.is_punct(k, ","));
        words_after > MAX_BARE_TAIL_WORDS && !adverbial_tail
    }

    /// Is the content before the comma a lone prepositional phrase, an
    /// adverbial of the clause after it?
    fn lone_adverbial(&self, t: &Trailing) -> bool {
        let (start, comma) = (t.start, t.comma);
        self.has(start, PREP | STOP | MOD_PREP)
            && comma.saturating_sub(start) <= MAX_LONE_ADVERBIAL
            && !(start..comma).any(|k| self.has(k, VERB | AUX | COMP) || self.is_punct(k, ","))
    }

    /// Trims sentence-final punctuation and a cut at ";" from reported
    /// content; None when nothing is left.
    fn trim_content(&self, content: Span, lo: usize, hi: usize) -> Option<Span> {
        let a = self.a;
        let first = a.token_at_or_after(content.start).max(lo);
        let mut last = hi;
        for k in first..hi {
            if a.tokens[k].span.start >= content.end {
                last = k;
                break;
            }
            if self.is_punct(k, ";") {
                last = k;
                break;
            }
        }
        while last > first && !self.has(last - 1, WORD) && !self.is_close_mark(last - 1) {
            last -= 1;
        }
        // A stray opening mark is not part of the content.
        let mut first = first;
        while first < last && self.is_open_mark(first) {
            first += 1;
        }
        let words = (first..last).filter(|&k| self.has(k, WORD)).count();
        if words < MIN_REPORTED_WORDS {
            return None;
        }
        Some(Span::new(a.tokens[first].span.start, a.tokens[last - 1].span.end))
    }

    /// True when `content` is nothing but one direct quotation (marks
    /// included).
    fn only_direct(&self, content: Span, found: &[Found]) -> bool {
        let i = found.partition_point(|f| self.a.tokens[f.pair.close].span.end < content.start);
        found[i..].iter().take_while(|f| self.a.tokens[f.pair.open].span.start < content.end).any(|f| {
            let marks = Span::new(self.a.tokens[f.pair.open].span.start, self.a.tokens[f.pair.close].span.end);
            marks.start <= content.start && content.end <= marks.end + 1
        })
    }
}
