//! From candidates to mentions: overlaps resolved, names propagated,
//! joined ("University of Sydney", "Lake" + "Geneva"), retyped by
//! facility heads, acronyms, given names and a vote per name.

use super::name_index::NameIndex;
use super::tagged::suffix_label;
use super::tagger::{ALLCAPS, CAP, FIRST_NAME, START};
use super::{covered_tokens, name_continuation, trim, Cand, Context};
use crate::lang::data;
use crate::model::EntityLabel;
use crate::sort::{desc, pos, sort_by_rank};
use crate::text::TokenKind;
use std::collections::HashMap;

/// Keeps the strongest non-overlapping candidates (a weaker one keeps its
/// part before a stronger one: "Berlin" of "Berlin mardi"), sorted.
pub(super) fn resolve(cx: &Context, mut cands: Vec<Cand>) -> Vec<Cand> {
    sort_by_rank(&mut cands, |c| [desc(c.prio), desc(pos(c.e - c.s)), pos(c.s)]);
    let mut taken = vec![false; cx.a.tokens.len()];
    let mut kept: Vec<Cand> = Vec::new();
    for mut c in cands {
        if (c.s..c.e).any(|k| taken[k]) {
            // Keep the left part if it is a name on its own.
            let mut first = (c.s..c.e).find(|&k| taken[k]).unwrap_or(c.e);
            // Without its lower-case tail ("Lake Geneva on" [Monday]).
            while first > c.s + 1 && cx.a.tokens[first - 1].kind == TokenKind::Word && !cx.is_name_word(first - 1) {
                first -= 1;
            }
            if first > c.s && c.label != EntityLabel::Date {
                match trim(cx, c.s, first, c.label) {
                    // Not a capitalised article alone ("The" of "The [Financial Times]").
                    Some((s, e))
                        if (s..e).any(|k| cx.is_name_word(k) && !cx.is_function_word(k) && cx.text(k) != "The") =>
                    {
                        c.s = s;
                        c.e = e;
                    }
                    _ => continue,
                }
            } else {
                continue;
            }
        }
        taken[c.s..c.e].fill(true);
        kept.push(c);
    }
    kept.retain(|c| c.prio < 7);
    sort_by_rank(&mut kept, |c| [pos(c.s), 0, 0]);
    kept
}

/// Surnames after a full name, and repeated single-word names: the same
/// type. Also retypes a single-word mention to PER when it is the surname
/// of a person named earlier.
pub(super) fn propagate(cx: &Context, kept: &mut Vec<Cand>) {
    let mut names: HashMap<&str, EntityLabel> = HashMap::new();
    for c in kept.iter() {
        if c.label == EntityLabel::Date {
            continue;
        }
        if c.label == EntityLabel::Per && c.e - c.s >= 2 && cx.is_name_word(c.e - 1) {
            names.insert(cx.text(c.e - 1), EntityLabel::Per);
        }
    }
    for c in kept.iter() {
        if c.e - c.s == 1 && c.label != EntityLabel::Date && (cx.text(c.s).chars().count() >= 2 || c.prio >= 2) {
            names.entry(cx.text(c.s)).or_insert(c.label);
        }
    }
    let mut covered = vec![false; cx.a.tokens.len()];
    for c in kept.iter_mut() {
        covered[c.s..c.e].fill(true);
        if c.e - c.s == 1 {
            if let Some(&l) = names.get(cx.text(c.s)) {
                if l == EntityLabel::Per {
                    c.label = l;
                }
            }
        }
    }
    for i in 0..cx.a.tokens.len() {
        if covered[i] || !cx.is_name_word(i) {
            continue;
        }
        if let Some(&label) = names.get(cx.text(i)) {
            // Not inside a longer capitalised run the tagger rejected.
            let next_cap = i + 1 < covered.len() && cx.is_name_word(i + 1) && cx.same_sentence(i, i + 1);
            let prev_cap = i > 0 && cx.is_name_word(i - 1) && cx.flags(i) & START == 0 && cx.same_sentence(i - 1, i);
            if !next_cap && !prev_cap {
                kept.push(Cand { s: i, e: i + 1, label, prio: 0 });
            }
        }
    }
    repeat_full_names(cx, kept);
}

