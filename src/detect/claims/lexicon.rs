//! The claim lexicon of one language, parsed once from `data/<lang>/`:
//! cue phrases (`claim-cues.txt`), its function-word classes of
//! `word-classes.txt`, explanation templates (`claim-explanations.txt`)
//! and, for French, the future stems of the conditional
//! (`conditional-stems.txt`).

use super::cue_trie::CueTrie;
use super::ClaimReason;
use crate::lang::classes::word_classes;
use crate::lang::data::{entries, lang_file};
use crate::lang::{Lang, PerLang};
use std::collections::HashMap;

/// How a cue relates to the claim it signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Role {
    /// A source frame ("selon", "according to"): the following noun phrase
    /// is the source, the rest of the clause the claim.
    Frame,
    /// A verb whose subject is the source and whose complement is the claim
    /// ("affirme", "revendiqué", "claimed").
    Verb,
    /// Like `Verb`, but only a cue when a complementizer follows ("soutient
    /// que", "maintained that").
    VerbThat,
    /// A cue inside the clause it qualifies ("semble", "apparemment").
    Pred,
    /// A cue inside a noun phrase ("présumé", "alleged"): the noun phrase is
    /// the claim.
    Np,
    /// An unidentified source ("une source proche", "witnesses").
    Anon,
    /// A bare plural that is an unidentified source only as the subject of
    /// a reporting or belief verb ("officials said", "say economists"), not
    /// after a definite determiner ("the officials").
    AnonSubj,
    /// The concerned party did not answer ("n'a pas répondu").
    NoResponse,
    /// Explicit non-verification ("n'a pas pu vérifier").
    Unverified,
    /// A noun phrase pointing back to earlier claims ("ces affirmations").
    BackRef,
    /// An anaphoric subject ("ces derniers", "the latter").
    Anaphor,
    /// A news outlet ("le quotidien"): its assertion is single-source.
    Media,
    /// A role or institution that can be a source ("le ministre").
    SourceNoun,
    /// Opens a hypothetical clause ("si", "au cas où").
    Hypothetical,
    /// Cancels a following hypothetical marker ("même si").
    NotHypothetical,
    /// A participle of denial with its agent preposition closing an
    /// apposition ("…, a claim rejected by the army", "…, une version
    /// contestée par la famille"): the clause before the comma is the claim,
    /// the agent its source.
    PassiveDenial,
    /// Not a cue: blocks shorter cues it contains ("could not", "pour autant").
    Ignore,
}

/// One cue pattern.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cue {
    pub reason: ClaimReason,
    pub role: Role,
    /// The last word may continue ("affirm*").
    pub prefix: bool,
    /// Must be written in lower case, except sentence-initially ("may").
    pub lower: bool,
    /// Must be followed by a subject (pronoun, determiner, name): "si".
    pub subject: bool,
    /// An anonymous-source phrase that is a cue wherever it stands.
    pub always: bool,
    /// A `verb-that` belief verb that is also a cue before a bare clause or
    /// object clause ("they believe the whales …", "he expects prices to …").
    pub bare: bool,
    /// A claim verb that also demands or wins something ("revendiquer",
    /// "claim"): not a cue before a demand object ("une hausse", "the title").
    pub demand: bool,
    /// A silence whose own words point back to what was put to the party
    /// ("n'a pas souhaité le confirmer").
    pub back: bool,
}

