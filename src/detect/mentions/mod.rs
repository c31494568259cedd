//! Mentions: every name, pronoun and description of the text that could be
//! someone who speaks, built once per document and shared by the quotation
//! layer (speakers) and the claim layer (sources).
//!
//! - **names** are the entity layer's persons and organisations (its output
//!   and clusters are read, never changed);
//! - **pronouns** are the personal pronouns of `data/<lang>/word-classes.txt`
//!   (`pron.m`, `pron.f`, `pron.p`);
//! - **descriptions** are a determiner, up to three words and a head noun of
//!   `data/<lang>/speaker-roles.txt`, with one adjective and a "de"/"of"
//!   complement ("la mère du suspect", "une source policière", "the company").
//!
//! Each mention gets an approximate grammatical role (`role.rs`) and, where
//! it refers to a named entity, that entity's cluster (`entity`): a name by
//! itself, a description by the name set beside it ("le ministre Jean Roe",
//! "Jean Roe, le ministre"), a pronoun by [`Mentions::antecedent`]. A
//! speaker's or source's name is its cluster's name.

mod gender;
mod repeated;
mod role;
mod words;

pub use role::Role;
#[cfg(test)]
pub(crate) use words::reads_class as reads_word_class;
pub use words::Pronoun;

use super::Analysis;
use crate::model::{Entity, EntityLabel};
use crate::sort::{desc, pos, sort_by_rank};
use crate::span::Span;
use crate::text::{normalize_word, TokenKind};
use words::{words, Words};

/// Words a description may hold between its determiner and its head
/// ("le nouveau Premier ministre").
const MAX_WORDS_BEFORE_HEAD: usize = 3;
/// Words of a description's "de"/"of" complement after its determiner
/// ("la mère du suspect", "le porte-parole de la police nationale").
const MAX_COMPLEMENT_WORDS: usize = 2;
/// How many sentences back a pronoun looks for the person it stands for.
const ANTECEDENT_SENTENCES: usize = 3;
/// How many sentences back a person is nearer than the last quoted one.
const NEAR_SENTENCES: usize = 1;
/// How many mentions back it looks at most (bounds the cost of one
/// endless sentence).
const MAX_ANTECEDENT_MENTIONS: usize = 64;
/// How many mentions starting before a span `Mentions::at` looks back
/// through for one holding it: a holder starts a few mentions back at
/// most (a description and the name inside it), and the look-back stays
/// short on an endless sentence.
const MAX_HOLDER_LOOKBACK: usize = 8;

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A person or organisation the entity layer found.
    Name,
    /// A personal pronoun.
    Pronoun(Pronoun),
    /// A determiner and a head noun that can speak.
    Description,
}

/// One mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    /// Its head word: the noun of a description, the last word of a name.
    pub head: Span,
    pub kind: Kind,
    /// The entity cluster it refers to (pronouns: see [`Mentions::antecedent`]).
    pub entity: Option<u32>,
    /// The entity's label, when `entity` is set.
    pub label: Option<EntityLabel>,
    pub role: Role,
    /// Its tokens: `tok..end_tok`.
    pub tok: usize,
    pub end_tok: usize,
    pub sentence: usize,
}

impl Mention {
    /// A name, or a description of a named entity.
    pub fn is_named(&self) -> bool {
        self.entity.is_some() && !matches!(self.kind, Kind::Pronoun(_))
    }

    pub fn is_person(&self) -> bool {
        self.label == Some(EntityLabel::Per)
    }
}

/// The mentions of one text, sorted by start (a description holding a name
/// comes before it).
#[derive(Debug)]
pub struct Mentions {
    list: Vec<Mention>,
    words: &'static Words,
    /// For each mention, the latest mention (index) of the person named
    /// most often up to it, if any.
    protagonist: Vec<Option<usize>>,
    /// The gender the text shows for a person cluster ([`gender::genders`]).
    genders: Vec<(u32, Pronoun)>,
}

impl Mentions {
    /// Finds the mentions of the text.
    pub fn build(a: &Analysis, entities: &[Entity]) -> Mentions {
        let w = words(a.lang);
        let mut list = names(a, entities);
        list.extend(pronouns(a, w));
        let descriptions = descriptions(a, w, &list);
        list.extend(descriptions);
        sort_by_rank(&mut list, |m| [pos(m.span.start), desc(pos(m.span.end)), 0]);
        for m in list.iter_mut() {
            m.role = role::of(a, w, m);
        }
        apposed_names(a, &mut list);
        repeated::descriptions(a, w, &mut list);
        let protagonist = protagonists(&list);
        let genders = gender::genders(a, w, &list);
        Mentions { list, words: w, protagonist, genders }
    }

