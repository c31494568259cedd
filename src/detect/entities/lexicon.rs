//! The entity layer's word lists (`data/<lang>/ner_*.txt`), as sets of
//! word hashes ([`tagger::word_hash`]): tokens are looked up without
//! building lower-cased strings.

use super::tagger::word_hash;
use crate::lang::classes::word_classes;
use crate::lang::data::{entries, lang_file};
use crate::lang::Lang;
use crate::model::EntityLabel;
use crate::sort::{desc, pos, sort_by_rank};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Hashes a word hash (or a hash of several): one multiplication (the keys are already hashes;
/// SipHash on them was ≈ 5 % of the pipeline's time, the date rules looking
/// up every token).
#[derive(Default)]
pub(crate) struct WordIdHasher(u64);

impl Hasher for WordIdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, word: u32) {
        self.write_u64(u64::from(word));
    }
    fn write_u64(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A set of word hashes.
pub(crate) type WordSet = std::collections::HashSet<u32, BuildHasherDefault<WordIdHasher>>;
/// A map from word hashes.
pub(crate) type WordMap<V> = HashMap<u32, V, BuildHasherDefault<WordIdHasher>>;
/// A map from the words of a list, looked up with the text's tokens (the
/// keys are the list's, so a fixed hash is safe: lookups cannot be made to
/// collide with one another).
type ListMap<V> = HashMap<&'static str, V, BuildHasherDefault<WordIdHasher>>;

/// A phrase as word hashes.
pub(crate) type Phrase = Vec<u32>;

/// Every list the entity rules use, for one language.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub months: WordSet,
    pub weekdays: WordSet,
    pub date_after: WordSet,
    pub date_before: WordSet,
    pub date_links: WordSet,
    /// Deictic phrases, by first word.
    pub date_phrases: WordMap<Vec<Phrase>>,
    pub year_before: WordSet,
    pub titles: WordSet,
    pub cues: WordMap<EntityLabel>,
    pub not_entities: WordSet,
    pub credit_words: WordSet,
    pub facilities: WordSet,
    /// Lower-case heads of official designations ("ministère de
    /// l'Intérieur", "parquet de Paris"): ORG with the head.
    pub org_heads: WordSet,
    pub loc_heads: WordSet,
    /// Last words of organisation names ("School", "Party", "Inc.").
    pub org_suffixes: WordSet,
    /// Last words of place and facility names ("Trail", "Bridge").
    pub loc_suffixes: WordSet,
    /// Prepositions before a place ("in", "near").
    pub loc_preps: WordSet,
    /// Reporting verbs next to a speaker's name ("said").
    pub said_verbs: WordSet,
    /// Lower-case words that may stand inside a name ("of", "de").
    pub name_connectors: WordSet,
    /// Nationality adjectives in all their forms ("européen", "européenne",
    /// "européens"), from the `nationality` word class.
    pub nationality: WordSet,
    /// Gazetteer names (case-sensitive): by first token text.
    pub gazetteer: ListMap<Vec<(Vec<&'static str>, EntityLabel)>>,
    /// Places (LOC, case-sensitive, `ner_places.txt`): by first token text.
    pub places: ListMap<Vec<Vec<&'static str>>>,
    /// Articles and elisions that never start a name: le, la, les, l', the, d', du…
    pub articles: WordSet,
}

/// The four forms of a French adjective given in the masculine singular:
/// "européen" → "européenne(s)", "libanais" → "libanaise(s)", "russe" → "russes".
fn adjective_forms(w: &str) -> Vec<String> {
    let fem = match w {
        _ if w.ends_with('e') => w.to_string(),
        _ if w.ends_with("en") => format!("{w}ne"),
        _ if w.ends_with('c') => format!("{}que", &w[..w.len() - 1]),
        _ => format!("{w}e"),
    };
    let plural = |x: &str| if x.ends_with('s') { x.to_string() } else { format!("{x}s") };
    vec![w.to_string(), plural(w), plural(&fem), fem]
}

fn set(file: &'static str) -> WordSet {
    entries(file).map(word_hash).collect()
}

fn label(s: &str) -> Option<EntityLabel> {
    Some(match s {
        "PER" => EntityLabel::Per,
        "ORG" => EntityLabel::Org,
        "LOC" => EntityLabel::Loc,
        "MISC" => EntityLabel::Misc,
        "DATE" => EntityLabel::Date,
        _ => return None,
    })
}

fn build(lang: Lang) -> Lexicon {
    let mut date_phrases: WordMap<Vec<Phrase>> = WordMap::default();
    for p in entries(lang_file!(lang, "ner_date_phrases.txt")) {
        let words: Phrase = p.split(' ').map(word_hash).collect();
        date_phrases.entry(words[0]).or_default().push(words);
    }
    for v in date_phrases.values_mut() {
        sort_by_rank(v, |p| [desc(pos(p.len())), 0, 0]);
    }
    let mut cues = WordMap::default();
    for line in entries(lang_file!(lang, "ner_cues.txt")) {
        if let Some((l, w)) = line.split_once(' ') {
            if let Some(l) = label(l) {
                cues.insert(word_hash(w), l);
            }
        }
    }
    let mut gazetteer: ListMap<Vec<(Vec<&'static str>, EntityLabel)>> = ListMap::default();
    for line in entries(lang_file!(lang, "ner_gazetteer.txt")) {
        if let Some((l, name)) = line.split_once(' ') {
            if let Some(l) = label(l) {
                let words: Vec<&str> = name.split(' ').collect();
                gazetteer.entry(words[0]).or_default().push((words, l));
            }
        }
    }
    // Media names (`claim-media.txt`) are ORG: the names of several words ("New York Times", also without
    // their article: "du New York Times") and acronyms ("BBC"); a single mixed-case word is left to the
    // tagger, as it may be a person or a common word ("Bloomberg", "Marianne", "Challenges").
    for name in entries(lang_file!(lang, "claim-media.txt")) {
        let words: Vec<&str> = name.split(' ').collect();
        let bare = match words[0] {
            "The" | "Le" | "La" | "Les" => &words[1..],
            _ => &words[..],
        };
        for w in [&words[..], bare] {
            let acronym =
                w.len() == 1 && w[0].len() > 1 && w[0].chars().all(|c| c.is_uppercase() || c.is_ascii_digit());
            if (w.len() >= 2 || acronym) && !gazetteer.get(w[0]).is_some_and(|v| v.iter().any(|(x, _)| x == w)) {
                gazetteer.entry(w[0]).or_default().push((w.to_vec(), EntityLabel::Org));
            }
        }
    }
    for v in gazetteer.values_mut() {
        sort_by_rank(v, |p| [desc(pos(p.0.len())), 0, 0]);
    }
    let mut places: ListMap<Vec<Vec<&'static str>>> = ListMap::default();
    for name in entries(lang_file!(lang, "ner_places.txt")) {
        let words: Vec<&str> = name.split(' ').collect();
        places.entry(words[0]).or_default().push(words);
    }
    for v in places.values_mut() {
        sort_by_rank(v, |p| [desc(pos(p.len())), 0, 0]);
    }
    let articles: &[&str] = match lang {
        Lang::Fr => &["le", "la", "les", "l'", "d'", "du", "des", "de", "un", "une", "au", "aux"],
        Lang::En => &["the", "a", "an"],
    };
    Lexicon {
        months: set(lang_file!(lang, "ner_months.txt")),
        weekdays: set(lang_file!(lang, "ner_weekdays.txt")),
        date_after: set(lang_file!(lang, "ner_date_after.txt")),
        date_before: set(lang_file!(lang, "ner_date_before.txt")),
        date_links: set(lang_file!(lang, "ner_date_links.txt")),
        date_phrases,
        year_before: set(lang_file!(lang, "ner_year_before.txt")),
        titles: set(lang_file!(lang, "ner_titles.txt")).union(&set(lang_file!(lang, "titles.txt"))).copied().collect(),
        cues,
        not_entities: set(lang_file!(lang, "ner_not_entities.txt")),
        credit_words: set(lang_file!(lang, "ner_credit_words.txt")),
        facilities: set(lang_file!(lang, "ner_facilities.txt")),
        org_heads: set(lang_file!(lang, "ner_org_heads.txt")),
        loc_heads: set(lang_file!(lang, "ner_loc_heads.txt")),
        org_suffixes: set(lang_file!(lang, "ner_org_suffixes.txt")),
        loc_suffixes: set(lang_file!(lang, "ner_loc_suffixes.txt")),
        loc_preps: set(lang_file!(lang, "ner_loc_preps.txt")),
        said_verbs: set(lang_file!(lang, "ner_said_verbs.txt")),
        name_connectors: set(lang_file!(lang, "ner_name_connectors.txt")),
        nationality: word_classes(lang)
            .entries()
            .filter(|&(class, _)| class == "nationality")
            .flat_map(|(_, w)| adjective_forms(w))
            .map(|w| word_hash(&w))
            .collect(),
        gazetteer,
        places,
        articles: articles.iter().map(|a| word_hash(a)).collect(),
    }
}

/// The lexicon of `lang`, built on first use.
pub(crate) fn lexicon(lang: Lang) -> &'static Lexicon {
    static FR: OnceLock<Lexicon> = OnceLock::new();
    static EN: OnceLock<Lexicon> = OnceLock::new();
    match lang {
        Lang::Fr => FR.get_or_init(|| build(lang)),
        Lang::En => EN.get_or_init(|| build(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list file: sorted (C byte order), no duplicates, no trailing whitespace, a header comment.
    #[test]
    fn ner_lists_are_clean() {
        for lang in Lang::ALL {
            for file in [
                lang_file!(lang, "ner_months.txt"),
                lang_file!(lang, "ner_weekdays.txt"),
                lang_file!(lang, "ner_date_after.txt"),
                lang_file!(lang, "ner_date_before.txt"),
                lang_file!(lang, "ner_date_links.txt"),
                lang_file!(lang, "ner_date_phrases.txt"),
                lang_file!(lang, "ner_year_before.txt"),
                lang_file!(lang, "ner_titles.txt"),
                lang_file!(lang, "ner_cues.txt"),
                lang_file!(lang, "ner_not_entities.txt"),
                lang_file!(lang, "ner_credit_words.txt"),
                lang_file!(lang, "ner_gazetteer.txt"),
                lang_file!(lang, "ner_facilities.txt"),
                lang_file!(lang, "ner_org_heads.txt"),
                lang_file!(lang, "ner_loc_heads.txt"),
                lang_file!(lang, "ner_first_names.txt"),
                lang_file!(lang, "ner_org_suffixes.txt"),
                lang_file!(lang, "ner_loc_suffixes.txt"),
                lang_file!(lang, "ner_loc_preps.txt"),
                lang_file!(lang, "ner_places.txt"),
                lang_file!(lang, "ner_said_verbs.txt"),
                lang_file!(lang, "ner_name_connectors.txt"),
            ] {
                assert!(file.starts_with('#'), "{lang:?}: header comment missing");
                let lines: Vec<&str> = file.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect();
                for w in lines.windows(2) {
                    assert!(w[0] < w[1], "{lang:?}: {:?} then {:?}: not sorted or duplicated", w[0], w[1]);
                }
                assert!(file.lines().all(|l| l == l.trim_end()));
            }
            let lex = lexicon(lang);
            assert!(lex.months.len() >= 12 && lex.weekdays.len() == 7);
        }
        for (w, forms) in
            [("européen", "européen européens européennes européenne"), ("turc", "turc turcs turques turque")]
        {
            assert_eq!(adjective_forms(w).join(" "), forms);
        }
        let fr = lexicon(Lang::Fr);
        for w in ["libanais", "libanaise", "espagnols", "israélienne", "française"] {
            assert!(fr.nationality.contains(&word_hash(w)), "{w}");
        }
    }
}
