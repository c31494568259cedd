//! Named entities: PER, ORG, LOC, DATE, MISC, clustered into entities.
//!
//! Three sources of mentions, from strongest to weakest:
//! 1. photo credits ("X IMAGES/AFP/Archives": agencies are ORG, never PER)
//!    and dates (`dates`, by rule);
//! 2. the gazetteer and typing cues (`data/<lang>/ner_*.txt`): "la fusée
//!    Y" is MISC, "le groupe de pirates informatiques Z" ORG, "le
//!    président X" PER;
//! 3. the statistical tagger ([`tagger`]), whose spans are then trimmed to
//!    the guidelines (no titles, articles, elisions, possessive 's).
//!
//! Mentions are then propagated (a surname after the full name, a name
//! repeated) and clustered (`cluster`).

mod cluster;
mod dates;
mod lexicon;
#[doc(hidden)]
pub mod tagger;

use super::Analysis;
use crate::lang::data;
use crate::model::{Entity, EntityLabel};
use crate::span::Span;
use crate::text::TokenKind;
use lexicon::Lexicon;
use std::collections::HashMap;
use tagger::{TokInfo, ALLCAPS, CAP, FIRST_NAME, PUNCT, SEEN_LOWER, START};

/// A candidate mention over tokens `[s, e)`.
#[derive(Clone, Copy, Debug)]
struct Cand {
    s: usize,
    e: usize,
    label: EntityLabel,
    /// Higher wins overlaps.
    prio: u8,
}

struct Cx<'a, 'b> {
    a: &'b Analysis<'a>,
    infos: Vec<TokInfo>,
    lex: &'static Lexicon,
    /// Sentence index of every token.
    sent_of: Vec<u32>,
    /// Whether each sentence is a wire dateline ("KYIV, Ukraine (AP) —").
    dateline: Vec<bool>,
}

impl Cx<'_, '_> {
    fn text(&self, i: usize) -> &str {
        self.a.token_text(i)
    }
    fn word(&self, i: usize) -> u32 {
        self.infos[i].word
    }
    fn flags(&self, i: usize) -> u8 {
        self.infos[i].flags
    }
    fn is_name_word(&self, i: usize) -> bool {
        let t = &self.a.tokens[i];
        matches!(t.kind, TokenKind::Word | TokenKind::Handle) && self.text(i).chars().any(char::is_uppercase)
    }
    /// A function word of the language ("The", "Our"), whatever its case.
    fn is_function_word(&self, i: usize) -> bool {
        let t = self.text(i);
        let stop = &data::resources(self.a.lang).stopwords;
        stop.contains(t) || stop.contains(t.to_lowercase().as_str())
    }
    fn same_sentence(&self, i: usize, j: usize) -> bool {
        self.sent_of[i] == self.sent_of[j]
    }
}

