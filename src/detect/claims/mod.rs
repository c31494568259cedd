//! Unverified claims: what the article reports without vouching for it
//! (annotation guidelines §3).
//!
//! 1. Cues are found once over the whole text: the phrase lexicon
//!    (`data/<lang>/claim-cues.txt`, one Aho-Corasick automaton) and, in
//!    French, conditional verb forms by morphology (`conditional`).
//! 2. Cues inside direct quotations are dropped (the quote layer's quotes,
//!    and our own scan of quotation marks, so the layer is right alone).
//! 3. Each cue gives a candidate claim by its role: a source frame ("selon
//!    X, \[claim\]"), a claim verb ("X a affirmé \[claim\]"), a predicate cue
//!    inside its clause ("[la panne pourrait …]"), a noun-phrase cue, an
//!    anonymous source, a non-response or a non-verification.
//! 4. Candidates of one clause merge into one claim: the highest-priority
//!    cue is the primary one, the others go to `other_cues`.
//! 5. A non-verification or non-response that points back ("ces
//!    affirmations") also marks the claims of the sentence it points to.

mod conditional;
mod lexicon;

use super::Analysis;
use crate::model::{Claim, ClaimReason, Entity, EntityLabel, Quote};
use crate::span::Span;
use crate::text::{normalize_word, TokenKind};
use lexicon::{class, Cue, Lexicon, Role};

/// Function words: none of them is an adjective after a source noun.
const FUNCTION: u64 = class::COMP
    | class::CONJ
    | class::DET
    | class::AUX
    | class::NEG
    | class::CLITIC
    | class::PRON
    | class::ADV
    | class::PREP
    | class::REL
    | class::SUB;

/// The longest stretch of tokens a clause scan looks at, so that time stays
/// linear on pathological input (one endless sentence).
const MAX_SCAN: usize = 120;
/// The longest source noun phrase, in tokens.
const MAX_SOURCE: usize = 12;
/// The longest clause segment (between commas) a look-back scans.
const MAX_SEGMENT: usize = 40;
/// How many sentences back a back-reference ("ces affirmations") looks.
const MAX_BACK: usize = 3;

/// A cue occurrence: tokens `first..end` of the text.
#[derive(Clone, Copy, Debug)]
struct Hit {
    first: usize,
    end: usize,
    cue: Cue,
}

/// A claim before merging.
#[derive(Clone, Debug)]
struct Candidate {
    span: Span,
    cue: Span,
    reason: ClaimReason,
    source: Option<Span>,
    /// A phrase in this claim that points back to earlier claims.
    backref: bool,
}

/// Finds the unverified claims of the text, sorted by start.
pub fn detect(analysis: &Analysis, entities: &[Entity], quotes: &[Quote]) -> Vec<Claim> {
    if analysis.tokens.is_empty() {
        return Vec::new();
    }
    let lex = lexicon::lexicon(analysis.lang);
    let ctx = Context::new(analysis, lex, entities, quotes);
    let mut claims: Vec<(usize, Claim, bool)> = Vec::new();
    for si in 0..analysis.sentences.len() {
        let cands = ctx.sentence_candidates(si);
        for (claim, backref) in merge(cands, &ctx) {
            if let Some(source) = claim.source {
                ctx.add_mention(source);
            }
            claims.push((si, claim, backref));
        }
    }
    ctx.link_back_references(&mut claims);
    let mut out: Vec<Claim> = claims.into_iter().map(|(_, c, _)| c).collect();
    out.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    out
}

/// Everything computed once per text.
struct Context<'a, 't> {
    a: &'a Analysis<'t>,
    lex: &'static Lexicon,
    entities: &'a [Entity],
    /// Word classes of each token (`lexicon::class`).
    classes: Vec<u64>,
    /// Whether each token is a third-person conditional (French).
    conditional: Vec<bool>,
    /// Cue hits, sorted by first token, none inside another.
    hits: Vec<Hit>,
    /// Direct quotations: byte ranges, sorted, disjoint.
    protected: Vec<Span>,
    /// Reported speech found by the quote layer ("X said [that …]").
    reported: Vec<Span>,
    /// The same, with its speaker's mention when the text gives one,
    /// sorted by the content's start.
    reported_by: Vec<(Span, Span)>,
    /// The last sentence whose conditionals describe a proposal.
    proposal_sentence: std::cell::Cell<Option<usize>>,
    /// Speaker mentions a later pronoun can point back to: the quote
    /// layer's speakers and the sources of the claims found so far, sorted
    /// by start (`detect` appends as it goes through the sentences).
    mentions: std::cell::RefCell<Vec<Span>>,
}

