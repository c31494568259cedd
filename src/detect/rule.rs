//! One named rule of an ordered rule table, the type every detector's
//! tables share (the claim layer's role handlers, the quotation layer's
//! attribution steps, clause forms, speech tests and reported-speech
//! guards), the way nlprule keeps a rule with its examples and vaporetto a
//! filter as a small object.
//!
//! Each rule has a name, a one-line doc quoting the example it exists for,
//! and the case of `tests/cases/<layer>.toml` that fails without it. Only
//! `apply` runs; the doc and the case are for readers and for each layer's
//! pinning test, which switches one rule off ([`pinning::without`]) and
//! checks that its case then changes. They stay out of the wasm.

/// One named rule; `F` is what it does (a guard, a step, a test).
// `name`, `doc` and `case` are read only by the pinning tests.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Rule<F> {
    /// Unique across the layer (the pinning test switches rules off by name).
    pub name: &'static str,
    /// What it does, with the example it exists for.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub doc: &'static str,
    /// The case of the layer's case file that fails without it; `""` for a
    /// step every case needs or none pins yet.
    #[cfg(any(test, not(target_arch = "wasm32")))]
    pub case: &'static str,
    pub apply: F,
}

impl<F> Rule<F> {
    /// Is the rule on? Always, except in a pinning test that switches it
    /// off to check that its case then fails.
    #[inline]
    pub fn on(&self) -> bool {
        #[cfg(test)]
        return !pinning::is_disabled(self.name);
        #[cfg(not(test))]
        true
    }
}

/// Name, doc and case of every rule of a table, for the pinning tests.
#[cfg(test)]
pub(crate) fn describe<F>(rules: &[Rule<F>]) -> Vec<(&'static str, &'static str, &'static str)> {
    rules.iter().map(|r| (r.name, r.doc, r.case)).collect()
}

/// Switching one rule off, to prove that its case pins it.
#[cfg(test)]
pub(crate) mod pinning {
    use std::cell::Cell;

    thread_local! {
        static DISABLED: Cell<Option<&'static str>> = const { Cell::new(None) };
    }

    /// Is the rule `name` switched off on this thread?
    pub fn is_disabled(name: &str) -> bool {
        DISABLED.with(|d| d.get() == Some(name))
    }

    /// Runs `f` with the rule `name` switched off.
    pub fn without<T>(name: &'static str, f: impl FnOnce() -> T) -> T {
        DISABLED.with(|d| d.set(Some(name)));
        let out = f();
        DISABLED.with(|d| d.set(None));
        out
    }
}
