//! `highlight()`: read a contract document, place each annotation on the
//! text of a subtree, and paint it with the CSS Custom Highlight API or,
//! where the browser lacks it, by wrapping text in `<mark>` (`wrap.rs`).
//!
//! The Highlight API path never touches the page's DOM: clearing is deleting
//! our registry entries. Bad input (not a document, an unknown kind, label or
//! reason, reversed offsets, a bad option) is an `Error` naming what is
//! wrong, never a panic: a panic traps the wasm instance mid-call.

use super::painted::{self, Painted};
use super::read::{self, Fields};
use super::walk::{walk, Walk};
use super::wrap;
use crate::contract::AnnotationFields;
use serde::{Serialize, Serializer};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// How far (UTF-16 units) to look around an annotation's offsets for its text
/// when the offsets do not match the page (a document made from slightly
/// different text).
const SEARCH_WINDOW: usize = 2000;

// Read field by field with `Reflect` (`HighlightOptions::read`); the serde
// attributes only shape the TypeScript declaration.
/// Options of `highlight()`.
#[derive(Default, tsify::Tsify)]
#[tsify(missing_as_null)]
pub struct HighlightOptions {
    /// "auto" (default): the CSS Custom Highlight API when the browser has it, else wrapping in `<mark>`.
    #[serde(default)]
    #[tsify(type = "\"auto\" | \"highlight-api\" | \"wrap\"")]
    mode: Option<String>,
    /// Layer names to paint ("entity", "entity-PER", "quote", "claim", "claim-hedge", …); default all.
    #[serde(default)]
    layers: Option<Vec<String>>,
    /// Keep what earlier calls painted and add to it (paint a long page one element at a time); default false.
    #[serde(default)]
    append: bool,
    /// Highlight API: add the ranges without showing them yet; `showHighlights()` (or a later call without
    /// `defer`) shows them. Chrome repaints a shown highlight whole on every added range, so painting a long
    /// page in slices into shown highlights is quadratic; deferred slices cost nothing until shown. Default false.
    #[serde(default)]
    defer: bool,
}

/// How annotations are painted.
#[derive(Clone, Copy, PartialEq, Eq, Serialize, tsify::Tsify)]
pub enum Mode {
    /// The CSS Custom Highlight API (`CSS.highlights`, `::highlight()`).
    #[serde(rename = "highlight-api")]
    HighlightApi,
    /// `<mark data-annot>` elements around the annotated text.
    #[serde(rename = "wrap")]
    Wrap,
}

/// What `highlight()` returns.
#[derive(Serialize, tsify::Tsify)]
#[tsify(missing_as_null, hashmap_as_object)]
pub struct HighlightResult {
    /// Annotations painted.
    painted: u32,
    /// Annotations whose text was not found on the page.
    unmatched: u32,
    /// How they were painted.
    mode: Mode,
    /// Per annotation (same index as `doc.annotations`): its live Range, or null when it could not be placed.
    #[serde(serialize_with = "null_until_set")]
    #[tsify(type = "(Range | null)[]")]
    ranges: js_sys::Array,
    /// Per annotation: its layer name ("entity-PER", "quote", "claim-hedge"), or null when not painted.
    layers: Vec<Option<String>>,
    /// Per annotation: [start, end] in the element's joined text where it was placed (it may have moved), or null.
    offsets: Vec<Option<(u32, u32)>>,
    /// Painted annotations per layer name.
    #[serde(serialize_with = "as_object")]
    #[tsify(type = "Record<string, number>")]
    counts: Vec<(String, u32)>,
}

/// `null` in the JSON of the result (`to_js`), where the Range objects are
/// then set: the key keeps its place.
fn null_until_set<S: Serializer>(_: &js_sys::Array, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_unit()
}

