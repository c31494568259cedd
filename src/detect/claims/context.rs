//! The per-text context of the claim layer and its token tests: word
//! classes, punctuation, capitals, quotations, entities.

use super::conditional;
use super::hits::protected_regions;
use super::lexicon::Lexicon;
use super::lexicon::{class, Role};
use super::words::*;
use super::{Analysis, Entity, Hit, Quote};
use crate::detect::mentions::Mentions;
use crate::sort::{pos, sort_by_rank};
use crate::span::Span;
use crate::text::normalize_word;
use crate::text::phrase::{self, PossessiveSpelling};
use crate::text::TokenKind;

/// Everything computed once per text.
pub(super) struct Context<'a, 't> {
    pub(super) a: &'a Analysis<'t>,
    pub(super) lex: &'static Lexicon,
    pub(super) entities: &'a [Entity],
    /// Word classes of each token (`lexicon::class`).
    pub(super) classes: Vec<u64>,
    /// Whether each token is a third-person conditional (French).
    pub(super) conditional: Vec<bool>,
    /// Cue hits, sorted by first token, none inside another.
    pub(super) hits: Vec<Hit>,
    /// Direct quotations: byte ranges, sorted, disjoint.
    pub(super) protected: Vec<Span>,
    /// Reported speech found by the quote layer ("X said [that …]"),
    /// sorted by start.
    pub(super) reported: Vec<Span>,
    /// The same, with its speaker's mention when the text gives one,
    /// sorted by the content's start.
    pub(super) reported_by: Vec<(Span, Span)>,
    /// The last sentence whose conditionals describe a proposal.
    pub(super) proposal_sentence: std::cell::Cell<Option<usize>>,
    /// The quote layer's speakers, sorted by start: with the mention
    /// layer's speaking mentions, what a later pronoun can point back to.
    pub(super) speakers: Vec<Span>,
    /// The document's mention layer (names, pronouns, descriptions and
    /// their roles).
    pub(super) mentions: &'a Mentions,
}

impl<'a, 't> Context<'a, 't> {
    pub(super) fn new(
        a: &'a Analysis<'t>,
        lex: &'static Lexicon,
        entities: &'a [Entity],
        quotes: &[Quote],
        mentions: &'a Mentions,
    ) -> Self {
        let mut buf = String::new();
        let mut classes = Vec::with_capacity(a.tokens.len());
        let mut conditional = Vec::with_capacity(a.tokens.len());
        for t in &a.tokens {
            let raw = t.text(a.text);
            normalize_word(raw, &mut buf);
            // An acronym ("WHO", "IT") is a name, not the function word it spells.
            let acronym = raw.len() >= 2 && raw.bytes().all(|b| b.is_ascii_uppercase());
            classes.push(if acronym { 0 } else { lex.class(&buf) });
            conditional.push(
                t.kind == TokenKind::Word
                    && a.lang == crate::lang::Lang::Fr
                    && conditional::is_conditional(&buf, &lex.stems),
            );
        }
        let protected = protected_regions(a, quotes);
        let mut ctx = Context {
            a,
            lex,
            entities,
            classes,
            conditional,
            hits: Vec::new(),
            protected,
            reported: {
                let mut v: Vec<Span> = quotes.iter().filter(|q| !q.direct).map(|q| q.span).collect();
                sort_by_rank(&mut v, |s| [pos(s.start), 0, 0]);
                v
            },
            reported_by: {
                let mut v: Vec<(Span, Span)> = quotes
                    .iter()
                    .filter(|q| !q.direct)
                    .filter_map(|q| Some((q.span, q.speaker.as_ref()?.span)))
                    .collect();
                sort_by_rank(&mut v, |(content, _)| [pos(content.start), 0, 0]);
                v
            },
            proposal_sentence: std::cell::Cell::new(None),
            speakers: {
                let mut v: Vec<Span> = quotes.iter().filter_map(|q| Some(q.speaker.as_ref()?.span)).collect();
                sort_by_rank(&mut v, |s| [pos(s.start), 0, 0]);
                v.dedup();
                v
            },
            mentions,
        };
        ctx.hits = ctx.find_hits();
        ctx
    }

