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

use super::super::Analysis;
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

/// Where a mark stands: after a space (opening) and/or before one (closing).
#[derive(Clone, Copy)]
struct Flank {
    opening: bool,
    closing: bool,
}

fn flank(text: &str, span: Span) -> Flank {
    let prev = text[..span.start].chars().next_back();
    let next = text[span.end..].chars().next();
    let left_open = prev.map_or(true, |c| c.is_whitespace() || "([{«“‘„—–-/".contains(c));
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

/// The outermost quotation pairs of the text, in order.
pub(crate) fn pairs(a: &Analysis) -> Vec<Pair> {
    let text = a.text;
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::with_capacity(MAX_DEPTH);
    let mut segs: Vec<Span> = Vec::new();
    let mut para = 0usize;
    let paras = &a.paragraphs;
    let find = |stack: &[Open], fams: &[Fam]| stack.iter().rposition(|o| fams.contains(&o.fam));
    for (i, tok) in a.tokens.iter().enumerate() {
        let mut consumed = false;
        while para + 1 < paras.len() && tok.span.start >= paras[para + 1].start {
            para += 1;
            if stack.is_empty() {
                continue;
            }
            let outer = stack[0];
            let prev_end = paras[para - 1].end;
            let this = paras[para];
            let first_here = tok.span.start < this.end;
            if outer.fam == Fam::StraightSingle {
                stack.clear();
                segs.clear();
            } else if first_here && opens(text, a, i, outer.fam) {
                segs.push(Span::new(outer.seg_start, prev_end));
                stack.truncate(1);
                stack[0].seg_start = tok.span.end;
                consumed = true;
            } else if first_here && closes_first(text, a, i, this.end, outer.fam) {
                segs.push(Span::new(outer.seg_start, prev_end));
                stack.truncate(1);
                stack[0].seg_start = this.start;
            } else {
                stack.clear();
                segs.clear();
            }
        }
        if consumed {
            continue;
        }
        let Some(c) = mark_char(text, tok.kind, tok.span) else { continue };
        let f = flank(text, tok.span);
        let open = |fam| Open { fam, tok: i, seg_start: tok.span.end };
        let closing_at: Option<usize> = match c {
            '«' | '„' | '‹' | '‚' => {
                let fam = match c {
                    '«' => Fam::Guil,
                    '„' => Fam::Low,
                    '‹' => Fam::Angle,
                    _ => Fam::LowSingle,
                };
                if stack.len() < MAX_DEPTH {
                    stack.push(open(fam));
                }
                None
            }
            '»' => find(&stack, &[Fam::Guil]),
            '›' => find(&stack, &[Fam::Angle]),
            '“' => {
                if let Some(k) = find(&stack, &[Fam::Low]) {
                    Some(k)
                } else if let Some(k) = find(&stack, &[Fam::Curly]).filter(|_| f.closing && !f.opening) {
                    Some(k)
                } else {
                    if stack.len() < MAX_DEPTH {
                        stack.push(open(Fam::Curly));
                    }
                    None
                }
            }
            '”' => {
                let k = find(&stack, &[Fam::Curly, Fam::Low]);
                if k.is_none() && f.opening && !f.closing && stack.len() < MAX_DEPTH {
                    stack.push(open(Fam::Curly));
                }
                k
            }
            '‘' => {
                if let Some(k) = find(&stack, &[Fam::LowSingle]) {
                    Some(k)
                } else {
                    if f.opening && stack.len() < MAX_DEPTH {
                        stack.push(open(Fam::Single));
                    }
                    None
                }
            }
            '’' => find(&stack, &[Fam::Single, Fam::LowSingle]).filter(|_| f.closing),
            '"' => match find(&stack, &[Fam::Straight]) {
                Some(k) if f.closing || !f.opening => Some(k),
                Some(k) => {
                    // A new opening mark while one is open: the earlier one
                    // was stray.
                    stack.truncate(k);
                    if k == 0 {
                        segs.clear();
                    }
                    stack.push(open(Fam::Straight));
                    None
                }
                None => {
                    if f.opening && stack.len() < MAX_DEPTH {
                        stack.push(open(Fam::Straight));
                    }
                    None
                }
            },
            '\'' if a.lang == Lang::En => {
                let rest = &text[tok.span.end..];
                // "'s", "'t", "'re" after a space are clitics of a tokenised text, not marks.
                let clitic = ["s", "t", "re", "ve", "ll", "d", "m"].iter().any(|c| {
                    rest.len() >= c.len()
                        && rest.is_char_boundary(c.len())
                        && rest[..c.len()].eq_ignore_ascii_case(c)
                        && !rest[c.len()..].chars().next().is_some_and(char::is_alphanumeric)
                });
                let next_alnum = !clitic && rest.chars().next().is_some_and(char::is_alphanumeric);
                match stack.last() {
                    Some(o) if o.fam == Fam::StraightSingle && f.closing => Some(stack.len() - 1),
                    _ => {
                        if f.opening && next_alnum && stack.len() < MAX_DEPTH {
                            stack.push(open(Fam::StraightSingle));
                        }
                        None
                    }
                }
            }
            _ => None,
        };
        if let Some(mut k) = closing_at {
            // Straight single quotes still open below are apostrophes.
            if k > 0 && stack[..k].iter().all(|o| o.fam == Fam::StraightSingle) && stack[k].fam != Fam::StraightSingle {
                stack.drain(..k);
                k = 0;
            }
            let o = stack[k];
            stack.truncate(k);
            if k == 0 {
                let mut segments: Vec<Span> = std::mem::take(&mut segs);
                segments.push(Span::new(o.seg_start, tok.span.start));
                segments.retain_mut(|s| {
                    *s = s.trim(text);
                    !s.is_empty()
                });
                if !segments.is_empty() {
                    out.push(Pair { open: o.tok, close: i, segments });
                }
            }
        }
    }
    out
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
