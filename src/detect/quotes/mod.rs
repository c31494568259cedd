//! Quotations (direct and reported) and their speakers.
//!
//! 1. `marks::pairs` pairs the quotation marks (outermost pairs only).
//! 2. Each pair gets an attribution from the clause right after it
//!    ("« … », a-t-il ajouté", "“…,” said Smith"), else from the words
//!    before it in its sentence ("X a déclaré : « … »", "selon X, « … »",
//!    "Name: “…”"), else, for a quotation that is a sentence on its own,
//!    from the quotation just before it or a colon ending the sentence
//!    before.
//! 3. Short quoted terms (one to three words) are speech only with
//!    evidence: an attribution, a colon, sentence punctuation inside, and
//!    no sign of a named or scare-quoted term (a noun right before or
//!    after it, "la notion de", "so-called", a capitalised name).
//! 4. Reported speech: a reporting verb with a speaker and a complement
//!    ("X a indiqué que …", "X said (that) …"), "selon X, …", and
//!    "…, a-t-il dit." without marks.
//!
//! Speaker spans come from the syntax around the verb (names, noun phrases,
//! pronouns); `entity_id` from the entity layer when it overlaps, and for
//! pronouns from the nearest salient person before them.

mod lexicon;
mod marks;
mod speaker;

use super::Analysis;
use crate::model::{Entity, EntityLabel, Quote};
use crate::span::Span;
use lexicon::class::*;
use speaker::{Ctx, Sp};

/// A quotation found by the first pass, before speech classification.
#[derive(Debug)]
struct Found {
    pair: marks::Pair,
    first_sentence: usize,
    last_sentence: usize,
    speaker: Option<Sp>,
    speech: bool,
}

/// Finds the quotations of the text, sorted by start.
pub fn detect(analysis: &Analysis, entities: &[Entity]) -> Vec<Quote> {
    if analysis.tokens.is_empty() {
        return Vec::new();
    }
    let ctx = Ctx::new(analysis, entities);
    let pairs = marks::pairs(analysis);
    let mut found: Vec<Found> = Vec::with_capacity(pairs.len());
    let n_pairs = pairs.len();
    let mut pairs = pairs.into_iter().peekable();
    let mut prev_close: Option<usize> = None;
    let mut index = 0;
    while let Some(pair) = pairs.next() {
        index += 1;
        let next_open = pairs.peek().map(|p| p.open);
        let f = ctx.attribute(pair, prev_close, next_open, found.last());
        prev_close = Some(f.pair.close);
        found.push(f);
    }
    debug_assert_eq!(index, n_pairs);
    let mut out: Vec<Quote> = Vec::with_capacity(found.len());
    // The last quoted person (entity, sentence): what "il"/"he" in the
    // next attribution most often refers to.
    let mut salient: Option<(u32, usize)> = None;
    for f in &found {
        if !f.speech {
            continue;
        }
        let recent = salient.filter(|&(_, s)| s + 3 >= f.first_sentence).map(|(id, _)| id);
        let speaker = f.speaker.map(|sp| ctx.link(sp, recent));
        if let Some(id) = speaker.as_ref().and_then(|s| s.entity_id) {
            if entities.iter().any(|e| e.entity_id == id && e.label == EntityLabel::Per) {
                salient = Some((id, f.last_sentence));
            }
        }
        for &seg in &f.pair.segments {
            out.push(Quote { span: seg, direct: true, speaker: speaker.clone() });
        }
    }
    ctx.reported(&found, &mut out);
    out.sort_by_key(|q| (q.span.start, std::cmp::Reverse(q.span.end)));
    out
}

