//! Speaker finding: reporting clauses, subjects, noun phrases and names
//! around a reporting verb, and linking speakers to entities.
//!
//! Everything works on token indices with per-token word-class flags
//! computed once ([`Ctx::new`]); every scan is bounded, so the cost is
//! linear in the text whatever its punctuation.

use super::lexicon::{class::*, lexicon, Lexicon};
use super::Analysis;
use crate::lang::{data, Lang};
use crate::model::{Entity, EntityLabel, Speaker};
use crate::span::Span;
use crate::text::{normalize_word, TokenKind};

/// Longest noun phrase looked at, in tokens.
const MAX_NP: usize = 10;
/// How far before a quotation a reporting verb is looked for, in tokens.
const MAX_BEFORE: usize = 40;

/// A speaker mention before linking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Sp {
    /// The mention.
    pub span: Span,
    /// Its pronoun class (PRON_M, …), 0 for names and noun phrases.
    pub pron: u32,
    /// The entity it was taken from, if any.
    pub entity: Option<u32>,
    /// Token index of the mention's first token.
    pub tok: usize,
    /// True when the mention is a name (not a pronoun or a noun phrase).
    pub is_name: bool,
}

/// A reporting clause found next to a quotation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Clause {
    /// Its speaker, if it has one.
    pub speaker: Option<Sp>,
    /// True when a reporting verb was found (not only "selon X").
    pub verb: bool,
    /// Token index after the clause.
    pub end: usize,
}

/// The quotation layer's view of a text: the analysis, the entities and
/// the word classes of every token.
pub(crate) struct Ctx<'a, 't> {
    pub a: &'a Analysis<'t>,
    entities: &'a [Entity],
    flags: Vec<u32>,
    lex: &'static Lexicon,
}

