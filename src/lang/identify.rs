//! Is the text in a language the engine reads at all?
//!
//! [`Lang::detect`] only chooses between French and English, so a German or
//! Spanish article used to be annotated as French. [`identify`] first asks
//! whether the text is clearly in another language, from two kinds of
//! evidence over its first 400 words:
//!
//! - **script**: most of its letters in a script French and English do not
//!   use (Cyrillic, Greek, Arabic, Han, …; [`SCRIPTS`]);
//! - **function words**: for Latin-script text, how many words are frequent
//!   function words of French, English, and of the other languages listed in
//!   [`OTHER_LATIN`] (`data/identify/<code>.txt`). Another language must
//!   have many of them ([`MIN_HITS`]), most of the words being its own
//!   ([`MIN_SHARE`]), and clearly more than French and English together
//!   ([`MARGIN`]).
//!
//! Anything less certain keeps the French-or-English choice, so short, mixed
//! and quotation-heavy French or English texts are annotated as before.
//! Measured on every text the repository holds and the shared GUM (English)
//! and WiNER (French) documents: none is called unsupported
//! (`scripts/snapshot.py` output unchanged). `whatlang` was measured first:
//! its 69 trigram profiles cost more than the wasm size budget allows.

use super::data::{self, entries};
use super::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

/// What identification found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Identified {
    /// French or English (or too little evidence of anything else).
    Supported(Lang),
    /// Clearly another language: its ISO 639-1 code, and the supported
    /// language the text is closest to.
    Unsupported { closest: Lang, code: &'static str },
}

/// Latin-script languages recognised by their function words (ISO 639-1
/// code, word list).
const OTHER_LATIN: &[(&str, &str)] = &[
    ("de", include_str!("../../data/identify/de.txt")),
    ("es", include_str!("../../data/identify/es.txt")),
    ("it", include_str!("../../data/identify/it.txt")),
    ("nl", include_str!("../../data/identify/nl.txt")),
    ("pl", include_str!("../../data/identify/pl.txt")),
    ("pt", include_str!("../../data/identify/pt.txt")),
    ("sv", include_str!("../../data/identify/sv.txt")),
];

/// Scripts French and English are not written in: a Unicode block and the
/// language it means, unless a marker letter of [`MARKERS`] says otherwise.
const SCRIPTS: &[(char, char, &str)] = &[
    ('\u{0370}', '\u{03FF}', "el"), // Greek
    ('\u{0400}', '\u{04FF}', "ru"), // Cyrillic
    ('\u{0530}', '\u{058F}', "hy"), // Armenian
    ('\u{0590}', '\u{05FF}', "he"), // Hebrew
    ('\u{0600}', '\u{06FF}', "ar"), // Arabic
    ('\u{0750}', '\u{077F}', "ar"), // Arabic supplement
    ('\u{0900}', '\u{097F}', "hi"), // Devanagari
    ('\u{0980}', '\u{09FF}', "bn"), // Bengali
    ('\u{0E00}', '\u{0E7F}', "th"), // Thai
    ('\u{10A0}', '\u{10FF}', "ka"), // Georgian
    ('\u{1100}', '\u{11FF}', "ko"), // Hangul jamo
    ('\u{3040}', '\u{30FF}', "ja"), // Hiragana, Katakana
    ('\u{3130}', '\u{318F}', "ko"), // Hangul compatibility jamo
    ('\u{4E00}', '\u{9FFF}', "zh"), // CJK ideographs (Japanese when kana are present)
    ('\u{AC00}', '\u{D7AF}', "ko"), // Hangul syllables
];

/// Letters only one language of a shared script uses: (script's default
/// code, marker letters, the language they mean).
const MARKERS: &[(&str, &str, &str)] =
    &[("ru", "іїєґ", "uk"), ("ru", "ђћџјљњ", "sr"), ("ar", "پچژگ", "fa"), ("ar", "ٹڈڑںے", "ur")];

/// Words read: the start of an article says what language it is in, and
/// the cost stays flat on megabyte inputs.
const MAX_WORDS: usize = 400;
/// Letters read for the script test.
const MAX_LETTERS: usize = 2400;
/// Fewer letters than this and no language is "clearly" anything: a title,
/// a name, a one-line quotation keep the French-or-English choice.
const MIN_LETTERS: usize = 60;
/// Function words of the other language needed at least.
const MIN_HITS: usize = 6;
/// Share of all words that must be the other language's function words
/// (running text in any of these languages has 30–50 %).
const MIN_SHARE: f64 = 0.2;
/// How many times the French or English function words (the larger count)
/// the other language's must be.
const MARGIN: usize = 2;

/// Identifies the language of `text`: French or English as
/// [`Lang::detect`] chooses, unless the text is clearly in another language.
pub(crate) fn identify(text: &str) -> Identified {
    let closest = Lang::detect(text);
    match other_script(text).or_else(|| other_latin(text)) {
        Some(code) => Identified::Unsupported { closest, code },
        None => Identified::Supported(closest),
    }
}

