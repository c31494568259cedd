//! Roles `verb` and `verb-that`: a claim verb ("X a affirmé [claim]",
//! "X denied [claim]").

use super::lexicon::{class, Role};
use super::{Candidate, ClaimReason, Context, Hit};
use crate::text::TokenKind;

impl<'a, 't> Context<'a, 't> {
    pub(super) fn verb(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
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

    /// A source and its verb after the clause they frame: "[X], Reuters
    /// reported on Monday.", "[X], the newspaper reports."
    pub(super) fn postposed(&self, si: usize, h: &Hit, out: &mut Vec<Candidate>) {
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
}
