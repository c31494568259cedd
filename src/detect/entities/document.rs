//! Mentions checked against the rest of the document and their own
//! written form: a "person" never introduced, a compass word standing for
//! a region, a saint's place, a web address.

use super::tagger::{CAP, FIRST_NAME, START};
use super::{Cand, Context};
use crate::model::EntityLabel;
use crate::text::TokenKind;
use std::collections::{HashMap, HashSet};

/// A one-word "person" named three times or more and never introduced (no
/// longer mention holds the word, no given name, no title before it) is an
/// organisation: news introduces people by their full name or their role,
/// not companies and brands ("Uber a annoncé… Uber… Uber"). French only:
/// on English dev texts (conversations, podcasts: "God", "Undertaker") it
/// found no organisation.
pub(super) fn unintroduced_people(cx: &Context, kept: &mut [Cand]) {
    if cx.a.lang != crate::lang::Lang::Fr {
        return;
    }
    let mut counts: HashMap<&str, u32> = HashMap::new();
    // A set, not a list: one look-up per mention (a list scanned for each made the step quadratic in a
    // long document: 10 MB took 2× the time it should).
    let mut introduced: HashSet<&str> = HashSet::new();
    for c in kept.iter() {
        if c.label == EntityLabel::Date {
            continue;
        }
        if c.e - c.s > 1 {
            introduced.extend((c.s..c.e).map(|k| cx.text(k)));
            continue;
        }
        let titled = c.s > 0 && cx.same_sentence(c.s - 1, c.s) && cx.lex.titles.contains(&cx.word(c.s - 1));
        if c.label != EntityLabel::Per || c.prio > 1 || titled || cx.flags(c.s) & FIRST_NAME != 0 {
            introduced.insert(cx.text(c.s));
        } else {
            *counts.entry(cx.text(c.s)).or_default() += 1;
        }
    }
    for c in kept.iter_mut() {
        if c.label == EntityLabel::Per
            && c.e - c.s == 1
            && c.prio <= 1
            && counts.get(cx.text(c.s)).is_some_and(|&n| n >= 3)
            && !introduced.contains(cx.text(c.s))
        {
            c.label = EntityLabel::Org;
        }
    }
}

/// A capitalised compass word alone ("the North", "The South retaliated")
/// stands for a region or a state: a place, never a person or a body.
pub(super) fn compass_places(cx: &Context, kept: &mut [Cand]) {
    for c in kept.iter_mut() {
        if c.e - c.s == 1
            && matches!(c.label, EntityLabel::Per | EntityLabel::Org)
            && c.prio <= 1
            && cx.flags(c.s) & CAP != 0
            && cx.lex.loc_heads.contains(&cx.word(c.s))
        {
            c.label = EntityLabel::Loc;
        }
    }
}

/// "St. John's", "St Andrew's": a saint's name in the genitive after
/// "St." is a place name, the genitive included.
pub(super) fn saint_places(cx: &Context, kept: &mut [Cand]) {
    let n = cx.a.tokens.len();
    for m in 0..kept.len() {
        let c = kept[m];
        if c.e - c.s != 1 || c.s == 0 || c.e >= n || c.label == EntityLabel::Date {
            continue;
        }
        let saint = matches!(cx.text(c.s - 1), "St." | "St" | "Saint") && cx.same_sentence(c.s - 1, c.s);
        let genitive = matches!(cx.text(c.e), "'s" | "’s") && cx.same_sentence(c.s, c.e);
        let free = m == 0 || kept[m - 1].e < c.s;
        if saint && genitive && free && !kept.get(m + 1).is_some_and(|d| d.s <= c.e) {
            kept[m] = Cand { s: c.s - 1, e: c.e + 1, label: EntityLabel::Loc, ..c };
        }
    }
}

/// "Dreuz.info", "Booking.com": a name written together with a lower-case
/// domain ending is a website, one ORG mention; the point is never the end
/// of the name.
pub(super) fn web_domains(cx: &Context, kept: &mut [Cand]) {
    let n = cx.a.tokens.len();
    let toks = &cx.a.tokens;
    for m in 0..kept.len() {
        let c = kept[m];
        if c.label == EntityLabel::Date {
            continue;
        }
        let dot = if cx.text(c.e - 1) == "." && c.e - c.s > 1 { c.e - 1 } else { c.e };
        if dot + 1 >= n || cx.text(dot) != "." {
            continue;
        }
        let tld = cx.text(dot + 1);
        let joined = toks[dot].span.start == toks[dot - 1].span.end && toks[dot + 1].span.start == toks[dot].span.end;
        let lower_tld = (2..=4).contains(&tld.len()) && tld.chars().all(|ch| ch.is_ascii_lowercase());
        if joined
            && lower_tld
            && toks[dot + 1].kind == TokenKind::Word
            && !kept.get(m + 1).is_some_and(|d| d.s <= dot + 1)
        {
            kept[m].e = dot + 2;
            kept[m].label = EntityLabel::Org;
        }
    }
}

