//! Speaker candidates: the reporting clause after a quotation, the
//! attribution before it, a colon sentence's subject, source frames
//! ("selon X") and inverted subjects ("a déclaré jeudi le ministre").
//!
//! The forms a clause can take are ordered tables of named rules, tried in
//! order; the first that finds a clause wins.

use super::context::{Context, Mention};
use super::lexicon::class::*;
use super::windows::{
    MAX_AUX_AFTER_SUBJECT, MAX_BEFORE, MAX_BEFORE_FIRST_VERB, MAX_INVERSION_COMPLEMENTS, MAX_NP, MAX_PUNCT_AFTER_QUOTE,
};
use super::Rule;
use crate::text::normalize_word;

/// A reporting clause found next to a quotation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Clause {
    /// Its speaker, if it has one.
    pub speaker: Option<Mention>,
    /// True when a reporting verb was found (not only "selon X").
    pub verb: bool,
    /// Token index after the clause.
    pub end: usize,
}

/// Where a clause after a quotation is read: from token `p` (past the
/// commas and dashes after the closing mark) to `hi`; `dash` when a dash
/// was among them.
struct After {
    p: usize,
    hi: usize,
    dash: bool,
}

type AfterForm = fn(&Context, &After) -> Option<Clause>;

/// The forms of a reporting clause right after a quotation, in order.
const AFTER_QUOTE: [Rule<AfterForm>; 4] = [
    Rule {
        name: "dash_then_name",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "“…” — Matthew Ingram: a dash and a name closing the sentence.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "en_dash_then_name",
        apply: |cx, at| cx.dash_then_name(at),
    },
    Rule {
        name: "verb_first",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "« … », a-t-il ajouté / dit-elle / a écrit X; “…,” said Smith.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_inverted_subject_head_not_a_role",
        apply: |cx, at| cx.verb_first(at),
    },
    Rule {
        name: "source_frame_after",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "« … », selon X.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_selon_after_quote",
        apply: |cx, at| cx.source_frame_after(at),
    },
    Rule {
        name: "subject_first",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "“…,” Smith said / he said / the minister told / forecasters said.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "en_np_subject_after_quote",
        apply: |cx, at| cx.subject_first(at),
    },
];

type BeforeForm = fn(&Context, usize, usize) -> Option<Clause>;

/// The forms of an attribution before a quotation (tokens `lo..open`), in
/// order.
const BEFORE_QUOTE: [Rule<BeforeForm>; 4] = [
    Rule {
        name: "name_colon",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "Sophie Martin : « … » (a name or a role phrase, nothing else, then a colon).",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_name_colon",
        apply: |cx, lo, open| cx.name_colon(lo, open),
    },
    Rule {
        name: "nearest_reporting_verb",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "Claire Dubois a déclaré : « … »: the nearest reporting verb with a subject.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_colon_before",
        apply: |cx, lo, open| cx.nearest_reporting_verb(lo, open),
    },
    Rule {
        name: "source_frame_before",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "Selon Marc Leroy, « … »; Pour le maire, « … ».",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_selon_direct",
        apply: |cx, lo, open| cx.source_frame_before(lo, open),
    },
    Rule {
        name: "verb_without_speaker",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        doc: "Il a été annoncé qu'un « … »: a reporting verb, nobody to say it.",
        #[cfg(any(test, not(target_arch = "wasm32")))]
        case: "fr_passive_agent_speaks",
        apply: |cx, lo, open| cx.verb_without_speaker(lo, open),
    },
];

/// The rules of this module's tables: (name, doc, case).
#[cfg(test)]
pub(super) fn rules() -> Vec<(&'static str, &'static str, &'static str)> {
    AFTER_QUOTE
        .iter()
        .map(|r| (r.name, r.doc, r.case))
        .chain(BEFORE_QUOTE.iter().map(|r| (r.name, r.doc, r.case)))
        .collect()
}

impl Context<'_, '_> {
    /// The reporting clause right after a quotation, starting at token
    /// `from` (after the closing mark): "…», a-t-il dit", "…», a écrit
    /// ainsi X", "…,” Smith said", "…», selon X".
    pub fn after_clause(&self, from: usize, hi: usize) -> Option<Clause> {
        let mut p = from;
        let mut skipped = 0;
        let mut dash = false;
        while p < hi && skipped < MAX_PUNCT_AFTER_QUOTE && (self.is_punct(p, ",") || self.has(p, DASH)) {
            dash |= self.has(p, DASH);
            p += 1;
            skipped += 1;
        }
        if p >= hi {
            return None;
        }
        let at = After { p, hi, dash };
        AFTER_QUOTE.iter().filter(|r| r.on()).find_map(|form| (form.apply)(self, &at))
    }

