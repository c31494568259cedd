//! The crate's one error type. Annotating text never fails; errors only
//! come from configuration (an unknown language code, an unknown option)
//! or, without the feature `embedded-data`, a language pack not loaded.

use std::fmt;

/// A configuration error, such as an unknown language code.
///
/// # Examples
///
/// ```
/// let err = "de".parse::<article_annotator::Lang>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown language \"de\": expected \"fr\" or \"en\" (or \"auto\")");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    UnknownLang(String),
    InvalidOption {
        name: String,
        message: String,
    },
    /// The language's code and English name (the error sits below `lang`).
    PackNotLoaded {
        code: &'static str,
        name: &'static str,
    },
}

impl Error {
    pub(crate) fn unknown_lang(code: &str) -> Error {
        Error { kind: ErrorKind::UnknownLang(code.to_string()) }
    }

    /// Annotating in `lang` needs its language pack, not loaded yet (only
    /// without the default feature `embedded-data`).
    pub(crate) fn pack_not_loaded(code: &'static str, name: &'static str) -> Error {
        Error { kind: ErrorKind::PackNotLoaded { code, name } }
    }

    /// An option that is present but unusable (wrong type or value).
    pub fn invalid_option(name: &str, message: &str) -> Error {
        Error { kind: ErrorKind::InvalidOption { name: name.to_string(), message: message.to_string() } }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnknownLang(code) => {
                write!(f, "unknown language {code:?}: expected \"fr\" or \"en\" (or \"auto\")")
            }
            ErrorKind::InvalidOption { name, message } => {
                write!(f, "invalid option {name:?}: {message}")
            }
            ErrorKind::PackNotLoaded { code, name } => {
                write!(f, "the {name} language pack ({code}.pack) is not loaded: call loadPack with it before annotating {name} text")
            }
        }
    }
}

impl std::error::Error for Error {}