impl<'a, 't> Context<'a, 't> {
    fn new(a: &'a Analysis<'t>, lex: &'static Lexicon, entities: &'a [Entity], quotes: &[Quote]) -> Self {
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
            reported: quotes.iter().filter(|q| !q.direct).map(|q| q.span).collect(),
            reported_by: {
                let mut v: Vec<(Span, Span)> = quotes
                    .iter()
                    .filter(|q| !q.direct)
                    .filter_map(|q| Some((q.span, q.speaker.as_ref()?.span)))
                    .collect();
                v.sort_by_key(|(content, _)| content.start);
                v
            },
            proposal_sentence: std::cell::Cell::new(None),
            mentions: {
                let mut v: Vec<Span> = quotes.iter().filter_map(|q| Some(q.speaker.as_ref()?.span)).collect();
                v.sort_by_key(|s| s.start);
                std::cell::RefCell::new(v)
            },
        };
        ctx.hits = ctx.find_hits();
        ctx
    }

    fn text(&self, i: usize) -> &'t str {
        self.a.tokens.get(i).map_or("", |t| t.span.slice(self.a.text))
    }

    fn is(&self, i: usize, flags: u64) -> bool {
        self.classes.get(i).is_some_and(|c| c & flags != 0)
    }

    fn punct(&self, i: usize, chars: &[char]) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct && t.text(self.a.text).starts_with(chars))
    }

    fn is_comma(&self, i: usize) -> bool {
        self.punct(i, &[','])
    }

    fn is_strong_break(&self, i: usize) -> bool {
        self.punct(i, &[';', ':', '.', '!', '?', '…'])
    }

    fn is_protected(&self, pos: usize) -> bool {
        let i = self.protected.partition_point(|s| s.end <= pos);
        i < self.protected.len() && self.protected[i].start <= pos
    }

    /// True when `span` has a word outside direct quotations (a span that
    /// is only a quotation, with its marks and complementizer, is not a
    /// claim; one mixing the journalist's words and a quote is).
    fn has_own_words(&self, span: Span) -> bool {
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
        let lead_in = own.len() <= 3
            && own.first().is_some_and(|&k| self.is(k, class::PREP | class::ADV))
            && self.protected_bytes(span) * 3 >= span.len() * 2;
        !own.is_empty() && !lead_in
    }

    /// Bytes of `span` inside direct quotations.
    fn protected_bytes(&self, span: Span) -> usize {
        let first = self.protected.partition_point(|s| s.end <= span.start);
        self.protected[first..]
            .iter()
            .take_while(|s| s.start < span.end)
            .map(|s| s.end.min(span.end).saturating_sub(s.start.max(span.start)))
            .sum()
    }

    fn span(&self, first: usize, end: usize) -> Span {
        Span::new(self.a.tokens[first].span.start, self.a.tokens[end - 1].span.end)
    }

    /// An English "-ly" adverb ("repeatedly", "strongly"), not a name
    /// ("Italy") or a short word ("only").
    fn is_ly_adverb(&self, i: usize) -> bool {
        self.a.lang == crate::lang::Lang::En
            && self.text(i).len() > 4
            && self.text(i).ends_with("ly")
            && !self.is_capitalized(i)
    }

    /// A present participle ("denying", "accusant"), by its ending.
    fn is_present_participle(&self, i: usize) -> bool {
        let w = self.text(i);
        w.ends_with("ing") || w.ends_with("ant")
    }

    /// A demonstrative determiner ("ces critiques", "this report").
    fn is_demonstrative(&self, i: usize) -> bool {
        ["ce", "cet", "cette", "ces", "this", "that", "these", "those"].contains(&self.text(i).to_lowercase().as_str())
    }

    /// Whether what a reporting verb reports from token `k` on is an object
    /// that holds no clause: "said little about the timing", "said much the
    /// same", "ont dit peu de choses" — but not "said something was wrong"
    /// or "said so much damage had …".
    fn no_content_at(&self, k: usize, limit: usize) -> bool {
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
    fn is_past_participle_fr(&self, i: usize) -> bool {
        let w = self.text(i).to_lowercase();
        ["é", "ée", "és", "ées"].iter().any(|e| w.ends_with(e))
    }

    /// "l'accusé": a past participle right after an elided article is a
    /// noun; an object clitic never stands right before a participle, which
    /// needs its auxiliary in between ("l'a accusé").
    fn is_elided_noun(&self, i: usize) -> bool {
        i > 0 && self.a.tokens[i - 1].kind == TokenKind::Elision && self.is_past_participle_fr(i)
    }

    /// "beaucoup d'habitants", "des dizaines de manifestants", "scores of
    /// residents": token `of` is the "de"/"of" after a quantity of people.
    fn is_quantity_of(&self, of: usize) -> bool {
        of > 0 && self.is_of(of) && self.is(of - 1, class::QUANTIFIER | class::NUMERAL)
    }

    /// The possessive "'s" of "Saudi Arabia's".
    fn is_possessive(&self, i: usize) -> bool {
        let t = self.text(i);
        t.len() <= 3 && t.starts_with(['\'', '’']) && t.ends_with(['s', 'S'])
    }

    /// "de", "d'", "of": a preposition that keeps a noun phrase going.
    fn is_of(&self, i: usize) -> bool {
        let t = self.text(i);
        t.eq_ignore_ascii_case("de")
            || t.eq_ignore_ascii_case("of")
            || t.starts_with(['d', 'D']) && t.len() <= 3 && t.ends_with(['\'', '’'])
    }

    /// The entities starting at a byte offset in `start..end` (entities are
    /// sorted by start and do not overlap).
    fn entities_from(&self, start: usize, end: usize) -> &'a [Entity] {
        let lo = self.entities.partition_point(|e| e.span.start < start);
        let hi = self.entities.partition_point(|e| e.span.start < end);
        &self.entities[lo..hi.max(lo)]
    }

    /// The entity covering byte offset `pos`, if any.
    fn entity_at(&self, pos: usize) -> Option<&'a Entity> {
        let i = self.entities.partition_point(|e| e.span.start <= pos);
        self.entities[..i].last().filter(|e| pos < e.span.end)
    }

    fn is_capitalized(&self, i: usize) -> bool {
        self.a.tokens.get(i).is_some_and(|t| t.is_capitalized(self.a.text))
    }

    /// Cue phrases over the whole text, on token boundaries, longest first,
    /// none inside another; `ignore` phrases block what they contain.
    fn find_hits(&self) -> Vec<Hit> {
        let text = self.a.text;
        let tokens = &self.a.tokens;
        let mut raw: Vec<Hit> = Vec::new();
        for m in self.lex.matcher.find_overlapping_iter(text) {
            let cue = self.lex.cues[m.pattern().as_usize()];
            let (start, mut end) = (m.start(), m.end());
            if text[..start].chars().next_back().is_some_and(char::is_alphanumeric) {
                continue;
            }
            if cue.prefix {
                end += text[end..].find(|c: char| !c.is_alphanumeric()).unwrap_or(text.len() - end);
            }
            let first = tokens.partition_point(|t| t.span.start < start);
            if first >= tokens.len() || tokens[first].span.start != start {
                continue;
            }
            // The match must end where a token ends (not inside a word).
            let last = tokens.partition_point(|t| t.span.end < end);
            if last >= tokens.len() || tokens[last].span.end != end {
                continue;
            }
            if cue.lower {
                let sentence_initial =
                    self.a.sentence_at(start).is_some_and(|s| self.a.sentence_tokens[s].start == first);
                if !sentence_initial && text[start..end].chars().any(char::is_uppercase) {
                    continue;
                }
                // "May 5 was the deadline", "May 2010.": a month opening the
                // sentence, not the modal.
                let capitalized = text[start..end].starts_with(char::is_uppercase);
                if sentence_initial
                    && capitalized
                    && (tokens.get(last + 1).is_some_and(|t| t.kind == TokenKind::Number)
                        || self.entity_at(start).is_some_and(|e| e.label == EntityLabel::Date))
                {
                    continue;
                }
            }
            raw.push(Hit { first, end: last + 1, cue });
        }
        // Longest first at each start, then drop hits inside an earlier one.
        raw.sort_by_key(|h| (h.first, std::cmp::Reverse(h.end)));
        let mut hits: Vec<Hit> = Vec::with_capacity(raw.len());
        let mut covered_to = 0;
        for h in raw {
            if h.end <= covered_to {
                continue;
            }
            covered_to = covered_to.max(h.end);
            hits.push(h);
        }
        hits.retain(|h| h.cue.role != Role::Ignore && !self.is_protected(tokens[h.first].span.start));
        hits
    }

    fn sentence_hits(&self, si: usize) -> &[Hit] {
        let r = &self.a.sentence_tokens[si];
        let lo = self.hits.partition_point(|h| h.first < r.start);
        let hi = self.hits.partition_point(|h| h.first < r.end);
        &self.hits[lo..hi]
    }

    // -----------------------------------------------------------------
    // Clauses.

    /// The first token of the clause holding token `i` (sentence `si`).
    fn clause_start(&self, si: usize, i: usize) -> usize {
        let lo = self.a.sentence_tokens[si].start;
        let stop = i.saturating_sub(MAX_SCAN).max(lo);
        let mut j = i;
        while j > stop {
            let p = j - 1;
            if self.punct(p, &[';', ':']) || self.is(p, class::COMP) && p + 1 == j && j <= i {
                return j;
            }
            // "…, since [a direct attack is unlikely]", "closed because
            // [demand may have fallen]": a clause of cause or contrast of its
            // own (not "even" before "though").
            if self.is(p, class::CONTRAST | class::CAUSE) && p > lo && j <= i && !self.is(j, class::SUB | class::COMP) {
                return j;
            }
            // "The agency says [some crops may …]": a reporting verb without
            // complementizer frames the clause that follows it.
            if self.is(p, class::REPORT) && j <= i && (self.is(j, class::DET | class::PRON) || self.is_capitalized(j)) {
                return j;
            }
            if self.is_comma(p) && (self.is(j, class::CONJ) && !self.is(j, class::ADV) || self.frame_at(j)) {
                return j;
            }
            if self.is_comma(p) && (self.frame_ends_before(si, p) || self.subordinate_ends_at(si, p)) {
                return j;
            }
            j -= 1;
        }
        stop
    }

    /// One past the last token of the clause holding token `i`.
    fn clause_end(&self, si: usize, i: usize) -> usize {
        let hi = self.a.sentence_tokens[si].end;
        let stop = (i + MAX_SCAN).min(hi);
        // "Even though [support may be weaker], many institutions …": a
        // preposed clause of cause or contrast ends at its comma.
        let lo = self.a.sentence_tokens[si].start;
        let preposed = (lo..(lo + 2).min(i)).any(|k| self.is(k, class::CONTRAST | class::CAUSE))
            && (lo..i).all(|k| !self.is_comma(k));
        if preposed {
            if let Some(comma) = (i + 1..stop).find(|&k| self.is_comma(k)) {
                return comma;
            }
        }
        let mut j = i + 1;
        while j < stop {
            if self.punct(j, &[';', ':']) && !self.next_is_quote(j) {
                return j;
            }
            if self.is_comma(j) && self.relative_start(j).is_some_and(|k| k <= i) {
                // The cue is inside an appositive relative clause.
                return j;
            }
            if self.is_comma(j) && j > i && self.opens_apposed_object(si, j) {
                return j;
            }
            if self.is_comma(j) && j + 1 < hi {
                let n = j + 1;
                // "…, arguant que [B]", "…, claiming [B]": another claim verb.
                let verb_after = self.hit_at(n).is_some_and(|x| matches!(x.cue.role, Role::Verb | Role::VerbThat));
                if self.is(n, class::CONJ) && !self.is(n, class::ADV)
                    // "…, while the federation maintains …".
                    || self.is(n, class::CONTRAST)
                    || self.frame_at(n)
                    || self.inverted_at(n)
                    || self.inverted_report_at(n)
                    || verb_after
                    || self.trailing_report_at(si, n)
                {
                    return j;
                }
            }
            j += 1;
        }
        stop
    }

    fn next_is_quote(&self, i: usize) -> bool {
        i + 1 < self.a.tokens.len() && self.punct(i + 1, &['«', '“', '"'])
    }

    /// True when a source frame ("selon X") starts at token `i`.
    fn frame_at(&self, i: usize) -> bool {
        self.hit_at(i).is_some_and(|h| {
            h.cue.role == Role::Frame
                // "…, pour discuter d'un tracé": "pour" before an infinitive
                // is a purpose, not a source.
                && !(self.text(i).eq_ignore_ascii_case("pour")
                    && h.end == i + 1
                    && h.end < self.a.tokens.len()
                    && !self.is(h.end, class::DET | class::STRESSED)
                    && !self.is_capitalized(h.end))
        })
    }

    /// True when a frame ending with the comma at `comma` starts the clause
    /// ("Selon X, …").
    fn frame_ends_before(&self, si: usize, comma: usize) -> bool {
        let lo = self.a.sentence_tokens[si].start;
        let mut j = comma;
        let stop = comma.saturating_sub(MAX_SOURCE + 2).max(lo);
        while j > stop {
            j -= 1;
            if self.is_comma(j) || self.is_strong_break(j) {
                return false;
            }
            if self.frame_at(j) {
                return true;
            }
        }
        false
    }

    /// True when the comma at `comma` closes a preposed subordinate clause
    /// ("Même si la mairie dément, …", "When the fire started, …").
    fn subordinate_ends_at(&self, si: usize, comma: usize) -> bool {
        let lo = self.a.sentence_tokens[si].start;
        let stop = comma.saturating_sub(MAX_SEGMENT).max(lo);
        let mut k = comma;
        while k > stop && !(self.is_comma(k - 1) || self.punct(k - 1, &[';', ':'])) {
            k -= 1;
        }
        while k < comma && self.is(k, class::CONJ) && !self.is(k, class::SUB) {
            k += 1;
        }
        k < comma && self.is(k, class::SUB)
    }

    /// An inverted reporting clause at `i` after a comma: "…, affirme X",
    /// "…, a-t-il affirmé".
    fn inverted_at(&self, i: usize) -> bool {
        let mut j = i;
        while j < self.a.tokens.len()
            && (self.is(j, class::AUX | class::ADV)
                || self.text(j).starts_with('-')
                || j > i && self.text(j - 1).starts_with('-') && self.is(j, class::PRON))
        {
            j += 1;
        }
        self.hit_at(j).is_some_and(|h| matches!(h.cue.role, Role::Verb | Role::VerbThat))
            && self.hit_at(j).is_some_and(|h| self.verb_is_inverted(h))
    }

    /// An inverted neutral reporting clause at `i` after a comma: "…,
    /// a-t-il averti", "…, dit-elle", "…, a précisé la préfecture". Not part
    /// of the claim before it.
    fn inverted_report_at(&self, i: usize) -> bool {
        let len = self.a.tokens.len();
        if i + 1 < len && self.is(i, class::REPORT) && self.text(i + 1).starts_with('-') {
            return true;
        }
        let mut j = i;
        let mut clitic = false;
        while j < len
            && (self.is(j, class::AUX | class::ADV)
                || self.text(j).starts_with('-')
                || j > i && self.text(j - 1).starts_with('-') && self.is(j, class::PRON))
        {
            clitic |= self.text(j).starts_with('-');
            j += 1;
        }
        j > i && j < len && self.is(j, class::REPORT | class::TELL) && (clitic || self.is(i, class::AUX))
    }

    /// A cue that names a source rather than qualifying a claim ("a person
    /// close to", "officials", "le ministre", "the newspaper").
    fn names_a_source(h: &Hit) -> bool {
        matches!(h.cue.role, Role::Anon | Role::AnonSubj | Role::SourceNoun | Role::Media)
    }

    /// A reporting clause closing the sentence from token `i`: a short
    /// subject, a reporting verb, a few words ("…, police said in a
    /// statement.", "…, a indiqué la préfecture."). Not part of the claim.
    fn trailing_report_at(&self, si: usize, i: usize) -> bool {
        self.trailing_report(si, i).is_some()
    }

    /// The verb of a reporting clause closing the sentence from token `i`
    /// (see `trailing_report_at`).
    fn trailing_report(&self, si: usize, i: usize) -> Option<usize> {
        let end = self.a.sentence_tokens[si].end;
        let v = (i..(i + 10).min(end)).find(|&k| {
            self.is(k, class::REPORT | class::TELL)
                // "…, local media reported."
                || self.is_report_verb(k) && k > i
        })?;
        // A claim verb closes the sentence only with an adverbial after it,
        // not an object ("62 % des Français jugent la réforme injuste").
        if !self.is(v, class::REPORT | class::TELL)
            && v + 1 < end
            && self.a.tokens[v + 1].kind != TokenKind::Punct
            && !self.is(v + 1, class::PREP | class::ADV)
        {
            return None;
        }
        // The subject may itself be a source cue ("a person close to the
        // singer", "des sources proches", "the newspaper").
        let subject_ok = (i..v).all(|k| {
            !self.is(k, class::COMP | class::AUX | class::NEG | class::REL | class::CONJ | class::CONTRAST)
                && !self.is_comma(k)
                && !matches!(self.hit_at(k), Some(x) if !Self::names_a_source(x) && x.cue.role != Role::BackRef)
        });
        // At most five words after the verb, none a complementizer or comma;
        // stops at the first that fails, so a long tail costs nothing.
        // A comma before a contrastive or coordinated clause, a prepositional
        // appendix or a participle ends the tail ("…, two officials said on
        // Wednesday, though details remain …", "…, in what would be …",
        // "…, adding that …").
        let mut tail_words = 0;
        let tail_end = (v + 1..end)
            .find(|&k| {
                self.is_comma(k)
                    && k + 1 < end
                    && (self.is(k + 1, class::CONTRAST | class::CONJ | class::SUB | class::PREP)
                        || self.is_present_participle(k + 1))
            })
            .unwrap_or(end);
        // (No auxiliary: "…, but critics said the checks were inadequate"
        // reports a clause of its own.)
        let tail_ok = (v + 1..tail_end).all(|k| {
            tail_words += usize::from(self.a.tokens[k].kind == TokenKind::Word);
            tail_words <= 5 && !self.is(k, class::COMP | class::AUX) && !self.is_comma(k)
        });
        (subject_ok && tail_ok).then_some(v)
    }

    /// "[X may …], two people with knowledge of the inquiry said.": an
    /// unidentified source in a reporting clause after the claim makes it
    /// an anonymous claim, whatever cue the clause before has.
    fn postposed_unidentified(&self, si: usize, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        for comma in (r.start + 3..r.end).filter(|&k| self.is_comma(k)) {
            // "…, two people … said." or, inverted, "…, avance un spécialiste …".
            let (first, end) = match self.trailing_report(si, comma + 1) {
                Some(v) => (comma + 1, v),
                None => {
                    // "…, ont confié à l'AFP deux diplomates": auxiliaries,
                    // the verb, an addressee, then the unnamed source.
                    let mut v = comma + 1;
                    while v < r.end && self.is(v, class::AUX) {
                        v += 1;
                    }
                    if !(v + 1 < r.end && self.is_report_verb(v)) {
                        continue;
                    }
                    let last = (v + 1..r.end).rev().find(|&k| self.a.tokens[k].kind != TokenKind::Punct);
                    match last {
                        // A noun phrase, not a clause ("…, said [at least two
                        // patients had died]").
                        Some(l)
                            if l + 1 - (v + 1) <= 16
                                && (v + 1..=l).all(|k| !self.is_comma(k) && !self.is(k, class::COMP | class::AUX)) =>
                        {
                            let source = (v + 1..=l)
                                .find(|&k| {
                                    self.is(k, class::INDEF | class::NUMERAL)
                                        || self.a.tokens[k].kind == TokenKind::Number
                                })
                                .filter(|_| self.is(v + 1, class::PREP))
                                .unwrap_or(v + 1);
                            (source, l + 1)
                        }
                        _ => continue,
                    }
                }
            };
            // "Selon une source, [un accord pourrait être] annoncé": after a
            // frame, and with a verb of its own, the segment is the clause.
            if self.frame_ends_before(si, comma) || (first..end).any(|k| self.conditional[k]) {
                continue;
            }
            let anon_hit = self.hits_in(first, end).iter().any(|x| matches!(x.cue.role, Role::Anon | Role::AnonSubj));
            if first >= end || !(anon_hit || self.indefinite_source(first, end)) {
                continue;
            }
            let source = self.without_final_period(self.span(first, end));
            if let Some(span) = self.trimmed(self.clause_start(si, comma - 1), comma) {
                out.push(Candidate {
                    span,
                    cue: source,
                    reason: ClaimReason::AnonymousSource,
                    source: Some(source),
                    backref: false,
                });
            }
        }
    }

    fn hit_at(&self, i: usize) -> Option<&Hit> {
        let k = self.hits.partition_point(|h| h.first < i);
        self.hits.get(k).filter(|h| h.first == i)
    }

    /// Past a dateline opening a span ("KELDMOOR, Dec. 3 — …", "LONDON
    /// (Reuters) - …", "ARGENSEL, 12 novembre — …"): a place in capitals,
    /// then no lower-case function word up to a dash.
    fn after_dateline(&self, first: usize, end: usize) -> usize {
        if first >= end {
            return first;
        }
        let t = self.text(first);
        let capitals = t.chars().count() >= 3 && t.chars().all(|c| c.is_uppercase() || c == '-');
        if !capitals {
            return first;
        }
        let dash = (first + 1..(first + 8).min(end)).find(|&k| self.punct(k, &['—', '–', '-']));
        match dash {
            // No lower-case function word before the dash: not a clause.
            Some(d)
                if (first + 1..d).all(|k| {
                    self.a.tokens[k].kind != TokenKind::Word || self.is_capitalized(k) || !self.is(k, FUNCTION)
                }) =>
            {
                d + 1
            }
            _ => first,
        }
    }

    /// `first..end` without a leading dateline, footnote mark, connective,
    /// complementizer, subordinator of cause or contrast or punctuation, nor
    /// trailing punctuation; `None` if nothing is left.
    fn trimmed(&self, mut first: usize, mut end: usize) -> Option<Span> {
        first = self.after_dateline(first, end);
        loop {
            // A footnote mark left at the sentence start ("[109] New …").
            if first + 2 < end
                && self.punct(first, &['['])
                && self.a.tokens[first + 1].kind == TokenKind::Number
                && self.punct(first + 2, &[']'])
            {
                first += 3;
                continue;
            }
            if first < end
                && (self.is(first, class::CONJ | class::COMP | class::CAUSE | class::CONTRAST)
                    && !self.is(first, class::DET)
                    || self.punct(first, &[',', ';', ':', '.', '-', '–', '—']))
            {
                first += 1;
                continue;
            }
            break;
        }
        while end > first && self.punct(end - 1, &[',', ';', ':', '.', '!', '?', '…', '-', '–', '—']) {
            end -= 1;
        }
        (first < end).then(|| self.span(first, end))
    }

    // -----------------------------------------------------------------
    // Noun phrases.

    /// The noun phrase starting at `i`: up to a comma, a strong break, a
    /// complementizer or `MAX_SOURCE` tokens, ending before `limit`.
    fn np_forward(&self, i: usize, limit: usize) -> usize {
        let mut j = i;
        while j < limit && j - i < MAX_SOURCE {
            if self.is_comma(j) || self.is_strong_break(j) || self.is(j, class::COMP) && j > i {
                break;
            }
            if self.punct(j, &['(', ')', '«', '»', '"', '“', '”']) {
                break;
            }
            j += 1;
        }
        j
    }

    /// The subject noun phrase ending just before token `i` (the verb or
    /// its auxiliary): back to a comma, a break, a complementizer, an
    /// auxiliary or a participle.
    fn subject_before(&self, si: usize, mut i: usize) -> Option<Span> {
        let lo = self.a.sentence_tokens[si].start;
        // Auxiliaries, negation, clitics, adverbs, "à"/"to" before an infinitive;
        // an English "-ly" adverb after an auxiliary ("has repeatedly claimed").
        // ("The ministry flatly denied": directly before the verb too.)
        let verb = i;
        let ly_adverb = |k: usize| k > lo && (self.is(k - 1, class::AUX) || k + 1 == verb) && self.is_ly_adverb(k);
        while i > lo && (self.is(i - 1, class::AUX | class::NEG | class::CLITIC | class::ADV) || ly_adverb(i - 1)) {
            i -= 1;
        }
        if i > lo && self.is(i - 1, class::PREP) {
            i -= 1;
        }
        // "Le chef, que l'armée …, revendique": skip the relative clause;
        // "Le maire, interrogé par l'AFP, a assuré": the participle phrase.
        if i > lo && self.is_comma(i - 1) {
            if let Some(k) = self.relative_start(i - 1).or_else(|| self.participle_apposition_start(i - 1)) {
                i = k - 1;
            } else if let Some(open) = self.apposition_opening(i - 1) {
                i = open;
            }
        }
        let end = i;
        let stop = end.saturating_sub(MAX_SOURCE).max(lo);
        let mut j = end;
        while j > stop {
            let p = j - 1;
            let stops = self.is_comma(p)
                || self.is_strong_break(p)
                || self.a.tokens[p].kind == TokenKind::Punct && !self.punct(p, &['-', '\'', '’'])
                || self.is(p, class::COMP | class::AUX | class::CONJ | class::REPORT | class::CONTRAST | class::SUB)
                || p > lo && self.is(p - 1, class::AUX) && !self.is(p, class::DET);
            if stops {
                break;
            }
            j -= 1;
        }
        // Leading prepositions are not part of the subject.
        while j < end && self.is(j, class::PREP) && !self.is(j, class::DET) {
            j += 1;
        }
        (j < end).then(|| self.span(j, end))
    }

    /// A "de X" complement after `i` ("du groupe Anonymous"): the span of X.
    fn of_complement(&self, i: usize, limit: usize) -> Option<(usize, usize)> {
        if i >= limit || !self.is(i, class::PREP) {
            return None;
        }
        let end = self.np_forward(i + 1, limit);
        (end > i + 1).then_some((i + 1, end))
    }

    /// If `np` is an anaphor ("ces derniers"), the name it most likely
    /// refers to: the last PER/ORG entity, or else the last run of
    /// capitalised words, of the previous sentence.
    fn resolve_anaphor(&self, si: usize, np: Span) -> Option<Span> {
        let first = self.a.token_at_or_after(np.start);
        let h = self.hit_at(first)?;
        if h.cue.role != Role::Anaphor || si == 0 {
            return None;
        }
        let prev = self.a.sentences[si - 1];
        // Entities are sorted by start.
        let upto = self.entities.partition_point(|e| e.span.start < prev.end);
        if let Some(e) = self.entities[..upto]
            .iter()
            .rev()
            .take_while(|e| e.span.start >= prev.start)
            .find(|e| e.span.end <= prev.end && matches!(e.label, EntityLabel::Per | EntityLabel::Org))
        {
            return Some(e.span);
        }
        let r = self.a.sentence_tokens[si - 1].clone();
        let mut end = None;
        for j in (r.start + 1..r.end).rev() {
            if self.is_capitalized(j) {
                if end.is_none() {
                    end = Some(j + 1);
                }
            } else if let Some(e) = end {
                return Some(self.span(j + 1, e));
            }
        }
        end.map(|e| self.span(r.start + 1, e))
    }

    // -----------------------------------------------------------------
    // Candidates.

    fn sentence_candidates(&self, si: usize) -> Vec<Candidate> {
        let mut out = Vec::new();
        let hits = self.sentence_hits(si);
        let r = self.a.sentence_tokens[si].clone();
        // Anonymous sources used as the object of a frame.
        let mut used_anon: Vec<usize> = Vec::new();
        for h in hits {
            match h.cue.role {
                Role::Frame => self.frame(si, h, &mut out, &mut used_anon),
                Role::Verb | Role::VerbThat => self.verb(si, h, &mut out),
                Role::Pred => self.pred(si, h, &mut out),
                Role::Np => self.noun_phrase(si, h, &mut out),
                Role::NoResponse => self.no_response(si, h, &mut out),
                Role::Unverified => self.unverified(si, h, &mut out),
                Role::PassiveDenial => self.passive_denial(si, h, &mut out),
                // "The claim that the economy is growing": not a pointer back
                // when the noun has a complement of its own.
                Role::BackRef if self.a.lang == crate::lang::Lang::En => {
                    if let Some(noun) = self.claim_noun_of(h) {
                        self.noun_claim(si, &noun, &mut out);
                    }
                }
                _ => {}
            }
        }
        for h in hits.iter().filter(|h| h.cue.role == Role::Anon) {
            if !used_anon.contains(&h.first) {
                self.anonymous(si, h, &mut out);
            }
        }
        for h in hits.iter().filter(|h| h.cue.role == Role::AnonSubj) {
            if !used_anon.contains(&h.first) {
                self.anon_subject(si, h, &mut out);
            }
        }
        self.unidentified_speakers(si, &mut out);
        self.postposed_unidentified(si, &mut out);
        if self.a.lang == crate::lang::Lang::Fr && !self.hypothetical_sentence(si, hits) {
            // A sentence right after one describing what a proposal would do,
            // with no cue of its own, goes on describing it ("Ce dispositif
            // permettrait … En pratique, les services pourraient …").
            let continues = si > 0
                && self.proposal_sentence.get() == Some(si - 1)
                && hits.iter().all(|h| matches!(h.cue.role, Role::SourceNoun | Role::Media | Role::Anaphor));
            for i in r.clone() {
                if !self.conditional[i] {
                    continue;
                }
                if continues || self.proposal_consequence(si, i) {
                    self.proposal_sentence.set(Some(si));
                    continue;
                }
                if self.conditional_counts(si, i) {
                    if let Some(span) = self.clause(si, i) {
                        let cue = self.a.tokens[i].span;
                        out.push(Candidate {
                            span,
                            cue,
                            reason: ClaimReason::Conditional,
                            source: None,
                            backref: false,
                        });
                    }
                }
            }
        }
        out.retain(|c| !c.span.is_empty() && !self.is_protected(c.cue.start) && self.has_own_words(c.span));
        out
    }

    /// A source phrase closing its sentence may end with a word the
    /// tokenizer keeps with its period ("… du marché de l'art."): the
    /// period is the sentence's, not the source's.
    fn without_final_period(&self, span: Span) -> Span {
        let closes =
            span.end > 0 && self.a.sentence_at(span.end - 1).is_some_and(|i| self.a.sentences[i].end == span.end);
        if closes && span.len() > 1 && span.slice(self.a.text).ends_with('.') {
            Span::new(span.start, span.end - 1)
        } else {
            span
        }
    }

    /// Records a source mention for later pronouns (kept sorted).
    fn add_mention(&self, span: Span) {
        let mut m = self.mentions.borrow_mut();
        let k = m.partition_point(|s| s.start < span.start);
        if m.get(k) != Some(&span) {
            m.insert(k, span);
        }
    }

    /// The mention a subject pronoun ("il", "they") points back to: the
    /// nearest earlier speaker or claim source, in its sentence or the one
    /// before, that is not itself a pronoun and agrees in number. None
    /// when `pron` is not such a pronoun.
    fn antecedent(&self, pron: Span) -> Option<Span> {
        let first = self.a.token_at_or_after(pron.start);
        let end = self.a.token_at_or_after(pron.end);
        if end != first + 1 || !self.is(first, class::ANAPHOR_ONE | class::ANAPHOR_MANY) {
            return None;
        }
        let plural = self.is(first, class::ANAPHOR_MANY);
        let si = self.a.sentence_at(pron.start)?;
        let floor = self.a.sentences[si.saturating_sub(1)].start;
        let mentions = self.mentions.borrow();
        let upto = mentions.partition_point(|s| s.start < pron.start);
        mentions[..upto]
            .iter()
            .rev()
            .take_while(|m| m.start >= floor)
            .filter(|m| m.end <= pron.start)
            .find(|m| {
                let (f, e) = (self.a.token_at_or_after(m.start), self.a.token_at_or_after(m.end));
                e > f && !self.is(f, class::PRON) && self.is_plural_phrase(f, e) == plural
            })
            .copied()
    }

    /// A source that is a pronoun stands for its antecedent (see
    /// `antecedent`); an unidentified antecedent makes the claim anonymous.
    fn through_pronoun(&self, source: Span, reason: ClaimReason) -> (Span, ClaimReason) {
        let Some(m) = self.antecedent(source) else { return (source, reason) };
        let (mf, me) = (self.a.token_at_or_after(m.start), self.a.token_at_or_after(m.end));
        if reason > ClaimReason::AnonymousSource && self.indefinite_source(mf, me) {
            (m, ClaimReason::AnonymousSource)
        } else {
            (m, reason)
        }
    }

    /// Whether the noun phrase over tokens `first..end` is plural: a
    /// lower-case content word before its first preposition, relative or
    /// comma ends in s/x ("Two officials briefed on …", "des riverains"),
    /// or it opens with a number above one.
    fn is_plural_phrase(&self, first: usize, end: usize) -> bool {
        let head_end = (first + 1..end)
            .find(|&j| self.is(j, class::PREP | class::REL) || self.is_comma(j) || self.text(j) == "(")
            .unwrap_or(end);
        let numeral = self.a.tokens[first].kind == TokenKind::Number && self.text(first) != "1";
        numeral
            || (first..head_end).any(|j| {
                let w = self.text(j).to_lowercase();
                let content = !(self.is(j, FUNCTION) || j > first && self.is_capitalized(j));
                content && (w.ends_with('s') && !w.ends_with("ss") || w.ends_with('x') || w == "people")
            })
    }

    /// Reported speech whose speaker is not identified ("A senior official
    /// told Al Jazeera that [X]", "Des riverains affirment [X]"): an
    /// anonymous source, whatever the verb (guidelines §3).
    fn unidentified_speakers(&self, si: usize, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        let (lo, hi) = (self.a.tokens[r.start].span.start, self.a.tokens[r.end - 1].span.end);
        // Only the reported speech that starts in this sentence.
        let from = self.reported_by.partition_point(|(c, _)| c.start < lo);
        let to = self.reported_by.partition_point(|(c, _)| c.start < hi);
        for &(content, speaker) in &self.reported_by[from..to.max(from)] {
            if content.end > hi || speaker.start < lo || speaker.end > hi {
                continue;
            }
            let (first, end) = (self.a.token_at_or_after(speaker.start), self.a.token_at_or_after(speaker.end));
            // "Un responsable … a déclaré : « … ». Il a ajouté que [X]": the
            // pronoun's antecedent is the source.
            let antecedent = self.antecedent(speaker);
            let unidentified = match antecedent {
                Some(m) => self.indefinite_source(self.a.token_at_or_after(m.start), self.a.token_at_or_after(m.end)),
                None => self.indefinite_source(first, end),
            };
            // "Acme, a Texas-based parts maker, which said …": an
            // apposition to a name is identified by it.
            let apposed_to_name = first >= r.start + 2
                && self.is_comma(first - 1)
                && self.is_capitalized(first - 2)
                && first - 2 > r.start;
            if !unidentified || apposed_to_name {
                continue;
            }
            let (cf, ce) = (self.a.token_at_or_after(content.start), self.a.token_at_or_after(content.end));
            if self.no_content_at(cf, ce) {
                continue;
            }
            // A reporting verb between the speaker and what is reported, and
            // nothing by which the article disowns it ("mistakenly thought").
            let between = if end <= cf { end..cf } else { ce..first };
            if !between.clone().any(|k| self.is_report_verb(k) || self.is(k, class::TELL))
                || (first..cf.max(end)).any(|k| self.is(k, class::DISOWN))
            {
                continue;
            }
            // Another cue already made it an anonymous claim ("Selon une
            // source …" keeps its frame as the cue); a weaker reason on the
            // same content ("[X pourrait …], avance un spécialiste") yields.
            if out.iter().any(|c| {
                c.span.start < content.end && content.start < c.span.end && c.reason <= ClaimReason::AnonymousSource
            }) {
                continue;
            }
            if let Some(span) = self.trimmed(cf, ce.max(cf)) {
                if self.protected_bytes(span) * 5 < span.len() * 4 {
                    let speaker = self.without_final_period(speaker);
                    out.push(Candidate {
                        span,
                        cue: speaker,
                        reason: ClaimReason::AnonymousSource,
                        source: Some(antecedent.unwrap_or(speaker)),
                        backref: false,
                    });
                }
            }
        }
    }

    /// Whether the source noun phrase over tokens `first..end` leaves its
    /// source unidentified: it opens with an indefinite ("un conseiller de
    /// l'exécutif", "a senior Hamas official", "des riverains", "plusieurs
    /// supporters", "two officials"), and neither names a person nor has a
    /// document ("un sondage Ifop") or a spokesperson as its head.
    fn indefinite_source(&self, first: usize, end: usize) -> bool {
        let mut k = first;
        // "de nombreux témoins", "d'autres experts".
        if k + 1 < end && matches!(self.text(k).to_lowercase().as_str(), "de" | "d'") {
            k += 1;
        }
        // "one of the people", "l'une des enquêtrices": one unnamed member
        // of a group (the determiner of the group stands for the head's).
        if k + 1 < end && matches!(self.text(k), "l'" | "l’" | "L'" | "L’") && matches!(self.text(k + 1), "un" | "une")
        {
            k += 1;
        }
        let one_of = k + 2 < end
            && matches!(self.text(k).to_lowercase().as_str(), "one" | "un" | "une")
            && matches!(self.text(k + 1).to_lowercase().as_str(), "of" | "des" | "d'entre")
            && {
                let head = k + 2 + usize::from(self.is(k + 2, class::DET));
                head < end && !self.is_capitalized(head)
            };
        if one_of {
            k += 1 + usize::from(self.is(k + 2, class::DET));
        }
        // "according to reports", not "according to reports in the
        // Financial Times": news items are identified by their outlet.
        if k < end && self.is(k, class::INFO) && self.text(k).ends_with('s') {
            return !self.names_outlet(k + 1, end);
        }
        // A quantity of people ("des dizaines de manifestants").
        let of = if self.is(k, class::INDEF) && k + 1 < end && self.is(k + 1, class::NUMERAL) { k + 2 } else { k + 1 };
        let quantity = of + 1 < end && self.is_quantity_of(of);
        if quantity {
            // The head comes after "de"/"of".
            k = of;
        }
        let opens = k < end
            && (one_of
                || quantity
                || self.is(k, class::INDEF)
                || self.a.tokens[k].kind == TokenKind::Number && self.text(k).bytes().all(|b| b.is_ascii_digit()));
        if !opens {
            return false;
        }
        let head_end = (k + 1..end)
            .find(|&j| self.is(j, class::PREP | class::REL) || self.is_comma(j) || self.text(j) == "(")
            .unwrap_or(end);
        if head_end == k + 1 || (k + 1..head_end).any(|j| self.is(j, class::DOCUMENT | class::SPOKES)) {
            return false;
        }
        // "des informations du quotidien Les Échos", "reports in the
        // Financial Times": news whose outlet is named.
        if (k + 1..head_end).any(|j| self.is(j, class::INFO)) && self.names_outlet(head_end, end) {
            return false;
        }
        let (s, e) = (self.a.tokens[first].span.start, self.a.tokens[end - 1].span.end);
        !self.entities_from(s, e).iter().any(|m| m.label == EntityLabel::Per && m.span.end <= e)
    }

    /// Whether a complement starting at `prep` ("du quotidien Les Échos",
    /// "in the Financial Times") names an outlet or organisation.
    fn names_outlet(&self, prep: usize, end: usize) -> bool {
        prep + 1 < end && self.is(prep, class::PREP) && {
            let (from, to) = (self.a.tokens[prep + 1].span.start, self.a.tokens[end - 1].span.end);
            self.entities_from(from, to).iter().any(|e| e.label == EntityLabel::Org)
                || (prep + 1..end).any(|j| self.is_capitalized(j))
        }
    }

    /// The trimmed clause holding token `i`.
    fn clause(&self, si: usize, i: usize) -> Option<Span> {
        let start = self.clause_start(si, i);
        let end = self.clause_end(si, i);
        self.trimmed(start, end)
    }

    fn frame(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>, used_anon: &mut Vec<usize>) {
        let r = self.a.sentence_tokens[si].clone();
        let np_start = h.end;
        if np_start >= r.end {
            return;
        }
        // "Il faudrait selon lui deux ans …": a stressed pronoun is the whole
        // source, and the frame may sit inside its clause without commas.
        let stressed = self.is(np_start, class::STRESSED);
        let np_end = if stressed { np_start + 1 } else { self.np_forward(np_start, r.end) };
        if np_end == np_start {
            return;
        }
        // "selon l'Office national des forêts (ONF), …": the
        // parenthesised acronym belongs to the source.
        let np_end = if np_end < r.end && self.text(np_end) == "(" {
            (np_end + 1..(np_end + 6).min(r.end)).find(|&k| self.text(k) == ")").map_or(np_end, |k| k + 1)
        } else {
            np_end
        };
        let inline = stressed
            && h.first > r.start
            && !self.is_comma(h.first - 1)
            && np_end < r.end
            && self.a.tokens[np_end].kind != TokenKind::Punct;
        if inline {
            let start = self.clause_start(si, h.first);
            if let Some(span) = self.trimmed(start, self.clause_end(si, np_end)) {
                let cue = self.span(h.first, np_end);
                let (source, reason) = self.through_pronoun(self.span(np_start, np_end), ClaimReason::SingleSource);
                out.push(Candidate { span, cue, reason, source: Some(source), backref: false });
            }
            return;
        }
        let pour = self.text(h.first).eq_ignore_ascii_case("pour");
        let start = self.clause_start(si, h.first);
        // Leading: only connectives between the clause start and the frame
        // (a comma before the frame does not make it leading: "…, selon X").
        let leading = (start..h.first).all(|j| self.is(j, class::CONJ) || self.is_comma(j))
            && (start == r.start || !self.is_comma(start - 1) || start < h.first);
        let mut np_end = np_end;
        let source_end = np_end;
        let mut followed_by_comma = np_end < r.end && self.is_comma(np_end);
        // "According to X, quoting Y, [claim]": the relay belongs to the frame.
        if followed_by_comma && np_end + 1 < r.end && self.is(np_end + 1, class::CITE) {
            if let Some(k) = (np_end + 2..r.end.min(np_end + 2 + MAX_SEGMENT)).find(|&k| self.is_comma(k)) {
                np_end = k;
            }
            followed_by_comma = true;
        }
        if pour && !(leading && followed_by_comma && self.pour_source(np_start, np_end)) {
            return;
        }
        let mut reason = ClaimReason::SingleSource;
        for a in self.hits_in(np_start, np_end).iter().filter(|a| matches!(a.cue.role, Role::Anon | Role::AnonSubj)) {
            used_anon.push(a.first);
            // "analysts at Jefferies", "des experts de l'OMS": the body
            // they speak for is named.
            let of_named_body = a.end + 1 < np_end
                && matches!(
                    self.text(a.end).to_lowercase().as_str(),
                    "at" | "from" | "of" | "with" | "chez" | "de" | "du"
                )
                && ({
                    // An organisation starting on one of the two tokens after the preposition.
                    let from = self.a.tokens[a.end + 1].span.start;
                    let to = self.a.tokens.get(a.end + 3).map_or(self.a.text.len() + 1, |t| t.span.start);
                    self.entities_from(from, to).iter().any(|e| e.label == EntityLabel::Org)
                } || self.is_capitalized(a.end + 1) && !self.is(a.end + 1, class::DET));
            if !of_named_body {
                reason = ClaimReason::AnonymousSource;
            }
        }
        if reason == ClaimReason::SingleSource && self.indefinite_source(np_start, source_end) {
            reason = ClaimReason::AnonymousSource;
        }
        // "selon la même source", "the same official": the source named
        // last, in this sentence or the two before, and its anonymity.
        if reason == ClaimReason::SingleSource && (np_start..source_end).any(|k| self.is(k, class::SAME)) {
            let start = self.a.tokens[np_start].span.start;
            let floor = self.a.sentences[si.saturating_sub(2)].start;
            let last = {
                let mentions = self.mentions.borrow();
                let upto = mentions.partition_point(|m| m.start < start);
                mentions[..upto].last().copied().filter(|m| m.start >= floor)
            };
            if let Some(m) = last {
                let (f, e) = (self.a.token_at_or_after(m.start), self.a.token_at_or_after(m.end));
                let anonymous = self.indefinite_source(f, e)
                    || self.hits_in(f, e).iter().any(|x| matches!(x.cue.role, Role::Anon | Role::AnonSubj));
                if anonymous {
                    reason = ClaimReason::AnonymousSource;
                }
            }
        }
        // "according to one of the people, who spoke on condition of
        // anonymity": a relative clause on the source says how it spoke.
        if source_end + 1 < r.end && self.is_comma(source_end) && self.is(source_end + 1, class::REL) {
            let close = (source_end + 2..r.end).find(|&k| self.is_comma(k)).unwrap_or(r.end);
            for a in self.hits_in(source_end + 1, close).iter().filter(|a| a.cue.role == Role::Anon) {
                used_anon.push(a.first);
                reason = ClaimReason::AnonymousSource;
            }
            // "According to an official, who …, [claim]".
            if leading && close < r.end && np_end == source_end {
                np_end = close;
            }
        }
        let trailing = (np_end..r.end).all(|j| self.a.tokens[j].kind == TokenKind::Punct);
        let mut name = np_start;
        while name < np_end && name - np_start < 2 && self.is(name, class::DET) {
            name += 1;
        }
        let (np_end, followed_by_comma) = if leading && !followed_by_comma && self.is_capitalized(name) {
            // "According to (the) Saudi Interior Ministry over 345 …": the
            // name is the source.
            let mut e = name;
            while e < r.end && (self.is_capitalized(e) || self.is_possessive(e)) && e - name < 6 {
                e += 1;
            }
            (e, e < r.end)
        } else {
            (np_end, followed_by_comma)
        };
        // "Pour Jeanne Dupont, économiste à l'Insee, [claim]",
        // "According to Paul Durand, spokesman for the city, [claim]": an
        // apposition on the source (a bare role noun and its complement)
        // belongs to the frame.
        let np_end = if leading && followed_by_comma && self.is_comma(np_end) && np_end + 2 < r.end && {
            let w = np_end + 1;
            self.a.tokens[w].kind == TokenKind::Word
                && !self.is_capitalized(w)
                && !self.is(w, FUNCTION)
                && (self.is(w + 1, class::PREP) || self.is_comma(w + 1))
        } {
            (np_end + 2..(np_end + 12).min(r.end)).find(|&k| self.is_comma(k)).unwrap_or(np_end)
        } else {
            np_end
        };
        let (source, cue) = (self.span(np_start, source_end.min(np_end)), self.span(h.first, np_end));
        // "Selon lui, …" after "Un responsable a déclaré …".
        let (source, reason) = if stressed { self.through_pronoun(source, reason) } else { (source, reason) };
        let span = if trailing && !leading && h.first > r.start {
            // "…, according to X." / "…, selon eux.": the clause before.
            let s = self.clause_start(si, h.first - 1);
            self.trimmed(s, h.first)
        } else if leading && followed_by_comma && !self.is_comma(np_end) {
            let end = self.clause_end(si, np_end);
            self.trimmed(np_end, end)
        } else if leading && followed_by_comma {
            let end = self.clause_end(si, np_end + 1);
            self.trimmed(np_end + 1, end)
        } else if trailing || !followed_by_comma {
            // "…, selon eux." / "… selon X": the clause before the frame.
            if h.first == r.start {
                return;
            }
            let s = self.clause_start(si, h.first - 1);
            self.trimmed(s, h.first)
        } else if h.first > r.start + 2
            && self.is_comma(h.first - 1)
            && !self.is(h.first - 2, class::REL | class::COMP | class::CONJ | class::SUB | class::PREP)
            && h.first - 1 - self.clause_start(si, h.first - 2) > 6
        {
            // "[A whole clause], according to X, with …": the frame closes
            // the clause before it; what follows is an appendix.
            let s = self.clause_start(si, h.first - 2);
            self.trimmed(s, h.first - 1)
        } else if h.first > r.start + 1
            && self.is_comma(h.first - 1)
            && followed_by_comma
            && np_end + 1 < r.end
            && self.is(np_end + 1, class::REL)
        {
            // "[X], according to one official, who spoke …": the relative
            // clause is about the source; the claim is before the frame.
            let s = self.clause_start(si, h.first - 2);
            self.trimmed(s, h.first - 1)
        } else {
            // Embedded: "la panne, selon X, pourrait …".
            let end = self.clause_end(si, np_end + 1);
            self.trimmed(start, end)
        };
        if let Some(span) = span {
            out.push(Candidate { span, cue, reason, source: Some(source), backref: false });
        }
    }

    /// "Pour X," is a source frame when X is a stressed pronoun, a source
    /// noun, a capitalised name or a PER/ORG entity.
    fn pour_source(&self, first: usize, end: usize) -> bool {
        if end - first > 8 {
            return false;
        }
        // "Pour la Fédération …": the name after the determiner.
        let name = if self.is(first, class::DET) && first + 1 < end && self.is_capitalized(first + 1) {
            first + 1
        } else {
            first
        };
        let start = self.a.tokens[name].span.start;
        self.is(first, class::STRESSED) && end == first + 1
            || self.hit_at(first).is_some_and(|h| h.cue.role == Role::SourceNoun)
            || self.is_capitalized(name)
            || self
                .entities
                .iter()
                .any(|e| e.span.start == start && matches!(e.label, EntityLabel::Per | EntityLabel::Org))
            // "Pour le sociologue Jean Dupont": a title, then the name.
            || (first..end.min(first + 4)).any(|k| {
                k > first && self.is_capitalized(k) && !self.is(k - 1, class::PREP) && self.a.tokens[k].kind == TokenKind::Word
            })
    }

    /// True when the comma at `comma` closes an appositive relative clause
    /// ("Shekau, que l'armée …, revendique"): the segment since the previous
    /// comma starts with a relative pronoun.
    fn closes_relative(&self, comma: usize) -> bool {
        self.relative_start(comma).is_some()
    }

    /// If the comma at `comma` closes an appositive relative clause, the
    /// clause's first token (the relative pronoun).
    fn relative_start(&self, comma: usize) -> Option<usize> {
        let mut k = comma;
        let stop = comma.saturating_sub(MAX_SEGMENT);
        while k > stop && !self.is_comma(k - 1) && !self.is_strong_break(k - 1) {
            k -= 1;
        }
        (k < comma && k > stop && self.is_comma(k - 1) && self.is(k, class::REL | class::COMP)).then_some(k)
    }

    /// If the comma at `comma` closes an apposed participle phrase ("Le
    /// maire, interrogé par l'AFP, a assuré", "The mayor, reached by phone,
    /// said"), the phrase's first token (the participle).
    fn participle_apposition_start(&self, comma: usize) -> Option<usize> {
        let mut k = comma;
        let stop = comma.saturating_sub(12);
        while k > stop && !self.is_comma(k - 1) && !self.is_strong_break(k - 1) {
            k -= 1;
        }
        let opens = k + 1 < comma && k > stop && self.is_comma(k - 1) && !self.is_capitalized(k) && {
            let w = self.text(k).to_lowercase();
            let participle = ["é", "ée", "és", "ées", "ed"].iter().any(|e| w.ends_with(e))
                || self.a.lang == crate::lang::Lang::Fr
                    && ["i", "ie", "is", "it", "int", "u", "ue", "us"].iter().any(|e| w.ends_with(e));
            participle && self.is(k + 1, class::PREP)
        };
        opens.then_some(k)
    }

    /// "Mr Smith, 52, denies …", "Acme, of Leeds, claims …": when the comma
    /// at `comma` closes a short apposition to a name or noun phrase opening
    /// the sentence, the comma that opens it (English).
    fn apposition_opening(&self, comma: usize) -> Option<usize> {
        if self.a.lang != crate::lang::Lang::En {
            return None;
        }
        let si = self.a.sentence_at(self.a.tokens[comma].span.start)?;
        let lo = self.a.sentence_tokens[si].start;
        let open = (lo..comma).find(|&k| self.is_comma(k))?;
        (open > lo
            && open - lo <= 4
            && (lo..open).all(|k| self.is_capitalized(k) || self.is(k, class::DET))
            && comma - open <= 6)
            .then_some(open)
    }

    /// True when the verb cue `h` follows its complement: "…, affirme X",
    /// "…, a-t-il affirmé", "…, affirme-t-il".
    fn verb_is_inverted(&self, h: &Hit) -> bool {
        // "…, denying any wrongdoing", "…, accusant la direction de …": a
        // present participle after a comma has its subject before it.
        if h.end == h.first + 1 && self.is_present_participle(h.first) {
            return false;
        }
        let mut j = h.first;
        let mut pronoun_before = false;
        // "…, a-t-elle affirmé": the pronoun after the hyphen is the
        // inverted subject.
        let mut clitic_subject = false;
        while j > 0 && (self.is(j - 1, class::AUX | class::ADV | class::PRON) || self.text(j - 1).starts_with('-')) {
            let after_hyphen = j >= 2 && self.text(j - 2).starts_with('-');
            let pronoun = self.is(j - 1, class::PRON) && !self.text(j - 1).starts_with('-');
            clitic_subject |= pronoun && after_hyphen;
            pronoun_before |= pronoun && !after_hyphen;
            j -= 1;
        }
        let clause_after = |end: usize| (h.end..end).any(|k| self.is(k, class::COMP) || self.is_comma(k));
        if clitic_subject && !pronoun_before && j > 0 && self.is_comma(j - 1) && !self.closes_relative(j - 1) {
            let si = self.a.sentence_at(self.a.tokens[h.first].span.start).unwrap_or(0);
            return !clause_after(self.a.sentence_tokens[si].end);
        }
        // "Mr Smith, 52, denies the charges", "Acme, of Leeds, claims …": the
        // comma closes an apposition to the subject, not a clause.
        let apposition_closed = j > 0 && self.apposition_opening(j - 1).is_some();
        !apposition_closed && j > 0 && self.is_comma(j - 1) && !self.closes_relative(j - 1) && {
            // Nothing but the source after the verb; after a subject pronoun
            // ("…, il a démenti tout désaccord" is not inverted), nothing.
            let si = self.a.sentence_at(self.a.tokens[h.first].span.start).unwrap_or(0);
            let end = self.a.sentence_tokens[si].end;
            // A subject is short and coordinates no second predicate ("…,
            // revendique le poste … et assure …" has its subject before).
            let mut n = h.end;
            while n < end && self.text(n).starts_with('-') {
                n += 1;
            }
            let opens_np = n < end
                && (self.is(n, class::DET | class::PRON)
                    || self.is_capitalized(n)
                    || self.a.tokens[n].kind == TokenKind::Elision);
            // "A police officer, speaking …, claimed the suspect had fled": an
            // auxiliary after the verb opens its clause, and a participle
            // phrase before the comma is apposed to the subject before it.
            let apposed = self.participle_apposition_start(j - 1).is_some() || {
                let mut k = j - 1;
                while k > 0 && j - 1 - k < MAX_SEGMENT && !self.is_comma(k - 1) && !self.is_strong_break(k - 1) {
                    k -= 1;
                }
                k > 0 && self.is_comma(k - 1) && self.text(k).to_lowercase().ends_with("ing")
            };
            opens_np
                && !apposed
                && !(h.end..end).any(|k| self.is(k, class::COMP | class::CONJ) || self.is_comma(k))
                && !(h.end..end).take_while(|&k| !self.is(k, class::REL)).any(|k| self.is(k, class::AUX))
                && end - h.end <= 12
                && (!pronoun_before || (h.end..end).all(|k| self.a.tokens[k].kind == TokenKind::Punct))
        }
    }

    /// A claim noun after a determiner or a possessive ("the union's claims
    /// of unsafe conditions", "its claim that the vote was rigged", "her
    /// accusation that the mayor lied"): the claim is the noun's complement,
    /// the possessor its source. `None` when the cue is not such a noun;
    /// `Some(false)` when it is one without a complement that states a claim
    /// ("its territorial claims to the island").
    fn noun_claim(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) -> Option<bool> {
        let r = self.a.sentence_tokens[si].clone();
        if h.first <= r.start || h.end >= r.end || h.cue.reason != ClaimReason::Claimed {
            return None;
        }
        let d = h.first - 1;
        let possessive = self.is_possessive(d) || self.is(d, class::POSSESSIVE);
        if !(possessive || self.is(d, class::DET) && !self.is(d, class::CLITIC | class::PRON)) {
            return None;
        }
        // "[X], a claim that Moscow disputed": an apposition, whose relative
        // clause is handled with the clause before.
        if d > r.start && self.is_comma(d - 1) {
            return None;
        }
        let c = h.end;
        let span = if self.is(c, class::COMP) {
            // The clause must open like one ("that the vote …", "that he lied"),
            // not like a relative clause ("the claims that surfaced").
            let n = c + 1;
            if !(n < r.end
                && (self.is(n, class::DET | class::PRON)
                    || self.is_capitalized(n)
                    || self.a.tokens[n].kind == TokenKind::Number))
            {
                return Some(false);
            }
            let mut end = self.clause_end(si, n);
            // "Her accusation that the mayor lied was dismissed": as the
            // subject, the noun phrase ends before the main verb, the last of
            // two runs of auxiliaries.
            let subject = self.clause_start(si, d) >= d.saturating_sub(3);
            if subject {
                let mut runs = (n + 1..end).filter(|&k| self.is(k, class::AUX) && !self.is(k - 1, class::AUX));
                if let (Some(_), Some(last)) = (runs.next(), runs.last()) {
                    end = last;
                }
            }
            self.trimmed(n, end)
        } else if self.is_of(c)
            && self.a.lang == crate::lang::Lang::En
            // Not a possessor ("the claims of the opposition").
            && c + 1 < r.end
            && !self.is(c + 1, class::DET)
            && !self.is_capitalized(c + 1)
        {
            // "claims of unsafe conditions": the noun phrase after "of".
            let mut end = c + 1;
            while end < r.end
                && end - c <= 8
                && self.a.tokens[end].kind != TokenKind::Punct
                && !self.is(end, class::AUX | class::COMP | class::REL | class::REPORT)
                && self.hit_at(end).is_none()
            {
                end += 1;
            }
            self.trimmed(c + 1, end)
        } else {
            return Some(false);
        };
        let Some(span) = span else { return Some(false) };
        // The possessor: "the union's", or the subject of the verb before a
        // possessive determiner ("The opposition repeated its claim").
        let source = if self.is_possessive(d) {
            let mut s = d;
            while s > r.start && d - s < 5 && !self.is_comma(s - 1) && !self.is(s - 1, class::PREP | class::COMP) {
                s -= 1;
                if self.is(s, class::DET) {
                    break;
                }
            }
            self.trimmed(s, d)
        } else if possessive && d > r.start {
            self.subject_before(si, d - 1)
        } else {
            None
        };
        let cue = self.span(h.first, h.end);
        out.push(Candidate { span, cue, reason: h.cue.reason, source, backref: false });
        Some(true)
    }

    /// The claim noun closing a back-referring phrase ("the claims",
    /// "these allegations") as a `claimed` hit of its own.
    fn claim_noun_of(&self, h: &Hit) -> Option<Hit> {
        let last = h.end - 1;
        if last == h.first || !self.is(last, class::CLAIM_NOUN) {
            return None;
        }
        let word = self.text(last).to_lowercase();
        let verb_like = self.lex.verb_reasons.contains_key(word.as_str())
            || word.strip_suffix('s').is_some_and(|w| self.lex.verb_reasons.contains_key(w));
        if !(verb_like || self.is(last, class::ALLEGATION)) {
            return None;
        }
        let mut noun = *h;
        noun.first = last;
        noun.cue.reason = ClaimReason::Claimed;
        noun.cue.role = Role::Np;
        Some(noun)
    }

    fn verb(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        if self.negated_verb(si, h.first) {
            return;
        }
        // "The doctors are also accused of …", "Il a ensuite été accusé de
        // …": a passive claim verb is a predicate cue; its subject is the
        // accused, not the source.
        let mut b = h.first;
        while b > r.start && (self.is(b - 1, class::ADV) || self.is_ly_adverb(b - 1)) && h.first - b < 3 {
            b -= 1;
        }
        // (Only with its complement, "accused of / by", "accusé de / par":
        // "was denied visas", "was poorly maintained" are no claims.)
        let complement = h.end < r.end
            && matches!(self.text(h.end).to_lowercase().as_str(), "of" | "by" | "de" | "d'" | "d’" | "par");
        if b > r.start && b < h.first && self.is(b - 1, class::PASSIVE_AUX) && complement {
            let mut as_pred = *h;
            as_pred.cue.role = Role::Pred;
            self.pred(si, &as_pred, out);
            return;
        }
        // "« … » clame-t-il": an inverted reporting clause right after a
        // quotation reports only the quotation (guidelines §3).
        let mut p = h.first;
        while p > r.start && self.is(p - 1, class::AUX) {
            p -= 1;
        }
        if h.end < r.end
            && self.text(h.end).starts_with('-')
            && p > r.start
            && (matches!(self.text(p - 1), "»" | "”" | "\"") || self.is_protected(self.a.tokens[p - 1].span.start))
        {
            return;
        }
        // "received no reports of looting", "aucune accusation": a noun.
        if h.first > r.start && self.is(h.first - 1, class::NEG_SUBJECT) {
            return;
        }
        if self.a.lang == crate::lang::Lang::En && self.noun_claim(si, h, out).is_some() {
            return;
        }
        // "l'accusé", "the claims": a noun, not a verb. ("L'accusé a
        // reconnu": an elided article opening the clause, where an object
        // clitic would need a subject before it; "rencontrer l'accusé".)
        if h.first > r.start
            && self.is(h.first - 1, class::DET)
            && (!self.is(h.first - 1, class::CLITIC | class::PRON)
                || self.clause_start(si, h.first - 1) == h.first - 1
                || h.end == h.first + 1 && self.is_elided_noun(h.first))
        {
            return;
        }
        // "denied that allegation", "a démenti ces accusations": the object
        // points back; the claim is that noun phrase (as "ces affirmations"
        // after a non-verification), not what follows it.
        let mut o = h.end;
        while o < r.end && (self.is(o, class::ADV) || self.is_ly_adverb(o)) {
            o += 1;
        }
        // ("denied that allegations of fraud had …": "that" before a plural
        // is the complementizer.)
        let demonstrative_object = o + 1 < r.end
            && self.is_demonstrative(o)
            && self.is(o + 1, class::ALLEGATION | class::CLAIM_NOUN)
            && !(self.is(o, class::COMP) && self.text(o + 1).ends_with('s'));
        if h.cue.reason == ClaimReason::Claimed && demonstrative_object {
            if let Some(span) = self.trimmed(o, o + 2) {
                let cue = self.span(h.first, h.end);
                let source = self.subject_before(si, h.first);
                out.push(Candidate { span, cue, reason: h.cue.reason, source, backref: false });
            }
            return;
        }
        // "[X], the military claimed (on Monday).": a postposed subject and
        // claim verb close the sentence; the clause before is the claim.
        let postposed = self
            .report_clause_end(si, h.first)
            .and_then(|close| self.postposed_subject(si, h.first).map(|(comma, subject)| (close, comma, subject)));
        if let Some((close, comma, subject)) = postposed {
            // "Critics, the minister claimed, are paid …": embedded in the
            // clause, which goes on after it.
            let goes_on = close + 1 < r.end
                && !(self.is(close + 1, class::PREP | class::CONJ | class::SUB | class::CONTRAST | class::COMP)
                    || self.is_present_participle(close + 1)
                    || self.hit_at(close + 1).is_some());
            let span = if goes_on {
                let s = self.clause_start(si, comma - 1);
                self.trimmed(s, self.clause_end(si, close + 1))
            } else {
                self.clause_before_apposition(si, comma)
            };
            if let Some(span) = span {
                let cue = self.span(h.first, h.end);
                let (source, reason) = self.through_pronoun(subject, h.cue.reason);
                out.push(Candidate { span, cue, reason, source: Some(source), backref: false });
            }
            return;
        }
        if let Some((span, source)) = self.apposed_object_clause(si, h) {
            let cue = self.span(h.first, h.end);
            out.push(Candidate { span, cue, reason: h.cue.reason, source, backref: false });
            return;
        }
        let mut c = h.end;
        // Adverbs ("denied knowingly taking"), inverted clitics.
        while c < r.end
            && (self.is(c, class::ADV)
                || self.is_ly_adverb(c)
                || self.text(c).starts_with('-')
                || self.is(c, class::PRON))
        {
            if self.is(c, class::PRON) && !self.text(c - 1).starts_with('-') {
                break;
            }
            c += 1;
        }
        // "X dément catégoriquement.", "He denied it strongly.": a lone
        // adverb closing the sentence is no object.
        let rest: Vec<usize> = (c..r.end).filter(|&k| self.a.tokens[k].kind != TokenKind::Punct).collect();
        if let [only] = rest[..] {
            let w = self.text(only);
            if !self.is_capitalized(only) && w.chars().count() > 5 && (w.ends_with("ment") || w.ends_with("ly")) {
                return;
            }
        }
        // "claimed, without providing evidence, that …", "reported, citing
        // unnamed officials, that …": a parenthetical between commas before
        // the complementizer.
        let mut parenthetical = None;
        if c < r.end && self.is_comma(c) {
            if let Some(close) = (c + 1..(c + 10).min(r.end)).find(|&k| self.is_comma(k)) {
                if close + 1 < r.end && self.is(close + 1, class::COMP) {
                    parenthetical = Some((c + 1, close));
                    c = close + 1;
                }
            }
        }
        // "denied on Tuesday that …", "a démenti mardi que …": a short
        // adverbial of time or manner between the verb and its clause.
        if !(c < r.end && self.is(c, class::COMP)) {
            if let Some(k) = self.adverbial_before_comp(c, r.end) {
                c = k;
            }
        }
        let has_comp = c < r.end && self.is(c, class::COMP);
        // "revendiquent une forte hausse", "claimed the lives of", "claimed
        // a third title": a demand or a win, not an assertion.
        if h.cue.demand && !has_comp {
            let mut k = c;
            while k < r.end && k < c + 3 && (self.is(k, class::DET) || self.a.tokens[k].kind == TokenKind::Elision) {
                k += 1;
            }
            if (k..(k + 2).min(r.end)).any(|j| self.is(j, class::DEMAND_OBJECT)) {
                return;
            }
            // "claims to the islands" (a right demanded), not "claims to
            // have seen it".
            if c + 1 < r.end
                && self.text(c).eq_ignore_ascii_case("to")
                && (self.is(c + 1, class::DET | class::POSSESSIVE) || self.is_capitalized(c + 1))
            {
                return;
            }
        }
        // English "claims", "denied": a verb only before a clause or an
        // object ("asylum claims over 150,000" is a noun).
        if self.a.lang == crate::lang::Lang::En && h.cue.role == Role::Verb && !self.verb_is_inverted(h) {
            let next_ok = c < r.end
                && (self.is(c, class::COMP | class::DET | class::PRON)
                    || self.is_capitalized(c)
                    || self.a.tokens[c].kind == TokenKind::Number
                    || self.is(c, class::NUMERAL)
                    || self.punct(c, &['"', '“', '\''])
                    || ["to", "of", "responsibility", "credit"].iter().any(|w| self.text(c).eq_ignore_ascii_case(w))
                    // "accused ministers of ignoring …": an object, then "of" and a gerund.
                    || (c + 1..(c + 4).min(r.end)).any(|k| {
                        self.text(k).eq_ignore_ascii_case("of")
                            && k + 1 < r.end
                            && self.text(k + 1).ends_with("ing")
                    })
                    // "denied targeting civilians", "denied wrongdoing": a
                    // past or third-person form cannot be a noun here.
                    || self.unambiguous_verb(h)
                        && (self.text(c).ends_with("ing") || self.is(c, class::DENIAL_OBJECT))
                        && !self.after_be(h.first, r.start));
            if !next_ok {
                return;
            }
        }
        // "assure avoir coupé les accès", "affirme n'avoir rien vu": a French
        // infinitive complement shares the subject of the claim verb.
        let infinitive = self.a.lang == crate::lang::Lang::Fr && c < r.end && {
            let k = if matches!(self.text(c).to_lowercase().as_str(), "n'" | "ne") { c + 1 } else { c };
            k < r.end
                && !self.is_capitalized(k)
                && ["avoir", "être", "er", "ir", "re"].iter().any(|e| self.text(k).to_lowercase().ends_with(e))
        };
        if h.cue.role == Role::VerbThat
            && !has_comp
            && !infinitive
            && !self.verb_is_inverted(h)
            && !self.bare_clause(si, h, c)
        {
            self.postposed(si, h, out);
            return;
        }
        // "a teacher mistakenly thought …": the article disowns it.
        if (h.first.saturating_sub(2).max(r.start)..h.first).any(|k| self.is(k, class::DISOWN))
            || (h.end..(h.end + 2).min(r.end)).any(|k| self.is(k, class::DISOWN))
        {
            return;
        }
        // "si elle estime que …", "if they believe that …": hypothetical.
        if h.cue.reason == ClaimReason::Hedge
            && self
                .hits_in(h.first.saturating_sub(4).max(r.start), h.first)
                .iter()
                .any(|x| x.cue.role == Role::Hypothetical)
        {
            return;
        }
        let cue = self.span(h.first, h.end);
        let mut reason = h.cue.reason;
        let mut anonymous_cue = None;
        let (span, source) = if self.verb_is_inverted(h) {
            // "La panne est due à une attaque, affirme X."
            let mut j = h.first;
            while j > r.start && !self.is_comma(j - 1) {
                j -= 1;
            }
            if j <= r.start + 1 {
                return;
            }
            let s = self.clause_start(si, j - 1);
            // "…, a-t-elle affirmé": the pronoun before the verb.
            let clitic = (j + 1..h.first).find(|&k| self.text(k - 1).starts_with('-') && self.is(k, class::PRON));
            let src_first = (h.end..r.end).find(|&k| !self.text(k).starts_with('-')).unwrap_or(r.end);
            let src_end = self.np_forward(src_first, r.end);
            let source = match clitic {
                Some(k) => Some(self.span(k, k + 1)),
                None => (src_first < src_end).then(|| self.span(src_first, src_end)),
            };
            (self.trimmed(s, j - 1), source)
        } else {
            let mut first = c;
            let clause_complement = first < r.end && self.is(first, class::COMP);
            if first < r.end && (self.is(first, class::COMP) || self.text(first).eq_ignore_ascii_case("de")) {
                first += 1;
            }
            if first >= r.end || self.a.tokens[first].kind == TokenKind::Punct && !self.punct(first, &['«', '"', '“'])
            {
                // "Même si la mairie dément, …": nothing is asserted here.
                return;
            }
            let mut end = self.clause_end(si, h.end.saturating_sub(1).max(first));
            // "a nié [A] et accusé [B]", "claimed [A] even as X estimated
            // [B]": a coordinated claim verb or a contrastive clause ends it;
            // after a non-finite complement, so does a coordinated auxiliary
            // ("denied [taking …] and would request …").
            let non_finite = infinitive || self.a.lang == crate::lang::Lang::En && self.text(first).ends_with("ing");
            // "assure que « … » et a suspendu …": a quotation opening the
            // complement and followed by a coordination is the whole of it.
            let opens_quote = self.punct(first, &['«', '"', '“']);
            if let Some(k) = (first + 1..end).find(|&k| {
                self.is(k, class::CONTRAST)
                    || opens_quote && self.is(k, class::CONJ) && self.punct(k - 1, &['»', '"', '”'])
                    // "denied the charges and was released on bail": after a
                    // noun-phrase object too.
                    || (non_finite || !clause_complement && !self.is(first, class::PRON))
                        && self.is(k, class::CONJ)
                        && k + 1 < end
                        && self.is(k + 1, class::AUX)
                    || self.is(k, class::CONJ) && {
                        let mut n = k + 1;
                        while n < end && self.is(n, class::AUX | class::ADV) {
                            n += 1;
                        }
                        self.hit_at(n).is_some_and(|x| matches!(x.cue.role, Role::Verb | Role::VerbThat))
                    }
            }) {
                end = k;
            }
            let source = self.subject_before(si, h.first);
            (self.trimmed(first, end.max(first)), source)
        };
        let Some(span) = span else { return };
        let mut source = source;
        // "The chief executive, who has denied wrongdoing, …": the relative
        // pronoun stands for the noun phrase before its comma.
        if let Some(s) = source {
            let f = self.a.token_at_or_after(s.start);
            // (Only a subject opening the sentence: the clause before the
            // comma is then that noun phrase, short.)
            let cs = self.clause_start(si, f.saturating_sub(2));
            if self.a.token_at_or_after(s.end) == f + 1
                && self.is(f, class::REL)
                && f >= r.start + 2
                && self.is_comma(f - 1)
                && cs == r.start
                && f - 1 - cs <= 6
            {
                source = self.trimmed(cs, f - 1).or(source);
            }
        }
        // "X se défend de …, arguant que …": a participle after a comma
        // shares the source of the claim verb before it.
        if source.is_none() && h.first > r.start && self.is_comma(h.first - 1) {
            source = out.iter().rev().find(|c| c.span.end <= self.a.tokens[h.first].span.start).and_then(|c| c.source);
        }
        if let Some(s) = source {
            let first = self.a.token_at_or_after(s.start);
            let last = self.a.token_at_or_after(s.end);
            let media_name = self.lex.media_names.contains(s.slice(self.a.text))
                || self
                    .entities_from(s.start, s.end)
                    .iter()
                    .any(|e| e.span.end <= s.end && self.lex.media_names.contains(e.span.slice(self.a.text)));
            if media_name || (first..last).any(|k| self.hit_at(k).is_some_and(|x| x.cue.role == Role::Media)) {
                reason = ClaimReason::SingleSource;
            }
            // "a à plusieurs reprises affirmé": an adverbial, not the subject.
            let after_prep = first > r.start && self.is(first - 1, class::PREP);
            if first < last
                && !after_prep
                && self.indefinite_source(first, last)
                && reason > ClaimReason::AnonymousSource
            {
                // The cue of an unidentified source is the source itself
                // (guidelines §3); the verb stays one of the claim's cues.
                anonymous_cue = Some(s);
            }
            // A bare source noun counts only as the head of the subject, and
            // not after a possessive ("Smith's lawyers").
            if (first..last).any(|k| {
                self.hit_at(k).is_some_and(|x| {
                    x.cue.role == Role::Anon
                        || x.cue.role == Role::AnonSubj && x.end == last && !(first..k).any(|j| self.is_possessive(j))
                })
            }) {
                reason = ClaimReason::AnonymousSource;
                anonymous_cue = Some(s);
            }
            // "Ces derniers affirment …": the name in the sentence before; "Il
            // a affirmé que …" after "Un responsable … a déclaré …": the
            // pronoun's antecedent, which may be unidentified.
            let (s, r) = match self.resolve_anaphor(si, s) {
                Some(resolved) => (resolved, reason),
                None => self.through_pronoun(s, reason),
            };
            source = Some(s);
            reason = r;
        }
        // "reported, citing unnamed officials, that …": the relayed source
        // is unidentified.
        if let Some((pf, pe)) = parenthetical {
            let cite = self.is(pf, class::CITE);
            let relayed = cite && self.indefinite_source(pf + 1, pe);
            if let Some(x) = self.hits_in(pf, pe).iter().find(|x| matches!(x.cue.role, Role::Anon | Role::AnonSubj)) {
                let anon = self.span(if cite { pf + 1 } else { x.first }, pe);
                out.push(Candidate {
                    span,
                    cue: anon,
                    reason: ClaimReason::AnonymousSource,
                    source: Some(anon),
                    backref: false,
                });
            } else if relayed {
                let anon = self.span(pf + 1, pe);
                out.push(Candidate {
                    span,
                    cue: anon,
                    reason: ClaimReason::AnonymousSource,
                    source: Some(anon),
                    backref: false,
                });
            }
        }
        out.push(Candidate { span, cue, reason, source, backref: false });
        // An anonymity phrase before the verb ("…, qui a requis l'anonymat,
        // affirme") is the better cue; it makes its own candidate.
        // (Not one inside the subject itself: "Des riverains affirment".)
        let in_subject = |x: &Hit| {
            anonymous_cue.is_some_and(|s| {
                let t = self.a.tokens[x.first].span;
                s.start <= t.start && t.end <= s.end
            })
        };
        let anonymity_phrase = self
            .hits_in(r.start, h.first)
            .iter()
            .any(|x| matches!(x.cue.role, Role::Anon | Role::AnonSubj) && !in_subject(x));
        if let Some(cue) = anonymous_cue.filter(|_| !anonymity_phrase) {
            out.push(Candidate { span, cue, reason: ClaimReason::AnonymousSource, source, backref: false });
        }
    }

    /// "[X], a claim the group denies", "[X], an allegation that the
    /// ministry rejects", "[X], ce que sa défense dément", "[X], ce que
    /// dément le groupe": the claim verb of an apposition closing the
    /// sentence takes the clause before the comma as its object. Returns
    /// that clause and the verb's subject.
    fn apposed_object_clause(&self, si: usize, h: &Hit) -> Option<(Span, Option<Span>)> {
        let r = self.a.sentence_tokens[si].clone();
        let comma = (h.first.saturating_sub(8).max(r.start + 2)..h.first).rev().find(|&k| self.is_comma(k))?;
        let a = comma + 1;
        if a >= h.first {
            return None;
        }
        // After the verb: nothing, or a short inverted subject.
        let tail: Vec<usize> = (h.end..r.end).filter(|&k| self.a.tokens[k].kind != TokenKind::Punct).collect();
        let inverted = !tail.is_empty()
            && tail.len() <= 6
            && self.is(h.end, class::DET | class::PRON)
            && !tail.iter().any(|&k| self.is(k, class::COMP | class::REL | class::CONJ | class::PREP) && k == h.end);
        // The apposition: "ce que …" or a determiner, a noun and an optional
        // relative word, then the subject (inverted only after "ce que").
        let ce_que =
            self.text(a).eq_ignore_ascii_case("ce") && a + 1 < h.first && self.is(a + 1, class::COMP | class::REL);
        if !(tail.is_empty() || inverted && ce_que) {
            return None;
        }
        // "[X], which Kyiv denies".
        let which = self.a.lang == crate::lang::Lang::En && self.is(a, class::REL) && !self.is(a, class::PRON);
        let subject_from = if ce_que {
            a + 2
        } else if which {
            a + 1
        } else if self.is(a, class::DET | class::INDEF)
            && a + 1 < h.first
            && !self.is(a + 1, FUNCTION)
            && !self.is_capitalized(a + 1)
        {
            if a + 2 < h.first && self.is(a + 2, class::COMP | class::REL) {
                a + 3
            } else {
                a + 2
            }
        } else {
            return None;
        };
        let source = if inverted {
            let end = self.np_forward(h.end, r.end);
            (end > h.end).then(|| self.span(h.end, end))
        } else {
            // The subject ends at its first auxiliary or adverb ("the group
            // has repeatedly denied").
            let end = (subject_from..h.first)
                .find(|&k| self.is(k, class::AUX | class::ADV | class::NEG | class::CLITIC) || self.is_ly_adverb(k))
                .unwrap_or(h.first);
            if end <= subject_from || end - subject_from > 5 {
                return None;
            }
            Some(self.span(subject_from, end))
        };
        let span = self.clause_before_apposition(si, comma)?;
        Some((span, source))
    }

    /// The claim an apposition opened at `comma` comments on: the clause
    /// before the comma, or before a source frame ending there ("[X],
    /// d'après des documents …, ce que sa défense dément"), or the
    /// complement of a claim or reporting verb in it ("Russia has accused
    /// Ukraine of [X], which Kyiv denies", "Police said [X], an account
    /// disputed by his family").
    fn clause_before_apposition(&self, si: usize, comma: usize) -> Option<Span> {
        let r = self.a.sentence_tokens[si].clone();
        // "[X], d'après des documents …, ce que sa défense dément": the claim
        // is the clause before the source frame.
        let mut s = self.clause_start(si, comma - 1);
        let mut e = comma;
        if self.frame_at(s) && s > r.start + 1 && self.is_comma(s - 1) {
            e = s - 1;
            s = self.clause_start(si, s - 2);
        }
        // "Russia has accused Ukraine of [X], which Kyiv denies": what is
        // denied is what the claim verb before asserts.
        let verb_end = match self.hits_in(s, e).iter().rev().find(|v| matches!(v.cue.role, Role::Verb | Role::VerbThat))
        {
            Some(v) => Some(v.end),
            None => (s + 1..e).rev().find(|&k| self.is(k, class::REPORT)).map(|k| k + 1),
        };
        if let Some(mut k) = verb_end {
            while k < e && self.is(k, class::COMP | class::ADV) {
                k += 1;
            }
            if k < e {
                s = k;
            }
        }
        self.trimmed(s, e)
    }

    /// "[X], a claim rejected by the army", "[X], une version contestée par
    /// la famille": a determiner and a noun naming an assertion (class
    /// claim-noun: not "a decision rejected by"), an optional adverb, the
    /// participle of denial with its agent preposition, then the agent up
    /// to the end of the sentence. The agent is the source.
    fn passive_denial_at(&self, si: usize, h: &Hit) -> Option<(usize, Option<Span>)> {
        let r = self.a.sentence_tokens[si].clone();
        let mut k = h.first;
        if k > r.start && (self.is(k - 1, class::ADV) || self.is_ly_adverb(k - 1)) {
            k -= 1;
        }
        if k < r.start + 4 {
            return None;
        }
        let (comma, det, noun) = (k - 3, k - 2, k - 1);
        if !self.is_comma(comma) || !self.is(det, class::DET | class::INDEF) || !self.is(noun, class::CLAIM_NOUN) {
            return None;
        }
        let end = self.np_forward(h.end, r.end);
        let rest = (end..r.end).all(|k| self.a.tokens[k].kind == TokenKind::Punct);
        if end <= h.end || !rest {
            return None;
        }
        Some((comma, Some(self.span(h.end, end))))
    }

    fn passive_denial(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let Some((comma, source)) = self.passive_denial_at(si, h) else {
            return;
        };
        let Some(span) = self.clause_before_apposition(si, comma) else {
            return;
        };
        // The participle, without its agent preposition.
        let cue = self.span(h.first, (h.end - 1).max(h.first + 1));
        out.push(Candidate { span, cue, reason: h.cue.reason, source, backref: false });
    }

    /// True when the comma at `comma` opens an apposition whose claim verb
    /// takes the clause before it ("…, which Kyiv denies", "…, ce que
    /// dément le ministère"): the clause before ends there.
    fn opens_apposed_object(&self, si: usize, comma: usize) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        self.hits_in(comma + 1, (comma + 9).min(r.end)).iter().any(|v| {
            matches!(v.cue.role, Role::Verb | Role::VerbThat)
                && (comma + 1..v.first).all(|k| !self.is_comma(k))
                && self.apposed_object_clause(si, v).is_some()
                || v.cue.role == Role::PassiveDenial && self.passive_denial_at(si, v).is_some_and(|(c, _)| c == comma)
        })
    }

    /// The complementizer after a short adverbial starting at `c` ("on
    /// Tuesday", "in a statement", "mardi", "lors d'un point presse"): the
    /// adverbial opens with a preposition, a date, a capital or a number,
    /// and holds no verb-like word, comma or quotation.
    fn adverbial_before_comp(&self, c: usize, end: usize) -> Option<usize> {
        let date_at =
            |k: usize| self.entity_at(self.a.tokens[k].span.start).is_some_and(|e| e.label == EntityLabel::Date);
        if c >= end
            || !(self.is(c, class::PREP)
                // "insisted after the match that …".
                || self.is(c, class::SUB) && c + 1 < end && self.is(c + 1, class::DET)
                || date_at(c)
                || self.is_capitalized(c)
                || self.a.tokens[c].kind == TokenKind::Number)
        {
            return None;
        }
        let k = (c + 1..(c + 6).min(end)).find(|&k| self.is(k, class::COMP))?;
        (c..k)
            .all(|j| {
                matches!(self.a.tokens[j].kind, TokenKind::Word | TokenKind::Number | TokenKind::Elision)
                    && !self.is(j, class::CONJ | class::AUX | class::REL | class::NEG)
                    && self.hit_at(j).is_none()
                    && !self.is_protected(self.a.tokens[j].span.start)
            })
            .then_some(k)
    }

    /// An English claim verb form that no noun shares ("denied", "insists";
    /// not "claims", "stress").
    fn unambiguous_verb(&self, h: &Hit) -> bool {
        let t = self.text(h.end - 1).to_ascii_lowercase();
        h.end - h.first == 1
            && (t.ends_with("ed") || ["deny", "denies", "insist", "insists", "contends"].contains(&t.as_str()))
    }

    /// A passive: "were denied visas" is a refusal they underwent.
    fn after_be(&self, i: usize, lo: usize) -> bool {
        let mut j = i;
        while j > lo && self.is(j - 1, class::ADV) {
            j -= 1;
        }
        j > lo
            && ["was", "were", "been", "being", "is", "are", "be"].contains(&self.text(j - 1).to_lowercase().as_str())
    }

    /// A source and its verb after the clause they frame: "[X], Reuters
    /// reported on Monday.", "[X], the newspaper reports."
    fn postposed(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        let Some(source) = self.subject_before(si, h.first) else { return };
        let s = self.a.token_at_or_after(source.start);
        // A name or a determiner opens the source; none just before the verb ("saisir le juge").
        if !(self.is(s, class::DET) || self.is_capitalized(s)) || self.is(h.first - 1, class::DET | class::CLITIC) {
            return;
        }
        let tail_short = (h.end..r.end).all(|j| !self.is(j, class::COMP) && !self.is_comma(j)) && r.end - h.end <= 5;
        if s < r.start + 2 || !self.is_comma(s - 1) || !tail_short || s + 6 < h.first {
            return;
        }
        let start = self.clause_start(si, s - 2);
        if let Some(span) = self.trimmed(start, s - 1) {
            let cue = self.span(h.first, h.end);
            out.push(Candidate { span, cue, reason: h.cue.reason, source: Some(source), backref: false });
        }
    }

    /// A belief verb without complementizer before its clause: a subject
    /// pronoun or name before it ("they believe", "Smith thinks"), a
    /// determiner, pronoun or name after it, and not inside an "if" clause.
    fn bare_clause(&self, si: usize, h: &Hit, c: usize) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        if !h.cue.bare || c >= r.end || h.first == r.start || self.is_protected(self.a.tokens[c].span.start) {
            return false;
        }
        let mut s = h.first;
        while s > r.start && self.is(s - 1, class::ADV) {
            s -= 1;
        }
        // "They claimed A and claim [B]": a coordinated verb shares the subject.
        let coordinated = s > r.start
            && self.is(s - 1, class::CONJ)
            && self.hits_in(r.start, s - 1).iter().any(|x| matches!(x.cue.role, Role::Verb | Role::VerbThat));
        let negated = s > r.start && {
            let t = self.text(s - 1).to_lowercase();
            t.ends_with("n't") || t.ends_with("n\u{2019}t")
        };
        let subject = coordinated
            || s > r.start
                && !negated
                && self.a.tokens[s - 1].kind == TokenKind::Word
                && !self.is(
                    s - 1,
                    class::DET | class::PREP | class::COMP | class::CONJ | class::AUX | class::REL | class::NEG,
                );
        // A bare noun opens the clause when an infinitive or a figure follows
        // ("expects revenue to rise", "expects full-year profit of 80
        // million", "forecasts growth of 1.2 percent").
        let bare_noun = self.a.tokens[c].kind == TokenKind::Word
            && !self.is(c, FUNCTION)
            && (c + 1..(c + 6).min(r.end))
                .take_while(|&k| self.a.tokens[k].kind != TokenKind::Punct || self.punct(k, &['-']))
                .any(|k| {
                    self.a.tokens[k].kind == TokenKind::Number
                        || self.text(k).eq_ignore_ascii_case("to")
                            && k + 1 < r.end
                            && !self.is(k + 1, class::DET)
                            && !self.is_capitalized(k + 1)
                });
        let object =
            self.is(c, class::DET | class::PRON) && !self.is(c, class::COMP) || self.is_capitalized(c) || bare_noun;
        subject && object
    }

    fn pred(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        let cue = self.span(h.first, h.end);
        if h.cue.reason == ClaimReason::Unconfirmed
            && (self.disowned_by_apposition(si, h, out) || self.contrast_disowns(si, h, out))
        {
            return;
        }
        // "neither side could open the scoring": a negated ability, not a
        // possibility.
        let negative_subject = (self.clause_start(si, h.first)..h.first).any(|k| self.is(k, class::NEG_SUBJECT));
        if h.cue.reason == ClaimReason::Hedge && h.end - h.first == 1 && negative_subject {
            return;
        }
        // "… so our readers may learn more", "so that families can …": a
        // modal in a clause of purpose states an aim, not a possibility.
        // (Not "…, so the bank may raise rates": after a comma, a result.)
        let purpose = (h.first.saturating_sub(6).max(self.clause_start(si, h.first).saturating_sub(2)).max(r.start)
            ..h.first)
            .any(|k| self.is(k, class::PURPOSE) && k > r.start && !self.is_comma(k - 1));
        if h.cue.reason == ClaimReason::Hedge && h.end - h.first == 1 && purpose {
            return;
        }
        // "X could face a ban if the charge is upheld": a modal in a
        // sentence with an if-clause is a hypothetical, as the French
        // conditional with "si" is.
        let modal = h.end - h.first == 1 && self.a.lang == crate::lang::Lang::En;
        if h.cue.reason == ClaimReason::Hedge
            && modal
            && self.hits_in(r.start, r.end).iter().any(|x| x.cue.role == Role::Hypothetical)
        {
            return;
        }
        // "The video, which could not be independently verified, appears to
        // show …": a non-verification in an appositive relative clause
        // disowns the whole sentence about its antecedent.
        let relative = (h.cue.reason == ClaimReason::Unconfirmed)
            .then(|| {
                let open = (h.first.saturating_sub(4).max(r.start + 1)..h.first)
                    .rev()
                    .find(|&k| self.is_comma(k))
                    .filter(|&k| self.is(k + 1, class::REL))?;
                let close = (h.end..(h.end + 6).min(r.end)).find(|&k| self.is_comma(k))?;
                (close + 2 < r.end)
                    .then(|| self.trimmed(self.clause_start(si, open - 1), self.clause_end(si, close + 1)))
            })
            .flatten()
            .flatten();
        // "il est possible que [X]", "are studying whether [X]": the claim
        // follows the cue.
        let span = if let Some(span) = relative {
            Some(span)
        } else if self.is(h.end - 1, class::COMP | class::INTERROGATIVE) && h.end < r.end {
            let end = self.clause_end(si, h.end.min(r.end - 1));
            self.trimmed(h.end, end)
        } else {
            self.clause(si, h.first)
        };
        let Some(span) = span else { return };
        // Only a non-verification points back ("ces informations n'ont pas pu être vérifiées").
        // (Not "[images], dont l'authenticité n'a pas été confirmée, …":
        // the relative clause names what it disowns.)
        let backref = h.cue.reason == ClaimReason::Unconfirmed && relative.is_none() && self.backref_in(span);
        out.push(Candidate { span, cue, reason: h.cue.reason, source: None, backref });
    }

    /// True when a back-referring phrase ("ces informations") lies in `span`.
    fn backref_in(&self, span: Span) -> bool {
        self.hits_in(self.a.token_at_or_after(span.start), self.a.token_at_or_after(span.end))
            .iter()
            .any(|b| b.cue.role == Role::BackRef)
    }

    /// The hits starting at tokens `first..end`.
    fn hits_in(&self, first: usize, end: usize) -> &[Hit] {
        let lo = self.hits.partition_point(|h| h.first < first);
        let hi = self.hits.partition_point(|h| h.first < end);
        &self.hits[lo..hi.max(lo)]
    }

    fn noun_phrase(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        let cue = self.span(h.first, h.end);
        // "Selon l'accusation" (the prosecution): the source of a frame.
        if (h.first.saturating_sub(2).max(r.start)..h.first).any(|k| self.frame_at(k)) {
            return;
        }
        // "[X], an allegation the group denies": the apposition's head noun
        // names the claim before it; the verb makes that claim.
        let apposition_head = self.hits_in(h.end, (h.end + 7).min(r.end)).iter().any(|v| {
            matches!(v.cue.role, Role::Verb | Role::VerbThat)
                && self.apposed_object_clause(si, v).is_some()
                && h.first > r.start
                && (h.first.saturating_sub(2).max(r.start)..h.first).any(|k| self.is_comma(k))
                || v.cue.role == Role::PassiveDenial
                    && self.passive_denial_at(si, v).is_some_and(|(c, _)| c + 2 == h.first)
        });
        if apposition_head {
            return;
        }
        // "rejected the accusations as baseless", "dismissed the fraud
        // allegations": an allegation noun after a definite determiner,
        // without a that-clause of its own, points back to allegations
        // already reported; it is not a new claim.
        let definite_before = (h.first.saturating_sub(3).max(r.start)..h.first)
            .rev()
            .find(|&k| self.is(k, class::DET))
            .is_some_and(|d| self.is(d, class::DEFINITE) && (d + 1..h.first).all(|k| !self.is_comma(k)));
        if self.is(h.first, class::ALLEGATION) && definite_before && !(h.end < r.end && self.is(h.end, class::COMP)) {
            return;
        }
        // "her accusation that the mayor lied", "accusations of fraud".
        if self.a.lang == crate::lang::Lang::En && self.noun_claim(si, h, out) == Some(true) {
            return;
        }
        // "The group alleged (in a statement) that …": an English participle
        // cue used as the finite verb of a that-clause is that verb, with its
        // reason ("allege": claimed); a verb the lexicon lacks ("suspected
        // that") keeps the cue's own.
        if self.a.lang == crate::lang::Lang::En
            && h.end == h.first + 1
            && h.first > r.start
            && !self.is(h.first - 1, class::DET | class::PREP)
            && self.text(h.first).ends_with("ed")
        {
            let mut c = h.end;
            while c < r.end && self.is(c, class::ADV) {
                c += 1;
            }
            if c < r.end && (self.is(c, class::COMP) || self.adverbial_before_comp(c, r.end).is_some()) {
                let word = self.text(h.first).to_lowercase();
                let base = [&word[..word.len() - 1], &word[..word.len() - 2]];
                let mut as_verb = *h;
                if let Some(&r) = base.iter().find_map(|b| self.lex.verb_reasons.get(b)) {
                    as_verb.cue.reason = r;
                }
                as_verb.cue.role = Role::Verb;
                self.verb(si, &as_verb, out);
                return;
            }
        }
        // "Unconfirmed local reports said [X]", "Des informations non
        // confirmées indiquent que …": a cue in the subject of a reporting
        // verb qualifies what is reported.
        // (Not "The alleged victims said": the cue must qualify news items.)
        if let Some(v) = (h.end..(h.end + 4).min(r.end))
            .take_while(|&k| self.a.tokens[k].kind == TokenKind::Word && !self.is(k, class::COMP | class::AUX))
            .find(|&k| self.is(k, class::REPORT))
            .filter(|&v| (h.first.saturating_sub(2).max(r.start)..v).any(|k| self.is(k, class::INFO)))
        {
            let mut c = self.after_addressee(v, r.end);
            while c < r.end && self.is(c, class::COMP | class::ADV) {
                c += 1;
            }
            if let Some(span) = self.trimmed(c, self.clause_end(si, c.min(r.end - 1)).max(c)) {
                out.push(Candidate { span, cue, reason: h.cue.reason, source: None, backref: false });
                return;
            }
        }
        // "cheaper Lite model rumoured for spring": a participle after its
        // noun; the noun phrase, the participle and its complement.
        if self.a.lang == crate::lang::Lang::En
            && h.end == h.first + 1
            && self.text(h.first).ends_with("ed")
            && h.first > r.start
            && self.a.tokens[h.first - 1].kind == TokenKind::Word
            && !self.is(h.first - 1, FUNCTION)
            // (Not "the suspect alleged to have fled": a predicate.)
            && !(h.end < r.end && self.text(h.end).eq_ignore_ascii_case("to"))
        {
            let mut first = h.first - 1;
            while first > r.start
                && h.first - first < 5
                && self.a.tokens[first - 1].kind == TokenKind::Word
                && (!self.is(first - 1, FUNCTION) || self.is(first - 1, class::DET))
            {
                first -= 1;
                if self.is(first, class::DET) {
                    break;
                }
            }
            let mut end = h.end;
            while end < r.end
                && end - h.end < 6
                && self.a.tokens[end].kind != TokenKind::Punct
                && !self.is(end, class::AUX | class::COMP | class::CONJ | class::REL)
            {
                end += 1;
            }
            if let Some(span) = self.trimmed(first, end) {
                out.push(Candidate { span, cue, reason: h.cue.reason, source: None, backref: false });
            }
            return;
        }
        // Start at the determiner before (within 3 tokens).
        let mut first = h.first;
        for k in (h.first.saturating_sub(3).max(r.start)..h.first).rev() {
            if self.is_comma(k) || self.is_strong_break(k) {
                break;
            }
            if self.is(k, class::DET) {
                first = k;
                break;
            }
        }
        let postnominal = first < h.first && first + 1 < h.first;
        let end = if postnominal || h.first > first + 1 {
            h.end
        } else {
            // Prenominal: the head noun and its complements.
            let mut j = h.end;
            while j < r.end && j - h.end < 6 {
                if self.a.tokens[j].kind == TokenKind::Punct
                    || self.is(j, class::COMP | class::AUX | class::CONJ | class::PRON | class::REPORT)
                    || self.is(j, class::PREP) && !self.is(j, class::DET) && !self.is_of(j)
                    || self.hit_at(j).is_some()
                {
                    break;
                }
                j += 1;
            }
            j
        };
        if let Some(span) = self.trimmed(first, end.max(h.end)) {
            out.push(Candidate { span, cue, reason: h.cue.reason, source: None, backref: false });
        }
    }

    /// The end of a short noun-phrase complement starting at `i`: "du
    /// dossier", "de l'enquête", "the matter", "le Kremlin": an optional
    /// preposition and determiner, then a capitalised run or up to two
    /// words.
    fn short_complement(&self, mut i: usize, limit: usize) -> usize {
        let start = i;
        if i < limit && self.is(i, class::PREP) {
            i += 1;
        }
        while i < limit && self.is(i, class::DET) && i - start < 3 {
            i += 1;
        }
        let words_start = i;
        while i < limit && i - words_start < 4 {
            let t = &self.a.tokens[i];
            let word = matches!(t.kind, TokenKind::Word | TokenKind::Number);
            let cap_run = self.is_capitalized(i) && (i == words_start || self.is_capitalized(i - 1));
            if !word
                || self.is(i, class::AUX | class::COMP | class::CONJ | class::PREP | class::PRON)
                || i > words_start && !cap_run
            {
                break;
            }
            i += 1;
        }
        if i == words_start {
            start
        } else {
            i
        }
    }

    fn anonymous(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        // The source noun phrase: the cue and its complement ("du dossier").
        let ends_with_prep = self.is(h.end - 1, class::PREP);
        let np_end = if ends_with_prep || h.end < r.end && self.is(h.end, class::PREP) {
            self.short_complement(h.end, r.end)
        } else {
            h.end
        };
        let cue = self.span(h.first, np_end);
        let comp_after = (np_end..(np_end + 10).min(r.end)).find(|&k| self.is(k, class::COMP));
        // "…, a-t-on appris de source policière": a longer inverted reporting
        // clause may stand between the comma and the cue.
        // (Only a reporting verb and its auxiliaries between: not "…,
        // d'avoir favorisé des proches de sa majorité".)
        let comma_before = (h.first.saturating_sub(4).max(r.start)..h.first)
            .rev()
            .find(|&k| self.is_comma(k))
            .filter(|&k| {
                h.cue.always
                    || (k + 1..h.first).all(|j| {
                        self.is(j, class::AUX | class::ADV | class::INDEF)
                            || self.is_report_verb(j)
                            || self.a.tokens[j].kind != TokenKind::Word
                    })
            })
            .or_else(|| {
                (h.first.saturating_sub(8).max(r.start)..h.first)
                    .rev()
                    .find(|&k| self.is_comma(k))
                    .filter(|&k| self.inverted_report_at(k + 1))
            });
        // "Several witnesses told …", "Two witnesses said …": a quantifier
        // before the cue belongs to the source.
        let mut lead = h.first;
        while lead > r.start
            && h.first - lead < 2
            && (self.is(lead - 1, class::INDEF) || self.a.tokens[lead - 1].kind == TokenKind::Number)
        {
            lead -= 1;
        }
        let clause_initial =
            self.clause_start(si, lead) == lead || (self.clause_start(si, lead)..lead).all(|k| self.is(k, class::CONJ));
        let cue = if clause_initial { self.span(lead, np_end) } else { cue };
        // "A former employee, who spoke on condition of anonymity, said [X]":
        // the cue qualifies the subject of the reporting verb after the
        // relative clause.
        // Also an apposed participle: "A police officer, speaking on
        // condition of anonymity, claimed [X]", "…, s'exprimant sous couvert
        // d'anonymat, a affirmé [X]".
        let relative_opens = comma_before.is_some_and(|k| {
            let w = self.text(k + 1).to_lowercase();
            let participle = self.is_present_participle(k + 1) || w == "s'" && self.text(k + 2).ends_with("ant");
            k < h.first && (self.is(k + 1, class::REL) || participle)
        });
        // The relative clause may run on ("who asked not to be named because
        // they were not authorized to speak publicly, said [X]").
        let after_relative =
            (np_end..(np_end + MAX_SEGMENT).min(r.end)).find(|&k| self.is_comma(k)).and_then(|close| {
                let mut v = close + 1;
                while v < r.end && self.is(v, class::AUX | class::ADV | class::NEG) {
                    v += 1;
                }
                (relative_opens && v < r.end && self.is_report_verb(v)).then_some(v)
            });
        // Without commas: "Two players who spoke on condition of anonymity
        // because … said [X]": a relative word just before the cue, a
        // subject before it, and the first reporting verb after it.
        let bare_relative = comma_before.is_none()
            && (h.first.saturating_sub(3).max(r.start + 1)..h.first)
                .any(|k| self.is(k, class::REL) && !self.is(k, class::COMP));
        let after_bare_relative = bare_relative
            .then(|| {
                (np_end..(np_end + MAX_SEGMENT).min(r.end))
                    .take_while(|&k| !self.is_comma(k) && !self.is(k, class::COMP))
                    .find(|&k| self.is(k, class::REPORT))
            })
            .flatten();
        let after_relative = after_relative.or(after_bare_relative);
        let span = if let Some(v) = after_relative {
            let mut c = v + 1;
            while c < r.end && self.is(c, class::ADV | class::COMP) {
                c += 1;
            }
            self.trimmed(c, self.clause_end(si, c).max(c))
        } else if let Some(k) = comp_after {
            let end = self.clause_end(si, k);
            self.trimmed(k + 1, end.max(k + 1))
        } else if let Some(k) = comma_before.filter(|_| {
            (np_end..self.clause_end(si, h.first)).all(|j| self.a.tokens[j].kind == TokenKind::Punct)
                || (np_end..r.end).all(|j| self.a.tokens[j].kind == TokenKind::Punct)
        }) {
            let s = self.clause_start(si, k);
            self.trimmed(s, k)
        } else if clause_initial
            && np_end < r.end
            // "Some people may experience …": a modal cue after the phrase
            // makes it the subject of a hedged clause, not a source.
            && !self.hit_at(np_end).is_some_and(|x| x.cue.role == Role::Pred)
        {
            // "A person familiar with the matter said [the deal …]", "Des
            // témoins ont fait état de [tirs]", "Witnesses told reporters [X]".
            let mut v = np_end;
            while v < r.end && self.is(v, class::AUX | class::ADV | class::NEG) {
                v += 1;
            }
            let first = self.after_report_words(v, r.end);
            let end = self.clause_end(si, v);
            if self.no_content_at(first, r.end) {
                None
            } else {
                self.trimmed(first, end.max(first))
            }
        } else if h.cue.always {
            // "The person spoke on condition of anonymity to discuss …" says
            // how the source spoke, not what it said.
            // Only as the main verb right after a short subject ("…, two
            // people said, speaking on condition of anonymity" keeps its claim).
            let how_spoken = h.first > r.start
                && h.first - r.start <= 5
                && ["spoke", "talked", "exprimé", "exprimée", "exprimait"]
                    .contains(&self.text(h.first - 1).to_lowercase().as_str());
            if how_spoken {
                None
            } else {
                self.clause(si, h.first)
            }
        } else {
            None
        };
        // The unnamed person the relative clause qualifies is the source.
        let source = match (after_relative, comma_before) {
            (Some(_), Some(k)) => self.trimmed(self.clause_start(si, k), k).or(Some(cue)),
            (Some(_), None) => (h.first.saturating_sub(3).max(r.start)..h.first)
                .find(|&k| self.is(k, class::REL))
                .and_then(|rel| self.trimmed(self.clause_start(si, rel), rel))
                .or(Some(cue)),
            _ => Some(cue),
        };
        if let Some(span) = span {
            out.push(Candidate { span, cue, reason: ClaimReason::AnonymousSource, source, backref: false });
        }
    }

    /// Past a single lower-case word between commas at `v` ("Farmers in
    /// the valley, however, say …", "Residents, meanwhile, said …"): a
    /// discourse adverb, not a clause.
    fn past_parenthetical_word(&self, v: usize, limit: usize) -> usize {
        let parenthetical = v + 2 < limit
            && self.is_comma(v)
            && self.a.tokens[v + 1].kind == TokenKind::Word
            && !self.is_capitalized(v + 1)
            && !self.is_report_verb(v + 1)
            && self.is_comma(v + 2);
        if parenthetical {
            v + 3
        } else {
            v
        }
    }

    /// True when token `i` is a reporting or belief verb ("said", "think",
    /// "claimed").
    fn is_report_verb(&self, i: usize) -> bool {
        self.is(i, class::REPORT)
            || !self.is_elided_noun(i)
                && self.hit_at(i).is_some_and(|h| matches!(h.cue.role, Role::Verb | Role::VerbThat))
    }

    /// The token after the reporting verb at `v`, past the addressee of a
    /// "tell" verb ("told reporters [X]", "tell BBC News [X]").
    fn after_addressee(&self, v: usize, limit: usize) -> usize {
        let mut k = v + 1;
        if !self.is(v, class::TELL) || k >= limit {
            return k;
        }
        if self.is_capitalized(k) {
            while k < limit && self.is_capitalized(k) && k - v <= 4 {
                k += 1;
            }
        } else if self.is(k, class::DET) && !self.is(k, class::PRON) && k + 1 < limit {
            k += 2;
        } else {
            k += 1;
        }
        k.min(limit)
    }

    /// The first token of what the reporting verb at `v` reports: past a
    /// complementizer, the addressee of a "tell" verb, and the rest of a
    /// multi-word reporting verb ("fait état de", class report-tail).
    fn after_report_words(&self, v: usize, limit: usize) -> usize {
        let mut k = self.after_addressee(v, limit);
        if k < limit && self.is(k, class::REPORT_TAIL) {
            k += 1;
            if k < limit && self.is(k, class::PREP) {
                k += 1;
            }
        }
        while k < limit && self.is(k, class::COMP) {
            k += 1;
        }
        k
    }

    /// Where a reporting clause whose verb is at `v` ends: the end of the
    /// sentence, or a comma before an appendix ("…, the army claimed, without
    /// offering evidence"), after at most five words none of which opens a
    /// clause; `None` when something else follows the verb.
    fn report_clause_end(&self, si: usize, v: usize) -> Option<usize> {
        let r = self.a.sentence_tokens[si].clone();
        let mut words = 0;
        for k in v + 1..r.end {
            if self.is_comma(k) || self.a.tokens[k].kind == TokenKind::Punct && self.is_strong_break(k) {
                return Some(k);
            }
            if self.a.tokens[k].kind == TokenKind::Punct {
                continue;
            }
            words += 1;
            if words > 5 || self.is(k, class::COMP | class::REL | class::PRON) || self.hit_at(k).is_some() {
                return None;
            }
            // An adverbial ("on Monday", "in a statement", "mardi",
            // "repeatedly"), not an object ("il a démenti tout conflit").
            let adverbial = self.is(k, class::PREP | class::ADV)
                || self.is_ly_adverb(k)
                || self.entity_at(self.a.tokens[k].span.start).is_some_and(|e| e.label == EntityLabel::Date);
            if words == 1 && !adverbial {
                return None;
            }
        }
        Some(r.end)
    }

    /// "[X], the military claimed[ on Monday]": the comma before the
    /// subject of the reporting verb at `v`, and that subject. The subject
    /// is short, opens with a determiner, a pronoun or a capital, and is not
    /// a clause of its own.
    fn postposed_subject(&self, si: usize, v: usize) -> Option<(usize, Span)> {
        let r = self.a.sentence_tokens[si].clone();
        if self.negated_verb(si, v) {
            return None;
        }
        let mut s = v;
        while s > r.start && self.is(s - 1, class::AUX | class::ADV) {
            s -= 1;
        }
        let comma =
            (s.saturating_sub(7).max(r.start)..s).rev().find(|&k| self.is_comma(k) || self.is_strong_break(k))?;
        // (Not "…, elle peut saisir le juge": a determiner makes it a noun.)
        if !self.is_comma(comma) || comma < r.start + 1 || comma + 1 >= s || self.is(s - 1, class::DET) {
            return None;
        }
        let first = comma + 1;
        let opens = self.is(first, class::DET | class::PRON) || self.is_capitalized(first);
        let clause_like = (first..s).any(|k| {
            self.is(k, class::COMP | class::REL | class::AUX | class::CONJ | class::SUB) || self.is_report_verb(k)
        });
        if !opens || clause_like || self.hit_at(v).is_some_and(|h| self.verb_is_inverted(h)) {
            return None;
        }
        Some((comma, self.span(first, s)))
    }

    /// "The group has not claimed …", "Personne n'a revendiqué …", "No one
    /// has claimed …": a negated verb, or one whose subject is a negative
    /// pronoun or determiner (class neg-subject), asserts nothing.
    fn negated_verb(&self, si: usize, v: usize) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        let mut k = v;
        while k > r.start && v - k < 4 && self.is(k - 1, class::AUX | class::ADV | class::NEG | class::CLITIC) {
            k -= 1;
            if self.is(k, class::NEG) && !self.text(k).eq_ignore_ascii_case("no") {
                return true;
            }
        }
        let s = self.clause_start(si, v);
        s < v && self.is(s, class::NEG_SUBJECT)
    }

    /// A bare plural source noun ("officials", "economists") as the subject
    /// of a reporting verb: "Western officials said [X]", "[X], analysts
    /// said.", "[X], say economists, …", "[X], scientists think, …".
    fn anon_subject(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        // Modifiers: up to three words ("senior U.S. officials"), a
        // quantifier or a number; a definite determiner ("the officials")
        // or an organisation's name ("Acme officials") makes it identified.
        let mut m = h.first;
        while m > r.start && h.first - m < 3 {
            let p = m - 1;
            let t = &self.a.tokens[p];
            // "Smith's lawyers": a possessive names whom they speak for.
            if self.is(p, class::DEFINITE) || self.is_possessive(p) {
                return;
            }
            if (self.is(p, class::DET) && !self.is(p, class::REL)) || t.kind == TokenKind::Number {
                m = p;
                break;
            }
            // A quantity of people ("Beaucoup d'habitants", "scores of residents").
            if p > r.start && self.is_quantity_of(p) {
                m = p - 1;
                if m > r.start && self.is(m - 1, class::DET) {
                    m -= 1;
                }
                break;
            }
            if t.kind != TokenKind::Word
                || self.is(
                    p,
                    class::COMP
                        | class::AUX
                        | class::CONJ
                        | class::PREP
                        | class::PRON
                        | class::REL
                        | class::NEG
                        | class::SUB
                        | class::CONTRAST
                        | class::CAUSE,
                )
                || self.is_report_verb(p)
                || self.hit_at(p).is_some()
            {
                break;
            }
            m = p;
        }
        let named_org = self.entities.iter().any(|e| {
            matches!(e.label, EntityLabel::Org | EntityLabel::Per)
                && e.span.start < self.a.tokens[h.first].span.start
                && e.span.end > self.a.tokens[m].span.start
        });
        // "officials of Acme", "experts at the WHO" are identified; "officials
        // in the region said" (a complement of common nouns, then the
        // reporting verb) are not.
        let mut np_end = h.end;
        // "Former detainees interviewed by the group said": a participle
        // and its complement qualify the source as a prepositional phrase does.
        let participle = h.end + 1 < r.end
            && self.a.lang == crate::lang::Lang::En
            && self.text(h.end).ends_with("ed")
            && self.is(h.end + 1, class::PREP);
        if h.end < r.end && (self.is(h.end, class::PREP) || participle) {
            let from = if participle { h.end + 1 } else { h.end };
            // "Farmers in the Ambra valley say": a place may be named.
            let place = self.is(from, class::PLACE_PREP);
            let mut k = from + 1;
            while k < r.end
                && k - from <= 4
                && self.a.tokens[k].kind == TokenKind::Word
                && (!self.is_capitalized(k) || place)
                && !self.is_report_verb(k)
                && (self.is(k, class::DET | class::PREP) || !self.is(k, FUNCTION))
            {
                k += 1;
            }
            let mut v = self.past_parenthetical_word(k, r.end);
            while v < r.end && self.is(v, class::AUX | class::ADV) {
                v += 1;
            }
            let common = k > from + 1
                && (place
                    || !self
                        .entities_from(self.a.tokens[from].span.start, self.a.tokens[k - 1].span.end)
                        .iter()
                        .any(|e| e.span.end <= self.a.tokens[k - 1].span.end));
            if !(common && v < r.end && self.is(v, class::REPORT)) {
                return;
            }
            np_end = k;
        }
        if named_org {
            return;
        }
        // What may open the clause after the verb: after a neutral reporting
        // verb ("said weaker demand …") any word but a function word; after
        // a cue verb ("argued over why"), a determiner, pronoun, name or number.
        let after_ok = |v: usize, k: usize| {
            k < r.end
                && !self.is_protected(self.a.tokens[k].span.start)
                // "Officials said little about the timing": an object, no clause.
                && !self.no_content_at(k, r.end)
                && if self.is(v, class::REPORT) {
                    matches!(self.a.tokens[k].kind, TokenKind::Word | TokenKind::Number)
                        && (!self.is(k, class::PREP | class::CONJ | class::AUX | class::COMP)
                            || self.a.opens_quantity(k, r.end))
                } else {
                    self.is(k, class::DET | class::PRON)
                        || self.is_capitalized(k)
                        || self.a.tokens[k].kind == TokenKind::Number
                }
        };
        // The few tokens after the verb reach the end of the sentence: a
        // postposed source ("…, officials said Thursday.").
        let tail_only = |k: usize| {
            (k..r.end).all(|j| !self.is(j, class::COMP) && !self.is_comma(j)) && r.end.saturating_sub(k) <= 5
        };
        // The clause before the comma at `comma`, or, when that clause is a
        // short subject and a comma follows the source, the whole clause
        // around it ("The combination, say economists, marks …").
        let before_comma = |comma: usize, after: usize| -> Option<Span> {
            let s = self.clause_start(si, comma);
            if after < r.end && self.is_comma(after) && comma - s <= 4 {
                let end = self.clause_end(si, after + 1);
                return self.trimmed(s, end.max(after + 1));
            }
            self.trimmed(s, comma)
        };
        let mut v = np_end;
        // French adjectives after the noun: "des responsables américains".
        if self.a.lang == crate::lang::Lang::Fr {
            while v < r.end
                && v - h.end < 2
                && self.a.tokens[v].kind == TokenKind::Word
                && !self.is_capitalized(v)
                && !self.is(v, FUNCTION)
                && !self.is_report_verb(v)
            {
                v += 1;
            }
        }
        let cue = self.span(m, v);
        v = self.past_parenthetical_word(v, r.end);
        // ("Council officials privately believe …": an -ly adverb too.)
        while v < r.end && (self.is(v, class::AUX | class::ADV | class::NEG) || self.is_ly_adverb(v)) {
            v += 1;
        }
        // "Officials have not disclosed the cause": nothing reported;
        // "residents have been told to boil water": told, not telling.
        if v < r.end && self.negated_verb(si, v) || v > np_end && self.is(v - 1, class::PASSIVE_AUX) {
            return;
        }
        // "…, ont indiqué des responsables": the verb and its auxiliaries
        // between the comma and the source.
        let mut before = m;
        if before > r.start && self.is_report_verb(before - 1) {
            before -= 1;
            while before > r.start && self.is(before - 1, class::AUX | class::ADV) {
                before -= 1;
            }
        }
        let span =
            if v < r.end && self.is_report_verb(v) && m > r.start && self.is(m - 1, class::REL) && m - 1 > r.start {
                // "the plan, which critics say will raise rents": the relative
                // clause says it of its antecedent.
                self.trimmed(m - 1, self.clause_end(si, (v + 1).min(r.end - 1)))
            } else if v < r.end && self.is_report_verb(v) {
                let comp = (v + 1..(v + 4).min(r.end))
                    .take_while(|&k| self.a.tokens[k].kind != TokenKind::Punct)
                    .find(|&k| self.is(k, class::COMP));
                if let Some(k) = comp {
                    let end = self.clause_end(si, k);
                    self.trimmed(k + 1, end.max(k + 1))
                } else if m > r.start
                    && self.is_comma(m - 1)
                    && (tail_only(v + 1) || v + 1 < r.end && self.is_comma(v + 1))
                {
                    before_comma(m - 1, v + 1)
                } else if after_ok(v, self.after_addressee(v, r.end))
                    && (m == r.start
                        || self.clause_start(si, m) == m
                        // "…, but critics said [X]".
                        || (self.clause_start(si, m)..m).all(|k| self.is(k, class::CONJ | class::CONTRAST)))
                {
                    let first = self.after_addressee(v, r.end);
                    let end = self.clause_end(si, first);
                    self.trimmed(first, end.max(first))
                } else {
                    None
                }
            } else if before < m
                && before > r.start
                && self.is(m - 1, class::REPORT)
                && self.is_comma(before - 1)
                && (v >= r.end || self.is_comma(v) || tail_only(v))
            {
                // "…, say economists, …", "…, ont indiqué des responsables."
                before_comma(before - 1, v)
            } else {
                None
            };
        if let Some(span) = span {
            out.push(Candidate { span, cue, reason: ClaimReason::AnonymousSource, source: Some(cue), backref: false });
        }
    }

    fn no_response(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let cue = self.span(h.first, h.end);
        if let Some(span) = self.clause(si, h.first) {
            let backref = h.cue.back || self.backref_in(span) || self.silence_points_back(h, span);
            out.push(Candidate { span, cue, reason: ClaimReason::NoResponse, source: None, backref });
        }
    }

    /// Whether what the silent party did not answer is named by a phrase
    /// that points back ("n'a pas répondu … sur ce point", "n'a pas souhaité
    /// commenter ces critiques", "declined to comment on the closures",
    /// "did not respond to the claim"), not a mere request for comment.
    fn silence_points_back(&self, h: &Hit, span: Span) -> bool {
        // The object right after the cue, not a clause further on ("did not
        // respond to questions about whether it was reviewing the donations").
        let end = self.a.token_at_or_after(span.end).min(h.end + 6);
        let end = (h.end..end).find(|&k| self.is(k, class::COMP) || self.is_comma(k)).unwrap_or(end);
        // "Interrogée sur ce point, la direction n'a pas souhaité
        // s'exprimer", "Asked about these claims, the company declined to
        // comment": the topic in the participle phrase before.
        let first = self.a.token_at_or_after(span.start);
        let asked_about_it = (first + 1..h.first).any(|k| {
            self.is(k - 1, class::PREP) && (self.demonstrative_topic(k, h.first) || self.is(k, class::ALLEGATION))
        });
        asked_about_it
            || (h.end..end).any(|k| {
                let t = self.text(k).to_lowercase();
                // "à ce stade", "at this stage": a time, not a topic.
                let demonstrative = self.demonstrative_topic(k, end);
                let definite_topic = t == "the"
                    && k + 1 < end
                    && !self.is(k + 1, class::DOCUMENT)
                    && ![
                        "request",
                        "requests",
                        "inquiry",
                        "inquiries",
                        "email",
                        "emails",
                        "call",
                        "calls",
                        "questions",
                        "query",
                        "queries",
                    ]
                    .contains(&self.text(k + 1).to_lowercase().as_str());
                // "declined to comment on her account".
                let possessed_claim = self.is(k, class::POSSESSIVE) && k + 1 < end && self.is(k + 1, class::CLAIM_NOUN);
                // "would not comment on Mr Smith's allegation".
                demonstrative || definite_topic || possessed_claim || self.is(k, class::ALLEGATION)
            })
    }

    /// A demonstrative at `k` pointing back to a topic, not a time ("sur ce
    /// point", "about these claims"; not "à ce stade", "at this stage").
    fn demonstrative_topic(&self, k: usize, end: usize) -> bool {
        self.is_demonstrative(k) && !(k + 1 < end && self.is(k + 1, class::TIME_NOUN))
    }

    /// The content words of a silence's object ("declined to comment on the
    /// office closures" → "office", "closures"), lower-cased, for matching
    /// the claim it points back to.
    fn topic_words(&self, cue: Span, span: Span) -> Vec<String> {
        let (from, to) = (self.a.token_at_or_after(cue.end), self.a.token_at_or_after(span.end));
        // The object only: not an appendix after a comma ("…, saying the
        // matter had been referred"); a claim noun ("her account") names no topic.
        let to = (from..to).find(|&k| self.is_comma(k)).unwrap_or(to);
        (from..to)
            .filter(|&k| {
                self.a.tokens[k].kind == TokenKind::Word
                    && self.text(k).chars().count() > 3
                    && !self.is(k, FUNCTION | class::DOCUMENT | class::TIME_NOUN | class::CLAIM_NOUN)
            })
            .map(|k| self.text(k).to_lowercase())
            .collect()
    }

    /// Whether `span` holds one of `words` (compared on their first five
    /// letters, so "closure" meets "closures" and "fermeture" "fermetures").
    fn mentions_any(&self, span: Span, words: &[String]) -> bool {
        let stem = |w: &str| w.chars().take(5).collect::<String>();
        let stems: Vec<String> = words.iter().map(|w| stem(w)).collect();
        let (from, to) = (self.a.token_at_or_after(span.start), self.a.token_at_or_after(span.end));
        (from..to).any(|k| stems.contains(&stem(&self.text(k).to_lowercase())))
    }

    /// The comma before an apposition that disowns the clause before it:
    /// "[…], a claim that could not be independently verified", "[…], ce
    /// qui n'a pas pu être vérifié": a short noun phrase or nothing, a
    /// relative word, then the cue at `cue`.
    fn apposed_disowning(&self, si: usize, cue: usize) -> Option<usize> {
        let lo = self.a.sentence_tokens[si].start;
        let stop = cue.saturating_sub(8).max(lo);
        let comma = (stop..cue).rev().find(|&k| self.is_comma(k) || self.is_strong_break(k))?;
        if !self.is_comma(comma) || comma < lo + 3 {
            return None;
        }
        let relative = (comma + 1..cue).any(|k| {
            let t = self.text(k);
            ["that", "which", "qui", "que", "qu'"].iter().any(|w| t.eq_ignore_ascii_case(w))
        });
        relative.then_some(comma)
    }

    /// "[…], a claim that could not be independently verified": the claim
    /// is what the apposition disowns, the reported content before the
    /// comma when there is some ("officials said [X], …"), else the clause
    /// before it. False when the cue at `h` is not in such an apposition.
    fn disowned_by_apposition(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) -> bool {
        let Some(comma) = self.apposed_disowning(si, h.first) else { return false };
        let r = self.a.sentence_tokens[si].clone();
        let part = Span::new(self.a.tokens[r.start].span.start, self.a.tokens[comma].span.start);
        // A claim already found there ("[X], selon Y, un bilan que …"),
        // else reported content, which may run on past the comma in the
        // quote layer's view (it ends there), else the clause.
        let earlier = out.iter().rev().find(|c| c.span.start >= part.start && c.span.end <= part.end).map(|c| c.span);
        // "Selon un document, que le journal n'a pas pu authentifier, [X]":
        // the frame's source is disowned, so is what it frames.
        let framed = self
            .frame_at(self.clause_start(si, comma - 1))
            .then(|| (h.end..(h.end + 6).min(r.end)).find(|&k| self.is_comma(k)))
            .flatten()
            .and_then(|close| self.trimmed(close + 1, self.clause_end(si, close + 1)));
        let span = match self.reported.iter().find(|q| q.start >= part.start && q.start < part.end) {
            _ if framed.is_some() => framed,
            _ if earlier.is_some() => earlier,
            Some(q) => self.trimmed(self.a.token_at_or_after(q.start), comma),
            None => self.trimmed(self.clause_start(si, comma - 1), comma),
        };
        if let Some(span) = span {
            let cue = self.span(h.first, h.end);
            out.push(Candidate { span, cue, reason: ClaimReason::Unconfirmed, source: None, backref: false });
        }
        true
    }

    /// "X said [it struck …], though it did not provide evidence", "[…],
    /// mais n'a fourni aucune preuve": a non-verification in a contrastive
    /// clause disowns the clause before it (the complement of its reporting
    /// or claim verb).
    fn contrast_disowns(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        let comma = (h.first.saturating_sub(6).max(r.start + 2)..h.first)
            .rev()
            .find(|&k| self.is_comma(k) || self.punct(k, &[';']));
        // "…; it did not provide evidence", "… ; elle n'a fourni aucune
        // preuve": after a semicolon, a pronoun subject, auxiliaries and at
        // most one verb.
        let Some(c) = comma.filter(|&c| {
            h.first - c <= 5
                && if self.is_comma(c) {
                    self.is(c + 1, class::CONTRAST | class::CONJ)
                } else {
                    self.is(c + 1, class::PRON)
                        && (c + 2..h.first)
                            .filter(|&k| {
                                !self.is(k, class::PRON | class::AUX | class::NEG | class::ADV | class::CLITIC)
                            })
                            .count()
                            <= 1
                }
        }) else {
            return false;
        };
        // Not "…, but it is not yet known whether [Y]": a new question.
        let end = self.clause_end(si, h.end.saturating_sub(1)).max(h.end);
        if (h.end - 1..end).any(|k| self.is(k, class::COMP | class::INTERROGATIVE | class::REL)) {
            return false;
        }
        let Some(span) = self.clause_before_apposition(si, c) else { return false };
        let cue = self.span(h.first, h.end);
        out.push(Candidate { span, cue, reason: ClaimReason::Unconfirmed, source: None, backref: false });
        true
    }

    fn unverified(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
        let r = self.a.sentence_tokens[si].clone();
        let cue = self.span(h.first, h.end);
        if self.disowned_by_apposition(si, h, out) {
            return;
        }
        if self.contrast_disowns(si, h, out) {
            return;
        }
        let end = self.clause_end(si, h.end.saturating_sub(1));
        // The object: what could not be verified.
        if let Some(b) = self.hit_at(h.end).filter(|b| b.cue.role == Role::BackRef) {
            // "the authenticity of the footage": the complement is what
            // was not verified, not who claimed it.
            let what = self.hit_at(b.end + 1).is_some_and(|x| x.cue.role == Role::BackRef);
            let source = self.of_complement(b.end, end).filter(|_| !what).map(|(f, e)| {
                // "du groupe Anonymous" → "groupe Anonymous"; "de la police" → "la police".
                let _ = f;
                self.span(b.end + 1, e)
            });
            if let Some(span) = self.trimmed(b.first, end.max(b.end)) {
                out.push(Candidate { span, cue, reason: ClaimReason::Unconfirmed, source, backref: true });
            }
            return;
        }
        let span = if h.end < end && h.end < r.end {
            self.trimmed(if self.is(h.end, class::COMP) { h.end + 1 } else { h.end }, end)
        } else {
            self.clause(si, h.first)
        };
        if let Some(span) = span {
            out.push(Candidate { span, cue, reason: ClaimReason::Unconfirmed, source: None, backref: false });
        }
    }

    // -----------------------------------------------------------------
    // Conditional exclusions.

    /// A "si" clause (not concessive "même si"), "au cas où", …: its
    /// conditionals are hypothetical, not evidential.
    fn hypothetical_sentence(&self, si: usize, hits: &[Hit]) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        hits.iter().any(|h| {
            // "même si" is a hit of its own: the "si" inside it is gone.
            h.cue.role == Role::Hypothetical
                && (!h.cue.subject
                    || h.end < r.end
                        && (self.is(h.end, class::DET | class::PRON) || self.is_capitalized(h.end))
                        && !self.is_protected(self.a.tokens[h.first].span.start))
        })
    }

    /// Whether the conditional at token `i` is evidential: not a politeness
    /// or modal form ("il faudrait"), not a counterfactual ("aurait dû"),
    /// not a future-in-the-past after a past verb ("a estimé que cela
    /// contraindrait"), not the consequence of a proposal.
    fn conditional_counts(&self, si: usize, i: usize) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        if self.is(i, class::NOT_CONDITIONAL) {
            return false;
        }
        let mut n = i + 1;
        while n < r.end && self.is(n, class::ADV | class::NEG) {
            n += 1;
        }
        if n < r.end && self.is(n, class::COUNTERFACTUAL) {
            return false;
        }
        // Future-in-the-past: the nearest complementizer before, in a
        // clause governed by a past verb.
        let lo = i.saturating_sub(MAX_SCAN).max(r.start);
        if let Some(q) = (lo..i).rev().find(|&k| self.is(k, class::COMP)) {
            let before = q.saturating_sub(6).max(r.start);
            let past = (before..q).any(|k| {
                self.is(k, class::PAST_AUX)
                    || self.a.tokens[k].kind == TokenKind::Word && {
                        let t = self.text(k);
                        (t.ends_with("ait") || t.ends_with("aient")) && !self.conditional[k]
                    }
            });
            // "a présenté un plan … et indiqué que": a past participle of the
            // reporting verb, its auxiliary shared further back.
            let participle = q > r.start
                && self.is_report_verb(q - 1)
                && (self.is_past_participle_fr(q - 1) || self.text(q - 1).eq_ignore_ascii_case("dit"));
            if past || participle {
                return false;
            }
        }
        !self.proposal_consequence(si, i)
    }

    /// Whether the conditional at token `i` states what a proposal would do:
    /// a proposal noun just before it ("la réforme permettrait"), heading its
    /// clause ("Ce dispositif – … – permettrait"), or providing for it ("la
    /// loi prévoit … pour les agents qui seraient …").
    fn proposal_consequence(&self, si: usize, i: usize) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        // "La réforme devrait être adoptée", "le texte pourrait entrer en
        // vigueur": a forecast about the proposal's fate, not its content.
        let mut n = i + 1;
        while n < r.end && (self.is(n, class::ADV | class::NEG) || self.text(n).eq_ignore_ascii_case("être")) {
            n += 1;
        }
        if n < r.end && self.is(n, class::FATE) {
            return false;
        }
        let cs = self.clause_start(si, i);
        (cs.max(i.saturating_sub(6))..i).any(|k| self.is(k, class::PROPOSAL))
            || (cs..(cs + 3).min(i)).any(|k| self.is(k, class::PROPOSAL))
            || (r.start..i).any(|k| self.is(k, class::PROPOSAL) && k + 1 < i && self.is(k + 1, class::PROVIDES))
    }

    // -----------------------------------------------------------------
    // Back-references.

    /// Claims pointing back ("L'AFP n'a pas pu vérifier ces affirmations")
    /// also mark the claims of the nearest earlier sentence that has some
    /// (or, if none, the reported content of the previous sentence).
    fn link_back_references(&self, claims: &mut Vec<(usize, Claim, bool)>) {
        let mut extra: Vec<(usize, Claim, bool)> = Vec::new();
        let mut silent_clauses: Vec<usize> = Vec::new();
        for k in 0..claims.len() {
            let silence = claims[k].1.reason == ClaimReason::NoResponse;
            if !(claims[k].2 && claims[k].1.reason == ClaimReason::Unconfirmed || silence) {
                continue;
            }
            let (si, cue, reason) = (claims[k].0, claims[k].1.cue, claims[k].1.reason);
            let mut targets: Vec<usize>;
            if !claims[k].2 {
                // "Le syndicat accuse la municipalité de … La municipalité n'a
                // pas répondu": the allegation put to the silent party is the
                // claim (guidelines §3), when an earlier claim names it.
                if let Some(t) = self.party_claim(claims, k) {
                    let target = &mut claims[t].1;
                    if reason < target.reason {
                        let old = target.cue;
                        target.other_cues.insert(0, old);
                        target.cue = cue;
                        target.reason = reason;
                        target.explanation = self.explanation(reason, target.source);
                    }
                    silent_clauses.push(k);
                }
                continue;
            }
            // Claims are in sentence order.
            let of_sentence = |sj: usize| claims.partition_point(|c| c.0 < sj)..claims.partition_point(|c| c.0 <= sj);
            // "Une vidéo semble montrer [X], mais l'AFP n'a pas pu vérifier
            // son authenticité": a claim before the cue in its own sentence.
            targets = of_sentence(si).filter(|&t| t != k && claims[t].1.span.end <= cue.start).collect();
            // "… on the allegations": the latest allegations, however far
            // back (often the article's lead), not whatever claim came last.
            let span = claims[k].1.span;
            let about_allegations = (self.a.token_at_or_after(cue.end)..self.a.token_at_or_after(span.end))
                .any(|j| self.is(j, class::ALLEGATION));
            // A silence on a topic named by no phrase pointing back ("did
            // not respond to questions about the price of the drug") points
            // to an earlier claim only if that claim mentions the topic.
            // (A demonstrative object points back by itself; a topic of
            // document words only, "on the estimate", names nothing to
            // match: the nearest claim it is.)
            let words = if reason == ClaimReason::NoResponse
                && !about_allegations
                && !(self.a.token_at_or_after(cue.end)..self.a.token_at_or_after(span.end))
                    .any(|j| self.is_demonstrative(j))
                && !self.backref_in(span)
            {
                self.topic_words(cue, span)
            } else {
                Vec::new()
            };
            if !words.is_empty() {
                targets.clear();
                for back in 1..=MAX_BACK.min(si) {
                    targets = of_sentence(si - back).filter(|&t| self.mentions_any(claims[t].1.span, &words)).collect();
                    if !targets.is_empty() {
                        break;
                    }
                }
                if targets.is_empty() {
                    continue;
                }
            }
            if targets.is_empty() && about_allegations {
                for back in 1..=si {
                    targets = of_sentence(si - back).filter(|&t| claims[t].1.reason == ClaimReason::Claimed).collect();
                    if !targets.is_empty() {
                        break;
                    }
                }
            }
            for back in 1..=MAX_BACK.min(si) {
                if !targets.is_empty() {
                    break;
                }
                targets = of_sentence(si - back).collect();
            }
            // A silence that points back: the allegation put to the silent
            // party is the claim, not the sentence saying it was silent.
            if reason == ClaimReason::NoResponse && !targets.is_empty() {
                silent_clauses.push(k);
            }
            if targets.is_empty() && si > 0 {
                if let Some(mut c) = self.reported_content(si - 1) {
                    c.explanation = self.explanation(c.reason, c.source);
                    extra.push((si - 1, c, false));
                    let t = claims.len() + extra.len() - 1;
                    targets.push(t);
                    if reason == ClaimReason::NoResponse {
                        silent_clauses.push(k);
                    }
                }
            }
            for t in targets {
                let target = if t < claims.len() { &mut claims[t].1 } else { &mut extra[t - claims.len()].1 };
                if reason < target.reason {
                    let old = target.cue;
                    target.other_cues.insert(0, old);
                    target.cue = cue;
                    target.reason = reason;
                    target.explanation = self.explanation(reason, target.source);
                } else if !target.other_cues.contains(&cue) && target.cue != cue {
                    target.other_cues.push(cue);
                }
            }
        }
        let mut k = 0;
        claims.retain(|_| {
            k += 1;
            !silent_clauses.contains(&(k - 1))
        });
        claims.extend(extra);
    }

    /// For the silence claim `k` that does not point back by itself, the
    /// earlier `claimed` claim (this sentence or the two before) whose text names the
    /// silent party: a content word of the silence's subject, not a
    /// spokesperson's title ("A spokesperson for the vendor declined to
    /// comment" names "vendor").
    fn party_claim(&self, claims: &[(usize, Claim, bool)], k: usize) -> Option<usize> {
        let (si, silence) = (claims[k].0, &claims[k].1);
        let cue_first = self.a.token_at_or_after(silence.cue.start);
        let first = self.clause_start(si, cue_first);
        if first >= cue_first {
            return None;
        }
        // The silent party: the subject's content words, or a pronoun's antecedent.
        let subject = self.span(first, cue_first);
        let party = match self.antecedent(subject) {
            Some(m) => m,
            None => subject,
        };
        let (pf, pe) = (self.a.token_at_or_after(party.start), self.a.token_at_or_after(party.end));
        let heads: Vec<String> = (pf..pe)
            .filter(|&j| {
                self.a.tokens[j].kind == TokenKind::Word
                    && self.text(j).chars().count() > 2
                    && !self.is(j, FUNCTION | class::SPOKES | class::REPORT | class::INDEF)
            })
            .map(|j| self.text(j).to_lowercase())
            .collect();
        if heads.is_empty() {
            return None;
        }
        let floor = si.saturating_sub(2);
        (0..k).rev().take_while(|&t| claims[t].0 >= floor).find(|&t| {
            let c = &claims[t].1;
            let (cf, ce) = (self.a.token_at_or_after(c.span.start), self.a.token_at_or_after(c.span.end));
            let names = |to: usize| {
                self.a.tokens[cf..to.min(ce)]
                    .iter()
                    .any(|tok| heads.iter().any(|h| tok.span.slice(self.a.text).eq_ignore_ascii_case(h)))
            };
            // An assertion by a party (an accusation, a claim) naming the
            // silent party anywhere; what others report had been put to it
            // only when the party is its subject, in the sentence just
            // before ("Selon une source, le ministère aurait gelé … Sollicité,
            // le ministère n'a pas donné suite").
            c.span.end <= silence.span.start
                && if c.reason == ClaimReason::Claimed { names(ce) } else { claims[t].0 + 1 >= si && names(cf + 3) }
        })
    }

    /// The reported content of sentence `si` as a claim without cue of its
    /// own ("X a déclaré que [Y]"): only used as a back-reference target.
    fn reported_content(&self, si: usize) -> Option<Claim> {
        let r = self.a.sentence_tokens[si].clone();
        if r.is_empty() {
            return None;
        }
        let q = (r.start..r.end).find(|&k| self.is(k, class::COMP) && !self.is_protected(self.a.tokens[k].span.start));
        let (span, source) = match q {
            Some(q) => {
                // The subject of the reporting verb, past its addressee ("X
                // told the Gazette that").
                let verb = (q.saturating_sub(5).max(r.start)..q)
                    .rev()
                    .find(|&k| self.is_report_verb(k))
                    .unwrap_or(q.saturating_sub(1));
                (self.trimmed(q + 1, self.clause_end(si, q))?, self.subject_before(si, verb))
            }
            None => (self.trimmed(r.start, r.end)?, None),
        };
        if self.protected_bytes(span) * 5 >= span.len() * 4 {
            return None;
        }
        Some(Claim {
            span,
            reason: ClaimReason::Hedge,
            cue: span,
            source,
            other_cues: Vec::new(),
            explanation: String::new(),
        })
    }

    fn explanation(&self, reason: ClaimReason, source: Option<Span>) -> String {
        let i = ClaimReason::ALL.iter().position(|&r| r == reason).unwrap_or(0);
        let (plain, with_source) = self.lex.explanations[i];
        match source.map(|s| s.slice(self.a.text)) {
            Some(s) if s.len() <= 80 && !s.is_empty() && reason != ClaimReason::Unconfirmed => {
                with_source.replace("{source}", s)
            }
            _ => plain.to_string(),
        }
    }
}

