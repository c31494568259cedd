//! Speaker noun phrases: reading one forward from its determiner, back
//! from its last word, without a determiner, and over appositions; which
//! modifiers stay inside; and the name a phrase holds.

use super::context::{Context, Mention};
use super::lexicon::class::*;
use super::windows::{MAX_APPOSITION_SPAN, MAX_BARE_NP_WORDS, MAX_NP, MODIFIER_EXTRA};
use crate::lang::Lang;

impl Context<'_, '_> {
    /// The rest of a noun phrase that started at `start` (its determiner),
    /// its words beginning at `from`.
    pub fn np_tail(&self, start: usize, from: usize, hi: usize) -> Option<(Mention, usize)> {
        let mut j = from;
        let mut last_word = None;
        while j < hi && j < from + MAX_NP {
            let f = self.flags(j);
            let word = f & WORD != 0 || self.is_possessive(j);
            if !word || f & (STOP | AUX | VERB | COMP | REL | PRON) != 0 && f & (PREP | DET) == 0 {
                break;
            }
            // A second determiner not after a preposition opens another
            // phrase ("a claim the group denies").
            if j > from && f & DET != 0 && f & PREP == 0 && !self.has(j - 1, PREP) && !self.is_elision(j) {
                break;
            }
            if f & (PREP | DET) == 0 {
                last_word = Some(j);
            }
            j += 1;
        }
        let last = last_word?;
        let end = last + 1;
        // Apposition naming the speaker: "le porte-parole du Kremlin, Dmitri Peskov".
        if self.is_punct(end, ",") && self.name_start(end + 1, hi) && !self.has(end + 1, DET | PRON) {
            let (name, e) = self.name_forward(end + 1, hi);
            if self.is_punct(e, ",") || e >= hi || self.has(e, VERB | AUX) || self.is_terminal(e) {
                return Some((name, e));
            }
        }
        if let Some(name) = self.name_inside(start, end) {
            return Some((name, end));
        }
        let head_ok = (start..end).any(|k| self.has(k, ROLE)) || self.has(start, DET);
        head_ok.then(|| (Mention::phrase(self.span(start, last), start), end))
    }

    /// The noun phrase ending at token `j` (going back, not before `lo`).
    pub fn np_backward(&self, j: usize, lo: usize) -> Option<Mention> {
        let f = self.flags(j);
        if f & WORD == 0 {
            return None;
        }
        if f & PRON != 0 && f & DET == 0 {
            return self.pron(j);
        }
        // A phrase never ends on a conjunction or a preposition ("… whilst").
        if f & (STOP | COMP | CONJ | PREP) != 0 && f & CAP == 0 {
            return None;
        }
        let mut start = self.np_backward_start(j, lo)?;
        // Never start on a preposition ("du Kremlin" alone is not a phrase)
        // or a sentence-initial conjunction ("But most experts").
        while start < j && (self.has(start, PREP) && !self.has(start, DET) || self.has(start, CONJ)) {
            start += 1;
        }
        if let Some(name) = self.name_inside(start, j + 1) {
            return Some(name);
        }
        let has_det = self.has(start, DET) && !self.has(start, PREP) || self.has(start, DET) && start == lo;
        let role = (start..=j).any(|i| self.has(i, ROLE) || self.is_possessive(i));
        (has_det || role).then(|| Mention::phrase(self.span(start, j), start))
    }

    /// Walks back from `j` to the determiner that opens the phrase. A
    /// participle or adjective with its complement stays in the phrase ("two
    /// officials briefed on the talks", "a person close to the family", "un
    /// expert interrogé par l'AFP"): the noun it modifies is the speaker.
    fn np_backward_start(&self, j: usize, lo: usize) -> Option<usize> {
        let mut k = j;
        let mut start = None;
        let mut modifiers = 0;
        while k >= lo && j - k < MAX_NP + MODIFIER_EXTRA * modifiers.min(1) {
            let fk = self.flags(k);
            let word = fk & WORD != 0 || self.is_possessive(k);
            if !word {
                break;
            }
            let link = k < j && self.modifier_link(k, lo);
            modifiers += usize::from(link);
            // "'s" inside a phrase is a possessive, not "is".
            let stop = fk & (STOP | VERB | COMP | REL | AUX) != 0 && fk & (PREP | DET | CAP) == 0;
            if stop && k != j && !self.is_possessive(k) && !link {
                break;
            }
            if fk & PRON != 0 && fk & DET == 0 && k != j {
                break;
            }
            let in_pp = k > lo && (self.has(k - 1, PREP) && !self.has(k - 1, DET) || self.modifier_link(k - 1, lo));
            if fk & DET != 0 && fk & PREP == 0 && !in_pp && !(fk & PARTICLE != 0 && k > lo && self.has(k - 1, CAP)) {
                start = Some(k); // the determiner itself
                break;
            }
            start = Some(k);
            if k == lo {
                break;
            }
            k -= 1;
        }
        start
    }

