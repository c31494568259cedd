//! Tokenizer for French and English news text.
//!
//! Produces words, numbers, punctuation, URLs, e-mail addresses and
//! handles as byte spans. French specifics: elisions ("l'", "d'", "qu'")
//! are tokens of their own, inverted clitics ("a-t-il", "dit-elle") are
//! split from the verb, hyphenated names stay whole, numbers keep their
//! thin-space digit groups ("1 200") and clock times ("13H00").

use super::{is_apostrophe, is_hyphen, is_inline_space};
use crate::lang::{data, Lang};
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A word, including hyphenated compounds and abbreviations with
    /// their periods ("M.", "U.S.", "J.-C.").
    Word,
    /// A French elided article, pronoun or conjunction with its
    /// apostrophe: "l'", "d'", "qu'", "jusqu'".
    Elision,
    /// A number, clock time or date written with digits: "1 200", "13H00",
    /// "3,5", "21/05/2025", "1er".
    Number,
    /// One punctuation or symbol character ("...", "?!" stay whole).
    Punct,
    /// A web address.
    Url,
    /// An e-mail address.
    Email,
    /// A social-media handle or hashtag: "@AFP", "#COP30".
    Handle,
}

/// A token: its kind and byte span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the text.
    pub span: Span,
    /// What kind of token it is.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.slice(text)
    }

    /// True when the token is a word starting with an upper-case letter.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.kind == TokenKind::Word && self.text(text).chars().next().is_some_and(char::is_uppercase)
    }
}

/// French elided forms (lower-case, without the apostrophe).
const FR_ELISIONS: &[&str] = &["c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t"];
/// Pronouns that follow a verb in inverted French clauses ("dit-il").
const FR_CLITICS: &[&str] = &[
    "ce", "elle", "elles", "en", "il", "ils", "je", "la", "le", "les", "lui", "moi", "nous", "on", "toi", "tu", "vous",
    "y",
];

/// Splits `text` into tokens.
///
/// # Examples
///
/// ```
/// use article_annotator::{text::tokenize, Lang};
/// let text = "« Il l'a dit », a-t-il ajouté à 13H00.";
/// let words: Vec<&str> = tokenize(text, Lang::Fr).iter().map(|t| t.text(text)).collect();
/// assert_eq!(words, ["«", "Il", "l'", "a", "dit", "»", ",", "a", "-t-", "il", "ajouté", "à", "13H00", "."]);
/// ```
pub fn tokenize(text: &str, lang: Lang) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let res = data::resources(lang);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = char_at(text, i);
        if c.is_whitespace() || c.is_control() || is_invisible(c) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        if let Some(end) = url_end(text, i) {
            let kind = if text[start..end].contains("://")
                || text[start..end].starts_with(['w', 'W']) && !text[start..end].contains('@')
            {
                TokenKind::Url
            } else {
                TokenKind::Email
            };
            tokens.push(Token { span: Span::new(start, end), kind });
            i = end;
            continue;
        }
        if (c == '@' || c == '#') && i + 1 < text.len() {
            let end = scan_while(text, i + 1, |c| c.is_alphanumeric() || c == '_');
            if end > i + 1 && !preceded_by_word(text, i) {
                tokens.push(Token { span: Span::new(start, end), kind: TokenKind::Handle });
                i = end;
                continue;
            }
        }
        if c.is_ascii_digit() {
            let end = number_end(text, i);
            let end = email_end(text, start, end).unwrap_or(end);
            let kind = if text[start..end].contains('@') { TokenKind::Email } else { TokenKind::Number };
            tokens.push(Token { span: Span::new(start, end), kind });
            i = end;
            continue;
        }
        if c.is_alphabetic() {
            i = word(text, i, lang, res, &mut tokens);
            continue;
        }
        // Punctuation and symbols: "..." and runs of ?! stay together.
        let mut end = i + c.len_utf8();
        if c == '.' && bytes.get(i + 1) == Some(&b'.') {
            end = scan_while(text, i, |c| c == '.');
        } else if c == '?' || c == '!' {
            end = scan_while(text, i, |c| c == '?' || c == '!');
        }
        // Combining marks after a symbol belong to it.
        end = scan_while(text, end, is_mark);
        tokens.push(Token { span: Span::new(start, end), kind: TokenKind::Punct });
        i = end;
    }
    tokens
}