    fn dash_then_name(&self, at: &After) -> Option<Clause> {
        let (p, hi) = (at.p, at.hi);
        if !(at.dash && self.name_start(p, hi)) {
            return None;
        }
        let (sp, end) = self.name_forward(p, hi);
        let closes = end >= hi || self.is_terminal(end) || self.is_punct(end, ",") || self.has(end, PREP);
        closes.then_some(Clause { speaker: Some(sp), verb: false, end })
    }

    fn verb_first(&self, at: &After) -> Option<Clause> {
        let (p, hi) = (at.p, at.hi);
        let mut q = p;
        let mut inverted: Option<Mention> = None;
        while q < hi && q < p + MAX_BEFORE_FIRST_VERB && !self.has(q, VERB) {
            if self.has(q, HYPHEN) && self.has(q + 1, PRON) {
                inverted = self.pron(q + 1);
                q += 2;
            } else if self.has(q, AUX | ADV | NEG | CLITIC) && !self.has(q, CAP)
                || self.is_elision(q) && self.has(q, CLITIC)
            {
                q += 1;
            } else {
                break;
            }
        }
        if !(q < hi && self.has(q, VERB) && !self.has(q, CAP)) {
            return None;
        }
        if let Some(sp) = inverted {
            return Some(Clause { speaker: Some(sp), verb: true, end: q + 1 });
        }
        let (speaker, end) = match self.inverted_subject(q, hi) {
            Some((sp, end)) => (Some(sp), end),
            None => (None, q + 1),
        };
        Some(Clause { speaker, verb: true, end })
    }

    fn source_frame_after(&self, at: &After) -> Option<Clause> {
        if !self.has(at.p, SOURCE | SOURCE_FIRST) {
            return None;
        }
        let (sp, end) = self.source_frame(at.p, at.hi)?;
        Some(Clause { speaker: Some(sp), verb: false, end })
    }

    fn subject_first(&self, at: &After) -> Option<Clause> {
        let (p, hi) = (at.p, at.hi);
        let (sp, mut e) =
            self.speaker_forward(p, hi).or_else(|| self.role_name(p, hi)).or_else(|| self.bare_np(p, hi))?;
        if self.is_punct(e, ",") {
            // Apposition: "Smith, the company's chief, said".
            let mut k = e + 1;
            while k < hi && k < e + 1 + MAX_NP && !self.is_punct(k, ",") {
                k += 1;
            }
            if self.is_punct(k, ",") {
                e = k + 1;
            }
        }
        let mut q = e;
        while q < hi && q < e + MAX_AUX_AFTER_SUBJECT && self.has(q, AUX | ADV | NEG | CLITIC) && !self.has(q, VERB) {
            q += 1;
        }
        let active_verb = q < hi && self.has(q, VERB) && !self.has(q, BE) && !self.passive(q, e);
        active_verb.then_some(Clause { speaker: Some(sp), verb: true, end: q + 1 })
    }

    /// The attribution before a quotation (tokens `lo..open`): "X a
    /// déclaré : «", "selon X, «", "Name: “", "X said that “".
    pub fn before_clause(&self, lo: usize, open: usize) -> Option<Clause> {
        if open <= lo {
            return None;
        }
        BEFORE_QUOTE.iter().filter(|r| r.on()).find_map(|form| (form.apply)(self, lo, open))
    }

    fn name_colon(&self, lo: usize, open: usize) -> Option<Clause> {
        if !(self.is_punct(open - 1, ":") && open - 1 > lo) {
            return None;
        }
        let mut start = lo;
        while start < open - 1 && !self.has(start, WORD) {
            start += 1;
        }
        let (sp, end) = self.speaker_forward(start, open - 1)?;
        // "Name : «", or "Name, title, affiliation : «" (no verb).
        let apposed = sp.is_name && self.is_punct(end, ",") && !(end..open - 1).any(|k| self.has(k, VERB));
        // A phrase that is not a name must be headed by a role ("Le
        // porte-parole du ministère :"), not be a whole clause whose verb
        // the lexicon does not know ("La banderole portait ces mots :").
        let speaker_like = sp.is_name || (sp.tok..end).any(|k| self.has(k, ROLE));
        let alone = (end == open - 1 || apposed) && sp.pron == 0 && speaker_like;
        alone.then_some(Clause { speaker: Some(sp), verb: false, end })
    }

