//! What is painted on the page, kept between calls so `clear`,
//! `showHighlights` and `setLayerVisible` can act on it.
//!
//! The one piece of state the binding keeps across calls. It lives in a
//! `Cell`: a call works on a copy (handles to the same JS objects) and
//! stores the result at its end, so no borrow is ever held while JavaScript
//! runs. A call that stops half-way (a trap, or an exception thrown by the
//! page's own overridden DOM methods: on wasm32 neither unwinds, no
//! destructor runs) leaves the state as it was before that call, and the
//! next call works on it; undoing is idempotent, so a `clear` cut short can
//! simply be repeated.

use super::wrap;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Text};

/// Prefix of every highlight name and `data-` attribute we add.
pub(crate) const PREFIX: &str = "annot-";

/// Everything painted, so `clear` and `set_layer_visible` can undo it.
#[derive(Clone)]
pub(crate) enum Painted {
    HighlightApi {
        /// Layer name → its Highlight object (kept while hidden), sorted by
        /// name (a dozen layers at most: a list, not a map).
        highlights: Vec<(String, JsValue)>,
        /// Layers hidden by `set_layer_visible`.
        hidden: Vec<String>,
    },
    Wrap {
        /// Our marks, each holding one piece (its only child).
        marks: Vec<Element>,
        /// For each text node we split: the node and the pieces it was split
        /// into after it (in order), to join back.
        splits: Vec<(Text, Vec<Text>)>,
    },
}

thread_local! {
    static PAINTED: Cell<Option<Painted>> = const { Cell::new(None) };
}

/// A copy of what is painted (the state itself is left as it is).
pub(crate) fn peek() -> Option<Painted> {
    PAINTED.with(|cell| {
        let painted = cell.take();
        let copy = painted.clone();
        cell.set(painted);
        copy
    })
}

/// Records what is painted now.
pub(crate) fn put(painted: Option<Painted>) {
    PAINTED.with(|p| p.set(painted));
}

/// `CSS.highlights`, when the browser has the Highlight API.
pub(crate) fn registry() -> Option<JsValue> {
    let global = js_sys::global();
    let css = js_sys::Reflect::get(&global, &"CSS".into()).ok().filter(|v| v.is_object())?;
    let reg = js_sys::Reflect::get(&css, &"highlights".into()).ok().filter(|v| v.is_object())?;
    let ctor = js_sys::Reflect::get(&global, &"Highlight".into()).ok()?;
    ctor.is_function().then_some(reg)
}

/// Calls `target[method](...args)`.
pub(crate) fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: js_sys::Function = js_sys::Reflect::get(target, &method.into())?.dyn_into()?;
    let array: js_sys::Array = args.iter().copied().collect();
    f.apply(target, &array)
}

/// Removes everything painted; in the wrapping mode, restores the original
/// nodes and text exactly.
pub(crate) fn clear() {
    match peek() {
        None => return,
        Some(Painted::HighlightApi { highlights, .. }) => {
            if let Some(registry) = registry() {
                for (layer, _) in &highlights {
                    let _ = call(&registry, "delete", &[&format!("{PREFIX}{layer}").into()]);
                }
            }
        }
        Some(Painted::Wrap { marks, splits }) => wrap::unwrap(&marks, &splits),
    }
    put(None);
}

/// Registers every painted, not hidden layer (or only `only`) that is not
/// registered yet.
pub(crate) fn register(registry: &JsValue, painted: &Painted, only: Option<&str>) {
    if let Painted::HighlightApi { highlights, hidden } = painted {
        for (layer, h) in highlights.iter().filter(|(l, _)| !hidden.contains(l) && only.map_or(true, |o| o == l)) {
            let name: JsValue = format!("{PREFIX}{layer}").into();
            if !call(registry, "has", &[&name]).is_ok_and(|v| v.is_truthy()) {
                let _ = call(registry, "set", &[&name, h]);
            }
        }
    }
}

/// Shows what was painted with `defer` (every layer, or only `only`).
pub(crate) fn show_highlights(only: Option<&str>) {
    if let (Some(registry), Some(painted)) = (registry(), peek()) {
        register(&registry, &painted, only);
    }
}

/// Shows or hides one painted layer; false when nothing of it is painted.
pub(crate) fn set_layer_visible(layer: &str, visible: bool) -> bool {
    let mut painted = peek();
    let found = match painted.as_mut() {
        None => false,
        Some(Painted::HighlightApi { highlights, hidden }) => match (layer_highlight(highlights, layer), registry()) {
            (Some(h), Some(registry)) => {
                let name: JsValue = format!("{PREFIX}{layer}").into();
                let r = if visible {
                    hidden.retain(|l| l != layer);
                    call(&registry, "set", &[&name, h])
                } else {
                    if !hidden.iter().any(|l| l == layer) {
                        hidden.push(layer.to_string());
                    }
                    call(&registry, "delete", &[&name])
                };
                r.is_ok()
            }
            _ => false,
        },
        Some(Painted::Wrap { marks, .. }) => wrap::set_layer_visible(marks, layer, visible),
    };
    put(painted);
    found
}

/// The Highlight object of `layer`, if painted.
pub(crate) fn layer_highlight<'a>(highlights: &'a [(String, JsValue)], layer: &str) -> Option<&'a JsValue> {
    highlights.iter().find(|(l, _)| l == layer).map(|(_, h)| h)
}