impl Ctx<'_, '_> {
    /// Attributes one pair and decides whether it is speech.
    fn attribute(
        &self,
        pair: marks::Pair,
        prev_close: Option<usize>,
        next_open: Option<usize>,
        prev: Option<&Found>,
    ) -> Found {
        let a = self.a;
        let sent = |tok: usize| a.sentence_at(a.tokens[tok].span.start).unwrap_or(0);
        let first_sentence = sent(pair.open);
        let last_sentence = sent(pair.close);
        let lo = a.sentence_tokens[first_sentence].start.max(prev_close.map_or(0, |c| c + 1));
        let hi = a.sentence_tokens[last_sentence].end.min(next_open.unwrap_or(usize::MAX));
        let colon_before = pair.open > lo && self.is_punct(pair.open - 1, ":");
        let mut after = self.after_clause(pair.close + 1, hi);
        // "“…” — Name" on its own after the quotation's sentence, and
        // "“…?” Forte said." (the question mark ended the sentence): a short
        // reporting clause that is the whole next sentence.
        if after.is_none() && hi == pair.close + 1 && hi < a.tokens.len() {
            let asked = pair.close > 0 && matches!(self.a.tokens[pair.close - 1].span.slice(a.text), "?" | "!");
            if let Some(next) = a.sentence_at(a.tokens[hi].span.start) {
                let end = a.sentence_tokens[next].end.min(next_open.unwrap_or(usize::MAX));
                if self.paragraph_of(hi) == self.paragraph_of(pair.close) {
                    if self.has(hi, DASH) {
                        after = self.after_clause(hi, end).filter(|c| !c.verb);
                    } else if asked {
                        after = self.after_clause(hi, end).filter(|c| {
                            c.verb && c.speaker.is_some() && (c.end..end).filter(|&k| self.has(k, WORD)).count() <= 3
                        });
                    }
                }
            }
        }
        let mut speaker = None;
        let mut attributed = false;
        let mut verb_before = false;
        if let Some(at) = &after {
            attributed = true;
            speaker = at.speaker;
        }
        if speaker.is_none() {
            if let Some(at) = self.before_clause(lo, pair.open) {
                attributed = true;
                verb_before = at.verb;
                speaker = at.speaker;
            }
        }
        // "X defended the record: “…”": no reporting verb, but the colon
        // makes the sentence's subject the speaker (its start may lie before
        // an earlier scare quote of the sentence).
        if speaker.is_none() && colon_before && !verb_before {
            let s_lo = a.sentence_tokens[first_sentence].start;
            if let Some(sp) = self.clause_subject(s_lo, pair.open - 1) {
                speaker = Some(sp);
                attributed = true;
            }
        }
        // "qualifié de « honteux » par le ministre", "described as
        // “heartbreaking” by the department": a passive's agent speaks.
        if speaker.is_none() && verb_before && pair.close + 1 < hi && self.has(pair.close + 1, AGENT) {
            if let Some((sp, _)) = self.np_forward(pair.close + 2, hi) {
                speaker = Some(sp);
            }
        }
        // Standalone quotation sentence: continuation of the previous
        // quotation, or introduced by a colon ending the sentence before.
        let words_outside = (lo..pair.open).chain(pair.close + 1..hi).any(|i| self.has(i, WORD));
        if speaker.is_none() && !words_outside {
            if let Some(p) = prev.filter(|p| p.speech && p.speaker.is_some()) {
                let same_para = self.paragraph_of(p.pair.close) == self.paragraph_of(pair.open);
                if same_para && p.last_sentence + 1 >= first_sentence {
                    speaker = p.speaker;
                    attributed = true;
                }
            }
            if speaker.is_none() && first_sentence > 0 && !colon_before {
                let prev_sent = a.sentence_tokens[first_sentence - 1].clone();
                if prev_sent.end > prev_sent.start
                    && prev_sent.end <= pair.open
                    && self.is_punct(prev_sent.end - 1, ":")
                {
                    if let Some(at) = self.before_clause(prev_sent.start, prev_sent.end) {
                        speaker = at.speaker;
                        attributed = true;
                    }
                }
            }
        }
        let attributed = attributed && verb_before || speaker.is_some();
        let clause_after = after.is_some_and(|c| c.speaker.is_some());
        let speech = self.is_speech(&pair, colon_before, clause_after, attributed, speaker.is_some());
        Found { pair, first_sentence, last_sentence, speaker, speech }
    }

