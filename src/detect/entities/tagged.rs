//! The statistical tagger's spans, cut to the guidelines: no titles or
//! roles inside a person's name, types from a name's last word, no
//! capitalised common words.

use super::tagger::{self, CAP, FIRST_NAME, SEEN_LOWER, START};
use super::{name_continuation, place_at, trim, Cand, Context};
use crate::lang::data;
use crate::lang::Lang;
use crate::model::EntityLabel;
use crate::text::TokenKind;

fn label_of(tag: u8) -> EntityLabel {
    match tag.div_ceil(2) {
        1 => EntityLabel::Per,
        2 => EntityLabel::Loc,
        3 => EntityLabel::Org,
        _ => EntityLabel::Misc,
    }
}

/// The tagger's spans, trimmed, without capitalised common words.
pub(super) fn tagged_spans(cx: &Context, tags: &[u8], out: &mut Vec<Cand>) {
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 {
            i += 1;
            continue;
        }
        let b = if t % 2 == 1 { t } else { t - 1 };
        let mut j = i + 1;
        while j < tags.len() && tags[j] == b + 1 {
            j += 1;
        }
        j = name_end(cx, i, j, label_of(b));
        // Two complete names joined by "and" are two mentions ("Lincoln High
        // School and Harvard University"); "Procter and Gamble" is one.
        let mut resume = None;
        if let Some(k) = (i + 1..j.saturating_sub(1)).find(|&k| {
            matches!(cx.text(k), "and" | "&" | "et")
                && (cx.lex.org_suffixes.contains(&cx.word(k - 1)) || cx.lex.loc_suffixes.contains(&cx.word(k - 1)))
                && cx.is_name_word(k + 1)
        }) {
            resume = Some(k + 1);
            j = k;
        }
        if resume.is_none() {
            j = past_possessive(cx, tags.len(), i, j);
        }
        let mut label = label_of(b);
        // A place head tagged alone takes the name after it ("Lake" + "Geneva").
        if j == i + 1 && cx.flags(i) & CAP != 0 && cx.lex.loc_heads.contains(&cx.word(i)) {
            while j < tags.len() && j < i + 4 && cx.same_sentence(i, j) && name_continuation(cx, j) {
                j += 1;
            }
        }
        if j - i >= 2 && cx.flags(i) & CAP != 0 && cx.lex.loc_heads.contains(&cx.word(i)) {
            label = EntityLabel::Loc;
        }
        if let Some((s, mut e)) = trim(cx, i, j, label) {
            let mut s = s;
            // A lower-case typing cue is no part of the name it types ("société [xAI]").
            while s + 1 < e && cx.flags(s) & CAP == 0 && cx.lex.cues.contains_key(&cx.word(s)) && cx.is_name_word(s + 1)
            {
                s += 1;
            }
            if label == EntityLabel::Per {
                // "Isabel Ruiz of Heaven Sent Gaming": a person's name stops at "of".
                e = (s + 1..e).find(|&k| cx.text(k) == "of").unwrap_or(e);
                e = cut_before_titles(cx, s, e);
                s = skip_role(cx, s, e);
                e = past_middle_initial(cx, s, e, tags.len());
                j = j.max(e);
            }
            // "Home Secretary", "Foreign Minister": a role, not a name ("Martin Luther King" is one).
            let role = matches!(label, EntityLabel::Per | EntityLabel::Org)
                && e - s >= 2
                && cx.lex.titles.contains(&cx.word(e - 1))
                && cx.flags(s) & FIRST_NAME == 0;
            let label = if place_at(cx, s) == Some(e) { EntityLabel::Loc } else { suffix_label(cx, s, e, label) };
            // "the Refugee Council Enver Solomon": an organisation, then a person.
            let split = if label == EntityLabel::Org { org_then_person(cx, s, e) } else { None };
            if let Some((k, pe)) = split {
                out.push(Cand { s, e: k + 1, label, prio: 1 });
                out.push(Cand { s: k + 1, e: pe, label: EntityLabel::Per, prio: 1 });
                i = resume.unwrap_or(j.max(i + 1));
                continue;
            }
            if !role && keep_tagged(cx, s, e) {
                // A name split in two ("Jean-Marc" + "Lavigne"): one span.
                match out.last_mut() {
                    Some(p) if p.prio == 1 && p.e == s && cx.flags(s) & CAP != 0 && cx.same_sentence(p.s, s) => {
                        p.e = e;
                        if label == EntityLabel::Per {
                            p.label = label;
                        }
                    }
                    _ => out.push(Cand { s, e, label, prio: 1 }),
                }
            }
        }
        i = resume.unwrap_or(j.max(i + 1));
    }
}

