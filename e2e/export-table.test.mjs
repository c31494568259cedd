// The CSV and clipboard-text exports (www/js/export-table.js) and the completeness of the W3C Web Annotation export
// (www/js/export.js) against the model's requirements (https://www.w3.org/TR/annotation-model/), in Node.
import { test } from "node:test";
import assert from "node:assert/strict";
import { annotationsCsv, annotationsText, csvCell, summaryCsv, summaryText, toCsv } from "../www/js/export-table.js";
import { toWebAnnotation, uuidIri } from "../www/js/export.js";
import { strings } from "../www/js/i18n.js";

/** An RFC 4180 parser (quoted fields, doubled quotes, CRLF), written apart from the writer under test. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(cell); rows.push(row); row = []; cell = ""; i++; }
    else cell += c;
  }
  assert.equal(cell + row.length, "0", "the CSV ends with CRLF");
  return rows;
}

const TEXT = "« Nous partirons, =1+1 », a déclaré Paul Martin. Selon une source policière, il aurait fui.";
const at = (needle) => {
  const start = TEXT.indexOf(needle);
  assert.ok(start >= 0, needle);
  return { start, end: start + needle.length, text: needle };
};
const DOC = {
  lang: "fr",
  annotations: [
    { kind: "quote", ...at("Nous partirons, =1+1"), direct: true,
      speaker: { ...at("Paul Martin"), entity_id: 0, speaker_name: "Paul Martin" } },
    { kind: "entity", ...at("Paul Martin"), label: "PER", entity_id: 0 },
    { kind: "claim", ...at("il aurait fui"), reason: "anonymous_source", cue: at("aurait"),
      source: at("une source policière"), other_cues: [], explanation: "Une source \"anonyme\", non nommée." },
  ],
};
const SUMMARY = {
  lang: "fr",
  speakers: [{ label: "Paul Martin", named: true, entity_id: 0, direct: 1, reported: 0, annotations: [0] },
    { label: "-une source", named: false, entity_id: null, direct: 0, reported: 2, annotations: [] }],
  unattributed_quotes: { count: 0, annotations: [] },
  named_sources: { count: 1, annotations: [0] },
  unnamed_sources: { count: 1, annotations: [2] },
  claims: [{ reason: "anonymous_source", count: 1, annotations: [2] }],
  sentences: 2,
  attributed_sentences: 2,
};

test("CSV cells: RFC 4180 quoting and the formula-injection guard", () => {
  assert.equal(csvCell("plain"), "plain");
  assert.equal(csvCell('say "hi", then\nleave'), '"say ""hi"", then\nleave"');
  for (const s of ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)"]) assert.equal(parseCsv(toCsv([[s]]))[0][0], `'${s}`, s);
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(0), "0");
  assert.equal(toCsv([["a", "b"], ["c", "d"]]), "a,b\r\nc,d\r\n");
});

test("annotations CSV: one row per annotation, every field recovered by a parser", () => {
  const rows = parseCsv(annotationsCsv(DOC));
  assert.equal(rows.length, 1 + DOC.annotations.length);
  const head = rows[0];
  assert.ok(rows.every((r) => r.length === head.length), "rectangular");
  const get = (r, col) => r[head.indexOf(col)];
  assert.equal(get(rows[1], "kind"), "quote");
  assert.equal(get(rows[1], "text"), "Nous partirons, =1+1");
  assert.equal(get(rows[1], "speaker"), "Paul Martin");
  assert.equal(get(rows[1], "direct"), "yes");
  assert.equal(Number(get(rows[2], "start")), DOC.annotations[1].start);
  assert.equal(get(rows[2], "label"), "PER");
  assert.equal(get(rows[3], "reason"), "anonymous_source");
  assert.equal(get(rows[3], "source"), "une source policière");
  assert.equal(get(rows[3], "explanation"), 'Une source "anonyme", non nommée.');
});

test("summary CSV: speakers, sources, claims and sentences, guarded", () => {
  const rows = parseCsv(summaryCsv(SUMMARY));
  assert.deepEqual(rows[0], ["section", "label", "named", "direct", "reported", "count", "annotations"]);
  assert.deepEqual(rows[1], ["speaker", "Paul Martin", "yes", "1", "0", "1", "0"]);
  assert.deepEqual(rows[2], ["speaker", "'-une source", "no", "0", "2", "2", ""]);
  const bySection = Object.fromEntries(rows.slice(3).map((r) => [r[0] === "claim" ? `claim:${r[1]}` : r[0], r[5]]));
  assert.deepEqual(bySection, { unattributed_quotes: "0", named_sources: "1", unnamed_sources: "1",
    "claim:anonymous_source": "1", sentences: "2", attributed_sentences: "2" });
});

test("clipboard text: the summary and the annotations in the interface language", () => {
  const fr = summaryText(strings("fr"), SUMMARY);
  assert.match(fr, /Personnes citées/);
  assert.match(fr, /Paul Martin\u00a0: 1 citation directe, 0 propos rapporté/);
  assert.match(fr, /-une source \(non nommé\)/);
  assert.match(fr, /Source anonyme\u00a0: 1/);
  assert.match(fr, /2 phrases sur 2 attribuées à une source \(100\u00a0%\)/);
  const en = summaryText(strings("en"), { ...SUMMARY, claims: [], sentences: 0, attributed_sentences: 0 });
  assert.match(en, /Who is quoted/);
  assert.match(en, /Unverified claims by reason:\n {2}none/);
  assert.match(en, /0 of 0 sentence attributed to a source \(0%\)/);
  const lines = annotationsText(strings("en"), DOC).trimEnd().split("\n");
  assert.equal(lines.length, 3);
  assert.equal(lines[0], "Quotation — Paul Martin: “Nous partirons, =1+1”");
  assert.equal(lines[1], "Person: Paul Martin");
  assert.equal(lines[2], "Anonymous source: “il aurait fui” — Source: une source policière");
});

const IRI = /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i;
const ISO8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const MOTIVATIONS = ["assessing", "bookmarking", "classifying", "commenting", "describing", "editing", "highlighting",
  "identifying", "linking", "moderating", "questioning", "replying", "tagging"];

/** The Web Annotation model's requirements (MUST) and the ones we promise (generator, created) on a collection. */
function checkModel(ld, source) {
  assert.equal(ld["@context"], "http://www.w3.org/ns/anno.jsonld");
  assert.match(ld.id, IRI, "collection id");
  assert.equal(ld.type, "AnnotationCollection");
  assert.match(ld.created, ISO8601);
  assert.equal(ld.generator.type, "Software");
  assert.equal(ld.generator.name, "article-annotator");
  assert.match(ld.generator.id, IRI);
  assert.match(ld.generator.homepage, IRI);
  const page = ld.first;
  assert.match(page.id, IRI, "page id");
  assert.equal(page.type, "AnnotationPage");
  assert.equal(page.partOf, ld.id);
  assert.ok(Array.isArray(page.items));
  assert.equal(ld.total, page.items.length);
  const ids = new Set([ld.id, page.id]);
  for (const a of page.items) {
    assert.match(a.id, IRI, "annotation id");
    assert.ok(!ids.has(a.id), "ids are unique");
    ids.add(a.id);
    assert.equal(a.type, "Annotation");
    assert.ok(MOTIVATIONS.includes(a.motivation), a.motivation);
    assert.match(a.created, ISO8601);
    assert.equal(a.generator, ld.generator.id);
    for (const b of a.body) {
      assert.equal(b.type, "TextualBody");
      assert.equal(typeof b.value, "string");
      if (b.purpose) assert.ok(MOTIVATIONS.includes(b.purpose), b.purpose);
    }
    assert.equal(a.target.source, source);
    const types = a.target.selector.map((s) => s.type).sort();
    assert.deepEqual(types, ["TextPositionSelector", "TextQuoteSelector"]);
    for (const s of a.target.selector) {
      if (s.type === "TextQuoteSelector") assert.equal(typeof s.exact, "string");
      else assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start <= s.end);
    }
  }
}