/// The claim layer's function-word classes of `word-classes.txt`, as bit
/// flags.
pub(crate) mod class {
    pub const COMP: u64 = 1;
    pub const CONJ: u64 = 1 << 1;
    pub const DET: u64 = 1 << 2;
    pub const AUX: u64 = 1 << 3;
    pub const PAST_AUX: u64 = 1 << 4;
    pub const NEG: u64 = 1 << 5;
    pub const CLITIC: u64 = 1 << 6;
    pub const PRON: u64 = 1 << 7;
    pub const ADV: u64 = 1 << 8;
    pub const NOT_CONDITIONAL: u64 = 1 << 9;
    pub const COUNTERFACTUAL: u64 = 1 << 10;
    pub const PREP: u64 = 1 << 11;
    pub const STRESSED: u64 = 1 << 12;
    pub const BLOCK_POUR: u64 = 1 << 13;
    pub const PROPOSAL: u64 = 1 << 14;
    pub const SUB: u64 = 1 << 15;
    pub const REL: u64 = 1 << 16;
    pub const REPORT: u64 = 1 << 17;
    pub const CITE: u64 = 1 << 18;
    pub const DEFINITE: u64 = 1 << 19;
    pub const PROVIDES: u64 = 1 << 20;
    pub const DISOWN: u64 = 1 << 21;
    pub const CONTRAST: u64 = 1 << 22;
    pub const TELL: u64 = 1 << 23;
    pub const INDEF: u64 = 1 << 24;
    pub const DOCUMENT: u64 = 1 << 25;
    pub const SPOKES: u64 = 1 << 26;
    pub const DENIAL_OBJECT: u64 = 1 << 27;
    pub const ANAPHOR_ONE: u64 = 1 << 28;
    pub const ANAPHOR_MANY: u64 = 1 << 29;
    pub const INTERROGATIVE: u64 = 1 << 30;
    pub const DEMAND_OBJECT: u64 = 1 << 31;
    pub const TIME_NOUN: u64 = 1 << 32;
    pub const CLAIM_NOUN: u64 = 1 << 33;
    pub const FATE: u64 = 1 << 34;
    pub const INFO: u64 = 1 << 35;
    pub const ALLEGATION: u64 = 1 << 36;
    pub const REPORT_TAIL: u64 = 1 << 37;
    pub const NEG_SUBJECT: u64 = 1 << 38;
    pub const PASSIVE_AUX: u64 = 1 << 39;
    pub const SAME: u64 = 1 << 40;
    pub const NO_CONTENT: u64 = 1 << 41;
    pub const POSSESSIVE: u64 = 1 << 42;
    pub const NUMERAL: u64 = 1 << 43;
    pub const QUANTIFIER: u64 = 1 << 44;
    pub const PURPOSE: u64 = 1 << 45;
    pub const CAUSE: u64 = 1 << 46;
    pub const PLACE_PREP: u64 = 1 << 47;

    pub fn parse(name: &str) -> Option<u64> {
        Some(match name {
            "comp" => COMP,
            "conj" => CONJ,
            "det" => DET,
            "aux" => AUX,
            "past-aux" => PAST_AUX,
            "neg" => NEG,
            "clitic" => CLITIC,
            "pron" => PRON,
            "adv" => ADV,
            "not-conditional" => NOT_CONDITIONAL,
            "counterfactual" => COUNTERFACTUAL,
            "prep" => PREP,
            "stressed" => STRESSED,
            "block-pour" => BLOCK_POUR,
            "proposal" => PROPOSAL,
            "sub" => SUB,
            "rel" => REL,
            "report" => REPORT,
            "cite" => CITE,
            "definite" => DEFINITE,
            "provides" => PROVIDES,
            "disown" => DISOWN,
            "contrast" => CONTRAST,
            "tell" => TELL,
            "indef" => INDEF,
            "document" => DOCUMENT,
            "spokes" => SPOKES,
            "denial-object" => DENIAL_OBJECT,
            "anaphor-one" => ANAPHOR_ONE,
            "anaphor-many" => ANAPHOR_MANY,
            "interrogative" => INTERROGATIVE,
            "demand-object" => DEMAND_OBJECT,
            "time-noun" => TIME_NOUN,
            "claim-noun" => CLAIM_NOUN,
            "fate" => FATE,
            "info" => INFO,
            "allegation" => ALLEGATION,
            "report-tail" => REPORT_TAIL,
            "neg-subject" => NEG_SUBJECT,
            "passive-aux" => PASSIVE_AUX,
            "same" => SAME,
            "no-content" => NO_CONTENT,
            "possessive" => POSSESSIVE,
            "numeral" => NUMERAL,
            "quantifier" => QUANTIFIER,
            "purpose" => PURPOSE,
            "cause" => CAUSE,
            "place-prep" => PLACE_PREP,
            _ => return None,
        })
    }
}

