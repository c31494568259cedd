// The sourcing summary (the engine's `summarize`: who is quoted, named and unnamed sources, claims by reason, the
// share of sentences carrying an attribution). Each line is a button stepping through its annotations in the
// text, one per click, through the same current-annotation machinery as the panel (onPick).
import { el } from "./dom.js";
import { own } from "./i18n.js";
import { percent } from "./export-table.js";

// Speakers listed before a "show more" button.
const SPEAKERS_SHOWN = 12;

/**
 * @param {{uiDoc: Document, t: object, id: string, items: object[]}} o painted annotations (item.i = index in doc)
 * @param {object} summary what engine.summarize returned
 * @param {(item: object) => void} onPick called with the annotation to go to
 * @returns {HTMLElement}
 */
export function buildSummary({ uiDoc, t, id, items }, summary, onPick) {
  const byIndex = new Map(items.map((it) => [it.i, it]));
  const line = (label, meta, indices, extra) => stepLine(uiDoc, t, label, meta, indices.map((i) => byIndex.get(i)).filter(Boolean), onPick, extra);
  const { attributed_sentences: k, sentences: n } = summary;
  const share = percent(k, n);
  const head = el(uiDoc, "h2", { id: `${id}-sum`, text: t.sourcing });
  // Width through the CSSOM, never a style attribute: pages with a strict style-src refuse those.
  const fill = el(uiDoc, "span");
  fill.style.width = `${share}%`;
  const meter = el(uiDoc, "div", { className: "share" },
    el(uiDoc, "p", { className: "share-text", text: t.attributedShare(k, n, share) }),
    el(uiDoc, "div", { className: "share-bar", "aria-hidden": "true" }, fill));

  const quoted = el(uiDoc, "ul");
  const speakerLine = (s) => {
    const meta = [s.direct && t.direct(s.direct), s.reported && t.reported(s.reported)].filter(Boolean).join(" · ");
    return line(s.label, meta, s.annotations, s.named ? null : t.unnamedMark);
  };
  // The most quoted first; a long tail (a long article quotes hundreds of people) waits for "show more".
  quoted.append(...summary.speakers.slice(0, SPEAKERS_SHOWN).map(speakerLine));
  const rest = summary.speakers.slice(SPEAKERS_SHOWN);
  if (rest.length) {
    const more = el(uiDoc, "button", { type: "button", className: "more", text: t.more(rest.length) });
    const item = el(uiDoc, "li", {}, more);
    more.addEventListener("click", () => {
      const lines = rest.map(speakerLine);
      item.replaceWith(...lines);
      lines[0].querySelector("button")?.focus();
    });
    quoted.append(item);
  }
  if (summary.unattributed_quotes.count) {
    quoted.append(line(t.unattributedQuotes, String(summary.unattributed_quotes.count), summary.unattributed_quotes.annotations));
  }
  const sources = el(uiDoc, "ul", { className: "pair" },
    line(t.namedSources, String(summary.named_sources.count), summary.named_sources.annotations),
    line(t.unnamedSources, String(summary.unnamed_sources.count), summary.unnamed_sources.annotations));
  const claims = el(uiDoc, "ul");
  for (const c of summary.claims) claims.append(line(own(t.reason, c.reason), String(c.count), c.annotations));

  const group = (title, list, empty) =>
    el(uiDoc, "div", { className: "sum-group" }, el(uiDoc, "h3", { text: title }),
      list.children.length ? list : el(uiDoc, "p", { className: "none", text: empty }));
  return el(uiDoc, "section", { className: "summary", "aria-labelledby": head.id }, head, meter,
    group(t.quoted, quoted, t.none.quote),
    el(uiDoc, "div", { className: "sum-group" }, el(uiDoc, "h3", { text: t.sourcesHead }), sources),
    group(t.claimsByReason, claims, t.none.claim));
}

/**
 * One summary line: a button with the label, an optional "unnamed" tag and a meta line (the counts); each click
 * goes to the next of `targets` and says which one it is ("2 of 5"). Without painted targets it is plain text.
 */
function stepLine(uiDoc, t, label, meta, targets, onPick, tag) {
  const parts = [el(uiDoc, "span", { className: "label", text: label })];
  if (tag) parts.push(el(uiDoc, "span", { className: "tag", text: tag }));
  const metaSpan = el(uiDoc, "span", { className: "meta", text: meta });
  if (!targets.length) return el(uiDoc, "li", { className: "inert" }, ...parts, metaSpan);
  const where = el(uiDoc, "span", { className: "where" });
  // What a click does, for screen readers: after the visible words, so the button's name still starts with them.
  const hint = el(uiDoc, "span", { className: "visually-hidden", text: t.stepThrough(targets.length) });
  const b = el(uiDoc, "button", { type: "button" }, ...parts, metaSpan, where, hint);
  let k = 0;
  b.addEventListener("click", () => {
    const i = k++ % targets.length;
    where.textContent = t.position(i + 1, targets.length);
    onPick(targets[i]);
  });
  return el(uiDoc, "li", {}, b);
}
