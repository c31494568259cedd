//! Language packs: all of one language's data (the `data/<lang>/` lists but
//! the stopwords, and the entity tagger) in one file, so the browser engine
//! downloads only the language of the article it annotates.
//!
//! Layout (little-endian; `docs/DESIGN-language-packs.md` §5):
//!
//! | bytes | field |
//! |---|---|
//! | 8 | magic `AAPACK\r\n` (the `\r\n` catches text-mode mangling) |
//! | 2 + 2 | format version ([`FORMAT_VERSION`]), data schema version ([`DATA_SCHEMA`]) |
//! | 8 | language code, NUL-padded |
//! | 4 + 4 | payload length, header text length |
//! | 32 | SHA-256 of the payload |
//! | n | header text: engine version, each file's source and licence |
//! | 0–7 | NUL padding, so the payload starts 8-aligned |
//! | payload | u32 file count; per file u16 name length, name, u32 offset, u32 length (from the payload start); the files |
//!
//! A list file is packed as its entries only, front-coded ([`pack_list`]):
//! each line starts with one byte, `'0'` plus the number of bytes it shares
//! with the line before, then the rest of the line. Sorted lists of inflected
//! forms ("accusa", "accusai", "accusaient") shrink to their endings: the
//! French reporting verbs go from 10.7 KB to 2.5 KB gzip.
//!
//! [`Pack::parse`] checks everything (magic, versions, language, every length,
//! the hash, that each file the engine reads is there and that list files are
//! UTF-8) and never panics, so a bad download is an error and never a partial
//! annotation. [`build`] writes the format; `examples/make_packs.rs` runs it
//! over `data/` for the wasm build.

use super::Lang;
use sha2::{Digest, Sha256};
use std::fmt;

/// The pack format's version: the layout above.
pub const FORMAT_VERSION: u16 = 1;

/// The version of what the packed files mean to the engine. Bump it with any
/// change to the file names of [`PACK_FILES`] or to a file's format (a new
/// column in a list, a new tagger encoding): an engine then refuses packs
/// built for another one instead of misreading them.
pub const DATA_SCHEMA: u16 = 2;

/// Every file a pack holds, as the engine names it: the lists of
/// `data/<lang>/` (but `stopwords.txt`, which language identification needs
/// before any pack) and the entity tagger `data/models/ner-<lang>.bin`.
pub const PACK_FILES: &[&str] = &[
    "abbreviations.txt",
    "claim-cues.txt",
    "claim-explanations.txt",
    "claim-media.txt",
    "conditional-stems.txt",
    "name-compounds.txt",
    "ner_credit_words.txt",
    "ner_cues.txt",
    "ner_date_after.txt",
    "ner_date_before.txt",
    "ner_date_links.txt",
    "ner_date_phrases.txt",
    "ner_facilities.txt",
    "ner_first_names.txt",
    "ner_gazetteer.txt",
    "ner_loc_heads.txt",
    "ner_loc_preps.txt",
    "ner_loc_suffixes.txt",
    "ner_months.txt",
    "ner_name_connectors.txt",
    "ner_not_entities.txt",
    "ner_org_heads.txt",
    "ner_org_suffixes.txt",
    "ner_places.txt",
    "ner_said_verbs.txt",
    "ner_titles.txt",
    "ner_weekdays.txt",
    "ner_year_before.txt",
    "reporting-verbs.txt",
    "speaker-roles.txt",
    "titles.txt",
    "word-classes.txt",
    MODEL_FILE,
];

/// The pack's name for the entity tagger.
pub const MODEL_FILE: &str = "ner.bin";

/// Whether the engine reads `name` from a pack (a `const fn`, so that
/// `lang_file!` rejects at compile time a file missing from [`PACK_FILES`]).
pub const fn is_pack_file(name: &str) -> bool {
    let mut i = 0;
    while i < PACK_FILES.len() {
        if const_eq(PACK_FILES[i].as_bytes(), name.as_bytes()) {
            return true;
        }
        i += 1;
    }
    false
}

const fn const_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const MAGIC: &[u8; 8] = b"AAPACK\r\n";
/// Magic, versions, language, lengths, hash.
const FIXED: usize = 8 + 2 + 2 + 8 + 4 + 4 + 32;

