//! A reader's summary of an article's sourcing, computed from the contract.
//!
//! The question a careful reader, a fact-checker or an editor asks of an article is about its sourcing: who is
//! quoted and how often, how much rests on named people versus unnamed sources, which statements the article does
//! not vouch for and why. [`summarize`] answers it from the contract alone (plus the text, for sentence
//! boundaries), so the site, the bookmarklet and the CLI (`annotate --summary`) show the same figures.
//!
//! Every line keeps the indices of its annotations in the contract (`annotations`), so an interface can step
//! through them in the text.

use serde::Serialize;
use std::collections::HashMap;

use crate::sort::{desc, pos, sort_by_rank};
use crate::{ClaimReason, ContractAnnotation, ContractDocument, EntityLabel, Lang};

/// The sourcing of one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null))]
pub struct Summary {
    /// The language the article was read in.
    pub lang: Lang,
    /// Who is quoted, most quoted first (then in order of first appearance).
    pub speakers: Vec<SpeakerLine>,
    /// Quotations whose speaker the text does not give.
    pub unattributed_quotes: CountLine,
    /// Attributions (quotation speakers and claim sources) to a named person or organisation.
    pub named_sources: CountLine,
    /// Attributions to a description ("une source proche du dossier", "witnesses") or an unresolved pronoun.
    pub unnamed_sources: CountLine,
    /// Claims by reason, in the guidelines' priority order; reasons without claims are left out.
    pub claims: Vec<ReasonLine>,
    /// Sentences of the article.
    pub sentences: usize,
    /// Sentences holding a quotation or a claim that names where it comes from (a speaker, a source, or an
    /// unnamed or interested party as the claim's reason).
    pub attributed_sentences: usize,
}

/// One speaker: every quotation attributed to the same entity, name or description.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null))]
pub struct SpeakerLine {
    /// The speaker's proper name, or, when unnamed, the description as the text gives it.
    pub label: String,
    /// True when the speaker resolves to a proper name.
    pub named: bool,
    /// The entity the speaker resolves to, if any.
    pub entity_id: Option<u32>,
    /// Quotations in quotation marks.
    pub direct: usize,
    /// Reported speech.
    pub reported: usize,
    /// Indices of the quotations in the contract's `annotations`.
    pub annotations: Vec<usize>,
}

/// A count and the annotations behind it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null))]
pub struct CountLine {
    /// How many.
    pub count: usize,
    /// Indices in the contract's `annotations`.
    pub annotations: Vec<usize>,
}

/// The claims of one reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[cfg_attr(target_arch = "wasm32", tsify(missing_as_null))]
pub struct ReasonLine {
    /// Why the claims are unverified.
    pub reason: ClaimReason,
    /// How many claims.
    pub count: usize,
    /// Indices of the claims in the contract's `annotations`.
    pub annotations: Vec<usize>,
}

/// Reasons that say where a claim comes from even when no source span is given: an unnamed source, a party
/// asserting or denying, a party that did not answer.
const ATTRIBUTING_REASONS: [ClaimReason; 4] =
    [ClaimReason::AnonymousSource, ClaimReason::Claimed, ClaimReason::SingleSource, ClaimReason::NoResponse];

