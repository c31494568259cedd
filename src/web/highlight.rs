//! DOM work: walk the text nodes of a subtree into a [`TextMap`], place each
//! annotation on it, and paint with the CSS Custom Highlight API or, where
//! the browser lacks it, by wrapping text in `<mark data-annot>` elements.
//!
//! The Highlight API path never touches the page's DOM: clearing is deleting
//! our registry entries. The wrapping path splits text nodes only at
//! annotation boundaries, moves each piece (the same `Text` object) into one
//! `<mark>` per piece, and on `clear` moves it back and re-joins exactly the
//! nodes it split, so the original nodes, text and serialisation come back.

use crate::text::textmap::{TextMap, TextMapBuilder};
use serde::Deserialize;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Text};

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "textarea", "select", "option", "button", "input", "svg", "math",
    "canvas", "iframe", "object", "video", "audio", "head", "title",
];

/// Elements that are blocks even where no computed style is available
/// (a detached document from `DOMParser`).
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Prefix of every highlight name and `data-` attribute we add.
const PREFIX: &str = "annot-";

/// How far (UTF-16 units) to look around an annotation's offsets for its text
/// when the offsets do not match the page (a document made from slightly
/// different text).
const SEARCH_WINDOW: usize = 2000;

/// The text nodes of a subtree and their joined text.
struct Walk {
    nodes: Vec<Text>,
    map: TextMap,
}

/// Computed-style properties read for every element. The keys are made once
/// and read with `Reflect::get` (camelCase accessors), so no property name is
/// re-encoded per element: on a 1 MB article the walk makes ~20 000 calls.
struct StyleKeys {
    display: JsValue,
    visibility: JsValue,
    content_visibility: JsValue,
    white_space: JsValue,
}

impl StyleKeys {
    fn new() -> StyleKeys {
        StyleKeys {
            display: "display".into(),
            visibility: "visibility".into(),
            content_visibility: "contentVisibility".into(),
            white_space: "whiteSpace".into(),
        }
    }
}

fn prop(style: &Option<web_sys::CssStyleDeclaration>, key: &JsValue) -> String {
    style.as_ref().and_then(|s| js_sys::Reflect::get(s, key).ok()).and_then(|v| v.as_string()).unwrap_or_default()
}

fn walk(root: &Element) -> Walk {
    enum Step {
        Enter(Node, bool),
        Exit(bool),
    }
    let window = web_sys::window();
    let keys = StyleKeys::new();
    let mut builder = TextMapBuilder::new();
    let mut nodes: Vec<Text> = Vec::new();
    let root_style = window.as_ref().and_then(|w| w.get_computed_style(root).ok().flatten());
    let root_ws = prop(&root_style, &keys.white_space);
    let root_pre = root_ws.starts_with("pre") || root_ws == "break-spaces";
    let mut stack = Vec::new();
    push_children(&mut stack, root.as_ref(), root_pre, Step::Enter);
    while let Some(step) = stack.pop() {
        let (node, pre) = match step {
            Step::Exit(block) => {
                if block {
                    builder.block();
                }
                continue;
            }
            Step::Enter(node, pre) => (node, pre),
        };
        match node.node_type() {
            Node::TEXT_NODE | Node::CDATA_SECTION_NODE => {
                let text: Text = node.unchecked_into();
                builder.text(nodes.len() as u32, &text.data(), pre);
                nodes.push(text);
            }
            Node::ELEMENT_NODE => {
                let el: &Element = node.unchecked_ref();
                let tag = el.local_name();
                if SKIPPED.contains(&tag.as_str())
                    || (el.has_attributes() && (el.has_attribute("hidden") || el.has_attribute("data-annot-ui")))
                {
                    continue;
                }
                if tag == "br" {
                    builder.line_break();
                    continue;
                }
                let style = window.as_ref().and_then(|w| w.get_computed_style(el).ok().flatten());
                let display = prop(&style, &keys.display);
                if display == "none" {
                    continue;
                }
                let visibility = prop(&style, &keys.visibility);
                if visibility == "hidden"
                    || visibility == "collapse"
                    || prop(&style, &keys.content_visibility) == "hidden"
                {
                    continue;
                }
                let block = if display.is_empty() {
                    BLOCKS.contains(&tag.as_str())
                } else {
                    !display.starts_with("inline") && display != "contents"
                };
                let ws = prop(&style, &keys.white_space);
                let pre =
                    if ws.is_empty() { pre || tag == "pre" } else { ws.starts_with("pre") || ws == "break-spaces" };
                if block {
                    builder.block();
                }
                stack.push(Step::Exit(block));
                push_children(&mut stack, &node, pre, Step::Enter);
            }
            _ => {}
        }
    }
    Walk { nodes, map: builder.finish() }
}

