// The Web Annotation export (www/js/export.js) in Node: TextPositionSelector positions count code points as
// Array.from does (a lone surrogate is one code point), and a long article with many annotations is converted in
// one pass (the old conversion rescanned the text from its start for every offset: 81 s for 1 MB in the page).
import { test } from "node:test";
import assert from "node:assert/strict";
import { toWebAnnotation } from "../www/js/export.js";

/** The reference: code point positions by slicing (quadratic, so only used on short texts). */
function expectedPositions(text, a) {
  return { start: Array.from(text.slice(0, a.start)).length, end: Array.from(text.slice(0, a.end)).length };
}

function entity(text, needle, from = 0) {
  const start = text.indexOf(needle, from);
  assert.ok(start >= 0, needle);
  return { kind: "entity", start, end: start + needle.length, text: needle, label: "LOC", entity_id: 0 };
}

function check(text, doc) {
  const ld = toWebAnnotation(doc, text, "https://example.org/a");
  const cps = Array.from(text);
  ld.first.items.forEach((item, i) => {
    const pos = item.target.selector.find((s) => s.type === "TextPositionSelector");
    const quote = item.target.selector.find((s) => s.type === "TextQuoteSelector");
    assert.equal(cps.slice(pos.start, pos.end).join(""), quote.exact, `annotation ${i}: position selects the quote`);
    const cpLength = (s) => Array.from(s).length;
    assert.equal(cps.slice(pos.end, pos.end + cpLength(quote.suffix)).join(""), quote.suffix);
    assert.equal(cps.slice(pos.start - cpLength(quote.prefix), pos.start).join(""), quote.prefix);
  });
  return ld;
}

test("positions after a lone high surrogate, a lone low one and real pairs count code points", () => {
  const text = "Un \ud800 seul, un \udc00 aussi, 😀 un emoji, \ud83d\ude00\ud800x puis Paris et Lyon.";
  const doc = { lang: "fr", annotations: [entity(text, "seul"), entity(text, "aussi"), entity(text, "emoji"), entity(text, "Paris"), entity(text, "Lyon")] };
  const ld = check(text, doc);
  ld.first.items.forEach((item, i) => {
    const pos = item.target.selector.find((s) => s.type === "TextPositionSelector");
    assert.deepEqual({ start: pos.start, end: pos.end }, expectedPositions(text, doc.annotations[i]), `annotation ${i}`);
  });
  // A high surrogate at the very end, and offsets that fall inside a pair, stay within the text.
  const tail = "Nice 😀\ud800";
  const inside = { kind: "entity", start: 5, end: 6, text: "\ud83d", label: "MISC", entity_id: 1 };
  const pos = toWebAnnotation({ lang: "fr", annotations: [inside] }, tail, "x").first.items[0].target.selector[1];
  assert.deepEqual({ start: pos.start, end: pos.end }, expectedPositions(tail, inside));
});

test("a 1 MB article with 25,000 annotations: every position right, in one pass over the text", { timeout: 60_000 }, () => {
  const para = "Le maire de Lyon a rencontré 😀 la préfète de la Gironde à Bordeaux, selon l'AFP.\n";
  const text = para.repeat(12_500);
  assert.ok(text.length > 1_000_000);
  const annotations = [];
  for (let at = 0; at < text.length; at += para.length) {
    for (const needle of ["Lyon", "Bordeaux"]) annotations.push(entity(text, needle, at));
  }
  // Out of order on purpose: the conversion must not rely on sorted input.
  annotations.reverse();
  const ld = check(text, { lang: "fr", annotations });
  assert.equal(ld.total, 25_000);
  // Each paragraph holds one surrogate pair, before "Bordeaux": the last "Bordeaux" of paragraph k is k + 1 code
  // points behind its UTF-16 offset.
  const last = ld.first.items[0].target.selector[1];
  const k = Math.floor(annotations[0].start / para.length);
  assert.equal(annotations[0].text, "Bordeaux");
  assert.equal(last.start, annotations[0].start - k - 1);
});
