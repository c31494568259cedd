//! Unicode lower- and upper-casing, exactly as the standard library's
//! `str::to_lowercase`, `char::to_lowercase` and `char::to_uppercase` do
//! (same Unicode version: `tests::tables_equal_the_standard_library` checks
//! every code point and regenerates the tables), from tables a fifth their size.
//!
//! Why: the standard library maps case through two tables of ≈ 1,400
//! `(char, u32)` pairs each (≈ 25 KB of the wasm engine, ≈ 10 KB gzip, more
//! than any module of the pipeline). Most mappings come in runs: "A"–"Z" all
//! add 32, "Ā" "Ă" "Ą" … each add 1 every second code point. Here a mapping is
//! ≈ 190 runs per direction ([`table`]), the few mappings to several
//! characters ("ß" → "SS", "İ" → "i̇") a short list, and `str::to_lowercase`'s
//! one contextual rule (a final "Σ" lowers to "ς") reads a range list of the
//! case-ignorable characters. Every caller of the crate cases through here
//! (`tests/layout.rs` rejects the standard methods in `src/`).

mod table;

/// The characters a case mapping gives: one to three (`'\0'`-padded, like
/// the standard library's own tables).
pub(crate) type Mapped = core::iter::Take<core::array::IntoIter<char, 3>>;

fn mapped(chars: [char; 3]) -> Mapped {
    let len = if chars[1] == '\0' {
        1
    } else if chars[2] == '\0' {
        2
    } else {
        3
    };
    chars.into_iter().take(len)
}

/// The single-character mapping of `c` by `runs` (see [`table`]), if any.
fn by_runs(runs: &[u64], c: char) -> Option<char> {
    let cp = c as u32;
    let at = runs.partition_point(|&r| (r & 0x1F_FFFF) as u32 <= cp).checked_sub(1)?;
    let run = runs[at];
    let start = (run & 0x1F_FFFF) as u32;
    let count = ((run >> 21) & 0x7FF) as u32 + 1;
    let stride = if run >> 32 & 1 == 1 { 2 } else { 1 };
    let offset = cp - start;
    if offset % stride != 0 || offset / stride >= count {
        return None;
    }
    let delta = ((run >> 33) as i64) - (1 << 30);
    char::from_u32((i64::from(cp) + delta) as u32)
}

/// The lowercase of `c`, as `char::to_lowercase`.
pub(crate) fn lower(c: char) -> Mapped {
    if c.is_ascii() {
        return mapped([c.to_ascii_lowercase(), '\0', '\0']);
    }
    if let Ok(at) = table::LOWER_MULTI.binary_search_by_key(&c, |&(k, _)| k) {
        return mapped(table::LOWER_MULTI[at].1);
    }
    mapped([by_runs(table::LOWER, c).unwrap_or(c), '\0', '\0'])
}

/// The uppercase of `c`, as `char::to_uppercase`.
pub(crate) fn upper(c: char) -> Mapped {
    if c.is_ascii() {
        return mapped([c.to_ascii_uppercase(), '\0', '\0']);
    }
    if let Ok(at) = table::UPPER_MULTI.binary_search_by_key(&c, |&(k, _)| k) {
        return mapped(table::UPPER_MULTI[at].1);
    }
    mapped([by_runs(table::UPPER, c).unwrap_or(c), '\0', '\0'])
}

/// The lowercase of `s`, as `str::to_lowercase` (with its final-sigma rule).
pub(crate) fn lower_str(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.char_indices() {
        if c == 'Σ' {
            out.push(if final_sigma(s, i) { 'ς' } else { 'σ' });
        } else {
            out.extend(lower(c));
        }
    }
    out
}

/// Unicode's `Final_Sigma` condition for the "Σ" at byte `i` of `s`, as the
/// standard library tests it: a cased letter before it (across
/// case-ignorable characters) and none after it.
fn final_sigma(s: &str, i: usize) -> bool {
    fn ignorable_then_cased(mut chars: impl Iterator<Item = char>) -> bool {
        chars.find(|&c| !case_ignorable(c)).is_some_and(cased)
    }
    ignorable_then_cased(s[..i].chars().rev()) && !ignorable_then_cased(s[i + 'Σ'.len_utf8()..].chars())
}

/// Unicode's `Case_Ignorable` property ([`table::IGNORABLE`]: the
/// boundaries of its ranges, as LEB128 deltas; read only around a "Σ").
fn case_ignorable(c: char) -> bool {
    let cp = c as u32;
    let (mut at, mut inside, mut shift, mut delta) = (0u32, false, 0, 0u32);
    for &b in table::IGNORABLE {
        delta |= u32::from(b & 0x7F) << shift;
        shift += 7;
        if b & 0x80 != 0 {
            continue;
        }
        at += delta;
        if at > cp {
            return inside;
        }
        inside = !inside;
        (shift, delta) = (0, 0);
    }
    inside
}

/// Unicode's `Cased` property (Lowercase, Uppercase or a titlecase letter).
fn cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || table::TITLECASE.iter().any(|&(a, b)| (a..=b).contains(&c))
}

#[cfg(test)]
mod tests;
