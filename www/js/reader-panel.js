// The side panel: entities grouped by entity_id (most mentioned first), quotations with their speakers, claims with
// their reasons and cues. Each entry is a button that goes to its annotation (an entity's button cycles through
// its mentions). Lists grow PAGE entries at a time ("show more"), so a 1 MB article does not build thousands of
// buttons at once.
import { el, excerpt } from "./dom.js";
import { labelName, reasonName, speakerOf } from "./reader-words.js";

const PAGE = 100;

/**
 * @param {{uiDoc: Document, t: object, id: string, items: object[]}} o painted annotations in text order
 * @param {(item: object) => void} onPick called with the annotation an entry stands for
 * @returns {HTMLElement}
 */
export function buildPanel({ uiDoc, t, id, items }, onPick) {
  const panel = el(uiDoc, "section", { "aria-labelledby": `${id}-panel` }, el(uiDoc, "h2", { id: `${id}-panel`, text: t.panel }));
  const entry = (label, meta, targets) => entryButton(uiDoc, label, meta, targets, onPick);
  panel.append(
    section(uiDoc, t, t.entities, entityGroups(items), t.none.entity, (g) =>
      entry(longestText(g), `${labelName(t, g[0].a)} · ${t.mentions(g.length)}`, g)),
    section(uiDoc, t, t.quotes, items.filter((it) => it.a.kind === "quote"), t.none.quote, (it) =>
      entry(t.q(excerpt(it.a.text)), `${t.speaker}${t.sep}${speakerOf(t, it.a)}${it.a.direct ? "" : ` (${t.indirect})`}`, [it])),
    section(uiDoc, t, t.claims, items.filter((it) => it.a.kind === "claim"), t.none.claim, (it) =>
      entry(excerpt(it.a.text), `${reasonName(t, it.a)} · ${t.cue}${t.sep}${t.q(it.a.cue ? it.a.cue.text : "")}`, [it])),
  );
  return panel;
}

/** Entity mentions grouped by entity_id: the most mentioned first, then in text order. */
function entityGroups(items) {
  const byEntity = new Map();
  for (const it of items) {
    if (it.a.kind !== "entity") continue;
    if (!byEntity.has(it.a.entity_id)) byEntity.set(it.a.entity_id, []);
    byEntity.get(it.a.entity_id).push(it);
  }
  return [...byEntity.values()].sort((x, y) => y.length - x.length || x[0].start - y[0].start);
}

/** The name an entity group is listed under: its longest mention. */
function longestText(group) {
  return group.reduce((best, it) => (it.a.text.length > best.length ? it.a.text : best), "");
}

/** A <details> listing `list` with `make`, PAGE entries at a time. */
function section(uiDoc, t, title, list, emptyText, make) {
  const det = el(uiDoc, "details", { open: true }, el(uiDoc, "summary", { text: `${title} (${list.length})` }));
  if (!list.length) det.append(el(uiDoc, "p", { className: "none", text: emptyText }));
  const ul = el(uiDoc, "ul");
  const more = el(uiDoc, "button", { type: "button", className: "more" });
  det.append(ul, more);
  let shown = 0;
  const fill = () => {
    for (const x of list.slice(shown, shown + PAGE)) ul.append(make(x));
    shown = Math.min(list.length, shown + PAGE);
    if (shown < list.length) more.textContent = t.more(list.length - shown);
    else more.remove();
  };
  more.addEventListener("click", () => {
    const first = ul.children.length;
    fill();
    ul.children[first]?.querySelector("button")?.focus();
  });
  fill();
  return det;
}

/** A list entry: a button with a label and a meta line; each click picks the next of `targets`. */
function entryButton(uiDoc, label, meta, targets, onPick) {
  let k = 0;
  const b = el(uiDoc, "button", { type: "button" }, el(uiDoc, "span", { text: label }), el(uiDoc, "span", { className: "meta", text: meta }));
  b.addEventListener("click", () => onPick(targets[k++ % targets.length]));
  return el(uiDoc, "li", {}, b);
}