    pub(super) fn text(&self, i: usize) -> &'t str {
        self.a.tokens.get(i).map_or("", |t| t.span.slice(self.a.text))
    }

    /// Whether token `i`, lower-cased, is one of `words`.
    pub(super) fn lower_in(&self, i: usize, words: &[&str]) -> bool {
        words.contains(&crate::case::lower_str(self.text(i)).as_str())
    }

    pub(super) fn is(&self, i: usize, flags: u64) -> bool {
        self.classes.get(i).is_some_and(|c| c & flags != 0)
    }

    pub(super) fn punct(&self, i: usize, chars: &[char]) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct && t.text(self.a.text).starts_with(chars))
    }

    pub(super) fn is_comma(&self, i: usize) -> bool {
        self.punct(i, &[','])
    }

    pub(super) fn is_strong_break(&self, i: usize) -> bool {
        self.punct(i, phrase::STRONG_BREAKS)
    }

    pub(super) fn is_protected(&self, pos: usize) -> bool {
        let i = self.protected.partition_point(|s| s.end <= pos);
        i < self.protected.len() && self.protected[i].start <= pos
    }

    /// True when `span` has a word outside direct quotations (a span that
    /// is only a quotation, with its marks and complementizer, is not a
    /// claim; one mixing the journalist's words and a quote is).
    pub(super) fn has_own_words(&self, span: Span) -> bool {
        let first = self.a.token_at_or_after(span.start);
        let last = self.a.token_at_or_after(span.end);
        let own: Vec<usize> = (first..last)
            .filter(|&k| {
                let t = &self.a.tokens[k];
                t.kind != TokenKind::Punct && !self.is(k, class::COMP) && !self.is_protected(t.span.start)
            })
            .collect();
        // "By this time, “her skin was weeping …”": a short adverbial
        // lead-in to a quotation is still only the quotation (a subject
        // before a partial quotation is not: "officials “plied …”").
        let lead_in = own.len() <= LEAD_IN_WORDS
            && own.first().is_some_and(|&k| self.is(k, class::PREP | class::ADV))
            && self.protected_bytes(span) * LEAD_IN_QUOTED_SHARE.1 >= span.len() * LEAD_IN_QUOTED_SHARE.0;
        // "Pour X, le « candidat s'est trompé d'agenda »": a lone determiner
        // opening a quoted clause is no word of the journalist's (before a
        // quoted term it is: "dénoncent un « passage en force »").
        let determiner = own.len() == 1
            && self.is(own[0], class::DET)
            && !self.is(own[0], class::NEG | class::NEG_SUBJECT)
            && self.next_is_quote(own[0])
            && self.a.text[span.start..span.end].split_whitespace().count() > QUOTED_CLAUSE_WORDS;
        !own.is_empty() && !lead_in && !determiner
    }

    /// Bytes of `span` inside direct quotations.
    pub(super) fn protected_bytes(&self, span: Span) -> usize {
        let first = self.protected.partition_point(|s| s.end <= span.start);
        self.protected[first..]
            .iter()
            .take_while(|s| s.start < span.end)
            .map(|s| s.end.min(span.end).saturating_sub(s.start.max(span.start)))
            .sum()
    }

    pub(super) fn span(&self, first: usize, end: usize) -> Span {
        Span::new(self.a.tokens[first].span.start, self.a.tokens[end - 1].span.end)
    }

    /// An English "-ly" adverb ("repeatedly", "strongly"), not a name
    /// ("Italy") or a short word ("only").
    pub(super) fn is_ly_adverb(&self, i: usize) -> bool {
        self.a.lang == crate::lang::Lang::En
            && self.text(i).len() > LY_ADVERB_MIN_BYTES
            && self.text(i).ends_with(LY_ENDING)
            && !self.is_capitalized(i)
    }

    /// A present participle ("denying", "accusant"), by its ending.
    pub(super) fn is_present_participle(&self, i: usize) -> bool {
        let w = self.text(i);
        PRESENT_PARTICIPLE_ENDINGS.iter().any(|e| w.ends_with(e))
    }

    /// A demonstrative determiner ("ces critiques", "this report").
    pub(super) fn is_demonstrative(&self, i: usize) -> bool {
        self.lower_in(i, DEMONSTRATIVES)
    }

    /// Whether what a reporting verb reports from token `k` on is an object
    /// that holds no clause: "said little about the timing", "said much the
    /// same", "ont dit peu de choses" — but not "said something was wrong"
    /// or "said so much damage had …".
    pub(super) fn no_content_at(&self, k: usize, limit: usize) -> bool {
        let mut j = k;
        while j < limit && self.is(j, class::NO_CONTENT) {
            j += 1;
        }
        j > k
            && (j >= limit
                || self.a.tokens[j].kind == TokenKind::Punct
                || self.is(j, class::PREP | class::DET | class::CONJ) && !self.is(j, class::COMP))
    }

    /// A French past participle ("accusé", "démentie"): one token ending
    /// in é, ée, és, ées.
    pub(super) fn is_past_participle_fr(&self, i: usize) -> bool {
        let w = crate::case::lower_str(self.text(i));
        FR_PAST_PARTICIPLE_ENDINGS.iter().any(|e| w.ends_with(e))
    }

    /// "l'accusé": a past participle right after an elided article is a
    /// noun; an object clitic never stands right before a participle, which
    /// needs its auxiliary in between ("l'a accusé").
    pub(super) fn is_elided_noun(&self, i: usize) -> bool {
        i > 0 && self.a.tokens[i - 1].kind == TokenKind::Elision && self.is_past_participle_fr(i)
    }

    /// "beaucoup d'habitants", "des dizaines de manifestants", "scores of
    /// residents": token `of` is the "de"/"of" after a quantity of people.
    pub(super) fn is_quantity_of(&self, of: usize) -> bool {
        of > 0 && self.is_of(of) && self.is(of - 1, class::QUANTIFIER | class::NUMERAL)
    }

    /// The possessive "'s" of "Saudi Arabia's".
    pub(super) fn is_possessive(&self, i: usize) -> bool {
        phrase::is_possessive_clitic(self.text(i), PossessiveSpelling::ShortAnyCase)
    }

    /// "de", "d'", "of": a preposition that keeps a noun phrase going.
    pub(super) fn is_of(&self, i: usize) -> bool {
        let t = self.text(i);
        OF_WORDS.iter().any(|w| t.eq_ignore_ascii_case(w))
            || t.starts_with(['d', 'D']) && t.len() <= 3 && t.ends_with(['\'', '’'])
    }

    /// The entities starting at a byte offset in `start..end` (entities are
    /// sorted by start and do not overlap).
    pub(super) fn entities_from(&self, start: usize, end: usize) -> &'a [Entity] {
        let lo = self.entities.partition_point(|e| e.span.start < start);
        let hi = self.entities.partition_point(|e| e.span.start < end);
        &self.entities[lo..hi.max(lo)]
    }

    /// The entities overlapping `start..end` (a binary search: a scan of
    /// every entity here made the claim layer quadratic on long texts).
    pub(super) fn entities_overlapping(&self, start: usize, end: usize) -> &'a [Entity] {
        let lo = self.entities.partition_point(|e| e.span.end <= start);
        let hi = self.entities.partition_point(|e| e.span.start < end);
        &self.entities[lo..hi.max(lo)]
    }

    /// The entity covering byte offset `pos`, if any.
    pub(super) fn entity_at(&self, pos: usize) -> Option<&'a Entity> {
        let i = self.entities.partition_point(|e| e.span.start <= pos);
        self.entities[..i].last().filter(|e| pos < e.span.end)
    }

    pub(super) fn is_capitalized(&self, i: usize) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.is_capitalized(self.a.text))
    }

    /// True when token `i` is a reporting or belief verb ("said", "think",
    /// "claimed").
    pub(super) fn is_report_verb(&self, i: usize) -> bool {
        self.is(i, class::REPORT)
            || !self.is_elided_noun(i)
                && self.hit_at(i).is_some_and(|h| matches!(h.cue.role, Role::Verb | Role::VerbThat))
    }

    /// A cue that names a source rather than qualifying a claim ("a person
    /// close to", "officials", "le ministre", "the newspaper").
    pub(super) fn names_a_source(h: &Hit) -> bool {
        matches!(h.cue.role, Role::Anon | Role::AnonSubj | Role::SourceNoun | Role::Media)
    }
}