/// Pushes the children of `node` so that they pop in document order.
fn push_children<S>(stack: &mut Vec<S>, node: &Node, pre: bool, make: impl Fn(Node, bool) -> S) {
    let start = stack.len();
    let mut child = node.first_child();
    while let Some(c) = child {
        child = c.next_sibling();
        stack.push(make(c, pre));
    }
    stack[start..].reverse();
}

pub(crate) fn extract_text(root: &Element) -> String {
    walk(root).map.text().to_string()
}

/// The part of a contract annotation that painting needs.
#[derive(Deserialize)]
struct InAnnotation {
    kind: String,
    start: u32,
    end: u32,
    text: String,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    reason: Option<String>,
}

#[derive(Deserialize)]
struct InDocument {
    annotations: Vec<InAnnotation>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    HighlightApi,
    Wrap,
}

impl Mode {
    fn as_str(self) -> &'static str {
        match self {
            Mode::HighlightApi => "highlight-api",
            Mode::Wrap => "wrap",
        }
    }
}

/// Everything painted, so `clear` and `set_layer_visible` can undo it.
enum Painted {
    HighlightApi {
        /// Layer name → its Highlight object (kept while hidden).
        highlights: BTreeMap<String, JsValue>,
        /// Layers hidden by `set_layer_visible`.
        hidden: BTreeSet<String>,
    },
    Wrap {
        /// Our marks, each holding one piece (its only child).
        marks: Vec<Element>,
        /// For each text node we split: the node and the pieces it was split
        /// into after it (in order), to join back.
        splits: Vec<(Text, Vec<Text>)>,
    },
}

impl Painted {
    fn mode(&self) -> Mode {
        match self {
            Painted::HighlightApi { .. } => Mode::HighlightApi,
            Painted::Wrap { .. } => Mode::Wrap,
        }
    }
}

thread_local! {
    static PAINTED: RefCell<Option<Painted>> = const { RefCell::new(None) };
}

/// `CSS.highlights`, when the browser has the Highlight API.
pub(crate) fn registry() -> Option<JsValue> {
    let global = js_sys::global();
    let css = js_sys::Reflect::get(&global, &"CSS".into()).ok().filter(|v| v.is_object())?;
    let reg = js_sys::Reflect::get(&css, &"highlights".into()).ok().filter(|v| v.is_object())?;
    let ctor = js_sys::Reflect::get(&global, &"Highlight".into()).ok()?;
    ctor.is_function().then_some(reg)
}

fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &method.into())?.dyn_into()?;
    let array: js_sys::Array = args.iter().copied().collect();
    f.apply(target, &array)
}

/// The layer (highlight) name of an annotation: "entity-PER", "quote",
/// "claim-hedge"; None for a kind we do not know.
fn layer_of(a: &InAnnotation) -> Option<String> {
    let clean = |s: &Option<String>| {
        s.as_deref()
            .filter(|s| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
            .map(str::to_string)
    };
    match a.kind.as_str() {
        "entity" => Some(format!("entity-{}", clean(&a.label).unwrap_or_else(|| "MISC".into()))),
        "quote" => Some("quote".into()),
        "claim" => Some(format!("claim-{}", clean(&a.reason).unwrap_or_else(|| "claimed".into()))),
        _ => None,
    }
}

fn wanted(layers: &Option<Vec<String>>, layer: &str) -> bool {
    match layers {
        None => true,
        Some(list) => list.iter().any(|l| l == layer || layer.split('-').next() == Some(l.as_str())),
    }
}

/// Where annotation `a` lies in `units` (the joined text in UTF-16): its own
/// offsets if the text there matches, else the nearest occurrence of its text
/// within [`SEARCH_WINDOW`].
fn place(units: &[u16], a: &InAnnotation) -> Option<(u32, u32)> {
    let needle: Vec<u16> = a.text.encode_utf16().collect();
    if needle.is_empty() {
        return None;
    }
    let (s, e) = (a.start as usize, a.end as usize);
    if s < e && e <= units.len() && units[s..e] == needle[..] {
        return Some((a.start, a.end));
    }
    let lo = s.min(units.len()).saturating_sub(SEARCH_WINDOW);
    let hi = (s + needle.len() + SEARCH_WINDOW).min(units.len());
    let hay = &units[lo..hi];
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == &needle[..])
        .map(|(i, _)| lo + i)
        .min_by_key(|&p| p.abs_diff(s))
        .map(|p| (p as u32, (p + needle.len()) as u32))
}

