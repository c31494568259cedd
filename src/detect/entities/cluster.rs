//! Clustering mentions into entities (`entity_id`, 0, 1, … in order of
//! first mention): the same name up to case and accents, a surname (or any
//! last part) after the full name, and an acronym in parentheses right
//! after its expansion ("Organisation mondiale de la santé (OMS)") with its later mentions.

use crate::model::{Entity, EntityLabel};
use crate::span::Span;
use std::collections::HashMap;

/// The comparison key: lower-case, accents removed, letters and digits only.
pub(crate) fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(crate::case::lower) {
        let base = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ÿ' | 'ý' => 'y',
            'œ' => {
                out.push('o');
                'e'
            }
            c => c,
        };
        if base.is_alphanumeric() {
            out.push(base);
        }
    }
    out
}

/// Gives every mention its entity id; `spans` are sorted by start.
pub(crate) fn cluster(text: &str, spans: &[(Span, EntityLabel)]) -> Vec<Entity> {
    let mut ids: HashMap<(bool, String), u32> = HashMap::new();
    // Last words of multi-word person names → the full name's key (a
    // surname may come first, in a headline).
    let mut surnames: HashMap<String, String> = HashMap::new();
    for &(span, label) in spans {
        let s = span.slice(text);
        if label == EntityLabel::Per {
            if let Some(last) = s.rsplit(' ').next().filter(|_| s.contains(' ')) {
                surnames.entry(key(last)).or_insert_with(|| key(s));
            }
        }
    }
    let mut next = 0u32;
    let mut out: Vec<Entity> = Vec::with_capacity(spans.len());
    for (n, &(span, label)) in spans.iter().enumerate() {
        let s = span.slice(text);
        let mut k = key(s);
        let date = label == EntityLabel::Date;
        if !date && !s.contains(' ') {
            if let Some(full) = surnames.get(&k) {
                k = full.clone();
            }
        }
        let mut id = ids.get(&(date, k.clone())).copied();
        // An acronym in parentheses right after the previous mention.
        if id.is_none() && !date && n > 0 {
            let (prev, plabel) = spans[n - 1];
            let between = &text[prev.end.min(span.start)..span.start];
            let after = text[span.end..].starts_with(')');
            // Not a source after a place ("GAZA CITY (Reuters)", "Ukraine (AP)").
            let source_after_place = plabel == EntityLabel::Loc && label != EntityLabel::Loc;
            if plabel != EntityLabel::Date && !source_after_place && between.trim() == "(" && after && !s.contains(' ')
            {
                id = out.last().map(|e| e.entity_id);
            }
        }
        let id = id.unwrap_or_else(|| {
            next += 1;
            next - 1
        });
        ids.entry((date, k)).or_insert(id);
        out.push(Entity { span, label, entity_id: id });
    }
    // A one-word mention takes the type of its entity's first mention when
    // that one is a longer name ("OMS" after "Organisation … (OMS)").
    let mut first: HashMap<u32, (EntityLabel, bool)> = HashMap::new();
    for e in &mut out {
        let multi = e.span.slice(text).contains(' ');
        let (l, m) = *first.entry(e.entity_id).or_insert((e.label, multi));
        if m && !multi && e.label != EntityLabel::Date && l != EntityLabel::Date {
            e.label = l;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_fold_case_and_accents() {
        assert_eq!(key("Élysée"), key("ELYSEE"));
        assert_eq!(key("Jean-Luc"), "jeanluc");
    }
}