/// Summarises the sourcing of `doc`, the contract made from `text`.
///
/// # Examples
///
/// ```
/// use article_annotator::{summarize, Annotator, Lang};
///
/// let text = "« Nous partirons », a déclaré Paul Martin. Selon une source policière, il aurait fui.";
/// let doc = Annotator::for_lang(Lang::Fr).annotate(text).to_contract(text);
/// let summary = summarize(text, &doc);
/// assert_eq!(summary.speakers[0].label, "Paul Martin");
/// assert_eq!(summary.sentences, 2);
/// ```
pub fn summarize(text: &str, doc: &ContractDocument) -> Summary {
    let mut speakers: Vec<SpeakerLine> = Vec::new();
    let mut index = SpeakerIndex::default();
    let mut unattributed = CountLine::default();
    let mut named = CountLine::default();
    let mut unnamed = CountLine::default();
    let mut claims: Vec<ReasonLine> = Vec::new();
    let mut attributed: Vec<(u32, u32)> = Vec::new();
    let names = NamedSpans::new(doc);
    for (i, a) in doc.annotations.iter().enumerate() {
        match a {
            ContractAnnotation::Quote { start, end, direct, speaker, .. } => {
                let Some(sp) = speaker else {
                    unattributed.push(i);
                    continue;
                };
                attributed.push((*start, (*end).max(sp.end)));
                let is_named = sp.speaker_name.is_some() || names.covers(sp.start, sp.end);
                if is_named {
                    named.push(i)
                } else {
                    unnamed.push(i)
                }
                let label = sp.speaker_name.clone().unwrap_or_else(|| sp.text.clone());
                let at = match index.find(sp.entity_id, &label) {
                    Some(at) => at,
                    None => {
                        index.add(speakers.len(), sp.entity_id, &label);
                        speakers.push(SpeakerLine {
                            label,
                            named: is_named,
                            entity_id: sp.entity_id,
                            direct: 0,
                            reported: 0,
                            annotations: Vec::new(),
                        });
                        speakers.len() - 1
                    }
                };
                let line = &mut speakers[at];
                if *direct {
                    line.direct += 1
                } else {
                    line.reported += 1
                }
                line.annotations.push(i);
            }
            ContractAnnotation::Claim { start, end, reason, source, .. } => {
                match claims.iter_mut().find(|l| l.reason == *reason) {
                    Some(line) => {
                        line.count += 1;
                        line.annotations.push(i);
                    }
                    None => claims.push(ReasonLine { reason: *reason, count: 1, annotations: vec![i] }),
                }
                if let Some(src) = source {
                    attributed.push((*start, (*end).max(src.end)));
                    if *reason != ClaimReason::AnonymousSource && names.covers(src.start, src.end) {
                        named.push(i)
                    } else {
                        unnamed.push(i)
                    }
                } else if ATTRIBUTING_REASONS.contains(reason) {
                    attributed.push((*start, *end));
                    if *reason == ClaimReason::AnonymousSource {
                        unnamed.push(i)
                    }
                }
            }
            ContractAnnotation::Entity { .. } => {}
        }
    }
    // Stable sort: equal counts keep the order of first appearance.
    sort_by_rank(&mut speakers, |l| [desc(pos(l.direct + l.reported)), 0, 0]);
    sort_by_rank(&mut claims, |l| {
        [ClaimReason::ALL.iter().position(|r| *r == l.reason).map_or(0, |p| pos(p) + 1), 0, 0]
    });
    let sentences = sentence_units(text, doc.lang);
    let attributed_sentences = overlapped(&sentences, &attributed);
    Summary {
        lang: doc.lang,
        speakers,
        unattributed_quotes: unattributed,
        named_sources: named,
        unnamed_sources: unnamed,
        claims,
        sentences: sentences.len(),
        attributed_sentences,
    }
}