    /// Does the quoted text reproduce words (rather than name or mention a
    /// term)?
    fn is_speech(
        &self,
        pair: &marks::Pair,
        colon_before: bool,
        clause_after: bool,
        attributed: bool,
        has_speaker: bool,
    ) -> bool {
        let (open, close) = (pair.open, pair.close);
        let mut words = 0usize;
        let mut caps = 0usize;
        let mut terminal = false;
        for i in open + 1..close {
            if self.has(i, WORD) {
                words += 1;
                if self.has(i, CAP) || self.has(i, DET | PREP | PARTICLE) {
                    caps += 1;
                }
            } else if self.is_terminal(i) {
                terminal = true;
            }
        }
        if words == 0 {
            return false;
        }
        // "la notion de « proches »", "so-called “experts”", "intitulé « … »".
        let mention_before = (open >= 1 && self.has(open - 1, MENTION))
            || (open >= 2 && self.has(open - 1, PREP) && self.has(open - 2, MENTION));
        if mention_before {
            return false;
        }
        let name_like = caps == words && !terminal;
        if words >= 4 {
            return !(name_like && words <= 8);
        }
        if terminal || colon_before || clause_after {
            return !name_like || terminal;
        }
        if name_like {
            return false;
        }
        // A quoted term right after or before a plain noun modifies it:
        // une attaque "test", the "traffic light" system.
        let plain = |i: usize| self.has(i, WORD) && self.flags(i) & !(WORD | CAP) == 0;
        // (Not when the quoted words start with a function word: the idea
        // "for months" is a partial quotation.)
        let function_start = self.has(open + 1, PREP | STOP | DET | PRON);
        let after_noun = open >= 1 && plain(open - 1) && !self.has(open - 1, CAP) && !function_start;
        let before_noun = close + 1 < self.a.tokens.len() && plain(close + 1) && !self.has(close + 1, CAP);
        if after_noun || before_noun {
            return false;
        }
        // A few quoted words are a partial quotation only when someone
        // says them ("le syndicat a dénoncé une « trahison »"); with a
        // reporting verb but nobody to attribute them to ("il a annoncé qu'il
        // transmettrait un « mémorandum argumenté »") they are a term.
        attributed && has_speaker
    }

    /// Reported speech: "X a indiqué que …", "X said …", "selon X, …",
    /// "…, a-t-il dit." Appends to `out`.
    fn reported(&self, found: &[Found], out: &mut Vec<Quote>) {
        let a = self.a;
        // Token ranges inside direct quotations (speech or not) are skipped.
        let quoted: Vec<(usize, usize)> = found.iter().map(|f| (f.pair.open, f.pair.close)).collect();
        let mut q = 0usize;
        let mut covered_until = 0usize; // byte offset: inside reported content found already
        for (s, range) in a.sentence_tokens.iter().enumerate() {
            let (lo, hi) = (range.start, range.end);
            if hi <= lo {
                continue;
            }
            let mut i = lo;
            while i < hi {
                while q < quoted.len() && quoted[q].1 < i {
                    q += 1;
                }
                if q < quoted.len() && quoted[q].0 <= i {
                    i = quoted[q].1 + 1;
                    continue;
                }
                if a.tokens[i].span.start < covered_until {
                    i += 1;
                    continue;
                }
                // "The thinking is that …": a verb form after a determiner is a noun.
                let noun = i > lo && self.has(i - 1, DET) && !self.has(i - 1, CLITIC);
                let hit = if self.has(i, VERB) && !noun {
                    self.reported_after_verb(i, lo, hi)
                } else if self.has(i, SOURCE | SOURCE_FIRST) {
                    self.reported_source(i, lo, hi)
                } else if self.is_punct(i, ",") {
                    self.reported_trailing(i, lo, hi)
                } else {
                    None
                };
                if let Some((content, sp)) = hit {
                    // Whatever the outcome, this stretch is not looked at
                    // again (keeps the pass linear).
                    covered_until = covered_until.max(content.end.min(a.tokens[hi - 1].span.end));
                    let content = self.trim_content(content, lo, hi);
                    let dup = out.last().is_some_and(|l| !l.direct && content.is_some_and(|c| c == l.span));
                    if let Some(content) = content.filter(|c| !dup && !self.only_direct(*c, found)) {
                        covered_until = content.end;
                        out.push(Quote { span: content, direct: false, speaker: Some(self.link(sp, None)) });
                    }
                }
                i += 1;
            }
            let _ = s;
        }
    }

