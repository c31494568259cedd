//! Quotations (direct and reported) and their speakers.
//!
//! 1. `marks::pairs` pairs the quotation marks (outermost pairs only).
//! 2. Each pair gets an attribution (`attribution.rs`, an ordered table of
//!    named steps): from the clause right after it ("« … », a-t-il
//!    ajouté", "“…,” said Smith"), else from the words before it in its
//!    sentence ("X a déclaré : « … »", "selon X, « … »", "Name: “…”"),
//!    else, for a quotation that is a sentence on its own, from the
//!    quotation just before it or a colon ending the sentence before.
//! 3. Short quoted terms (one to three words) are speech only with
//!    evidence (`speech.rs`): an attribution, a colon, sentence punctuation
//!    inside, a sentence that reports (a reporting verb, a longer quotation),
//!    and no sign of a named or scare-quoted term (a noun right before or
//!    after it, "la notion de", "so-called", a capitalised name).
//! 4. Reported speech (`reported.rs`): a reporting verb with a speaker and
//!    a complement ("X a indiqué que …", "X said (that) …"), "selon X, …",
//!    and "…, a-t-il dit." without marks.
//!
//! The speaker is chosen by `ranker.rs` among the candidates every step and
//! finder proposes, by learned weights; the first-match chain's choice is
//! one feature (and speaks unless another candidate scores higher).
//!
//! Speaker spans come from the syntax around the verb (names, noun phrases,
//! pronouns) and from the shared mention layer (`detect::mentions`), whose
//! roles are features of the ranking; `entity_id` comes from the mention
//! layer (a name's cluster, a description's apposed name, a pronoun's
//! antecedent), the last quoted person first for a pronoun (`link.rs`).
//!
//! | room | concern |
//! |---|---|
//! | `marks.rs` | pairing quotation marks, across paragraphs |
//! | `lexicon.rs`, `context.rs` | word classes (its classes of `data/<lang>/word-classes.txt`, `reporting-verbs.txt`, `speaker-roles.txt`) and the per-token view every rule reads |
//! | `windows.rs` | every token window and count threshold, named |
//! | `clauses.rs` | speaker candidates: clause forms after and before a quotation (rule tables), source frames, inverted subjects |
//! | `grammar.rs` | the speaker grammar over the shared phrase helpers (`text::phrase`): dateline, possessive, entity at a token, speaker before a verb, speaker phrase forward |
//! | `phrases.rs`, `names.rs` | speaker noun phrases and names |
//! | `attribution.rs` | the attribution steps for a pair (rule table), each also run on its own to propose a candidate |
//! | `ranker.rs` | speaker choice: extra candidate finders, features, the learned weights (`data/models/speaker-ranker.tsv`) |
//! | `speech.rs` | quote filtering: speech or term (rule table) |
//! | `reported.rs` | reported speech without marks (its rejections a rule table) |
//! | `link.rs` | a speaker mention to its entity (through the mention layer); the last quoted person |
//!
//! Every rule table entry names the case of `tests/cases/quotes.toml` that
//! pins it; `rule_cases.rs` checks that the case changes without the rule.

mod attribution;
mod clauses;
mod context;
mod grammar;
mod lexicon;
mod link;
mod marks;
mod names;
mod phrases;
mod ranker;
mod reported;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod rule_cases;
mod speech;
mod windows;

use super::Analysis;
// The annotation types, named once for the whole layer (submodules take them
// from here).
use super::mentions::Mentions;
use crate::model::{Entity, EntityLabel, Quote, Speaker};
use crate::sort::{desc, pos, sort_by_rank};
use crate::span::Span;
use context::{Context, Mention};
use link::Salience;

/// The rule type of the layer's tables (`detect/rule.rs`): the submodules
/// name it from here.
pub(crate) use super::rule::Rule;

/// A quotation found by the first pass, before speech classification.
#[derive(Debug)]
struct Found {
    pair: marks::Pair,
    first_sentence: usize,
    last_sentence: usize,
    speaker: Option<Mention>,
    speech: bool,
    /// The speaker candidates with their features (read by the training
    /// dump, [`speaker_candidates`]).
    candidates: ranker::Scored,
}

/// Does the layer read the class `name` of `data/<lang>/word-classes.txt`?
#[cfg(test)]
pub(crate) fn reads_word_class(name: &str) -> bool {
    lexicon::reads_class(name)
}

/// Finds the quotations of the text, sorted by start (building the mention
/// layer for them; [`detect_with`] takes one already built).
pub fn detect(analysis: &Analysis, entities: &[Entity]) -> Vec<Quote> {
    detect_with(analysis, entities, &Mentions::build(analysis, entities))
}