/// A list of (name, count) pairs sorted by name, as a JS object.
fn as_object<S: Serializer>(pairs: &[(String, u32)], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

impl HighlightOptions {
    /// The options given, undefined or null for the defaults.
    fn read(options: &JsValue) -> Result<HighlightOptions, String> {
        if options.is_undefined() || options.is_null() {
            return Ok(HighlightOptions::default());
        }
        let f = Fields::of(options, "options")?;
        Ok(HighlightOptions {
            mode: f.opt_string("mode")?,
            layers: f.opt_array("layers", |v| v.as_string().ok_or_else(|| "expected a string".to_string()))?,
            append: f.opt_bool("append")?.unwrap_or(false),
            defer: f.opt_bool("defer")?.unwrap_or(false),
        })
    }
}

/// One annotation placed on the joined text.
pub(crate) struct Placed {
    /// Its index in the document.
    pub index: usize,
    /// Its layer name.
    pub layer: String,
    /// UTF-16 offsets in the joined text.
    pub start: u32,
    pub end: u32,
}

pub(crate) fn highlight(root: &Element, doc: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let annotations = read_document(&doc, "highlight")?;
    let options =
        HighlightOptions::read(&options).map_err(|e| JsError::new(&format!("highlight: bad options: {e}")))?;
    let registry = painted::registry();
    let mode = choose_mode(options.mode.as_deref(), registry.is_some())?;
    let previous = take_previous(options.append, mode);
    let walk = walk(root);
    let units: Vec<u16> = walk.map.text().encode_utf16().collect();
    let (placed, unmatched) = place_all(&walk, &units, &annotations, &options.layers);
    let document = root.owner_document().ok_or_else(|| JsError::new("highlight: element has no document"))?;
    let n = annotations.len();
    let ranges = js_sys::Array::new_with_length(n as u32);
    ranges.fill(&JsValue::NULL, 0, n as u32);
    let painted = match (mode, registry) {
        (Mode::HighlightApi, Some(registry)) => {
            let painted = paint_highlights(&document, &walk, &placed, &ranges, previous)?;
            if !options.defer {
                painted::register(&registry, &painted, None);
            }
            painted
        }
        _ => {
            let (mut marks, mut splits) = match previous {
                Some(Painted::Wrap { marks, splits }) => (marks, splits),
                _ => (Vec::new(), Vec::new()),
            };
            let result = wrap::wrap(&document, &walk, &placed, &ranges, &mut marks, &mut splits);
            let painted = Painted::Wrap { marks, splits };
            if let Err(e) = result {
                // What was wrapped before the error stays recorded, so `clear` can still undo it.
                painted::put(Some(painted));
                return Err(e);
            }
            painted
        }
    };
    painted::put(Some(painted));
    let mut result = HighlightResult {
        painted: placed.len() as u32,
        unmatched,
        mode,
        ranges,
        layers: vec![None; n],
        offsets: vec![None; n],
        counts: Vec::new(),
    };
    for p in placed {
        match result.counts.binary_search_by(|(l, _)| l.as_str().cmp(&p.layer)) {
            Ok(i) => result.counts[i].1 += 1,
            Err(i) => result.counts.insert(i, (p.layer.clone(), 1)),
        }
        result.offsets[p.index] = Some((p.start, p.end));
        result.layers[p.index] = Some(p.layer);
    }
    let out = super::to_js(&result)?;
    js_sys::Reflect::set(&out, &JsValue::from_str("ranges"), &result.ranges)
        .map_err(|_| JsError::new("internal error: highlight result"))?;
    Ok(out)
}

/// The annotations of a contract document, each read through the contract's
/// own field types: an unknown kind, label or reason, or a missing one, is
/// an error naming it, prefixed with `who` (the export that reads it).
/// Returns each annotation with its layer name.
pub(super) fn read_document(doc: &JsValue, who: &str) -> Result<Vec<(AnnotationFields, String)>, JsError> {
    let list = doc
        .is_object()
        .then(|| js_sys::Reflect::get(doc, &"annotations".into()).ok())
        .flatten()
        .and_then(|a| a.dyn_into::<js_sys::Array>().ok())
        .ok_or_else(|| {
            JsError::new(&format!(
                "{who}: not an annotation document: expected an object with an \"annotations\" array"
            ))
        })?;
    let mut annotations = Vec::with_capacity(list.length() as usize);
    for (i, value) in list.iter().enumerate() {
        let bad = |e: &dyn std::fmt::Display| JsError::new(&format!("{who}: annotation {i}: {e}"));
        let a = read::annotation(&value).map_err(|e| bad(&e))?;
        if a.start > a.end {
            return Err(bad(&format!("start {} is after end {}", a.start, a.end)));
        }
        let layer = a.layer().map_err(|e| bad(&e))?;
        annotations.push((a, layer));
    }
    Ok(annotations)
}

fn choose_mode(asked: Option<&str>, has_api: bool) -> Result<Mode, JsError> {
    match asked.unwrap_or("auto") {
        "auto" if has_api => Ok(Mode::HighlightApi),
        "auto" | "wrap" => Ok(Mode::Wrap),
        "highlight-api" if has_api => Ok(Mode::HighlightApi),
        "highlight-api" => Err(JsError::new("highlight: this browser has no CSS Custom Highlight API")),
        other => Err(JsError::new(&format!(
            "invalid option \"mode\": {other:?}, expected \"auto\", \"highlight-api\" or \"wrap\""
        ))),
    }
}

/// What earlier calls painted, to add to (`append` in the same mode);
/// otherwise clears it.
fn take_previous(append: bool, mode: Mode) -> Option<Painted> {
    let same_mode = |p: &Painted| match p {
        Painted::HighlightApi { .. } => mode == Mode::HighlightApi,
        Painted::Wrap { .. } => mode == Mode::Wrap,
    };
    match painted::peek() {
        Some(p) if append && same_mode(&p) => Some(p),
        _ => {
            painted::clear();
            None
        }
    }
}

fn wanted(layers: &Option<Vec<String>>, layer: &str) -> bool {
    match layers {
        None => true,
        Some(list) => list.iter().any(|l| l == layer || layer.split('-').next() == Some(l.as_str())),
    }
}

/// Places every wanted annotation; returns them and how many were not found.
fn place_all(
    walk: &Walk,
    units: &[u16],
    annotations: &[(AnnotationFields, String)],
    layers: &Option<Vec<String>>,
) -> (Vec<Placed>, u32) {
    let mut placed = Vec::new();
    let mut unmatched = 0;
    for (index, (a, layer)) in annotations.iter().enumerate() {
        if !wanted(layers, layer) {
            continue;
        }
        match place(units, a.start, a.end, &a.text).filter(|&(s, e)| walk.map.range(s, e).is_some()) {
            Some((start, end)) => placed.push(Placed { index, layer: layer.clone(), start, end }),
            None => unmatched += 1,
        }
    }
    (placed, unmatched)
}

/// Where an annotation of `text` at `start..end` lies in `units` (the joined
/// text in UTF-16): its own offsets if the text there matches, else the
/// nearest occurrence of its text within [`SEARCH_WINDOW`] of `start`.
/// Offsets are untrusted input: any value, up to `u32::MAX`, gives an answer
/// (saturating arithmetic; usize is 32 bits on wasm32).
pub(crate) fn place(units: &[u16], start: u32, end: u32, text: &str) -> Option<(u32, u32)> {
    let needle: Vec<u16> = text.encode_utf16().collect();
    if needle.is_empty() || needle.len() > units.len() {
        return None;
    }
    let (s, e) = (start as usize, end as usize);
    if s < e && e <= units.len() && units[s..e] == needle[..] {
        return Some((start, end));
    }
    let lo = s.min(units.len()).saturating_sub(SEARCH_WINDOW);
    let hi = s.saturating_add(needle.len()).saturating_add(SEARCH_WINDOW).min(units.len());
    let hay = units.get(lo..hi)?;
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == &needle[..])
        .map(|(i, _)| lo + i)
        .min_by_key(|&p| p.abs_diff(s))
        .map(|p| (p as u32, (p + needle.len()) as u32))
}