#[derive(Deserialize, Default)]
struct Options {
    #[serde(default)]
    mode: Option<String>,
    #[serde(default)]
    layers: Option<Vec<String>>,
    /// Keep what earlier calls painted and add to it (painting a long page
    /// in slices, one element at a time).
    #[serde(default)]
    append: bool,
    /// Add ranges to the highlights without registering them yet. Chrome
    /// repaints a registered highlight whole whenever a range is added, so
    /// painting a long page in slices into registered highlights is
    /// quadratic; deferred slices cost nothing until `show_highlights`.
    #[serde(default)]
    defer: bool,
}

#[derive(serde::Serialize)]
struct Summary<'a> {
    painted: u32,
    unmatched: u32,
    mode: &'a str,
    offsets: Vec<Option<(u32, u32)>>,
    layers: Vec<Option<String>>,
    counts: BTreeMap<String, u32>,
}

pub(crate) fn highlight(root: &Element, doc: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let doc: InDocument = serde_wasm_bindgen::from_value(doc)
        .map_err(|e| JsError::new(&format!("highlight: not an annotation document: {e}")))?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("highlight: bad options: {e}")))?
    };
    let registry = registry();
    let mode = match options.mode.as_deref().unwrap_or("auto") {
        "auto" if registry.is_some() => Mode::HighlightApi,
        "auto" | "wrap" => Mode::Wrap,
        "highlight-api" if registry.is_some() => Mode::HighlightApi,
        "highlight-api" => return Err(JsError::new("highlight: this browser has no CSS Custom Highlight API")),
        other => {
            return Err(JsError::new(&format!(
                "invalid option \"mode\": {other:?}, expected \"auto\", \"highlight-api\" or \"wrap\""
            )))
        }
    };
    let previous = if options.append { PAINTED.with(|p| p.borrow_mut().take()) } else { None };
    let previous = match previous {
        Some(p) if p.mode() == mode => Some(p),
        Some(other) => {
            PAINTED.with(|p| *p.borrow_mut() = Some(other));
            clear();
            None
        }
        None => {
            clear();
            None
        }
    };
    let walk = walk(root);
    let units: Vec<u16> = walk.map.text().encode_utf16().collect();
    let n = doc.annotations.len();
    let mut summary = Summary {
        painted: 0,
        unmatched: 0,
        mode: mode.as_str(),
        offsets: vec![None; n],
        layers: vec![None; n],
        counts: BTreeMap::new(),
    };
    // Per annotation: its layer and placed joined offsets.
    let mut placed: Vec<(usize, String, u32, u32)> = Vec::new();
    for (i, a) in doc.annotations.iter().enumerate() {
        let Some(layer) = layer_of(a) else { continue };
        if !wanted(&options.layers, &layer) {
            continue;
        }
        match place(&units, a).filter(|&(s, e)| walk.map.range(s, e).is_some()) {
            Some((s, e)) => placed.push((i, layer, s, e)),
            None => summary.unmatched += 1,
        }
    }
    let document = root.owner_document().ok_or_else(|| JsError::new("highlight: element has no document"))?;
    let ranges = js_sys::Array::new_with_length(n as u32);
    for i in 0..n as u32 {
        ranges.set(i, JsValue::NULL);
    }
    let painted = match mode {
        Mode::HighlightApi => {
            let registry = registry.expect("checked above");
            let ctor: js_sys::Function = js_sys::Reflect::get(&js_sys::global(), &"Highlight".into())
                .map_err(js_err)?
                .dyn_into()
                .map_err(js_err)?;
            let (mut highlights, hidden) = match previous {
                Some(Painted::HighlightApi { highlights, hidden }) => (highlights, hidden),
                _ => (BTreeMap::new(), BTreeSet::new()),
            };
            for (i, layer, s, e) in &placed {
                let ((sn, so), (en, eo)) = walk.map.range(*s, *e).expect("checked when placing");
                let range = document.create_range().map_err(js_err)?;
                range.set_start(&walk.nodes[sn as usize], so).map_err(js_err)?;
                range.set_end(&walk.nodes[en as usize], eo).map_err(js_err)?;
                let hl = match highlights.get(layer) {
                    Some(h) => h.clone(),
                    None => {
                        let h = js_sys::Reflect::construct(&ctor, &js_sys::Array::new()).map_err(js_err)?;
                        // Backgrounds (entities) above underlines, quotes above claims.
                        let priority = match layer.split('-').next() {
                            Some("entity") => 2,
                            Some("quote") => 1,
                            _ => 0,
                        };
                        js_sys::Reflect::set(&h, &"priority".into(), &priority.into()).map_err(js_err)?;
                        highlights.insert(layer.clone(), h.clone());
                        h
                    }
                };
                call(&hl, "add", &[&range]).map_err(js_err)?;
                ranges.set(*i as u32, range.into());
            }
            let painted = Painted::HighlightApi { highlights, hidden };
            if !options.defer {
                register(&registry, &painted, None);
            }
            painted
        }
        Mode::Wrap => {
            let (mut marks, mut splits) = match previous {
                Some(Painted::Wrap { marks, splits }) => (marks, splits),
                _ => (Vec::new(), Vec::new()),
            };
            wrap(&document, &walk, &placed, &ranges, &mut marks, &mut splits)?;
            Painted::Wrap { marks, splits }
        }
    };
    for (i, layer, s, e) in placed {
        summary.painted += 1;
        *summary.counts.entry(layer.clone()).or_default() += 1;
        summary.offsets[i] = Some((s, e));
        summary.layers[i] = Some(layer);
    }
    PAINTED.with(|p| *p.borrow_mut() = Some(painted));
    let out = super::to_js(&summary)?;
    js_sys::Reflect::set(&out, &"ranges".into(), &ranges).map_err(js_err)?;
    Ok(out)
}