/// A name of two or more words found once is the same name where it is
/// repeated and nothing else was found ("Elon Musk" in a title, tagged
/// in the body), unless it is part of a longer capitalised run.
fn repeat_full_names(cx: &Context, kept: &mut Vec<Cand>) {
    let n = cx.a.tokens.len();
    // One entry per distinct name (its first occurrence), in order.
    let mut seen = std::collections::HashSet::new();
    let full: Vec<Cand> = kept
        .iter()
        .filter(|c| c.e - c.s >= 2 && c.label != EntityLabel::Date && seen.insert(cx.text_span(c.s, c.e)))
        .copied()
        .collect();
    if full.is_empty() {
        return;
    }
    let words: Vec<u32> = cx.infos.iter().map(|t| t.word).collect();
    let index = NameIndex::new(full.iter().map(|c| &words[c.s..c.e]));
    let covered = covered_tokens(n, kept);
    let mut i = 0;
    while i < n {
        let found = (!covered[i])
            .then(|| {
                index.first_match(&words, i, |f| {
                    let c = &full[f];
                    let len = c.e - c.s;
                    i + len <= n
                        && (0..len).all(|k| !covered[i + k] && cx.text(i + k) == cx.text(c.s + k))
                        && cx.same_sentence(i, i + len - 1)
                        && !(i > 0 && cx.same_sentence(i - 1, i) && cx.is_name_word(i - 1) && cx.flags(i) & START == 0)
                        && !(i + len < n && cx.same_sentence(i, i + len) && cx.is_name_word(i + len))
                })
            })
            .flatten()
            .map(|f| full[f]);
        match found {
            Some(c) => {
                let len = c.e - c.s;
                kept.push(Cand { s: i, e: i + len, label: c.label, prio: 0 });
                i += len;
            }
            None => i += 1,
        }
    }
}

/// "aéroport Charles-de-Gaulle": a name after a facility head is a LOC whose
/// span keeps the head; "ministère russe de la Défense", "parquet de Paris":
/// after the head of an official designation, an ORG with the head
/// (guidelines §1).
pub(super) fn facilities(cx: &Context, kept: &mut [Cand]) {
    let mut prev_end = 0;
    for c in kept.iter_mut() {
        let mut k = c.s;
        let mut found = None;
        for _ in 0..4 {
            if k == 0 || k - 1 < prev_end || !cx.same_sentence(k - 1, c.s) {
                break;
            }
            k -= 1;
            let lower = cx.flags(k) & CAP == 0;
            if lower && cx.lex.facilities.contains(&cx.word(k)) {
                found = Some((k, EntityLabel::Loc));
                break;
            }
            // Not in a prepositional phrase: "en direction de Nouville" is a way, not a board.
            let adverbial = k > 0 && cx.text(k - 1) == "en";
            if lower && cx.lex.org_heads.contains(&cx.word(k)) && !adverbial {
                found = Some((k, EntityLabel::Org));
                break;
            }
            let t = cx.text(k);
            // "de", "de la", "de l'", "du", "des", and lower-case adjectives ("russe", "national").
            let ok = matches!(t, "de" | "d'" | "d’" | "du" | "des" | "la" | "l'" | "l’")
                || cx.a.tokens[k].kind == TokenKind::Word && lower && t.len() > 3;
            if !ok {
                break;
            }
        }
        if let Some((h, label)) = found {
            if c.label != EntityLabel::Date {
                c.s = h;
                c.label = label;
            }
        }
        prev_end = c.e;
    }
}