impl Summary {
    /// The summary as lines a person reads (the CLI's `--summary`), labelled in the article's language.
    ///
    /// # Examples
    ///
    /// ```
    /// use article_annotator::{summarize, Annotator, Lang};
    ///
    /// let text = "Selon la police, il aurait fui.";
    /// let doc = Annotator::for_lang(Lang::Fr).annotate(text).to_contract(text);
    /// assert!(summarize(text, &doc).to_text().contains("Affirmations non vérifiées"));
    /// ```
    pub fn to_text(&self) -> String {
        use std::fmt::Write;
        let l = Labels::of(self.lang);
        let mut out = String::new();
        let _ = writeln!(out, "{}", l.speakers);
        if self.speakers.is_empty() {
            let _ = writeln!(out, "  {}", l.none);
        }
        for s in &self.speakers {
            let kind = if s.named { "" } else { l.unnamed_mark };
            let _ = writeln!(out, "  {}{kind}: {} {}, {} {}", s.label, s.direct, l.direct, s.reported, l.reported);
        }
        if self.unattributed_quotes.count > 0 {
            let _ = writeln!(out, "  {}: {}", l.unattributed, self.unattributed_quotes.count);
        }
        let _ = writeln!(
            out,
            "{}: {} {}, {} {}",
            l.sources, self.named_sources.count, l.named, self.unnamed_sources.count, l.unnamed
        );
        let _ = writeln!(out, "{}", l.claims);
        if self.claims.is_empty() {
            let _ = writeln!(out, "  {}", l.none);
        }
        for c in &self.claims {
            let _ = writeln!(out, "  {}: {}", l.reason(c.reason), c.count);
        }
        let share =
            if self.sentences == 0 { 0.0 } else { 100.0 * self.attributed_sentences as f64 / self.sentences as f64 };
        let _ = writeln!(out, "{}: {}/{} ({share:.0} %)", l.attributed, self.attributed_sentences, self.sentences);
        out
    }
}

/// The summary's words in the two languages the engine reads.
struct Labels {
    speakers: &'static str,
    none: &'static str,
    unnamed_mark: &'static str,
    direct: &'static str,
    reported: &'static str,
    unattributed: &'static str,
    sources: &'static str,
    named: &'static str,
    unnamed: &'static str,
    claims: &'static str,
    attributed: &'static str,
    reasons: [&'static str; 7],
}

impl Labels {
    fn of(lang: Lang) -> &'static Labels {
        match lang {
            Lang::Fr => &Labels {
                speakers: "Personnes citées",
                none: "aucune",
                unnamed_mark: " (non nommé)",
                direct: "citation(s) directe(s)",
                reported: "propos rapporté(s)",
                unattributed: "Citations sans locuteur",
                sources: "Sources",
                named: "nommées",
                unnamed: "non nommées",
                claims: "Affirmations non vérifiées",
                attributed: "Phrases attribuées à une source",
                reasons: [
                    "non confirmé",
                    "pas de réponse",
                    "source anonyme",
                    "affirmé par une partie",
                    "source unique",
                    "conditionnel",
                    "prudence",
                ],
            },
            Lang::En => &Labels {
                speakers: "Who is quoted",
                none: "none",
                unnamed_mark: " (unnamed)",
                direct: "direct quotation(s)",
                reported: "reported",
                unattributed: "Quotations without a speaker",
                sources: "Sources",
                named: "named",
                unnamed: "unnamed",
                claims: "Unverified claims",
                attributed: "Sentences attributed to a source",
                reasons: [
                    "unconfirmed",
                    "no response",
                    "anonymous source",
                    "claimed by a party",
                    "single source",
                    "conditional",
                    "hedge",
                ],
            },
        }
    }

    fn reason(&self, reason: ClaimReason) -> &'static str {
        let i = ClaimReason::ALL.iter().position(|r| *r == reason).unwrap_or(0);
        self.reasons[i]
    }
}

impl CountLine {
    fn push(&mut self, index: usize) {
        self.count += 1;
        self.annotations.push(index);
    }
}

/// Which speaker line a quotation's speaker joins: one entity is one speaker however its mentions are written;
/// without an entity on either side, the label decides ("le ministre" twice is one line, as a reader would count
/// it). The first line that matches wins. Maps, not a scan per quotation: an article may quote thousands.
#[derive(Default)]
struct SpeakerIndex {
    by_entity: HashMap<u32, usize>,
    /// Lines without an entity, by lower-cased label.
    by_label_alone: HashMap<String, usize>,
    /// Every line, by lower-cased label.
    by_label: HashMap<String, usize>,
}

impl SpeakerIndex {
    fn find(&self, entity_id: Option<u32>, label: &str) -> Option<usize> {
        let label = crate::case::lower_str(label);
        match entity_id {
            Some(id) => {
                let by_id = self.by_entity.get(&id).copied();
                let by_label = self.by_label_alone.get(&label).copied();
                by_id.into_iter().chain(by_label).min()
            }
            None => self.by_label.get(&label).copied(),
        }
    }

