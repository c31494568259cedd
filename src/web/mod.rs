//! The browser binding (wasm32 only): `annotate`, `extractText`, `highlight`,
//! `clear`, `showHighlights`, `setLayerVisible`, `detectLang`, `langNeeded`,
//! `loadPack`, `packLoaded`, `summarize`, `supportsHighlightApi`, `version`.
//!
//! The wasm build has no language data but what identification needs
//! (`--no-default-features`): the shell asks `langNeeded(text)`, fetches that
//! language's pack, hands it to `loadPack`, then annotates. `annotate` of a
//! language whose pack is not loaded throws an `Error` naming it.
//!
//! Documents cross into JavaScript as plain objects (JSON from serde_json
//! read by `JSON.parse`: maps as objects, `None` as `null`), one call per article, never a class per
//! annotation: nothing stays allocated on the Rust side for the caller to
//! free, and the result survives `JSON.stringify` and `postMessage` to or
//! from a worker (lindera/lindera#930).
//!
//! No TypeScript is written by hand: the declarations in `annotator.d.ts`
//! come from the Rust types (`tsify` on the contract, model and option
//! types; `unchecked_*_type` naming them in the function signatures).
//!
//! Bad input gives a JS `Error`, never a panic: on wasm32 a panic traps the
//! instance mid-call without unwinding. The only state kept between calls
//! (what is painted, `painted.rs`) holds no borrow across a call, so a call
//! that did stop half-way leaves the next one working.

mod highlight;
mod painted;
mod read;
mod summary;
mod walk;
mod wrap;

pub use summary::summarize;

use crate::{Annotator, Error, LangChoice};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Options of `annotate()`. (Read field by field with `Reflect`, cheaper in
/// wasm than a serde struct; this type gives their TypeScript declaration.)
#[derive(tsify::Tsify)]
#[allow(dead_code)] // declared for TypeScript: `lang_option` reads the same field
pub struct AnnotateOptions {
    /// "auto" (default): French or English as the text reads, or nothing annotated and `unsupported_language`
    /// set for a text clearly in another language; "fr" or "en": that language, whatever the text.
    #[tsify(optional, type = "\"auto\" | \"fr\" | \"en\"")]
    lang: Option<String>,
}

/// Reads the options of `annotate` ([`AnnotateOptions`]).
fn lang_option(options: Option<JsValue>) -> Result<LangChoice, Error> {
    let Some(options) = options.filter(|o| !o.is_undefined() && !o.is_null()) else {
        return Ok(LangChoice::Auto);
    };
    if !options.is_object() {
        return Err(Error::invalid_option("options", "expected an object such as { lang: \"fr\" }"));
    }
    let lang = js_sys::Reflect::get(&options, &JsValue::from_str("lang")).unwrap_or(JsValue::UNDEFINED);
    if lang.is_undefined() || lang.is_null() {
        return Ok(LangChoice::Auto);
    }
    let code = lang.as_string().ok_or_else(|| Error::invalid_option("lang", "expected \"auto\", \"fr\" or \"en\""))?;
    code.parse()
}

/// Serialises as JSON (maps as plain objects, `None` as `null`) and reads
/// it back with `JSON.parse`: the same objects serde-wasm-bindgen built
/// field by field, from one string crossing the boundary, for 3.4 KB gzip
/// less engine (serde_json's writer is smaller than serde-wasm-bindgen's
/// serialiser, which calls into JS for every key and value).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json =
        serde_json::to_string(value).map_err(|_| JsError::new("internal error: a result failed to serialise"))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("internal error: a result failed to parse as JSON"))
}

/// Annotates `text` and returns the contract document as plain objects.
/// Throws an `Error` for an unusable option (e.g. `{lang: "de"}`), or when
/// the pack of the text's language is not loaded (see `langNeeded`).
#[wasm_bindgen(unchecked_return_type = "ContractDocument")]
pub fn annotate(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "AnnotateOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    let choice = lang_option(options)?;
    let doc = Annotator::new(choice).try_annotate(text)?.to_contract(text);
    to_js(&doc)
}

