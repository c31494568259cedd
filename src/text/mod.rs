//! The text layer: tokens, sentences and paragraphs, in byte offsets.
//! Pure Rust; knows nothing of the DOM.

pub mod phrase;
pub mod sentences;
pub mod textmap;
pub mod tokenize;

pub use sentences::{paragraphs, sentences};
pub use tokenize::{tokenize, Token, TokenKind};

/// Spaces that French typography puts before « » : ; ! ? and inside
/// numbers: no-break space, narrow no-break space, thin space.
pub fn is_inline_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' | '\u{200A}')
}

/// Apostrophes accepted in elisions and contractions (straight, typographic
/// and the modifier letter some French sources use).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Hyphens that join the parts of a compound word or name.
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Opening quotation marks.
pub fn is_open_quote(c: char) -> bool {
    matches!(c, '«' | '“' | '„' | '‹' | '‘' | '‚')
}

/// Closing quotation marks.
pub fn is_close_quote(c: char) -> bool {
    matches!(c, '»' | '”' | '›' | '’')
}

/// Lower-cases `s` and replaces typographic apostrophes with `'`, for
/// lexicon look-ups.
pub fn normalize_word(s: &str, out: &mut String) {
    out.clear();
    // Most words are ASCII: lower-cased byte by byte, without the
    // per-character case tables (this function ran for every token in four
    // layers: ≈ 12 % of the pipeline's time).
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        if is_apostrophe(c) {
            out.push('\'');
        } else {
            out.extend(crate::case::lower(c));
        }
    }
}

/// Folds accents of Latin letters and lower-cases: "Élysée" → "elysee".
/// Used to match case and accent variants of a name.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(crate::case::lower) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'š' | 'ś' | 'ş' => 's',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ř' => 'r',
            'ğ' => 'g',
            'ť' | 'ţ' => 't',
            'ď' => 'd',
            '\u{2019}' | '\u{02BC}' => '\'',
            '\u{300}'..='\u{36F}' => continue,
            c => c,
        };
        out.push(base);
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn fold_accents_and_case() {
        assert_eq!(super::fold("Élysée"), "elysee");
        assert_eq!(super::fold("ELYSEE"), "elysee");
        assert_eq!(super::fold("Ele\u{301}onore"), "eleonore");
    }
}
