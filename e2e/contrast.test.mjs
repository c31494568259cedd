// The highlight colours meet WCAG contrast: text under an entity background >= 4.5:1 (the text is
// black there), every highlight colour >= 3:1 against the page (#fff), the line colours too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { ENTITY_COLOURS, QUOTE_COLOUR, CLAIM_COLOUR, HIGHLIGHT_CSS } from "../www/js/highlight-styles.js";

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const PAGE = "#ffffff";

test("entity backgrounds: >= 3:1 against the page, black text on them >= 4.5:1", () => {
  for (const [label, bg] of Object.entries(ENTITY_COLOURS)) {
    assert.ok(contrast(bg, PAGE) >= 3, `${label} ${bg} vs page: ${contrast(bg, PAGE).toFixed(2)}`);
    assert.ok(contrast(bg, "#000000") >= 4.5, `${label} text: ${contrast(bg, "#000000").toFixed(2)}`);
    // The stylesheet really sets black text on it.
    assert.match(HIGHLIGHT_CSS, new RegExp(`::highlight\\(annot-entity-${label}\\) \\{\\s*background-color: ${bg}; color: #000;`));
  }
});

test("quote and claim lines: >= 3:1 against the page; quoted text keeps the page's colours", () => {
  for (const c of [QUOTE_COLOUR, CLAIM_COLOUR]) assert.ok(contrast(c, PAGE) >= 3, `${c}: ${contrast(c, PAGE).toFixed(2)}`);
  assert.ok(contrast("#1a1a1a", PAGE) >= 4.5);
  assert.doesNotMatch(HIGHLIGHT_CSS, /::highlight\(annot-(quote|claim-[a-z_]+)\) \{[^}]*background/);
});
