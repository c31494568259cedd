// Test double of the wasm engine's JS API (see ../README.md).
const NAMES = ["annot-entity"];
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE"]);

export default async function init() {
  // The smallest valid module: compiling it is what a CSP without 'wasm-unsafe-eval' refuses.
  await WebAssembly.instantiate(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
}

function textNodes(root) {
  const out = [];
  const walk = (n) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) out.push(c);
      else if (c.nodeType === 1 && !SKIP.has(c.tagName) && c.checkVisibility()) walk(c);
    }
  };
  walk(root);
  return out;
}

export function extractText(root) {
  return textNodes(root).map((t) => t.data).join("");
}

export function annotate(text, { lang } = {}) {
  const annotations = [];
  for (const m of text.matchAll(/\p{Lu}\p{Ll}{2,}/gu)) {
    annotations.push({ kind: "entity", label: "MISC", start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return { lang: lang ?? "en", annotations };
}

export function highlight(root, doc, { mode } = {}) {
  const nodes = textNodes(root);
  const { annotations } = doc;
  const ranges = [];
  let base = 0;
  let i = 0;
  for (const t of nodes) {
    const end = base + t.data.length;
    while (i < annotations.length && annotations[i].end <= end) {
      const a = annotations[i++];
      if (a.start < base) continue;
      const r = root.ownerDocument.createRange();
      r.setStart(t, a.start - base);
      r.setEnd(t, a.end - base);
      ranges.push(r);
    }
    base = end;
  }
  CSS.highlights.set(NAMES[0], new Highlight(...ranges));
  return {
    painted: ranges.length,
    unmatched: annotations.length - ranges.length,
    mode: mode ?? "highlight-api",
    counts: { "entity-MISC": ranges.length },
  };
}

export function clear() {
  for (const n of NAMES) CSS.highlights.delete(n);
}