    fn gender(&self, id: u32) -> Option<&Pronoun> {
        self.genders.iter().find(|(i, _)| *i == id).map(|(_, g)| g)
    }

    pub fn all(&self) -> &[Mention] {
        &self.list
    }

    /// The mention over exactly `span`, else the shortest one holding it.
    pub fn at(&self, span: Span) -> Option<&Mention> {
        let k = self.list.partition_point(|m| m.span.start < span.start);
        if let Some(m) = self.list[k..].iter().take_while(|m| m.span.start == span.start).find(|m| m.span == span) {
            return Some(m);
        }
        self.list[..k]
            .iter()
            .rev()
            .take(MAX_HOLDER_LOOKBACK)
            .chain(self.list[k..].iter().take_while(|m| m.span.start == span.start))
            .filter(|m| m.span.contains(span))
            .min_by_key(|m| m.span.len())
    }

    /// The mentions whose tokens lie in `lo..hi`.
    pub fn in_tokens(&self, lo: usize, hi: usize) -> impl Iterator<Item = &Mention> {
        let k = self.list.partition_point(|m| m.tok < lo);
        self.list[k..].iter().take_while(move |m| m.tok < hi).filter(move |m| m.end_tok <= hi)
    }

    /// The entity a mention over `span` refers to: its own cluster, or for
    /// a pronoun its antecedent's (`salient` first: the person the text was
    /// just quoting, whom "il"/"he" in the next attribution most often is).
    pub fn resolve(&self, text: &str, span: Span, salient: Option<(u32, usize)>) -> Option<u32> {
        let Some(m) = self.at(span) else { return self.name_within(text, span) };
        match m.kind {
            Kind::Pronoun(Pronoun::Masculine | Pronoun::Feminine) if m.span == span => {
                // A person named in the pronoun's sentence or the one before
                // is nearer than the last quoted one ("X a rendu hommage.
                // « … », a-t-il dit" after a quotation of Y).
                let near = self.near_antecedent(text, m).and_then(|a| a.entity);
                // Further back, the last quoted one, unless a person was
                // named after that quotation (and not inside a quotation).
                let later = |a: &&Mention| {
                    let between = text.get(a.span.end..m.span.start).unwrap_or("");
                    salient.is_some_and(|(_, s)| a.sentence > s) && !inside_quotation(between)
                };
                let ante = self.antecedent(m);
                let after_quote = ante.filter(later).and_then(|a| a.entity);
                let p = match m.kind {
                    Kind::Pronoun(p) => p,
                    _ => Pronoun::Plural,
                };
                let salient = salient.map(|(id, _)| id).filter(|id| gender::agrees(p, self.gender(*id)));
                near.or(after_quote).or(salient).or_else(|| ante.and_then(|a| a.entity))
            }
            Kind::Pronoun(_) => None,
            _ if m.span != span => self.name_within(text, span),
            _ => m.entity,
        }
    }

    /// The name a phrase over `span` is: one that ends it ("le président de
    /// la Catalogne Carles Puigdemont"), or starts it when only capitalised
    /// words follow ("Jamil Murad" of a name "Jamil"; "Obama administration
    /// officials" are not Obama).
    fn name_within(&self, text: &str, span: Span) -> Option<u32> {
        // "seen by Sky News": a name after a preposition is not the phrase's.
        let after_preposition = |m: &Mention| {
            let before = text[span.start..m.span.start].split_whitespace().next_back().unwrap_or("");
            let mut b = String::new();
            normalize_word(before, &mut b);
            self.words.of.contains(b.as_str()) || self.words.agents.contains(b.as_str())
        };
        let capitalised_rest = |m: &Mention| {
            text[m.span.end..span.end].split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        };
        let k = self.list.partition_point(|m| m.span.start < span.start);
        self.list[k..]
            .iter()
            .take_while(|m| m.span.start < span.end)
            .filter(|m| m.kind == Kind::Name && span.contains(m.span))
            .find(|m| {
                m.span.end == span.end && !after_preposition(m) || m.span.start == span.start && capitalised_rest(m)
            })
            .and_then(|m| m.entity)
    }

