//! Byte ranges in the core, UTF-16 code units at the boundary.
//!
//! Every detector works on byte offsets into a `&str` (like aho-corasick's
//! `Match`). Browsers count offsets in UTF-16 code units (`String.prototype
//! .slice`, `Range.setStart`), so the conversion happens once, here, when a
//! document leaves the core.

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

/// Converts byte offsets to UTF-16 code-unit offsets in one pass over `text`.
///
/// `offsets` may be in any order; the result has the same order. An offset
/// inside a multi-byte character maps to the start of that character;
/// offsets past the end map to the UTF-16 length.
///
/// # Examples
///
/// ```
/// let text = "😀 a";
/// assert_eq!(article_annotator::span::to_utf16(text, &[0, 4, 5, 6]), vec![0, 2, 3, 4]);
/// ```
pub fn to_utf16(text: &str, offsets: &[usize]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..offsets.len()).collect();
    order.sort_unstable_by_key(|&i| offsets[i]);
    let mut out = vec![0u32; offsets.len()];
    let mut chars = text.char_indices().peekable();
    let mut units: u32 = 0;
    for i in order {
        let target = offsets[i];
        while let Some(&(pos, c)) = chars.peek() {
            if pos + c.len_utf8() > target {
                break;
            }
            units += c.len_utf16() as u32;
            chars.next();
        }
        out[i] = units;
    }
    out
}

/// A sorted map from byte offsets to UTF-16 offsets, for converting many
/// offsets of one text without re-scanning it.
#[derive(Debug, Clone)]
pub struct Utf16Index {
    /// (byte offset, utf16 offset) at every char whose UTF-8 and UTF-16
    /// lengths differ from 1:1, plus the end of the text.
    checkpoints: Vec<(usize, u32)>,
}

impl Utf16Index {
    /// Indexes `text`.
    pub fn new(text: &str) -> Utf16Index {
        let mut checkpoints = vec![(0usize, 0u32)];
        let mut units = 0u32;
        for (pos, c) in text.char_indices() {
            units += c.len_utf16() as u32;
            if c.len_utf8() != 1 {
                checkpoints.push((pos + c.len_utf8(), units));
            }
        }
        Utf16Index { checkpoints }
    }

    /// The UTF-16 offset of byte offset `byte` (which must be a char
    /// boundary; otherwise the nearest earlier boundary is assumed).
    pub fn convert(&self, byte: usize) -> u32 {
        // Last checkpoint at or before `byte`; between checkpoints every char is ASCII.
        let i = self.checkpoints.partition_point(|&(b, _)| b <= byte) - 1;
        let (b, u) = self.checkpoints[i];
        u + (byte - b) as u32
    }
}

/// Converts a UTF-16 offset back to a byte offset of `text` (clamped to the
/// text, rounded down to a char boundary).
pub fn from_utf16(text: &str, unit: u32) -> usize {
    let mut units = 0u32;
    for (pos, c) in text.char_indices() {
        if units >= unit {
            return pos;
        }
        units += c.len_utf16() as u32;
        if units > unit {
            return pos;
        }
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_quotes_with_narrow_spaces() {
        let text = "«\u{202F}Il a dit\u{202F}»";
        let start = text.find('I').unwrap();
        let end = start + "Il a dit".len();
        assert_eq!(to_utf16(text, &[start, end]), vec![2, 10]);
        let idx = Utf16Index::new(text);
        assert_eq!((idx.convert(start), idx.convert(end)), (2, 10));
    }

    #[test]
    fn emoji_is_two_units() {
        let text = "a😀b";
        assert_eq!(to_utf16(text, &[0, 1, 5, 6]), vec![0, 1, 3, 4]);
        let idx = Utf16Index::new(text);
        assert_eq!(idx.convert(5), 3);
        assert_eq!(from_utf16(text, 3), 5);
    }

    #[test]
    fn combining_accent_counts_each_code_point() {
        let text = "e\u{301}t\u{e9}";
        // e + U+0301 are two code units; precomposed é is one.
        assert_eq!(to_utf16(text, &[text.len()]), vec![4]);
        assert_eq!(Utf16Index::new(text).convert(text.len()), 4);
    }

    #[test]
    fn trim_and_slice_never_panic() {
        let text = "  é  ";
        assert_eq!(Span::new(0, text.len()).trim(text).slice(text), "é");
        assert_eq!(Span::new(3, 4).slice(text), "");
        assert_eq!(Span::new(0, 99).slice(text), "");
    }
}
