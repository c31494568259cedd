//! The joined text of a DOM subtree and the way back to its text nodes.
//!
//! The browser binding walks the text nodes of an element once and feeds
//! them here, with block boundaries and line breaks, in document order.
//! [`TextMapBuilder`] joins them the way a reader sees them (CSS
//! `white-space: normal` collapsing, one `"\n"` per block boundary, so the
//! core's paragraph splitter finds the paragraphs) and records, for every
//! run of joined text, which node and which local offset it came from.
//! [`TextMap`] then turns UTF-16 offsets into the joined text (the contract's
//! offsets) back into `(node, local UTF-16 offset)` pairs, which is what
//! `Range.setStart` and `Text.splitText` take.
//!
//! This module is pure Rust and knows nothing of the DOM: nodes are plain
//! indices chosen by the caller. That keeps the mapping testable natively
//! (mark.js keeps the same table in `getTextNodes`).
//!
//! # Examples
//!
//! ```
//! use article_annotator::text::textmap::TextMapBuilder;
//!
//! // <p>Le  <b>président</b>\n a dit</p><p>Oui</p>
//! let mut b = TextMapBuilder::new();
//! b.block();
//! b.text(0, "Le  ", false);
//! b.text(1, "président", false);
//! b.text(2, "\n a dit", false);
//! b.block();
//! b.text(3, "Oui", false);
//! let map = b.finish();
//! assert_eq!(map.text(), "Le président a dit\nOui");
//! // "président" is units 3..12 of the joined text: all of node 1.
//! assert_eq!(map.range(3, 12), Some(((1, 0), (1, 9))));
//! // "Oui" starts after the synthetic "\n".
//! assert_eq!(map.range(19, 22), Some(((3, 0), (3, 3))));
//! ```

/// One run of joined text copied contiguously from one node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    /// First UTF-16 unit in the joined text.
    joined: u32,
    /// The caller's node index.
    node: u32,
    /// First UTF-16 unit inside the node.
    local: u32,
    /// Length in UTF-16 units.
    len: u32,
}

/// Builds a [`TextMap`] from text nodes, block boundaries and line breaks in
/// document order.
#[derive(Debug, Default)]
pub struct TextMapBuilder {
    text: String,
    len16: u32,
    segments: Vec<Segment>,
    /// Collapsible whitespace seen since the last content: where it came from.
    pending_space: Option<(u32, u32)>,
    /// True at the start of the text, of a block or after a line break:
    /// leading collapsible whitespace is dropped there.
    at_line_start: bool,
}

/// White space that CSS `white-space: normal` collapses. U+00A0 and the
/// other no-break spaces are not in it: they stay, one for one.
fn collapsible(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{C}')
}

impl TextMapBuilder {
    /// An empty builder.
    pub fn new() -> TextMapBuilder {
        TextMapBuilder { at_line_start: true, ..TextMapBuilder::default() }
    }

    /// Appends the text of node `node`. With `pre` (the node is inside
    /// `white-space: pre*` or a `<pre>`), its white space is kept as is.
    pub fn text(&mut self, node: u32, text: &str, pre: bool) {
        let mut local = 0u32;
        for c in text.chars() {
            let units = c.len_utf16() as u32;
            if !pre && collapsible(c) {
                if !self.at_line_start && self.pending_space.is_none() {
                    self.pending_space = Some((node, local));
                }
            } else {
                self.flush_space();
                self.push(c, Some((node, local)));
                self.at_line_start = pre && c == '\n';
            }
            local += units;
        }
    }

    /// A block boundary (start or end of a `<p>`, `<div>`, `<li>`, …): a
    /// `"\n"` unless the text is empty or already ends a line.
    pub fn block(&mut self) {
        self.pending_space = None;
        if !self.text.is_empty() && !self.text.ends_with('\n') {
            self.push('\n', None);
        }
        self.at_line_start = true;
    }

    /// A forced line break (`<br>`): always a `"\n"`.
    pub fn line_break(&mut self) {
        self.pending_space = None;
        self.push('\n', None);
        self.at_line_start = true;
    }

    /// The finished map. Trailing white space and line breaks are dropped.
    pub fn finish(mut self) -> TextMap {
        while self.text.ends_with('\n') {
            self.text.pop();
            self.len16 -= 1;
        }
        let len16 = self.len16;
        self.segments.retain(|s| s.joined < len16);
        if let Some(last) = self.segments.last_mut() {
            last.len = last.len.min(len16 - last.joined);
        }
        TextMap { text: self.text, len16, segments: self.segments }
    }