/// Scans one word starting at `i` and pushes its token(s); returns the
/// byte offset after them.
fn word(text: &str, i: usize, lang: Lang, res: &data::Resources, tokens: &mut Vec<Token>) -> usize {
    let start = i;
    // Initialisms with periods: "U.S.", "e.g.", "J.-C.", "c.-à-d.".
    if let Some(end) = initialism_end(text, i) {
        tokens.push(Token { span: Span::new(start, end), kind: TokenKind::Word });
        return end;
    }
    let mut end = scan_while(text, i, is_word_char);
    loop {
        let next = text[end..].chars().next();
        match next {
            Some(h) if is_hyphen(h) => {
                let after = end + h.len_utf8();
                let following = text[after..].chars().next();
                if !following.is_some_and(|c| c.is_alphanumeric()) {
                    break;
                }
                if lang == Lang::Fr {
                    if let Some(clitic) = inverted_clitic(text, end) {
                        push_word(tokens, start, end);
                        return clitic.push(tokens);
                    }
                }
                let part_end = scan_while(text, after, is_word_char);
                // "Kremlin-backed", "Hamas-run": the name stands alone.
                let capitalised = text[start..].chars().next().is_some_and(char::is_uppercase);
                let last_part = !text[part_end..].starts_with(is_hyphen);
                if capitalised && last_part && res.name_compounds.contains(&text[after..part_end]) {
                    push_word(tokens, start, end);
                    tokens.push(Token { span: Span::new(end, after), kind: TokenKind::Punct });
                    push_word(tokens, after, part_end);
                    return part_end;
                }
                end = part_end;
            }
            Some(a) if is_apostrophe(a) => {
                let after = end + a.len_utf8();
                let following = text[after..].chars().next();
                if !following.is_some_and(char::is_alphabetic) {
                    break;
                }
                // "l'AFP", "qu'il": the elided word is a token of its own;
                // "aujourd'hui", "O'Brien", "don't" stay whole.
                if lang == Lang::Fr && end - start <= 7 {
                    let lower = crate::case::lower_str(&text[start..end]);
                    if FR_ELISIONS.contains(&lower.as_str()) {
                        tokens.push(Token { span: Span::new(start, after), kind: TokenKind::Elision });
                        return after;
                    }
                }
                if lang == Lang::En {
                    // Possessive and contracted "'s": "Reid's" → "Reid" "'s".
                    let rest = &text[after..];
                    let s_end = after + 1;
                    if rest.starts_with(['s', 'S']) && !text[s_end..].chars().next().is_some_and(char::is_alphanumeric)
                    {
                        push_word(tokens, start, end);
                        tokens.push(Token { span: Span::new(end, s_end), kind: TokenKind::Word });
                        return s_end;
                    }
                }
                end = scan_while(text, after, is_word_char);
            }
            Some('.') => {
                // A period belongs to the word if word+"." is an abbreviation,
                // or the word is a single capital letter (an initial, "J. K.").
                let with_dot = &text[start..end + 1];
                let single_capital = {
                    let mut cs = text[start..end].chars();
                    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_uppercase())
                };
                // "JAN.", "CALIF." in a wire dateline: the abbreviation in capitals.
                let in_capitals = || {
                    let word = &text[start..end];
                    word.chars().count() >= 2 && !word.chars().any(char::is_lowercase) && {
                        let mut cs = word.chars();
                        let title: String = cs.next().into_iter().chain(cs.flat_map(crate::case::lower)).collect();
                        res.abbreviations.contains(format!("{title}.").as_str())
                    }
                };
                if res.abbreviations.contains(with_dot)
                    || res.titles.contains(with_dot)
                    || single_capital
                    || in_capitals()
                {
                    end += 1;
                }
                break;
            }
            _ => break,
        }
    }
    push_word(tokens, start, end);
    end
}

fn push_word(tokens: &mut Vec<Token>, start: usize, end: usize) {
    tokens.push(Token { span: Span::new(start, end), kind: TokenKind::Word });
}

/// An inverted clitic after a verb: "-t-il", "-il", "-elle", "-on", "-t-on".
struct Clitic {
    hyphen: Span,
    pronoun: Span,
}

impl Clitic {
    fn push(self, tokens: &mut Vec<Token>) -> usize {
        tokens.push(Token { span: self.hyphen, kind: TokenKind::Punct });
        tokens.push(Token { span: self.pronoun, kind: TokenKind::Word });
        self.pronoun.end
    }
}