/// Where a tagged name `[i, j)` ends: a function word that is no name
/// connector ends it ("Lake Geneva [on Monday]", "l'Assemblée [avec vos
/// questions]"), a name never ends on a connector, and a person's name does
/// not end with lower-case words ("Lavigne a"), nor does any name in a
/// language whose adjectives precede the noun; in French the names of
/// institutions end with one ("Assemblée nationale", "Parti socialiste").
fn name_end(cx: &Context, i: usize, mut j: usize, label: EntityLabel) -> usize {
    if !cx.lex.name_connectors.is_empty() {
        let stop = &data::resources(cx.a.lang).stopwords;
        if let Some(k) = (i + 1..j).find(|&k| {
            cx.a.tokens[k].kind == TokenKind::Word
                && cx.flags(k) & CAP == 0
                && !cx.lex.name_connectors.contains(&cx.word(k))
                && stop.contains(cx.text(k))
        }) {
            j = k;
        }
        // Nor on a connector: "France insoumise accuse de [son …]" is cut at "accuse", never after "de".
        while j > i + 1 && cx.flags(j - 1) & CAP == 0 && cx.lex.name_connectors.contains(&cx.word(j - 1)) {
            j -= 1;
        }
    }
    if label != EntityLabel::Per && adjectives_follow(cx.a.lang) {
        return j;
    }
    while j > i + 1 && cx.a.tokens[j - 1].kind == TokenKind::Word && !cx.is_name_word(j - 1) {
        j -= 1;
    }
    j
}

/// A person's name does not end on a middle initial: "George W." takes the
/// capitalised word after it in its sentence ("George W. Bush"), which the
/// tagger sometimes leaves out when the surname stands alone elsewhere.
fn past_middle_initial(cx: &Context, s: usize, e: usize, n: usize) -> usize {
    let is_initial = |k: usize| {
        let mut cs = cx.text(k).chars();
        matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
    };
    if e > s + 1 && e < n && is_initial(e - 1) && cx.is_name_word(e) && !is_initial(e) && cx.same_sentence(s, e) {
        e + 1
    } else {
        e
    }
}

/// Whether adjectives follow the noun in `lang`, so that a lower-case word
/// can end a name ("Parlement européen").
fn adjectives_follow(lang: Lang) -> bool {
    match lang {
        Lang::Fr => true,
        Lang::En => false,
    }
}

/// A possessive inside an institution's name ("Korean People's Army",
/// "People's Republic of China"): the tagger stops at "'s"; the name
/// `[i, j)` runs on to an organisation or place head within three words.
fn past_possessive(cx: &Context, n: usize, i: usize, j: usize) -> usize {
    if !(j + 1 < n && matches!(cx.text(j), "'s" | "’s") && cx.same_sentence(i, j + 1)) {
        return j;
    }
    let mut k = j + 1;
    while k < n && k < j + 4 && cx.same_sentence(i, k) && name_continuation(cx, k) {
        k += 1;
    }
    if k > j + 1 && (cx.lex.org_suffixes.contains(&cx.word(k - 1)) || cx.lex.loc_suffixes.contains(&cx.word(k - 1))) {
        k
    } else {
        j
    }
}