    /// Content span (bytes) from token `from` to the end of the sentence
    /// (`hi` exclusive), or to token `to`.
    fn tokens_span(&self, from: usize, to: usize) -> Option<Span> {
        (from < to).then(|| Span::new(self.a.tokens[from].span.start, self.a.tokens[to - 1].span.end))
    }

    /// "X a indiqué (vendredi) que …", "X said (that) …".
    fn reported_after_verb(&self, v: usize, lo: usize, hi: usize) -> Option<(Span, Sp)> {
        let mut k = v + 1;
        let mut comp = None;
        while k < hi && k <= v + 6 {
            if self.has(k, COMP) {
                comp = Some(k);
                break;
            }
            // "n'a indiqué … que", "ne plus consacrer qu'un jour": a
            // restriction, not a complement.
            if self.has(k, VERB | NEG) || (!self.has(k, WORD | HYPHEN) && !self.is_punct(k, ",")) && !self.is_elision(k)
            {
                break;
            }
            k += 1;
        }
        let start = match comp {
            Some(c) => c + 1,
            // "X said Sudan had progressed" (at least a short clause, not
            // "X said late Thursday.").
            None if self.has(v, BARE)
                && (v + 1..hi).filter(|&k| self.has(k, WORD)).take(4).count() == 4
                && v + 1 < hi
                && self.has(v + 1, PRON | DET | CAP | WORD)
                && (!self.has(v + 1, PREP | STOP | ADV) || self.a.opens_quantity(v + 1, hi)) =>
            {
                v + 1
            }
            None => return None,
        };
        // Words between the verb and "que" must not be a subject's
        // inversion we cannot see; the speaker is the verb's subject.
        let sp = self.subject_before(v, lo)?;
        if hi - start < 3 {
            return None;
        }
        Some((self.tokens_span(start, hi)?, sp))
    }

    /// "Selon X, …" and "…, selon X."
    fn reported_source(&self, i: usize, lo: usize, hi: usize) -> Option<(Span, Sp)> {
        let (sp, end) = self.source_frame(i, hi)?;
        let at_start = i == lo || (i == lo + 1 && !self.has(lo, WORD)) || self.is_punct(i - 1, ",") && i - lo <= 2;
        if at_start && end < hi && self.is_punct(end, ",") && hi - end > 3 {
            // "According to X, quoting Y, …": the content follows the
            // participle clause.
            let mut start = end + 1;
            if self.is_participle(start) {
                if let Some(c) = (start + 1..hi.min(start + 20)).find(|&k| self.is_punct(k, ",")) {
                    start = c + 1;
                }
            }
            return Some((self.tokens_span(start, hi)?, sp));
        }
        let trailing = i > lo + 2 && self.is_punct(i - 1, ",") && (end..hi).all(|k| !self.has(k, WORD));
        if trailing {
            return Some((self.tokens_span(self.after_dateline(lo, i - 1), i - 1)?, sp));
        }
        None
    }