/// Why bytes are not a usable pack.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// Does not start with the pack magic (an HTML error page, another file).
    NotAPack,
    /// Shorter or longer than its header says.
    Truncated,
    /// Written in another pack format version.
    Format(u16),
    /// Built for an engine that reads its data differently.
    Schema(u16),
    /// A language code this engine does not annotate.
    UnknownLang(String),
    /// The payload's SHA-256 is not the one in the header.
    Hash,
    /// Malformed index or file (the string says which).
    Corrupt(String),
    /// A file the engine reads is missing.
    MissingFile(&'static str),
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::NotAPack => write!(f, "not a language pack (no AAPACK magic)"),
            PackError::Truncated => write!(f, "truncated language pack (its length does not match its header)"),
            PackError::Format(v) => {
                write!(f, "language pack format version {v}, this engine reads version {FORMAT_VERSION}")
            }
            PackError::Schema(v) => write!(
                f,
                "language pack built for data schema {v}, this engine ({}) reads schema {DATA_SCHEMA}: \
                 engine and pack come from different builds",
                env!("CARGO_PKG_VERSION")
            ),
            PackError::UnknownLang(code) => {
                write!(f, "language pack for {code:?}, a language this engine does not read")
            }
            PackError::Hash => write!(f, "language pack damaged: its SHA-256 does not match its header"),
            PackError::Corrupt(what) => write!(f, "language pack damaged: {what}"),
            PackError::MissingFile(name) => write!(f, "language pack lacks {name}"),
        }
    }
}

impl std::error::Error for PackError {}

/// A parsed pack, borrowing the bytes it was read from.
#[derive(Debug)]
pub struct Pack<'a> {
    /// Its language.
    pub lang: Lang,
    /// The header text: engine version, sources and licences.
    pub header: &'a str,
    files: Vec<(&'a str, &'a [u8])>,
}

/// Checks a pack and makes its language available to the engine; returns
/// its language. Loading a second pack of a language already loaded checks
/// it, then keeps the first. The bytes stay allocated for the rest of the
/// process. (With the default feature `embedded-data` every language is
/// there already: the pack is only checked.)
///
/// # Examples
///
/// ```
/// let err = article_annotator::pack::load(b"<!doctype html>".to_vec()).unwrap_err();
/// assert_eq!(err.to_string(), "not a language pack (no AAPACK magic)");
/// ```
pub fn load(bytes: Vec<u8>) -> Result<Lang, PackError> {
    super::data::register(bytes)
}

/// Whether `lang` can be annotated now: always with `embedded-data`,
/// otherwise once its pack is loaded.
pub fn loaded(lang: Lang) -> bool {
    super::data::loaded(lang)
}

/// Reads `N` bytes at `at`.
fn take<const N: usize>(b: &[u8], at: usize) -> Result<[u8; N], PackError> {
    b.get(at..at + N).and_then(|s| s.try_into().ok()).ok_or(PackError::Truncated)
}

fn u16_at(b: &[u8], at: usize) -> Result<u16, PackError> {
    take::<2>(b, at).map(u16::from_le_bytes)
}

fn u32_at(b: &[u8], at: usize) -> Result<usize, PackError> {
    take::<4>(b, at).map(|x| u32::from_le_bytes(x) as usize)
}

/// The offset of the payload after a header text of `header_len` bytes.
fn payload_start(header_len: usize) -> usize {
    (FIXED + header_len).next_multiple_of(8)
}

impl<'a> Pack<'a> {
    /// Parses and checks `bytes` (see the module documentation).
    pub fn parse(bytes: &'a [u8]) -> Result<Pack<'a>, PackError> {
        if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
            return Err(PackError::NotAPack);
        }
        let format = u16_at(bytes, 8)?;
        if format != FORMAT_VERSION {
            return Err(PackError::Format(format));
        }
        let schema = u16_at(bytes, 10)?;
        if schema != DATA_SCHEMA {
            return Err(PackError::Schema(schema));
        }
        let code = take::<8>(bytes, 12)?;
        let code = std::str::from_utf8(&code).unwrap_or("?").trim_end_matches('\0');
        let lang = code.parse::<Lang>().map_err(|_| PackError::UnknownLang(code.to_string()))?;
        let (payload_len, header_len) = (u32_at(bytes, 20)?, u32_at(bytes, 24)?);
        let hash = take::<32>(bytes, 28)?;
        let start = payload_start(header_len);
        if bytes.len() != start + payload_len {
            return Err(PackError::Truncated);
        }
        let header = std::str::from_utf8(&bytes[FIXED..FIXED + header_len])
            .map_err(|_| PackError::Corrupt("header text is not UTF-8".into()))?;
        let payload = &bytes[start..];
        if Sha256::digest(payload).as_slice() != hash {
            return Err(PackError::Hash);
        }
        let files = index(payload)?;
        for name in PACK_FILES {
            let Some((_, body)) = files.iter().find(|(n, _)| n == name) else {
                return Err(PackError::MissingFile(name));
            };
            if is_list(name) {
                unpack_list(body).map_err(|e| PackError::Corrupt(format!("{name}: {e}")))?;
            }
        }
        Ok(Pack { lang, header, files })
    }