    fn add(&mut self, at: usize, entity_id: Option<u32>, label: &str) {
        let label = crate::case::lower_str(label);
        match entity_id {
            Some(id) => {
                self.by_entity.entry(id).or_insert(at);
            }
            None => {
                self.by_label_alone.entry(label.clone()).or_insert(at);
            }
        }
        self.by_label.entry(label).or_insert(at);
    }
}

/// How many of `sentences` (sorted, disjoint) overlap one of `ranges`: each range finds its first sentence by
/// binary search and marks the sentences it reaches.
fn overlapped(sentences: &[(u32, u32)], ranges: &[(u32, u32)]) -> usize {
    let mut hit = vec![false; sentences.len()];
    for &(a, b) in ranges {
        let first = sentences.partition_point(|&(_, e)| e <= a);
        for (k, &(s, _)) in sentences.iter().enumerate().skip(first) {
            if s >= b {
                break;
            }
            hit[k] = true;
        }
    }
    hit.iter().filter(|&&h| h).count()
}

/// The UTF-16 ranges of the document's person and organisation mentions: a source that contains one is named.
struct NamedSpans(Vec<(u32, u32)>);

impl NamedSpans {
    fn new(doc: &ContractDocument) -> NamedSpans {
        NamedSpans(
            doc.annotations
                .iter()
                .filter_map(|a| match a {
                    ContractAnnotation::Entity { start, end, label: EntityLabel::Per | EntityLabel::Org, .. } => {
                        Some((*start, *end))
                    }
                    _ => None,
                })
                .collect(),
        )
    }

    /// True when a person or organisation mention lies inside `start..end`. The mentions are sorted by start
    /// (the contract is), so this is a binary search, not a scan.
    fn covers(&self, start: u32, end: u32) -> bool {
        let from = self.0.partition_point(|&(s, _)| s < start);
        self.0[from..].iter().take_while(|&&(s, _)| s < end).any(|&(_, e)| e <= end)
    }
}