/// "Organisation mondiale de la santé (OMS)": the expansion
/// runs up to the parenthesis, and the acronym gets its type.
pub(super) fn acronyms(cx: &Context, kept: &mut Vec<Cand>) {
    let n = cx.a.tokens.len();
    let mut added = Vec::new();
    for m in 0..kept.len() {
        let c = kept[m];
        if matches!(c.label, EntityLabel::Date | EntityLabel::Per) {
            continue;
        }
        // The "(" after the mention, past lower-case complements.
        let mut k = c.e;
        while k < n && k < c.e + 6 && cx.same_sentence(c.s, k) && cx.text(k) != "(" {
            let t = cx.text(k);
            let ok = cx.a.tokens[k].kind == TokenKind::Elision
                || cx.a.tokens[k].kind == TokenKind::Word && cx.flags(k) & CAP == 0;
            if !ok || kept.get(m + 1).is_some_and(|d| d.s <= k) || t.is_empty() {
                break;
            }
            k += 1;
        }
        if k + 2 >= n || cx.text(k) != "(" || cx.text(k + 2) != ")" || !cx.is_name_word(k + 1) {
            continue;
        }
        if kept.get(m + 1).is_some_and(|d| d.s < k) {
            continue;
        }
        // Past lower-case words, an acronym that spells only those words is theirs: "en France par le parquet
        // national financier (PNF)" is no expansion of "France". (Translated acronyms spell neither and keep the
        // mention's expansion: "Commission pour l'efficacité gouvernementale (Doge)".)
        let acronym = cx.text(k + 1);
        if k > c.e
            && initials(cx, c.s, k) != letters(acronym)
            && (c.e..k).any(|s| initials(cx, s, k) == letters(acronym))
        {
            continue;
        }
        // In a dateline the brackets name the source: "KYIV, Ukraine (AP)".
        if cx.dateline[cx.sent_of[c.s] as usize] {
            continue;
        }
        kept[m].e = k;
        match kept.get_mut(m + 1).filter(|d| d.s == k + 1) {
            Some(d) => d.label = c.label,
            None => added.push(Cand { s: k + 1, e: k + 2, label: c.label, prio: 0 }),
        }
    }
    kept.extend(added);
    sort_by_rank(kept, |c| [pos(c.s), 0, 0]);
}

/// The initials of the words of `[s, e)` but function words, upper-case
/// ("parquet national financier" → "PNF").
fn initials(cx: &Context, s: usize, e: usize) -> String {
    let stop = &data::resources(cx.a.lang).stopwords;
    (s..e)
        .filter(|&k| {
            cx.a.tokens[k].kind == TokenKind::Word && !stop.contains(crate::case::lower_str(cx.text(k)).as_str())
        })
        .filter_map(|k| cx.text(k).chars().next())
        .flat_map(crate::case::upper)
        .collect()
}

/// An acronym's letters, upper-case ("Medef" → "MEDEF", "U.E." → "UE").
fn letters(acronym: &str) -> String {
    acronym.chars().filter(|c| c.is_alphabetic()).flat_map(crate::case::upper).collect()
}

/// "University of Sydney", "Ministry of Defence", "Gulf of Mexico": an
/// organisation or place head, "of" (and "the"), then a name are one
/// mention. The head may be a mention already or a capitalised word.
pub(super) fn join_of(cx: &Context, kept: &mut Vec<Cand>) {
    let n = cx.a.tokens.len();
    let mut out: Vec<Cand> = Vec::with_capacity(kept.len());
    let mut m = 0;
    while m < kept.len() {
        let d = kept[m];
        m += 1;
        if matches!(d.label, EntityLabel::Date | EntityLabel::Misc) {
            out.push(d);
            continue;
        }
        // "of" (+ "the") right before d.
        let mut k = d.s;
        if k > 0 && cx.text(k - 1) == "the" {
            k -= 1;
        }
        if k < 2 || cx.text(k - 1) != "of" || !cx.same_sentence(k - 2, d.s) {
            out.push(d);
            continue;
        }
        let h = k - 2;
        let hw = cx.word(h);
        let label = if cx.lex.org_suffixes.contains(&hw) {
            EntityLabel::Org
        } else if cx.lex.loc_heads.contains(&hw) || cx.lex.loc_suffixes.contains(&hw) {
            EntityLabel::Loc
        } else {
            out.push(d);
            continue;
        };
        if cx.flags(h) & CAP == 0 || cx.a.tokens[h].kind != TokenKind::Word {
            out.push(d);
            continue;
        }
        match out.last_mut() {
            Some(c) if c.e == h + 1 && c.label != EntityLabel::Date => {
                c.e = d.e;
                c.label = label;
            }
            Some(c) if c.e > h => out.push(d),
            _ => out.push(Cand { s: h, e: d.e, label, prio: d.prio }),
        }
    }
    debug_assert!(out.iter().all(|c| c.e <= n));
    *kept = out;
}

