//! The text a page shows: walk the text nodes of a subtree, skipping what is
//! never article text or not rendered, into a [`TextMap`] (the joined text,
//! white space collapsed as the browser shows it, and where each character
//! came from).

use crate::text::textmap::{TextMap, TextMapBuilder};
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

/// The text nodes of a subtree and their joined text.
pub(crate) struct Walk {
    /// The text nodes, in document order.
    pub nodes: Vec<Text>,
    /// Their joined text, and where each character came from.
    pub map: TextMap,
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

/// Walks the rendered text of `root`.
pub(crate) fn walk(root: &Element) -> Walk {
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