/// "the Refugee Council Enver Solomon": an organisation `[s, e)` whose
/// head word is followed by a person's name of two or three words (which
/// may run past the tagger's span: "Enver" + "Solomon"). Returns the
/// head's index and the end of the person's name.
fn org_then_person(cx: &Context, s: usize, e: usize) -> Option<(usize, usize)> {
    if e - s < 3 {
        return None;
    }
    let k = (s + 1..e - 1).find(|&k| cx.lex.org_suffixes.contains(&cx.word(k)))?;
    let mut pe = e;
    while pe < k + 4 && pe < cx.a.tokens.len() && cx.same_sentence(s, pe) && name_continuation(cx, pe) {
        pe += 1;
    }
    let ok = (2..=3).contains(&(pe - k - 1))
        && (k + 1..pe).all(|j| name_continuation(cx, j))
        && place_at(cx, k + 1).is_none()
        && !cx.lex.org_suffixes.contains(&cx.word(pe - 1))
        && !cx.lex.loc_suffixes.contains(&cx.word(pe - 1));
    ok.then_some((k, pe))
}

/// "Robert Smith Vice President": a person's name ends before a run of
/// titles (two in a row, so that "Martin Luther King" stays whole).
fn cut_before_titles(cx: &Context, s: usize, e: usize) -> usize {
    (s + 1..e.saturating_sub(1))
        .find(|&k| cx.lex.titles.contains(&cx.word(k)) && cx.lex.titles.contains(&cx.word(k + 1)))
        .unwrap_or(e)
}

/// "Home Secretary Yvette Cooper": a person's name starts after a title
/// inside the span, unless a given name comes before the title ("Martin
/// Luther King").
fn skip_role(cx: &Context, s: usize, e: usize) -> usize {
    match (s..e - 1).rev().find(|&k| cx.lex.titles.contains(&cx.word(k))) {
        Some(k) if (s..k).all(|j| cx.flags(j) & FIRST_NAME == 0) && cx.is_name_word(k + 1) => k + 1,
        _ => s,
    }
}

/// The type a name's last word gives it: "Harrow School", "Labour Party",
/// "Acme Inc." are organisations, "Wildwood Trail", "Hoover Dam"-like
/// facilities places. A person's name stays one when it starts with a
/// given name ("Jane Hill") and has no organisation word closing three
/// or more words.
pub(super) fn suffix_label(cx: &Context, s: usize, e: usize, label: EntityLabel) -> EntityLabel {
    if e - s < 2 {
        return label;
    }
    // The head is the last word, or the word before "of" ("Federal Bureau of Investigation").
    let last = match (s + 1..e - 1).find(|&k| cx.text(k) == "of") {
        Some(k) => cx.word(k - 1),
        None => cx.word(e - 1),
    };
    // "Jane Hill" stays a person; "Lincoln High School" (three words or more
    // ending with an organisation word) does not.
    let org_tail = e - s >= 3 && cx.lex.org_suffixes.contains(&last);
    if label == EntityLabel::Per && cx.flags(s) & FIRST_NAME != 0 && !org_tail {
        return label;
    }
    if cx.lex.org_suffixes.contains(&last) {
        EntityLabel::Org
    } else if label == EntityLabel::Misc {
        // An event or product keeps its type ("Tour de France"), an
        // institution does not ("World Health Organization").
        label
    } else if cx.lex.loc_suffixes.contains(&last) {
        EntityLabel::Loc
    } else {
        label
    }
}

/// Drops tagger spans that are only capitalised common words.
fn keep_tagged(cx: &Context, s: usize, e: usize) -> bool {
    if !(s..e).any(|k| cx.is_name_word(k)) {
        return false;
    }
    if e - s == 1 {
        let f = cx.flags(s);
        let w = cx.word(s);
        if cx.lex.not_entities.contains(&w)
            || cx.lex.weekdays.contains(&w)
            || cx.lex.months.contains(&w)
            || cx.lex.titles.contains(&w)
        {
            return false;
        }
        // A plural title ("Senators", "Founders") is a group, not a name.
        if let Some(stem) = cx.text(s).strip_suffix('s') {
            if cx.lex.titles.contains(&tagger::word_hash(stem)) {
                return false;
            }
        }
        if f & START != 0 && f & SEEN_LOWER != 0 {
            return false;
        }
        if f & START != 0 && data::resources(cx.a.lang).stopwords.contains(crate::case::lower_str(cx.text(s)).as_str())
        {
            return false;
        }
    }
    true
}
