//! The statistical part of the entity layer: a greedy BIO tagger (averaged
//! perceptron over hashed features) that finds PER, ORG, LOC and MISC
//! names. Trained by `examples/train_ner.rs` (`scripts/train-ner.sh`); the
//! weights are compiled in from `data/models/ner-<lang>.bin`.
//!
//! Features are hashed straight from the token bytes (no string is built
//! per token), and the model keeps only the feature buckets whose weights
//! matter, quantised to `i16`, in a small open-addressing table.
//!
//! This module is public (but hidden) so that the training program uses
//! exactly the features the engine uses.

use crate::lang::data::{entries, lang_file};
use crate::lang::Lang;
use crate::text::{Token, TokenKind};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// The tags, in model order: O, then B-/I- for PER, LOC, ORG, MISC.
pub const TAGS: [&str; NTAGS] = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"];
/// Number of tags.
pub const NTAGS: usize = 9;
/// Hashed feature space used in training (features are reduced modulo this).
pub const BUCKETS: u32 = 1 << 20;
/// Magic bytes of a model file.
pub const MAGIC: &[u8; 8] = b"AANER02\n";

/// What the tagger needs to know about one token, computed once.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokInfo {
    /// Lower-cased text (digits as 0).
    pub word: u32,
    /// Word shape (Xx, X, x, d, punctuation), runs collapsed.
    pub shape: u32,
    /// First three characters, lower-cased.
    pub prefix: u32,
    /// Last three characters, lower-cased.
    pub suffix3: u32,
    /// Last two characters, lower-cased.
    pub suffix2: u32,
    /// [`CAP`], [`ALLCAPS`], [`START`], …
    pub flags: u8,
}

/// Starts with an upper-case letter.
pub const CAP: u8 = 1;
/// Two or more letters, all upper-case.
pub const ALLCAPS: u8 = 2;
/// First word of its sentence (after opening punctuation).
pub const START: u8 = 4;
/// Contains a digit.
pub const DIGIT: u8 = 8;
/// Is punctuation.
pub const PUNCT: u8 = 16;
/// Appears lower-cased elsewhere in the text (a common word).
pub const SEEN_LOWER: u8 = 32;
/// A capitalised given name of `data/<lang>/ner_first_names.txt` (empty
/// for French, so its features are unchanged there).
pub const FIRST_NAME: u8 = 64;

#[inline]
fn mix(h: u32, x: u32) -> u32 {
    (h.rotate_left(5) ^ x).wrapping_mul(0x9E37_79B9)
}

#[inline]
fn fold(c: char) -> u32 {
    if c.is_ascii_digit() {
        return '0' as u32;
    }
    if c.is_ascii() {
        return c.to_ascii_lowercase() as u32;
    }
    if c == '\u{2019}' {
        return '\'' as u32;
    }
    c.to_lowercase().next().unwrap_or(c) as u32
}

/// Hash of a lower-cased string (as [`TokInfo::word`]).
pub fn word_hash(s: &str) -> u32 {
    s.chars().fold(0x2545_F491, |h, c| mix(h, fold(c)))
}

fn shape_class(c: char) -> u32 {
    if c.is_uppercase() {
        'X' as u32
    } else if c.is_alphabetic() {
        'x' as u32
    } else if c.is_numeric() {
        'd' as u32
    } else {
        c as u32
    }
}