    /// Is token `k` part of a modifier with a complement inside a noun
    /// phrase: the participle or adjective ("briefed", "close", "interrogé")
    /// right before its preposition, or that preposition right after it,
    /// with a plain word (the modified noun) before the modifier?
    fn modifier_link(&self, k: usize, lo: usize) -> bool {
        let modifier = |m: usize| {
            self.has(m, WORD)
                && !self.has(m, CAP | DET | PREP | STOP)
                && (self.has(m, MOD_ADJ) || self.has_past_participle_ending(m))
        };
        let noun_before = |m: usize| {
            m > lo
                && self.has(m - 1, WORD)
                && !self.has(m - 1, STOP | AUX | COMP | REL | PREP | CONJ | NEG | ADV | PRON)
        };
        let opens_complement = |p: usize| self.has(p, MOD_PREP | PREP | AGENT);
        if opens_complement(k) && k > lo && modifier(k - 1) && noun_before(k - 1) {
            return true;
        }
        // A noun's own complement: "officials in Kyiv", "un expert en
        // cybersécurité".
        // (A capital only as the sentence's first word: "Officials in the region".)
        let capital_noun =
            k > lo && self.has(k - 1, CAP) && (k - 1 == lo || self.is_terminal(k - 2) || self.is_punct(k - 2, ","));
        if self.has(k, MOD_PREP)
            && k > lo
            && noun_before(k)
            && !modifier(k - 1)
            && !self.has(k - 1, VERB)
            && (!self.has(k - 1, CAP) || capital_noun && self.entity_at(k - 1).is_none())
        {
            return true;
        }
        modifier(k) && opens_complement(k + 1) && noun_before(k)
    }

    /// The speaker's name inside the phrase `start..end`: an entity (PER,
    /// ORG) or a capitalised run that is not the object of a preposition
    /// or a possessor; the last one wins ("le ministre Michel Sapin").
    pub fn name_inside(&self, start: usize, end: usize) -> Option<Mention> {
        let mut best = None;
        let mut k = start;
        while k < end {
            let after_prep = k > start && self.has(k - 1, PREP) && !self.is_possessive(k - 1)
                || k > start + 1 && self.has(k - 1, DET) && self.has(k - 2, PREP);
            if self.name_start(k, end) {
                let (name, e) = self.name_forward(k, end);
                let possessor = self.is_possessive(e);
                let modifier = e < end && self.is_modifier_at(e, end);
                if !after_prep && !possessor && !modifier {
                    best = Some(name);
                }
                k = e.max(k + 1);
            } else {
                k += 1;
            }
        }
        best
    }

    /// Is token `i` a plain lower-case word that a preceding name would
    /// modify ("Obama [administration] officials", "Russian [space]
    /// agency")? English only (French puts modifiers after the noun, so a
    /// name followed by a lower-case word is a subject and its verb).
    /// Function words, verbs, adverbs and "-ed" forms (past tenses the verb
    /// lexicon does not know: "X defended"; class `nonmod.ending`) are not.
    pub fn is_modifier_at(&self, i: usize, hi: usize) -> bool {
        const FUNCTION: u32 = VERB | AUX | ADV | NEG | CLITIC | DET | PRON | SOURCE | SOURCE_WEAK | SOURCE_FIRST | COMP;
        const MORE: u32 = PREP | PARTICLE | STOP | CAP | HYPHEN | BE | REFL | REL | CONJ | DASH | TITLE;
        if self.a.lang != Lang::En || i >= hi || !self.has(i, WORD) || self.flags(i) & (FUNCTION | MORE) != 0 {
            return false;
        }
        let word = self.text(i);
        !self.is_possessive(i) && !self.lex.non_modifier_endings.iter().any(|e| word.ends_with(e))
    }

    /// A name after one to three lower-case role words without determiner
    /// ("team member Rodaba Noori told"): the name.
    pub fn role_name(&self, i: usize, hi: usize) -> Option<(Mention, usize)> {
        let mut j = i;
        while j < hi && j < i + MAX_BARE_NP_WORDS && self.has(j, WORD) && self.flags(j) & !(WORD | ROLE) == 0 {
            j += 1;
        }
        (j > i && self.name_start(j, hi)).then(|| self.name_forward(j, hi))
    }

    /// A noun phrase without determiner, one to three plain lower-case
    /// words ("forecasters", "local officials"), when a verb follows.
    pub fn bare_np(&self, i: usize, hi: usize) -> Option<(Mention, usize)> {
        let mut j = i;
        while j < hi && j < i + MAX_BARE_NP_WORDS && self.flags(j) & !(WORD | ROLE) == 0 && self.has(j, WORD) {
            j += 1;
        }
        (j > i && self.has(j, VERB | AUX)).then(|| (Mention::phrase(self.span(i, j - 1), i), j))
    }

    /// The subject of a verb preceded by a comma at `j`: walks back over
    /// comma-separated segments (at most [`MAX_APPOSITION_SPAN`] tokens) to
    /// a clause boundary and takes the first segment that is a speaker
    /// phrase.
    pub fn segment_subject(&self, j: usize, lo: usize) -> Option<Mention> {
        let mut starts = Vec::new();
        let mut k = j;
        while k > lo && j - k < MAX_APPOSITION_SPAN {
            k -= 1;
            if self.is_punct(k, ",") {
                starts.push(k + 1);
                continue;
            }
            let f = self.flags(k);
            let boundary =
                !self.has(k, WORD) && !self.is_possessive(k) || f & (VERB | COMP | REL) != 0 && f & (CAP | PREP) == 0;
            if boundary {
                starts.push(k + 1);
                break;
            }
            if k == lo {
                starts.push(k);
            }
        }
        let mut found: Option<Mention> = None;
        for &s in starts.iter().rev() {
            if s >= j || self.has(s, STOP | PREP) && !self.has(s, CAP) {
                continue;
            }
            let end = (s..j).find(|&x| self.is_punct(x, ",")).unwrap_or(j);
            if let Some((sp, e)) = self.speaker_forward(s, end) {
                if let Some(first) = found {
                    // "Le directeur de X, le général Y Z, a déclaré": the
                    // apposed name names the speaker.
                    return Some(if sp.is_name && !first.is_name { sp } else { first });
                }
                if e == end || sp.pron == 0 && sp.entity.is_some() || self.name_start(s, end) {
                    if sp.is_name || sp.pron != 0 {
                        return Some(sp);
                    }
                    found = Some(sp);
                }
            }
        }
        found
    }
}
