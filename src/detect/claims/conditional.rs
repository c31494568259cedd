//! French conditional by morphology: a third-person ending (-rait,
//! -raient) on a future stem. The stem rules (`conditional-stems.txt`)
//! tell future stems ("parler", "prendr", "pourr") from the imperfect of
//! -rer verbs ("tir-ait", "montr-ait", "dur-ait").

use super::lexicon::{class, Role, StemRules};
use super::words::*;
use super::{Context, Hit};
use crate::text::TokenKind;

/// True when `lower` (a lower-cased word) is a third-person conditional
/// form: "serait", "pourraient", "parlerait", "prendrait".
pub(crate) fn is_conditional(lower: &str, rules: &StemRules) -> bool {
    let Some(stem) = FR_IMPERFECT_ENDINGS.iter().find_map(|e| lower.strip_suffix(e)) else {
        return false;
    };
    // The future stem ends in r: "ser", "pourr", "parler".
    if !stem.ends_with('r') || stem.chars().count() < 2 {
        return false;
    }
    if rules.reject_exact.contains(&stem) || rules.reject_suffix.iter().any(|s| stem.ends_with(s)) {
        return false;
    }
    rules.accept_exact.contains(&stem) || rules.accept_suffix.iter().any(|s| stem.ends_with(s))
}

impl<'a, 't> Context<'a, 't> {
    /// A "si" clause (not concessive "même si"), "au cas où", …: its
    /// conditionals are hypothetical, not evidential.
    pub(super) fn hypothetical_sentence(&self, si: usize, hits: &[Hit]) -> bool {
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
    pub(super) fn conditional_counts(&self, si: usize, i: usize) -> bool {
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
            let before = q.saturating_sub(PAST_VERB_BEFORE_COMP).max(r.start);
            let past = (before..q).any(|k| {
                self.is(k, class::PAST_AUX)
                    || self.a.tokens[k].kind == TokenKind::Word && {
                        let t = self.text(k);
                        FR_IMPERFECT_ENDINGS.iter().any(|e| t.ends_with(e)) && !self.conditional[k]
                    }
            });
            // "a présenté un plan … et indiqué que": a past participle of the
            // reporting verb, its auxiliary shared further back.
            let participle = q > r.start
                && self.is_report_verb(q - 1)
                && (self.is_past_participle_fr(q - 1) || self.text(q - 1).eq_ignore_ascii_case(FR_SAID));
            if past || participle {
                return false;
            }
        }
        !self.proposal_consequence(si, i)
    }

    /// Whether the noun at token `k` is the complement of another noun
    /// ("le passage [de la loi]", "l'adoption [du texte]"): "de" or "du"
    /// before it or before its determiner, after the clause start `cs`.
    fn complement_of_noun(&self, k: usize, cs: usize) -> bool {
        let p = if k > cs && self.is(k - 1, class::DET) { k - 1 } else { k };
        p > cs && (self.lower_in(p - 1, NOUN_COMPLEMENT_PREPOSITIONS) || self.lower_in(p, NOUN_COMPLEMENT_PREPOSITIONS))
    }

    /// Whether the conditional at token `i` states what a proposal would do:
    /// a proposal noun just before it ("la réforme permettrait"), heading its
    /// clause ("Ce dispositif – … – permettrait"), or providing for it ("la
    /// loi prévoit … pour les agents qui seraient …").
    pub(super) fn proposal_consequence(&self, si: usize, i: usize) -> bool {
        let r = self.a.sentence_tokens[si].clone();
        // "La réforme devrait être adoptée", "le texte pourrait entrer en
        // vigueur": a forecast about the proposal's fate, not its content.
        let mut n = i + 1;
        while n < r.end && (self.is(n, class::ADV | class::NEG) || self.text(n).eq_ignore_ascii_case(FR_BE)) {
            n += 1;
        }
        if n < r.end && self.is(n, class::FATE) {
            return false;
        }
        let cs = self.clause_start(si, i);
        // "Le passage au Sénat de la loi devrait …": a proposal in the
        // complement of another noun is not what the clause is about.
        let proposal = |k: usize| self.is(k, class::PROPOSAL) && !self.complement_of_noun(k, cs);
        (cs.max(i.saturating_sub(PROPOSAL_BEFORE))..i).any(proposal)
            || (cs..(cs + PROPOSAL_HEADS_CLAUSE).min(i)).any(proposal)
            || (r.start..i).any(|k| self.is(k, class::PROPOSAL) && k + 1 < i && self.is(k + 1, class::PROVIDES))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::claims::lexicon::lexicon;
    use crate::lang::Lang;

    #[test]
    fn conditionals_and_imperfects() {
        let rules = &lexicon(Lang::Fr).stems;
        for w in [
            "serait",
            "aurait",
            "pourrait",
            "devrait",
            "ferait",
            "irait",
            "voudrait",
            "faudrait",
            "saurait",
            "viendrait",
            "deviendrait",
            "tiendrait",
            "verrait",
            "enverrait",
            "vaudrait",
            "courrait",
            "mourrait",
            "recevrait",
            "parlerait",
            "constituerait",
            "finirait",
            "sortirait",
            "ouvrirait",
            "prendrait",
            "permettrait",
            "connaîtrait",
            "suivrait",
            "conclurait",
            "convaincrait",
            "interromprait",
            "boirait",
            "conduirait",
            "plairait",
            "pourraient",
            "seraient",
            "pleuvrait",
            "acquerrait",
        ] {
            assert!(is_conditional(w, rules), "{w} should be a conditional");
        }
        for w in [
            "tirait",
            "attirait",
            "retirait",
            "désirait",
            "admirait",
            "montrait",
            "entrait",
            "rencontrait",
            "durait",
            "assurait",
            "figurait",
            "ouvrait",
            "livrait",
            "encadrait",
            "ignorait",
            "déclarait",
            "espérait",
            "considérait",
            "serrait",
            "enterrait",
            "consacrait",
            "intégrait",
            "célébrait",
            "souffrait",
            "offrait",
            "éclairait",
            "portrait",
            "extrait",
            "retrait",
            "attrait",
            "restaurait",
            "était",
            "avait",
            "vrais",
            "parlerais",
            "rait",
        ] {
            assert!(!is_conditional(w, rules), "{w} should not be a conditional");
        }
    }
}