/// Finds the entity mentions of the text, sorted by start.
pub fn detect(analysis: &Analysis) -> Vec<Entity> {
    let a = analysis;
    if a.tokens.is_empty() {
        return Vec::new();
    }
    let mut infos = tagger::token_infos(a.text, &a.tokens, &a.sentence_tokens);
    tagger::mark_seen_lower(a.text, &a.tokens, &mut infos);
    tagger::mark_first_names(a.lang, &mut infos);
    let mut sent_of = vec![0u32; a.tokens.len()];
    for (k, r) in a.sentence_tokens.iter().enumerate() {
        for i in r.clone() {
            sent_of[i] = k as u32;
        }
    }
    let dateline = a
        .sentence_tokens
        .iter()
        .map(|r| !r.is_empty() && crate::text::sentences::dateline_end(a.text, &a.tokens, r.start) == Some(r.end - 1))
        .collect();
    let cx = Cx { a, infos, lex: lexicon::lexicon(a.lang), sent_of, dateline };
    let mut cands = Vec::new();

    credits(&cx, &mut cands);
    let mut date_ranges = Vec::new();
    for (r, &dateline) in a.sentence_tokens.iter().zip(&cx.dateline) {
        dates::find(a.text, &a.tokens, &cx.infos, r.clone(), cx.lex, dateline, &mut date_ranges);
    }
    cands.extend(date_ranges.into_iter().filter_map(|(s, e)| {
        let (s, e) = trim(&cx, s, e, EntityLabel::Date)?;
        Some(Cand { s, e, label: EntityLabel::Date, prio: 5 })
    }));
    gazetteer(&cx, &mut cands);
    datelines(&cx, &mut cands);
    if let Some(model) = tagger::model(a.lang) {
        let tags = model.tag(&cx.infos, &a.sentence_tokens);
        tagged_spans(&cx, &tags, &mut cands);
    }
    places(&cx, &mut cands);
    given_name_spans(&cx, &mut cands);
    suffix_names(&cx, &mut cands);
    cue_after(&cx, &mut cands);
    speakers(&cx, &mut cands);
    camel_case_names(&cx, &mut cands);
    cue_spans(&cx, &mut cands);
    let mut kept = resolve(&cx, cands);
    propagate(&cx, &mut kept);
    let mut kept = resolve(&cx, kept);
    join_of(&cx, &mut kept);
    place_heads(&cx, &mut kept);
    given_names(&cx, &mut kept);
    vote(&cx, &mut kept);
    facilities(&cx, &mut kept);
    acronyms(&cx, &mut kept);
    let spans: Vec<(Span, EntityLabel)> =
        kept.iter().map(|c| (Span::new(a.tokens[c.s].span.start, a.tokens[c.e - 1].span.end), c.label)).collect();
    cluster::cluster(a.text, &spans)
}

/// Trims a span to the guidelines: no leading article, elision, title or
/// punctuation, no trailing punctuation or possessive 's. `None` if
/// nothing is left.
fn trim(cx: &Cx, mut s: usize, mut e: usize, label: EntityLabel) -> Option<(usize, usize)> {
    while s < e {
        let f = cx.flags(s);
        let w = cx.word(s);
        let article = cx.lex.articles.contains(&w)
            && !(f & CAP != 0 && f & START == 0 && matches!(label, EntityLabel::Org | EntityLabel::Misc));
        // Not the first word of an organisation name ("General Motors", "Justice Department").
        let title = label != EntityLabel::Date
            && cx.lex.titles.contains(&w)
            && e - s > 1
            && !cx.lex.org_suffixes.contains(&cx.word(e - 1));
        let punct = f & PUNCT != 0 || cx.a.tokens[s].kind == TokenKind::Elision;
        if article || title || punct {
            s += 1;
        } else {
            break;
        }
    }
    while e > s {
        let t = cx.text(e - 1);
        let possessive = matches!(t, "'s" | "’s" | "'" | "’");
        if cx.flags(e - 1) & PUNCT != 0 && !matches!(t, ")" | ".")
            || possessive
            || (t == ")" && !cx.text_span(s, e).contains('('))
        {
            e -= 1;
        } else {
            break;
        }
    }
    (s < e).then_some((s, e))
}

impl Cx<'_, '_> {
    fn text_span(&self, s: usize, e: usize) -> &str {
        &self.a.text[self.a.tokens[s].span.start..self.a.tokens[e - 1].span.end]
    }
}

