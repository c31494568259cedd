//! Is the text in a language the engine reads at all?
//!
//! [`Lang::detect`] only chooses between French and English, so a German or
//! Spanish article used to be annotated as French. Before that choice,
//! [`identify`] asks `whatlang` (character trigram profiles, MIT) which of
//! the languages in [`RECOGNISED`] the text is in. Only a *reliable* answer
//! (whatlang's confidence above 0.9) over enough letters ([`MIN_LETTERS`])
//! naming a language other than French or English makes the text
//! unsupported; anything less certain keeps today's French-or-English
//! choice, so mixed, short and quotation-heavy French or English texts are
//! annotated as before.
//!
//! Measured on every text the repository holds, the shared GUM (English) and
//! WiNER (French) documents: no French or English text is called
//! unsupported (`scripts/snapshot.py` output unchanged).

use super::Lang;
use std::sync::OnceLock;
use whatlang::Lang as W;

/// What identification found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Identified {
    /// French or English (or too little evidence of anything else).
    Supported(Lang),
    /// Clearly another language: its ISO 639-1 code, and the supported
    /// language the text is closest to.
    Unsupported { closest: Lang, code: &'static str },
}

/// The languages identification chooses among, with their ISO 639-1 codes:
/// the two the engine reads, the other major languages of European news,
/// and the languages of other scripts (which cannot be confused with ours).
/// Closely related minor languages are left out on purpose: with fewer
/// candidates, a French text is not mistaken for, say, Catalan or Occitan.
const RECOGNISED: &[(W, &str)] = &[
    (W::Fra, "fr"),
    (W::Eng, "en"),
    // Latin script.
    (W::Deu, "de"),
    (W::Spa, "es"),
    (W::Ita, "it"),
    (W::Por, "pt"),
    (W::Nld, "nl"),
    (W::Pol, "pl"),
    (W::Ces, "cs"),
    (W::Swe, "sv"),
    (W::Dan, "da"),
    (W::Nob, "nb"),
    (W::Fin, "fi"),
    (W::Hun, "hu"),
    (W::Ron, "ro"),
    (W::Tur, "tr"),
    (W::Hrv, "hr"),
    (W::Vie, "vi"),
    (W::Ind, "id"),
    // Other scripts.
    (W::Rus, "ru"),
    (W::Ukr, "uk"),
    (W::Bul, "bg"),
    (W::Srp, "sr"),
    (W::Ell, "el"),
    (W::Heb, "he"),
    (W::Ara, "ar"),
    (W::Pes, "fa"),
    (W::Urd, "ur"),
    (W::Hin, "hi"),
    (W::Ben, "bn"),
    (W::Tha, "th"),
    (W::Kat, "ka"),
    (W::Hye, "hy"),
    (W::Cmn, "zh"),
    (W::Jpn, "ja"),
    (W::Kor, "ko"),
];

/// Fewer letters than this and no language is "clearly" anything: a title,
/// a name, a one-line quotation keep the French-or-English choice.
const MIN_LETTERS: usize = 60;

/// How much of the text is read: the start of an article says what
/// language it is in, and the cost stays flat on megabyte inputs.
const SAMPLE_BYTES: usize = 16 * 1024;

/// Identifies the language of `text`: French or English as
/// [`Lang::detect`] chooses, unless the text is clearly in another language.
pub(crate) fn identify(text: &str) -> Identified {
    let closest = Lang::detect(text);
    match other_language(text) {
        Some(code) => Identified::Unsupported { closest, code },
        None => Identified::Supported(closest),
    }
}

/// The ISO 639-1 code of the language `text` is reliably identified in, when
/// that is neither French nor English.
fn other_language(text: &str) -> Option<&'static str> {
    let sample = &text[..floor_char_boundary(text, SAMPLE_BYTES)];
    if sample.chars().filter(|c| c.is_alphabetic()).nth(MIN_LETTERS - 1).is_none() {
        return None;
    }
    static DETECTOR: OnceLock<whatlang::Detector> = OnceLock::new();
    let detector =
        DETECTOR.get_or_init(|| whatlang::Detector::with_allowlist(RECOGNISED.iter().map(|&(w, _)| w).collect()));
    let info = detector.detect(sample)?;
    if !info.is_reliable() {
        return None;
    }
    match info.lang() {
        W::Fra | W::Eng => None,
        // A language of a script with one language (Greek, Hebrew, …) is named even when not listed.
        other => Some(RECOGNISED.iter().find(|&&(w, _)| w == other).map_or(other.code(), |&(_, code)| code)),
    }
}

/// The largest char boundary of `text` at or before `max`.
fn floor_char_boundary(text: &str, max: usize) -> usize {
    if max >= text.len() {
        return text.len();
    }
    (0..=max).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Option<&'static str> {
        match identify(text) {
            Identified::Supported(_) => None,
            Identified::Unsupported { code, .. } => Some(code),
        }
    }

    #[test]
    fn every_code_is_two_letters_and_listed_once() {
        for (i, &(w, c)) in RECOGNISED.iter().enumerate() {
            assert_eq!(c.len(), 2, "{c}");
            assert!(RECOGNISED[..i].iter().all(|&(v, d)| v != w && d != c), "{c} listed twice");
        }
    }

    #[test]
    fn short_text_is_never_unsupported() {
        assert_eq!(code("Guten Morgen, Frau Müller!"), None);
        assert_eq!(code(""), None);
        assert_eq!(code("😀😀😀"), None);
    }

    #[test]
    fn sample_cut_on_a_char_boundary() {
        let text = "é".repeat(SAMPLE_BYTES);
        assert!(text.is_char_boundary(floor_char_boundary(&text, SAMPLE_BYTES + 1)));
        assert!(floor_char_boundary(&text, SAMPLE_BYTES + 1) <= SAMPLE_BYTES + 1);
    }
}
