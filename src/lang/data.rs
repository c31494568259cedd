//! The language data, read through one accessor: [`lang_file!`] for the
//! lists of `data/<lang>/`, [`model`] for the entity tagger, [`stopwords`]
//! for language identification.
//!
//! With the cargo feature `embedded-data` (default: the crate, the CLI, the
//! tests) every file is compiled in with `include_str!`/`include_bytes!`.
//! Without it (the wasm build), only the stopwords are: each language's
//! other files arrive as one pack (`super::pack`), registered at run time by
//! [`register`]; [`loaded`] says whether a language can be annotated, and
//! the pipeline checks it before reading any list (`Annotator::try_annotate`),
//! so no parsed list is ever cached empty.
//!
//! Formats are described in `data/README.md`: UTF-8, one entry per line,
//! `#` starts a comment, blank lines ignored. Each list is parsed once, on
//! first use, by the module that owns it.

use super::pack::{is_list, unpack_list, Pack, PackError};
use super::Lang;
use std::collections::HashSet;
use std::sync::OnceLock;

/// The text of `data/<lang>/<file>`: compiled in (feature `embedded-data`),
/// or from the registered pack of `lang`. `<file>` must be one of
/// `pack::PACK_FILES` (checked at compile time), and both languages must
/// have it.
#[cfg(feature = "embedded-data")]
macro_rules! lang_file {
    ($lang:expr, $file:literal) => {{
        const _: () = assert!($crate::lang::pack::is_pack_file($file), concat!($file, " is not in PACK_FILES"));
        match $lang {
            $crate::lang::Lang::Fr => {
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/fr/", $file))
            }
            $crate::lang::Lang::En => {
                include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/en/", $file))
            }
        }
    }};
}
#[cfg(not(feature = "embedded-data"))]
macro_rules! lang_file {
    ($lang:expr, $file:literal) => {{
        const _: () = assert!($crate::lang::pack::is_pack_file($file), concat!($file, " is not in PACK_FILES"));
        $crate::lang::data::packed_text($lang, $file)
    }};
}
#[allow(unused_imports)] // used by the detectors' own data loaders
pub(crate) use lang_file;

/// The entity tagger's file (`data/models/ner-<lang>.bin`).
#[cfg(feature = "embedded-data")]
pub(crate) fn model(lang: Lang) -> &'static [u8] {
    match lang {
        Lang::Fr => include_bytes!("../../data/models/ner-fr.bin"),
        Lang::En => include_bytes!("../../data/models/ner-en.bin"),
    }
}

/// The entity tagger's file, from the registered pack of `lang` (empty if
/// none: `loaded` is checked first).
#[cfg(not(feature = "embedded-data"))]
pub(crate) fn model(lang: Lang) -> &'static [u8] {
    registered(lang).and_then(|p| p.file(super::pack::MODEL_FILE)).unwrap_or(&[])
}

/// The text of `name` in the registered pack of `lang`; empty if none
/// (`loaded` is checked before any list is read; `Pack::parse` checked that
/// every list is there and UTF-8).
#[cfg(not(feature = "embedded-data"))]
pub(crate) fn packed_text(lang: Lang, name: &str) -> &'static str {
    registered(lang).and_then(|p| p.file(name)).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("")
}

/// The packs registered so far, one per language.
static PACKS: [OnceLock<Pack<'static>>; Lang::ALL.len()] = [OnceLock::new(), OnceLock::new()];

fn registered(lang: Lang) -> Option<&'static Pack<'static>> {
    PACKS[lang as usize].get()
}

/// Checks a pack and makes its language available; returns the language.
/// A second pack for a language already registered is checked, then
/// ignored. The lists are unpacked (`pack::unpack_list`) and, with the
/// tagger, stay allocated for the rest of the process (lists are parsed into
/// `&'static str` slices of them).
pub(crate) fn register(bytes: Vec<u8>) -> Result<Lang, PackError> {
    let pack = Pack::parse(&bytes)?;
    if registered(pack.lang).is_some() {
        return Ok(pack.lang);
    }
    fn keep(bytes: Vec<u8>) -> &'static [u8] {
        Box::leak(bytes.into_boxed_slice())
    }
    fn keep_str(text: &str) -> &'static str {
        Box::leak(text.to_string().into_boxed_str())
    }
    let mut files = Vec::new();
    for name in pack.names() {
        let body = pack.file(name).unwrap_or(&[]);
        let body = if is_list(name) {
            unpack_list(body).map_err(|e| PackError::Corrupt(format!("{name}: {e}")))?.into_bytes()
        } else {
            body.to_vec()
        };
        files.push((keep_str(name), keep(body)));
    }
    let pack = Pack::from_parts(pack.lang, keep_str(pack.header), files);
    let lang = pack.lang;
    let _ = PACKS[lang as usize].set(pack);
    Ok(lang)
}

/// Whether `lang` can be annotated: always with `embedded-data`, otherwise
/// once its pack is registered.
pub(crate) fn loaded(lang: Lang) -> bool {
    cfg!(feature = "embedded-data") || registered(lang).is_some()
}

/// The entries of a list file: lines with comments and surrounding
/// whitespace removed, blank lines skipped.
pub(crate) fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    entries_of(file)
}

/// [`entries`] of a text of any lifetime (the pack builder keeps only these,
/// so a packed list reads exactly as the file it came from).
pub(crate) fn entries_of(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(|line| line.split(" #").next().unwrap_or("").trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The compiled-in `data/<lang>/stopwords.txt` (language identification
/// runs before any pack is loaded).
fn stopwords_file(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => include_str!("../../data/fr/stopwords.txt"),
        Lang::En => include_str!("../../data/en/stopwords.txt"),
    }
}

/// Frequent function words of `lang`, lower-case.
pub(crate) fn stopwords(lang: Lang) -> &'static HashSet<&'static str> {
    static SETS: [OnceLock<HashSet<&'static str>>; Lang::ALL.len()] = [OnceLock::new(), OnceLock::new()];
    SETS[lang as usize].get_or_init(|| entries(stopwords_file(lang)).collect())
}

/// Resources shared by the text layer and language identification.
#[derive(Debug)]
pub(crate) struct Resources {
    /// Frequent function words, lower-case (language identification).
    pub stopwords: &'static HashSet<&'static str>,
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
        stopwords: stopwords(lang),
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
                ("stopwords.txt", stopwords_file(lang)),
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