/// Photo credits: runs of capitalised words joined by "/" with at least one
/// all-capitals part ("REUTERS PHOTO AGENCY/AFP/Archives"). Each
/// part is an ORG, except "Archives"-like words; nothing else may overlap.
fn credits(cx: &Cx, out: &mut Vec<Cand>) {
    let toks = &cx.a.tokens;
    let mut i = 0;
    while i < toks.len() {
        if cx.text(i) != "/" || i == 0 || i + 1 >= toks.len() || !cx.same_sentence(i - 1, i + 1) {
            i += 1;
            continue;
        }
        // Extend left over all-caps words, then right over parts.
        let mut s = i;
        while s > 0 && cx.flags(s - 1) & ALLCAPS != 0 && cx.same_sentence(s - 1, i) {
            s -= 1;
        }
        if s == i {
            // The left part may be a capitalised agency ("Reuters/Pool").
            if cx.flags(i - 1) & CAP != 0 && cx.a.tokens[i - 1].kind == TokenKind::Word {
                s = i - 1;
            } else {
                i += 1;
                continue;
            }
        }
        let mut parts = vec![(s, i)];
        let mut j = i;
        while j < toks.len() && cx.text(j) == "/" {
            let ps = j + 1;
            let mut pe = ps;
            while pe < toks.len()
                && cx.same_sentence(ps, pe)
                && (cx.flags(pe) & ALLCAPS != 0 || pe == ps && cx.flags(pe) & CAP != 0)
            {
                pe += 1;
            }
            if pe == ps {
                break;
            }
            parts.push((ps, pe));
            j = pe;
        }
        let caps = parts.iter().any(|&(ps, pe)| (ps..pe).all(|k| cx.flags(k) & ALLCAPS != 0));
        if parts.len() >= 2 && caps {
            for &(ps, pe) in &parts {
                if pe - ps == 1 && cx.lex.credit_words.contains(&cx.word(ps)) {
                    continue;
                }
                out.push(Cand { s: ps, e: pe, label: EntityLabel::Org, prio: 6 });
            }
            // Block the separators and credit words from other mentions.
            for k in s..j {
                if cx.text(k) == "/" || cx.lex.credit_words.contains(&cx.word(k)) {
                    out.push(Cand { s: k, e: k + 1, label: EntityLabel::Misc, prio: 7 });
                }
            }
        }
        i = j.max(i + 1);
    }
}

/// The names of a wire dateline, by the convention of the form: the city in
/// capitals and the region after it are places, the bracketed source is an
/// organisation ("LONDON, Ont. (Reuters) —"). The gazetteer and dates win
/// over this; the tagger, which rarely saw capitals, does not.
fn datelines(cx: &Cx, out: &mut Vec<Cand>) {
    for (r, _) in cx.a.sentence_tokens.iter().zip(&cx.dateline).filter(|(_, &d)| d) {
        let mut k = r.start;
        let mut in_source = false;
        while k < r.end {
            let start = k;
            while k < r.end && cx.a.tokens[k].kind == TokenKind::Word && cx.flags(k) & CAP != 0 {
                k += 1;
            }
            if k > start {
                let label = if in_source { EntityLabel::Org } else { EntityLabel::Loc };
                out.push(Cand { s: start, e: k, label, prio: 2 });
                continue;
            }
            in_source |= cx.text(k) == "(";
            k += 1;
        }
    }
}

/// Gazetteer names, matched case-sensitively token by token.
fn gazetteer(cx: &Cx, out: &mut Vec<Cand>) {
    for i in 0..cx.a.tokens.len() {
        let Some(entries) = cx.lex.gazetteer.get(cx.text(i)) else { continue };
        for (words, label) in entries {
            let e = i + words.len();
            if e <= cx.a.tokens.len() && words.iter().enumerate().all(|(k, w)| cx.text(i + k) == *w) {
                // Not inside a longer capitalised name ("Apple Store" is fine as a whole for the tagger).
                out.push(Cand { s: i, e, label: *label, prio: 3 });
                break;
            }
        }
    }
}

fn label_of(tag: u8) -> EntityLabel {
    match tag.div_ceil(2) {
        1 => EntityLabel::Per,
        2 => EntityLabel::Loc,
        3 => EntityLabel::Org,
        _ => EntityLabel::Misc,
    }
}