/// Merges the candidates of one sentence whose spans overlap into claims.
fn merge(mut cands: Vec<Candidate>, ctx: &Context) -> Vec<(Claim, bool)> {
    cands.sort_by_key(|c| (c.span.start, c.reason));
    let mut groups: Vec<Vec<Candidate>> = Vec::new();
    for c in cands {
        match groups.last_mut() {
            Some(g) if g.iter().any(|o| o.span.start < c.span.end && c.span.start < o.span.end) => g.push(c),
            _ => groups.push(vec![c]),
        }
    }
    groups
        .into_iter()
        .map(|mut g| {
            // Same reason: a cue that is the source itself ("Many residents")
            // before a verb cue ("believe").
            g.sort_by_key(|c| (c.reason, c.source != Some(c.cue), c.span.start));
            let mut primary = g[0].clone();
            // "X claimed, without providing evidence, that [Y]": a cue on the
            // claim verb's clause, not inside what is claimed, qualifies the
            // claim the verb frames; the claim is still Y.
            if primary.source.is_none() {
                if let Some(inner) = g[1..].iter().find(|c| {
                    c.source.is_some()
                        && c.span.len() < primary.span.len()
                        && primary.span.start <= c.span.start
                        && c.span.end <= primary.span.end
                        && !(c.span.start <= primary.cue.start && primary.cue.end <= c.span.end)
                }) {
                    primary.span = inner.span;
                }
            }
            let mut other_cues: Vec<Span> = Vec::new();
            for c in &g[1..] {
                if c.cue != primary.cue && !other_cues.contains(&c.cue) {
                    other_cues.push(c.cue);
                }
            }
            other_cues.sort_by_key(|s| s.start);
            let source = g.iter().find_map(|c| c.source);
            let backref = g.iter().any(|c| c.backref);
            let explanation = ctx.explanation(primary.reason, source);
            (
                Claim { span: primary.span, reason: primary.reason, cue: primary.cue, source, other_cues, explanation },
                backref,
            )
        })
        .collect()
}