/// Finds the quotations of the text, sorted by start, their speakers
/// resolved through `mentions` (the document's mention layer).
pub fn detect_with(analysis: &Analysis, entities: &[Entity], mentions: &Mentions) -> Vec<Quote> {
    if analysis.tokens.is_empty() {
        return Vec::new();
    }
    let ctx = Context::new(analysis, entities);
    let found = attribute_pairs(&ctx, mentions, marks::pairs(analysis));
    let mut out: Vec<Quote> = Vec::with_capacity(found.len());
    let mut salience = Salience::default();
    let is_person = link::person_ids(entities);
    let fuller = link::fuller_ids(analysis.text, entities);
    for f in found.iter().filter(|f| f.speech) {
        let mut speaker = f.speaker.map(|sp| ctx.link(mentions, sp, salience.at(f.first_sentence)));
        if let Some(sp) = speaker.as_mut() {
            sp.entity_id = sp.entity_id.map(|id| fuller.get(id as usize).copied().flatten().unwrap_or(id));
        }
        salience.observe(speaker.as_ref(), &is_person, f.last_sentence);
        for &seg in &f.pair.segments {
            out.push(Quote { span: seg, direct: true, speaker: speaker.clone() });
        }
    }
    ctx.reported(&found, mentions, &mut out);
    sort_by_rank(&mut out, |q| [pos(q.span.start), desc(pos(q.span.end)), 0]);
    out
}

/// A direct quotation's segments and its speaker candidates (span, features).
pub type QuoteCandidates = (Vec<Span>, Vec<(Span, Vec<String>)>);

/// The speaker candidates of every direct quotation the layer keeps: its
/// segments, and each candidate's span and features. Read by the ranker's
/// training program (`examples/train_speakers.rs`), not by `annotate`.
#[doc(hidden)]
pub fn speaker_candidates(analysis: &Analysis, entities: &[Entity]) -> Vec<QuoteCandidates> {
    if analysis.tokens.is_empty() {
        return Vec::new();
    }
    let ctx = Context::new(analysis, entities);
    let mentions = Mentions::build(analysis, entities);
    attribute_pairs(&ctx, &mentions, marks::pairs(analysis))
        .into_iter()
        .filter(|f| f.speech)
        .map(|f| (f.pair.segments, f.candidates.into_iter().map(|(m, feats)| (m.span, feats)).collect()))
        .collect()
}

/// Attributes every pair in order: each is bounded by the closing mark
/// before it and the opening mark after it, and may continue the one
/// before.
fn attribute_pairs(ctx: &Context, mentions: &Mentions, pairs: Vec<marks::Pair>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::with_capacity(pairs.len());
    let cues = speech::SentenceCues::new(ctx, &pairs);
    let mut pairs = pairs.into_iter().peekable();
    let mut prev_close: Option<usize> = None;
    while let Some(pair) = pairs.next() {
        let next_open = pairs.peek().map(|p| p.open);
        let f = ctx.attribute(pair, mentions, prev_close, next_open, found.last(), &cues);
        prev_close = Some(f.pair.close);
        found.push(f);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::span::Span;

    fn run(text: &str, lang: Lang, entities: &[Entity]) -> Vec<(String, bool, Option<String>, Option<u32>)> {
        let a = Analysis::new(text, lang);
        detect(&a, entities)
            .into_iter()
            .map(|q| {
                (
                    q.span.slice(text).to_string(),
                    q.direct,
                    q.speaker.as_ref().map(|s| s.span.slice(text).to_string()),
                    q.speaker.and_then(|s| s.entity_id),
                )
            })
            .collect()
    }

    fn ent(text: &str, name: &str, label: EntityLabel, id: u32) -> Vec<Entity> {
        text.match_indices(name)
            .map(|(i, _)| Entity { span: Span::new(i, i + name.len()), label, entity_id: id })
            .collect()
    }

    #[test]
    fn interrupted_quote_two_quotes_one_speaker() {
        let t = "« Nous partons », a-t-il dit, « demain matin ».";
        let q = run(t, Lang::Fr, &[]);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].2.as_deref(), Some("il"));
        assert_eq!(q[1].2.as_deref(), Some("il"));
    }

    #[test]
    fn pronoun_links_to_nearest_person() {
        let t = "Marie Curie est arrivée. « Je suis contente », a-t-elle dit.";
        let ents = ent(t, "Marie Curie", EntityLabel::Per, 7);
        let q = run(t, Lang::Fr, &ents);
        assert_eq!(q[0].2.as_deref(), Some("elle"));
        assert_eq!(q[0].3, Some(7));
    }

    #[test]
    fn name_speaker_links_to_entity() {
        let t = "\"We will ship it next week,\" said Jane Doe, the company's chief executive.";
        let ents = ent(t, "Jane Doe", EntityLabel::Per, 3);
        let q = run(t, Lang::En, &ents);
        assert_eq!(q[0].0, "We will ship it next week,");
        assert_eq!(q[0].2.as_deref(), Some("Jane Doe"));
        assert_eq!(q[0].3, Some(3));
    }
}
