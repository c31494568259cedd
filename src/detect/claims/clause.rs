//! Clause bounds: where the clause holding a cue starts and ends, and the
//! trimming of a span to its words.

use super::lexicon::{class, Role};
use super::words::DATELINE;
use super::words::*;
use super::Context;
use crate::span::Span;
use crate::text::phrase;
use crate::text::TokenKind;

/// Words after which "que" opens no clause but a phrase ("en tant que
/// témoin", "ainsi que ses proches").
const QUE_IN_A_PHRASE_AFTER: &[&str] = &["tant", "ainsi"];

impl<'a, 't> Context<'a, 't> {
    /// The first token of the clause holding token `i` (sentence `si`).
    pub(super) fn clause_start(&self, si: usize, i: usize) -> usize {
        let lo = self.a.sentence_tokens[si].start;
        let stop = i.saturating_sub(MAX_SCAN).max(lo);
        let mut j = i;
        while j > stop {
            let p = j - 1;
            let opens_clause = self.is(p, class::COMP) && !(p > lo && self.lower_in(p - 1, QUE_IN_A_PHRASE_AFTER));
            if self.punct(p, &[';', ':']) || opens_clause && p + 1 == j && j <= i {
                return j;
            }
            // "…, since [a direct attack is unlikely]", "closed because
            // [demand may have fallen]": a clause of cause or contrast of its
            // own (not "even" before "though").
            if self.is(p, class::CONTRAST | class::CAUSE) && p > lo && j <= i && !self.is(j, class::SUB | class::COMP) {
                return j;
            }
            // "The agency says [some crops may …]": a reporting verb without
            // complementizer frames the clause that follows it.
            if self.is(p, class::REPORT) && j <= i && (self.is(j, class::DET | class::PRON) || self.is_capitalized(j)) {
                return j;
            }
            if self.is_comma(p) && (self.is(j, class::CONJ) && !self.is(j, class::ADV) || self.frame_at(j)) {
                return j;
            }
            if self.is_comma(p) && (self.frame_ends_before(si, p) || self.subordinate_ends_at(si, p)) {
                return j;
            }
            j -= 1;
        }
        stop
    }

    /// One past the last token of the clause holding token `i`.
    pub(super) fn clause_end(&self, si: usize, i: usize) -> usize {
        let hi = self.a.sentence_tokens[si].end;
        let stop = (i + MAX_SCAN).min(hi);
        // "Even though [support may be weaker], many institutions …": a
        // preposed clause of cause or contrast ends at its comma.
        let lo = self.a.sentence_tokens[si].start;
        let preposed = (lo..(lo + 2).min(i)).any(|k| self.is(k, class::CONTRAST | class::CAUSE))
            && (lo..i).all(|k| !self.is_comma(k));
        if preposed {
            if let Some(comma) = (i + 1..stop).find(|&k| self.is_comma(k)) {
                return comma;
            }
        }
        let mut j = i + 1;
        while j < stop {
            if self.punct(j, &[';', ':']) && !self.next_is_quote(j) {
                return j;
            }
            if self.is_comma(j) && self.relative_start(j).is_some_and(|k| k <= i) {
                // The cue is inside an appositive relative clause.
                return j;
            }
            if self.is_comma(j) && j > i && self.opens_apposed_object(si, j) {
                return j;
            }
            if self.is_comma(j) && j + 1 < hi {
                let n = j + 1;
                // "…, arguant que [B]", "…, claiming [B]": another claim verb.
                let verb_after = self.hit_at(n).is_some_and(|x| matches!(x.cue.role, Role::Verb | Role::VerbThat));
                if self.is(n, class::CONJ) && !self.is(n, class::ADV)
                    // "…, while the federation maintains …".
                    || self.is(n, class::CONTRAST)
                    || self.frame_at(n)
                    || self.inverted_at(n)
                    || self.inverted_report_at(n)
                    || verb_after
                    || self.trailing_report_at(si, n)
                {
                    return j;
                }
            }
            j += 1;
        }
        stop
    }

    pub(super) fn next_is_quote(&self, i: usize) -> bool {
        i + 1 < self.a.tokens.len() && self.punct(i + 1, QUOTE_OPENERS)
    }