    /// The name a source or speaker phrase over `span` is given by, when
    /// the phrase is not that name alone (guidelines §2–3: "the span is the
    /// name only"): the one person named inside it that ends it or starts
    /// it ("le Premier ministre Édouard Philippe"), else, for a description, the person named beside it ("le
    /// procureur, Eric Maillaud,"). None for phrases holding two names
    /// ("Guy Chevrette et Benoît Jugand"), for pronouns and for
    /// organisations: the annotators keep "le quotidien Hürriyet", "la CGT".
    pub fn name_of(&self, text: &str, span: Span) -> Option<Span> {
        let k = self.list.partition_point(|m| m.span.start < span.start);
        let inside = || self.list[k..].iter().take_while(|m| m.span.start < span.end);
        let names = inside().filter(|m| m.kind == Kind::Name && span.contains(m.span)).count();
        let person = |id: u32| inside().find(|m| m.kind == Kind::Name && m.entity == Some(id) && m.is_person());
        // A capitalised word before the name may be its own first name or
        // a title the entity layer left out ("Claire Martin" of a name
        // "Martin", "Mr Hale"): the phrase stays whole.
        let after_lower = |m: &&Mention| {
            let before = text[span.start..m.span.start].split_whitespace().next_back();
            before.map_or(true, |w| !w.starts_with(char::is_uppercase))
        };
        if let Some(m) = self.name_within(text, span).filter(|_| names == 1).and_then(person).filter(after_lower) {
            return Some(m.span);
        }
        // The description ending where the phrase ends ("[le] ministre de
        // l'Économie", whose complement may be a name).
        let d = self.at(span).filter(|d| names <= 1 && d.span.end == span.end && d.kind == Kind::Description)?;
        // The apposed name: the nearest name of its cluster beside it.
        let near = |m: &&Mention| {
            m.sentence == d.sentence && m.is_person() && (m.tok.abs_diff(d.end_tok) <= 1 || m.end_tok + 1 == d.tok)
        };
        let from = k.saturating_sub(MAX_HOLDER_LOOKBACK);
        self.list[from..]
            .iter()
            .take_while(|m| m.tok <= d.end_tok + 1)
            .filter(|m| m.kind == Kind::Name && d.entity.is_some() && m.entity == d.entity)
            .find(near)
            .map(|m| m.span)
    }

    /// The mention a singular pronoun most likely stands for: in the
    /// nearest sentence (up to [`ANTECEDENT_SENTENCES`] back) that names a
    /// person before it, the first person in a speaking role, else the first
    /// person (news put the subject first); failing that, the person named
    /// most often before it (the article's protagonist).
    pub fn antecedent(&self, pron: &Mention) -> Option<&Mention> {
        let k = self.list.partition_point(|m| m.span.start < pron.span.start);
        let agrees = |m: &Mention| match pron.kind {
            Kind::Pronoun(p) => m.entity.map_or(true, |id| gender::agrees(p, self.gender(id))),
            _ => true,
        };
        let person = |m: &Mention| m.is_named() && m.is_person() && agrees(m);
        let floor = pron.sentence.saturating_sub(ANTECEDENT_SENTENCES);
        let mut best: Option<(&Mention, bool)> = None;
        let back = self.list[..k].iter().rev().take_while(|m| m.sentence >= floor).take(MAX_ANTECEDENT_MENTIONS);
        for m in back {
            if best.is_some_and(|(b, _)| m.sentence < b.sentence) {
                break;
            }
            // Going back: an earlier person of the sentence replaces the
            // one found, unless only that one speaks.
            let speaks = m.role.speaks();
            if person(m) && best.map_or(true, |(_, b_speaks)| speaks || !b_speaks) {
                best = Some((m, speaks));
            }
        }
        best.map(|(m, _)| m)
            .or_else(|| self.protagonist[..k].last().copied().flatten().map(|i| &self.list[i]).filter(|m| agrees(m)))
    }

    /// [`Mentions::antecedent`] when it is in the pronoun's sentence or the
    /// one before, and not inside a quotation that ends before the pronoun
    /// ("« … fils d'Haïti », a-t-il dit" is not Haïti).
    fn near_antecedent(&self, text: &str, pron: &Mention) -> Option<&Mention> {
        self.antecedent(pron).filter(|a| {
            let between = text.get(a.span.end..pron.span.start).unwrap_or("");
            a.sentence + NEAR_SENTENCES >= pron.sentence && !inside_quotation(between)
        })
    }

