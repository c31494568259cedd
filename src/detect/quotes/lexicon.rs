//! The quotation layer's word lists (its classes of
//! `data/<lang>/word-classes.txt`, `reporting-verbs.txt`,
//! `speaker-roles.txt`), merged into one table of word classes so each
//! token costs one look-up; plus the classes whose entries are endings or
//! written forms ("ptcp.past é"), kept as short lists the rules compare
//! tokens with.

use crate::lang::classes::word_classes;
use crate::lang::data::{entries, lang_file};
use crate::lang::{Lang, PerLang};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Word-class flags of a token (a word may have several).
pub(crate) mod class {
    pub const VERB: u32 = 1;
    pub const AUX: u32 = 1 << 1;
    pub const ADV: u32 = 1 << 2;
    pub const NEG: u32 = 1 << 3;
    pub const CLITIC: u32 = 1 << 4;
    pub const DET: u32 = 1 << 5;
    pub const PRON_M: u32 = 1 << 6;
    pub const PRON_F: u32 = 1 << 7;
    pub const PRON_P: u32 = 1 << 8;
    pub const PRON_X: u32 = 1 << 9;
    pub const SOURCE: u32 = 1 << 10;
    pub const SOURCE_WEAK: u32 = 1 << 11;
    pub const COMP: u32 = 1 << 12;
    pub const PREP: u32 = 1 << 13;
    pub const PARTICLE: u32 = 1 << 14;
    pub const MENTION: u32 = 1 << 15;
    pub const STOP: u32 = 1 << 16;
    pub const ROLE: u32 = 1 << 17;
    /// Set by the tokens pass: an honorific ("M.", "Dr", `data/<lang>/titles.txt`).
    pub const TITLE: u32 = 1 << 18;
    /// Set by the tokens pass, not the lexicon: upper-case initial.
    pub const CAP: u32 = 1 << 19;
    /// Set by the tokens pass: a hyphen token of an inverted clitic ("-t-").
    pub const HYPHEN: u32 = 1 << 20;
    /// Set by the tokens pass: a word or number.
    pub const WORD: u32 = 1 << 21;
    /// First word of a two-word source frame ("according" to, "d'" après).
    pub const SOURCE_FIRST: u32 = 1 << 22;
    /// Passive auxiliary ("est", "was").
    pub const BE: u32 = 1 << 23;
    /// French reflexive clitic ("s'", "se").
    pub const REFL: u32 = 1 << 24;
    /// Relative pronoun ("qui", "who").
    pub const REL: u32 = 1 << 25;
    /// Verb whose reported clause may lack "that" ("said").
    pub const BARE: u32 = 1 << 26;
    /// Coordinating conjunction ("et", "and").
    pub const CONJ: u32 = 1 << 27;
    /// A dash ("—"): "“…” — Name" attributes a quotation.
    pub const DASH: u32 = 1 << 28;
    /// The preposition of a passive's agent ("par", "by"): "qualifié de
    /// « honteux » par le ministre".
    pub const AGENT: u32 = 1 << 29;
    /// A preposition that opens the complement of a participle or adjective
    /// modifying a speaker noun ("officials briefed [on] the talks", "a
    /// person close [to] the family"); otherwise it ends a noun phrase.
    pub const MOD_PREP: u32 = 1 << 30;
    /// An adjective that modifies a speaker noun with a complement ("a
    /// person [close] to the family", "un responsable [proche] du dossier").
    pub const MOD_ADJ: u32 = 1 << 31;
    /// Any speaker pronoun.
    pub const PRON: u32 = PRON_M | PRON_F | PRON_P | PRON_X;
}

/// FNV-1a: the keys are short words, so a simple hash beats SipHash.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The merged lexicon of one language.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    classes: HashMap<&'static str, u32, BuildHasherDefault<Fnv>>,
    /// Source frames of several words ("according to", "d'" "après",
    /// "in the words of"), lower-case, split into words.
    pub source_frames: Vec<Vec<&'static str>>,
    /// `ptcp`: present-participle endings ("ing", "ant"): such verbs have no
    /// inverted subject.
    pub participle_endings: Vec<&'static str>,
    /// `ptcp.past`: past-participle endings ("interrogé", "briefed").
    pub past_participle_endings: Vec<&'static str>,
    /// `ptcp.prog`: endings of a progressive verb form ("is saying" is not
    /// a passive).
    pub progressive_endings: Vec<&'static str>,
    /// `ptcp.agent`: the word, as written, that introduces the agent of a
    /// participle ("un expert interrogé par l'AFP").
    pub participle_agents: Vec<&'static str>,
    /// `nonmod.ending`: endings of words that do not modify the noun after
    /// them ("X defended", "Y quickly"): English noun phrases only.
    pub non_modifier_endings: Vec<&'static str>,
    /// `adj.ending`: endings of adjectives ("odieux", "historique",
    /// "harmful"): one such word quoted after a noun evaluates it.
    pub adjective_endings: Vec<&'static str>,
    /// `plural.ending`: the ending of a plural head noun ("Acme engineers").
    pub plural_endings: Vec<&'static str>,
    /// `clitic.tail`: what follows a straight apostrophe in a clitic of a
    /// tokenised text ("'s", "'re"), which is then no quotation mark.
    pub clitic_tails: Vec<&'static str>,
}

