//! Speaker choice as a ranking: every candidate finder proposes mentions
//! (the attribution steps of `attribution.rs`, run each on its own, and the
//! extra generators below), each candidate gets binary features (which
//! finders proposed it, its form, where it stands), and a linear model
//! (`data/models/speaker-ranker.tsv`, learned by `scripts/train-speakers.sh`
//! from the real-news development part) scores them. The best candidate
//! speaks when it scores above the model's `NONE` weight, or when it is
//! the first-match chain's choice and none scores higher; else the
//! quotation has no speaker.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::attribution::Site;
use super::context::{Context, Mention};
use super::lexicon::class::*;
use super::windows::{MAX_BEFORE, MAX_NAME_TOKENS, MAX_POSTPOSED_VERB};
use super::EntityLabel;
use crate::detect::mentions::{self, Kind, Role};

/// The weights, compiled in: `feature<TAB>weight` lines, `#` comments.
const MODEL: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/models/speaker-ranker.tsv"));

/// The feature whose weight is the score a candidate must beat to speak.
pub const NONE: &str = "NONE";

/// Weights in thousandths, read without float parsing: `str::parse::<f32>`
/// would link the float parser (several KB of the wasm) for a file whose
/// weights all have three decimals.
fn weights() -> &'static HashMap<&'static str, i32> {
    static W: OnceLock<HashMap<&'static str, i32>> = OnceLock::new();
    W.get_or_init(|| {
        MODEL
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let (k, v) = l.split_once('\t')?;
                Some((k, thousandths(v.trim())?))
            })
            .collect()
    })
}