    /// Is token `v` a reporting verb of a clause starting at `lo` (not a
    /// capitalised word inside it, not a noun after a determiner: "The
    /// thinking is")?
    fn reporting_verb_at(&self, v: usize, lo: usize) -> bool {
        let noun = v > lo && self.has(v - 1, DET) && !self.has(v - 1, CLITIC);
        self.has(v, VERB) && !(self.has(v, CAP) && v != lo) && !noun
    }

    /// The nearest reporting verb before `open` (within [`MAX_BEFORE`]) with
    /// a subject before it, an inverted subject after it, or a coordinated
    /// verb's subject.
    fn nearest_reporting_verb(&self, lo: usize, open: usize) -> Option<Clause> {
        let floor = lo.max(open.saturating_sub(MAX_BEFORE));
        let mut v = open;
        while v > floor {
            v -= 1;
            if !self.reporting_verb_at(v, lo) {
                continue;
            }
            if let Some(sp) = self.speaker_before(v, lo) {
                return Some(Clause { speaker: Some(sp), verb: true, end: v + 1 });
            }
            if let Some((sp, end)) = self.inverted_subject(v, open) {
                return Some(Clause { speaker: Some(sp), verb: true, end });
            }
            if let Some(sp) = self.coordinated_subject(v, lo) {
                return Some(Clause { speaker: Some(sp), verb: true, end: v + 1 });
            }
        }
        None
    }

    /// "X said A, and said B": the verb at `v`, coordinated with an earlier
    /// one, shares its subject (the first verb may lie before an earlier
    /// quotation of the sentence).
    fn coordinated_subject(&self, v: usize, lo: usize) -> Option<Mention> {
        let mut c = v;
        while c > lo && self.has(c - 1, AUX | ADV | NEG) {
            c -= 1;
        }
        if !(c > lo && self.has(c - 1, CONJ)) {
            return None;
        }
        let sent = self.sentence_of(v);
        let s_lo = self.a.sentence_tokens.get(sent).map_or(lo, |r| r.start);
        let mut u = c - 1;
        while u > s_lo.max(c.saturating_sub(MAX_BEFORE)) {
            u -= 1;
            if self.has(u, VERB) && !self.has(u, CAP) {
                if let Some(sp) = self.speaker_before(u, s_lo) {
                    return Some(sp);
                }
            }
        }
        None
    }

    fn source_frame_before(&self, lo: usize, open: usize) -> Option<Clause> {
        (lo..open).find_map(|i| {
            let frame = self.has(i, SOURCE | SOURCE_FIRST) || self.has(i, SOURCE_WEAK) && i == lo;
            let (sp, end) = if frame { self.source_frame(i, open)? } else { return None };
            Some(Clause { speaker: Some(sp), verb: false, end })
        })
    }

    fn verb_without_speaker(&self, lo: usize, open: usize) -> Option<Clause> {
        let floor = lo.max(open.saturating_sub(MAX_BEFORE));
        let verb_seen = (floor..open).any(|v| self.reporting_verb_at(v, lo));
        verb_seen.then_some(Clause { speaker: None, verb: true, end: open })
    }

    /// The subject of the main clause that runs from `s_lo` to `colon`:
    /// for a sentence ending in a colon that introduces a quotation without
    /// a reporting verb ("X defended the record: “…”", "Le ministre a
    /// défendu sa réforme : « … »"), and for a participle ("X declined to
    /// comment, saying …"). The subject is the first phrase of the clause
    /// (after any leading adverbial ending in a comma) that a lower-case
    /// word follows, when it can speak: a name, a personal pronoun or a role.
    pub fn clause_subject(&self, s_lo: usize, colon: usize) -> Option<Mention> {
        let floor = s_lo.max(colon.saturating_sub(MAX_BEFORE));
        let mut starts = vec![floor];
        starts.extend((floor..colon).filter(|&k| self.is_punct(k, ",")).map(|k| k + 1));
        for s in starts {
            let Some((sp, end)) = self.speaker_forward(s, colon) else { continue };
            let verb_follows = end < colon
                && self.has(end, WORD)
                && !self.has(end, CAP | PREP | DET | CONJ | COMP | REL | STOP | PRON);
            if !verb_follows {
                continue;
            }
            let can_speak =
                sp.is_name || sp.pron & (PRON_M | PRON_F | PRON_P) != 0 || (sp.tok..end).any(|k| self.has(k, ROLE));
            return can_speak.then_some(sp);
        }
        None
    }

