//! DATE mentions, by rule over tokens: weekdays, day-month-year dates,
//! months, years after a preposition, clock times, ranges between two of
//! them, deictic phrases ("cette semaine", "later this month"), with the
//! modifiers the guidelines keep ("début mai", "mardi soir", "ce lundi")
//! and without leading prepositions or articles.

use super::lexicon::Lexicon;
use super::tagger::{TokInfo, ALLCAPS, CAP};
use crate::text::{Token, TokenKind};

/// Token ranges `[start, end)` of the dates of one sentence's tokens.
/// `dateline`: the sentence is a wire dateline, where a month may be in
/// capitals ("PARIS, JAN. 5 —"); elsewhere "MAY" or "MARS" in capitals is
/// rather a shouted word or an acronym.
pub(crate) fn find(
    text: &str,
    tokens: &[Token],
    infos: &[TokInfo],
    range: std::ops::Range<usize>,
    lex: &Lexicon,
    dateline: bool,
    out: &mut Vec<(usize, usize)>,
) {
    let cx = DateContext { text, tokens, infos, lex, end: range.end, dateline };
    let mut i = range.start;
    while i < range.end {
        if let Some(j) = day_range(&cx, i).or_else(|| cx.date_at(i)) {
            out.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
}

struct DateContext<'a> {
    text: &'a str,
    tokens: &'a [Token],
    infos: &'a [TokInfo],
    lex: &'a Lexicon,
    end: usize,
    dateline: bool,
}

impl DateContext<'_> {
    fn word(&self, i: usize) -> u32 {
        if i < self.end {
            self.infos[i].word
        } else {
            0
        }
    }

    fn text_of(&self, i: usize) -> &str {
        self.tokens[i].span.slice(self.text)
    }

    fn number(&self, i: usize) -> Option<u32> {
        if i >= self.end || self.tokens[i].kind != TokenKind::Number {
            return None;
        }
        let t = self.text_of(i);
        let digits = t.trim_end_matches(|c: char| c.is_alphabetic());
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.len() > 4 {
            return None;
        }
        digits.parse().ok()
    }

    fn is_day(&self, i: usize) -> bool {
        self.number(i).is_some_and(|n| (1..=31).contains(&n))
    }

    fn is_year(&self, i: usize) -> bool {
        i < self.end && self.text_of(i).len() == 4 && self.number(i).is_some_and(|n| (1000..=2199).contains(&n))
    }

    fn is_month(&self, i: usize) -> bool {
        i < self.end
            && self.lex.months.contains(&self.infos[i].word)
            && (self.dateline || self.infos[i].flags & ALLCAPS == 0)
    }

    /// A clock time: "13H00", "13h", "9:30", "15 h 30".
    fn clock(&self, i: usize) -> Option<usize> {
        if i >= self.end || self.tokens[i].kind != TokenKind::Number {
            return None;
        }
        let t = self.text_of(i).as_bytes();
        let sep = t.iter().position(|&b| b == b'h' || b == b'H' || b == b':')?;
        let (h, m) = (&t[..sep], &t[sep + 1..]);
        let ok = !h.is_empty()
            && h.len() <= 2
            && h.iter().all(u8::is_ascii_digit)
            && (m.is_empty() || m.len() == 2 && m.iter().all(u8::is_ascii_digit));
        ok.then_some(i + 1)
    }

    /// English "3 p.m.", "10am".
    fn clock_en(&self, i: usize) -> Option<usize> {
        let n = self.number(i)?;
        if !(1..=12).contains(&n) {
            return None;
        }
        if i + 1 < self.end {
            let w = self.text_of(i + 1).to_ascii_lowercase();
            if matches!(w.as_str(), "a.m." | "p.m." | "am" | "pm") {
                return Some(i + 2);
            }
        }
        None
    }

    /// A core date starting at `i` (no leading modifier).
    fn core(&self, i: usize) -> Option<usize> {
        if i >= self.end {
            return None;
        }
        let w = self.word(i);
        if let Some(phrases) = self.lex.date_phrases.get(&w) {
            for p in phrases {
                if i + p.len() <= self.end && p.iter().enumerate().all(|(k, &h)| self.word(i + k) == h) {
                    return Some(i + p.len());
                }
            }
        }
        if self.lex.weekdays.contains(&w) {
            let mut j = i + 1;
            // "lundi 6 mars (2025)", "Tuesday, May 21"
            if self.is_day(j) && self.is_month(j + 1) {
                j += 2;
                if self.is_year(j) {
                    j += 1;
                }
            }
            return Some(j);
        }
        if self.is_day(i) && self.is_month(i + 1) {
            let mut j = i + 2;
            if self.is_year(j) {
                j += 1;
            }
            return Some(j);
        }
        if self.text_of(i) == "1er" && self.is_month(i + 1) {
            return Some(if self.is_year(i + 2) { i + 3 } else { i + 2 });
        }
        if self.is_month(i) {
            // English "May 21, 2025"; "mai 2025".
            let mut j = i + 1;
            if self.is_day(j) && self.text_of(j).len() <= 2 {
                j += 1;
                if j + 1 < self.end && self.text_of(j) == "," && self.is_year(j + 1) {
                    j += 2;
                } else if self.is_year(j) {
                    j += 1;
                }
                return Some(j);
            }
            if self.is_year(j) {
                return Some(j + 1);
            }
            // A month alone: lower-case in French, capitalised in English;
            // "May" alone is too often the verb.
            let cap = self.infos[i].flags & CAP != 0;
            let fr = self.lex.date_links.contains(&super::tagger::word_hash("au"));
            let prev_ok = i > 0
                && (self.lex.year_before.contains(&self.infos[i - 1].word)
                    || self.lex.date_before.contains(&self.infos[i - 1].word));
            if fr && !cap || !fr && cap && self.text_of(i) != "May" && prev_ok {
                return Some(j);
            }
            return None;
        }
        if self.is_year(i) && i > 0 && self.lex.year_before.contains(&self.infos[i - 1].word) {
            return Some(i + 1);
        }
        if let Some(j) = self.clock(i).or_else(|| self.clock_en(i)) {
            return Some(j);
        }
        None
    }

    fn date_at(&self, i: usize) -> Option<usize> {
        // Leading modifiers: "début", "ce", "last"… (at most two), kept only before a core.
        let mut k = i;
        while k < self.end && k < i + 2 && self.lex.date_before.contains(&self.word(k)) {
            k += 1;
        }
        let mut j = self.core(k).or_else(|| if k > i { self.core(i) } else { None })?;
        // A range: "13H00 à 15H00", "16 au 17 février", "du 16 au 17".
        loop {
            if j < self.end && self.lex.date_links.contains(&self.word(j)) {
                if let Some(e) = self.core(j + 1) {
                    j = e;
                    continue;
                }
            }
            break;
        }
        // Trailing day parts, "prochain", time zones: "mardi soir", "15H00 GMT".
        while j < self.end && self.lex.date_after.contains(&self.word(j)) {
            j += 1;
        }
        Some(j)
    }
}

/// "16 au 17 février" starting at a bare day: the end of the range.
fn day_range(cx: &DateContext, i: usize) -> Option<usize> {
    if cx.is_day(i) && i + 1 < cx.end && cx.lex.date_links.contains(&cx.word(i + 1)) && cx.is_day(i + 2) {
        return cx.core(i + 2).filter(|&e| e > i + 3);
    }
    None
}
