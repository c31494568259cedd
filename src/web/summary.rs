//! `summarize`: the sourcing summary of an annotated article, for the reader panels.

use super::to_js;
use crate::contract::AnnotationFields;
use crate::{ContractAnnotation, ContractDocument, Lang};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Reads a contract document made by `annotate` through the contract's own field types (an unknown kind, label or
/// reason, or a missing field, is an error naming it).
pub(super) fn read_contract(doc: &JsValue) -> Result<ContractDocument, JsError> {
    let field = |name: &str| doc.is_object().then(|| js_sys::Reflect::get(doc, &name.into()).ok()).flatten();
    let lang = field("lang").and_then(|l| l.as_string()).unwrap_or_default();
    let lang: Lang = lang.parse().map_err(|_| JsError::new(&format!("summarize: unknown \"lang\" {lang:?}")))?;
    let list = field("annotations").and_then(|a| a.dyn_into::<js_sys::Array>().ok()).ok_or_else(|| {
        JsError::new("summarize: not an annotation document: expected an object with an \"annotations\" array")
    })?;
    let mut annotations = Vec::with_capacity(list.length() as usize);
    for (i, value) in list.iter().enumerate() {
        let bad = |e: &dyn std::fmt::Display| JsError::new(&format!("summarize: annotation {i}: {e}"));
        let fields: AnnotationFields = serde_wasm_bindgen::from_value(value).map_err(|e| bad(&e))?;
        annotations.push(ContractAnnotation::try_from(fields).map_err(|e| bad(&e))?);
    }
    let unsupported_language = field("unsupported_language").and_then(|l| l.as_string());
    Ok(ContractDocument { lang, unsupported_language, annotations })
}

/// The sourcing summary of `doc`, the document `annotate(text)` returned: who is quoted, named and unnamed
/// sources, claims by reason, the share of sentences carrying an attribution; each line lists the indices of its
/// annotations in `doc.annotations`.
#[wasm_bindgen(unchecked_return_type = "Summary")]
pub fn summarize(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "ContractDocument")] doc: JsValue,
) -> Result<JsValue, JsError> {
    let doc = read_contract(&doc)?;
    to_js(&crate::summarize(text, &doc))
}
