//! `summarize`: the sourcing summary of an annotated article, for the reader panels.

use super::to_js;
use crate::{ContractAnnotation, ContractDocument, Lang};
use wasm_bindgen::prelude::*;

/// Reads a contract document made by `annotate` through the contract's own field types (an unknown kind, label or
/// reason, or a missing field, is an error naming it).
pub(super) fn read_contract(doc: &JsValue) -> Result<ContractDocument, JsError> {
    let annotations = super::highlight::read_document(doc, "summarize")?
        .into_iter()
        .enumerate()
        .map(|(i, (fields, _layer))| {
            ContractAnnotation::try_from(fields).map_err(|e| JsError::new(&format!("summarize: annotation {i}: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let field = |name: &str| js_sys::Reflect::get(doc, &name.into()).ok().and_then(|v| v.as_string());
    let lang = field("lang").unwrap_or_default();
    let lang: Lang = lang.parse().map_err(|_| JsError::new(&format!("summarize: unknown \"lang\" {lang:?}")))?;
    Ok(ContractDocument { lang, unsupported_language: field("unsupported_language"), annotations })
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