    /// The mentions before byte `pos`, nearest first, from sentence `floor`
    /// on, that name or describe someone (not pronouns) and report (a
    /// source, a reporting verb's subject): what a claim's pronoun or "the
    /// same source" points back to.
    pub fn previous_sources(&self, pos: usize, floor: usize) -> impl Iterator<Item = &Mention> {
        let k = self.list.partition_point(|m| m.span.start < pos);
        self.list[..k]
            .iter()
            .rev()
            .take_while(move |m| m.sentence >= floor)
            .filter(move |m| m.span.end <= pos && !matches!(m.kind, Kind::Pronoun(_)) && m.role.reports())
    }
}

/// Was a mention followed by `between` (up to a pronoun) inside a
/// quotation? Its first quotation mark closes one ("»", "”"), or straight
/// double quotes are odd in number.
fn inside_quotation(between: &str) -> bool {
    match between.chars().find(|c| matches!(c, '«' | '»' | '“' | '”' | '"')) {
        Some('»' | '”') => true,
        Some('"') => between.matches('"').count() % 2 == 1,
        _ => false,
    }
}

/// For each mention, the latest mention of the person named most often up
/// to it (ties: the one reaching the count first), in one pass.
fn protagonists(list: &[Mention]) -> Vec<Option<usize>> {
    let mut counts: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    let mut last: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    let mut lead: Option<(u32, usize)> = None;
    list.iter()
        .enumerate()
        .map(|(i, m)| {
            if let Some(id) = m.entity.filter(|_| m.is_named() && m.is_person()) {
                let n = counts.entry(id).or_default();
                *n += 1;
                last.insert(id, i);
                if lead.map_or(true, |(_, best)| *n > best) {
                    lead = Some((id, *n));
                }
            }
            lead.and_then(|(id, _)| last.get(&id).copied())
        })
        .collect()
}

fn sentence_of(a: &Analysis, tok: usize) -> usize {
    a.sentence_at(a.tokens[tok].span.start).unwrap_or(0)
}

fn mention(a: &Analysis, kind: Kind, tok: usize, end_tok: usize, head: usize) -> Mention {
    Mention {
        span: Span::new(a.tokens[tok].span.start, a.tokens[end_tok - 1].span.end),
        head: a.tokens[head].span,
        kind,
        entity: None,
        label: None,
        role: Role::Other,
        tok,
        end_tok,
        sentence: sentence_of(a, tok),
    }
}

/// The entity layer's persons and organisations.
fn names(a: &Analysis, entities: &[Entity]) -> Vec<Mention> {
    entities
        .iter()
        .filter(|e| matches!(e.label, EntityLabel::Per | EntityLabel::Org))
        .filter_map(|e| {
            let tok = a.token_at_or_after(e.span.start);
            let end = a.token_at_or_after(e.span.end);
            (tok < end).then(|| Mention {
                span: e.span,
                entity: Some(e.entity_id),
                label: Some(e.label),
                ..mention(a, Kind::Name, tok, end, end - 1)
            })
        })
        .collect()
}

fn lower(a: &Analysis, i: usize, buf: &mut String) -> bool {
    normalize_word(a.token_text(i), buf);
    true
}

fn pronouns(a: &Analysis, w: &Words) -> Vec<Mention> {
    let mut buf = String::new();
    (0..a.tokens.len())
        .filter(|&i| a.tokens[i].kind == TokenKind::Word)
        .filter_map(|i| {
            lower(a, i, &mut buf);
            let p = w.pronouns.iter().find(|(word, _)| *word == buf)?.1;
            Some(mention(a, Kind::Pronoun(p), i, i + 1, i))
        })
        .collect()
}

/// Is token `i` a plain word a description may hold (not punctuation, not
/// a function word, a verb or a pronoun)?
fn content_word(a: &Analysis, w: &Words, i: usize, buf: &mut String) -> bool {
    if i >= a.tokens.len() || !matches!(a.tokens[i].kind, TokenKind::Word | TokenKind::Number) {
        return false;
    }
    lower(a, i, buf);
    let b = buf.as_str();
    !(w.determiners.contains(b)
        || w.verb_fillers.contains(b)
        || w.reporting_verbs.contains(b)
        || w.of.contains(b)
        || w.relatives.contains(b)
        || w.agents.contains(b)
        || w.pronouns.iter().any(|(p, _)| *p == b))
}