/// Adds each placed annotation's Range to its layer's Highlight (made on
/// first use, kept across `append` calls).
fn paint_highlights(
    document: &web_sys::Document,
    walk: &Walk,
    placed: &[Placed],
    ranges: &js_sys::Array,
    previous: Option<Painted>,
) -> Result<Painted, JsError> {
    let ctor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"Highlight".into()).map_err(js_err)?.dyn_into().map_err(js_err)?;
    let (mut highlights, hidden) = match previous {
        Some(Painted::HighlightApi { highlights, hidden }) => (highlights, hidden),
        _ => (Vec::new(), Vec::new()),
    };
    for p in placed {
        let Some(((sn, so), (en, eo))) = walk.map.range(p.start, p.end) else { continue };
        let range = document.create_range().map_err(js_err)?;
        range.set_start(&walk.nodes[sn as usize], so).map_err(js_err)?;
        range.set_end(&walk.nodes[en as usize], eo).map_err(js_err)?;
        let hl = match painted::layer_highlight(&highlights, &p.layer) {
            Some(h) => h.clone(),
            None => {
                let h = js_sys::Reflect::construct(&ctor, &js_sys::Array::new()).map_err(js_err)?;
                // Backgrounds (entities) above underlines, quotes above claims.
                let priority = match p.layer.split('-').next() {
                    Some("entity") => 2,
                    Some("quote") => 1,
                    _ => 0,
                };
                js_sys::Reflect::set(&h, &"priority".into(), &priority.into()).map_err(js_err)?;
                let at = highlights.partition_point(|(l, _)| *l < p.layer);
                highlights.insert(at, (p.layer.clone(), h.clone()));
                h
            }
        };
        painted::call(&hl, "add", &[&range]).map_err(js_err)?;
        ranges.set(p.index as u32, range.into());
    }
    Ok(Painted::HighlightApi { highlights, hidden })
}

/// A JS exception as a Rust error (its message).
pub(crate) fn js_err(v: JsValue) -> JsError {
    let msg = v
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| v.as_string())
        .unwrap_or_else(|| format!("{v:?}"));
    JsError::new(&msg)
}