fn inverted_clitic(text: &str, hyphen_at: usize) -> Option<Clitic> {
    let h_len = text[hyphen_at..].chars().next()?.len_utf8();
    let mut p = hyphen_at + h_len;
    let mut hyphen_end = p;
    // Euphonic t: "a-t-il".
    if text[p..].starts_with(['t', 'T']) {
        let after_t = p + 1;
        if let Some(h2) = text[after_t..].chars().next().filter(|&c| is_hyphen(c)) {
            p = after_t + h2.len_utf8();
            hyphen_end = p;
        }
    }
    let end = scan_while(text, p, char::is_alphabetic);
    let word = crate::case::lower_str(&text[p..end]);
    // The pronoun must end the compound ("dit-il" but not "Jean-Louis").
    let next = text[end..].chars().next();
    if FR_CLITICS.contains(&word.as_str()) && !next.is_some_and(|c| is_hyphen(c) || c.is_alphanumeric()) {
        // "-t-" only before il/elle/on; plain pronouns only when lower-case
        // ("Saint-Louis" is a name, "dit-elle" is not).
        if text[p..end].chars().next().is_some_and(char::is_lowercase) {
            return Some(Clitic { hyphen: Span::new(hyphen_at, hyphen_end), pronoun: Span::new(p, end) });
        }
    }
    None
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks (accents typed as separate code points).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}' | '\u{200D}' | '\u{FE0F}')
}

/// Zero-width and bidi control characters, skipped between tokens.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{2060}' | '\u{FEFF}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{AD}')
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or('\0')
}

