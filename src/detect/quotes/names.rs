//! Names as speakers: where one starts (the entity layer's opinion first,
//! capitalisation where it has none) and how far it runs.

use super::context::{Context, Mention};
use super::lexicon::class::*;
use super::windows::{MAX_INITIAL_LETTERS, MAX_NAME_TOKENS};
use super::{Entity, EntityLabel};
use crate::span::Span;

impl Context<'_, '_> {
    /// Does a name start at `i`: an entity, or a capitalised word that is
    /// not a function word?
    pub fn name_start(&self, i: usize, hi: usize) -> bool {
        if i >= hi {
            return false;
        }
        // The entity layer decides where it has an opinion: a person or an
        // organisation starting here is a name, a place, date or work is not;
        // elsewhere (names it missed) capitalisation decides.
        let pos = self.a.tokens[i].span;
        let k = self.entities.partition_point(|e| e.span.end <= pos.start);
        if let Some(e) = self.entities[k..].iter().take_while(|e| e.span.start < pos.end).find(|e| e.span.overlaps(pos))
        {
            return matches!(e.label, EntityLabel::Per | EntityLabel::Org) && e.span.start >= pos.start;
        }
        let f = self.flags(i);
        // A capitalised role alone ("CEO of …") heads a noun phrase, it is not a name.
        let lone_role = f & ROLE != 0 && !(i + 1 < hi && self.has(i + 1, CAP) && self.has(i + 1, WORD));
        f & CAP != 0
            && !lone_role
            && f & (DET | PREP | PRON | STOP | AUX | COMP | TITLE | SOURCE | SOURCE_FIRST | ADV) == 0
    }

    /// The name starting at `i`: the entity there, else the run of
    /// capitalised words (with particles: "Charles de Gaulle").
    pub fn name_forward(&self, i: usize, hi: usize) -> (Mention, usize) {
        if let Some(e) = self.entity_at(i) {
            return self.entity_name(i, e, hi);
        }
        let mut j = i + 1;
        let tight = |a: usize, b: usize| self.a.tokens[a].span.end == self.a.tokens[b].span.start;
        while j < hi && j < i + MAX_NAME_TOKENS {
            if self.entity_at(j).is_some_and(|e| e.label == EntityLabel::Per) {
                // "Senator Jane Roe": capitalised titles before the name are
                // not part of it; "C. Jane Roe": an initial is.
                if (i..j).all(|k| self.has(k, ROLE | TITLE)) {
                    return self.name_forward(j, hi);
                }
                if (i..j).all(|k| self.is_initial(k)) {
                    let (name, end) = self.name_forward(j, hi);
                    let span = Span::new(self.a.tokens[i].span.start, name.span.end);
                    return (Mention { span, tok: i, ..name }, end);
                }
            }
            if !self.entities.is_empty() && self.entity_at(j).is_some() {
                break; // a name the entity layer found starts here: "l'Économie Bruno Le Maire"
            }
            if self.has(j, CAP) && self.has(j, WORD) && !self.has(j, DET | PREP | AUX | STOP | COMP) {
                j += 1;
            } else if j + 1 < hi
                && self.has(j, DASH | HYPHEN)
                && self.has(j + 1, CAP)
                && tight(j - 1, j)
                && tight(j, j + 1)
            {
                j += 2; // "Schreiber–Di Cesare"
            } else if self.has(j, PARTICLE) && self.has(j + 1, CAP) && j + 1 < hi && !self.has(j + 1, DET) {
                j += 2;
            } else {
                break;
            }
        }
        // "Shadow Home Secretary Yvette Cooper": capitalised titles are not
        // part of the name.
        let first = (i..j - 1).rev().find(|&k| self.has(k, ROLE)).map_or(i, |r| r + 1);
        (Mention { span: self.span(first, j - 1), pron: 0, entity: None, tok: first, is_name: true }, j)
    }

    /// The name that the entity `e` over token `i` gives, and the token
    /// after it.
    fn entity_name(&self, i: usize, e: &Entity, hi: usize) -> (Mention, usize) {
        let mut j = i;
        while j < hi && self.a.tokens[j].span.end <= e.span.end {
            j += 1;
        }
        let mut span = Span::new(self.a.tokens[i].span.start.max(e.span.start), e.span.end);
        // A name does not end on a capitalised particle: the entity layer
        // cut "Christophe Le Gallo" after "Le"; the next capitalised word is
        // the rest of it.
        let cut_on_particle = j > i && self.has(j - 1, DET | PREP | PARTICLE) && self.has(j - 1, CAP);
        if cut_on_particle && j < hi && self.has(j, CAP) && self.has(j, WORD) && !self.has(j, DET | PREP | STOP) {
            span = Span::new(span.start, self.a.tokens[j].span.end);
            j += 1;
        }
        // A double-barrelled name joined by a dash that the entity layer
        // cut in two ("Schreiber–Di Cesare"): one speaker.
        if e.label == EntityLabel::Per && j + 1 < hi && self.has(j, DASH | HYPHEN) {
            let tight =
                self.a.tokens[j].span.start == span.end && self.a.tokens[j + 1].span.start == self.a.tokens[j].span.end;
            if let Some(next) = self.entity_at(j + 1).filter(|n| tight && n.label == EntityLabel::Per) {
                span = Span::new(span.start, next.span.end);
                j += 1;
                while j < hi && self.a.tokens[j].span.end <= next.span.end {
                    j += 1;
                }
            }
        }
        (Mention { span, pron: 0, entity: Some(e.entity_id), tok: i, is_name: true }, j.max(i + 1))
    }

    /// "C.", "J.-P.": an initial.
    fn is_initial(&self, i: usize) -> bool {
        let t = self.text(i);
        t.ends_with('.') && t.chars().filter(|c| c.is_alphabetic()).count() <= MAX_INITIAL_LETTERS && self.has(i, CAP)
    }
}
