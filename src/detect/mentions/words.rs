//! The word lists the mention layer reads, from the same data files as the
//! quotation layer (its classes of `data/<lang>/word-classes.txt`,
//! `speaker-roles.txt`, `reporting-verbs.txt`): which words open a description, are a pronoun,
//! head a description, report speech, or frame a source.
//!
//! Parsed here, once per language, rather than borrowed from the quotation
//! layer: the mention layer sits below both quotations and claims.

use std::collections::HashSet;

use crate::lang::classes::word_classes;
use crate::lang::data::{entries, lang_file};
use crate::lang::{Lang, PerLang};

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
    /// Words before a person that show a woman or a man: determiners of a
    /// description ("la ministre"), titles ("Mme", "Mr").
    pub feminine: HashSet<&'static str>,
    pub masculine: HashSet<&'static str>,
}

/// The classes of `word-classes.txt` read here and by no other layer.
#[cfg(test)]
pub(crate) fn reads_class(name: &str) -> bool {
    matches!(name, "gender.f" | "gender.m")
}

fn parse(lang: Lang) -> Words {
    let roles = lang_file!(lang, "speaker-roles.txt");
    let verbs = lang_file!(lang, "reporting-verbs.txt");
    let mut w = Words {
        determiners: HashSet::new(),
        pronouns: Vec::new(),
        heads: entries(roles).collect(),
        reporting_verbs: entries(verbs).collect(),
        verb_fillers: HashSet::new(),
        of: HashSet::new(),
        frames: Vec::new(),
        weak_frames: HashSet::new(),
        relatives: HashSet::new(),
        agents: HashSet::new(),
        complementizers: HashSet::new(),
        feminine: HashSet::new(),
        masculine: HashSet::new(),
    };
    // The quotation layer's classes of `word-classes.txt` (the ".quote" sets
    // where it has its own): mentions are its speakers.
    for (class, word) in word_classes(lang).entries() {
        match class {
            "det.quote" => {
                w.determiners.insert(word);
            }
            "pron.m" => w.pronouns.push((word, Pronoun::Masculine)),
            "pron.f" => w.pronouns.push((word, Pronoun::Feminine)),
            "pron.p" => w.pronouns.push((word, Pronoun::Plural)),
            "aux.quote" | "adv.quote" | "neg.quote" | "clitic.quote" => {
                w.verb_fillers.insert(word);
            }
            "prep.quote" => {
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
            "rel.quote" => {
                w.relatives.insert(word);
            }
            "gender.f" => {
                w.feminine.insert(word);
            }
            "gender.m" => {
                w.masculine.insert(word);
            }
            _ => {}
        }
    }
    w
}

/// The word lists of `lang`, parsed once.
pub fn words(lang: Lang) -> &'static Words {
    static TABLES: PerLang<Words> = PerLang::new();
    TABLES.get(lang, parse)
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
