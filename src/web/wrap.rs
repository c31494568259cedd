//! The wrapping mode, for browsers without the CSS Custom Highlight API:
//! split text nodes only at annotation boundaries, move each piece (the same
//! `Text` object) into one `<mark data-annot>` per piece, and on `clear` move
//! it back and re-join exactly the nodes that were split, so the original
//! nodes, text and serialisation come back.

use super::highlight::{js_err, Placed};
use super::walk::Walk;
use std::collections::{BTreeMap, BTreeSet};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Text};

/// Wraps the placed annotations in `<mark>` elements: split each text node at
/// every boundary (highest offset first, so lower offsets stay valid), then
/// put each covered piece into one mark naming all its layers.
pub(crate) fn wrap(
    document: &web_sys::Document,
    walk: &Walk,
    placed: &[Placed],
    ranges: &js_sys::Array,
    marks: &mut Vec<Element>,
    splits: &mut Vec<(Text, Vec<Text>)>,
) -> Result<(), JsError> {
    // node → (boundary offsets); piece coverage per annotation.
    let mut cuts: BTreeMap<u32, BTreeSet<u32>> = BTreeMap::new();
    let mut pieces_of: Vec<Vec<(u32, u32, u32)>> = Vec::with_capacity(placed.len());
    for p in placed {
        let pieces = walk.map.pieces(p.start, p.end);
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
    for (p, pieces) in placed.iter().zip(&pieces_of) {
        for &(node, a, b) in pieces {
            let list = &fragments[&node];
            let first = list.partition_point(|(o, _)| *o < a);
            for (k, (o, _)) in list.iter().enumerate().skip(first) {
                if *o >= b {
                    break;
                }
                let entry = cover.entry((node, k)).or_default();
                entry.0.insert(p.layer.clone());
                entry.1.push(p.index);
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

/// Puts every piece back in place of its mark and re-joins the split nodes.
/// Idempotent: a mark already removed and a piece already re-joined are
/// skipped, so an undo cut short can be run again.
pub(crate) fn unwrap(marks: &[Element], splits: &[(Text, Vec<Text>)]) {
    for mark in marks {
        if let (Some(parent), Some(child)) = (mark.parent_node(), mark.first_child()) {
            let _ = parent.replace_child(&child, mark);
        }
    }
    for (original, tails) in splits {
        let mut data = original.data();
        let mut joined = false;
        for t in tails {
            if let Some(p) = t.parent_node() {
                data.push_str(&t.data());
                let _ = p.remove_child(t);
                joined = true;
            }
        }
        if joined {
            original.set_data(&data);
        }
    }
}

/// Shows or hides `layer` on the marks (their `data-annot` lists the shown
/// layers, `data-annot-all` every layer); false when no mark has it.
pub(crate) fn set_layer_visible(marks: &[Element], layer: &str, visible: bool) -> bool {
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
