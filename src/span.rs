//! Byte ranges: the core's offsets.
//!
//! Every detector works on byte offsets into a `&str` (like aho-corasick's
//! `Match`). Browsers count offsets in UTF-16 code units (`String.prototype
//! .slice`, `Range.setStart`); the conversion happens once, in
//! `crate::contract`, when a document leaves the core.

use serde::Serialize;

/// A half-open byte range `start..end` into the annotated text.
///
/// # Examples
///
/// ```
/// use article_annotator::Span;
/// let text = "« Il a dit »";
/// let span = Span::new(3, 11);
/// assert_eq!(span.slice(text), "Il a dit");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: usize,
    /// One past the last byte of the range.
    pub end: usize,
}

impl Span {
    /// Makes a span; `start` must not exceed `end`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The text the span covers. Returns `""` if the span is not a valid
    /// char-boundary range of `text` (never panics).
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span shrunk so it neither starts nor ends with whitespace.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_and_slice_never_panic() {
        let text = "  é  ";
        assert_eq!(Span::new(0, text.len()).trim(text).slice(text), "é");
        assert_eq!(Span::new(3, 4).slice(text), "");
        assert_eq!(Span::new(0, 99).slice(text), "");
    }
}
