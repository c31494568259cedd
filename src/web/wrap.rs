//! The wrapping mode, for browsers without the CSS Custom Highlight API:
//! split text nodes only at annotation boundaries, move each piece (the same
//! `Text` object) into one `<mark data-annot>` per piece, and on `clear` move
//! it back and re-join exactly the nodes that were split, so the original
//! nodes, text and serialisation come back.

use super::highlight::{js_err, Placed};
use super::walk::Walk;
use crate::sort::{pos, sort_by_rank};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Text};

/// Wraps the placed annotations in `<mark>` elements: split each text node at
/// every boundary (highest offset first, so lower offsets stay valid), then
/// put each covered piece into one mark naming all its layers.
///
/// Maps are sorted `Vec`s (the crate's one shared sort, `binary_search`):
/// `BTreeMap`/`BTreeSet` here cost the wasm ≈ 9 KB gzip.
pub(crate) fn wrap(
    document: &web_sys::Document,
    walk: &Walk,
    placed: &[Placed],
    ranges: &js_sys::Array,
    marks: &mut Vec<Element>,
    splits: &mut Vec<(Text, Vec<Text>)>,
) -> Result<(), JsError> {
    // (node, boundary offset), sorted, without duplicates; piece coverage per annotation.
    let mut cuts: Vec<(u32, u32)> = Vec::new();
    let mut pieces_of: Vec<Vec<(u32, u32, u32)>> = Vec::with_capacity(placed.len());
    for p in placed {
        let pieces = walk.map.pieces(p.start, p.end);
        for &(node, a, b) in &pieces {
            cuts.push((node, a));
            cuts.push((node, b));
        }
        pieces_of.push(pieces);
    }
    sort_by_rank(&mut cuts, |&(node, off)| [node.into(), off.into(), 0]);
    cuts.dedup();
    // (node, [(local start, piece)] after splitting), sorted by node.
    let mut fragments: Vec<(u32, Vec<(u32, Text)>)> = Vec::new();
    for offsets in cuts.chunk_by(|a, b| a.0 == b.0) {
        let node = offsets[0].0;
        let original = &walk.nodes[node as usize];
        let len = original.length();
        let mut tails: Vec<(u32, Text)> = Vec::new();
        for &(_, off) in offsets.iter().rev().filter(|&&(_, o)| o > 0 && o < len) {
            let tail = original.split_text(off).map_err(js_err)?;
            tails.push((off, tail));
        }
        tails.reverse();
        if !tails.is_empty() {
            splits.push((original.clone(), tails.iter().map(|(_, t)| t.clone()).collect()));
        }
        let mut list = vec![(0, original.clone())];
        list.extend(tails);
        fragments.push((node, list));
    }
    let pieces_at = |node: u32| match fragments.binary_search_by_key(&node, |f| f.0) {
        Ok(i) => &fragments[i].1[..],
        Err(_) => &[],
    };
    // (fragment, piece index, annotation) for every piece an annotation covers, in piece order, then in
    // the order of `placed` (a stable sort).
    let mut cover: Vec<(u32, usize, &Placed)> = Vec::new();
    for (p, pieces) in placed.iter().zip(&pieces_of) {
        for &(node, a, b) in pieces {
            let list = pieces_at(node);
            let first = list.partition_point(|(o, _)| *o < a);
            for (k, (o, _)) in list.iter().enumerate().skip(first) {
                if *o >= b {
                    break;
                }
                cover.push((node, k, p));
            }
        }
    }
    sort_by_rank(&mut cover, |&(node, k, _)| [node.into(), pos(k), 0]);
    // annotation index → (first mark, last mark)
    let mut bounds: Vec<Option<(Element, Element)>> = Vec::new();
    for group in cover.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        let (node, k, _) = group[0];
        let piece = &pieces_at(node)[k].1;
        let Some(parent) = piece.parent_node() else { continue };
        let mut layers: Vec<&str> = Vec::new();
        for (_, _, p) in group {
            if let Err(at) = layers.binary_search(&p.layer.as_str()) {
                layers.insert(at, &p.layer);
            }
        }
        let mark = document.create_element("mark").map_err(js_err)?;
        let names = layers.join(" ");
        mark.set_attribute("data-annot", &names).map_err(js_err)?;
        mark.set_attribute("data-annot-all", &names).map_err(js_err)?;
        let id_list = group.iter().map(|(_, _, p)| p.index.to_string()).collect::<Vec<_>>().join(" ");
        mark.set_attribute("data-annot-ids", &id_list).map_err(js_err)?;
        parent.replace_child(&mark, piece).map_err(js_err)?;
        mark.append_child(piece).map_err(js_err)?;
        for (_, _, p) in group {
            if bounds.len() <= p.index {
                bounds.resize(p.index + 1, None);
            }
            match &mut bounds[p.index] {
                Some(b) => b.1 = mark.clone(),
                slot => *slot = Some((mark.clone(), mark.clone())),
            }
        }
        marks.push(mark);
    }
    for (i, (first, last)) in bounds.into_iter().enumerate().filter_map(|(i, b)| Some((i, b?))) {
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
