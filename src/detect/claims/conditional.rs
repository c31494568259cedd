//! French conditional by morphology: a third-person ending (-rait,
//! -raient) on a future stem. The stem rules (`conditional-stems.txt`)
//! tell future stems ("parler", "prendr", "pourr") from the imperfect of
//! -rer verbs ("tir-ait", "montr-ait", "dur-ait").

use super::lexicon::StemRules;

/// True when `lower` (a lower-cased word) is a third-person conditional
/// form: "serait", "pourraient", "parlerait", "prendrait".
pub(crate) fn is_conditional(lower: &str, rules: &StemRules) -> bool {
    let Some(stem) = lower.strip_suffix("aient").or_else(|| lower.strip_suffix("ait")) else {
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