/// Wraps the placed annotations in `<mark>` elements: split each text node at
/// every boundary (highest offset first, so lower offsets stay valid), then
/// put each covered piece into one mark naming all its layers.
fn wrap(
    document: &web_sys::Document,
    walk: &Walk,
    placed: &[(usize, String, u32, u32)],
    ranges: &js_sys::Array,
    marks: &mut Vec<Element>,
    splits: &mut Vec<(Text, Vec<Text>)>,
) -> Result<(), JsError> {
    // node → (boundary offsets); piece coverage per annotation.
    let mut cuts: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
    let mut pieces_of: Vec<Vec<(u32, u32, u32)>> = Vec::with_capacity(placed.len());
    for (_, _, s, e) in placed {
        let pieces = walk.map.pieces(*s, *e);
        for &(node, a, b) in &pieces {
            let set = cuts.entry(node).or_default();
            set.insert(a);
            set.insert(b);
        }
        pieces_of.push(pieces);
    }
    // node → [(local start, piece)] after splitting.
    let mut fragments: BTreeMap<u32, Vec<(u32, Text)>> = BTreeMap::new();
    for (&node, offsets) in &cuts {
        let original = &walk.nodes[node as usize];
        let len = original.length();
        let mut tails: Vec<(u32, Text)> = Vec::new();
        for &off in offsets.iter().rev().filter(|&&o| o > 0 && o < len) {
            let tail = original.split_text(off).map_err(js_err)?;
            tails.push((off, tail));
        }
        tails.reverse();
        if !tails.is_empty() {
            splits.push((original.clone(), tails.iter().map(|(_, t)| t.clone()).collect()));
        }
        let mut list = vec![(0, original.clone())];
        list.extend(tails);
        fragments.insert(node, list);
    }
    // piece (node, index) → layers and annotation indices covering it.
    let mut cover: BTreeMap<(u32, usize), (BTreeSet<String>, Vec<usize>)> = BTreeMap::new();
    for ((i, layer, _, _), pieces) in placed.iter().zip(&pieces_of) {
        for &(node, a, b) in pieces {
            let list = &fragments[&node];
            let first = list.partition_point(|(o, _)| *o < a);
            for (k, (o, _)) in list.iter().enumerate().skip(first) {
                if *o >= b {
                    break;
                }
                let entry = cover.entry((node, k)).or_default();
                entry.0.insert(layer.clone());
                entry.1.push(*i);
            }
        }
    }
    // annotation index → (first mark, last mark)
    let mut bounds: BTreeMap<usize, (Element, Element)> = BTreeMap::new();
    for ((node, k), (layers, ids)) in cover {
        let piece = &fragments[&node][k].1;
        let Some(parent) = piece.parent_node() else { continue };
        let mark = document.create_element("mark").map_err(js_err)?;
        let names = layers.into_iter().collect::<Vec<_>>().join(" ");
        mark.set_attribute("data-annot", &names).map_err(js_err)?;
        mark.set_attribute("data-annot-all", &names).map_err(js_err)?;
        let id_list = ids.iter().map(usize::to_string).collect::<Vec<_>>().join(" ");
        mark.set_attribute("data-annot-ids", &id_list).map_err(js_err)?;
        parent.replace_child(&mark, piece).map_err(js_err)?;
        mark.append_child(piece).map_err(js_err)?;
        for i in ids {
            bounds.entry(i).and_modify(|b| b.1 = mark.clone()).or_insert_with(|| (mark.clone(), mark.clone()));
        }
        marks.push(mark);
    }
    for (i, (first, last)) in bounds {
        let range = document.create_range().map_err(js_err)?;
        range.set_start_before(&first).map_err(js_err)?;
        range.set_end_after(&last).map_err(js_err)?;
        ranges.set(i as u32, range.into());
    }
    Ok(())
}

