//! Named entities: PER, ORG, LOC, DATE, MISC, clustered into entities.

#[doc(hidden)]
pub mod tagger;

use super::Analysis;
use crate::annotate::{Entity, EntityLabel};
use crate::span::Span;

/// Finds the entity mentions of the text, sorted by start.
pub fn detect(analysis: &Analysis) -> Vec<Entity> {
    let mut out = Vec::new();
    let Some(model) = tagger::model(analysis.lang) else { return out };
    let mut infos = tagger::token_infos(analysis.text, &analysis.tokens, &analysis.sentence_tokens);
    tagger::mark_seen_lower(analysis.text, &analysis.tokens, &mut infos);
    let tags = model.tag(&infos, &analysis.sentence_tokens);
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i];
        if t == 0 {
            i += 1;
            continue;
        }
        let base = if t % 2 == 1 { t } else { t - 1 };
        let mut j = i + 1;
        while j < tags.len() && tags[j] == base + 1 {
            j += 1;
        }
        let label = match base {
            1 => EntityLabel::Per,
            3 => EntityLabel::Loc,
            5 => EntityLabel::Org,
            _ => EntityLabel::Misc,
        };
        let span = Span::new(analysis.tokens[i].span.start, analysis.tokens[j - 1].span.end);
        out.push(Entity { span, label, entity_id: out.len() as u32 });
        i = j;
    }
    out
}
