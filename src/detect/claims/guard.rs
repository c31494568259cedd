//! Role handlers as ordered tables of named guards ([`Rule`]s, the rule
//! type every detector's tables share): each step of a handler has a name,
//! a one-line doc quoting the example it exists for, and the case of
//! `tests/cases/claims.toml` that fails without it. A handler runs its table in order; a guard that returns
//! [`Flow::Stop`] ends the handler (having pushed its candidate or not), as
//! an early `return` did.

use super::{Candidate, Context};
use crate::detect::rule::Rule;

/// What a guard decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Flow {
    /// Go on with the next guard.
    Next,
    /// The handler is done.
    Stop,
}

/// One named step of a role handler, over the handler's state `S`: a
/// [`Rule`] whose `apply` pushes the handler's candidate or not, and says
/// whether the handler goes on.
pub(super) type Guard<S> = Rule<fn(&Context, &mut S, &mut Vec<Candidate>) -> Flow>;

/// Runs `guards` in order until one stops.
pub(super) fn run<S>(guards: &[Guard<S>], cx: &Context, state: &mut S, out: &mut Vec<Candidate>) {
    for g in guards.iter().filter(|g| g.on()) {
        if (g.apply)(cx, state, out) == Flow::Stop {
            return;
        }
    }
}

/// `Flow::Stop` when `cond` holds, else `Flow::Next`.
pub(super) fn stop_if(cond: bool) -> Flow {
    if cond {
        Flow::Stop
    } else {
        Flow::Next
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use crate::detect::rule::{describe, pinning};
    use crate::detect::{claims, entities, quotes, Analysis};
    use crate::lang::Lang;

    /// Every guard of every role table: (name, doc, case).
    fn all_guards() -> Vec<(&'static str, &'static str, &'static str)> {
        [
            describe(claims::verb::GUARDS),
            describe(claims::frame::GUARDS),
            describe(claims::anon_subject::GUARDS),
            describe(claims::noun_phrase::GUARDS),
            describe(claims::noun_phrase::CLAIM_NOUN_GUARDS),
            describe(claims::anonymous::GUARDS),
            describe(claims::pred::GUARDS),
            describe(claims::silence::UNVERIFIED),
            describe(claims::unidentified::SPEAKER_GUARDS),
            describe(claims::unidentified::POSTPOSED_GUARDS),
            describe(claims::candidates::CONDITIONAL_GUARDS),
        ]
        .concat()
    }

    #[derive(serde::Deserialize)]
    struct Case {
        name: String,
        lang: String,
        text: String,
        expect: Vec<[String; 4]>,
    }

    #[derive(serde::Deserialize)]
    struct CaseFile {
        case: Vec<Case>,
    }

    fn cases() -> Vec<Case> {
        toml::from_str::<CaseFile>(include_str!("../../../tests/cases/claims.toml")).expect("claims.toml").case
    }

    /// The claims of `text` as the case file writes them.
    fn claims_of(text: &str, lang: &str) -> Vec<[String; 4]> {
        let lang: Lang = lang.parse().expect("lang");
        let a = Analysis::new(text, lang);
        let ents = entities::detect(&a);
        let qs = quotes::detect(&a, &ents);
        claims::detect(&a, &ents, &qs)
            .iter()
            .map(|c| {
                [
                    c.reason.as_str().to_string(),
                    c.cue.slice(text).to_string(),
                    c.span.slice(text).to_string(),
                    c.source.map(|s| s.slice(text).to_string()).unwrap_or_default(),
                ]
            })
            .collect()
    }

    /// Guard names are unique, and each has a one-line doc with its example.
    #[test]
    fn guards_are_named_and_documented() {
        let guards = all_guards();
        for (i, (name, doc, _)) in guards.iter().enumerate() {
            assert!(!guards[..i].iter().any(|g| g.0 == *name), "{name}: name used twice");
            assert!(doc.contains('"') && !doc.contains('\n'), "{name}: the doc quotes its example on one line");
        }
    }

    /// Each guard's case passes, and fails with the guard switched off.
    #[test]
    fn each_case_pins_its_guard() {
        let cases = cases();
        for (name, _, case) in all_guards().into_iter().filter(|g| !g.2.is_empty()) {
            let c = cases.iter().find(|c| c.name == case).unwrap_or_else(|| panic!("{name}: no case {case}"));
            assert_eq!(claims_of(&c.text, &c.lang), c.expect, "{case} fails");
            let without = pinning::without(name, || claims_of(&c.text, &c.lang));
            assert_ne!(without, c.expect, "{name}: {case} passes without it");
        }
    }

    /// Lists, for each guard, the cases that fail without it (a tool for
    /// whoever adds a guard: `cargo test --lib pinning_report -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn pinning_report() {
        let cases = cases();
        for (name, _, case) in all_guards() {
            let pins: Vec<&str> = cases
                .iter()
                .filter(|c| pinning::without(name, || claims_of(&c.text, &c.lang)) != c.expect)
                .map(|c| c.name.as_str())
                .collect();
            println!("{name}\t[{case}]\t{}", pins.join(" "));
        }
    }
}