/// Whether token `k` separates the items of an enumeration ("A, B ou
/// encore C", "A, B and C").
fn list_separator(cx: &Context, k: usize) -> bool {
    matches!(cx.text(k), "," | "et" | "ou" | "encore" | "and" | "or")
}

/// The items of an enumeration share their type: in "Dreuz.info, Le
/// Salon beige, TVLibertés, ou encore Breizh-info", three ORG and one
/// tagger "person" make four ORG. In an enumeration of four items or more
/// closed by a coordinator, the odd one out (not starting with a given
/// name) becomes the others' type (a place, a body or a product) when all
/// the others agree, and takes the whole
/// item: a capitalised article before it, lower-case words after it up to
/// the next separator (French adjectives follow the noun: "Salon beige").
pub(super) fn enumerations(cx: &Context, kept: &mut [Cand]) {
    let mut m = 0;
    while m < kept.len() {
        // The run of items from m: mentions joined by separators (and an item's lower-case tail).
        let mut end = m + 1;
        let mut commas = 0;
        while end < kept.len() && cx.same_sentence(kept[end - 1].s, kept[end].s) {
            let gap = kept[end - 1].e..kept[end].s;
            let seps = gap.clone().filter(|&k| list_separator(cx, k)).count();
            let tail = gap.clone().take_while(|&k| !list_separator(cx, k)).count();
            let ok = seps > 0
                && tail <= 2
                && gap.clone().skip(tail).all(|k| list_separator(cx, k) || k + 1 == kept[end].s && is_article(cx, k));
            if !ok {
                break;
            }
            commas += gap.filter(|&k| cx.text(k) == ",").count();
            end += 1;
        }
        // A true enumeration: a comma, and a coordinator before its last item.
        let coordinated = end - m >= 2
            && (kept[end - 2].e..kept[end - 1].s)
                .any(|k| cx.flags(k) & CAP == 0 && matches!(cx.text(k), "et" | "ou" | "and" | "or"));
        if end - m >= 4 && commas > 0 && coordinated {
            odd_one_out(cx, &mut kept[m..end]);
        }
        m = end;
    }
}

fn is_article(cx: &Context, k: usize) -> bool {
    cx.flags(k) & CAP != 0 && cx.lex.articles.contains(&cx.word(k))
}

fn odd_one_out(cx: &Context, items: &mut [Cand]) {
    const TYPES: [EntityLabel; 4] = [EntityLabel::Per, EntityLabel::Loc, EntityLabel::Org, EntityLabel::Misc];
    let count = |l: EntityLabel| items.iter().filter(|c| c.label == l).count();
    // Never to PER: a place or a body among people is usually their affiliation ("Jean Dupont, Paris").
    let Some(&major) = TYPES[1..].iter().find(|&&l| count(l) >= 3 && count(l) + 1 == items.len()) else { return };
    let n = items.len();
    for i in 0..n {
        let c = items[i];
        if c.label == major || c.prio > 1 || !TYPES.contains(&c.label) || cx.flags(c.s) & FIRST_NAME != 0 {
            continue;
        }
        let mut d = Cand { label: major, ..c };
        if cx.a.lang == crate::lang::Lang::Fr {
            if d.s > 0 && is_article(cx, d.s - 1) && (i == 0 || items[i - 1].e < d.s - 1) {
                d.s -= 1;
            }
            let limit = items.get(i + 1).map_or(cx.a.tokens.len(), |x| x.s);
            let mut e = d.e;
            while e < limit
                && !list_separator(cx, e)
                && cx.a.tokens[e].kind == TokenKind::Word
                && cx.flags(e) & CAP == 0
            {
                e += 1;
            }
            if e < limit && list_separator(cx, e) && e - d.e <= 2 {
                d.e = e;
            }
        }
        items[i] = d;
    }
}

/// In French an organisation's name takes the nationality adjective after
/// it ("Parlement européen", "Hezbollah libanais", "Sécurité civile
/// française"): the mention ends after it.
pub(super) fn nationality_tails(cx: &Context, kept: &mut [Cand]) {
    let n = cx.a.tokens.len();
    for m in 0..kept.len() {
        let c = kept[m];
        let e = c.e;
        if c.label == EntityLabel::Org
            && e < n
            && cx.same_sentence(c.s, e)
            && cx.a.tokens[e].kind == TokenKind::Word
            && cx.a.tokens[e].span.start == cx.a.tokens[e - 1].span.end + 1
            && cx.flags(e) & CAP == 0
            && cx.lex.nationality.contains(&cx.word(e))
            && !kept.get(m + 1).is_some_and(|d| d.s <= e)
        {
            kept[m].e = e + 1;
        }
    }
}

/// Does the entity layer read the class `name` of `data/<lang>/word-classes.txt`?
#[cfg(test)]
pub(crate) fn reads_word_class(name: &str) -> bool {
    name == "nationality"
}