/// A rule on the future stem of a conditional form.
#[derive(Clone, Debug, Default)]
pub(crate) struct StemRules {
    /// Stems ending with one of these are future stems ("er", "dr").
    pub accept_suffix: Vec<&'static str>,
    /// Exactly these stems are future stems ("aur", "saur").
    pub accept_exact: Vec<&'static str>,
    /// Stems ending with one of these are not ("cadr": "encadrait").
    pub reject_suffix: Vec<&'static str>,
    /// Exactly these stems are not ("tir": "tirait" is an imperfect).
    pub reject_exact: Vec<&'static str>,
}

/// Everything the claim detector knows about one language.
pub(crate) struct Lexicon {
    /// The cue phrases and their variants (`patterns` in `build`).
    pub matcher: CueTrie,
    /// Per phrase of `matcher`: the cue it stands for.
    pub cues: Vec<Cue>,
    pub words: HashMap<&'static str, u64>,
    pub stems: StemRules,
    /// Per reason (index in `ClaimReason::ALL`): (template without source,
    /// template with `{source}`).
    pub explanations: [(&'static str, &'static str); 7],
    /// Names of news media as written ("Les Échos", "The Times"): a claim
    /// verb whose subject is one frames a single source (guidelines §3,
    /// media "affirme").
    pub media_names: std::collections::HashSet<&'static str>,
    /// One-word claim-verb cues ("allege", "claim") and their reasons: the
    /// verb use of a participle cue ("alleged that") takes its verb's reason.
    pub verb_reasons: HashMap<&'static str, ClaimReason>,
}

impl Lexicon {
    /// The word classes of a lower-cased word (0 if none).
    pub fn class(&self, lower: &str) -> u64 {
        self.words.get(lower).copied().unwrap_or(0)
    }
}

fn parse_reason(s: &str) -> Option<ClaimReason> {
    ClaimReason::ALL.into_iter().find(|r| r.as_str() == s)
}

fn parse_role(s: &str) -> Option<Role> {
    Some(match s {
        "frame" => Role::Frame,
        "verb" => Role::Verb,
        "verb-that" => Role::VerbThat,
        "pred" => Role::Pred,
        "np" => Role::Np,
        "anon" => Role::Anon,
        "anon-subj" => Role::AnonSubj,
        "no-response" => Role::NoResponse,
        "unverified" => Role::Unverified,
        "backref" => Role::BackRef,
        "anaphor" => Role::Anaphor,
        "media" => Role::Media,
        "source-noun" => Role::SourceNoun,
        "hypothetical" => Role::Hypothetical,
        "not-hypothetical" => Role::NotHypothetical,
        "passive-denial" => Role::PassiveDenial,
        "ignore" => Role::Ignore,
        _ => return None,
    })
}

/// Upper-cases the first character of `s`.
fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some(c) => crate::case::upper(c).chain(cs).collect(),
        None => String::new(),
    }
}