/// Computes the per-token information of `tokens`; `starts` marks the
/// first token index of every sentence.
pub fn token_infos(text: &str, tokens: &[Token], sentence_tokens: &[Range<usize>]) -> Vec<TokInfo> {
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        let s = t.span.slice(text);
        let mut word = 0x2545_F491u32;
        let mut shape = 0x1234_5678u32;
        let mut prefix = 0x0BAD_F00Du32;
        let (mut last, mut nshape) = (0u32, 0);
        let (mut up, mut low, mut digit) = (0, 0, false);
        let (mut c1, mut c2, mut c3) = (0u32, 0u32, 0u32);
        for (n, c) in s.chars().enumerate() {
            let f = fold(c);
            word = mix(word, f);
            if n < 3 {
                prefix = mix(prefix, f);
            }
            (c1, c2, c3) = (c2, c3, f);
            let k = shape_class(c);
            if k != last && nshape < 6 {
                shape = mix(shape, k);
                nshape += 1;
                last = k;
            }
            if c.is_uppercase() {
                up += 1;
            } else if c.is_lowercase() {
                low += 1;
            } else if c.is_numeric() {
                digit = true;
            }
        }
        let suffix2 = mix(mix(0x51, c2), c3);
        let suffix3 = mix(mix(mix(0x53, c1), c2), c3);
        let mut flags = 0;
        if s.chars().next().is_some_and(char::is_uppercase) {
            flags |= CAP;
        }
        if up >= 2 && low == 0 {
            flags |= ALLCAPS;
        }
        if digit {
            flags |= DIGIT;
        }
        if t.kind == TokenKind::Punct {
            flags |= PUNCT;
        }
        out.push(TokInfo { word, shape, prefix, suffix3, suffix2, flags });
    }
    for r in sentence_tokens {
        // The sentence start: the first token that is not opening punctuation.
        if let Some(i) = r.clone().find(|&i| tokens[i].kind != TokenKind::Punct) {
            out[i].flags |= START;
        }
    }
    out
}

/// Marks tokens whose lower-cased form also occurs lower-case in the text
/// ("Même" when "même" occurs): capitalisation then says little.
pub fn mark_seen_lower(text: &str, tokens: &[Token], infos: &mut [TokInfo]) {
    let mut lower: Vec<u32> = tokens
        .iter()
        .zip(infos.iter())
        .filter(|(t, i)| i.flags & (CAP | PUNCT) == 0 && t.kind == TokenKind::Word)
        .map(|(_, i)| i.word)
        .collect();
    lower.sort_unstable();
    lower.dedup();
    let _ = text;
    for i in infos.iter_mut() {
        if i.flags & CAP != 0 && lower.binary_search(&i.word).is_ok() {
            i.flags |= SEEN_LOWER;
        }
    }
}

/// Marks capitalised tokens that are given names ([`FIRST_NAME`]).
pub fn mark_first_names(lang: Lang, infos: &mut [TokInfo]) {
    static FR: OnceLock<HashSet<u32>> = OnceLock::new();
    static EN: OnceLock<HashSet<u32>> = OnceLock::new();
    let cell = match lang {
        Lang::Fr => &FR,
        Lang::En => &EN,
    };
    let names = cell.get_or_init(|| entries(lang_file!(lang, "ner_first_names.txt")).map(word_hash).collect());
    if names.is_empty() {
        return;
    }
    for i in infos.iter_mut() {
        if i.flags & CAP != 0 && names.contains(&i.word) {
            i.flags |= FIRST_NAME;
        }
    }
}

const PAD: TokInfo = TokInfo { word: 0xFFFF_0001, shape: 0xFFFF_0002, prefix: 0, suffix3: 0, suffix2: 0, flags: 0 };

/// Pushes the tag-independent features of token `i` (within sentence
/// `range`) onto `out`, as full 32-bit hashes.
pub fn static_features(infos: &[TokInfo], range: Range<usize>, i: usize, out: &mut Vec<u32>) {
    let at = |k: isize| -> TokInfo {
        let j = i as isize + k;
        if j < range.start as isize || j >= range.end as isize {
            PAD
        } else {
            infos[j as usize]
        }
    };
    let (p2, p1, c, n1, n2) = (at(-2), at(-1), at(0), at(1), at(2));
    let capctx = (c.flags & (CAP | ALLCAPS | START | SEEN_LOWER | FIRST_NAME)) as u32;
    let f = [
        mix(1, 0),
        mix(2, c.word),
        mix(3, c.shape),
        mix(4, c.prefix),
        mix(5, c.suffix3),
        mix(6, c.suffix2),
        mix(7, p1.word),
        mix(8, n1.word),
        mix(9, p2.word),
        mix(10, n2.word),
        mix(11, p1.shape),
        mix(12, n1.shape),
        mix(mix(13, p1.shape), mix(c.shape, n1.shape)),
        mix(mix(14, p1.word), c.word),
        mix(mix(15, c.word), n1.word),
        mix(16, capctx),
        mix(mix(17, capctx), c.word),
        mix(mix(18, capctx), p1.word),
        mix(mix(19, capctx), c.suffix3),
        mix(mix(20, p1.word), p2.word),
        mix(mix(21, n1.word), n2.word),
        mix(mix(22, p1.word), c.shape),
        mix(mix(23, n1.word), c.shape),
        mix(
            mix(24, (p1.flags & (CAP | ALLCAPS | FIRST_NAME)) as u32),
            mix(capctx, (n1.flags & (CAP | ALLCAPS | FIRST_NAME)) as u32),
        ),
        mix(mix(25, n1.suffix3), c.shape),
        mix(mix(26, p1.suffix3), c.shape),
    ];
    out.extend_from_slice(&f);
}

