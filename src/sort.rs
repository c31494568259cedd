//! One stable sort for the whole crate, keyed by a [`Rank`] of three
//! integers.
//!
//! Why: every `sort_by`/`sort_by_key` call with its own closure compiles
//! its own copy of the standard library's sort (≈ 4 KB of wasm each; 78 KB
//! of the engine were sort code, docs/DESIGN-language-packs.md §1). Here each
//! call site only computes its items' ranks; the sorting itself is one
//! instance, over `([u64; 3], index)` pairs, whatever the item type. Ties
//! are broken by the original index, so the order is exactly the order a
//! stable sort by the same key gives.

/// A sort key: compared element by element, the first deciding. Build it
/// from positions and small numbers with `as u64`; [`desc`] makes a field
/// sort in decreasing order.
pub(crate) type Rank = [u64; 3];

/// `x` as a [`Rank`] field that sorts in decreasing order of `x`.
pub(crate) fn desc(x: impl Into<u64>) -> u64 {
    !x.into()
}

/// `usize` as a [`Rank`] field (lossless: `usize` has at most 64 bits on every target).
pub(crate) fn pos(x: usize) -> u64 {
    x as u64
}

/// Sorts `items` by `rank`, keeping the order of items of equal rank (as
/// `sort_by_key` does).
pub(crate) fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> Rank) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<(Rank, usize)> = items.iter().enumerate().map(|(i, item)| (rank(item), i)).collect();
    sort_ranks(&mut order);
    if order.iter().enumerate().all(|(at, &(_, i))| at == i) {
        return;
    }
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, i)| slots[i].take()));
}

/// The one sort instance: indices are unique, so an unstable sort gives the
/// stable order.
#[inline(never)]
fn sort_ranks(order: &mut [(Rank, usize)]) {
    order.sort_unstable();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Same order as the standard stable sort, on keys with many ties.
    #[test]
    fn equals_a_stable_sort_by_the_same_key() {
        let items: Vec<(u8, u8, usize)> = (0..200usize).map(|i| ((i * 7 % 5) as u8, (i * 13 % 3) as u8, i)).collect();
        let mut ours = items.clone();
        sort_by_rank(&mut ours, |&(a, b, _)| [u64::from(a), desc(b), 0]);
        let mut std = items;
        std.sort_by_key(|&(a, b, _)| (a, std::cmp::Reverse(b)));
        assert_eq!(ours, std);
    }

    #[test]
    fn extremes_and_empty() {
        let mut v = vec![usize::MAX, 0, 5, usize::MAX - 1];
        sort_by_rank(&mut v, |&x| [pos(x), 0, 0]);
        assert_eq!(v, [0, 5, usize::MAX - 1, usize::MAX]);
        sort_by_rank(&mut v, |&x| [desc(pos(x)), 0, 0]);
        assert_eq!(v, [usize::MAX, usize::MAX - 1, 5, 0]);
        let mut empty: Vec<u8> = Vec::new();
        sort_by_rank(&mut empty, |&x| [x.into(), 0, 0]);
        assert!(empty.is_empty());
    }
}