impl<'a, 't> Ctx<'a, 't> {
    pub fn new(a: &'a Analysis<'t>, entities: &'a [Entity]) -> Ctx<'a, 't> {
        let lex = lexicon(a.lang);
        let res = data::resources(a.lang);
        let mut buf = String::new();
        let flags = a
            .tokens
            .iter()
            .map(|t| {
                let raw = t.span.slice(a.text);
                let mut f = 0;
                match t.kind {
                    TokenKind::Word | TokenKind::Elision | TokenKind::Number => {
                        f |= WORD;
                        // Most words are plain lower-case ASCII: look them up as they are.
                        // An acronym ("WHO", "IT") is a name, not the function word it spells.
                        let acronym = raw.len() >= 2 && raw.bytes().all(|b| b.is_ascii_uppercase());
                        if raw.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                            f |= lex.classes(raw);
                        } else if !acronym {
                            normalize_word(raw, &mut buf);
                            f |= lex.classes(&buf);
                        }
                        // "al-Amr", "el-Sisi": a lower-case particle joined to a name.
                        let particle_name = raw
                            .split_once(['-', '\u{2011}'])
                            .is_some_and(|(p, n)| p.len() <= 3 && n.chars().next().is_some_and(char::is_uppercase));
                        if raw.chars().next().is_some_and(char::is_uppercase) || particle_name {
                            f |= CAP;
                            f |= lex.classes(raw) & ROLE;
                            if res.titles.contains(raw) {
                                f |= TITLE;
                            }
                        }
                    }
                    TokenKind::Punct => {
                        if raw.len() <= 5 && raw.starts_with(['-', '\u{2010}', '\u{2011}']) {
                            f |= HYPHEN;
                        }
                        f |= lex.classes(raw) & DASH;
                    }
                    TokenKind::Handle => f |= WORD | CAP,
                    _ => {}
                }
                f
            })
            .collect::<Vec<u32>>();
        // "the Hamas-run ministry": the tokenizer set the name apart, but
        // the compound is one modifier word of the noun phrase, and "run"
        // there is no verb.
        let res = crate::lang::data::resources(a.lang);
        let mut flags = flags;
        for k in 1..a.tokens.len().saturating_sub(1) {
            let glued = a.tokens[k - 1].span.end == a.tokens[k].span.start
                && a.tokens[k].span.end == a.tokens[k + 1].span.start;
            if glued && flags[k] & HYPHEN != 0 && res.name_compounds.contains(a.tokens[k + 1].span.slice(a.text)) {
                flags[k] = WORD;
                flags[k + 1] = WORD;
            }
        }
        Ctx { a, entities, flags, lex }
    }

    pub fn flags(&self, i: usize) -> u32 {
        self.flags.get(i).copied().unwrap_or(0)
    }

    pub fn has(&self, i: usize, mask: u32) -> bool {
        self.flags(i) & mask != 0
    }

    fn text(&self, i: usize) -> &'t str {
        self.a.tokens.get(i).map_or("", |t| t.span.slice(self.a.text))
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct) && self.text(i) == p
    }

    pub fn is_elision(&self, i: usize) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Elision)
    }

    /// Sentence-final punctuation: . ! ? …
    pub fn is_terminal(&self, i: usize) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
            && self.text(i).starts_with(['.', '!', '?', '…'])
    }

    pub fn is_open_mark(&self, i: usize) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
            && matches!(self.text(i), "«" | "“" | "„" | "‹" | "‘")
    }

    pub fn is_close_mark(&self, i: usize) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct)
            && matches!(self.text(i), "»" | "”" | "\"" | "’" | "›" | ")")
    }

    fn pron(&self, i: usize) -> Option<Sp> {
        let p = self.flags(i) & PRON;
        (p != 0).then(|| Sp { span: self.a.tokens[i].span, pron: p, entity: None, tok: i, is_name: false })
    }

    fn span(&self, from: usize, to_incl: usize) -> Span {
        Span::new(self.a.tokens[from].span.start, self.a.tokens[to_incl].span.end)
    }

    /// The entity (PER or ORG) covering token `i`.
    fn entity_at(&self, i: usize) -> Option<&'a Entity> {
        let pos = self.a.tokens.get(i)?.span;
        let k = self.entities.partition_point(|e| e.span.end <= pos.start);
        self.entities[k..]
            .iter()
            .take_while(|e| e.span.start < pos.end)
            .find(|e| e.span.overlaps(pos) && matches!(e.label, EntityLabel::Per | EntityLabel::Org))
    }

    // -----------------------------------------------------------------
    // Clauses around a quotation.

    /// The reporting clause right after a quotation, starting at token
    /// `from` (after the closing mark): "…», a-t-il dit", "…», a écrit
    /// ainsi X", "…,” Smith said", "…», selon X".
    pub fn after_clause(&self, from: usize, hi: usize) -> Option<Clause> {
        let mut p = from;
        let mut skipped = 0;
        let mut dash = false;
        while p < hi && skipped < 2 && (self.is_punct(p, ",") || self.has(p, DASH)) {
            dash |= self.has(p, DASH);
            p += 1;
            skipped += 1;
        }
        if p >= hi {
            return None;
        }
        // "“…” — Matthew Ingram": a dash and a name closing the sentence.
        if dash && self.name_start(p, hi) {
            let (sp, end) = self.name_forward(p, hi);
            if end >= hi || self.is_terminal(end) || self.is_punct(end, ",") || self.has(end, PREP) {
                return Some(Clause { speaker: Some(sp), verb: false, end });
            }
        }
        // Verb first: "a-t-il ajouté", "dit-elle", "a écrit X", "said Smith".
        let mut q = p;
        let mut inverted: Option<Sp> = None;
        while q < hi && q < p + 5 && !self.has(q, VERB) {
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
        if q < hi && self.has(q, VERB) && !self.has(q, CAP) {
            if let Some(sp) = inverted {
                return Some(Clause { speaker: Some(sp), verb: true, end: q + 1 });
            }
            let (speaker, end) = match self.inverted_subject(q, hi) {
                Some((sp, end)) => (Some(sp), end),
                None => (None, q + 1),
            };
            return Some(Clause { speaker, verb: true, end });
        }
        // Source frame: "…», selon X."
        if self.has(p, SOURCE | SOURCE_FIRST) {
            if let Some((sp, end)) = self.source_frame(p, hi) {
                return Some(Clause { speaker: Some(sp), verb: false, end });
            }
        }
        // Subject first: "Smith said", "he said", "the minister told …",
        // "forecasters said".
        let (sp, mut e) = self.np_forward(p, hi).or_else(|| self.role_name(p, hi)).or_else(|| self.bare_np(p, hi))?;
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
        while q < hi && q < e + 4 && self.has(q, AUX | ADV | NEG | CLITIC) && !self.has(q, VERB) {
            q += 1;
        }
        if q < hi && self.has(q, VERB) && !self.has(q, BE) && !self.passive(q, e) {
            return Some(Clause { speaker: Some(sp), verb: true, end: q + 1 });
        }
        None
    }

    /// The attribution before a quotation (tokens `lo..open`): "X a
    /// déclaré : «", "selon X, «", "Name: “", "X said that “".
    pub fn before_clause(&self, lo: usize, open: usize) -> Option<Clause> {
        if open <= lo {
            return None;
        }
        // "Name : « … »" (a name or short noun phrase, nothing else).
        if self.is_punct(open - 1, ":") && open - 1 > lo {
            let mut start = lo;
            while start < open - 1 && !self.has(start, WORD) {
                start += 1;
            }
            if let Some((sp, end)) = self.np_forward(start, open - 1) {
                // "Name : «", or "Name, title, affiliation : «" (no verb).
                let apposed = sp.is_name && self.is_punct(end, ",") && !(end..open - 1).any(|k| self.has(k, VERB));
                // A phrase that is not a name must be headed by a role ("Le
                // porte-parole du ministère :"), not be a whole clause whose verb
                // the lexicon does not know ("La banderole portait ces mots :").
                let speaker_like = sp.is_name || (sp.tok..end).any(|k| self.has(k, ROLE));
                if (end == open - 1 || apposed) && sp.pron == 0 && speaker_like {
                    return Some(Clause { speaker: Some(sp), verb: false, end });
                }
            }
        }
        // The nearest reporting verb with a subject.
        let floor = lo.max(open.saturating_sub(MAX_BEFORE));
        let mut verb_seen = false;
        let mut v = open;
        while v > floor {
            v -= 1;
            if !self.has(v, VERB)
                || self.has(v, CAP) && v != lo
                || v > lo && self.has(v - 1, DET) && !self.has(v - 1, CLITIC)
            {
                continue;
            }
            verb_seen = true;
            if let Some(sp) = self.subject_before(v, lo) {
                return Some(Clause { speaker: Some(sp), verb: true, end: v + 1 });
            }
            if let Some((sp, end)) = self.inverted_subject(v, open) {
                return Some(Clause { speaker: Some(sp), verb: true, end });
            }
            // "X said A, and said B": the coordinated verb shares X.
            let mut c = v;
            while c > lo && self.has(c - 1, AUX | ADV | NEG) {
                c -= 1;
            }
            if c > lo && self.has(c - 1, CONJ) {
                // The first verb may lie before an earlier quotation of the sentence.
                let sent = self.a.sentence_at(self.a.tokens[v].span.start).unwrap_or(0);
                let s_lo = self.a.sentence_tokens.get(sent).map_or(lo, |r| r.start);
                let mut u = c - 1;
                while u > s_lo.max(c.saturating_sub(MAX_BEFORE)) {
                    u -= 1;
                    if self.has(u, VERB) && !self.has(u, CAP) {
                        if let Some(sp) = self.subject_before(u, s_lo) {
                            return Some(Clause { speaker: Some(sp), verb: true, end: v + 1 });
                        }
                    }
                }
            }
        }
        // "Selon X, « … »", "Pour le ministre, « … »".
        for i in lo..open {
            if self.has(i, SOURCE | SOURCE_FIRST) || self.has(i, SOURCE_WEAK) && i == lo {
                if let Some((sp, end)) = self.source_frame(i, open) {
                    return Some(Clause { speaker: Some(sp), verb: false, end });
                }
            }
        }
        verb_seen.then_some(Clause { speaker: None, verb: true, end: open })
    }

    /// The subject of the main clause that runs from `s_lo` to `colon`:
    /// for a sentence ending in a colon that introduces a quotation without
    /// a reporting verb ("X defended the record: “…”", "Le ministre a
    /// défendu sa réforme : « … »"), and for a participle ("X declined to
    /// comment, saying …"). The subject is the first phrase of the clause
    /// (after any leading adverbial ending in a comma) that a lower-case
    /// word follows, when it can speak: a name, a personal pronoun or a role.
    pub fn clause_subject(&self, s_lo: usize, colon: usize) -> Option<Sp> {
        let floor = s_lo.max(colon.saturating_sub(MAX_BEFORE));
        let mut starts = vec![floor];
        starts.extend((floor..colon).filter(|&k| self.is_punct(k, ",")).map(|k| k + 1));
        for s in starts {
            let Some((sp, end)) = self.np_forward(s, colon) else { continue };
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
    pub fn source_frame(&self, i: usize, hi: usize) -> Option<(Sp, usize)> {
        let f = self.flags(i);
        let start = if f & SOURCE != 0 {
            i + 1
        } else if f & SOURCE_FIRST != 0 {
            let mut buf = String::new();
            let matches = |frame: &[&str]| {
                let mut buf = String::new();
                frame.iter().enumerate().all(|(k, w)| {
                    normalize_word(self.text(i + k), &mut buf);
                    buf == *w
                })
            };
            normalize_word(self.text(i), &mut buf);
            let frame = self.lex.sources2.iter().filter(|fr| fr[0] == buf).find(|fr| matches(fr))?;
            i + frame.len()
        } else if f & SOURCE_WEAK != 0 {
            i + 1
        } else {
            return None;
        };
        let (sp, end) = self.np_forward(start, hi)?;
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

    /// True when the verb at `v` is a passive participle ("a été dit",
    /// "was told"), looking back to `lo`.
    fn passive(&self, v: usize, lo: usize) -> bool {
        let mut j = v;
        while j > lo {
            j -= 1;
            if self.has(j, ADV | NEG) {
                continue;
            }
            if self.has(j, BE) {
                // "s'est exclamé" is active; "is saying" is not passive.
                let reflexive = j > lo && self.has(j - 1, REFL);
                let progressive = self.text(v).ends_with("ing");
                return !reflexive && !progressive;
            }
            return false;
        }
        false
    }

    /// The subject before the reporting verb at `v` (not before `lo`).
    pub fn subject_before(&self, v: usize, lo: usize) -> Option<Sp> {
        if self.passive(v, lo) {
            return None;
        }
        // "X would not describe the failure, saying …": a participle after a
        // comma shares the main clause's subject, not the phrase before it.
        if v > lo && self.is_punct(v - 1, ",") && self.is_participle(v) {
            return self.clause_subject(lo, v - 1);
        }
        let mut j = v;
        let mut steps = 0;
        loop {
            if j <= lo || steps > 6 {
                return None;
            }
            j -= 1;
            steps += 1;
            let f = self.flags(j);
            if f & PRON != 0 && j > lo && self.has(j - 1, HYPHEN) {
                return self.pron(j); // "a-t-il dit"
            }
            if f & PRON != 0 && f & CLITIC != 0 && j > lo && !self.has(j - 1, WORD) {
                return self.pron(j); // "« … » Lui a dit" is rare; a clause-initial "lui" is a subject
            }
            if f & (AUX | ADV | NEG | REFL) != 0 && f & CAP == 0
                || f & CLITIC != 0 && self.has(j + 1, AUX | VERB | CLITIC | REFL)
                || f & HYPHEN != 0
            {
                continue;
            }
            if f & AUX != 0 && f & CAP != 0 && f & PRON == 0 {
                continue; // sentence-initial auxiliary in a question: rare
            }
            break;
        }
        let f = self.flags(j);
        if f & PRON != 0 {
            return self.pron(j);
        }
        if f & REL != 0 {
            // "X, qui a déclaré": the antecedent.
            let mut k = j;
            if k > lo && self.is_punct(k - 1, ",") {
                k -= 1;
            }
            return if k > lo { self.np_backward(k - 1, lo) } else { None };
        }
        if self.is_punct(j, ",") {
            // Apposition: "X, porte-parole du ministère, a déclaré", "Cynthia
            // Thompson, curator at the University of Arkansas, Fayetteville,
            // said": the subject is the first comma-separated segment after
            // the clause boundary.
            return self.segment_subject(j, lo);
        }
        let sp = self.np_backward(j, lo)?;
        // "Un expert interrogé par l'AFP juge …", "a researcher quoted by the
        // BBC said …": the agent of a participle that modifies the subject
        // is not the speaker; the noun phrase before the participle is.
        let mut by = sp.tok;
        while by > lo && (self.is_elision(by - 1) || self.has(by - 1, DET)) {
            by -= 1;
        }
        let past_participle = |k: usize| {
            let t = self.text(k);
            self.has(k, WORD) && !self.has(k, CAP) && ["é", "ée", "és", "ées", "ed"].iter().any(|e| t.ends_with(e))
        };
        if by >= lo + 3 && matches!(self.text(by - 1), "par" | "by") && past_participle(by - 2) {
            if let Some(outer) = self.np_backward(by - 3, lo) {
                return Some(outer);
            }
        }
        Some(sp)
    }

    /// The subject of a verb preceded by a comma at `j`: walks back over
    /// comma-separated segments (at most 30 tokens) to a clause boundary and
    /// takes the first segment that is a speaker phrase.
    fn segment_subject(&self, j: usize, lo: usize) -> Option<Sp> {
        let mut starts = Vec::new();
        let mut k = j;
        while k > lo && j - k < 30 {
            k -= 1;
            if self.is_punct(k, ",") {
                starts.push(k + 1);
                continue;
            }
            let f = self.flags(k);
            let boundary =
                !self.has(k, WORD) && !self.is_apostrophe_s(k) || f & (VERB | COMP | REL) != 0 && f & (CAP | PREP) == 0;
            if boundary {
                starts.push(k + 1);
                break;
            }
            if k == lo {
                starts.push(k);
            }
        }
        let mut found: Option<Sp> = None;
        for &s in starts.iter().rev() {
            if s >= j || self.has(s, STOP | PREP) && !self.has(s, CAP) {
                continue;
            }
            let end = (s..j).find(|&x| self.is_punct(x, ",")).unwrap_or(j);
            if let Some((sp, e)) = self.np_forward(s, end) {
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

    /// A subject after the verb at `v`: "dit-il", "a écrit ainsi Marie
    /// Curie", "said the spokesman". Returns the speaker and the token
    /// after it.
    /// "adding", "ajoutant": a present participle.
    pub fn is_participle(&self, v: usize) -> bool {
        let verb = self.text(v);
        self.lex.participle_endings.iter().any(|e| verb.len() > e.len() + 2 && verb.ends_with(e))
    }

    pub fn inverted_subject(&self, v: usize, hi: usize) -> Option<(Sp, usize)> {
        let k = v + 1;
        // "ajoutant que", "adding that": a participle has no inverted subject.
        if self.is_participle(v) {
            return None;
        }
        if k < hi && self.has(k, HYPHEN) && self.has(k + 1, PRON) {
            return self.pron(k + 1).map(|s| (s, k + 2));
        }
        // Complements between the verb and its subject: "a déclaré jeudi à
        // l'AFP le ministre", "said on Tuesday the minister".
        let mut k = k;
        for _ in 0..3 {
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
        let (sp, end) = self.np_forward(k, hi)?;
        // A pronoun after the verb is its object ("a dit lui"); only names
        // and noun phrases are inverted subjects.
        (sp.pron == 0).then_some((sp, end))
    }

    // -----------------------------------------------------------------
    // Noun phrases.

    /// A speaker noun phrase starting at `i` (adverbs skipped): a pronoun,
    /// a name, or a determiner noun phrase ("le porte-parole du Kremlin",
    /// "the company's spokesman"). Returns the speaker span (the name only
    /// when the phrase names the speaker) and the token after the phrase.
    pub fn np_forward(&self, mut i: usize, hi: usize) -> Option<(Sp, usize)> {
        let mut skipped = 0;
        while i < hi && skipped < 3 && self.has(i, ADV) && !self.has(i, CAP | DET) {
            i += 1;
            skipped += 1;
        }
        if i >= hi {
            return None;
        }
        let f = self.flags(i);
        if f & PRON != 0 && f & DET == 0 {
            return self.pron(i).map(|s| (s, i + 1));
        }
        if f & WORD == 0 {
            return None;
        }
        // Titles before a name: "M. Dupont", "Dr Smith".
        let mut n = i;
        while n < hi && self.has(n, TITLE) {
            n += 1;
        }
        let det = f & DET != 0 && (f & CAP == 0 || !self.name_start(i + 1, hi));
        if !det && n < hi && self.name_start(n, hi) {
            let (name, end) = self.name_forward(n, hi);
            // "the company's chief Jane Doe": a possessor is not the speaker.
            if self.text(end) == "'s" || self.text(end) == "’s" {
                return self.np_tail(i, end + 1, hi);
            }
            // "American officials", "Acme spokesman Jo Bloggs": a name
            // modifying common nouns; the speaker is the phrase, or the name
            // apposed after it.
            if self.is_modifier_at(end, hi) {
                let mut j = end;
                while j < hi && j < end + MAX_NP && self.is_modifier_at(j, hi) {
                    j += 1;
                }
                if self.name_start(j, hi) {
                    return Some(self.name_forward(j, hi));
                }
                // "Yonhap news agency": an organisation named before a
                // singular head is the speaker; "Acme engineers" are not Acme.
                let org = self.entity_at(n).is_some_and(|e| e.label == EntityLabel::Org);
                if org && !self.text(j - 1).ends_with('s') {
                    return Some((name, j));
                }
                let sp = Sp { span: self.span(i, j - 1), pron: 0, entity: None, tok: i, is_name: false };
                return Some((sp, j));
            }
            return Some((name, end));
        }
        if det || f & ROLE != 0 {
            return self.np_tail(i, if det { i + 1 } else { i }, hi);
        }
        None
    }

    /// A name after one to three lower-case role words without determiner
    /// ("team member Rodaba Noori told"): the name.
    fn role_name(&self, i: usize, hi: usize) -> Option<(Sp, usize)> {
        let mut j = i;
        while j < hi && j < i + 3 && self.has(j, WORD) && self.flags(j) & !(WORD | ROLE) == 0 {
            j += 1;
        }
        (j > i && self.name_start(j, hi)).then(|| self.name_forward(j, hi))
    }

    /// A noun phrase without determiner, one to three plain lower-case
    /// words ("forecasters", "local officials"), when a verb follows.
    fn bare_np(&self, i: usize, hi: usize) -> Option<(Sp, usize)> {
        let mut j = i;
        while j < hi && j < i + 3 && self.flags(j) & !(WORD | ROLE) == 0 && self.has(j, WORD) {
            j += 1;
        }
        (j > i && self.has(j, VERB | AUX))
            .then(|| (Sp { span: self.span(i, j - 1), pron: 0, entity: None, tok: i, is_name: false }, j))
    }

    /// The rest of a noun phrase that started at `start` (its determiner),
    /// its words beginning at `from`.
    fn np_tail(&self, start: usize, from: usize, hi: usize) -> Option<(Sp, usize)> {
        let mut j = from;
        let mut last_word = None;
        while j < hi && j < from + MAX_NP {
            let f = self.flags(j);
            let word = f & WORD != 0 || self.text(j) == "'s" || self.text(j) == "’s";
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
        head_ok.then(|| (Sp { span: self.span(start, last), pron: 0, entity: None, tok: start, is_name: false }, end))
    }

    /// The noun phrase ending at token `j` (going back, not before `lo`).
    fn np_backward(&self, j: usize, lo: usize) -> Option<Sp> {
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
        // Walk back to the determiner that opens the phrase. A participle or
        // adjective with its complement stays in the phrase ("two officials
        // briefed on the talks", "a person close to the family", "un expert
        // interrogé par l'AFP"): the noun it modifies is the speaker.
        let mut k = j;
        let mut start = None;
        let mut modifiers = 0;
        while k >= lo && j - k < MAX_NP + 4 * modifiers.min(1) {
            let fk = self.flags(k);
            let word = fk & WORD != 0 || self.text(k) == "'s" || self.text(k) == "’s";
            if !word {
                break;
            }
            let link = k < j && self.modifier_link(k, lo);
            modifiers += usize::from(link);
            // "'s" inside a phrase is a possessive, not "is".
            let stop = fk & (STOP | VERB | COMP | REL | AUX) != 0 && fk & (PREP | DET | CAP) == 0;
            if stop && k != j && !self.is_apostrophe_s(k) && !link {
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
        let mut start = start?;
        // Never start on a preposition ("du Kremlin" alone is not a phrase)
        // or a sentence-initial conjunction ("But most experts").
        while start < j && (self.has(start, PREP) && !self.has(start, DET) || self.has(start, CONJ)) {
            start += 1;
        }
        if let Some(name) = self.name_inside(start, j + 1) {
            return Some(name);
        }
        let has_det = self.has(start, DET) && !self.has(start, PREP) || self.has(start, DET) && start == lo;
        let role = (start..=j).any(|i| self.has(i, ROLE) || self.is_apostrophe_s(i));
        (has_det || role).then(|| Sp { span: self.span(start, j), pron: 0, entity: None, tok: start, is_name: false })
    }

    /// Is token `k` part of a modifier with a complement inside a noun
    /// phrase: the participle or adjective ("briefed", "close", "interrogé")
    /// right before its preposition, or that preposition right after it,
    /// with a plain word (the modified noun) before the modifier?
    fn modifier_link(&self, k: usize, lo: usize) -> bool {
        let modifier = |m: usize| {
            let t = self.text(m);
            self.has(m, WORD)
                && !self.has(m, CAP | DET | PREP | STOP)
                && (self.has(m, MOD_ADJ) || ["é", "ée", "és", "ées", "ed"].iter().any(|e| t.ends_with(e)))
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
    fn name_inside(&self, start: usize, end: usize) -> Option<Sp> {
        let mut best = None;
        let mut k = start;
        while k < end {
            let after_prep = k > start && self.has(k - 1, PREP) && !self.is_apostrophe_s(k - 1)
                || k > start + 1 && self.has(k - 1, DET) && self.has(k - 2, PREP);
            if self.name_start(k, end) {
                let (name, e) = self.name_forward(k, end);
                let possessor = self.is_apostrophe_s(e);
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
    /// lexicon does not know: "X defended") are not.
    fn is_modifier_at(&self, i: usize, hi: usize) -> bool {
        const FUNCTION: u32 = VERB | AUX | ADV | NEG | CLITIC | DET | PRON | SOURCE | SOURCE_WEAK | SOURCE_FIRST | COMP;
        const MORE: u32 = PREP | PARTICLE | STOP | CAP | HYPHEN | BE | REFL | REL | CONJ | DASH | TITLE;
        if self.a.lang != Lang::En || i >= hi || !self.has(i, WORD) || self.flags(i) & (FUNCTION | MORE) != 0 {
            return false;
        }
        let word = self.text(i);
        !self.is_apostrophe_s(i) && !word.ends_with("ed") && !word.ends_with("ly")
    }

    fn is_apostrophe_s(&self, i: usize) -> bool {
        matches!(self.text(i), "'s" | "’s")
    }

    /// Does a name start at `i`: an entity, or a capitalised word that is
    /// not a function word?
    fn name_start(&self, i: usize, hi: usize) -> bool {
        if i >= hi {
            return false;
        }
        // The entity layer decides where it has an opinion: a person or an
        // organisation starting here is a name, a place, date or work is not;
        // elsewhere (names it missed) capitalisation decides.
        let pos = self.a.tokens[i].span;
        let k = self.entities.partition_point(|e| e.span.end <= pos.start);
        if let Some(e) = self.entities[k..].iter().take_while(|e| e.span.start < pos.end).find(|e| e.span.overlaps(pos))
        {
            return matches!(e.label, EntityLabel::Per | EntityLabel::Org) && e.span.start >= pos.start;
        }
        let f = self.flags(i);
        // A capitalised role alone ("CEO of …") heads a noun phrase, it is not a name.
        let lone_role = f & ROLE != 0 && !(i + 1 < hi && self.has(i + 1, CAP) && self.has(i + 1, WORD));
        f & CAP != 0
            && !lone_role
            && f & (DET | PREP | PRON | STOP | AUX | COMP | TITLE | SOURCE | SOURCE_FIRST | ADV) == 0
    }

    /// The name starting at `i`: the entity there, else the run of
    /// capitalised words (with particles: "Charles de Gaulle").
    fn name_forward(&self, i: usize, hi: usize) -> (Sp, usize) {
        if let Some(e) = self.entity_at(i) {
            let mut j = i;
            while j < hi && self.a.tokens[j].span.end <= e.span.end {
                j += 1;
            }
            let mut span = Span::new(self.a.tokens[i].span.start.max(e.span.start), e.span.end);
            // A double-barrelled name joined by a dash that the entity layer
            // cut in two ("Schreiber–Di Cesare"): one speaker.
            if e.label == EntityLabel::Per && j + 1 < hi && self.has(j, DASH | HYPHEN) {
                let tight = self.a.tokens[j].span.start == span.end
                    && self.a.tokens[j + 1].span.start == self.a.tokens[j].span.end;
                if let Some(next) = self.entity_at(j + 1).filter(|n| tight && n.label == EntityLabel::Per) {
                    span = Span::new(span.start, next.span.end);
                    j += 1;
                    while j < hi && self.a.tokens[j].span.end <= next.span.end {
                        j += 1;
                    }
                }
            }
            return (Sp { span, pron: 0, entity: Some(e.entity_id), tok: i, is_name: true }, j.max(i + 1));
        }
        let mut j = i + 1;
        let tight = |a: usize, b: usize| self.a.tokens[a].span.end == self.a.tokens[b].span.start;
        while j < hi && j < i + 6 {
            if self.entity_at(j).is_some_and(|e| e.label == EntityLabel::Per) {
                // "Senator Jane Roe": capitalised titles before the name are
                // not part of it; "C. Jane Roe": an initial is.
                if (i..j).all(|k| self.has(k, ROLE | TITLE)) {
                    return self.name_forward(j, hi);
                }
                if (i..j).all(|k| self.is_initial(k)) {
                    let (name, end) = self.name_forward(j, hi);
                    let span = Span::new(self.a.tokens[i].span.start, name.span.end);
                    return (Sp { span, tok: i, ..name }, end);
                }
            }
            if !self.entities.is_empty() && self.entity_at(j).is_some() {
                break; // a name the entity layer found starts here: "l'Économie Bruno Le Maire"
            }
            if self.has(j, CAP) && self.has(j, WORD) && !self.has(j, DET | PREP | AUX | STOP | COMP) {
                j += 1;
            } else if j + 1 < hi
                && self.has(j, DASH | HYPHEN)
                && self.has(j + 1, CAP)
                && tight(j - 1, j)
                && tight(j, j + 1)
            {
                j += 2; // "Schreiber–Di Cesare"
            } else if self.has(j, PARTICLE) && self.has(j + 1, CAP) && j + 1 < hi && !self.has(j + 1, DET) {
                j += 2;
            } else {
                break;
            }
        }
        // "Shadow Home Secretary Yvette Cooper": capitalised titles are not
        // part of the name.
        let first = (i..j - 1).rev().find(|&k| self.has(k, ROLE)).map_or(i, |r| r + 1);
        (Sp { span: self.span(first, j - 1), pron: 0, entity: None, tok: first, is_name: true }, j)
    }

    /// "C.", "J.-P.": an initial.
    fn is_initial(&self, i: usize) -> bool {
        let t = self.text(i);
        t.ends_with('.') && t.chars().filter(|c| c.is_alphabetic()).count() <= 2 && self.has(i, CAP)
    }

    // -----------------------------------------------------------------
    // Linking.

    /// The contract's speaker: the mention and the entity it resolves to.
    /// A pronoun resolves to `salient` (the last quoted person, if recent)
    /// or to the nearest person named before it.
    pub fn link(&self, sp: Sp, salient: Option<u32>) -> Speaker {
        let entity_id = if let Some(id) = sp.entity {
            Some(id)
        } else if sp.pron & (PRON_M | PRON_F) != 0 {
            salient.or_else(|| self.nearest_person(sp.span.start))
        } else if sp.pron == 0 && sp.is_name {
            self.entity_in(sp.span).map(|e| e.entity_id)
        } else if sp.pron == 0 {
            // A noun phrase resolves only to an entity that is the whole
            // phrase: "Obama administration officials" are not Obama.
            self.entity_in(sp.span).filter(|e| e.span == sp.span).map(|e| e.entity_id)
        } else {
            None
        };
        // A lone capitalised word opening the sentence that the entity layer
        // did not take ("Reports said") may be a common noun: not a name.
        let lone_initial = entity_id.is_none() && self.a.tokens[sp.tok].span.end == sp.span.end && {
            let sent = self.a.sentence_at(sp.span.start).unwrap_or(0);
            let first = self.a.sentence_tokens.get(sent).map_or(0, |r| r.start);
            (first..sp.tok).all(|k| !self.has(k, WORD))
        };
        Speaker { span: sp.span, entity_id, is_name: sp.is_name && sp.pron == 0 && !lone_initial }
    }

    /// The first PER/ORG entity inside `span`, when it starts the span.
    fn entity_in(&self, span: Span) -> Option<&'a Entity> {
        let k = self.entities.partition_point(|e| e.span.end <= span.start);
        self.entities[k..]
            .iter()
            .take_while(|e| e.span.start < span.end)
            .find(|e| span.contains(e.span) && matches!(e.label, EntityLabel::Per | EntityLabel::Org))
            .filter(|e| e.span.start == span.start)
    }

    /// The first person named in the nearest sentence (up to three back)
    /// before `pos` that names one.
    fn nearest_person(&self, pos: usize) -> Option<u32> {
        let s = self.a.sentence_at(pos)?;
        for back in 0..=3 {
            let Some(si) = s.checked_sub(back) else { break };
            let sent = self.a.sentences[si];
            let end = if back == 0 { pos } else { sent.end };
            let k = self.entities.partition_point(|e| e.span.end <= sent.start);
            let hit = self.entities[k..]
                .iter()
                .take_while(|e| e.span.start < end)
                .take(256)
                .find(|e| e.label == EntityLabel::Per && e.span.end <= end);
            if let Some(e) = hit {
                return Some(e.entity_id);
            }
        }
        None
    }
}