fn build(lang: Lang) -> Lexicon {
    let file = lang_file!(lang, "claim-cues.txt");
    let mut patterns: Vec<String> = Vec::new();
    let mut cues: Vec<Cue> = Vec::new();
    let mut verb_reasons = HashMap::new();
    for (n, line) in entries(file).enumerate() {
        let mut fields = line.split('\t');
        let (Some(phrase), Some(reason), Some(role)) = (fields.next(), fields.next(), fields.next()) else {
            panic!("data/{}/claim-cues.txt: entry {}: need phrase, reason, role: {line:?}", lang.code(), n + 1);
        };
        let flags = fields.next().unwrap_or("");
        let reason = parse_reason(reason)
            .unwrap_or_else(|| panic!("data/{}/claim-cues.txt: unknown reason {reason:?}", lang.code()));
        let role =
            parse_role(role).unwrap_or_else(|| panic!("data/{}/claim-cues.txt: unknown role {role:?}", lang.code()));
        let prefix = phrase.ends_with('*');
        let literal = phrase.trim_end_matches('*');
        if matches!(role, Role::Verb | Role::VerbThat) && !prefix && !literal.contains(' ') {
            verb_reasons.insert(literal, reason);
        }
        let cue = Cue {
            reason,
            role,
            prefix,
            lower: flags.split(',').any(|f| f == "lc"),
            subject: flags.split(',').any(|f| f == "subj"),
            always: flags.split(',').any(|f| f == "always"),
            bare: flags.split(',').any(|f| f == "bare"),
            demand: flags.split(',').any(|f| f == "demand"),
            back: flags.split(',').any(|f| f == "back"),
        };
        // Variants: typographic apostrophe, capitalised first letter
        // (the matcher folds ASCII letters only).
        let mut variants = vec![literal.to_string()];
        if literal.contains('\'') {
            variants.push(literal.replace('\'', "\u{2019}"));
        }
        if !literal.starts_with(|c: char| c.is_ascii()) {
            for v in variants.clone() {
                variants.push(capitalize(&v));
            }
        }
        for v in variants {
            patterns.push(v);
            cues.push(cue);
        }
    }
    let matcher = CueTrie::new(&patterns);

    // The claim layer's classes of word-classes.txt (not the quotation
    // layer's "det.quote").
    let words = word_classes(lang).flags(class::parse);

    let mut stems = StemRules::default();
    for line in entries(lang_file!(lang, "conditional-stems.txt")) {
        let (op, stem) = line.split_at(1);
        match op {
            "+" => stems.accept_suffix.push(stem),
            "=" => stems.accept_exact.push(stem),
            "-" => stems.reject_suffix.push(stem),
            "!" => stems.reject_exact.push(stem),
            _ => panic!("conditional-stems.txt: bad line {line:?}"),
        }
    }

    let mut explanations = [("", ""); 7];
    for line in entries(lang_file!(lang, "claim-explanations.txt")) {
        let (key, template) =
            line.split_once('\t').unwrap_or_else(|| panic!("claim-explanations.txt: bad line {line:?}"));
        let (reason, with_source) = match key.strip_suffix("+source") {
            Some(r) => (r, true),
            None => (key, false),
        };
        let reason = parse_reason(reason).unwrap_or_else(|| panic!("claim-explanations.txt: bad reason {key:?}"));
        let i = ClaimReason::ALL.iter().position(|&r| r == reason).unwrap_or(0);
        if with_source {
            explanations[i].1 = template;
        } else {
            explanations[i].0 = template;
        }
    }
    for (i, e) in explanations.iter_mut().enumerate() {
        assert!(!e.0.is_empty(), "claim-explanations.txt: no template for {}", ClaimReason::ALL[i].as_str());
        if e.1.is_empty() {
            e.1 = e.0;
        }
    }
    let media_names = entries(lang_file!(lang, "claim-media.txt")).collect();
    Lexicon { matcher, cues, words, stems, explanations, media_names, verb_reasons }
}

/// The lexicon of `lang`, built on first use.
pub(crate) fn lexicon(lang: Lang) -> &'static Lexicon {
    static LEXICONS: PerLang<Lexicon> = PerLang::new();
    LEXICONS.get(lang, build)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every claim data file: sorted, deduplicated, no trailing whitespace;
    /// and it parses.
    #[test]
    fn claim_files_are_clean_and_parse() {
        for lang in Lang::ALL {
            for (name, file) in [
                ("claim-cues.txt", lang_file!(lang, "claim-cues.txt")),
                ("claim-media.txt", lang_file!(lang, "claim-media.txt")),
                ("claim-explanations.txt", lang_file!(lang, "claim-explanations.txt")),
                ("conditional-stems.txt", lang_file!(lang, "conditional-stems.txt")),
            ] {
                crate::lang::data::assert_clean_list(lang, name, file);
            }
            let lex = lexicon(lang);
            assert!(lex.cues.len() > 50);
            for reason in ClaimReason::ALL {
                if lang == Lang::En && reason == ClaimReason::Conditional {
                    continue;
                }
                assert!(lex.cues.iter().any(|c| c.reason == reason), "{}: no cue for {reason:?}", lang.code());
            }
        }
    }
}