/// "South" + "Australia", "Lake" + "Geneva": a capitalised place head
/// (`ner_loc_heads.txt`) right before a place joins it.
pub(super) fn place_heads(cx: &Context, kept: &mut Vec<Cand>) {
    let mut out: Vec<Cand> = Vec::with_capacity(kept.len());
    let n = cx.a.tokens.len();
    for m in 0..kept.len() {
        let mut c = kept[m];
        // "Lake" alone: the capitalised words after it are the name ("Lake Geneva").
        if c.label == EntityLabel::Loc && c.e - c.s == 1 && cx.lex.loc_heads.contains(&cx.word(c.s)) {
            while c.e < n && c.e < c.s + 4 && cx.same_sentence(c.s, c.e) && name_continuation(cx, c.e) {
                c.e += 1;
            }
            if kept.get(m + 1).is_some_and(|d| d.s < c.e) {
                c.e = kept[m].e;
            }
        }
        if c.label == EntityLabel::Loc
            && c.s > 0
            && cx.same_sentence(c.s - 1, c.s)
            && !cx.lex.org_suffixes.contains(&cx.word(c.e - 1))
        {
            let h = c.s - 1;
            let head = cx.a.tokens[h].kind == TokenKind::Word
                && cx.flags(h) & CAP != 0
                && cx.lex.loc_heads.contains(&cx.word(h));
            if head {
                match out.last_mut() {
                    Some(p) if p.e == c.s && p.s == h && p.label != EntityLabel::Date => {
                        p.e = c.e;
                        p.label = EntityLabel::Loc;
                        continue;
                    }
                    Some(p) if p.e > h => {}
                    _ => {
                        out.push(Cand { s: h, ..c });
                        continue;
                    }
                }
            }
        }
        out.push(c);
    }
    *kept = out;
}

