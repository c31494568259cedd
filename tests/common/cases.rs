//! The `[[case]]` files of `tests/cases/`: parsing, and one failure that
//! lists every case that went wrong (rather than stopping at the first).

use serde::de::DeserializeOwned;
use serde::Deserialize;

#[derive(Deserialize)]
struct CaseFile<C> {
    case: Vec<C>,
}

/// The cases of the TOML text `src` (read from `file`, for the message).
pub fn parse<C: DeserializeOwned>(src: &str, file: &str) -> Vec<C> {
    toml::from_str::<CaseFile<C>>(src).unwrap_or_else(|e| panic!("{file} does not parse: {e}")).case
}

/// Runs `check` on every case (it returns that case's failure messages)
/// and fails once with all of them.
pub fn run<C>(cases: &[C], mut check: impl FnMut(&C) -> Vec<String>) {
    let mut failed = 0;
    let mut failures = Vec::new();
    for case in cases {
        let f = check(case);
        failed += usize::from(!f.is_empty());
        failures.extend(f);
    }
    assert!(failures.is_empty(), "{failed} of {} cases failed:\n{}", cases.len(), failures.join("\n"));
}
