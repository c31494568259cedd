//! Pairs quotation marks into quotations.
//!
//! One pass over the punctuation tokens with a small stack: « » (with or
//! without no-break spaces), “ ”, „ “, ‹ ›, ‘ ’ and straight quotes, which
//! are paired by the spaces around them. Inner quotations belong to the
//! outer one; only outermost pairs come out. A quotation left open at the
//! end of a paragraph continues into the next one when that paragraph
//! starts with the same opening mark (the convention that repeats it) or
//! closes it before opening another (the convention that does not);
//! otherwise the stray mark is dropped. An apostrophe is never a mark: ’
//! only closes an open ‘, and straight ' pairs only in English, inside one
//! paragraph.

use super::lexicon::lexicon;
use super::Analysis;
use crate::lang::Lang;
use crate::span::Span;
use crate::text::TokenKind;

/// An outermost pair of quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Pair {
    /// Token index of the opening mark.
    pub open: usize,
    /// Token index of the closing mark.
    pub close: usize,
    /// The quoted text, marks and outer whitespace excluded: one span per
    /// paragraph the quotation runs over.
    pub segments: Vec<Span>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Fam {
    Guil,
    Curly,
    Low,
    Angle,
    Single,
    LowSingle,
    Straight,
    StraightSingle,
}

#[derive(Clone, Copy, Debug)]
struct Open {
    fam: Fam,
    tok: usize,
    /// Where the current segment's text starts.
    seg_start: usize,
}

/// Deeper nesting than this is noise: further openers are ignored.
const MAX_DEPTH: usize = 16;
/// Tokens looked at, in the next paragraph, for the mark that closes a
/// quotation left open.
const LOOKAHEAD: usize = 4000;

/// What may stand right before an opening mark, besides a space: "(«",
/// "—“", "/\"".
const OPENERS_BEFORE_MARK: &str = "([{«“‘„—–-/";

/// Where a mark stands: after a space (opening) and/or before one (closing).
#[derive(Clone, Copy)]
struct Flank {
    opening: bool,
    closing: bool,
}

fn flank(text: &str, span: Span) -> Flank {
    let prev = text[..span.start].chars().next_back();
    let next = text[span.end..].chars().next();
    let left_open = prev.map_or(true, |c| c.is_whitespace() || OPENERS_BEFORE_MARK.contains(c));
    let right_word = next.is_some_and(|c| !c.is_whitespace());
    let left_word = prev.is_some_and(|c| !c.is_whitespace());
    let right_open = next.map_or(true, |c| !c.is_alphanumeric());
    Flank { opening: left_open && right_word, closing: left_word && right_open && !left_open }
}

/// The mark a token is, if it is one.
fn mark_char(text: &str, kind: TokenKind, span: Span) -> Option<char> {
    if kind != TokenKind::Punct {
        return None;
    }
    let mut cs = span.slice(text).chars();
    let c = cs.next()?;
    (cs.next().is_none() && matches!(c, '«' | '»' | '“' | '”' | '„' | '‹' | '›' | '‘' | '’' | '‚' | '"' | '\''))
        .then_some(c)
}

/// Is the token at `i` an opening mark of `fam` (for the repeated-mark
/// convention)?
fn opens(text: &str, a: &Analysis, i: usize, fam: Fam) -> bool {
    let t = a.tokens[i];
    match mark_char(text, t.kind, t.span) {
        Some('«') => fam == Fam::Guil,
        Some('“') => fam == Fam::Curly,
        Some('„') => fam == Fam::Low,
        Some('‹') => fam == Fam::Angle,
        Some('‘') => fam == Fam::Single,
        Some('"') => fam == Fam::Straight && flank(text, t.span).opening,
        _ => false,
    }
}

/// Does the paragraph whose tokens start at `i` (and end at `end`) close
/// `fam` before it opens it again?
fn closes_first(text: &str, a: &Analysis, mut i: usize, end: usize, fam: Fam) -> bool {
    let limit = i.saturating_add(LOOKAHEAD);
    while i < a.tokens.len() && a.tokens[i].span.start < end && i < limit {
        let t = a.tokens[i];
        if let Some(c) = mark_char(text, t.kind, t.span) {
            let f = flank(text, t.span);
            match (fam, c) {
                (Fam::Guil, '»') | (Fam::Curly | Fam::Low, '”') | (Fam::Angle, '›') | (Fam::Single, '’') => {
                    return true
                }
                (Fam::Guil, '«') | (Fam::Curly, '“') | (Fam::Low, '„') | (Fam::Angle, '‹') | (Fam::Single, '‘') => {
                    return false
                }
                (Fam::Low, '“') => return true,
                (Fam::Straight, '"') => return f.closing && !f.opening,
                _ => {}
            }
        }
        i += 1;
    }
    false
}