    /// "…, a-t-il dit.", "…, the minister said."
    fn reported_trailing(&self, comma: usize, lo: usize, hi: usize) -> Option<(Span, Sp)> {
        if comma < lo + 3 {
            return None;
        }
        let at = self.after_clause(comma, hi)?;
        let sp = at.speaker?;
        // Only a bare reporting clause closing the sentence: "X n'a pas
        // répondu dans l'immédiat" is not one.
        // The clause's tail runs to the sentence end, or to a comma before
        // a contrastive or coordinated clause ("…, two officials said on
        // Wednesday, though details remain unresolved").
        let hi = (at.end..hi)
            .find(|&k| self.is_punct(k, ",") && k + 1 < hi && self.has(k + 1, CONJ | STOP) && !self.has(k + 1, PREP))
            .unwrap_or(hi);
        let words_after = (at.end..hi).filter(|&k| self.has(k, WORD)).take(9).count();
        // A longer tail only as one adverbial ("… lors d'une conférence de
        // presse", "… in a statement on Tuesday"): no verb or clause in it.
        let adverbial_tail = words_after <= 8
            && at.end < hi
            && self.has(at.end, PREP | STOP | MOD_PREP)
            && !(at.end..hi).any(|k| self.has(k, VERB | AUX | COMP | REL | CONJ) || self.is_punct(k, ","));
        if !at.verb || words_after > 3 && !adverbial_tail || (comma..at.end).any(|k| self.has(k, NEG)) {
            return None;
        }
        // "X, speaking on condition of anonymity, claimed the suspect had
        // fled": what follows the verb is its clause (a complementizer, or
        // a verb after the would-be subject), not an inverted subject.
        if self.has(sp.tok, COMP) || self.has(at.end, AUX | VERB | BE) {
            return None;
        }
        let start = self.after_dateline(lo, comma);
        // "In a statement to the ABC, the Church denied …": a lone
        // prepositional phrase is an adverbial of the clause after it, not
        // what was said.
        let adverbial = self.has(start, PREP | STOP | MOD_PREP)
            && comma.saturating_sub(start) <= 8
            && !(start..comma).any(|k| self.has(k, VERB | AUX | COMP) || self.is_punct(k, ","));
        if adverbial {
            return None;
        }
        self.tokens_span(start, comma).map(|s| (s, sp))
    }

    /// The token after a wire dateline opening the sentence at `lo`
    /// ("LONDON —", "MOSCOW (AP) —"), or `lo` when there is none: the
    /// dateline is not part of what the source reported.
    fn after_dateline(&self, lo: usize, hi: usize) -> usize {
        let a = self.a;
        let mut k = lo;
        let mut caps = 0;
        while k < hi && k < lo + 8 {
            let t = a.tokens[k].span.slice(a.text);
            if self.has(k, DASH) {
                return if caps > 0 { k + 1 } else { lo };
            }
            let upper = self.has(k, WORD) && t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
            if upper {
                caps += 1;
            } else if !matches!(t, "(" | ")" | ",") {
                return lo;
            }
            k += 1;
        }
        lo
    }

    /// Trims sentence-final punctuation and a cut at ";" from reported
    /// content; None when nothing is left.
    fn trim_content(&self, content: Span, lo: usize, hi: usize) -> Option<Span> {
        let a = self.a;
        let first = a.token_at_or_after(content.start).max(lo);
        let mut last = hi;
        for k in first..hi {
            if a.tokens[k].span.start >= content.end {
                last = k;
                break;
            }
            if self.is_punct(k, ";") {
                last = k;
                break;
            }
        }
        while last > first && !self.has(last - 1, WORD) && !self.is_close_mark(last - 1) {
            last -= 1;
        }
        // A stray opening mark is not part of the content.
        let mut first = first;
        while first < last && self.is_open_mark(first) {
            first += 1;
        }
        let words = (first..last).filter(|&k| self.has(k, WORD)).count();
        if words < 2 {
            return None;
        }
        Some(Span::new(a.tokens[first].span.start, a.tokens[last - 1].span.end))
    }

    /// True when `content` is nothing but one direct quotation (marks
    /// included).
    fn only_direct(&self, content: Span, found: &[Found]) -> bool {
        let i = found.partition_point(|f| self.a.tokens[f.pair.close].span.end < content.start);
        found[i..].iter().take_while(|f| self.a.tokens[f.pair.open].span.start < content.end).any(|f| {
            let marks = Span::new(self.a.tokens[f.pair.open].span.start, self.a.tokens[f.pair.close].span.end);
            marks.start <= content.start && content.end <= marks.end + 1
        })
    }

    fn paragraph_of(&self, tok: usize) -> usize {
        let pos = self.a.tokens[tok].span.start;
        self.a.paragraphs.partition_point(|p| p.end <= pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;
    use crate::model::EntityLabel;

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
