//! Cue hits: the phrase lexicon matched once over the text, on token
//! boundaries, longest first; and the direct quotations cues are dropped in.

use super::lexicon::{Cue, Role};
use super::words::*;
use super::{Analysis, Context, EntityLabel, Hit, Quote};
use crate::span::Span;
use crate::text::TokenKind;

impl<'a, 't> Context<'a, 't> {
    /// Cue phrases over the whole text, on token boundaries, longest first,
    /// none inside another; `ignore` phrases block what they contain.
    pub(super) fn find_hits(&self) -> Vec<Hit> {
        let text = self.a.text;
        let tokens = &self.a.tokens;
        let mut raw: Vec<Hit> = Vec::new();
        let mut found: Vec<(usize, usize)> = Vec::new();
        for (first, token) in tokens.iter().enumerate() {
            let start = token.span.start;
            if first > 0 && tokens[first - 1].span.start == start
                || text[..start].chars().next_back().is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            found.clear();
            self.lex.matcher.matches_at(text, start, |phrase, end| found.push((phrase, end)));
            for &(phrase, end) in &found {
                if let Some(hit) = self.hit_from(self.lex.cues[phrase], first, end) {
                    raw.push(hit);
                }
            }
        }
        // Longest first at each start, then drop hits inside an earlier one.
        raw.sort_by_key(|h| (h.first, std::cmp::Reverse(h.end)));
        let mut hits: Vec<Hit> = Vec::with_capacity(raw.len());
        let mut covered_to = 0;
        for h in raw {
            if h.end <= covered_to {
                continue;
            }
            covered_to = covered_to.max(h.end);
            hits.push(h);
        }
        hits.retain(|h| h.cue.role != Role::Ignore && !self.is_protected(tokens[h.first].span.start));
        hits
    }

    /// The hit of `cue` matched from token `first` to byte `end`, if the
    /// match ends a token (a prefix cue running on to the end of its word)
    /// and its case fits.
    fn hit_from(&self, cue: Cue, first: usize, mut end: usize) -> Option<Hit> {
        let text = self.a.text;
        let tokens = &self.a.tokens;
        let start = tokens[first].span.start;
        if cue.prefix {
            end += text[end..].find(|c: char| !c.is_alphanumeric()).unwrap_or(text.len() - end);
        }
        // The match must end where a token ends (not inside a word).
        let last = tokens.partition_point(|t| t.span.end < end);
        if last >= tokens.len() || tokens[last].span.end != end {
            return None;
        }
        if cue.lower {
            let sentence_initial = self.a.sentence_at(start).is_some_and(|s| self.a.sentence_tokens[s].start == first);
            if !sentence_initial && text[start..end].chars().any(char::is_uppercase) {
                return None;
            }
            // "May 5 was the deadline", "May 2010.": a month opening the
            // sentence, not the modal.
            let capitalized = text[start..end].starts_with(char::is_uppercase);
            if sentence_initial
                && capitalized
                && (tokens.get(last + 1).is_some_and(|t| t.kind == TokenKind::Number)
                    || self.entity_at(start).is_some_and(|e| e.label == EntityLabel::Date))
            {
                return None;
            }
        }
        Some(Hit { first, end: last + 1, cue })
    }

    pub(super) fn sentence_hits(&self, si: usize) -> &[Hit] {
        let r = &self.a.sentence_tokens[si];
        let lo = self.hits.partition_point(|h| h.first < r.start);
        let hi = self.hits.partition_point(|h| h.first < r.end);
        &self.hits[lo..hi]
    }

    pub(super) fn hit_at(&self, i: usize) -> Option<&Hit> {
        let k = self.hits.partition_point(|h| h.first < i);
        self.hits.get(k).filter(|h| h.first == i)
    }

    /// The hits starting at tokens `first..end`.
    pub(super) fn hits_in(&self, first: usize, end: usize) -> &[Hit] {
        let lo = self.hits.partition_point(|h| h.first < first);
        let hi = self.hits.partition_point(|h| h.first < end);
        &self.hits[lo..hi.max(lo)]
    }

    /// True when a back-referring phrase ("ces informations") lies in `span`.
    pub(super) fn backref_in(&self, span: Span) -> bool {
        self.hits_in(self.a.token_at_or_after(span.start), self.a.token_at_or_after(span.end))
            .iter()
            .any(|b| b.cue.role == Role::BackRef)
    }
}

/// Direct quotations: the quote layer's, plus any text between matching
/// quotation marks (« », “ ”, "…") of at least three words in one
/// paragraph. Sorted and disjoint.
pub(super) fn protected_regions(a: &Analysis, quotes: &[Quote]) -> Vec<Span> {
    let mut out: Vec<Span> = quotes.iter().filter(|q| q.direct).map(|q| q.span).collect();
    let text = a.text;
    for p in &a.paragraphs {
        let para = p.slice(text);
        let mut open: Option<(char, usize)> = None;
        for (off, c) in para.char_indices() {
            let pos = p.start + off;
            match (open, c) {
                (None, '«') => open = Some(('»', pos)),
                (None, '“') => open = Some(('”', pos)),
                (None, '"') => open = Some(('"', pos)),
                (Some((close, start)), c) if c == close => {
                    let inner = Span::new(start + c.len_utf8(), pos);
                    let words = inner.slice(text).split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric));
                    if words.count() >= MIN_QUOTATION_WORDS {
                        out.push(inner);
                    }
                    open = None;
                }
                _ => {}
            }
        }
        // A quotation running on into the next paragraph has no closing
        // mark at the end of this one.
        if let Some((_, start)) = open {
            let mark = text[start..].chars().next().map_or(1, char::len_utf8);
            let inner = Span::new(start + mark, p.end);
            if inner.slice(text).split_whitespace().count() >= MIN_QUOTATION_WORDS {
                out.push(inner);
            }
        }
    }
    out.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::with_capacity(out.len());
    for s in out {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}
