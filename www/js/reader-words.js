// How the reading interface names things: layers, labels, reasons, speakers, and an annotation in one line or in a
// tooltip. Lookups go through `own` so that a document's odd values ("constructor", "__proto__") are shown as
// they are, never resolved to something inherited.
import { own } from "./i18n.js";
import { el, excerpt } from "./dom.js";
import { ENTITY_COLOURS, CLAIM_LINES } from "./highlight-styles.js";

/** The legend's groups: [kind, title, layers]. */
export function layerGroups(t) {
  return [
    ["entity", t.entities, Object.keys(ENTITY_COLOURS).map((l) => `entity-${l}`)],
    ["quote", t.quotes, ["quote"]],
    ["claim", t.claims, Object.keys(CLAIM_LINES).map((r) => `claim-${r}`)],
  ];
}

/** "entity-PER" → "Personne", "claim-hedge" → "Prudence", "quote" → "Citation". */
export function layerName(t, layer) {
  const [kind, sub] = layer.split(/-(.*)/s);
  if (kind === "entity") return own(t.label, sub);
  if (kind === "claim") return own(t.reason, sub);
  return t.quote;
}

export const labelName = (t, a) => own(t.label, a.label);
export const reasonName = (t, a) => own(t.reason, a.reason);
export const speakerOf = (t, a) => (a.speaker ? a.speaker.speaker_name || a.speaker.text : t.unattributed);

/** One line for annotation `a` (the focus marker's label, the status line). */
export function plain(t, a) {
  if (a.kind === "entity") return `${labelName(t, a)}${t.sep}${a.text}`;
  if (a.kind === "quote") return `${t.quote} (${speakerOf(t, a)})${t.sep}${excerpt(a.text, 60)}`;
  return `${reasonName(t, a)}${t.sep}${excerpt(a.text, 60)}`;
}

/** The tooltip's section for annotation `a`. */
export function describe(uiDoc, t, a) {
  const s = el(uiDoc, "section");
  if (a.kind === "entity") {
    s.append(el(uiDoc, "strong", { text: `${labelName(t, a)} (${a.label})` }), el(uiDoc, "span", { text: a.text }));
  } else if (a.kind === "quote") {
    s.append(
      el(uiDoc, "strong", { text: `${t.quote}${a.direct ? "" : ` (${t.indirect})`}` }),
      el(uiDoc, "span", { text: `${t.speaker}${t.sep}${speakerOf(t, a)}` }),
    );
  } else {
    s.append(el(uiDoc, "strong", { text: reasonName(t, a) }));
    if (a.cue) s.append(el(uiDoc, "div", { text: `${t.cue}${t.sep}${t.q(a.cue.text)}` }));
    if (a.source) s.append(el(uiDoc, "div", { text: `${t.source}${t.sep}${a.source.text}` }));
    if (a.explanation) s.append(el(uiDoc, "div", { className: "ex", text: a.explanation }));
  }
  return s;
}