    fn flush_space(&mut self) {
        if let Some(from) = self.pending_space.take() {
            self.push(' ', Some(from));
        }
    }

    fn push(&mut self, c: char, from: Option<(u32, u32)>) {
        let units = c.len_utf16() as u32;
        if let Some((node, local)) = from {
            match self.segments.last_mut() {
                Some(s) if s.node == node && s.local + s.len == local && s.joined + s.len == self.len16 => {
                    s.len += units;
                }
                _ => self.segments.push(Segment { joined: self.len16, node, local, len: units }),
            }
        }
        self.text.push(c);
        self.len16 += units;
    }
}

/// The joined text of a subtree and, for any UTF-16 range of it, the text
/// node positions that bound it. Built by [`TextMapBuilder`].
#[derive(Clone, Debug, Default)]
pub struct TextMap {
    text: String,
    len16: u32,
    segments: Vec<Segment>,
}

impl TextMap {
    /// The joined text: what the annotator should be given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Length of the joined text in UTF-16 units.
    pub fn len_utf16(&self) -> u32 {
        self.len16
    }

    /// The node position where a range starting at joined offset `start`
    /// begins: the first unit copied from a node at or after `start`.
    pub fn start_position(&self, start: u32) -> Option<(u32, u32)> {
        let i = self.segments.partition_point(|s| s.joined + s.len <= start);
        let s = self.segments.get(i)?;
        Some((s.node, s.local + start.saturating_sub(s.joined)))
    }

    /// The node position where a range ending at joined offset `end` ends:
    /// just after the last unit copied from a node before `end`.
    pub fn end_position(&self, end: u32) -> Option<(u32, u32)> {
        let i = self.segments.partition_point(|s| s.joined < end);
        let s = self.segments.get(i.checked_sub(1)?)?;
        Some((s.node, s.local + (end - s.joined).min(s.len)))
    }

    /// Start and end node positions of the joined range `start..end`, or
    /// `None` when the range covers no node text (empty, out of bounds, or
    /// only synthetic line breaks).
    pub fn range(&self, start: u32, end: u32) -> Option<((u32, u32), (u32, u32))> {
        if start >= end || end > self.len16 {
            return None;
        }
        let a = self.start_position(start)?;
        let b = self.end_position(end)?;
        let first = self.segments.partition_point(|s| s.joined + s.len <= start);
        let last = self.segments.partition_point(|s| s.joined < end);
        (first < last).then_some((a, b))
    }

    /// The pieces of each node that the joined range `start..end` covers, as
    /// `(node, local start, local end)` in document order; one per node.
    /// This is what wrapping in elements needs.
    pub fn pieces(&self, start: u32, end: u32) -> Vec<(u32, u32, u32)> {
        let mut out: Vec<(u32, u32, u32)> = Vec::new();
        if start >= end {
            return out;
        }
        let first = self.segments.partition_point(|s| s.joined + s.len <= start);
        for s in self.segments[first..].iter().take_while(|s| s.joined < end) {
            let from = s.local + start.saturating_sub(s.joined);
            let to = s.local + (end - s.joined).min(s.len);
            match out.last_mut() {
                Some(last) if last.0 == s.node => last.2 = to,
                _ => out.push((s.node, from, to)),
            }
        }
        out
    }