/// Pushes the features that depend on the previous tags.
#[inline]
pub fn tag_features(infos: &[TokInfo], i: usize, prev: u8, prev2: u8, out: &mut Vec<u32>) {
    let c = infos[i];
    let (p, q) = (prev as u32, prev2 as u32);
    out.extend_from_slice(&[
        mix(40, p),
        mix(mix(41, p), q),
        mix(mix(42, p), c.word),
        mix(mix(43, p), c.shape),
        mix(mix(44, p), (c.flags & (CAP | ALLCAPS | START)) as u32),
    ]);
}

/// Whether tag `t` may follow tag `prev` (an I- tag continues its own type).
#[inline]
pub fn allowed(prev: u8, t: u8) -> bool {
    t == 0 || t % 2 == 1 || prev == t || prev + 1 == t
}

/// A trained model: quantised weights of the buckets that matter.
#[derive(Debug)]
pub struct Model {
    keys: Vec<u32>,
    rows: Vec<[i16; NTAGS]>,
    mask: usize,
}

const EMPTY: u32 = u32::MAX;

impl Model {
    /// Reads a model file (see [`encode`]); `None` if it is malformed.
    pub fn decode(bytes: &[u8]) -> Option<Model> {
        let body = bytes.strip_prefix(MAGIC.as_slice())?;
        // Skip the text header, up to the first NUL.
        let nul = body.iter().position(|&b| b == 0)?;
        let mut b = &body[nul + 1..];
        let n = read_varint(&mut b)? as usize;
        let cap = (n * 2).next_power_of_two().max(16);
        let mut m = Model { keys: vec![EMPTY; cap], rows: vec![[0; NTAGS]; cap], mask: cap - 1 };
        let mut key = 0u32;
        for _ in 0..n {
            key = key.checked_add(read_varint(&mut b)?)?;
            let (&lo, rest) = b.split_first()?;
            let (&hi, rest) = rest.split_first()?;
            b = rest;
            let present = u16::from_le_bytes([lo, hi]);
            let mut row = [0i16; NTAGS];
            for (t, w) in row.iter_mut().enumerate() {
                if present & (1 << t) != 0 {
                    let z = read_varint(&mut b)?;
                    *w = i16::try_from((z >> 1) as i32 ^ -((z & 1) as i32)).ok()?;
                }
            }
            let mut slot = (key.wrapping_mul(0x9E37_79B9) >> 8) as usize & m.mask;
            while m.keys[slot] != EMPTY {
                slot = (slot + 1) & m.mask;
            }
            m.keys[slot] = key;
            m.rows[slot] = row;
        }
        Some(m)
    }

    #[inline]
    fn row(&self, feature: u32) -> Option<&[i16; NTAGS]> {
        let key = feature % BUCKETS;
        let mut slot = (key.wrapping_mul(0x9E37_79B9) >> 8) as usize & self.mask;
        loop {
            let k = self.keys[slot];
            if k == key {
                return Some(&self.rows[slot]);
            }
            if k == EMPTY {
                return None;
            }
            slot = (slot + 1) & self.mask;
        }
    }

