//! From a speaker mention to the contract's [`Speaker`]: the entity it
//! refers to comes from the shared mention layer (`detect::mentions`: a
//! name's cluster, a description's apposed name, a pronoun's antecedent),
//! the salient person first for a pronoun.
//!
//! [`Salience`] is the last quoted person, fed in text order with each
//! direct quotation's speaker: what "il"/"he" in the next attribution most
//! often refers to ("« … », a-t-il dit" after a quotation of Paul Martin).
//! No state hides in the context: it is a plain value the caller threads
//! through the quotations in order.

use super::context::{Context, Mention};
use super::windows::SALIENCE_SENTENCES;
use super::{Entity, EntityLabel, Speaker};
use crate::detect::mentions::Mentions;
use crate::text::fold;
use std::collections::HashMap;

/// How many person clusters may share a last word for a shorter one to be
/// matched against them (bounds the work on a text of many namesakes).
const MAX_NAMESAKES: usize = 8;

/// The last quoted person (entity, sentence of the quotation's end).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Salience {
    last: Option<(u32, usize)>,
}

impl Salience {
    /// The salient person for a quotation starting in sentence `sentence`:
    /// the last quoted person, if quoted at most [`SALIENCE_SENTENCES`]
    /// sentences before, with the sentence that quotation ended in.
    pub fn at(&self, sentence: usize) -> Option<(u32, usize)> {
        self.last.filter(|&(_, s)| s + SALIENCE_SENTENCES >= sentence)
    }

    /// Records the speaker of a quotation ending in sentence `last_sentence`:
    /// it becomes the salient person when it is a person entity.
    pub fn observe(&mut self, speaker: Option<&Speaker>, is_person: &[bool], last_sentence: usize) {
        if let Some(id) = speaker.and_then(|s| s.entity_id) {
            if is_person.get(id as usize).copied().unwrap_or(false) {
                self.last = Some((id, last_sentence));
            }
        }
    }
}

/// Per entity id: whether a mention of that entity is a person (looked up
/// per quotation; scanning every entity each time was quadratic).
pub(super) fn person_ids(entities: &[Entity]) -> Vec<bool> {
    let mut is_person = Vec::new();
    for e in entities.iter().filter(|e| e.label == EntityLabel::Per) {
        let id = e.entity_id as usize;
        if is_person.len() <= id {
            is_person.resize(id + 1, false);
        }
        is_person[id] = true;
    }
    is_person
}

/// Per person entity id: the cluster whose name is the fuller form of its
/// own, when the entity layer kept them apart ("Averty" and, earlier,
/// "Jean-Christophe Averty"; "Erdogan" and "Recep Tayyip Erdoğan"): every
/// word of the shorter cluster's longest mention ends a longer mention of
/// exactly one other person cluster (case and accents folded).
pub(super) fn fuller_ids(text: &str, entities: &[Entity]) -> Vec<Option<u32>> {
    // Per id, the folded words of its longest mention; per last word, the
    // ids with a mention of two words or more ending in it.
    let mut longest: HashMap<u32, Vec<String>> = HashMap::new();
    let mut by_last: HashMap<String, Vec<(u32, Vec<String>)>> = HashMap::new();
    for e in entities.iter().filter(|e| e.label == EntityLabel::Per) {
        let words: Vec<String> = e.span.slice(text).split_whitespace().map(fold).collect();
        let Some(last) = words.last().cloned() else { continue };
        if words.len() >= 2 {
            let list = by_last.entry(last).or_default();
            if list.len() <= MAX_NAMESAKES {
                list.push((e.entity_id, words.clone()));
            }
        }
        let slot = longest.entry(e.entity_id).or_default();
        if words.len() > slot.len() {
            *slot = words;
        }
    }
    let mut out = Vec::new();
    for (&id, words) in &longest {
        let Some(cands) = words.last().and_then(|l| by_last.get(l)) else { continue };
        if cands.len() > MAX_NAMESAKES {
            continue;
        }
        let mut fuller = cands.iter().filter(|(o, w)| *o != id && w.len() > words.len() && w.ends_with(words));
        let Some(&(first, _)) = fuller.next() else { continue };
        if fuller.all(|(o, _)| *o == first) {
            if out.len() <= id as usize {
                out.resize(id as usize + 1, None);
            }
            out[id as usize] = Some(first);
        }
    }
    out
}

impl Context<'_, '_> {
    /// The contract's speaker: the mention and the entity it resolves to.
    pub fn link(&self, mentions: &Mentions, sp: Mention, salient: Option<(u32, usize)>) -> Speaker {
        let entity_id = sp.entity.or_else(|| mentions.resolve(self.a.text, sp.span, salient));
        // A lone capitalised word opening the sentence that the entity layer
        // did not take ("Reports said") may be a common noun: not a name.
        let lone_initial = entity_id.is_none() && self.a.tokens[sp.tok].span.end == sp.span.end && {
            let sent = self.a.sentence_at(sp.span.start).unwrap_or(0);
            let first = self.a.sentence_tokens.get(sent).map_or(0, |r| r.start);
            (first..sp.tok).all(|k| !self.has(k, super::lexicon::class::WORD))
        };
        Speaker { span: sp.span, entity_id, is_name: sp.is_name && sp.pron == 0 && !lone_initial }
    }
}
