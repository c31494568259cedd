//! Quotations (direct and reported) and their speakers.

use super::Analysis;
use crate::annotate::{Entity, Quote};

/// Finds the quotations of the text, sorted by start.
pub fn detect(analysis: &Analysis, entities: &[Entity]) -> Vec<Quote> {
    let _ = (analysis, entities);
    Vec::new()
}