impl Lexicon {
    /// The classes of a normalised (lower-case, `'` apostrophe) word.
    pub fn classes(&self, word: &str) -> u32 {
        self.classes.get(word).copied().unwrap_or(0)
    }

    /// The list of a class whose entries are endings or written forms
    /// rather than words.
    fn literal_list(&mut self, name: &str) -> Option<&mut Vec<&'static str>> {
        Some(match name {
            "ptcp" => &mut self.participle_endings,
            "ptcp.past" => &mut self.past_participle_endings,
            "ptcp.prog" => &mut self.progressive_endings,
            "ptcp.agent" => &mut self.participle_agents,
            "nonmod.ending" => &mut self.non_modifier_endings,
            "plural.ending" => &mut self.plural_endings,
            "adj.ending" => &mut self.adjective_endings,
            "clitic.tail" => &mut self.clitic_tails,
            _ => return None,
        })
    }
}

/// Does the layer read the class `name` of `word-classes.txt`?
#[cfg(test)]
pub(crate) fn reads_class(name: &str) -> bool {
    class_of(name).is_some() || Lexicon::default().literal_list(name).is_some()
}

fn class_of(name: &str) -> Option<u32> {
    use class::*;
    Some(match name {
        "aux.quote" => AUX,
        "adv.quote" => ADV,
        "neg.quote" => NEG,
        "clitic.quote" => CLITIC,
        "det.quote" => DET,
        "pron.m" => PRON_M,
        "pron.f" => PRON_F,
        "pron.p" => PRON_P,
        "pron.x" => PRON_X,
        "source" => SOURCE,
        "source.weak" => SOURCE_WEAK,
        "comp" => COMP,
        "prep.quote" => PREP,
        "particle" => PARTICLE,
        "mention" => MENTION,
        "stop" => STOP,
        "be" => BE,
        "refl" => REFL,
        "rel.quote" => REL,
        "bare" => BARE,
        "conj.quote" => CONJ,
        "dash" => DASH,
        "agent" => AGENT,
        "mod-prep" => MOD_PREP,
        "mod-adj" => MOD_ADJ,
        _ => return None,
    })
}

fn build(lang: Lang) -> Lexicon {
    let mut lex = Lexicon::default();
    // Classes of other layers (the claim layer's "det") are skipped here:
    // `detect::tests` checks that some layer reads every class.
    for (name, word) in word_classes(lang).entries() {
        if let Some(list) = lex.literal_list(name) {
            list.push(word);
            continue;
        }
        let Some(flag) = class_of(name) else { continue };
        // Frames of several words: "according to", "d'après" (an elision
        // and a word), "in the words of".
        let mut words: Vec<&'static str> = Vec::new();
        for w in word.split(' ') {
            match w.find('\'') {
                Some(i) if i + 1 < w.len() => {
                    words.push(&w[..=i]);
                    words.push(&w[i + 1..]);
                }
                _ => words.push(w),
            }
        }
        if words.len() > 1 && flag == class::SOURCE {
            *lex.classes.entry(words[0]).or_default() |= class::SOURCE_FIRST;
            lex.source_frames.push(words);
        } else {
            *lex.classes.entry(word).or_default() |= flag;
        }
    }
    for word in entries(lang_file!(lang, "reporting-verbs.txt")) {
        *lex.classes.entry(word).or_default() |= class::VERB;
    }
    for word in entries(lang_file!(lang, "speaker-roles.txt")) {
        *lex.classes.entry(word).or_default() |= class::ROLE;
    }
    lex
}

/// The lexicon of `lang`, built on first use.
pub(crate) fn lexicon(lang: Lang) -> &'static Lexicon {
    static LEXICONS: PerLang<Lexicon> = PerLang::new();
    LEXICONS.get(lang, build)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every list file parses, is sorted, deduplicated and trimmed.
    #[test]
    fn data_files_are_clean() {
        for lang in Lang::ALL {
            for (name, file) in [
                ("reporting-verbs.txt", lang_file!(lang, "reporting-verbs.txt")),
                ("speaker-roles.txt", lang_file!(lang, "speaker-roles.txt")),
            ] {
                assert!(file.starts_with('#'), "data/{}/{name}: no header", lang.code());
                crate::lang::data::assert_clean_list(lang, name, file);
            }
            let lex = lexicon(lang);
            assert!(lex.classes(if lang == Lang::Fr { "déclaré" } else { "said" }) & class::VERB != 0);
            assert!(!lex.source_frames.is_empty());
            assert!(!lex.participle_endings.is_empty());
            assert!(!lex.past_participle_endings.is_empty());
            assert!(!lex.participle_agents.is_empty());
        }
        let fr = lexicon(Lang::Fr);
        assert!(fr.classes("d'") & class::SOURCE_FIRST != 0);
        assert!(fr.classes("porte-parole") & class::ROLE != 0);
    }
}