    /// A pack from parts already checked by [`Pack::parse`].
    pub(crate) fn from_parts(lang: Lang, header: &'a str, files: Vec<(&'a str, &'a [u8])>) -> Pack<'a> {
        Pack { lang, header, files }
    }

    /// The bytes of the file `name`, if the pack has it.
    pub fn file(&self, name: &str) -> Option<&'a [u8]> {
        self.files.iter().find(|(n, _)| *n == name).map(|(_, b)| *b)
    }

    /// The names of its files, in pack order.
    pub fn names(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.files.iter().map(|(n, _)| *n)
    }
}

/// The files listed in a payload's index.
fn index(payload: &[u8]) -> Result<Vec<(&str, &[u8])>, PackError> {
    let corrupt = |what: &str| PackError::Corrupt(format!("index: {what}"));
    let count = u32_at(payload, 0).map_err(|_| corrupt("no file count"))?;
    // Each entry takes at least 10 bytes: a count beyond that is damage, not
    // a reason to allocate.
    if count > payload.len() / 10 {
        return Err(corrupt("file count larger than the pack"));
    }
    let mut files = Vec::with_capacity(count);
    let mut at = 4;
    for _ in 0..count {
        let name_len = u16_at(payload, at).map_err(|_| corrupt("entry cut short"))? as usize;
        let name = payload.get(at + 2..at + 2 + name_len).ok_or_else(|| corrupt("name cut short"))?;
        let name = std::str::from_utf8(name).map_err(|_| corrupt("name not UTF-8"))?;
        at += 2 + name_len;
        let (offset, len) = (u32_at(payload, at), u32_at(payload, at + 4));
        let (Ok(offset), Ok(len)) = (offset, len) else { return Err(corrupt("entry cut short")) };
        at += 8;
        let body = payload.get(offset..offset.saturating_add(len)).ok_or_else(|| corrupt("file outside the pack"))?;
        files.push((name, body));
    }
    Ok(files)
}

/// Writes a pack of `lang` holding `files` (name, bytes), with `header` as
/// its header text.
pub fn build(lang: Lang, header: &str, files: &[(&str, &[u8])]) -> Vec<u8> {
    let index_len: usize = 4 + files.iter().map(|(n, _)| 2 + n.len() + 8).sum::<usize>();
    let mut payload = Vec::with_capacity(index_len + files.iter().map(|(_, b)| b.len()).sum::<usize>());
    payload.extend_from_slice(&(files.len() as u32).to_le_bytes());
    let mut offset = index_len;
    for (name, body) in files {
        payload.extend_from_slice(&(name.len() as u16).to_le_bytes());
        payload.extend_from_slice(name.as_bytes());
        payload.extend_from_slice(&(offset as u32).to_le_bytes());
        payload.extend_from_slice(&(body.len() as u32).to_le_bytes());
        offset += body.len();
    }
    for (_, body) in files {
        payload.extend_from_slice(body);
    }
    let mut out = Vec::with_capacity(payload_start(header.len()) + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&DATA_SCHEMA.to_le_bytes());
    let mut code = [0u8; 8];
    code[..lang.code().len()].copy_from_slice(lang.code().as_bytes());
    out.extend_from_slice(&code);
    out.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    out.extend_from_slice(&(header.len() as u32).to_le_bytes());
    out.extend_from_slice(&Sha256::digest(&payload));
    out.extend_from_slice(header.as_bytes());
    out.resize(payload_start(header.len()), 0);
    out.extend_from_slice(&payload);
    out
}

/// Whether a packed file is a list (front-coded text), not the tagger.
pub fn is_list(name: &str) -> bool {
    name.ends_with(".txt")
}

/// The most bytes a line may share with the one before: the prefix byte
/// stays a printable ASCII character (`'0'`..=`'Z'`).
const MAX_SHARED: usize = 42;