/// The text of `root` as `highlight` sees it: visible text nodes joined,
/// white space collapsed, one "\n" per block boundary.
#[wasm_bindgen(js_name = extractText)]
pub fn extract_text(root: &web_sys::Element) -> String {
    walk::extract_text(root)
}

/// Paints the annotations of `doc` onto the text of `root`, clearing earlier
/// painting first unless `options.append`. Throws an `Error` naming what is
/// wrong for a document that is not the contract (an unknown kind, label or
/// reason, reversed offsets) or a bad option.
#[wasm_bindgen(unchecked_return_type = "HighlightResult")]
pub fn highlight(
    root: &web_sys::Element,
    #[wasm_bindgen(unchecked_param_type = "ContractDocument")] doc: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HighlightOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsError> {
    highlight::highlight(root, doc, options.unwrap_or(JsValue::UNDEFINED))
}

/// Removes everything `highlight` painted; in the wrapping mode, restores the
/// original nodes and text exactly.
#[wasm_bindgen]
pub fn clear() {
    painted::clear();
}

/// Shows what was painted with `{defer: true}` (Highlight API; nothing to do
/// when wrapping): every layer, or only `layer` (showing a big page's layers
/// one at a time keeps each step short).
#[wasm_bindgen(js_name = showHighlights)]
pub fn show_highlights(layer: Option<String>) {
    painted::show_highlights(layer.as_deref());
}

/// Shows or hides one painted layer ("entity-PER", "quote", "claim-hedge", …)
/// without repainting. Returns false when nothing of that layer is painted.
#[wasm_bindgen(js_name = setLayerVisible)]
pub fn set_layer_visible(layer: &str, visible: bool) -> bool {
    painted::set_layer_visible(layer, visible)
}

/// Which of French and English `text` reads as ("fr" or "en"): the `lang`
/// of `annotate`'s document with `lang: "auto"`. Cheap (reads the first few
/// thousand words).
#[wasm_bindgen(js_name = detectLang, unchecked_return_type = "Lang")]
pub fn detect_lang(text: &str) -> String {
    crate::Lang::detect(text).code().to_string()
}

/// The language whose pack `annotate(text, options)` needs ("fr" or "en"),
/// or `null` when it needs none: a text clearly in a language the engine
/// does not read, which `annotate` reports as `unsupported_language` without
/// any pack. Throws like `annotate` for a bad option.
#[wasm_bindgen(js_name = langNeeded, unchecked_return_type = "Lang | null")]
pub fn lang_needed(
    text: &str,
    #[wasm_bindgen(unchecked_optional_param_type = "AnnotateOptions")] options: Option<JsValue>,
) -> Result<Option<String>, JsError> {
    Ok(Annotator::new(lang_option(options)?).lang_needed(text).map(|l| l.code().to_string()))
}

/// Checks a language pack (`packs/<lang>.<hash>.pack`: magic, versions,
/// language, lengths, SHA-256) and makes its language available; returns the
/// language ("fr" or "en"). Throws an `Error` saying what is wrong with bytes
/// that are not a whole pack built for this engine. Loading a language again
/// is harmless.
#[wasm_bindgen(js_name = loadPack, unchecked_return_type = "Lang")]
pub fn load_pack(bytes: Vec<u8>) -> Result<String, JsError> {
    crate::pack::load(bytes).map(|l| l.code().to_string()).map_err(|e| JsError::new(&e.to_string()))
}

/// Whether `lang` ("fr", "en") can be annotated without loading a pack.
/// Throws for an unknown code.
#[wasm_bindgen(js_name = packLoaded)]
pub fn pack_loaded(lang: &str) -> Result<bool, JsError> {
    Ok(crate::pack::loaded(lang.parse()?))
}

/// Whether this browser has the CSS Custom Highlight API.
#[wasm_bindgen(js_name = supportsHighlightApi)]
pub fn supports_highlight_api() -> bool {
    painted::registry().is_some()
}

/// The engine's version (the crate version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