/// "par déni de service (DOS, …)", "35 km de vélo tout terrain (VTT)": an
/// acronym in brackets after a lower-case phrase without a determiner
/// abbreviates a common term, not a name: it is no mention. Kept after a
/// determined phrase ("l'agence régionale de santé (ARS)"), a phrase holding
/// a capitalised word or the head of an institution, or a mention.
const DETERMINERS: &[&str] =
    &["l'", "l’", "le", "la", "les", "un", "une", "son", "sa", "ses", "leur", "the", "a", "an", "its", "their"];
/// Prepositions that take a bare term ("par déni de service"); "de" is inside terms ("déni de service").
const TERM_PREPOSITIONS: &[&str] =
    &["par", "pour", "à", "en", "avec", "sans", "contre", "by", "for", "with", "against"];

pub(super) fn bracketed_terms(cx: &Context, kept: &mut Vec<Cand>) {
    let toks = &cx.a.tokens;
    let mut ends = vec![false; toks.len() + 1];
    for c in kept.iter() {
        ends[c.e] = true;
    }
    kept.retain(|c| {
        let acronym = c.e - c.s == 1
            && c.prio <= 1
            && c.label != EntityLabel::Date
            && cx.text(c.s).chars().all(|ch| ch.is_uppercase() || ch.is_ascii_digit())
            && cx.text(c.s).chars().any(char::is_uppercase);
        if !acronym || c.s < 2 || cx.text(c.s - 1) != "(" || ends[c.s - 1] || !cx.same_sentence(c.s - 2, c.s) {
            return true;
        }
        let mut k = c.s - 1;
        while k > 0 && cx.same_sentence(k - 1, c.s) && k + 8 > c.s {
            k -= 1;
            // "l' agence" (an elision written apart): the apostrophe is the article's.
            if matches!(cx.text(k), "'" | "’") {
                continue;
            }
            if !matches!(cx.a.tokens[k].kind, TokenKind::Word | TokenKind::Elision) {
                return false;
            }
            let capitalised = cx.flags(k) & (CAP | START) == CAP;
            let head = cx.lex.org_heads.contains(&cx.word(k)) || cx.lex.facilities.contains(&cx.word(k));
            let t = crate::case::lower_str(cx.text(k));
            if capitalised || head || DETERMINERS.contains(&t.as_str()) {
                return true;
            }
            if TERM_PREPOSITIONS.contains(&t.as_str()) {
                return false;
            }
        }
        false
    });
}

/// "le ministre de l'Intérieur Bernard Cazeneuve": a "person" tagged over
/// the complement of a role and a full name is two mentions, the body
/// (ORG, or LOC for a place of `ner_places.txt`; the document's vote
/// retypes the others) and the person, when the name starts with a given
/// name.
pub(super) fn role_complements(cx: &Context, kept: &mut Vec<Cand>) {
    let mut added = Vec::new();
    for c in kept.iter_mut() {
        let s = c.s;
        let complement = s > 0
            && cx.same_sentence(s - 1, s)
            && matches!(cx.text(s - 1), "de" | "du" | "des" | "l'" | "l’" | "la" | "of" | "the");
        if c.label == EntityLabel::Per
            && c.prio <= 1
            && c.e - s >= 3
            && complement
            && cx.flags(s) & (FIRST_NAME | START) == 0
            && cx.flags(s + 1) & FIRST_NAME != 0
            && cx.is_name_word(s + 1)
        {
            added.push(Cand { s: s + 1, e: c.e, label: EntityLabel::Per, prio: c.prio });
            let label = if super::place_at(cx, s) == Some(s + 1) { EntityLabel::Loc } else { EntityLabel::Org };
            *c = Cand { e: s + 1, label, ..*c };
        }
    }
    if !added.is_empty() {
        kept.extend(added);
        crate::sort::sort_by_rank(kept, |c| [crate::sort::pos(c.s), 0, 0]);
    }
}

/// English "War on Terror", "Summit on Climate": a capitalised word, "on"
/// and a capitalised name form one named event (MISC), not a place or a
/// person "War".
pub(super) fn events_on(cx: &Context, kept: &mut [Cand]) {
    if cx.a.lang != crate::lang::Lang::En {
        return;
    }
    let n = cx.a.tokens.len();
    for m in 0..kept.len() {
        let c = kept[m];
        let on = c.e + 1 < n && cx.text(c.e) == "on" && cx.same_sentence(c.s, c.e + 1);
        if c.e - c.s != 1 || c.prio > 1 || c.label == EntityLabel::Date || !on {
            continue;
        }
        let mut e = c.e + 1;
        while e < n && e < c.e + 4 && cx.same_sentence(c.s, e) && super::name_continuation(cx, e) {
            e += 1;
        }
        if e > c.e + 1 && !kept.get(m + 1).is_some_and(|d| d.s < e) {
            kept[m] = Cand { e, label: EntityLabel::Misc, ..c };
        }
    }
}
