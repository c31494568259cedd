// Styles of the painted layers, for the article's document (not the UI's shadow root):
// ::highlight() rules only apply from the document that owns the text. Adopt them with
// adoptHighlightStyles(document): a constructable stylesheet leaves the DOM serialisation untouched.
//
// One treatment per layer, so overlaps stay readable and nothing relies on colour alone:
//   entities  background (mid-tone, >= 3:1 against white; text forced to black, >= 6.5:1)
//             + an overline whose style names the label (solid PER, double ORG, dotted LOC, dashed DATE, wavy MISC)
//   quotes    solid underline, 2px
//   claims    underline whose style names the reason (wavy, dotted, dashed), 2px
// The <mark data-annot> fallback (no Highlight API) uses the same colours, with box-shadow/border for the
// underlines so that several layers on one mark combine.

/** Background colours of the entity labels (each >= 3:1 against #fff; black text on them >= 6.5:1). */
export const ENTITY_COLOURS = {
  PER: "#d67a1f",
  ORG: "#4494e4",
  LOC: "#3fa34d",
  DATE: "#b870eb",
  MISC: "#919191",
};

/** Overline style per entity label (the non-colour cue). */
export const ENTITY_LINES = { PER: "solid", ORG: "double", LOC: "dotted", DATE: "dashed", MISC: "wavy" };

export const QUOTE_COLOUR = "#1f5fa8"; // 6.4:1 against #fff
export const CLAIM_COLOUR = "#b3261e"; // 6.5:1 against #fff

/** Underline style per claim reason (the non-colour cue within claims). */
export const CLAIM_LINES = {
  conditional: "wavy",
  hedge: "dotted",
  single_source: "dashed",
  claimed: "wavy",
  unconfirmed: "dotted",
  anonymous_source: "dashed",
  no_response: "dotted",
};

function entityRules(label) {
  const bg = ENTITY_COLOURS[label];
  const line = ENTITY_LINES[label];
  return `
::highlight(annot-entity-${label}) {
  background-color: ${bg}; color: #000;
  text-decoration-line: overline; text-decoration-style: ${line}; text-decoration-color: #000;
  text-decoration-thickness: 2px;
}
mark[data-annot~="entity-${label}"] {
  background-color: ${bg}; color: #000;
  text-decoration-line: overline; text-decoration-style: ${line}; text-decoration-color: #000;
  text-decoration-thickness: 2px;
}`;
}

function claimRules(reason) {
  const line = CLAIM_LINES[reason];
  const border = line === "wavy" ? "double" : line;
  return `
::highlight(annot-claim-${reason}) {
  text-decoration-line: underline; text-decoration-style: ${line}; text-decoration-color: ${CLAIM_COLOUR};
  text-decoration-thickness: 2px; text-decoration-skip-ink: none;
}
mark[data-annot~="claim-${reason}"] { border-bottom: 3px ${border} ${CLAIM_COLOUR}; }`;
}

/** The stylesheet text: ::highlight() rules, the <mark> fallback, forced-colours mode. */
export const HIGHLIGHT_CSS = `
mark[data-annot] { background: transparent; color: inherit; padding: 0; }
${Object.keys(ENTITY_COLOURS).map(entityRules).join("\n")}
::highlight(annot-quote) {
  text-decoration-line: underline; text-decoration-style: solid; text-decoration-color: ${QUOTE_COLOUR};
  text-decoration-thickness: 2px;
}
mark[data-annot~="quote"] { box-shadow: inset 0 -2px 0 ${QUOTE_COLOUR}; }
${Object.keys(CLAIM_LINES).map(claimRules).join("\n")}
@media (forced-colors: active) {
  ${Object.keys(ENTITY_COLOURS)
    .map((l) => `::highlight(annot-entity-${l}), mark[data-annot~="entity-${l}"] { background-color: Mark; color: MarkText; text-decoration-color: MarkText; }`)
    .join("\n  ")}
  ::highlight(annot-quote) { text-decoration-color: LinkText; }
  mark[data-annot~="quote"] { box-shadow: none; text-decoration: underline solid LinkText 2px; }
  ${Object.keys(CLAIM_LINES)
    .map((r) => `::highlight(annot-claim-${r}) { text-decoration-color: CanvasText; } mark[data-annot~="claim-${r}"] { border-bottom-color: CanvasText; }`)
    .join("\n  ")}
}
`;

const adopted = new WeakMap(); // root → Map(css → {count, remove})

/**
 * Adds the stylesheet `css` to `root` (a Document or ShadowRoot) through adoptedStyleSheets, or a
 * <style data-annot-ui> element where constructable stylesheets are missing. Counted: adopting the
 * same text twice adds it once, and it goes when every caller has called its remover. (Adding or
 * removing a sheet restyles the whole page, which takes ~100 ms on a 1 MB article: keep one.)
 * @returns {() => void} the remover
 */
export function adoptStyles(root, css) {
  let sheets = adopted.get(root);
  if (!sheets) adopted.set(root, (sheets = new Map()));
  let entry = sheets.get(css);
  if (!entry) {
    const view = (root.defaultView || root.ownerDocument?.defaultView || globalThis);
    let remove;
    if ("adoptedStyleSheets" in root && view.CSSStyleSheet && "replaceSync" in view.CSSStyleSheet.prototype) {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      remove = () => { root.adoptedStyleSheets = root.adoptedStyleSheets.filter((s) => s !== sheet); };
    } else {
      const style = (root.ownerDocument || root).createElement("style");
      style.setAttribute("data-annot-ui", "");
      style.textContent = css;
      (root.head || root).appendChild(style);
      remove = () => style.remove();
    }
    entry = { count: 0, remove };
    sheets.set(css, entry);
  }
  entry.count++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (--entry.count === 0) {
      sheets.delete(css);
      entry.remove();
    }
  };
}

/** Adds the highlight stylesheet to `doc` (Document or ShadowRoot); returns its remover. */
export function adoptHighlightStyles(doc = document) {
  return adoptStyles(doc, HIGHLIGHT_CSS);
}