test("W3C export: ids, generator, created and types as the Web Annotation model requires", () => {
  const source = "https://example.org/article";
  const ld = toWebAnnotation(DOC, TEXT, source, { version: "0.1.0", homepage: "https://example.org/annotator/" });
  checkModel(ld, source);
  assert.equal(ld.generator.version, "0.1.0");
  assert.match(ld.id, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  // A second export is a new collection: new ids.
  assert.notEqual(toWebAnnotation(DOC, TEXT, source).id, ld.id);
  // The time and ids can be fixed (reproducible files).
  let n = 0;
  const fixed = toWebAnnotation(DOC, TEXT, source, { created: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), newId: () => `urn:x:${n++}` });
  checkModel(fixed, source);
  assert.equal(fixed.created, "2026-01-02T03:04:05.000Z");
  assert.deepEqual(fixed.first.items.map((a) => a.id), ["urn:x:0", "urn:x:1", "urn:x:2"]);
});

test("uuidIri: version 4 shape, also without crypto.randomUUID", () => {
  const shape = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(uuidIri(), shape);
  const saved = globalThis.crypto.randomUUID;
  const desc = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(globalThis.crypto), "randomUUID");
  Object.defineProperty(globalThis.crypto, "randomUUID", { value: undefined, configurable: true });
  try {
    const seen = new Set(Array.from({ length: 50 }, () => uuidIri()));
    assert.equal(seen.size, 50);
    for (const id of seen) assert.match(id, shape);
  } finally {
    delete globalThis.crypto.randomUUID;
    assert.equal(globalThis.crypto.randomUUID, saved, desc ? "restored" : "");
  }
});