    /// True when a source frame ("selon X") starts at token `i`.
    pub(super) fn frame_at(&self, i: usize) -> bool {
        self.hit_at(i).is_some_and(|h| {
            h.cue.role == Role::Frame
                // "…, pour discuter d'un tracé": "pour" before an infinitive
                // is a purpose, not a source.
                && !(self.text(i).eq_ignore_ascii_case(FR_POUR)
                    && h.end == i + 1
                    && h.end < self.a.tokens.len()
                    && !self.is(h.end, class::DET | class::STRESSED)
                    && !self.is_capitalized(h.end))
        })
    }

    /// True when a frame ending with the comma at `comma` starts the clause
    /// ("Selon X, …").
    pub(super) fn frame_ends_before(&self, si: usize, comma: usize) -> bool {
        let lo = self.a.sentence_tokens[si].start;
        let mut j = comma;
        let stop = comma.saturating_sub(MAX_SOURCE + 2).max(lo);
        while j > stop {
            j -= 1;
            if self.is_comma(j) || self.is_strong_break(j) {
                return false;
            }
            if self.frame_at(j) {
                return true;
            }
        }
        false
    }

    /// True when the comma at `comma` closes a preposed subordinate clause
    /// ("Même si la mairie dément, …", "When the fire started, …").
    pub(super) fn subordinate_ends_at(&self, si: usize, comma: usize) -> bool {
        let lo = self.a.sentence_tokens[si].start;
        let stop = comma.saturating_sub(MAX_SEGMENT).max(lo);
        let mut k = comma;
        while k > stop && !(self.is_comma(k - 1) || self.punct(k - 1, &[';', ':'])) {
            k -= 1;
        }
        while k < comma && self.is(k, class::CONJ) && !self.is(k, class::SUB) {
            k += 1;
        }
        k < comma && self.is(k, class::SUB)
    }

    /// An inverted reporting clause at `i` after a comma: "…, affirme X",
    /// "…, a-t-il affirmé".
    pub(super) fn inverted_at(&self, i: usize) -> bool {
        let mut j = i;
        while j < self.a.tokens.len()
            && (self.is(j, class::AUX | class::ADV)
                || self.text(j).starts_with('-')
                || j > i && self.text(j - 1).starts_with('-') && self.is(j, class::PRON))
        {
            j += 1;
        }
        self.hit_at(j).is_some_and(|h| matches!(h.cue.role, Role::Verb | Role::VerbThat))
            && self.hit_at(j).is_some_and(|h| self.verb_is_inverted(h))
    }

    /// An inverted neutral reporting clause at `i` after a comma: "…,
    /// a-t-il averti", "…, dit-elle", "…, a précisé la préfecture". Not part
    /// of the claim before it.
    pub(super) fn inverted_report_at(&self, i: usize) -> bool {
        let len = self.a.tokens.len();
        if i + 1 < len && self.is(i, class::REPORT) && self.text(i + 1).starts_with('-') {
            return true;
        }
        let mut j = i;
        let mut clitic = false;
        while j < len
            && (self.is(j, class::AUX | class::ADV)
                || self.text(j).starts_with('-')
                || j > i && self.text(j - 1).starts_with('-') && self.is(j, class::PRON))
        {
            clitic |= self.text(j).starts_with('-');
            j += 1;
        }
        j > i && j < len && self.is(j, class::REPORT | class::TELL) && (clitic || self.is(i, class::AUX))
    }

    /// The trimmed clause holding token `i`.
    pub(super) fn clause(&self, si: usize, i: usize) -> Option<Span> {
        let start = self.clause_start(si, i);
        let end = self.clause_end(si, i);
        self.trimmed(start, end)
    }

    /// True when the comma at `comma` closes an appositive relative clause
    /// ("Shekau, que l'armée …, revendique"): the segment since the previous
    /// comma starts with a relative pronoun.
    pub(super) fn closes_relative(&self, comma: usize) -> bool {
        self.relative_start(comma).is_some()
    }

    /// If the comma at `comma` closes an appositive relative clause, the
    /// clause's first token (the relative pronoun).
    pub(super) fn relative_start(&self, comma: usize) -> Option<usize> {
        let mut k = comma;
        let stop = comma.saturating_sub(MAX_SEGMENT);
        while k > stop && !self.is_comma(k - 1) && !self.is_strong_break(k - 1) {
            k -= 1;
        }
        (k < comma && k > stop && self.is_comma(k - 1) && self.is(k, class::REL | class::COMP)).then_some(k)
    }

