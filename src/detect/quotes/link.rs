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

/// The last quoted person (entity, sentence of the quotation's end).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Salience {
    last: Option<(u32, usize)>,
}

impl Salience {
    /// The salient person for a quotation starting in sentence `sentence`:
    /// the last quoted person, if quoted at most [`SALIENCE_SENTENCES`]
    /// sentences before.
    pub fn at(&self, sentence: usize) -> Option<u32> {
        self.last.filter(|&(_, s)| s + SALIENCE_SENTENCES >= sentence).map(|(id, _)| id)
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

impl Context<'_, '_> {
    /// The contract's speaker: the mention and the entity it resolves to.
    pub fn link(&self, mentions: &Mentions, sp: Mention, salient: Option<u32>) -> Speaker {
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