/// The pairing in progress: the open marks, the segments of the outermost
/// quotation so far (one per paragraph), the paragraph of the token at hand.
struct Pairing<'a, 't> {
    a: &'a Analysis<'t>,
    text: &'t str,
    out: Vec<Pair>,
    stack: Vec<Open>,
    segs: Vec<Span>,
    para: usize,
}

/// The outermost quotation pairs of the text, in order.
pub(crate) fn pairs(a: &Analysis) -> Vec<Pair> {
    let mut p =
        Pairing { a, text: a.text, out: Vec::new(), stack: Vec::with_capacity(MAX_DEPTH), segs: Vec::new(), para: 0 };
    for (i, tok) in a.tokens.iter().enumerate() {
        if p.enter_paragraphs(i, tok.span) {
            continue;
        }
        let Some(c) = mark_char(p.text, tok.kind, tok.span) else { continue };
        let f = flank(p.text, tok.span);
        if let Some(k) = p.closing_at(i, tok.span, c, f) {
            p.close(k, i, tok.span);
        }
    }
    p.out
}

impl Pairing<'_, '_> {
    /// The innermost open mark of one of `fams`.
    fn find(&self, fams: &[Fam]) -> Option<usize> {
        self.stack.iter().rposition(|o| fams.contains(&o.fam))
    }

