//! The quotation layer's own coreference: which entity a speaker mention
//! is. A future shared mention layer replaces this module; its interface is
//! two things:
//!
//! - [`Salience`]: the last quoted person, fed in text order with each
//!   direct quotation's speaker, asked for the person a pronoun most likely
//!   is ("« … », a-t-il dit" after a quotation of Paul Martin);
//! - [`Context::link`]: a mention to the contract's [`Speaker`], its entity
//!   taken from the entity layer (names, phrases) or, for "il"/"elle"/"he"/
//!   "she", from the salient person, else the nearest person named before.
//!
//! No state hides in the context: salience is a plain value the caller
//! threads through the quotations in order.

use super::context::{Context, Mention};
use super::lexicon::class::*;
use super::windows::{MAX_ENTITIES_PER_SENTENCE, NEAREST_PERSON_SENTENCES, SALIENCE_SENTENCES};
use super::{Entity, EntityLabel, Speaker};
use crate::span::Span;

/// The last quoted person (entity, sentence of the quotation's end): what
/// "il"/"he" in the next attribution most often refers to.
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
    /// it becomes the salient person when it is a person entity
    /// (`is_person[id]`, from [`person_ids`]).
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

impl<'a> Context<'a, '_> {
    /// The contract's speaker: the mention and the entity it resolves to.
    /// A pronoun resolves to `salient` (the last quoted person, if recent)
    /// or to the nearest person named before it.
    pub fn link(&self, sp: Mention, salient: Option<u32>) -> Speaker {
        let entity_id = self.resolve(sp, salient);
        // A lone capitalised word opening the sentence that the entity layer
        // did not take ("Reports said") may be a common noun: not a name.
        let lone_initial = entity_id.is_none() && self.a.tokens[sp.tok].span.end == sp.span.end && {
            let sent = self.a.sentence_at(sp.span.start).unwrap_or(0);
            let first = self.a.sentence_tokens.get(sent).map_or(0, |r| r.start);
            (first..sp.tok).all(|k| !self.has(k, WORD))
        };
        Speaker { span: sp.span, entity_id, is_name: sp.is_name && sp.pron == 0 && !lone_initial }
    }

    /// The entity a mention refers to.
    fn resolve(&self, sp: Mention, salient: Option<u32>) -> Option<u32> {
        if let Some(id) = sp.entity {
            Some(id)
        } else if sp.pron & (PRON_M | PRON_F) != 0 {
            salient.or_else(|| self.nearest_person(sp.span.start))
        } else if sp.pron == 0 && sp.is_name {
            self.entity_in(sp.span).map(|e| e.entity_id)
        } else if sp.pron == 0 {
            // A noun phrase resolves only to an entity that is the whole
            // phrase: "Obama administration officials" are not Obama.
            self.entity_in(sp.span).filter(|e| e.span == sp.span).map(|e| e.entity_id)
        } else {
            None
        }
    }

    /// The first PER/ORG entity inside `span`, when it starts the span.
    fn entity_in(&self, span: Span) -> Option<&'a Entity> {
        let k = self.entities.partition_point(|e| e.span.end <= span.start);
        self.entities[k..]
            .iter()
            .take_while(|e| e.span.start < span.end)
            .find(|e| span.contains(e.span) && matches!(e.label, EntityLabel::Per | EntityLabel::Org))
            .filter(|e| e.span.start == span.start)
    }

    /// The first person named in the nearest sentence (up to
    /// [`NEAREST_PERSON_SENTENCES`] back) before `pos` that names one.
    fn nearest_person(&self, pos: usize) -> Option<u32> {
        let s = self.a.sentence_at(pos)?;
        for back in 0..=NEAREST_PERSON_SENTENCES {
            let Some(si) = s.checked_sub(back) else { break };
            let sent = self.a.sentences[si];
            let end = if back == 0 { pos } else { sent.end };
            let k = self.entities.partition_point(|e| e.span.end <= sent.start);
            let hit = self.entities[k..]
                .iter()
                .take_while(|e| e.span.start < end)
                .take(MAX_ENTITIES_PER_SENTENCE)
                .find(|e| e.label == EntityLabel::Per && e.span.end <= end);
            if let Some(e) = hit {
                return Some(e.entity_id);
            }
        }
        None
    }
}