    /// If the comma at `comma` closes an apposed participle phrase ("Le
    /// maire, interrogé par l'AFP, a assuré", "The mayor, reached by phone,
    /// said"), the phrase's first token (the participle).
    pub(super) fn participle_apposition_start(&self, comma: usize) -> Option<usize> {
        let mut k = comma;
        let stop = comma.saturating_sub(PARTICIPLE_APPOSITION);
        while k > stop && !self.is_comma(k - 1) && !self.is_strong_break(k - 1) {
            k -= 1;
        }
        let opens = k + 1 < comma && k > stop && self.is_comma(k - 1) && !self.is_capitalized(k) && {
            let w = crate::case::lower_str(self.text(k));
            let participle = PARTICIPLE_ENDINGS.iter().any(|e| w.ends_with(e))
                || self.a.lang == crate::lang::Lang::Fr && FR_PARTICIPLE_ENDINGS.iter().any(|e| w.ends_with(e));
            participle && self.is(k + 1, class::PREP)
        };
        opens.then_some(k)
    }

    /// "Mr Smith, 52, denies …", "Acme, of Leeds, claims …": when the comma
    /// at `comma` closes a short apposition to a name or noun phrase opening
    /// the sentence, the comma that opens it (English).
    pub(super) fn apposition_opening(&self, comma: usize) -> Option<usize> {
        if self.a.lang != crate::lang::Lang::En {
            return None;
        }
        let si = self.a.sentence_at(self.a.tokens[comma].span.start)?;
        let lo = self.a.sentence_tokens[si].start;
        let open = (lo..comma).find(|&k| self.is_comma(k))?;
        (open > lo
            && open - lo <= APPOSED_NAME
            && (lo..open).all(|k| self.is_capitalized(k) || self.is(k, class::DET))
            && comma - open <= SHORT_APPOSITION)
            .then_some(open)
    }

    /// Past a dateline opening a span ("KELDMOOR, Dec. 3 — …", "LONDON
    /// (Reuters) - …", "ARGENSEL, 12 novembre — …"): a place in capitals,
    /// then no lower-case function word up to a dash.
    pub(super) fn after_dateline(&self, first: usize, end: usize) -> usize {
        let (text, tokens) = (self.a.text, &self.a.tokens[..]);
        let lower_function_word =
            |k: usize| tokens[k].kind == TokenKind::Word && !self.is_capitalized(k) && self.is(k, FUNCTION);
        let form = phrase::DatelineForm::CapitalPlace { lower_function_word: &lower_function_word };
        phrase::after_dateline(text, tokens, first, end, DATELINE, form)
    }

    /// `first..end` without a leading dateline, footnote mark, connective,
    /// complementizer, subordinator of cause or contrast or punctuation, nor
    /// trailing punctuation; `None` if nothing is left.
    pub(super) fn trimmed(&self, mut first: usize, mut end: usize) -> Option<Span> {
        first = self.after_dateline(first, end);
        loop {
            // A footnote mark left at the sentence start ("[109] New …").
            if first + 2 < end
                && self.punct(first, &['['])
                && self.a.tokens[first + 1].kind == TokenKind::Number
                && self.punct(first + 2, &[']'])
            {
                first += 3;
                continue;
            }
            if first < end
                && (self.is(first, class::CONJ | class::COMP | class::CAUSE | class::CONTRAST)
                    && !self.is(first, class::DET)
                    || self.punct(first, LEADING_PUNCT))
            {
                first += 1;
                continue;
            }
            break;
        }
        while end > first && self.punct(end - 1, TRAILING_PUNCT) {
            end -= 1;
        }
        (first < end).then(|| self.span(first, end))
    }

    /// A source phrase closing its sentence may end with a word the
    /// tokenizer keeps with its period ("… du marché de l'art."): the
    /// period is the sentence's, not the source's.
    pub(super) fn without_final_period(&self, span: Span) -> Span {
        let closes =
            span.end > 0 && self.a.sentence_at(span.end - 1).is_some_and(|i| self.a.sentences[i].end == span.end);
        if closes && span.len() > 1 && span.slice(self.a.text).ends_with('.') {
            Span::new(span.start, span.end - 1)
        } else {
            span
        }
    }
}