    /// Opens a quotation of `fam` at token `i` (ignored past [`MAX_DEPTH`]).
    fn push_bounded(&mut self, fam: Fam, i: usize, span: Span) {
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open { fam, tok: i, seg_start: span.end });
        }
    }

    /// Moves to the paragraph of token `i` at `span`: a quotation still
    /// open continues into it (a new segment) or is dropped. True when
    /// token `i` is the repeated opening mark that continues it.
    fn enter_paragraphs(&mut self, i: usize, span: Span) -> bool {
        let paras = &self.a.paragraphs;
        let mut consumed = false;
        while self.para + 1 < paras.len() && span.start >= paras[self.para + 1].start {
            self.para += 1;
            if self.stack.is_empty() {
                continue;
            }
            let outer = self.stack[0];
            let prev_end = paras[self.para - 1].end;
            let this = paras[self.para];
            let first_here = span.start < this.end;
            if outer.fam == Fam::StraightSingle {
                self.stack.clear();
                self.segs.clear();
            } else if first_here && opens(self.text, self.a, i, outer.fam) {
                // The convention that repeats the opening mark.
                self.segs.push(Span::new(outer.seg_start, prev_end));
                self.stack.truncate(1);
                self.stack[0].seg_start = span.end;
                consumed = true;
            } else if first_here && closes_first(self.text, self.a, i, this.end, outer.fam) {
                // The convention that does not.
                self.segs.push(Span::new(outer.seg_start, prev_end));
                self.stack.truncate(1);
                self.stack[0].seg_start = this.start;
            } else {
                self.stack.clear();
                self.segs.clear();
            }
        }
        consumed
    }

    /// Reads the mark `c` at token `i`: opens a quotation, or returns the
    /// stack index of the open mark it closes.
    fn closing_at(&mut self, i: usize, span: Span, c: char, f: Flank) -> Option<usize> {
        match c {
            '«' | '„' | '‹' | '‚' => {
                let fam = match c {
                    '«' => Fam::Guil,
                    '„' => Fam::Low,
                    '‹' => Fam::Angle,
                    _ => Fam::LowSingle,
                };
                self.push_bounded(fam, i, span);
                None
            }
            '»' => self.find(&[Fam::Guil]),
            '›' => self.find(&[Fam::Angle]),
            '“' => {
                // „…“ closes with “; otherwise “ closes an open “ only where
                // it stands as a closing mark.
                if let Some(k) = self.find(&[Fam::Low]) {
                    Some(k)
                } else if let Some(k) = self.find(&[Fam::Curly]).filter(|_| f.closing && !f.opening) {
                    Some(k)
                } else {
                    self.push_bounded(Fam::Curly, i, span);
                    None
                }
            }
            '”' => {
                let k = self.find(&[Fam::Curly, Fam::Low]);
                if k.is_none() && f.opening && !f.closing {
                    self.push_bounded(Fam::Curly, i, span);
                }
                k
            }
            '‘' => {
                if let Some(k) = self.find(&[Fam::LowSingle]) {
                    Some(k)
                } else {
                    if f.opening {
                        self.push_bounded(Fam::Single, i, span);
                    }
                    None
                }
            }
            '’' => self.find(&[Fam::Single, Fam::LowSingle]).filter(|_| f.closing),
            '"' => self.straight_double(i, span, f),
            '\'' if self.a.lang == Lang::En => self.straight_single(i, span, f),
            _ => None,
        }
    }

    /// '"': paired by the spaces around it.
    fn straight_double(&mut self, i: usize, span: Span, f: Flank) -> Option<usize> {
        match self.find(&[Fam::Straight]) {
            Some(k) if f.closing || !f.opening => Some(k),
            Some(k) => {
                // A new opening mark while one is open: the earlier one
                // was stray.
                self.stack.truncate(k);
                if k == 0 {
                    self.segs.clear();
                }
                self.stack.push(Open { fam: Fam::Straight, tok: i, seg_start: span.end });
                None
            }
            None => {
                if f.opening {
                    self.push_bounded(Fam::Straight, i, span);
                }
                None
            }
        }
    }

    /// "'" (English only): a mark only before a word that is not a clitic.
    fn straight_single(&mut self, i: usize, span: Span, f: Flank) -> Option<usize> {
        let rest = &self.text[span.end..];
        // "'s", "'t", "'re" after a space are clitics of a tokenised text,
        // not marks (class `clitic.tail`).
        let clitic = lexicon(self.a.lang).clitic_tails.iter().any(|c| {
            rest.len() >= c.len()
                && rest.is_char_boundary(c.len())
                && rest[..c.len()].eq_ignore_ascii_case(c)
                && !rest[c.len()..].chars().next().is_some_and(char::is_alphanumeric)
        });
        let next_alnum = !clitic && rest.chars().next().is_some_and(char::is_alphanumeric);
        match self.stack.last() {
            Some(o) if o.fam == Fam::StraightSingle && f.closing => Some(self.stack.len() - 1),
            _ => {
                if f.opening && next_alnum {
                    self.push_bounded(Fam::StraightSingle, i, span);
                }
                None
            }
        }
    }

    /// Closes the open mark at stack index `k` with token `i`; an outermost
    /// quotation becomes a [`Pair`].
    fn close(&mut self, mut k: usize, i: usize, span: Span) {
        let stack = &mut self.stack;
        // Straight single quotes still open below are apostrophes.
        if k > 0 && stack[..k].iter().all(|o| o.fam == Fam::StraightSingle) && stack[k].fam != Fam::StraightSingle {
            stack.drain(..k);
            k = 0;
        }
        let o = stack[k];
        stack.truncate(k);
        if k == 0 {
            let mut segments: Vec<Span> = std::mem::take(&mut self.segs);
            segments.push(Span::new(o.seg_start, span.start));
            segments.retain_mut(|s| {
                *s = s.trim(self.text);
                !s.is_empty()
            });
            if !segments.is_empty() {
                self.out.push(Pair { open: o.tok, close: i, segments });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str, lang: Lang) -> Vec<Vec<&str>> {
        let a = Analysis::new(text, lang);
        pairs(&a).iter().map(|p| p.segments.iter().map(|s| s.slice(text)).collect()).collect()
    }

    #[test]
    fn french_and_english_marks() {
        assert_eq!(quoted("Il a dit « oui\u{202F}» puis «\u{A0}non\u{A0}».", Lang::Fr), [["oui"], ["non"]]);
        assert_eq!(quoted("« Il a parlé de “crise” hier »", Lang::Fr), [["Il a parlé de “crise” hier"]]);
        assert_eq!(quoted("Er sagte „ja“ und “no”.", Lang::Fr), [["ja"], ["no"]]);
        assert_eq!(quoted("He said ‘it’s fine’ and left.", Lang::En), [["it’s fine"]]);
        assert_eq!(quoted("The players’ union said \"no\" and \"yes.\"", Lang::En), [["no"], ["yes."]]);
        assert_eq!(quoted("Headline: PM 'will not resign' today", Lang::En), [["will not resign"]]);
        assert_eq!(quoted("l'AFP a dit \"ça\"", Lang::Fr), [["ça"]]);
    }

    #[test]
    fn paragraphs_with_and_without_repeated_marks() {
        let t = "Il a dit : « Un.\n« Deux.\n« Trois. »\nFin.";
        assert_eq!(quoted(t, Lang::Fr), [["Un.", "Deux.", "Trois."]]);
        let t = "He said: “One.\nTwo.”\nEnd.";
        assert_eq!(quoted(t, Lang::En), [["One.", "Two."]]);
        let t = "Stray « open.\nNext paragraph.\n« Real » one.";
        assert_eq!(quoted(t, Lang::Fr), [["Real"]]);
    }

    #[test]
    fn unbalanced_and_many_marks_do_not_panic() {
        for t in ["»»«««", "\"\"\"\"\"", "“”””“", "'''", "« « « »", "’‘’‘", "„“„”"] {
            let _ = quoted(t, Lang::Fr);
            let _ = quoted(t, Lang::En);
        }
        let big = "« a ".repeat(100_000);
        assert!(quoted(&big, Lang::Fr).is_empty());
    }
}
