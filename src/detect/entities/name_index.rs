//! Multi-word names indexed by the words they are made of, for
//! `merge::repeat_full_names` (a name found once is the same name where it
//! is repeated).
//!
//! Looking a token up costs one probe per name length, whatever the number
//! of names. The list this replaces was keyed by the first word only: at
//! every "Jean" of a long text it tried every distinct "Jean …" name found
//! so far, so the step grew with the square of the text's length (10 MB took
//! 13× the time of 1 MB, this step 10 % of the pipeline).

use crate::sort::sort_by_rank;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The names' word ids (`TokInfo::word`, one per token), by hash of the
/// whole sequence.
pub(super) struct NameIndex {
    /// Distinct first words, sorted: most tokens start no name.
    firsts: Vec<u32>,
    /// `has_len[l]`: some name has `l` words.
    has_len: Vec<bool>,
    /// Hash of a name's words → the indices of the names with that hash, ascending.
    by_words: HashMap<u64, Vec<usize>, BuildHasherDefault<super::lexicon::WordIdHasher>>,
}

/// Extends the hash of a word sequence by one word.
fn mix(h: u64, word: u32) -> u64 {
    (h ^ u64::from(word)).wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(29)
}

impl NameIndex {
    /// Indexes `names`, each given as its words (two or more).
    pub fn new<'a>(names: impl Iterator<Item = &'a [u32]>) -> NameIndex {
        let mut index = NameIndex { firsts: Vec::new(), has_len: Vec::new(), by_words: HashMap::default() };
        for (n, words) in names.enumerate() {
            let Some(&first) = words.first() else { continue };
            index.firsts.push(first);
            if index.has_len.len() <= words.len() {
                index.has_len.resize(words.len() + 1, false);
            }
            index.has_len[words.len()] = true;
            let h = words.iter().fold(0, |h, &w| mix(h, w));
            index.by_words.entry(h).or_default().push(n);
        }
        sort_by_rank(&mut index.firsts, |&w| [u64::from(w), 0, 0]);
        index.firsts.dedup();
        index
    }

    /// The first name (lowest index) made of the words starting at `at` in
    /// `words` for which `accept` holds. `accept` is asked only about names
    /// whose words hash like the text's (a few at most), in ascending order
    /// for each length.
    pub fn first_match(&self, words: &[u32], at: usize, mut accept: impl FnMut(usize) -> bool) -> Option<usize> {
        if self.firsts.binary_search(&words[at]).is_err() {
            return None;
        }
        let mut best: Option<usize> = None;
        let mut h = 0;
        for (len, &w) in words[at..].iter().enumerate().map(|(k, w)| (k + 1, w)).take(self.has_len.len() - 1) {
            h = mix(h, w);
            if !self.has_len[len] {
                continue;
            }
            let Some(list) = self.by_words.get(&h) else { continue };
            if let Some(&n) = list.iter().take_while(|&&n| best.map_or(true, |b| n < b)).find(|&&n| accept(n)) {
                best = Some(n);
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2,000 distinct names "Jean X" each repeated once: every lookup is
    /// asked about one name, not about every "Jean …" name (2,000 × 2,000
    /// with the first-word list).
    #[test]
    fn lookups_do_not_grow_with_the_number_of_names_sharing_a_first_word() {
        const JEAN: u32 = 1;
        let n = 2000u32;
        let names: Vec<[u32; 2]> = (0..n).map(|k| [JEAN, 100 + k]).collect();
        let index = NameIndex::new(names.iter().map(|w| &w[..]));
        let text: Vec<u32> = (0..n).flat_map(|k| [JEAN, 100 + k, 7]).collect();
        let mut asked = 0usize;
        let mut found = 0;
        for at in 0..text.len() {
            if let Some(k) = index.first_match(&text, at, |k| {
                asked += 1;
                names[k][..] == text[at..(at + 2).min(text.len())]
            }) {
                assert_eq!(names[k][1], text[at + 1]);
                found += 1;
            }
        }
        assert_eq!(found, n as usize);
        assert!(asked <= text.len(), "{asked} names examined for {} tokens", text.len());
    }

    /// Of several names matching at a token, the one indexed first wins,
    /// whatever its length; a name that `accept` refuses is skipped.
    #[test]
    fn the_first_indexed_acceptable_name_wins() {
        let names: [&[u32]; 4] = [&[1, 2, 3], &[1, 2], &[1, 5], &[1, 2, 3, 4]];
        let index = NameIndex::new(names.iter().copied());
        let text = [1, 2, 3, 4, 9];
        assert_eq!(index.first_match(&text, 0, |_| true), Some(0));
        assert_eq!(index.first_match(&text, 0, |k| k != 0), Some(1));
        assert_eq!(index.first_match(&text, 0, |k| k == 3), Some(3));
        assert_eq!(index.first_match(&text, 1, |_| true), None);
        assert_eq!(index.first_match(&text[..2], 0, |k| k == 0), None, "the text ends before the name");
    }
}
