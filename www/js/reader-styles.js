// Styles of the reader UI (legend, navigation, panel, tooltip, focus marker). Adopted into the root
// node of the UI's host: the page's document on the site, a shadow root in the bookmarklet.
import { ENTITY_COLOURS, ENTITY_LINES, QUOTE_COLOUR, CLAIM_COLOUR, CLAIM_LINES } from "./highlight-styles.js";

const swatches = [
  ...Object.keys(ENTITY_COLOURS).map(
    (l) => `.swatch[data-layer="entity-${l}"] { background: ${ENTITY_COLOURS[l]}; color: #000;
      text-decoration: overline ${ENTITY_LINES[l]} #000 2px; }`,
  ),
  `.swatch[data-layer="quote"] { text-decoration: underline solid ${QUOTE_COLOUR} 2px; }`,
  ...Object.keys(CLAIM_LINES).map(
    (r) => `.swatch[data-layer="claim-${r}"] { text-decoration: underline ${CLAIM_LINES[r]} ${CLAIM_COLOUR} 2px;
      text-decoration-skip-ink: none; }`,
  ),
].join("\n");

export const READER_CSS = `
.annot-reader { font: 15px/1.45 system-ui, sans-serif; color: #1a1a1a; }
.annot-reader h2 { font-size: 1rem; margin: 1rem 0 .4rem; }
.annot-reader fieldset { border: 1px solid #767676; border-radius: 4px; margin: 0 0 .5rem; padding: .3rem .6rem .5rem; }
.annot-reader legend { font-weight: 600; padding: 0 .3rem; }
.annot-reader .toggle { display: flex; align-items: center; gap: .4rem; padding: .1rem 0; cursor: pointer; }
.annot-reader .toggle input { width: 1.1rem; height: 1.1rem; margin: 0; accent-color: #1f5fa8; }
.annot-reader .count { margin-left: auto; font-variant-numeric: tabular-nums; color: #3b3b3b; }
.annot-reader .swatch { display: inline-block; min-width: 2.2em; text-align: center; padding: 0 .2em; border: 1px solid #767676;
  border-radius: 2px; font-size: .85em; line-height: 1.5; background: #fff; }
${swatches}
.annot-reader .unsupported { margin: .5rem 0; padding: .5rem .7rem; border-left: 4px solid #1f5fa8; background: #eef4fc; color: #1a1a1a; }
.annot-reader .none, .annot-reader .note { color: #3b3b3b; font-style: italic; margin: .2rem 0; }
.annot-reader .nav { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .5rem 0; }
.annot-reader button, .annot-reader select { font: inherit; color: #1a1a1a; background: #f3f3f3; border: 1px solid #767676;
  border-radius: 4px; padding: .2rem .6rem; cursor: pointer; }
.annot-reader button:hover { background: #e4e4e4; }
.annot-reader :focus-visible { outline: 3px solid #1f5fa8; outline-offset: 2px; }
.annot-reader .status { min-height: 1.4em; margin: .2rem 0; color: #3b3b3b; }
.annot-reader .keys { font-size: .85em; color: #3b3b3b; margin: .2rem 0 .6rem; }
.annot-reader details { margin: .3rem 0; }
.annot-reader summary { font-weight: 600; cursor: pointer; padding: .2rem 0; }
.annot-reader ul { list-style: none; margin: 0; padding: 0; }
.annot-reader li { margin: .15rem 0; }
.annot-reader li button { width: 100%; text-align: left; background: #fff; border-color: #c4c4c4; display: block; }
.annot-reader li button:hover { background: #f0f4fa; }
.annot-reader .meta { display: block; font-size: .85em; color: #3b3b3b; }
.annot-reader .exports { margin: 1rem 0; }
.annot-reader .export-buttons { display: flex; flex-wrap: wrap; gap: .4rem; }
.annot-reader .copy-area { width: 100%; box-sizing: border-box; font: 13px/1.4 ui-monospace, monospace; margin-top: .4rem; }
.annot-reader .copy-area[hidden] { display: none; }
.annot-reader .summary h3 { font-size: .95rem; margin: .6rem 0 .25rem; }
.annot-reader .share-text { margin: .2rem 0; }
.annot-reader .share-bar { height: .5rem; border: 1px solid #767676; border-radius: 3px; background: #fff; overflow: hidden; }
.annot-reader .share-bar span { display: block; height: 100%; background: #1f5fa8; }
.annot-reader .summary li button, .annot-reader .summary li.inert { display: block; overflow-wrap: anywhere; }
.annot-reader .summary li span { margin-right: .5rem; }
.annot-reader .summary li.inert { padding: .2rem .6rem; border: 1px solid transparent; }
.annot-reader .summary .label { font-weight: 600; }
.annot-reader .summary .meta { display: inline; }
.annot-reader .summary .tag { font-size: .8em; border: 1px solid #767676; border-radius: 3px; padding: 0 .3em; color: #3b3b3b; }
.annot-reader .summary .where:empty { display: none; }
.annot-reader .visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.annot-reader .summary .where { float: right; margin: 0 0 0 .5rem; font-size: .85em; color: #3b3b3b; font-variant-numeric: tabular-nums; }
.annot-reader .summary ul.pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .3rem; }
.annot-reader .summary ul.pair li { margin: 0; }
.annot-tooltip { position: fixed; z-index: 2147483647; max-width: 22rem; background: #1a1a1a; color: #fff; border-radius: 6px;
  padding: .45rem .6rem; font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 2px 10px rgba(0,0,0,.3); pointer-events: none; }
.annot-tooltip[hidden] { display: none; }
.annot-tooltip section + section { border-top: 1px solid #8a8a8a; margin-top: .35rem; padding-top: .35rem; }
.annot-tooltip strong { display: block; }
.annot-tooltip .ex { font-style: italic; }
.annot-ring { position: fixed; z-index: 2147483646; pointer-events: none; outline: 3px solid #1a1a1a;
  box-shadow: 0 0 0 5px #fff; border-radius: 2px; }
.annot-ring.flash { animation: annot-flash .45s ease-in-out 3; }
@keyframes annot-flash { 50% { outline-color: #d61f1f; box-shadow: 0 0 0 8px #ffe14d; } }
@media (prefers-reduced-motion: reduce) { .annot-ring.flash { animation: none; outline-width: 5px; } }
.annot-marker { position: fixed; z-index: 2147483646; opacity: 0; pointer-events: none; padding: 0; border: 0; margin: 0; }
@media (forced-colors: active) {
  .annot-reader .share-bar span { background: Highlight; }
  .annot-ring { outline-color: Highlight; box-shadow: none; }
  .annot-tooltip { border: 2px solid CanvasText; background: Canvas; color: CanvasText; }
}
`;
