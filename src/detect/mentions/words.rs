//! The word lists the mention layer reads, from the same data files as the
//! quotation layer (`data/<lang>/quote-words.txt`, `speaker-roles.txt`,
//! `reporting-verbs.txt`): which words open a description, are a pronoun,
//! head a description, report speech, or frame a source.
//!
//! Parsed here, once per language, rather than borrowed from the quotation
//! layer: the mention layer sits below both quotations and claims.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::lang::Lang;

/// What a pronoun can stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pronoun {
    /// "il", "he": one man (or a masculine noun).
    Masculine,
    /// "elle", "she".
    Feminine,
    /// "ils", "elles", "they".
    Plural,
}

/// One language's word lists (lower-case; apostrophes as `'`).
#[derive(Debug)]
pub struct Words {
    pub determiners: HashSet<&'static str>,
    pub pronouns: Vec<(&'static str, Pronoun)>,
    /// Head nouns of descriptions that can speak ("ministre", "spokesman").
    pub heads: HashSet<&'static str>,
    pub reporting_verbs: HashSet<&'static str>,
    /// Words between a subject and its verb ("a", "has", "ne", "also").
    pub verb_fillers: HashSet<&'static str>,
    /// Prepositions inside a description's complement ("de", "of").
    pub of: HashSet<&'static str>,
    /// Source frames, each a word sequence ("selon", "according to"); the
    /// weak ones ("pour") frame a source only before a comma.
    pub frames: Vec<Vec<&'static str>>,
    pub weak_frames: HashSet<&'static str>,
    pub relatives: HashSet<&'static str>,
    /// Complementizers ("que", "that"): a subject right after one is inside
    /// reported content.
    pub complementizers: HashSet<&'static str>,
    /// The preposition of a passive's agent ("par", "by"): not a description's complement.
    pub agents: HashSet<&'static str>,
}

fn parse(lang: Lang) -> Words {
    let (quote_words, roles, verbs) = match lang {
        Lang::Fr => (
            include_str!("../../../data/fr/quote-words.txt"),
            include_str!("../../../data/fr/speaker-roles.txt"),
            include_str!("../../../data/fr/reporting-verbs.txt"),
        ),
        Lang::En => (
            include_str!("../../../data/en/quote-words.txt"),
            include_str!("../../../data/en/speaker-roles.txt"),
            include_str!("../../../data/en/reporting-verbs.txt"),
        ),
    };
    let lines = |s: &'static str| s.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
    let mut w = Words {
        determiners: HashSet::new(),
        pronouns: Vec::new(),
        heads: lines(roles).collect(),
        reporting_verbs: lines(verbs).collect(),
        verb_fillers: HashSet::new(),
        of: HashSet::new(),
        frames: Vec::new(),
        weak_frames: HashSet::new(),
        relatives: HashSet::new(),
        agents: HashSet::new(),
        complementizers: HashSet::new(),
    };
    for l in lines(quote_words) {
        let Some((class, word)) = l.split_once(' ') else { continue };
        match class {
            "det" => {
                w.determiners.insert(word);
            }
            "pron.m" => w.pronouns.push((word, Pronoun::Masculine)),
            "pron.f" => w.pronouns.push((word, Pronoun::Feminine)),
            "pron.p" => w.pronouns.push((word, Pronoun::Plural)),
            "aux" | "adv" | "neg" | "clitic" => {
                w.verb_fillers.insert(word);
            }
            "prep" => {
                w.of.insert(word);
            }
            // "d'après" is two tokens ("d'", "après"), as the tokenizer splits it.
            "source" => w.frames.push(word.split_inclusive(['\'', ' ']).map(str::trim_end).collect()),
            "source.weak" => {
                w.weak_frames.insert(word);
            }
            "comp" => {
                w.complementizers.insert(word);
            }
            "agent" => {
                w.agents.insert(word);
            }
            "rel" => {
                w.relatives.insert(word);
            }
            _ => {}
        }
    }
    w
}

/// The word lists of `lang`, parsed once.
pub fn words(lang: Lang) -> &'static Words {
    static FR: OnceLock<Words> = OnceLock::new();
    static EN: OnceLock<Words> = OnceLock::new();
    match lang {
        Lang::Fr => FR.get_or_init(|| parse(Lang::Fr)),
        Lang::En => EN.get_or_init(|| parse(Lang::En)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_every_list() {
        for lang in [Lang::Fr, Lang::En] {
            let w = words(lang);
            assert!(!w.determiners.is_empty() && !w.pronouns.is_empty() && !w.heads.is_empty());
            assert!(!w.reporting_verbs.is_empty() && !w.verb_fillers.is_empty() && !w.frames.is_empty());
        }
        assert!(words(Lang::Fr).frames.iter().any(|f| f == &["selon"]));
        assert!(words(Lang::En).frames.iter().any(|f| f == &["according", "to"]));
    }
}