/// The article's sentences as UTF-16 ranges (the contract's unit).
fn sentence_units(text: &str, lang: Lang) -> Vec<(u32, u32)> {
    let tokens = crate::text::tokenize(text, lang);
    let spans = crate::text::sentences(text, &tokens, lang);
    let index = crate::contract::Utf16Index::new(text);
    spans.iter().map(|s| (index.convert(s.start), index.convert(s.end))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ContractSpan, ContractSpeaker};

    fn quote(
        start: u32,
        end: u32,
        direct: bool,
        speaker: Option<(&str, Option<u32>, Option<&str>)>,
    ) -> ContractAnnotation {
        ContractAnnotation::Quote {
            start,
            end,
            text: String::new(),
            direct,
            speaker: speaker.map(|(text, entity_id, name)| ContractSpeaker {
                start: end + 2,
                end: end + 2 + text.len() as u32,
                text: text.to_string(),
                entity_id,
                speaker_name: name.map(str::to_string),
            }),
        }
    }

    fn claim(start: u32, end: u32, reason: ClaimReason, source: Option<(u32, u32)>) -> ContractAnnotation {
        let span = |(start, end): (u32, u32)| ContractSpan { start, end, text: String::new() };
        ContractAnnotation::Claim {
            start,
            end,
            text: String::new(),
            reason,
            cue: span((start, start + 1)),
            source: source.map(span),
            other_cues: Vec::new(),
            explanation: String::new(),
        }
    }

    fn doc(annotations: Vec<ContractAnnotation>) -> ContractDocument {
        ContractDocument { lang: Lang::Fr, unsupported_language: None, annotations }
    }

    #[test]
    fn speakers_group_by_entity_then_by_label_most_quoted_first() {
        let d = doc(vec![
            quote(0, 5, true, Some(("le maire", None, None))),
            quote(10, 15, true, Some(("Anne Hidalgo", Some(3), Some("Anne Hidalgo")))),
            quote(20, 25, false, Some(("elle", Some(3), Some("Anne Hidalgo")))),
            quote(30, 35, true, Some(("Le maire", None, None))),
            quote(40, 45, true, Some(("Anne Hidalgo", Some(3), Some("Anne Hidalgo")))),
            quote(50, 55, true, None),
        ]);
        let s = summarize("", &d);
        let lines: Vec<_> = s.speakers.iter().map(|l| (l.label.as_str(), l.direct, l.reported)).collect();
        assert_eq!(lines, [("Anne Hidalgo", 2, 1), ("le maire", 2, 0)]);
        assert_eq!(s.speakers[0].annotations, [1, 2, 4]);
        assert_eq!(s.unattributed_quotes.annotations, [5]);
        assert_eq!((s.named_sources.count, s.unnamed_sources.count), (3, 2));
    }

    #[test]
    fn claims_by_reason_in_priority_order_and_sources_named_only_through_a_name() {
        let d = doc(vec![
            ContractAnnotation::Entity { start: 0, end: 6, text: String::new(), label: EntityLabel::Org, entity_id: 1 },
            claim(0, 30, ClaimReason::Conditional, None),
            claim(31, 60, ClaimReason::SingleSource, Some((0, 6))),
            claim(61, 90, ClaimReason::AnonymousSource, Some((61, 70))),
            claim(91, 99, ClaimReason::Conditional, None),
            claim(100, 120, ClaimReason::SingleSource, Some((100, 110))),
        ]);
        let s = summarize("", &d);
        let reasons: Vec<_> = s.claims.iter().map(|l| (l.reason, l.count)).collect();
        assert_eq!(
            reasons,
            [(ClaimReason::AnonymousSource, 1), (ClaimReason::SingleSource, 2), (ClaimReason::Conditional, 2)]
        );
        assert_eq!(s.claims[2].annotations, [1, 4]);
        assert_eq!(s.named_sources.annotations, [2]);
        assert_eq!(s.unnamed_sources.annotations, [3, 5]);
    }

    #[test]
    fn share_of_attributed_sentences_counts_sentences_not_annotations() {
        let text =
            "Il pleut. Selon la police, il aurait fui. Le soleil brille. « Nous partirons demain », a dit Marie Dupont.";
        let d = crate::Annotator::for_lang(Lang::Fr).annotate(text).to_contract(text);
        let s = summarize(text, &d);
        assert_eq!(s.sentences, 4);
        assert_eq!(s.attributed_sentences, 2);
    }

    #[test]
    fn thousands_of_distinct_speakers_each_get_their_line() {
        let n = 5_000u32;
        let quotes = (0..n)
            .map(|k| {
                let name = format!("Speaker {}", k % 2_500);
                quote(k * 10, k * 10 + 5, true, Some((name.as_str(), None, None)))
            })
            .collect();
        let s = summarize("", &doc(quotes));
        assert_eq!(s.speakers.len(), 2_500);
        assert!(s.speakers.iter().all(|l| l.direct == 2 && l.annotations.len() == 2));
        assert_eq!(s.speakers[0].annotations, [0, 2_500]);
    }

    #[test]
    fn overlap_counts_each_sentence_once() {
        let sentences = [(0, 10), (11, 20), (21, 30), (31, 40)];
        assert_eq!(overlapped(&sentences, &[(5, 12), (12, 15), (35, 50)]), 3);
        assert_eq!(overlapped(&sentences, &[(10, 11)]), 0);
        assert_eq!(overlapped(&[], &[(0, 5)]), 0);
    }

    #[test]
    fn empty_and_unannotated_texts_summarise_to_zeros() {
        for text in ["", "   ", "Le soleil brille."] {
            let d = crate::Annotator::for_lang(Lang::Fr).annotate(text).to_contract(text);
            let s = summarize(text, &d);
            assert!(s.speakers.is_empty() && s.claims.is_empty());
            assert_eq!(s.attributed_sentences, 0);
        }
    }
}