/// Determiner + up to three words + a head noun, then an adjective and a
/// "de"/"of" complement. Not inside a name.
fn descriptions(a: &Analysis, w: &Words, names: &[Mention]) -> Vec<Mention> {
    let mut buf = String::new();
    let n = a.tokens.len();
    // For each token, the name covering it (names do not overlap).
    let mut name_at: Vec<Option<usize>> = vec![None; n];
    for (k, m) in names.iter().enumerate().filter(|(_, m)| m.kind == Kind::Name) {
        for slot in &mut name_at[m.tok..m.end_tok.min(n)] {
            *slot = Some(k);
        }
    }
    let in_name = |i: usize| name_at.get(i).copied().flatten().is_some();
    let mut out: Vec<Mention> = Vec::new();
    for i in 0..n {
        lower(a, i, &mut buf);
        if !w.determiners.contains(buf.as_str()) || in_name(i) || out.last().is_some_and(|m| m.end_tok > i) {
            continue;
        }
        let sent_end = a.sentence_tokens[sentence_of(a, i)].end;
        let mut head = None;
        for j in i + 1..(i + 2 + MAX_WORDS_BEFORE_HEAD).min(sent_end) {
            if !content_word(a, w, j, &mut buf) || in_name(j) {
                break;
            }
            if w.heads.contains(buf.as_str()) {
                head = Some(j);
                break;
            }
        }
        let Some(h) = head else { continue };
        let mut end = h + 1;
        // One adjective: "une source policière", "le ministre français".
        if end < sent_end && !a.tokens[end].is_capitalized(a.text) && content_word(a, w, end, &mut buf) {
            end += 1;
        }
        // "de"/"of" and its noun phrase: "la mère du suspect".
        if end + 1 < sent_end
            && lower(a, end, &mut buf)
            && w.of.contains(buf.as_str())
            && !w.agents.contains(buf.as_str())
        {
            let mut k = end + 1;
            if lower(a, k, &mut buf) && w.determiners.contains(buf.as_str()) {
                k += 1;
            }
            if let Some(name) = name_at.get(k).copied().flatten().map(|x| &names[x]).filter(|m| m.tok == k) {
                end = name.end_tok;
            } else {
                let from = k;
                while k < sent_end && k < from + MAX_COMPLEMENT_WORDS && content_word(a, w, k, &mut buf) {
                    k += 1;
                }
                if k > from {
                    end = k;
                }
            }
        }
        out.push(mention(a, Kind::Description, i, end, h));
    }
    out
}

/// A description gets the cluster of the name set beside it: right after
/// its head ("le ministre Jean Roe"), or across a comma either way ("Jean
/// Roe, le ministre", "le ministre, Jean Roe,"); a name inside its
/// complement ("la mère du suspect") is someone else.
fn apposed_names(a: &Analysis, list: &mut [Mention]) {
    let names: Vec<Mention> = list.iter().filter(|m| m.kind == Kind::Name).copied().collect();
    // Names are sorted and do not overlap: found by binary search.
    let starting = |tok: usize| names.binary_search_by_key(&tok, |m| m.tok).ok().map(|k| &names[k]);
    let ending = |end: usize| names.binary_search_by_key(&end, |m| m.end_tok).ok().map(|k| &names[k]);
    for d in list.iter_mut().filter(|m| m.kind == Kind::Description) {
        let comma = |k: usize| k < a.tokens.len() && a.token_text(k) == ",";
        let (end_tok, tok, head_end) = (d.end_tok, d.tok, d.head.end);
        let right_after = |m: &Mention| m.tok == end_tok && m.tok == a.token_at_or_after(head_end);
        let named = starting(end_tok)
            .filter(|m| right_after(m))
            .or_else(|| starting(end_tok + 1).filter(|_| comma(end_tok)))
            .or_else(|| tok.checked_sub(1).and_then(ending).filter(|m| comma(m.end_tok)));
        if let Some(n) = named.copied() {
            d.entity = n.entity;
            d.label = n.label;
            // "Le ministre Jean Roe a déclaré": one phrase, the name's role.
            if right_after(&n) {
                d.role = n.role;
            }
        }
    }
}

#[cfg(test)]
mod tests;