/// A list file as packed: its entries only (comments, blank lines and
/// trailing ` #` comments removed; sources and licences go to the header
/// text), front-coded (see the module documentation). [`unpack_list`] gives
/// back the entries, one per line, so `data::entries` reads exactly what it
/// reads from the original file.
pub fn pack_list(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut prev: &str = "";
    for entry in super::data::entries_of(text) {
        let mut shared = prev.bytes().zip(entry.bytes()).take_while(|(a, b)| a == b).count().min(MAX_SHARED);
        while !entry.is_char_boundary(shared) {
            shared -= 1;
        }
        out.push(b'0' + shared as u8);
        out.extend_from_slice(&entry.as_bytes()[shared..]);
        out.push(b'\n');
        prev = entry;
    }
    out
}

/// The entries of a list packed by [`pack_list`], one per line; an error
/// says what is wrong with a damaged one.
pub fn unpack_list(body: &[u8]) -> Result<String, String> {
    let Some(lines) = body.strip_suffix(b"\n") else {
        return if body.is_empty() { Ok(String::new()) } else { Err("no newline at the end".to_string()) };
    };
    let mut out: Vec<u8> = Vec::with_capacity(body.len() * 3);
    let mut prev = 0..0; // the previous line, in `out`
    for (n, line) in lines.split(|&b| b == b'\n').enumerate() {
        let Some((&first, rest)) = line.split_first() else {
            return Err(format!("line {} is empty", n + 1));
        };
        let shared = first.wrapping_sub(b'0') as usize;
        if shared > MAX_SHARED || shared > prev.len() {
            return Err(format!("line {} shares {shared} bytes with a line of {}", n + 1, prev.len()));
        }
        let start = out.len();
        out.extend_from_within(prev.start..prev.start + shared);
        out.extend_from_slice(rest);
        prev = start..out.len();
        out.push(b'\n');
    }
    String::from_utf8(out).map_err(|_| "not UTF-8 once unpacked".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small valid pack: every required file, one-line lists.
    fn sample(lang: Lang) -> Vec<u8> {
        let files: Vec<(&str, &[u8])> = PACK_FILES.iter().map(|n| (*n, b"0entry\n" as &[u8])).collect();
        build(lang, "test pack\n", &files)
    }

    #[test]
    fn a_built_pack_parses_back() {
        let bytes = sample(Lang::En);
        let pack = Pack::parse(&bytes).unwrap();
        assert_eq!(pack.lang, Lang::En);
        assert_eq!(pack.header, "test pack\n");
        assert_eq!(pack.file("claim-cues.txt"), Some(&b"0entry\n"[..]));
        assert_eq!(pack.file("nope.txt"), None);
        assert_eq!(pack.names().count(), PACK_FILES.len());
    }

    #[test]
    fn every_truncation_is_an_error() {
        let bytes = sample(Lang::Fr);
        for len in 0..bytes.len() {
            assert!(Pack::parse(&bytes[..len]).is_err(), "{len} bytes accepted");
        }
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(Pack::parse(&longer).unwrap_err(), PackError::Truncated);
    }

    #[test]
    fn wrong_magic_format_schema_or_language_is_named() {
        let good = sample(Lang::Fr);
        assert_eq!(Pack::parse(b"<!doctype html><title>404</title>").unwrap_err(), PackError::NotAPack);
        let mut b = good.clone();
        b[6] = b'\n'; // "\r\n" mangled
        assert_eq!(Pack::parse(&b).unwrap_err(), PackError::NotAPack);
        let mut b = good.clone();
        b[8] = 2;
        assert_eq!(Pack::parse(&b).unwrap_err(), PackError::Format(2));
        let mut b = good.clone();
        b[10] = DATA_SCHEMA as u8 + 1;
        let err = Pack::parse(&b).unwrap_err();
        assert_eq!(err, PackError::Schema(DATA_SCHEMA + 1));
        assert!(err.to_string().contains("different builds"), "{err}");
        let mut b = good.clone();
        b[12..14].copy_from_slice(b"de");
        assert_eq!(Pack::parse(&b).unwrap_err(), PackError::UnknownLang("de".into()));
    }

    #[test]
    fn a_changed_byte_of_the_payload_or_hash_is_an_error() {
        let good = sample(Lang::Fr);
        let last = good.len() - 1;
        let mut b = good.clone();
        b[last] ^= 1;
        assert_eq!(Pack::parse(&b).unwrap_err(), PackError::Hash);
        let mut b = good.clone();
        b[30] ^= 1;
        assert_eq!(Pack::parse(&b).unwrap_err(), PackError::Hash);
        let mut b = good;
        b[20] ^= 1; // payload length
        assert_eq!(Pack::parse(&b).unwrap_err(), PackError::Truncated);
    }

    #[test]
    fn a_missing_file_or_bad_index_is_an_error() {
        let files: Vec<(&str, &[u8])> =
            PACK_FILES.iter().filter(|n| **n != "titles.txt").map(|n| (*n, b"0x\n" as &[u8])).collect();
        assert_eq!(Pack::parse(&build(Lang::Fr, "", &files)).unwrap_err(), PackError::MissingFile("titles.txt"));
        let mut files: Vec<(&str, &[u8])> = PACK_FILES.iter().map(|n| (*n, b"0x\n" as &[u8])).collect();
        for bad in [&b"0\xff\xfe\n"[..], b"0ab\n3c\n", b"0ab", b"0a\n\n", b"xab\n"] {
            files[0].1 = bad;
            let err = Pack::parse(&build(Lang::Fr, "", &files)).unwrap_err();
            assert!(matches!(&err, PackError::Corrupt(w) if w.starts_with(files[0].0)), "{bad:?}: {err}");
        }
        // An index pointing past the end, with a hash that matches it.
        let mut payload = 1u32.to_le_bytes().to_vec();
        payload.extend_from_slice(&7u16.to_le_bytes());
        payload.extend_from_slice(b"ner.bin");
        payload.extend_from_slice(&0u32.to_le_bytes());
        payload.extend_from_slice(&1000u32.to_le_bytes());
        assert!(matches!(index(&payload), Err(PackError::Corrupt(_))));
        assert!(matches!(index(&u32::MAX.to_le_bytes()), Err(PackError::Corrupt(_))));
    }

    #[test]
    fn a_packed_list_unpacks_to_its_entries() {
        let text = "# source, licence\n\nb\ta\tb # why\n#x\n  c  \naccusa\naccusai\naccusai\nélu\nélue\néte\n";
        let packed = pack_list(text);
        assert_eq!(packed, "0b\ta\tb\n0c\n0accusa\n6i\n7\n0élu\n4e\n2te\n".as_bytes());
        let unpacked = unpack_list(&packed).unwrap();
        let a: Vec<_> = super::super::data::entries_of(text).collect();
        let b: Vec<_> = super::super::data::entries_of(&unpacked).collect();
        assert_eq!(a, b);
        assert_eq!(unpack_list(&pack_list("# only comments\n")).unwrap(), "");
        // A shared prefix never splits a character ("é" and "è" share one byte of UTF-8).
        assert_eq!(unpack_list(&pack_list("é\nè\n")).unwrap(), "é\nè\n");
        // Lines sharing more than the prefix byte can say still come back whole.
        let long = format!("{0}a\n{0}b\n", "x".repeat(60));
        assert_eq!(unpack_list(&pack_list(&long)).unwrap(), long);
    }

    #[test]
    fn every_data_list_survives_packing() {
        for lang in Lang::ALL {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(lang.code());
            for name in PACK_FILES.iter().filter(|n| is_list(n)) {
                let text = std::fs::read_to_string(dir.join(name)).unwrap();
                let unpacked = unpack_list(&pack_list(&text)).unwrap();
                let a: Vec<_> = super::super::data::entries_of(&text).collect();
                let b: Vec<_> = super::super::data::entries_of(&unpacked).collect();
                assert_eq!(a, b, "data/{}/{name}", lang.code());
            }
        }
    }

    #[test]
    fn pack_files_is_what_data_holds() {
        assert!(is_pack_file("claim-cues.txt") && is_pack_file(MODEL_FILE) && !is_pack_file("stopwords.txt"));
        for lang in Lang::ALL {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data").join(lang.code());
            let mut on_disk: Vec<String> = std::fs::read_dir(dir)
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .filter(|n| n != "stopwords.txt")
                .collect();
            on_disk.push(MODEL_FILE.into());
            on_disk.sort();
            let mut listed: Vec<&str> = PACK_FILES.to_vec();
            listed.sort();
            assert_eq!(on_disk, listed, "data/{}/ and PACK_FILES differ", lang.code());
        }
    }
}