    /// The joined offset of a node position, if that unit was copied into the
    /// joined text (collapsed white space maps to its one kept space).
    pub fn joined_offset(&self, node: u32, local: u32) -> Option<u32> {
        self.segments
            .iter()
            .find(|s| s.node == node && s.local <= local && local < s.local + s.len)
            .map(|s| s.joined + (local - s.local))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slice16(s: &str, a: u32, b: u32) -> String {
        let u: Vec<u16> = s.encode_utf16().collect();
        String::from_utf16_lossy(&u[a as usize..b as usize])
    }

    /// Builds a map from (node text) with `|` as a block boundary.
    fn build(parts: &[&str]) -> (TextMap, Vec<String>) {
        let mut b = TextMapBuilder::new();
        let mut nodes = Vec::new();
        for p in parts {
            if *p == "|" {
                b.block();
            } else if *p == "<br>" {
                b.line_break();
            } else {
                b.text(nodes.len() as u32, p, false);
                nodes.push(p.to_string());
            }
        }
        (b.finish(), nodes)
    }

    /// Checks that every range of `word` in the joined text maps back to
    /// node text that, concatenated, equals the word modulo white space.
    fn check_word(map: &TextMap, nodes: &[String], word: &str) {
        let text = map.text();
        let byte = text.find(word).unwrap_or_else(|| panic!("{word:?} not in {text:?}"));
        let start = text[..byte].encode_utf16().count() as u32;
        let end = start + word.encode_utf16().count() as u32;
        let got: String =
            map.pieces(start, end).iter().map(|&(n, a, b)| slice16(&nodes[n as usize], a, b)).collect::<String>();
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(squash(&got), squash(word));
    }

    #[test]
    fn whitespace_collapses_across_nodes() {
        let (map, nodes) = build(&["  Le   ", "  président ", "\n\ta dit.  "]);
        assert_eq!(map.text(), "Le président a dit.");
        check_word(&map, &nodes, "président a");
        assert_eq!(map.range(3, 12), Some(((1, 2), (1, 11))));
    }

    #[test]
    fn blocks_become_single_newlines() {
        let (map, nodes) = build(&["|", "Titre", "|", "|", " ", "|", "Premier ", "|", "Second", "|"]);
        assert_eq!(map.text(), "Titre\nPremier\nSecond");
        check_word(&map, &nodes, "Second");
        // A range covering only the synthetic "\n" maps to nothing.
        assert_eq!(map.range(5, 6), None);
        // Across the boundary: from the end of "Titre" to the start of "Premier".
        assert_eq!(map.range(4, 7), Some(((0, 4), (2, 1))));
    }

    #[test]
    fn line_breaks_are_kept() {
        let (map, _) = build(&["a", "<br>", "<br>", " b"]);
        assert_eq!(map.text(), "a\n\nb");
        assert_eq!(map.range(3, 4), Some(((1, 1), (1, 2))));
    }

    #[test]
    fn nbsp_is_not_collapsed() {
        let (map, nodes) = build(&["« Il\u{a0}a\u{a0}\u{a0}dit\u{202f}»"]);
        assert_eq!(map.text(), "« Il\u{a0}a\u{a0}\u{a0}dit\u{202f}»");
        check_word(&map, &nodes, "Il\u{a0}a");
    }

    #[test]
    fn emoji_and_combining_marks_count_utf16_units() {
        let (map, nodes) = build(&["😀 ", "  Ele\u{301}onore", " 👩‍👩‍👧 fin"]);
        assert_eq!(map.text(), "😀 Ele\u{301}onore 👩‍👩‍👧 fin");
        // "Ele\u{301}onore" starts at unit 3 (emoji = 2 units, space = 1).
        assert_eq!(map.start_position(3), Some((1, 2)));
        assert_eq!(map.end_position(3 + 9), Some((1, 11)));
        check_word(&map, &nodes, "Ele\u{301}onore");
        check_word(&map, &nodes, "👩‍👩‍👧 fin");
    }

    #[test]
    fn pre_keeps_whitespace() {
        let mut b = TextMapBuilder::new();
        b.text(0, "a  b\n  c", true);
        b.text(1, "  d", false);
        let map = b.finish();
        assert_eq!(map.text(), "a  b\n  c d");
        assert_eq!(map.range(9, 10), Some(((1, 2), (1, 3))));
    }

    #[test]
    fn pieces_split_per_node() {
        let (map, _) = build(&["Jean-", "Pierre", " Dupont"]);
        assert_eq!(map.text(), "Jean-Pierre Dupont");
        assert_eq!(map.pieces(0, 18), vec![(0, 0, 5), (1, 0, 6), (2, 0, 7)]);
        assert_eq!(map.pieces(3, 8), vec![(0, 3, 5), (1, 0, 3)]);
        assert_eq!(map.joined_offset(2, 0), Some(11));
        assert_eq!(map.joined_offset(2, 3), Some(14));
    }

    #[test]
    fn out_of_range_and_empty_never_panic() {
        let (map, _) = build(&[]);
        assert_eq!(map.text(), "");
        assert_eq!(map.range(0, 1), None);
        let (map, _) = build(&["abc"]);
        assert_eq!(map.range(2, 2), None);
        assert_eq!(map.range(1, 9), None);
        assert_eq!(map.range(3, 1), None);
        assert!(map.pieces(5, 9).is_empty());
        assert_eq!(map.start_position(7), None);
    }
}
