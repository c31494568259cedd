//! The word classes of every detector, one table per language
//! (`data/<lang>/word-classes.txt`: `class<TAB>word` lines).
//!
//! One name is one set of words: where the quotation layer tests other
//! words than the claim layer for the same part of speech, its class has a
//! name of its own ("det.quote" beside "det"). Each layer picks the classes
//! it tests by name and turns them into its own bit flags
//! ([`WordClasses::flags`]), so a token costs one look-up per layer.

use super::data::{entries, lang_file};
use super::{Lang, PerLang};
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::ops::BitOrAssign;

/// The entries of one language's `word-classes.txt`, in file order.
#[derive(Debug)]
pub(crate) struct WordClasses {
    /// (class, word) pairs; a word may be in several classes.
    entries: Vec<(&'static str, &'static str)>,
}

impl WordClasses {
    fn parse(lang: Lang, file: &'static str) -> WordClasses {
        let entries = entries(file)
            .enumerate()
            .map(|(n, line)| {
                line.split_once('\t').unwrap_or_else(|| {
                    panic!("data/{}/word-classes.txt: entry {}: expected `class<TAB>word`", lang.code(), n + 1)
                })
            })
            .collect();
        WordClasses { entries }
    }

    /// The words of class `name`, in file order (sorted).
    #[cfg(test)]
    pub fn words<'s>(&'s self, name: &'s str) -> impl Iterator<Item = &'static str> + 's {
        self.entries.iter().filter(move |(class, _)| *class == name).map(|&(_, word)| word)
    }

    /// Every (class, word) entry, in file order.
    pub fn entries(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        self.entries.iter().copied()
    }

    /// A word → flags table: each word of a class that `flag` maps gets
    /// that class's flag; classes `flag` does not map are another layer's.
    pub fn flags<B, H>(&self, flag: impl Fn(&str) -> Option<B>) -> HashMap<&'static str, B, H>
    where
        B: Copy + Default + BitOrAssign,
        H: BuildHasher + Default,
    {
        let mut table: HashMap<&'static str, B, H> = HashMap::default();
        for &(class, word) in &self.entries {
            if let Some(f) = flag(class) {
                *table.entry(word).or_default() |= f;
            }
        }
        table
    }
}

/// The word classes of `lang`, parsed on first use.
pub(crate) fn word_classes(lang: Lang) -> &'static WordClasses {
    static TABLES: PerLang<WordClasses> = PerLang::new();
    TABLES.get(lang, |lang| WordClasses::parse(lang, lang_file!(lang, "word-classes.txt")))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file is sorted, deduplicated and trimmed, and every entry parses.
    #[test]
    fn word_class_files_are_clean() {
        for lang in Lang::ALL {
            let file = lang_file!(lang, "word-classes.txt");
            assert!(file.starts_with('#'), "data/{}/word-classes.txt: no header", lang.code());
            crate::lang::data::assert_clean_list(lang, "word-classes.txt", file);
            let classes = word_classes(lang);
            assert!(classes.words("det").count() > 5);
            assert!(classes.words("det.quote").count() > 5);
        }
    }

    #[test]
    fn flags_take_only_the_classes_asked_for() {
        let classes = word_classes(Lang::En);
        let table: HashMap<&str, u8, std::collections::hash_map::RandomState> =
            classes.flags(|c| (c == "det").then_some(1).or((c == "comp").then_some(2)));
        assert_eq!(table.get("that").copied().unwrap_or(0) & 2, 2);
        assert_eq!(table.get("the"), Some(&1));
        assert_eq!(table.get("said"), None);
    }
}