fn js_err(v: JsValue) -> JsError {
    let msg = v
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| v.as_string())
        .unwrap_or_else(|| format!("{v:?}"));
    JsError::new(&msg)
}

pub(crate) fn clear() {
    let Some(painted) = PAINTED.with(|p| p.borrow_mut().take()) else { return };
    match painted {
        Painted::HighlightApi { highlights, .. } => {
            if let Some(registry) = registry() {
                for layer in highlights.keys() {
                    let _ = call(&registry, "delete", &[&format!("{PREFIX}{layer}").into()]);
                }
            }
        }
        Painted::Wrap { marks, splits } => {
            for mark in marks {
                if let (Some(parent), Some(child)) = (mark.parent_node(), mark.first_child()) {
                    let _ = parent.replace_child(&child, &mark);
                }
            }
            for (original, tails) in splits {
                let mut data = original.data();
                for t in &tails {
                    data.push_str(&t.data());
                    if let Some(p) = t.parent_node() {
                        let _ = p.remove_child(t);
                    }
                }
                original.set_data(&data);
            }
        }
    }
}

/// Registers every painted, not hidden layer (or only `only`) that is not
/// registered yet.
fn register(registry: &JsValue, painted: &Painted, only: Option<&str>) {
    if let Painted::HighlightApi { highlights, hidden } = painted {
        for (layer, h) in highlights.iter().filter(|(l, _)| !hidden.contains(*l) && only.map_or(true, |o| o == *l)) {
            let name: JsValue = format!("{PREFIX}{layer}").into();
            if !call(registry, "has", &[&name]).is_ok_and(|v| v.is_truthy()) {
                let _ = call(registry, "set", &[&name, h]);
            }
        }
    }
}

pub(crate) fn show_highlights(only: Option<&str>) {
    if let Some(registry) = registry() {
        PAINTED.with(|p| {
            if let Some(painted) = p.borrow().as_ref() {
                register(&registry, painted, only);
            }
        });
    }
}

pub(crate) fn set_layer_visible(layer: &str, visible: bool) -> bool {
    PAINTED.with(|p| {
        let mut p = p.borrow_mut();
        match p.as_mut() {
            None => false,
            Some(Painted::HighlightApi { highlights, hidden }) => {
                let (Some(h), Some(registry)) = (highlights.get(layer), registry()) else { return false };
                let name: JsValue = format!("{PREFIX}{layer}").into();
                let r = if visible {
                    hidden.remove(layer);
                    call(&registry, "set", &[&name, h])
                } else {
                    hidden.insert(layer.to_string());
                    call(&registry, "delete", &[&name])
                };
                r.is_ok()
            }
            Some(Painted::Wrap { marks, .. }) => {
                let mut found = false;
                for m in marks {
                    let all = m.get_attribute("data-annot-all").unwrap_or_default();
                    if !all.split(' ').any(|l| l == layer) {
                        continue;
                    }
                    found = true;
                    let current = m.get_attribute("data-annot").unwrap_or_default();
                    let shown: Vec<&str> = all
                        .split(' ')
                        .filter(|l| if *l == layer { visible } else { current.split(' ').any(|c| c == *l) })
                        .collect();
                    let _ = m.set_attribute("data-annot", &shown.join(" "));
                }
                found
            }
        }
    })
}