/// "-0.052" → -52, "2.5" → 2500: a decimal with at most three decimals, in
/// thousandths; `None` for anything else.
fn thousandths(s: &str) -> Option<i32> {
    let (neg, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || frac.len() > 3 || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    let whole: i32 = int.parse().ok()?;
    let part: i32 = format!("{frac:0<3}").parse().ok()?;
    let value = whole.checked_mul(1000)?.checked_add(part)?;
    Some(if neg { -value } else { value })
}

/// A speaker candidate: one mention and the finders that proposed it.
#[derive(Clone, Debug)]
pub(crate) struct Candidate {
    pub mention: Mention,
    /// The names of the finders that proposed it, in the order they ran.
    pub finders: Vec<&'static str>,
}

/// The candidates of one pair, merged by span.
#[derive(Default, Debug)]
pub(crate) struct Candidates(pub Vec<Candidate>);

impl Candidates {
    pub fn add(&mut self, finder: &'static str, mention: Option<Mention>) {
        let Some(m) = mention else { return };
        match self.0.iter_mut().find(|c| c.mention.span == m.span) {
            Some(c) if !c.finders.contains(&finder) => c.finders.push(finder),
            Some(_) => {}
            None => self.0.push(Candidate { mention: m, finders: vec![finder] }),
        }
    }
}

type Generator = fn(&Context, &Site) -> Option<Mention>;

/// The candidate finders beyond the attribution steps: forms of real news
/// the steps leave without a speaker. Each is a feature, not a decision.
pub(super) const GENERATORS: [(&str, Generator); 5] = [
    // "Pour Erdogan, il s'agit d'« … » et d'« … »": a source frame opening
    // the sentence, read across an earlier quotation of it.
    ("sentence_source_frame", |cx, s| {
        let s_lo = cx.a.sentence_tokens[s.first_sentence].start;
        cx.before_clause(s_lo, s.pair.open).and_then(|c| c.speaker)
    }),
    // "Christophe Castaner « invite … »", "L'association A4E prévoit « … »",
    // "he has called the vote an “…”": the subject of the quotation's
    // sentence, whatever its verb.
    ("sentence_subject", |cx, s| cx.sentence_subject(s)),
    // "« … » a salué pour sa part le Premier ministre Manuel Valls": the
    // first name after a reporting verb that follows the quotation.
    ("postposed_name", |cx, s| cx.postposed_name(s)),
    // A quotation sentence after "Hamon lui a rendu hommage …": the subject
    // of the sentence before, in the same paragraph.
    ("previous_sentence_subject", |cx, s| cx.previous_sentence_subject(s)),
    // "le président de la Catalogne Carles Puigdemont": the name inside a
    // phrase another finder proposed (added by `generate`).
    ("inner_name", |_, _| None),
];

impl Context<'_, '_> {
    /// The subject of the sentence of the quotation (from its start, or
    /// after a leading adverbial ending in a comma), when it can speak and
    /// stands before the opening mark.
    fn sentence_subject(&self, s: &Site) -> Option<Mention> {
        let s_lo = self.after_dateline(self.a.sentence_tokens[s.first_sentence].start, s.pair.open);
        let open = s.pair.open;
        let floor = s_lo.max(open.saturating_sub(MAX_BEFORE));
        let mut starts = vec![floor];
        starts.extend((floor..open).filter(|&k| self.is_punct(k, ",")).map(|k| k + 1));
        for st in starts {
            let Some((sp, end)) = self.speaker_forward(st, open) else { continue };
            let verb_or_quote = end == open
                || end < open && self.has(end, WORD) && !self.has(end, CAP | PREP | DET | CONJ | COMP | STOP);
            let inside_quote = (st..sp.tok).any(|k| self.is_open_mark(k));
            if !verb_or_quote || inside_quote {
                continue;
            }
            let org = self.entity_at(sp.tok).is_some_and(|e| e.label == EntityLabel::Org);
            let can_speak = sp.is_name
                || org
                || sp.pron & (PRON_M | PRON_F | PRON_P) != 0
                || (sp.tok..end).any(|k| self.has(k, ROLE));
            return can_speak.then_some(sp);
        }
        None
    }

    fn postposed_name(&self, s: &Site) -> Option<Mention> {
        let from = s.pair.close + 1;
        let v = (from..s.hi.min(from + MAX_POSTPOSED_VERB)).find(|&k| self.has(k, VERB) && !self.has(k, CAP))?;
        let end = s.hi.min(v + 1 + MAX_NAME_TOKENS);
        let n = (v + 1..end).take_while(|&k| !self.is_punct(k, ",")).find(|&k| self.name_start(k, s.hi))?;
        Some(self.name_forward(n, s.hi).0)
    }

    fn previous_sentence_subject(&self, s: &Site) -> Option<Mention> {
        if s.words_outside || s.first_sentence == 0 {
            return None;
        }
        let prev = self.a.sentence_tokens[s.first_sentence - 1].clone();
        if prev.start >= prev.end || self.paragraph_of(prev.start) != self.paragraph_of(s.pair.open) {
            return None;
        }
        let lo = self.after_dateline(prev.start, prev.end);
        self.clause_subject(lo, prev.end.saturating_sub(1))
    }

    /// Runs the extra generators on a site. The sentence's subject is only
    /// sought where the attribution steps have no say: no colon before the
    /// quotation (`colon_subject`'s), no reporting verb before it
    /// (`nearest_reporting_verb`'s), no source frame opening the sentence.
    pub(super) fn generate(&self, s: &Site, verb_before: bool, cands: &mut Candidates) {
        let mut framed = false;
        for (name, g) in GENERATORS {
            // "Pour X, il s'agit d'« … »": under a source frame the
            // sentence's subject is not who speaks.
            if name == "sentence_subject" && (s.colon_before || verb_before || framed) {
                continue;
            }
            let m = g(self, s);
            framed |= name == "sentence_source_frame" && m.is_some();
            cands.add(name, m);
        }
        // The mention layer's speaking mentions around the quotation.
        for m in self.layer_candidates(s) {
            cands.add("mention", Some(m));
        }
        // The names inside the phrases proposed so far.
        let phrases: Vec<Mention> = cands.0.iter().map(|c| c.mention).filter(|m| !m.is_name && m.pron == 0).collect();
        for m in phrases {
            let end = self.a.token_at_or_after(m.span.end);
            cands.add("inner_name", self.name_inside(m.tok, end));
        }
    }

    /// The mentions of the mention layer that may speak a pair: every name
    /// and description of its sentences before the opening mark (their role
    /// is a feature), and the pronouns and mentions in a speaking role (subject,
    /// inverted subject, source) there and, for a quotation that is a
    /// sentence on its own, in the sentence before it in its paragraph.
    fn layer_candidates(&self, s: &Site) -> Vec<Mention> {
        let mut lo = s.lo;
        if !s.words_outside && s.first_sentence > 0 {
            let prev = self.a.sentence_tokens[s.first_sentence - 1].clone();
            if prev.start < prev.end && self.paragraph_of(prev.start) == self.paragraph_of(s.pair.open) {
                lo = lo.min(prev.start.max(s.prev.map_or(0, |p| p.pair.close + 1)));
            }
        }
        let own = s.mentions.in_tokens(s.lo, s.pair.open).filter(|m| !matches!(m.kind, Kind::Pronoun(_)));
        let speaking = s.mentions.in_tokens(lo, s.hi).filter(|m| m.role.speaks());
        own.chain(speaking)
            .filter(|m| m.end_tok <= s.pair.open || m.tok > s.pair.close)
            .filter(|m| !matches!(m.kind, Kind::Pronoun(_)) || self.has(m.tok, PRON_M | PRON_F | PRON_P))
            .map(|m| self.layer_mention(m))
            .collect()
    }

    /// A mention of the layer as this layer's speaker mention.
    fn layer_mention(&self, m: &mentions::Mention) -> Mention {
        let pron = if matches!(m.kind, Kind::Pronoun(_)) { self.flags(m.tok) & PRON } else { 0 };
        Mention {
            span: m.span,
            pron,
            entity: m.entity.filter(|_| pron == 0),
            tok: m.tok,
            is_name: m.kind == Kind::Name,
        }
    }

    /// The features of a candidate of a pair: the finders that proposed it,
    /// whether the first-match chain chose it, its form, its entity label,
    /// and where it stands against the quotation.
    pub(super) fn features(&self, s: &Site, c: &Candidate, chain: Option<Mention>) -> Vec<String> {
        let m = &c.mention;
        // The chain's choice carries the guideline rules the project's cases
        // pin: it is one feature, which the few real-news instances weigh
        // against the other finders but do not take apart step by step.
        let is_chain = chain.is_some_and(|ch| ch.span == m.span);
        let finders: Vec<&str> =
            c.finders.iter().copied().filter(|n| !is_chain || GENERATORS.iter().any(|(g, _)| g == n)).collect();
        let mut f: Vec<String> = finders.iter().map(|n| format!("finder={n}")).collect();
        if c.finders.len() > 1 {
            f.push("finders>1".into());
        }
        if is_chain {
            f.push("chain".into());
        }
        let form = if m.pron != 0 {
            "pronoun"
        } else if m.is_name {
            "name"
        } else {
            "phrase"
        };
        f.push(format!("form={form}"));
        let label = match self.entity_at(m.tok).map(|e| e.label) {
            Some(EntityLabel::Per) => "per",
            Some(EntityLabel::Org) => "org",
            _ => "none",
        };
        if label != "none" {
            f.push(format!("entity={label}"));
        }
        let end = self.a.token_at_or_after(m.span.end);
        if (m.tok..end).any(|k| self.has(k, ROLE)) {
            f.push("role".into());
        }
        let side = if m.tok > s.pair.close {
            "after"
        } else if self.sentence_of(m.tok) < s.first_sentence {
            "previous_sentence"
        } else {
            "before"
        };
        f.push(format!("side={side}"));
        f.push(format!("colon_before={}", s.colon_before));
        f.push(format!("words_outside={}", s.words_outside));
        for n in &finders {
            f.push(format!("finder={n}&form={form}"));
        }
        self.layer_features(s, m, side, &mut f);
        f
    }

    /// What the mention layer says of a candidate: its role (with its side
    /// of the quotation and the colon), its distance to the marks, whether
    /// it is the previous quotation's speaker, where the quotation stands in
    /// its paragraph.
    fn layer_features(&self, s: &Site, m: &Mention, side: &str, f: &mut Vec<String>) {
        let layer = s.mentions.at(m.span).filter(|l| l.span == m.span);
        let role = layer.map_or("none", |l| l.role.name());
        f.push(format!("role={role}"));
        f.push(format!("role={role}&side={side}"));
        if s.colon_before && side == "before" {
            f.push(format!("role={role}&colon"));
        }
        if layer.is_some_and(|l| l.role == Role::Source) && side == "before" {
            f.push("source_frame_before".into());
        }
        if layer.is_some_and(|l| l.label == Some(EntityLabel::Org)) {
            f.push("organisation".into());
        }
        let end = self.a.token_at_or_after(m.span.end);
        let gap = if m.tok > s.pair.close { m.tok - s.pair.close } else { s.pair.open.saturating_sub(end) };
        let dist = match gap {
            0..=2 => "0-2",
            3..=6 => "3-6",
            7..=12 => "7-12",
            _ => "13+",
        };
        // "Le préfet Paul Mercier « invite … »": the quotation stands where
        // its subject's verb would, opening on a lower-case word.
        let first_quoted = s.pair.open + 1;
        if end == s.pair.open && self.has(first_quoted, WORD) && !self.has(first_quoted, CAP) {
            f.push("subject_then_quote".into());
        }
        f.push(format!("dist={dist}"));
        f.push(format!("dist={dist}&side={side}"));
        // The guidelines give a quotation continued from an earlier
        // sentence no speaker, but one that follows another in its own
        // sentence ("promising a “formal update” …: “…”") shares its speaker.
        if let Some((p, prev)) = s.prev.filter(|p| p.speech).and_then(|p| Some((p, p.speaker?))) {
            let same_text = prev.span.slice(self.a.text) == m.span.slice(self.a.text);
            let id = |x: &Mention| x.entity.or_else(|| s.mentions.resolve(self.a.text, x.span, None));
            let same_entity = id(m).is_some() && id(m) == id(&prev);
            if same_text || same_entity {
                f.push(if p.last_sentence == s.first_sentence {
                    "previous_speaker&same_sentence".into()
                } else {
                    "previous_speaker".into()
                });
            }
        }
        let para_initial = s.pair.open == 0 || self.paragraph_of(s.pair.open - 1) != self.paragraph_of(s.pair.open);
        if para_initial {
            f.push(format!("quote_paragraph_initial&side={side}"));
        }
    }

    /// Every candidate with its features, and the best one by the model if
    /// it beats `NONE`.
    pub(super) fn rank(&self, s: &Site, cands: Candidates, chain: Option<Mention>) -> (Option<Mention>, Scored) {
        let w = weights();
        let none = w.get(NONE).copied().unwrap_or(0);
        let mut best: Option<(i32, Mention)> = None;
        let mut scored = Vec::with_capacity(cands.0.len());
        for c in &cands.0 {
            let feats = self.features(s, c, chain);
            let score: i32 = feats.iter().map(|f| w.get(f.as_str()).copied().unwrap_or(0)).sum();
            // The chain's choice needs no threshold: the model may prefer
            // another candidate to it, not silence it.
            let is_chain = chain.is_some_and(|ch| ch.span == c.mention.span);
            if (score > none || is_chain) && best.map_or(true, |(b, _)| score > b) {
                best = Some((score, c.mention));
            }
            scored.push((c.mention, feats));
        }
        (best.map(|(_, m)| m), scored)
    }
}

/// The candidates of a pair with their features.
pub(crate) type Scored = Vec<(Mention, Vec<String>)>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_read_as_thousandths() {
        assert_eq!(thousandths("-0.052"), Some(-52));
        assert_eq!(thousandths("2.5"), Some(2500));
        assert_eq!(thousandths("3"), Some(3000));
        for bad in ["", "-", "1.2345", "1e3", "x", "0.5x", ".5"] {
            assert_eq!(thousandths(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn every_weight_line_of_the_model_is_read() {
        let lines = MODEL.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).count();
        assert_eq!(weights().len(), lines);
        assert!(weights().contains_key(NONE));
    }
}
