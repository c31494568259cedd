//! Head-match coreference of descriptions: a description repeated after
//! the text tied it to a name ("Haïder al-Abadi, le Premier ministre
//! irakien, … le Premier ministre a indiqué") refers to that name again.

use super::words::Words;
use super::{lower, Analysis, Kind, Mention};
use crate::text::normalize_word;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

/// A description the text has already tied to a name refers to it again:
/// "Haïder al-Abadi, le Premier ministre irakien, … le Premier ministre a
/// indiqué" (its words, determiner aside, begin the earlier one's; the
/// latest such description wins; not one a complement or name follows).
pub(super) fn descriptions(a: &Analysis, w: &Words, list: &mut [Mention]) {
    let mut buf = String::new();
    let mut key = |m: &Mention| {
        let mut k = String::new();
        for i in m.tok..m.end_tok {
            if i == m.tok && lower(a, i, &mut buf) && w.determiners.contains(buf.as_str()) {
                continue;
            }
            normalize_word(a.token_text(i), &mut buf);
            k.push_str(&buf);
            k.push(' ');
        }
        k
    };
    let keys: Vec<Option<String>> =
        list.iter().map(|m| (m.kind == Kind::Description).then(|| key(m)).filter(|k| !k.is_empty())).collect();
    // "le Premier ministre d'Australie-Méridionale": a complement the
    // description left out may make it someone else.
    let open_ended = |m: &Mention, buf: &mut String| {
        let next = m.end_tok;
        // "d'" may stand apart from its apostrophe ("d' Australie").
        let of = |buf: &mut String| {
            w.of.contains(buf.as_str()) || {
                buf.push('\'');
                w.of.contains(buf.as_str())
            }
        };
        next < a.tokens.len() && (a.tokens[next].is_capitalized(a.text) || lower(a, next, buf) && of(buf))
    };
    // The latest entity-linked description for each of its word prefixes
    // ("premier ", "premier ministre ", …), filled as the scan passes the
    // end of each: one look-up per description instead of a scan of every
    // earlier mention (quadratic in a long document). Mentions come in text
    // order, so one that has ended before this one stays ended after it.
    let mut ended: BinaryHeap<Reverse<(usize, usize)>> = BinaryHeap::new();
    let mut latest: HashMap<&str, usize> = HashMap::new();
    for i in 0..list.len() {
        while let Some(&Reverse((end, j))) = ended.peek() {
            if end > list[i].tok {
                break;
            }
            ended.pop();
            let key = keys[j].as_deref().unwrap_or_default();
            for (at, _) in key.match_indices(' ') {
                let slot = latest.entry(&key[..=at]).or_insert(j);
                *slot = (*slot).max(j);
            }
        }
        if let Some(k) = keys[i].as_deref() {
            if list[i].entity.is_none() && !open_ended(&list[i], &mut buf) {
                if let Some(&j) = latest.get(k) {
                    list[i].entity = list[j].entity;
                    list[i].label = list[j].label;
                }
            }
        }
        if keys[i].is_some() && list[i].entity.is_some() {
            ended.push(Reverse((list[i].end_tok, i)));
        }
    }
}
