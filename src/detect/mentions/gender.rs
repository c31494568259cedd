//! The gender of the people a text names, read from the text itself (no
//! list of first names): a title before a name ("Mme Roe", "Mr. Roe") or a
//! description tied to the name whose determiner shows its gender ("la
//! ministre Jean Roe", "Jean Roe, le porte-parole"). "il"/"elle", "he"/"she"
//! must agree with the person they stand for.

use super::words::{Pronoun, Words};
use super::{lower, Analysis, Kind, Mention};
use crate::model::EntityLabel;

/// The gender a word before a person shows (`gender.f`, `gender.m` of
/// `word-classes.txt`), the abbreviation's period aside ("M.", "Mr.").
fn shown(a: &Analysis, w: &Words, i: usize, buf: &mut String) -> Option<Pronoun> {
    lower(a, i, buf);
    let word = buf.trim_end_matches('.');
    if w.feminine.contains(word) {
        Some(Pronoun::Feminine)
    } else if w.masculine.contains(word) {
        Some(Pronoun::Masculine)
    } else {
        None
    }
}

/// Each person cluster whose clues all show one gender, with that gender.
/// (A short list: a text names few people.)
pub(super) fn genders(a: &Analysis, w: &Words, list: &[Mention]) -> Vec<(u32, Pronoun)> {
    let mut seen: Vec<(u32, Option<Pronoun>)> = Vec::new();
    let mut buf = String::new();
    for m in list.iter().filter(|m| m.label == Some(EntityLabel::Per)) {
        let Some(id) = m.entity else { continue };
        let clue = match m.kind {
            // "la ministre Jean Roe", "Jean Roe, le porte-parole".
            Kind::Description => shown(a, w, m.tok, &mut buf),
            // "Mme Jean Roe", "M. Roe" (the title inside the name or before it).
            Kind::Name => {
                // "M." may be two tokens: "M" and ".".
                let before = match m.tok.checked_sub(1) {
                    Some(k) if k > 0 && a.token_text(k) == "." => Some(k - 1),
                    k => k,
                };
                let title =
                    |k: usize, buf: &mut String| shown(a, w, k, buf).filter(|_| a.tokens[k].is_capitalized(a.text));
                title(m.tok, &mut buf).or_else(|| before.and_then(|k| title(k, &mut buf)))
            }
            Kind::Pronoun(_) => None,
        };
        if let Some(g) = clue {
            match seen.iter_mut().find(|(i, _)| *i == id) {
                Some((_, e)) if *e != Some(g) => *e = None,
                Some(_) => {}
                None => seen.push((id, Some(g))),
            }
        }
    }
    seen.into_iter().filter_map(|(id, g)| Some((id, g?))).collect()
}

/// Does a person of gender `g` (if known) agree with the pronoun `p`?
pub(super) fn agrees(p: Pronoun, g: Option<&Pronoun>) -> bool {
    match (p, g) {
        (Pronoun::Masculine | Pronoun::Feminine, Some(g)) => p == *g,
        _ => true,
    }
}