/// The tagger's spans, trimmed, without capitalised common words.
fn tagged_spans(cx: &Cx, tags: &[u8], out: &mut Vec<Cand>) {
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
        // A function word that is no name connector ends the name ("Lake Geneva [on Monday]").
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
        }
        // Names do not end with lower-case words ("Lavigne a").
        while j > i + 1 && cx.a.tokens[j - 1].kind == TokenKind::Word && !cx.is_name_word(j - 1) {
            j -= 1;
        }
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
        // A possessive inside an institution's name ("Korean People's Army",
        // "People's Republic of China"): the tagger stops at "'s".
        if resume.is_none() && j + 1 < tags.len() && matches!(cx.text(j), "'s" | "’s") && cx.same_sentence(i, j + 1) {
            let mut k = j + 1;
            while k < tags.len() && k < j + 4 && cx.same_sentence(i, k) && name_continuation(cx, k) {
                k += 1;
            }
            if k > j + 1
                && (cx.lex.org_suffixes.contains(&cx.word(k - 1)) || cx.lex.loc_suffixes.contains(&cx.word(k - 1)))
            {
                j = k;
            }
        }
        let mut label = label_of(b);
        if j - i >= 2 && cx.flags(i) & CAP != 0 && cx.lex.loc_heads.contains(&cx.word(i)) {
            label = EntityLabel::Loc;
        }
        if let Some((s, mut e)) = trim(cx, i, j, label) {
            let mut s = s;
            if label == EntityLabel::Per {
                // "Isabel Ruiz of Heaven Sent Gaming": a person's name stops at "of".
                e = (s + 1..e).find(|&k| cx.text(k) == "of").unwrap_or(e);
                e = cut_before_titles(cx, s, e);
                s = skip_role(cx, s, e);
            }
            // "Home Secretary", "Foreign Minister": a role, not a name ("Martin Luther King" is one).
            let role = matches!(label, EntityLabel::Per | EntityLabel::Org)
                && e - s >= 2
                && cx.lex.titles.contains(&cx.word(e - 1))
                && cx.flags(s) & FIRST_NAME == 0;
            let label = if place_at(cx, s) == Some(e) { EntityLabel::Loc } else { suffix_label(cx, s, e, label) };
            // "the Refugee Council Enver Solomon": an organisation, then a person.
            let split = (label == EntityLabel::Org && e - s >= 3)
                .then(|| (s + 1..e - 1).find(|&k| cx.lex.org_suffixes.contains(&cx.word(k))))
                .flatten()
                .and_then(|k| {
                    // The person's name may run past the tagger's span ("Enver" + "Solomon").
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
                });
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

/// "Robert Smith Vice President": a person's name ends before a run of
/// titles (two in a row, so that "Martin Luther King" stays whole).
fn cut_before_titles(cx: &Cx, s: usize, e: usize) -> usize {
    (s + 1..e.saturating_sub(1))
        .find(|&k| cx.lex.titles.contains(&cx.word(k)) && cx.lex.titles.contains(&cx.word(k + 1)))
        .unwrap_or(e)
}

/// "Home Secretary Yvette Cooper": a person's name starts after a title
/// inside the span, unless a given name comes before the title ("Martin
/// Luther King").
fn skip_role(cx: &Cx, s: usize, e: usize) -> usize {
    match (s..e - 1).rev().find(|&k| cx.lex.titles.contains(&cx.word(k))) {
        Some(k) if (s..k).all(|j| cx.flags(j) & FIRST_NAME == 0) && cx.is_name_word(k + 1) => k + 1,
        _ => s,
    }
}

/// The type a name's last word gives it: "Harrow School", "Labour Party",
/// "Acme Inc." are organisations, "Wildwood Trail", "Hoover Dam"-like
/// facilities places. A person's name stays one when it starts with a
/// given name ("Jane Hill").
fn suffix_label(cx: &Cx, s: usize, e: usize, label: EntityLabel) -> EntityLabel {
    if e - s < 2 {
        return label;
    }
    // The head is the last word, or the word before "of" ("Federal Bureau of Investigation").
    let last = match (s + 1..e - 1).find(|&k| cx.text(k) == "of") {
        Some(k) => cx.word(k - 1),
        None => cx.word(e - 1),
    };
    if label == EntityLabel::Per && cx.flags(s) & FIRST_NAME != 0 {
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

/// The end of the longest place name (`ner_places.txt`) starting at token `s`.
fn place_at(cx: &Cx, s: usize) -> Option<usize> {
    let entries = cx.lex.places.get(cx.text(s))?;
    entries.iter().find_map(|words| {
        let e = s + words.len();
        (e <= cx.a.tokens.len()
            && cx.same_sentence(s, e - 1)
            && words.iter().enumerate().all(|(k, w)| cx.text(s + k) == *w))
        .then_some(e)
    })
}

/// Which of the `n` tokens a candidate already covers.
fn covered_tokens(n: usize, cands: &[Cand]) -> Vec<bool> {
    let mut covered = vec![false; n];
    for c in cands {
        covered[c.s..c.e].fill(true);
    }
    covered
}

/// Places of `ner_places.txt` the tagger missed ("in Amsterdam"), unless
/// they are part of a longer capitalised name ("Washington Post", "George
/// Washington").
fn places(cx: &Cx, cands: &mut Vec<Cand>) {
    if cx.lex.places.is_empty() {
        return;
    }
    let n = cx.a.tokens.len();
    let covered = covered_tokens(n, cands);
    let mut i = 0;
    while i < n {
        let Some(e) = (!covered[i]).then(|| place_at(cx, i)).flatten() else {
            i += 1;
            continue;
        };
        let inside = (i..e).any(|k| covered[k])
            || i > 0 && cx.same_sentence(i - 1, i) && cx.flags(i) & START == 0 && cx.is_name_word(i - 1)
            || e < n && cx.same_sentence(i, e) && name_continuation(cx, e);
        if !inside {
            cands.push(Cand { s: i, e, label: EntityLabel::Loc, prio: 1 });
        }
        i = e;
    }
}

/// A given name and one or two capitalised words the tagger missed are a
/// person ("where Jane Hill worked"), unless the last word makes it an
/// organisation or a place ("Grant Street").
fn given_name_spans(cx: &Cx, cands: &mut Vec<Cand>) {
    let n = cx.a.tokens.len();
    let covered = covered_tokens(n, cands);
    for i in 0..n.saturating_sub(1) {
        if covered[i] || cx.flags(i) & (FIRST_NAME | ALLCAPS) != FIRST_NAME || (i > 0 && covered[i - 1]) {
            continue;
        }
        let mut e = i + 1;
        while e < n && e < i + 3 && !covered[e] && cx.same_sentence(i, e) && name_continuation(cx, e) {
            e += 1;
        }
        // Not the start of a longer capitalised run, not an organisation or a place.
        let longer = e < n && !covered[e] && cx.same_sentence(i, e) && cx.is_name_word(e);
        let typed = cx.lex.org_suffixes.contains(&cx.word(e - 1)) || cx.lex.loc_suffixes.contains(&cx.word(e - 1));
        if e > i + 1 && !longer && !typed {
            cands.push(Cand { s: i, e, label: EntityLabel::Per, prio: 1 });
        }
    }
}

/// "Yonhap news agency", "the Wagner group": capitalised words right before
/// an organisation noun of `ner_cues.txt` (one lower-case word may come
/// between) are an organisation. English only: French puts the noun first.
fn cue_after(cx: &Cx, cands: &mut Vec<Cand>) {
    if cx.a.lang != crate::lang::Lang::En {
        return;
    }
    let n = cx.a.tokens.len();
    let org_cue = |k: usize| k < n && cx.flags(k) & CAP == 0 && cx.lex.cues.get(&cx.word(k)) == Some(&EntityLabel::Org);
    let lower_word = |k: usize| k < n && cx.a.tokens[k].kind == TokenKind::Word && cx.flags(k) & CAP == 0;
    let covered = covered_tokens(n, cands);
    let mut add = Vec::new();
    let mut i = 0;
    while i < n {
        if covered[i] || !cx.is_name_word(i) || cx.a.tokens[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < n && !covered[e] && cx.is_name_word(e) && cx.same_sentence(i, e) {
            e += 1;
        }
        let cue = org_cue(e) || lower_word(e) && org_cue(e + 1) && cx.same_sentence(i, e + 1);
        let mut s = i;
        while s < e
            && (cx.flags(s) & START != 0 && (cx.flags(s) & SEEN_LOWER != 0 || cx.is_function_word(s))
                || cx.lex.not_entities.contains(&cx.word(s)))
        {
            s += 1;
        }
        if cue && s < e && cx.same_sentence(i, e) {
            add.push(Cand { s, e, label: EntityLabel::Org, prio: 1 });
        }
        i = e;
    }
    // A tagger "person" right before the noun takes its type ("the Wagner group"); a place stays one
    // ("a Texas company").
    for c in cands.iter_mut().filter(|c| c.prio == 1 && c.label == EntityLabel::Per) {
        if org_cue(c.e) && cx.same_sentence(c.s, c.e) {
            c.label = EntityLabel::Org;
        }
    }
    cands.extend(add);
}

/// "said Pavit", "…, Jane Doe told": one to three capitalised words the
/// tagger missed right after or before a reporting verb are a person. A
/// single capitalised word opening the sentence is left alone ("Officials
/// said").
fn speakers(cx: &Cx, cands: &mut Vec<Cand>) {
    if cx.lex.said_verbs.is_empty() {
        return;
    }
    let n = cx.a.tokens.len();
    let covered = covered_tokens(n, cands);
    let free = |k: usize| !covered[k] && name_continuation(cx, k);
    let mut add = Vec::new();
    for v in 0..n {
        if cx.flags(v) & CAP != 0 || !cx.lex.said_verbs.contains(&cx.word(v)) {
            continue;
        }
        // After the verb.
        let mut e = v + 1;
        while e < n && e < v + 4 && cx.same_sentence(v, e) && free(e) {
            e += 1;
        }
        if e > v + 1 && !(e < n && cx.same_sentence(v, e) && cx.is_name_word(e)) {
            add.push(Cand { s: v + 1, e, label: EntityLabel::Per, prio: 1 });
        }
        // Before the verb.
        let mut s = v;
        while s > 0 && s + 3 > v && cx.same_sentence(s - 1, v) && !covered[s - 1] && cx.is_name_word(s - 1) {
            s -= 1;
        }
        let starts = cx.flags(s) & START != 0;
        if s < v
            && (s + 1..v).all(free)
            && !(s > 0 && cx.same_sentence(s - 1, v) && cx.is_name_word(s - 1))
            && (!starts || v - s >= 2 && cx.flags(s) & SEEN_LOWER == 0)
            && (starts || free(s))
        {
            add.push(Cand { s, e: v, label: EntityLabel::Per, prio: 1 });
        }
    }
    cands.extend(add);
}

/// Capitalised runs the tagger missed that end with an organisation or
/// place word ("the Justice Department", "Wildwood Trail"). A capitalised
/// common word opening the sentence is left out ("The", "Our").
fn suffix_names(cx: &Cx, cands: &mut Vec<Cand>) {
    if cx.lex.org_suffixes.is_empty() {
        return;
    }
    let n = cx.a.tokens.len();
    let covered = covered_tokens(n, cands);
    let name = |k: usize| !covered[k] && cx.a.tokens[k].kind == TokenKind::Word && cx.flags(k) & CAP != 0;
    let mut i = 0;
    while i < n {
        if !name(i) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < n && name(e) && cx.same_sentence(i, e) {
            e += 1;
        }
        let mut s = i;
        while s < e && cx.flags(s) & START != 0 && cx.flags(s) & SEEN_LOWER != 0
            || s < e && cx.lex.articles.contains(&cx.word(s))
        {
            s += 1;
        }
        if e - s >= 2 {
            let label = match cx.word(e - 1) {
                w if cx.lex.org_suffixes.contains(&w) => Some(EntityLabel::Org),
                w if cx.lex.loc_suffixes.contains(&w) => Some(EntityLabel::Loc),
                _ => None,
            };
            if let Some(label) = label {
                cands.push(Cand { s, e, label, prio: 1 });
            }
        }
        i = e;
    }
}

/// Drops tagger spans that are only capitalised common words.
fn keep_tagged(cx: &Cx, s: usize, e: usize) -> bool {
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
        if f & START != 0 && data::resources(cx.a.lang).stopwords.contains(cx.text(s).to_lowercase().as_str()) {
            return false;
        }
    }
    true
}

/// The typing cue before token `s` (a title or role → PER; "groupe" →
/// ORG…), skipping lower-case complements ("constructeur de fusées").
fn cue_before(cx: &Cx, s: usize) -> Option<EntityLabel> {
    let stop = data::resources(cx.a.lang);
    let mut k = s;
    let mut of = false;
    for _ in 0..5 {
        if k == 0 || !cx.same_sentence(k - 1, s) {
            return None;
        }
        k -= 1;
        let w = cx.word(k);
        if cx.lex.titles.contains(&w) {
            // "le président sud-africain X", not "le président de la Fifa".
            return (!of).then_some(EntityLabel::Per);
        }
        if let Some(&l) = cx.lex.cues.get(&w) {
            return Some(l);
        }
        let t = cx.text(k);
        of |= matches!(t, "de" | "d'" | "des" | "du" | "of" | "d’");
        let complement = matches!(t, "de" | "d'" | "des" | "du" | "of" | "d’")
            || cx.a.tokens[k].kind == TokenKind::Word
                && cx.flags(k) & CAP == 0
                && !stop.stopwords.contains(t)
                && t.chars().all(|c| c.is_alphabetic() || c == '-');
        if !complement {
            return None;
        }
    }
    None
}

/// Brand-style names that start lower-case ("iCloud", "iPhone"): capitalisation
/// features miss them, so they become weak ORG candidates (a typing cue or
/// the gazetteer can still say MISC). Units such as "kWh" or "mAh" have a
/// single capital and a short tail, and are left out.
fn camel_case_names(cx: &Cx, cands: &mut Vec<Cand>) {
    let covered = covered_tokens(cx.a.tokens.len(), cands);
    for (i, tok) in cx.a.tokens.iter().enumerate() {
        if covered[i] || tok.kind != TokenKind::Word || cx.lex.not_entities.contains(&cx.word(i)) {
            continue;
        }
        let t = cx.text(i);
        let mut chars = t.chars();
        if !chars.next().is_some_and(char::is_lowercase) || !t.chars().all(char::is_alphanumeric) {
            continue;
        }
        let Some(first_cap) = t.find(char::is_uppercase) else { continue };
        let capitals = t.chars().filter(|c| c.is_uppercase()).count();
        let tail = t[first_cap..].chars().skip(1).take_while(|c| c.is_lowercase()).count();
        if capitals >= 2 || tail >= 3 {
            cands.push(Cand { s: i, e: i + 1, label: EntityLabel::Org, prio: 1 });
        }
    }
}

/// Applies typing cues to tagger spans, and makes spans for capitalised
/// names right after a cue that the tagger missed.
fn cue_spans(cx: &Cx, cands: &mut Vec<Cand>) {
    let covered = covered_tokens(cx.a.tokens.len(), cands);
    for c in cands.iter_mut().filter(|c| c.prio == 1) {
        if let Some(l) = cue_before(cx, c.s) {
            c.label = l;
        }
    }
    let n = cx.a.tokens.len();
    let mut i = 0;
    while i < n {
        if covered[i] || !cx.is_name_word(i) || cx.flags(i) & START != 0 {
            i += 1;
            continue;
        }
        let Some(label) = cue_before(cx, i) else {
            i += 1;
            continue;
        };
        let mut e = i + 1;
        while e < n && !covered[e] && cx.same_sentence(i, e) && cx.is_name_word(e) {
            e += 1;
        }
        // "Boeing 737": a model number after a product name.
        if label == EntityLabel::Misc && e < n && cx.a.tokens[e].kind == TokenKind::Number && cx.same_sentence(i, e) {
            e += 1;
        }
        let w = cx.word(i);
        // "the Justice Department": a title starting an organisation name.
        let org_name = label == EntityLabel::Per && cx.lex.org_suffixes.contains(&cx.word(e - 1));
        // "Prime Minister": a title after a title is not a name.
        if !(org_name
            || cx.lex.titles.contains(&w)
            || cx.lex.not_entities.contains(&w)
            || cx.lex.weekdays.contains(&w)
            || cx.lex.months.contains(&w))
        {
            if let Some((s, e2)) = trim(cx, i, e, label) {
                cands.push(Cand { s, e: e2, label, prio: 2 });
            }
        }
        i = e;
    }
}

/// Keeps the strongest non-overlapping candidates (a weaker one keeps its
/// part before a stronger one: "Berlin" of "Berlin mardi"), sorted.
fn resolve(cx: &Cx, mut cands: Vec<Cand>) -> Vec<Cand> {
    cands.sort_by(|a, b| b.prio.cmp(&a.prio).then((b.e - b.s).cmp(&(a.e - a.s))).then(a.s.cmp(&b.s)));
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
                    Some((s, e)) if (s..e).any(|k| cx.is_name_word(k)) => {
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
    kept.sort_by_key(|c| c.s);
    kept
}

/// Surnames after a full name, and repeated single-word names: the same
/// type. Also retypes a single-word mention to PER when it is the surname
/// of a person named earlier.
fn propagate(cx: &Cx, kept: &mut Vec<Cand>) {
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
}

/// "aéroport Charles-de-Gaulle": a name after a facility head is a LOC whose
/// span keeps the head; "ministère russe de la Défense", "parquet de Paris":
/// after the head of an official designation, an ORG with the head
/// (guidelines §1).
fn facilities(cx: &Cx, kept: &mut [Cand]) {
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
            if lower && cx.lex.org_heads.contains(&cx.word(k)) {
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
fn acronyms(cx: &Cx, kept: &mut Vec<Cand>) {
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
    kept.sort_by_key(|c| c.s);
}

/// Whether token `k` can continue a name: a capitalised word, not the
/// first of its sentence, not a common capitalised word, month, weekday
/// or title.
fn name_continuation(cx: &Cx, k: usize) -> bool {
    let w = cx.word(k);
    cx.a.tokens[k].kind == TokenKind::Word
        && cx.flags(k) & (CAP | START) == CAP
        && !(cx.lex.not_entities.contains(&w)
            || cx.lex.weekdays.contains(&w)
            || cx.lex.months.contains(&w)
            || cx.lex.titles.contains(&w))
}

/// "University of Sydney", "Ministry of Defence", "Gulf of Mexico": an
/// organisation or place head, "of" (and "the"), then a name are one
/// mention. The head may be a mention already or a capitalised word.
fn join_of(cx: &Cx, kept: &mut Vec<Cand>) {
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
fn place_heads(cx: &Cx, kept: &mut Vec<Cand>) {
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
fn given_names(cx: &Cx, kept: &mut Vec<Cand>) {
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

/// One name, one type per document: the tagger's mentions of the same
/// words vote (a place preposition before a one-word name counts for
/// LOC, a given name for PER), and the winner, if it has a majority,
/// types every tagger mention of those words ("Coron" typed PER here and
/// LOC there).
fn vote(cx: &Cx, kept: &mut [Cand]) {
    const TYPES: [EntityLabel; 3] = [EntityLabel::Per, EntityLabel::Loc, EntityLabel::Org];
    if cx.lex.loc_preps.is_empty() {
        return;
    }
    let mut votes: HashMap<&str, [u32; 3]> = HashMap::new();
    for c in kept.iter().filter(|c| c.prio <= 1) {
        let Some(t) = TYPES.iter().position(|&l| l == c.label) else { continue };
        let v = votes.entry(cx.text_span(c.s, c.e)).or_default();
        v[t] += 2;
        if c.e - c.s == 1 {
            if c.s > 0 && cx.same_sentence(c.s - 1, c.s) && cx.lex.loc_preps.contains(&cx.word(c.s - 1)) {
                v[1] += 2;
            }
            if cx.flags(c.s) & FIRST_NAME != 0 {
                v[0] += 1;
            }
        }
    }
    for c in kept.iter_mut().filter(|c| c.prio <= 1) {
        if !TYPES.contains(&c.label) {
            continue;
        }
        let v = votes[cx.text_span(c.s, c.e)];
        let total: u32 = v.iter().sum();
        if let Some(t) = (0..3).find(|&t| 2 * v[t] > total) {
            c.label = TYPES[t];
        }
    }
}
