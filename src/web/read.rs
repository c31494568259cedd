//! Reading JavaScript values field by field (`Reflect`), with errors that
//! name the field: the contract documents `highlight` and `summarize` are
//! given, and `highlight`'s options.
//!
//! Why not `serde_wasm_bindgen::from_value`: its deserialiser, and the float
//! printing its error messages reach (`invalid type: floating point …`),
//! cost the wasm ≈ 9 KB gzip (docs/DESIGN-language-packs.md §3) for what is
//! a handful of fields. Numbers are checked without printing them.

use crate::contract::{AnnotationFields, Kind};
use crate::{ClaimReason, ContractSpan, ContractSpeaker, EntityLabel};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A JS object whose fields are read by name.
#[derive(Clone, Copy)]
pub(super) struct Fields<'a>(&'a JsValue);

impl<'a> Fields<'a> {
    /// `value` if it is an object (not an array); `what` names it in the error.
    pub fn of(value: &'a JsValue, what: &str) -> Result<Fields<'a>, String> {
        if value.is_object() && !js_sys::Array::is_array(value) {
            Ok(Fields(value))
        } else {
            Err(format!("{what}: expected an object"))
        }
    }

    /// The field `name`, or `None` when it is absent, undefined or null.
    fn get(self, name: &str) -> Option<JsValue> {
        js_sys::Reflect::get(self.0, &JsValue::from_str(name)).ok().filter(|v| !v.is_undefined() && !v.is_null())
    }

    /// A field that must be there.
    fn required<T>(self, name: &str, read: impl Fn(&JsValue) -> Option<T>, expected: &str) -> Result<T, String> {
        self.optional(name, read, expected)?.ok_or_else(|| format!("missing field `{name}`"))
    }

    /// A field that may be absent or null.
    fn optional<T>(
        self,
        name: &str,
        read: impl Fn(&JsValue) -> Option<T>,
        expected: &str,
    ) -> Result<Option<T>, String> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => read(&v).map(Some).ok_or_else(|| format!("invalid type for `{name}`: expected {expected}")),
        }
    }

    pub fn u32(self, name: &str) -> Result<u32, String> {
        self.required(name, as_u32, U32)
    }

    pub fn opt_u32(self, name: &str) -> Result<Option<u32>, String> {
        self.optional(name, as_u32, U32)
    }

    pub fn string(self, name: &str) -> Result<String, String> {
        self.required(name, JsValue::as_string, "a string")
    }

    pub fn opt_string(self, name: &str) -> Result<Option<String>, String> {
        self.optional(name, JsValue::as_string, "a string")
    }

    pub fn opt_bool(self, name: &str) -> Result<Option<bool>, String> {
        self.optional(name, JsValue::as_bool, "true or false")
    }

    /// A field read by `read` (its error prefixed with the field's name), or absent.
    pub fn opt_with<T>(self, name: &str, read: impl Fn(&JsValue) -> Result<T, String>) -> Result<Option<T>, String> {
        self.get(name).map(|v| read(&v).map_err(|e| format!("`{name}`: {e}"))).transpose()
    }

    /// An array field, each element read by `read` (its error prefixed with the index).
    pub fn opt_array<T>(
        self,
        name: &str,
        read: impl Fn(&JsValue) -> Result<T, String>,
    ) -> Result<Option<Vec<T>>, String> {
        let Some(list) = self.optional(name, |v| v.dyn_ref::<js_sys::Array>().cloned(), "an array")? else {
            return Ok(None);
        };
        let items = list.iter().enumerate().map(|(i, v)| read(&v).map_err(|e| format!("`{name}`[{i}]: {e}")));
        items.collect::<Result<Vec<T>, String>>().map(Some)
    }

    /// A field holding one of `all`'s names (`name` of each), or absent.
    fn opt_named<T: Copy>(
        self,
        field: &str,
        all: &[T],
        name: fn(T) -> &'static str,
        what: &str,
    ) -> Result<Option<T>, String> {
        let Some(given) = self.opt_string(field)? else { return Ok(None) };
        all.iter().copied().find(|&t| name(t) == given).map(Some).ok_or_else(|| {
            let expected: Vec<&str> = all.iter().map(|&t| name(t)).collect();
            format!("unknown {what} {given:?}, expected one of {}", expected.join(", "))
        })
    }
}

const U32: &str = "a whole number from 0 to 4294967295";

/// A JS number that is a whole `u32`.
fn as_u32(v: &JsValue) -> Option<u32> {
    let n = v.as_f64()?;
    (n.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&n)).then_some(n as u32)
}

const KINDS: [Kind; 3] = [Kind::Entity, Kind::Quote, Kind::Claim];

/// One annotation of a contract document, every field of any kind; an
/// unknown kind, label or reason, a missing or mistyped field is an error
/// naming it.
pub(super) fn annotation(value: &JsValue) -> Result<AnnotationFields, String> {
    let f = Fields::of(value, "an annotation")?;
    let kind = f.opt_named("kind", &KINDS, Kind::as_str, "kind")?.ok_or("missing field `kind`")?;
    Ok(AnnotationFields {
        kind,
        start: f.u32("start")?,
        end: f.u32("end")?,
        text: f.string("text")?,
        label: f.opt_named("label", &EntityLabel::ALL, EntityLabel::as_str, "entity label")?,
        entity_id: f.opt_u32("entity_id")?,
        direct: f.opt_bool("direct")?,
        speaker: f.opt_with("speaker", speaker)?,
        reason: f.opt_named("reason", &ClaimReason::ALL, ClaimReason::as_str, "claim reason")?,
        cue: f.opt_with("cue", span)?,
        source: f.opt_with("source", span)?,
        other_cues: f.opt_array("other_cues", span)?,
        explanation: f.opt_string("explanation")?,
    })
}

fn span(value: &JsValue) -> Result<ContractSpan, String> {
    let f = Fields::of(value, "a span")?;
    Ok(ContractSpan { start: f.u32("start")?, end: f.u32("end")?, text: f.string("text")? })
}

fn speaker(value: &JsValue) -> Result<ContractSpeaker, String> {
    let f = Fields::of(value, "a speaker")?;
    Ok(ContractSpeaker {
        start: f.u32("start")?,
        end: f.u32("end")?,
        text: f.string("text")?,
        entity_id: f.opt_u32("entity_id")?,
        speaker_name: f.opt_string("speaker_name")?,
    })
}
