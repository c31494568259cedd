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
mod document;
mod lexicon;
mod merge;
mod name_index;
mod rules;
mod tagged;
#[doc(hidden)]
pub mod tagger;

use super::Analysis;
use crate::lang::data;
use crate::model::{Entity, EntityLabel};
use crate::span::Span;
use crate::text::TokenKind;
use lexicon::Lexicon;
use tagger::{TokInfo, CAP, PUNCT, START};

/// Does the layer read the class `name` of `data/<lang>/word-classes.txt`?
#[cfg(test)]
pub(crate) fn reads_word_class(name: &str) -> bool {
    document::reads_word_class(name)
}

/// A candidate mention over tokens `[s, e)`.
#[derive(Clone, Copy, Debug)]
struct Cand {
    s: usize,
    e: usize,
    label: EntityLabel,
    /// Higher wins overlaps.
    prio: u8,
}

struct Context<'a, 'b> {
    a: &'b Analysis<'a>,
    infos: Vec<TokInfo>,
    lex: &'static Lexicon,
    /// Sentence index of every token.
    sent_of: Vec<u32>,
    /// Whether each sentence is a wire dateline ("KYIV, Ukraine (AP) —").
    dateline: Vec<bool>,
}

impl Context<'_, '_> {
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
        stop.contains(t) || stop.contains(crate::case::lower_str(t).as_str())
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
    let cx = Context { a, infos, lex: lexicon::lexicon(a.lang), sent_of, dateline };
    let mut cands = Vec::new();

    rules::credits(&cx, &mut cands);
    let mut date_ranges = Vec::new();
    for (r, &dateline) in a.sentence_tokens.iter().zip(&cx.dateline) {
        dates::find(a.text, &a.tokens, &cx.infos, r.clone(), cx.lex, dateline, &mut date_ranges);
    }
    cands.extend(date_ranges.into_iter().filter_map(|(s, e)| {
        let (s, e) = trim(&cx, s, e, EntityLabel::Date)?;
        Some(Cand { s, e, label: EntityLabel::Date, prio: 5 })
    }));
    rules::gazetteer(&cx, &mut cands);
    rules::datelines(&cx, &mut cands);
    if let Some(model) = tagger::model(a.lang) {
        let tags = model.tag(&cx.infos, &a.sentence_tokens);
        tagged::tagged_spans(&cx, &tags, &mut cands);
    }
    rules::places(&cx, &mut cands);
    rules::given_name_spans(&cx, &mut cands);
    rules::suffix_names(&cx, &mut cands);
    rules::cue_after(&cx, &mut cands);
    rules::speakers(&cx, &mut cands);
    rules::camel_case_names(&cx, &mut cands);
    rules::cue_spans(&cx, &mut cands);
    let mut kept = merge::resolve(&cx, cands);
    merge::propagate(&cx, &mut kept);
    let mut kept = merge::resolve(&cx, kept);
    merge::join_of(&cx, &mut kept);
    merge::place_heads(&cx, &mut kept);
    merge::given_names(&cx, &mut kept);
    document::role_complements(&cx, &mut kept);
    document::events_on(&cx, &mut kept);
    merge::vote(&cx, &mut kept);
    document::unintroduced_people(&cx, &mut kept);
    document::compass_places(&cx, &mut kept);
    merge::facilities(&cx, &mut kept);
    merge::acronyms(&cx, &mut kept);
    document::bracketed_terms(&cx, &mut kept);
    document::saint_places(&cx, &mut kept);
    document::web_domains(&cx, &mut kept);
    document::enumerations(&cx, &mut kept);
    document::nationality_tails(&cx, &mut kept);
    let spans: Vec<(Span, EntityLabel)> =
        kept.iter().map(|c| (Span::new(a.tokens[c.s].span.start, a.tokens[c.e - 1].span.end), c.label)).collect();
    cluster::cluster(a.text, &spans)
}

/// Trims a span to the guidelines: no leading article, elision, title or
/// punctuation, no trailing punctuation or possessive 's. `None` if
/// nothing is left.
fn trim(cx: &Context, mut s: usize, mut e: usize, label: EntityLabel) -> Option<(usize, usize)> {
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

impl Context<'_, '_> {
    fn text_span(&self, s: usize, e: usize) -> &str {
        &self.a.text[self.a.tokens[s].span.start..self.a.tokens[e - 1].span.end]
    }
}

/// The end of the longest place name (`ner_places.txt`) starting at token `s`.
fn place_at(cx: &Context, s: usize) -> Option<usize> {
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

/// Whether token `k` can continue a name: a capitalised word, not the
/// first of its sentence, not a common capitalised word, month, weekday
/// or title.
fn name_continuation(cx: &Context, k: usize) -> bool {
    let w = cx.word(k);
    cx.a.tokens[k].kind == TokenKind::Word
        && cx.flags(k) & (CAP | START) == CAP
        && !(cx.lex.not_entities.contains(&w)
            || cx.lex.weekdays.contains(&w)
            || cx.lex.months.contains(&w)
            || cx.lex.titles.contains(&w))
}