/// Names that start with a given name are people: "Lydia Smith" typed as
/// a place becomes PER, and a given name the tagger left alone takes the
/// capitalised word after it ("Harry" + "Truman").
pub(super) fn given_names(cx: &Context, kept: &mut Vec<Cand>) {
    let n = cx.a.tokens.len();
    for m in 0..kept.len() {
        let c = kept[m];
        if c.prio > 1 || matches!(c.label, EntityLabel::Date | EntityLabel::Misc) {
            continue;
        }
        let given = cx.flags(c.s) & FIRST_NAME != 0;
        let titled = c.s > 0 && cx.same_sentence(c.s - 1, c.s) && cx.lex.titles.contains(&cx.word(c.s - 1));
        // "the country's Prime Minister, Jane Doe": a title and a comma before the name.
        let title_comma = c.s > 1
            && cx.same_sentence(c.s - 2, c.s)
            && cx.text(c.s - 1) == ","
            && cx.lex.titles.contains(&cx.word(c.s - 2))
            && cx.flags(c.s - 2) & CAP != 0;
        // "Harry" [PER] "Truman", "Prime Minister Rishi" [PER] "Sunak": the next word joins when
        // free or a one-word tagger mention.
        if (given || titled)
            && c.label == EntityLabel::Per
            && c.e - c.s == 1
            && c.e < n
            && cx.same_sentence(c.s, c.e)
            && name_continuation(cx, c.e)
        {
            let next = kept.get(m + 1).copied().filter(|d| d.s == c.e);
            let join = match next {
                None => Some(c.e + 1),
                Some(d) if d.e - d.s == 1 && d.prio <= 1 && d.label != EntityLabel::Date => Some(d.e),
                Some(_) => None,
            };
            if let Some(e) = join {
                if !cx.lex.org_suffixes.contains(&cx.word(e - 1)) && !cx.lex.loc_suffixes.contains(&cx.word(e - 1)) {
                    kept[m].e = e;
                    kept[m].label = EntityLabel::Per;
                    if next.is_some() {
                        kept[m + 1].prio = u8::MAX;
                    }
                }
            }
            continue;
        }
        // "Lydia Buchtmann" [LOC]: two or three name words starting with a given name, or after a title.
        if (given || titled || title_comma)
            && c.label != EntityLabel::Per
            && (2..=3).contains(&(c.e - c.s))
            && (c.s + 1..c.e).all(|k| name_continuation(cx, k))
            && suffix_label(cx, c.s, c.e, EntityLabel::Per) == EntityLabel::Per
            && !cx.lex.org_suffixes.contains(&cx.word(c.e - 1))
            && !cx.lex.loc_suffixes.contains(&cx.word(c.e - 1))
        {
            kept[m].label = EntityLabel::Per;
        }
    }
    kept.retain(|c| c.prio != u8::MAX);
    // "Khaled" + "Al-Maeena" [PER]: one free capitalised word right before a person's name is its first
    // part. English only (French rules were tuned without it).
    if cx.a.lang != crate::lang::Lang::En {
        return;
    }
    for m in 0..kept.len() {
        let c = kept[m];
        if c.label != EntityLabel::Per || c.prio > 1 || c.s == 0 {
            continue;
        }
        let h = c.s - 1;
        let free = m == 0 || kept[m - 1].e <= h;
        let alone = h == 0 || !cx.same_sentence(h - 1, h) || !cx.is_name_word(h - 1);
        if free && alone && cx.same_sentence(h, c.s) && cx.flags(h) & ALLCAPS == 0 && name_continuation(cx, h) {
            kept[m].s = h;
        }
    }
}

/// One name, one type per document: the mentions of the same words vote
/// (a rule or gazetteer mention counts double, and so does a typing cue
/// before it, "le site Buzzfeed"; a place preposition before a one-word
/// name counts for LOC, a given name for PER), and the winner,
/// if it has a majority, types every tagger mention of those words
/// ("Coron" typed PER here and LOC there; "X" typed ORG by "le réseau X"
/// and LOC by the tagger after "de").
pub(super) fn vote(cx: &Context, kept: &mut [Cand]) {
    const TYPES: [EntityLabel; 3] = [EntityLabel::Per, EntityLabel::Loc, EntityLabel::Org];
    // "le site Buzzfeed": a lower-case typing cue right before the mention.
    let cued = |c: &Cand| {
        (c.s > 0 && cx.flags(c.s - 1) & CAP == 0 && cx.same_sentence(c.s - 1, c.s))
            .then(|| cx.lex.cues.get(&cx.word(c.s - 1)).and_then(|l| TYPES.iter().position(|x| x == l)))
            .flatten()
    };
    let mut votes: HashMap<&str, [u32; 3]> = HashMap::new();
    for c in kept.iter() {
        let Some(t) = TYPES.iter().position(|&l| l == c.label) else { continue };
        let v = votes.entry(cx.text_span(c.s, c.e)).or_default();
        v[t] += if c.prio <= 1 { 2 } else { 4 };
        if let Some(k) = cued(c) {
            v[k] += 4;
        }
        if c.e - c.s == 1 && c.prio <= 1 {
            if c.s > 0 && cx.same_sentence(c.s - 1, c.s) && cx.lex.loc_preps.contains(&cx.word(c.s - 1)) {
                v[1] += 2;
            }
            if cx.flags(c.s) & FIRST_NAME != 0 {
                v[0] += 1;
            }
        }
    }
    for c in kept.iter_mut() {
        if c.prio > 1 || !TYPES.contains(&c.label) || cued(c).is_some() {
            continue;
        }
        let v = votes[cx.text_span(c.s, c.e)];
        let total: u32 = v.iter().sum();
        if let Some(t) = (0..3).find(|&t| 2 * v[t] > total) {
            c.label = TYPES[t];
        }
    }
}