/// The language of the script most letters of `text` are in, when that is
/// not Latin and covers over half the letters.
fn other_script(text: &str) -> Option<&'static str> {
    let mut letters = 0usize;
    let mut per_code: Vec<(&'static str, usize)> = Vec::new();
    for c in text.chars().filter(|c| c.is_alphabetic()).take(MAX_LETTERS) {
        letters += 1;
        if c < SCRIPTS[0].0 {
            continue; // Latin (and the rest below Greek)
        }
        if let Some(&(_, _, code)) = SCRIPTS.iter().find(|&&(lo, hi, _)| (lo..=hi).contains(&c)) {
            match per_code.iter_mut().find(|(k, _)| *k == code) {
                Some(entry) => entry.1 += 1,
                None => per_code.push((code, 1)),
            }
        }
    }
    let count = |code: &str| per_code.iter().find(|(k, _)| *k == code).map_or(0, |e| e.1);
    // Japanese mixes kana with ideographs; a few kana in Chinese text are names.
    let (kana, han) = (count("ja"), count("zh"));
    if kana > 0 && kana * 20 >= kana + han {
        per_code.retain(|(k, _)| *k != "zh" && *k != "ja");
        per_code.push(("ja", kana + han));
    }
    let (code, n) = per_code.into_iter().max_by_key(|&(_, n)| n)?;
    if letters < MIN_LETTERS || n * 2 <= letters {
        return None;
    }
    let marked = MARKERS.iter().find(|(base, marks, _)| *base == code && text.chars().any(|c| marks.contains(c)));
    Some(marked.map_or(code, |&(_, _, other)| other))
}

/// Bit of French and of English in [`word_languages`]; the languages of
/// [`OTHER_LATIN`] follow, in order.
const FR: u16 = 1;
const EN: u16 = 2;
const FIRST_OTHER: u32 = 2;
const _: () = assert!(OTHER_LATIN.len() + FIRST_OTHER as usize <= 16, "one bit per language in a u16");

/// Every function word of French, English and [`OTHER_LATIN`], with the set
/// of languages (bits) it belongs to: one look-up per word of the text.
fn word_languages() -> &'static HashMap<&'static str, u16> {
    static WORDS: OnceLock<HashMap<&'static str, u16>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: HashMap<&'static str, u16> = HashMap::new();
        for (bit, list) in [(FR, data::stopwords(Lang::Fr)), (EN, data::stopwords(Lang::En))] {
            for &w in list {
                *words.entry(w).or_default() |= bit;
            }
        }
        for (i, &(_, file)) in OTHER_LATIN.iter().enumerate() {
            for w in entries(file) {
                *words.entry(w).or_default() |= 1 << (FIRST_OTHER + i as u32);
            }
        }
        words
    })
}

/// The Latin-script language other than French and English whose function
/// words dominate `text`, if one clearly does.
fn other_latin(text: &str) -> Option<&'static str> {
    let languages = word_languages();
    let (mut words, mut ours_fr, mut ours_en) = (0usize, 0usize, 0usize);
    let mut hits = [0usize; OTHER_LATIN.len()];
    let mut buf = String::new();
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).take(MAX_WORDS) {
        words += 1;
        buf.clear();
        buf.extend(word.chars().flat_map(crate::case::lower));
        let Some(&bits) = languages.get(buf.as_str()) else { continue };
        ours_fr += usize::from(bits & FR != 0);
        ours_en += usize::from(bits & EN != 0);
        for (i, h) in hits.iter_mut().enumerate() {
            *h += usize::from(bits & (1 << (FIRST_OTHER + i as u32)) != 0);
        }
    }
    let (i, &best) = hits.iter().enumerate().max_by_key(|&(i, &h)| (h, usize::MAX - i))?;
    let clear = best >= MIN_HITS && best as f64 >= MIN_SHARE * words as f64 && best >= MARGIN * ours_fr.max(ours_en);
    clear.then_some(OTHER_LATIN[i].0)
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

    /// Every list: sorted, no duplicates, no trailing whitespace, a comment
    /// header; every code two letters and listed once.
    #[test]
    fn word_lists_are_clean() {
        for (i, &(code, file)) in OTHER_LATIN.iter().enumerate() {
            assert_eq!(code.len(), 2);
            assert!(OTHER_LATIN[..i].iter().all(|&(c, _)| c != code), "{code} listed twice");
            assert!(file.starts_with("# "), "data/identify/{code}.txt: no header");
            data::assert_clean_list(Lang::Fr, &format!("../identify/{code}.txt"), file);
            assert!(entries(file).count() >= 50, "{code}: too few words");
        }
    }

    #[test]
    fn short_text_is_never_unsupported() {
        assert_eq!(code("Guten Morgen, Frau Müller!"), None);
        assert_eq!(code("Buenos días, señora."), None);
        assert_eq!(code(""), None);
        assert_eq!(code("😀😀😀"), None);
    }

    #[test]
    fn other_scripts() {
        let ru = "Правительство России заявило в среду, что переговоры о поставках газа будут продолжены на следующей неделе.";
        assert_eq!(code(ru), Some("ru"));
        let uk = "Уряд України заявив у середу, що переговори щодо постачання газу будуть продовжені наступного тижня.";
        assert_eq!(code(uk), Some("uk"));
        let el = "Η κυβέρνηση ανακοίνωσε την Τετάρτη ότι οι διαπραγματεύσεις για την προμήθεια φυσικού αερίου θα συνεχιστούν.";
        assert_eq!(code(el), Some("el"));
        let zh = "政府周三表示，关于天然气供应的谈判将于下周继续进行。外交部发言人在例行记者会上回答了记者的提问，并表示双方保持着密切沟通，争取尽早达成协议。";
        assert_eq!(code(zh), Some("zh"));
        let ja = "政府は水曜日、天然ガスの供給に関する交渉を来週も続けると発表した。外務省の報道官は定例記者会見で記者の質問に答え、両国は緊密に連絡を取り合っていると述べた。";
        assert_eq!(code(ja), Some("ja"));
        let ar = "أعلنت الحكومة يوم الأربعاء أن المفاوضات بشأن إمدادات الغاز ستستمر الأسبوع المقبل في العاصمة.";
        assert_eq!(code(ar), Some("ar"));
        // A French text quoting a few words of Russian stays French.
        let fr =
            "Le président a répondu « Спасибо » aux journalistes avant de quitter la salle du conseil, samedi soir.";
        assert_eq!(code(fr), None);
    }
}
