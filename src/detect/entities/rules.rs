//! Mentions found by rule: photo credits, datelines, the gazetteer and
//! place list, given names, typing cues before and after a name,
//! speakers, name suffixes, camel-case names.

use super::tagger::{ALLCAPS, CAP, FIRST_NAME, SEEN_LOWER, START};
use super::{covered_tokens, name_continuation, place_at, trim, Cand, Context};
use crate::lang::data;
use crate::model::EntityLabel;
use crate::text::TokenKind;

/// Photo credits: runs of capitalised words joined by "/" with at least one
/// all-capitals part ("REUTERS PHOTO AGENCY/AFP/Archives"). Each
/// part is an ORG, except "Archives"-like words; nothing else may overlap.
pub(super) fn credits(cx: &Context, out: &mut Vec<Cand>) {
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
pub(super) fn datelines(cx: &Context, out: &mut Vec<Cand>) {
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
pub(super) fn gazetteer(cx: &Context, out: &mut Vec<Cand>) {
    for i in 0..cx.a.tokens.len() {
        let Some(entries) = cx.lex.gazetteer.get(cx.text(i)) else { continue };
        for (words, label) in entries {
            let e = i + words.len();
            if e <= cx.a.tokens.len() && words.iter().enumerate().all(|(k, w)| cx.text(i + k) == *w) {
                // Not inside a longer capitalised name ("Apple Store" is fine as a whole for the tagger).
                // A capitalised article inside a sentence is part of an organisation's name: "The
                // [Financial Times]", "selon Le [Canard enchaîné]" (guidelines §1).
                let article = i > 0
                    && *label == EntityLabel::Org
                    && cx.flags(i - 1) & (CAP | START) == CAP
                    && (cx.lex.articles.contains(&cx.word(i - 1)) || cx.text(i - 1) == "The")
                    && cx.same_sentence(i - 1, i);
                out.push(Cand { s: if article { i - 1 } else { i }, e, label: *label, prio: 3 });
                break;
            }
        }
    }
}

/// Places of `ner_places.txt` the tagger missed ("in Amsterdam"), unless
/// they are part of a longer capitalised name ("Washington Post", "George
/// Washington").
pub(super) fn places(cx: &Context, cands: &mut Vec<Cand>) {
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
pub(super) fn given_name_spans(cx: &Context, cands: &mut Vec<Cand>) {
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
pub(super) fn cue_after(cx: &Context, cands: &mut Vec<Cand>) {
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
pub(super) fn speakers(cx: &Context, cands: &mut Vec<Cand>) {
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
pub(super) fn suffix_names(cx: &Context, cands: &mut Vec<Cand>) {
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

/// The typing cue before token `s` (a title or role → PER; "groupe" →
/// ORG…), skipping lower-case complements ("constructeur de fusées").
fn cue_before(cx: &Context, s: usize) -> Option<EntityLabel> {
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
pub(super) fn camel_case_names(cx: &Context, cands: &mut Vec<Cand>) {
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
pub(super) fn cue_spans(cx: &Context, cands: &mut Vec<Cand>) {
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
