//! The browser binding (wasm32 only): `annotate`, `extractText`, `highlight`,
//! `clear`, `setLayerVisible`, `version`.
//!
//! Documents cross into JavaScript as plain objects (serde-wasm-bindgen, maps
//! as objects, `None` as `null`), one call per article, never a class per
//! annotation: nothing stays allocated on the Rust side for the caller to
//! free, and the result survives `JSON.stringify` and `postMessage` to or
//! from a worker (lindera/lindera#930).

mod highlight;

use crate::{Annotator, Error, LangChoice};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** A span of the annotated text: UTF-16 offsets (what String.prototype.slice uses). */
export interface Span { start: number; end: number; text: string; }
export type EntityLabel = "PER" | "ORG" | "LOC" | "DATE" | "MISC";
export type ClaimReason = "conditional" | "hedge" | "single_source" | "claimed" | "unconfirmed" | "anonymous_source" | "no_response";
export interface EntityAnnotation extends Span { kind: "entity"; label: EntityLabel; entity_id: number; }
export interface Speaker extends Span { entity_id: number | null; speaker_name?: string | null; }
export interface QuoteAnnotation extends Span { kind: "quote"; direct: boolean; speaker: Speaker | null; }
export interface ClaimAnnotation extends Span {
  kind: "claim"; reason: ClaimReason; cue: Span; source: Span | null; other_cues?: Span[]; explanation: string;
}
export type Annotation = EntityAnnotation | QuoteAnnotation | ClaimAnnotation;
/** The annotation contract: annotations sorted by start. */
export interface Document { lang: "fr" | "en"; annotations: Annotation[]; }
export interface AnnotateOptions { lang?: "auto" | "fr" | "en"; }
export interface HighlightOptions {
  /** "auto" (default): the CSS Custom Highlight API when the browser has it, else wrapping in <mark>. */
  mode?: "auto" | "highlight-api" | "wrap";
  /** Layer names to paint ("entity", "entity-PER", "quote", "claim", "claim-hedge", …); default all. */
  layers?: string[];
  /** Keep what earlier calls painted and add to it (paint a long page one element at a time); default false. */
  append?: boolean;
  /**
   * Highlight API: add the ranges without showing them yet; showHighlights() (or a later call without
   * defer) shows them. Chrome repaints a shown highlight whole on every added range, so slices of a long
   * page should be deferred. Default false.
   */
  defer?: boolean;
}
export interface HighlightResult {
  painted: number;
  unmatched: number;
  mode: "highlight-api" | "wrap";
  /** Per annotation (same index as doc.annotations): its live Range, or null when it could not be placed. */
  ranges: (Range | null)[];
  /** Per annotation: its layer name ("entity-PER", "quote", "claim-hedge"), or null when not painted. */
  layers: (string | null)[];
  /** Per annotation: [start, end] in the element's joined text where it was placed (it may have moved), or null. */
  offsets: ([number, number] | null)[];
  /** Painted annotations per layer name. */
  counts: Record<string, number>;
}
"#;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// Options of `annotate`, read from a plain JS object.
fn lang_option(options: &JsValue) -> Result<LangChoice, Error> {
    if options.is_undefined() || options.is_null() {
        return Ok(LangChoice::Auto);
    }
    if !options.is_object() {
        return Err(Error::invalid_option("options", "expected an object such as { lang: \"fr\" }"));
    }
    let lang = js_sys::Reflect::get(options, &JsValue::from_str("lang")).unwrap_or(JsValue::UNDEFINED);
    if lang.is_undefined() || lang.is_null() {
        return Ok(LangChoice::Auto);
    }
    let code = lang.as_string().ok_or_else(|| Error::invalid_option("lang", "expected \"auto\", \"fr\" or \"en\""))?;
    code.parse()
}

/// Serialises like JSON: maps as plain objects, `None` as `null`.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true).serialize_missing_as_null(true);
    Ok(value.serialize(&ser)?)
}

/// Annotates `text` and returns the contract document as plain objects.
///
/// Throws an `Error` for an unusable option (e.g. `{lang: "de"}`).
#[wasm_bindgen(skip_typescript)]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let choice = lang_option(&options)?;
    let doc = Annotator::for_text(choice, text).annotate(text).to_contract(text);
    to_js(&doc)
}

/// The text of `root` as `highlight` sees it: visible text nodes joined,
/// white space collapsed, one "\n" per block boundary.
#[wasm_bindgen(js_name = extractText)]
pub fn extract_text(root: &web_sys::Element) -> String {
    highlight::extract_text(root)
}

/// Paints the annotations of `doc` onto the text of `root`. Clears any
/// earlier painting first.
#[wasm_bindgen(skip_typescript)]
pub fn highlight(root: &web_sys::Element, doc: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    highlight::highlight(root, doc, options)
}

/// Removes everything `highlight` painted; in the wrapping mode, restores the
/// original nodes and text exactly.
#[wasm_bindgen]
pub fn clear() {
    highlight::clear();
}

/// Shows what was painted with `{defer: true}` (Highlight API; nothing to do
/// when wrapping): every layer, or only `layer` (showing a big page's layers
/// one at a time keeps each step short).
#[wasm_bindgen(js_name = showHighlights)]
pub fn show_highlights(layer: Option<String>) {
    highlight::show_highlights(layer.as_deref());
}

/// Shows or hides one painted layer ("entity-PER", "quote", "claim-hedge", …)
/// without repainting. Returns false when nothing of that layer is painted.
#[wasm_bindgen(js_name = setLayerVisible)]
pub fn set_layer_visible(layer: &str, visible: bool) -> bool {
    highlight::set_layer_visible(layer, visible)
}

/// The language `annotate` would detect for `text` with `lang: "auto"`:
/// "fr" or "en". Cheap (reads the first few thousand words).
#[wasm_bindgen(js_name = detectLang)]
pub fn detect_lang(text: &str) -> String {
    crate::Lang::detect(text).code().to_string()
}

/// Whether this browser has the CSS Custom Highlight API.
#[wasm_bindgen(js_name = supportsHighlightApi)]
pub fn supports_highlight_api() -> bool {
    highlight::registry().is_some()
}

/// The engine's version (the crate version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[wasm_bindgen(typescript_custom_section)]
const TS_FNS: &'static str = r#"
/** Annotates text; throws an Error for a bad option. */
export function annotate(text: string, options?: AnnotateOptions): Document;
/** Paints doc onto the text of root, clearing earlier painting first unless options.append. */
export function highlight(root: Element, doc: Document, options?: HighlightOptions): HighlightResult;
"#;
