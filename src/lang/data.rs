//! Compiled-in language data: every file under `data/<lang>/` is included
//! with `include_str!` and parsed once, on first use.
//!
//! Formats are described in `data/README.md`: UTF-8, one entry per line,
//! `#` starts a comment, blank lines ignored.

use super::Lang;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The text of `data/<lang>/<file>`, compiled in. Both languages must have
/// the file.
macro_rules! lang_file {
    ($lang:expr, $file:literal) => {
        match $lang {
            $crate::lang::Lang::Fr => {
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/fr/", $file))
            }
            $crate::lang::Lang::En => {
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/en/", $file))
            }
        }
    };
}
#[allow(unused_imports)] // used by the detectors' own data loaders
pub(crate) use lang_file;

/// The entries of a list file: lines with comments and surrounding
/// whitespace removed, blank lines skipped.
pub(crate) fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(|line| line.split(" #").next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Resources shared by the text layer and language identification.
#[derive(Debug)]
pub(crate) struct Resources {
    /// Frequent function words, lower-case (language identification).
    pub stopwords: HashSet<&'static str>,
    /// Abbreviations that end with a period and do not end a sentence
    /// ("M.", "Dr.", "U.S."), as written.
    pub abbreviations: HashSet<&'static str>,
    /// Abbreviations that are titles before a name: never a sentence end.
    pub titles: HashSet<&'static str>,
    /// Second parts of hyphenated compounds that leave the first part a
    /// name of its own ("Kremlin-backed").
    pub name_compounds: HashSet<&'static str>,
}

/// The resources of `lang`, parsed on first use.
pub(crate) fn resources(lang: Lang) -> &'static Resources {
    static FR: OnceLock<Resources> = OnceLock::new();
    static EN: OnceLock<Resources> = OnceLock::new();
    let cell = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    cell.get_or_init(|| Resources {
        stopwords: entries(lang_file!(lang, "stopwords.txt")).collect(),
        abbreviations: entries(lang_file!(lang, "abbreviations.txt")).collect(),
        titles: entries(lang_file!(lang, "titles.txt")).collect(),
        name_compounds: entries(lang_file!(lang, "name-compounds.txt")).collect(),
    })
}

/// Checks one list file of `data/<lang>/`: no trailing whitespace, entries
/// (lines other than comments and blank lines) sorted in byte order without
/// duplicates. Shared by every module that owns data files.
#[cfg(test)]
pub(crate) fn assert_clean_list(lang: Lang, name: &str, file: &str) {
    let mut prev: Option<&str> = None;
    for (n, line) in file.lines().enumerate() {
        let at = format!("data/{}/{name}: line {}", lang.code(), n + 1);
        assert_eq!(line, line.trim_end(), "{at}: trailing whitespace");
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(p) = prev {
            assert!(p < line, "{at}: {line:?} not sorted after {p:?} or duplicated");
        }
        prev = Some(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list file: sorted, no duplicates, no trailing whitespace.
    #[test]
    fn list_files_are_clean() {
        for lang in Lang::ALL {
            for (name, file) in [
                ("stopwords.txt", lang_file!(lang, "stopwords.txt")),
                ("abbreviations.txt", lang_file!(lang, "abbreviations.txt")),
                ("titles.txt", lang_file!(lang, "titles.txt")),
                ("name-compounds.txt", lang_file!(lang, "name-compounds.txt")),
            ] {
                assert_clean_list(lang, name, file);
            }
            let r = resources(lang);
            assert!(r.stopwords.len() > 50);
        }
    }
}
