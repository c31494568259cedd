// Test double (see ../README.md): same exports as the real module's that the bookmarklet uses.
export const HIGHLIGHT_CSS = "::highlight(annot-entity) { background-color: #ffe08a; color: #000; }";

const counts = new Map();

/** Counted, as the real one: adopting twice adds one sheet, removed when every remover has run. */
export function adoptHighlightStyles(doc = document) {
  let entry = counts.get(doc);
  if (!entry) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(HIGHLIGHT_CSS);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    entry = { n: 0, sheet };
    counts.set(doc, entry);
  }
  entry.n++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--entry.n === 0) {
      counts.delete(doc);
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== entry.sheet);
    }
  };
}
