//! Languages, their compiled-in resources, and language identification.

pub(crate) mod classes;
pub(crate) mod data;
mod identify;
pub mod pack;

pub(crate) use identify::{identify, Identified};

use crate::error::Error;
use serde::Serialize;
use std::str::FromStr;

/// A language the engine annotates.
///
/// # Examples
///
/// ```
/// use article_annotator::Lang;
/// assert_eq!("fr".parse::<Lang>().unwrap(), Lang::Fr);
/// assert_eq!(Lang::En.code(), "en");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// Every supported language, French first.
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code: `"fr"` or `"en"`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The language's name in English: `"French"` or `"English"`.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::Fr => "French",
            Lang::En => "English",
        }
    }

    /// Guesses which of French and English `text` is in, from its function
    /// words. (Whether it is in either at all is [`Annotator::annotate`]'s
    /// question, with [`LangChoice::Auto`].)
    ///
    /// Counts, over the first few thousand words, how many are frequent
    /// function words of each language (`data/<lang>/stopwords.txt`), each
    /// worth two points, plus one point per word with a spelling only one of
    /// the two languages has (French accents; English "th", "wh", "-ing",
    /// "'s"), which decides short texts whose few function words are shared
    /// ("on", "a"). French wins ties, since the project is French first.
    ///
    /// # Examples
    ///
    /// ```
    /// use article_annotator::Lang;
    /// assert_eq!(Lang::detect("Le président a déclaré que la panne était réglée."), Lang::Fr);
    /// assert_eq!(Lang::detect("The president said that the outage was over."), Lang::En);
    /// ```
    ///
    /// [`Annotator::annotate`]: crate::Annotator::annotate
    pub fn detect(text: &str) -> Lang {
        let (fr, en) = score(text);
        if en > fr {
            Lang::En
        } else {
            Lang::Fr
        }
    }
}

/// Evidence (fr, en) over the first words of `text`: two points per function
/// word, one per word spelt the way only one language spells.
fn score(text: &str) -> (u32, u32) {
    const MAX_WORDS: usize = 3000;
    let fr = data::stopwords(Lang::Fr);
    let en = data::stopwords(Lang::En);
    let (mut f, mut e) = (0u32, 0u32);
    let mut buf = String::new();
    for word in text
        .split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '\u{2019}'))
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
    {
        buf.clear();
        buf.extend(word.chars().flat_map(crate::case::lower).map(|c| if c == '\u{2019}' { '\'' } else { c }));
        // French elisions: "l'homme" counts as "l'".
        let key = match buf.find('\'') {
            Some(i) if i > 0 && i < buf.len() - 1 => &buf[..=i],
            _ => buf.as_str(),
        };
        if fr.contains(key) {
            f += 2;
        }
        if en.contains(key) {
            e += 2;
        }
        match spelling(&buf) {
            Some(Lang::Fr) => f += 1,
            Some(Lang::En) => e += 1,
            None => {}
        }
    }
    (f, e)
}

/// The language a lower-cased word's spelling points to, if only one of the
/// two languages spells that way. Names borrowed across languages ("Élysée"
/// in an English text) weigh one point, a function word two.
fn spelling(word: &str) -> Option<Lang> {
    const FRENCH_LETTERS: &[char] = &['é', 'è', 'ê', 'à', 'ç', 'ù', 'â', 'î', 'ô', 'û', 'ë', 'ï', 'œ'];
    if word.contains(FRENCH_LETTERS) {
        return Some(Lang::Fr);
    }
    if word.chars().count() > 4 && (word.ends_with("ing") || word.ends_with("'s"))
        || word.contains("th")
        || word.starts_with("wh")
    {
        return Some(Lang::En);
    }
    None
}

/// One value per language, built on first use from the language's data:
/// the cache of every loader (`static TABLES: PerLang<T> = PerLang::new()`).
pub(crate) struct PerLang<T>([std::sync::OnceLock<T>; 2]);

impl<T> PerLang<T> {
    /// Nothing built yet.
    pub(crate) const fn new() -> PerLang<T> {
        PerLang([std::sync::OnceLock::new(), std::sync::OnceLock::new()])
    }

    /// The value of `lang`, built by `build` the first time.
    pub(crate) fn get(&'static self, lang: Lang, build: impl FnOnce(Lang) -> T) -> &'static T {
        self.0[lang as usize].get_or_init(|| build(lang))
    }
}

/// Which language to annotate in: a fixed one, or detected from the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LangChoice {
    /// Identify from the text: French or English ([`Lang::detect`]), or, for
    /// a text clearly in another language, nothing annotated and
    /// [`Document::unsupported_language`] set.
    ///
    /// [`Document::unsupported_language`]: crate::Document::unsupported_language
    #[default]
    Auto,
    /// Use this language whatever the text looks like.
    Fixed(Lang),
}

impl LangChoice {
    /// The language to use for `text`.
    pub fn resolve(self, text: &str) -> Lang {
        match self {
            LangChoice::Auto => Lang::detect(text),
            LangChoice::Fixed(lang) => lang,
        }
    }
}

impl FromStr for Lang {
    type Err = Error;
    fn from_str(s: &str) -> Result<Lang, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" | "français" => Ok(Lang::Fr),
            "en" | "eng" | "english" => Ok(Lang::En),
            _ => Err(Error::unknown_lang(s)),
        }
    }
}

impl FromStr for LangChoice {
    type Err = Error;
    fn from_str(s: &str) -> Result<LangChoice, Error> {
        if s.trim().eq_ignore_ascii_case("auto") || s.trim().is_empty() {
            Ok(LangChoice::Auto)
        } else {
            s.parse().map(LangChoice::Fixed)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_short_texts() {
        assert_eq!(Lang::detect("Contacté par l'AFP, X n'a pas répondu."), Lang::Fr);
        assert_eq!(Lang::detect("It did not respond to a request for comment."), Lang::En);
        assert_eq!(Lang::detect(""), Lang::Fr);
        assert_eq!(Lang::detect("12345 !!!"), Lang::Fr);
        // Only shared function words ("on"): spelling decides.
        assert_eq!(Lang::detect("Apple shares rose sharply on Monday morning"), Lang::En);
        assert_eq!(Lang::detect("Grève générale lundi à Marseille"), Lang::Fr);
    }

    #[test]
    fn override_and_codes() {
        assert_eq!("auto".parse::<LangChoice>().unwrap(), LangChoice::Auto);
        assert_eq!("EN".parse::<LangChoice>().unwrap(), LangChoice::Fixed(Lang::En));
        assert!("xx".parse::<LangChoice>().is_err());
        assert_eq!(LangChoice::Fixed(Lang::En).resolve("Le chat est là."), Lang::En);
    }
}
