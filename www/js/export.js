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

/**
 * The annotations as a W3C Web Annotation collection (JSON-LD).
 * @param {{lang: string, annotations: object[]}} doc the contract document
 * @param {string} text the text the offsets refer to
 * @param {string} source IRI of the annotated resource
 */
export function toWebAnnotation(doc, text, source) {
  const chars = Array.from(text);
  const cp = codePointOffsets(text, doc.annotations.flatMap((a) => [a.start, a.end]));
  const items = doc.annotations.map((a, i) => {
    const start = cp.get(a.start);
    const end = cp.get(a.end);
    return {
      id: `${source.split("#")[0]}#annotation-${i}`,
      type: "Annotation",
      motivation: a.kind === "claim" ? "assessing" : a.kind === "quote" ? "describing" : "tagging",
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
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "AnnotationCollection",
    label: `article-annotator (${doc.lang})`,
    total: items.length,
    first: { type: "AnnotationPage", startIndex: 0, items },
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
