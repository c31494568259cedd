//! Role `frame`: a source frame ("selon X, [claim]", "according to X").

use super::lexicon::{class, Role};
use super::{Candidate, ClaimReason, Context, EntityLabel, Hit, FUNCTION, MAX_SEGMENT};
use crate::text::TokenKind;

impl<'a, 't> Context<'a, 't> {
    pub(super) fn frame(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>, used_anon: &mut Vec<usize>) {
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
    pub(super) fn pour_source(&self, first: usize, end: usize) -> bool {
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
}
