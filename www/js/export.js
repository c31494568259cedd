// Exports: the annotation contract as JSON, and W3C Web Annotation JSON-LD
// (https://www.w3.org/TR/annotation-model/) with a TextQuoteSelector (exact, prefix, suffix) and a
// TextPositionSelector per annotation. Web Annotation positions count Unicode code points, the
// contract counts UTF-16 units: converted here.

const CONTEXT_CHARS = 32;

const isHigh = (c) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c) => c >= 0xdc00 && c <= 0xdfff;

/**
 * UTF-16 offsets → code point offsets in `text`, as Array.from(text) counts them: a surrogate pair is one code
 * point, a lone surrogate (high or low) is one too. One pass over the text for all the offsets (sorted first),
 * so a 1 MB article with thousands of annotations costs one scan, not one per annotation.
 * @param {string} text
 * @param {number[]} offsets UTF-16 offsets, in any order
 * @returns {Map<number, number>} offset → code point offset
 */
export function codePointOffsets(text, offsets) {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const out = new Map();
  let i = 0; // UTF-16 position reached
  let n = 0; // code points that start before i
  for (const offset of sorted) {
    const target = Math.max(0, Math.min(offset, text.length));
    for (; i < target; i++) {
      // The low half of a pair belongs to the code point its high half started.
      if (!(isLow(text.charCodeAt(i)) && i > 0 && isHigh(text.charCodeAt(i - 1)))) n++;
    }
    out.set(offset, n);
  }
  return out;
}

/** The contract document as pretty JSON. */
export function toContractJson(doc) {
  return JSON.stringify({ lang: doc.lang, annotations: doc.annotations }, null, 2);
}

function bodies(a) {
  if (a.kind === "entity") {
    return [
      { type: "TextualBody", purpose: "tagging", value: a.label },
      { type: "TextualBody", purpose: "identifying", value: `entity-${a.entity_id}` },
    ];
  }
  if (a.kind === "quote") {
    const out = [{ type: "TextualBody", purpose: "tagging", value: a.direct ? "quote" : "reported-speech" }];
    if (a.speaker) out.push({ type: "TextualBody", purpose: "describing", value: a.speaker.speaker_name || a.speaker.text });
    return out;
  }
  const out = [{ type: "TextualBody", purpose: "tagging", value: `claim:${a.reason}` }];
  if (a.explanation) out.push({ type: "TextualBody", purpose: "commenting", value: a.explanation, format: "text/plain" });
  return out;
}

// Who made the export (the model's `generator`): the software, with its version (the engine's) and homepage (the
// site the reader was loaded from, passed by the caller; else the project's repository, as in Cargo.toml).
export const GENERATOR_NAME = "article-annotator";
export const HOMEPAGE = "https://example.invalid/article-annotator";

/** A fresh urn:uuid IRI (crypto.randomUUID where there is one; else random bytes shaped as a version 4 UUID). */
export function uuidIri() {
  if (typeof globalThis.crypto?.randomUUID === "function") return `urn:uuid:${globalThis.crypto.randomUUID()}`;
  const b = globalThis.crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The annotations as a W3C Web Annotation collection (JSON-LD), complete as the model requires: the collection,
 * its page and every annotation have an `id` (urn:uuid IRIs: an export is a new set of annotations, and the page's
 * own address may be no IRI to hang fragments on, e.g. a pasted text), a `type`, a `generator` and a `created`
 * time; each target names its `source` and selects the text by quote and by position.
 * @param {{lang: string, annotations: object[]}} doc the contract document
 * @param {string} text the text the offsets refer to
 * @param {string} source IRI of the annotated resource
 * @param {{version?: string, homepage?: string, created?: Date, newId?: () => string}} [opts] the engine's version,
 *   the site's address; the time and the id maker (tests fix them)
 */
export function toWebAnnotation(doc, text, source, { version = "", homepage = HOMEPAGE, created = new Date(), newId = uuidIri } = {}) {
  const chars = Array.from(text);
  const cp = codePointOffsets(text, doc.annotations.flatMap((a) => [a.start, a.end]));
  const when = created.toISOString();
  const generator = { id: homepage, type: "Software", name: GENERATOR_NAME, homepage, ...(version ? { version } : {}) };
  const items = doc.annotations.map((a) => {
    const start = cp.get(a.start);
    const end = cp.get(a.end);
    return {
      id: newId(),
      type: "Annotation",
      motivation: a.kind === "claim" ? "assessing" : a.kind === "quote" ? "describing" : "tagging",
      created: when,
      generator: generator.id,
      body: bodies(a),
      target: {
        source,
        selector: [
          {
            type: "TextQuoteSelector",
            exact: a.text,
            prefix: chars.slice(Math.max(0, start - CONTEXT_CHARS), start).join(""),
            suffix: chars.slice(end, end + CONTEXT_CHARS).join(""),
          },
          { type: "TextPositionSelector", start, end },
        ],
      },
    };
  });
  const id = newId();
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    id,
    type: "AnnotationCollection",
    label: `article-annotator (${doc.lang})`,
    created: when,
    generator,
    total: items.length,
    first: { id: newId(), type: "AnnotationPage", partOf: id, startIndex: 0, items },
  };
}

/** Offers `content` as a file download. */
export function download(filename, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