/// Direct quotations: the quote layer's, plus any text between matching
/// quotation marks (« », “ ”, "…") of at least three words in one
/// paragraph. Sorted and disjoint.
fn protected_regions(a: &Analysis, quotes: &[Quote]) -> Vec<Span> {
    let mut out: Vec<Span> = quotes.iter().filter(|q| q.direct).map(|q| q.span).collect();
    let text = a.text;
    for p in &a.paragraphs {
        let para = p.slice(text);
        let mut open: Option<(char, usize)> = None;
        for (off, c) in para.char_indices() {
            let pos = p.start + off;
            match (open, c) {
                (None, '«') => open = Some(('»', pos)),
                (None, '“') => open = Some(('”', pos)),
                (None, '"') => open = Some(('"', pos)),
                (Some((close, start)), c) if c == close => {
                    let inner = Span::new(start + c.len_utf8(), pos);
                    let words = inner.slice(text).split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric));
                    if words.count() >= 3 {
                        out.push(inner);
                    }
                    open = None;
                }
                _ => {}
            }
        }
        // A quotation running on into the next paragraph has no closing
        // mark at the end of this one.
        if let Some((_, start)) = open {
            let mark = text[start..].chars().next().map_or(1, char::len_utf8);
            let inner = Span::new(start + mark, p.end);
            if inner.slice(text).split_whitespace().count() >= 3 {
                out.push(inner);
            }
        }
    }
    out.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::with_capacity(out.len());
    for s in out {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    merged
}