    /// "selon X", "d'après X", "according to X", "pour X" (a role or a
    /// name only): the speaker and the token after it.
    pub fn source_frame(&self, i: usize, hi: usize) -> Option<(Mention, usize)> {
        let f = self.flags(i);
        let start = if f & SOURCE != 0 {
            i + 1
        } else if f & SOURCE_FIRST != 0 {
            i + self.source_frame_len(i)?
        } else if f & SOURCE_WEAK != 0 {
            i + 1
        } else {
            return None;
        };
        let (sp, end) = self.speaker_forward(start, hi)?;
        if f & SOURCE_WEAK != 0 {
            // "pour" is a source only for a person or a role.
            let person = sp.pron & (PRON_M | PRON_F | PRON_P) != 0
                || sp.entity.is_some()
                || (start..end).any(|k| self.has(k, ROLE))
                || self.entities.is_empty() && self.has(sp.tok, CAP) && sp.pron == 0;
            if !person || !self.is_punct(end, ",") {
                return None;
            }
        }
        Some((sp, end))
    }

    /// The length in tokens of the source frame of several words ("according
    /// to", "d'après") starting at `i`, if one does.
    fn source_frame_len(&self, i: usize) -> Option<usize> {
        let mut buf = String::new();
        let matches = |frame: &[&str]| {
            let mut buf = String::new();
            frame.iter().enumerate().all(|(k, w)| {
                normalize_word(self.text(i + k), &mut buf);
                buf == *w
            })
        };
        normalize_word(self.text(i), &mut buf);
        let frame = self.lex.source_frames.iter().filter(|fr| fr[0] == buf).find(|fr| matches(fr))?;
        Some(frame.len())
    }

    /// True when the verb at `v` is a passive participle ("a été dit",
    /// "was told"), looking back to `lo`.
    pub fn passive(&self, v: usize, lo: usize) -> bool {
        let mut j = v;
        while j > lo {
            j -= 1;
            if self.has(j, ADV | NEG) {
                continue;
            }
            if self.has(j, BE) {
                // "s'est exclamé" is active; "is saying" is not passive.
                let reflexive = j > lo && self.has(j - 1, REFL);
                let verb = self.text(v);
                let progressive = self.lex.progressive_endings.iter().any(|e| verb.ends_with(e));
                return !reflexive && !progressive;
            }
            return false;
        }
        false
    }

    /// A subject after the verb at `v`: "dit-il", "a écrit ainsi Marie
    /// Curie", "said the spokesman". Returns the speaker and the token
    /// after it.
    pub fn inverted_subject(&self, v: usize, hi: usize) -> Option<(Mention, usize)> {
        let k = v + 1;
        // "ajoutant que", "adding that": a participle has no inverted subject.
        if self.is_participle(v) {
            return None;
        }
        if k < hi && self.has(k, HYPHEN) && self.has(k + 1, PRON) {
            return self.pron(k + 1).map(|s| (s, k + 2));
        }
        let k = self.skip_inversion_complements(k, hi);
        let (sp, end) = self.speaker_forward(k, hi)?;
        // A pronoun after the verb is its object ("a dit lui"); only names
        // and noun phrases are inverted subjects.
        (sp.pron == 0).then_some((sp, end))
    }

    /// Complements between a verb and its subject, from token `k`: "a
    /// déclaré jeudi à l'AFP le ministre", "said on Tuesday the minister".
    /// Returns where the subject may start.
    fn skip_inversion_complements(&self, mut k: usize, hi: usize) -> usize {
        for _ in 0..MAX_INVERSION_COMPLEMENTS {
            if k >= hi || !self.has(k, STOP) || self.has(k, COMP | REL | CONJ | CAP) {
                break;
            }
            let mut j = k + 1;
            if self.has(j, DET) {
                j += 1;
            }
            if j < hi && self.has(j, WORD) && !self.has(j, STOP | VERB | DET) {
                // A preposition, its determiner and one word ("à l'AFP", "on Tuesday").
                j += 1;
            } else {
                j = k + 1; // a single time word ("jeudi", "hier")
            }
            if !(j < hi && (self.has(j, DET) || self.name_start(j, hi))) {
                if self.has(k + 1, STOP) && !self.has(k + 1, COMP | REL | CONJ) {
                    k += 1;
                    continue;
                }
                break;
            }
            k = j;
        }
        k
    }
}