fn scan_while(text: &str, mut i: usize, pred: impl Fn(char) -> bool) -> usize {
    for c in text[i..].chars() {
        if !pred(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn preceded_by_word(text: &str, i: usize) -> bool {
    text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// "U.S.", "U.S.A.", "e.g.", "a.m.", "J.-C.", "c.-à-d.": one or two letters
/// then a period, at least twice.
fn initialism_end(text: &str, i: usize) -> Option<usize> {
    let mut p = i;
    let mut groups = 0;
    // After the last group's period: "U.S.-Canada" ends there, not after the hyphen.
    let mut dot_end = i;
    loop {
        let letters_end = scan_while(text, p, char::is_alphabetic);
        let n = text[p..letters_end].chars().count();
        if n == 0 || n > 2 || !text[letters_end..].starts_with('.') {
            break;
        }
        groups += 1;
        p = letters_end + 1;
        dot_end = p;
        if let Some(h) = text[p..].chars().next().filter(|&c| is_hyphen(c)) {
            if text[p + h.len_utf8()..].chars().next().is_some_and(char::is_alphabetic) {
                p += h.len_utf8();
            }
        }
        if !text[p..].chars().next().is_some_and(char::is_alphabetic) {
            break;
        }
    }
    // Must end after a period, not in the middle of a word ("e.g.x").
    let ok = groups >= 2 && !text[dot_end..].chars().next().is_some_and(char::is_alphanumeric);
    ok.then_some(dot_end)
}

/// Numbers: "2025", "1 200" (digit groups after a space, U+00A0 or
/// U+202F), "3,5", "1.200.000", "13H00", "15h30", "21/05/2025", "1er".
fn number_end(text: &str, i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = scan_while(text, i, |c| c.is_ascii_digit());
    let first_group = end - i;
    // Thousands groups: "1 200", "3 000 000".
    if first_group <= 3 {
        while let Some(sp) = text[end..].chars().next().filter(|&c| is_inline_space(c)) {
            let g_start = end + sp.len_utf8();
            let g_end = scan_while(text, g_start, |c| c.is_ascii_digit());
            if g_end - g_start == 3 && !text[g_end..].starts_with(|c: char| c.is_ascii_digit()) {
                end = g_end;
            } else {
                break;
            }
        }
    }
    loop {
        match bytes.get(end) {
            // Decimal and grouping separators, dates, clock times: only
            // between digits.
            Some(b'.' | b',' | b'/' | b':') if bytes.get(end + 1).is_some_and(u8::is_ascii_digit) => {
                end = scan_while(text, end + 1, |c| c.is_ascii_digit());
            }
            // Clock times "13H00", "13h", "9h30".
            Some(b'h' | b'H') => {
                let after = end + 1;
                let digits_end = scan_while(text, after, |c| c.is_ascii_digit());
                let next = text[digits_end..].chars().next();
                if (digits_end - after == 2 || digits_end == after) && !next.is_some_and(char::is_alphabetic) {
                    end = digits_end;
                }
                break;
            }
            _ => break,
        }
    }
    // Ordinals and units glued to the number: "1er", "2e", "21st", "5G".
    let suffix_end = scan_while(text, end, char::is_alphabetic);
    if suffix_end - end <= 3 && !text[suffix_end..].starts_with(|c: char| c.is_alphanumeric()) {
        end = suffix_end;
    } else if suffix_end > end {
        // A word starting with digits ("3D", "4x4", "19e-siècle"): keep whole.
        end = scan_while(text, end, is_word_char);
    }
    end
}

/// If the characters around `start..end` form an e-mail address, its end.
fn email_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let local_end = scan_while(text, end, |c| c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'));
    if !text[local_end..].starts_with('@') {
        return None;
    }
    let domain_start = local_end + 1;
    let domain_end = scan_while(text, domain_start, |c| c.is_alphanumeric() || matches!(c, '.' | '-'));
    let domain = text[domain_start..domain_end].trim_end_matches('.');
    let _ = start;
    (domain.contains('.') && !domain.starts_with('.')).then_some(domain_start + domain.len())
}

/// If a URL or an e-mail address starts at `i`, its end.
fn url_end(text: &str, i: usize) -> Option<usize> {
    let rest = &text[i..];
    let lower_starts = |p: &str| rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    let is_url = lower_starts("http://") || lower_starts("https://") || (lower_starts("www.") && rest.len() > 5);
    if !is_url {
        // E-mail addresses starting with a letter.
        if rest.starts_with(|c: char| c.is_alphanumeric()) && !preceded_by_word(text, i) {
            let local_end = scan_while(text, i, |c| c.is_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'));
            if text[local_end..].starts_with('@') && local_end > i {
                return email_end(text, i, i);
            }
        }
        return None;
    }
    let mut end = scan_while(text, i, |c| !(c.is_whitespace() || matches!(c, '<' | '>' | '"' | '«' | '»' | '“' | '”')));
    // Trailing punctuation belongs to the sentence, not the address; a
    // closing parenthesis stays only if the URL opened one.
    while let Some(last) = text[i..end].chars().next_back() {
        let strip = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '’' => true,
            ')' => text[i..end].matches('(').count() < text[i..end].matches(')').count(),
            _ => false,
        };
        if !strip {
            break;
        }
        end -= last.len_utf8();
    }
    (end > i + 4).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str, lang: Lang) -> Vec<&str> {
        tokenize(text, lang).iter().map(|t| t.text(text)).collect()
    }

    fn kinds(text: &str, lang: Lang) -> Vec<(&str, TokenKind)> {
        tokenize(text, lang).iter().map(|t| (t.text(text), t.kind)).collect()
    }

    #[test]
    fn french_abbreviations() {
        assert_eq!(toks("M. Dupont et Mme Durand", Lang::Fr), ["M.", "Dupont", "et", "Mme", "Durand"]);
        assert_eq!(toks("en 52 av. J.-C. à Alésia", Lang::Fr), ["en", "52", "av.", "J.-C.", "à", "Alésia"]);
        assert_eq!(toks("le Dr Martin", Lang::Fr), ["le", "Dr", "Martin"]);
    }

    #[test]
    fn name_compounds_split() {
        assert_eq!(toks("the Kremlin-backed group", Lang::En), ["the", "Kremlin", "-", "backed", "group"]);
        assert_eq!(toks("Jean-Marc et peut-être", Lang::Fr), ["Jean-Marc", "et", "peut-être"]);
        assert_eq!(toks("a well-run state", Lang::En), ["a", "well-run", "state"]);
    }

    #[test]
    fn english_abbreviations_and_possessives() {
        assert_eq!(toks("PARIS, JAN. 5", Lang::En), ["PARIS", ",", "JAN.", "5"]);
        assert_eq!(toks("Mr. Reid of the U.S. Navy", Lang::En), ["Mr.", "Reid", "of", "the", "U.S.", "Navy"]);
        assert_eq!(toks("Reid's company", Lang::En), ["Reid", "'s", "company"]);
        assert_eq!(toks("Reid’s company", Lang::En), ["Reid", "’s", "company"]);
        assert_eq!(toks("J. K. Rowling", Lang::En), ["J.", "K.", "Rowling"]);
        assert_eq!(toks("at 5 p.m. today", Lang::En), ["at", "5", "p.m.", "today"]);
        // An initialism before a hyphenated name keeps its periods: "U.S.-Canada".
        assert_eq!(toks("the U.S.-Canada border", Lang::En), ["the", "U.S.", "-", "Canada", "border"]);
        assert_eq!(toks("e.g.x", Lang::En)[0], "e");
    }

    #[test]
    fn french_spacing_before_punctuation() {
        for space in [' ', '\u{A0}', '\u{202F}'] {
            let text = format!("«{space}Oui{space}!{space}» Pourquoi{space}? Ainsi{space}: non{space};");
            assert_eq!(
                toks(&text, Lang::Fr),
                ["«", "Oui", "!", "»", "Pourquoi", "?", "Ainsi", ":", "non", ";"],
                "{space:?}"
            );
        }
    }

    #[test]
    fn elisions() {
        for apo in ['\'', '’'] {
            let text = format!("l{apo}AFP d{apo}Marie Curie qu{apo}il jusqu{apo}à aujourd{apo}hui");
            let expected = [
                format!("l{apo}"),
                "AFP".into(),
                format!("d{apo}"),
                "Marie".into(),
                "Curie".into(),
                format!("qu{apo}"),
                "il".into(),
                format!("jusqu{apo}"),
                "à".into(),
                format!("aujourd{apo}hui"),
            ];
            assert_eq!(toks(&text, Lang::Fr), expected);
        }
        assert_eq!(kinds("l'AFP", Lang::Fr)[0].1, TokenKind::Elision);
    }

    #[test]
    fn hyphenated_names_and_inverted_clitics() {
        assert_eq!(toks("Jean-Pierre de Rostov-sur-le-Don", Lang::Fr), ["Jean-Pierre", "de", "Rostov-sur-le-Don"]);
        assert_eq!(toks("a-t-il ajouté", Lang::Fr), ["a", "-t-", "il", "ajouté"]);
        assert_eq!(toks("dit-elle, ajoute-t-on", Lang::Fr), ["dit", "-", "elle", ",", "ajoute", "-t-", "on"]);
        assert_eq!(toks("l'entrepreneur sud-africain", Lang::Fr), ["l'", "entrepreneur", "sud-africain"]);
        assert_eq!(toks("Saint-Louis", Lang::Fr), ["Saint-Louis"]);
    }

    #[test]
    fn numbers_and_times() {
        assert_eq!(toks("de 13H00 à 15H00 GMT", Lang::Fr), ["de", "13H00", "à", "15H00", "GMT"]);
        assert_eq!(
            toks("1 200 morts et 3\u{202F}000\u{A0}000 euros", Lang::Fr),
            ["1 200", "morts", "et", "3\u{202F}000\u{A0}000", "euros"]
        );
        assert_eq!(
            toks("24 heures sur 24 et 7 jours sur 7", Lang::Fr),
            ["24", "heures", "sur", "24", "et", "7", "jours", "sur", "7"]
        );
        assert_eq!(toks("le 1er mai, 3,5 % à 9h30", Lang::Fr), ["le", "1er", "mai", ",", "3,5", "%", "à", "9h30"]);
        assert_eq!(toks("le 21/05/2025.", Lang::Fr), ["le", "21/05/2025", "."]);
        assert_eq!(toks("en 2025 150 personnes", Lang::Fr), ["en", "2025", "150", "personnes"]);
    }

    #[test]
    fn urls_emails_handles() {
        let k = kinds("Voir https://example.org/a_(b) et www.afp.com. Écrire à presse@afp.fr ou @AFP #COP30", Lang::Fr);
        assert!(k.contains(&("https://example.org/a_(b)", TokenKind::Url)));
        assert!(k.contains(&("www.afp.com", TokenKind::Url)));
        assert!(k.contains(&("presse@afp.fr", TokenKind::Email)));
        assert!(k.contains(&("@AFP", TokenKind::Handle)));
        assert!(k.contains(&("#COP30", TokenKind::Handle)));
        assert!(kinds("(https://x.com/a).", Lang::En).contains(&("https://x.com/a", TokenKind::Url)));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "",
            "...",
            "'",
            "’s",
            "-t-",
            "a-",
            "é\u{301}\u{301}",
            "@",
            "#",
            "1 ",
            "1.",
            "http://",
            "x@y",
            "\u{0}\u{202E}abc",
            "🇫🇷👨‍👩‍👧",
        ] {
            let t = tokenize(text, Lang::Fr);
            let t2 = tokenize(text, Lang::En);
            for tok in t.iter().chain(&t2) {
                assert!(
                    text.is_char_boundary(tok.span.start)
                        && text.is_char_boundary(tok.span.end)
                        && tok.span.start < tok.span.end,
                    "{text:?}"
                );
            }
        }
    }
}