    /// Adds the weights of `features` to `scores`.
    #[inline]
    pub fn add(&self, features: &[u32], scores: &mut [i32; NTAGS]) {
        for &f in features {
            if let Some(row) = self.row(f) {
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += w as i32;
                }
            }
        }
    }

    /// Tags the tokens of one text: one tag index per token.
    pub fn tag(&self, infos: &[TokInfo], sentence_tokens: &[Range<usize>]) -> Vec<u8> {
        let mut tags = vec![0u8; infos.len()];
        let mut feats = Vec::with_capacity(40);
        for r in sentence_tokens {
            let (mut prev, mut prev2) = (0u8, 0u8);
            for i in r.clone() {
                feats.clear();
                static_features(infos, r.clone(), i, &mut feats);
                tag_features(infos, i, prev, prev2, &mut feats);
                let mut scores = [0i32; NTAGS];
                self.add(&feats, &mut scores);
                let mut best = 0u8;
                for t in 1..NTAGS as u8 {
                    if allowed(prev, t) && scores[t as usize] > scores[best as usize] {
                        best = t;
                    }
                }
                tags[i] = best;
                (prev2, prev) = (prev, best);
            }
        }
        tags
    }
}

fn read_varint(b: &mut &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for shift in (0..35).step_by(7) {
        let (&x, rest) = b.split_first()?;
        *b = rest;
        v |= ((x & 0x7f) as u32).checked_shl(shift)?;
        if x & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

fn push_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Writes a model file: magic, a text header (source and licence), NUL,
/// the number of rows, then per row (sorted by bucket) the bucket delta as
/// a varint, a 16-bit mask of non-zero tags and their `i16` weights as
/// zigzag varints.
pub fn encode(header: &str, rows: &[(u32, [i16; NTAGS])]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(header.as_bytes());
    out.push(0);
    push_varint(&mut out, rows.len() as u32);
    let mut last = 0;
    for (k, row) in rows {
        push_varint(&mut out, k - last);
        last = *k;
        let mask: u16 = row.iter().enumerate().filter(|(_, &w)| w != 0).map(|(t, _)| 1u16 << t).sum();
        out.extend_from_slice(&mask.to_le_bytes());
        for &w in row.iter().filter(|&&w| w != 0) {
            // Zigzag varint: most weights take one byte.
            push_varint(&mut out, ((w as i32) << 1 ^ (w as i32) >> 31) as u32);
        }
    }
    out
}

/// The compiled-in model of `lang` (`None` if its file is empty).
pub fn model(lang: Lang) -> Option<&'static Model> {
    static FR: OnceLock<Option<Model>> = OnceLock::new();
    static EN: OnceLock<Option<Model>> = OnceLock::new();
    match lang {
        Lang::Fr => FR.get_or_init(|| Model::decode(crate::lang::data::model(Lang::Fr))).as_ref(),
        Lang::En => EN.get_or_init(|| Model::decode(crate::lang::data::model(Lang::En))).as_ref(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_files_roundtrip_and_decode() {
        let rows = vec![(3u32, [0, 5, -7, 0, 0, 0, 0, 0, 300]), (BUCKETS - 1, [1; NTAGS])];
        let m = Model::decode(&encode("test", &rows)).expect("decodes");
        let mut s = [0i32; NTAGS];
        m.add(&[3, BUCKETS - 1, 12345], &mut s);
        assert_eq!(s, [1, 6, -6, 1, 1, 1, 1, 1, 301]);
        assert!(Model::decode(b"garbage").is_none());
        assert!(Model::decode(&encode("t", &rows)[..20]).is_none());
        for lang in Lang::ALL {
            assert!(model(lang).is_some_and(|m| m.keys.iter().filter(|&&k| k != EMPTY).count() > 1000));
        }
    }

    #[test]
    fn bio_constraint() {
        assert!(allowed(1, 2) && allowed(2, 2) && allowed(0, 1) && allowed(4, 0));
        assert!(!allowed(0, 2) && !allowed(3, 2));
    }
}
