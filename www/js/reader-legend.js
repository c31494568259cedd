// The legend: per group (entities, quotations, claims), one toggle per layer present with its count, or a line
// saying the group is empty; and the navigation's layer choice, built from the same groups.
import { el } from "./dom.js";
import { layerGroups, layerName } from "./reader-words.js";

/**
 * @param {{uiDoc: Document, t: object, id: string, counts: object, unmatched: number}} o
 * @param {(layer: string, visible: boolean) => void} onToggle
 * @returns {HTMLElement}
 */
export function buildLegend({ uiDoc, t, id, counts, unmatched }, onToggle) {
  const legend = el(uiDoc, "section", { "aria-labelledby": `${id}-legend` }, el(uiDoc, "h2", { id: `${id}-legend`, text: t.legend }));
  for (const [kind, title, layers] of layerGroups(t)) {
    const fs = el(uiDoc, "fieldset", {}, el(uiDoc, "legend", { text: title }));
    const present = layers.filter((l) => counts[l]);
    if (!present.length) fs.append(el(uiDoc, "p", { className: "none", text: t.none[kind] }));
    for (const layer of present) fs.append(layerToggle(uiDoc, t, kind, layer, counts[layer], onToggle));
    legend.append(fs);
  }
  if (unmatched) legend.append(el(uiDoc, "p", { className: "note", text: t.unmatched(unmatched) }));
  return legend;
}

function layerToggle(uiDoc, t, kind, layer, count, onToggle) {
  const box = el(uiDoc, "input", { type: "checkbox", checked: true, "data-layer": layer });
  box.addEventListener("change", () => onToggle(layer, box.checked));
  const swatchText = kind === "entity" ? layer.slice("entity-".length) : "abc";
  return el(uiDoc, "label", { className: "toggle" }, box,
    el(uiDoc, "span", { className: "swatch", "data-layer": layer, "aria-hidden": "true", text: swatchText }),
    el(uiDoc, "span", { text: layerName(t, layer) }),
    el(uiDoc, "span", { className: "count", text: String(count) }));
}

/** The navigation's <select>: all, then each group present and its layers. */
export function buildLayerSelect({ uiDoc, t, id, counts }) {
  const select = el(uiDoc, "select", { id: `${id}-nav` });
  select.append(el(uiDoc, "option", { value: "all", text: t.all }));
  for (const [kind, title, layers] of layerGroups(t)) {
    if (!layers.some((l) => counts[l])) continue;
    select.append(el(uiDoc, "option", { value: kind, text: title }));
    for (const l of layers) if (counts[l]) select.append(el(uiDoc, "option", { value: l, text: `— ${layerName(t, l)}` }));
  }
  return select;
}
