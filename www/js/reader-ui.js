// The reading interface: legend with one toggle per layer, step-through navigation, side panel,
// tooltips on hover and on keyboard focus, exports. Mounted by the site (www/main.js) into an <aside>
// and by the bookmarklet into a shadow root. Text always goes in through textContent.
//
// Rooms: reader-summary.js (the sourcing summary), reader-legend.js (legend, layer choice), reader-panel.js (side
// panel), reader-words.js (names and descriptions), reader-keys.js (which keys are ours), dom.js, export.js and
// export-table.js (what the export buttons make); here, the mount and what ties them together: the current
// annotation (focus marker, rings, tooltip), stepping, hover, keys, export buttons.
import { browserLang, languageName, strings, uiLang } from "./i18n.js";
import { adoptHighlightStyles, adoptStyles } from "./highlight-styles.js";
import { READER_CSS } from "./reader-styles.js";
import { toContractJson, toWebAnnotation, download } from "./export.js";
import { annotationsCsv, annotationsText, summaryCsv, summaryText } from "./export-table.js";
import { el } from "./dom.js";
import { isTyping } from "./reader-keys.js";
import { buildLayerSelect, buildLegend } from "./reader-legend.js";
import { buildPanel } from "./reader-panel.js";
import { buildSummary } from "./reader-summary.js";
import { describe, plain } from "./reader-words.js";

let uid = 0;
// How long a ring flashes after a jump from the panel.
const FLASH_MS = 1400;

/** Adds the reader UI's stylesheet to `root` (Document or ShadowRoot); returns its remover. */
export function adoptReaderStyles(root) {
  return adoptStyles(root, READER_CSS);
}

/**
 * Mounts the reading interface.
 * @param {object} o
 * @param {Element|ShadowRoot} o.host where the legend, navigation, panel and tooltip go
 * @param {Element} o.articleRoot the element holding the article text
 * @param {object} o.engine the wasm module namespace (already initialised): annotate, extractText, highlight, clear, setLayerVisible
 * @param {string} [o.lang] interface language ("fr" | "en"); defaults to the document's language
 * @param {object} [o.doc] an annotation document for extractText(articleRoot); annotated here when absent
 * @param {object} [o.result] what engine.highlight returned for doc, when the caller painted it (e.g. in slices)
 * @param {object} [o.summary] engine.summarize(text, doc), when the caller has it (e.g. from its worker)
 * @param {string} [o.text] extractText(articleRoot), when the caller has it
 * @param {string} [o.source] IRI of the article, for the Web Annotation export
 * @param {string} [o.name] base name of exported files
 * @param {"auto"|"highlight-api"|"wrap"} [o.mode] painting mode
 * @returns {{destroy(): void, doc: object, result: object, text: string, summary: object|null, exportJson(): string,
 *   exportWebAnnotation(): object, exportCsv(): {summary: string|null, annotations: string}, next(): void, previous(): void}}
 */
export function mountReader({ host, articleRoot, engine, lang, doc, result, text, summary, source, name = "article", mode = "auto" }) {
  const page = articleRoot.ownerDocument;
  text ??= engine.extractText(articleRoot);
  if (!doc) doc = engine.annotate(text, { lang: lang || "auto" });
  const undo = [adoptHighlightStyles(page), adoptReaderStyles(host.getRootNode ? host.getRootNode() : host)];
  result ||= engine.highlight(articleRoot, doc, { mode });
  undo.push(() => engine.clear());
  summary ??= summarize(engine, text, doc);

  const language = uiLang(lang || (doc.unsupported_language ? browserLang() : doc.lang));
  const r = {
    page, view: page.defaultView, uiDoc: host.ownerDocument || host, articleRoot, engine, doc, result,
    t: strings(language), id: `annot-${++uid}`, items: paintedItems(doc, result), hidden: new Set(), undo,
  };
  const ui = el(r.uiDoc, "div", { className: "annot-reader", "data-annot-ui": true, lang: language });
  const tooltip = createTooltip(r);
  const focus = createFocus(r, tooltip);
  const nav = createNavigation(r, focus);
  const legend = buildLegend({ ...r, counts: result.counts, unmatched: result.unmatched }, (layer, visible) => {
    if (visible) r.hidden.delete(layer);
    else r.hidden.add(layer);
    engine.setLayerVisible(layer, visible);
    if (focus.current && r.hidden.has(focus.current.layer)) focus.set(null);
  });
  // n / p go on within the layer of what was chosen (the panel's entries, the summary's lines).
  const panel = buildPanel(r, (it) => pick(it));
  const pick = (it) => {
    if (!nav.list().includes(it)) nav.select.value = it.a.kind;
    focus.goTo(it, { flash: true, focus: true });
  };
  const src = source || r.view.location.href;
  const exportJson = () => toContractJson(doc);
  const exportWebAnnotation = () =>
    toWebAnnotation(doc, text, src, { version: engineVersion(engine), homepage: new URL("../index.html", import.meta.url).href });
  const exportCsv = () => ({ summary: summary && summaryCsv(summary), annotations: annotationsCsv(doc) });
  ui.append(
    ...unsupportedNotice(r, language), ...(summary ? [buildSummary(r, summary, pick)] : []), legend, nav.section, panel,
    exportButtons(r, name, { exportJson, exportWebAnnotation, exportCsv, summary, doc }),
    tooltip.el, focus.marker, focus.rings,
  );
  host.append(ui);
  undo.push(() => ui.remove());
  listenToPage(r, focus, tooltip, nav);

  return {
    doc,
    result,
    text,
    summary,
    exportJson,
    exportWebAnnotation,
    exportCsv,
    next: () => nav.step(1),
    previous: () => nav.step(-1),
    destroy() {
      for (const f of undo.splice(0).reverse()) f();
    },
  };
}

/** The painted annotations in text order: {i (index in doc.annotations), a, layer, start, end}. */
function paintedItems(doc, result) {
  const items = [];
  doc.annotations.forEach((a, i) => {
    if (result.ranges[i]) items.push({ i, a, layer: result.layers[i], start: result.offsets[i][0], end: result.offsets[i][1] });
  });
  return items.sort((x, y) => x.start - y.start || y.end - x.end || x.i - y.i);
}

/** A line saying the text is in a language we do not read (contract field `unsupported_language`), if it is. */
function unsupportedNotice({ uiDoc, t, doc }, language) {
  if (!doc.unsupported_language) return [];
  const text = t.unsupported(languageName(doc.unsupported_language, language));
  return [el(uiDoc, "p", { className: "unsupported", role: "status", text })];
}

/**
 * The sourcing summary from the engine, or null when it has none to give (an engine built before `summarize`, or a
 * loaded document it cannot read): the rest of the interface works without it.
 */
function summarize(engine, text, doc) {
  if (typeof engine.summarize !== "function") return null;
  try {
    return engine.summarize(text, doc);
  } catch {
    return null;
  }
}

function engineVersion(engine) {
  try {
    return typeof engine.version === "function" ? String(engine.version()) : "";
  } catch {
    return "";
  }
}

/** The export buttons: files (JSON, JSON-LD, CSV) and the clipboard (plain text), with a status line. */
function exportButtons(r, name, { exportJson, exportWebAnnotation, exportCsv, summary, doc }) {
  const { uiDoc, t, id } = r;
  const status = el(uiDoc, "p", { className: "status", role: "status", "aria-live": "polite" });
  const area = el(uiDoc, "textarea", { className: "copy-area", readonly: true, rows: 6, "aria-label": t.copyArea, hidden: true });
  const button = (text, onClick) => {
    const b = el(uiDoc, "button", { type: "button", text });
    b.addEventListener("click", onClick);
    return b;
  };
  const copy = async (text) => {
    area.hidden = true;
    try {
      await r.view.navigator.clipboard.writeText(text);
      status.textContent = t.copied;
    } catch {
      // No clipboard here (an insecure page, a refused permission): the text, selected, for the reader to copy.
      area.value = text;
      area.hidden = false;
      area.focus();
      area.select();
      status.textContent = t.copyFailed;
    }
  };
  const buttons = [
    button(t.exportJson, () => download(`${name}.annotations.json`, exportJson(), "application/json")),
    button(t.exportJsonLd, () =>
      download(`${name}.annotations.jsonld`, JSON.stringify(exportWebAnnotation(), null, 2), "application/ld+json")),
    button(t.exportCsvAnnotations, () => download(`${name}.annotations.csv`, exportCsv().annotations, "text/csv")),
    button(t.copyAnnotations, () => copy(annotationsText(t, doc))),
  ];
  if (summary) {
    buttons.splice(2, 0, button(t.exportCsvSummary, () => download(`${name}.summary.csv`, exportCsv().summary, "text/csv")));
    buttons.push(button(t.copySummary, () => copy(summaryText(t, summary))));
  }
  return el(uiDoc, "section", { className: "exports", "aria-labelledby": `${id}-exp` },
    el(uiDoc, "h2", { id: `${id}-exp`, text: t.exports }), el(uiDoc, "div", { className: "export-buttons" }, ...buttons), status, area);
}

/** The tooltip: describes a list of annotations near a point, kept inside the viewport. */
function createTooltip({ uiDoc, view, t, id }) {
  const tip = el(uiDoc, "div", { className: "annot-tooltip", role: "tooltip", id: `${id}-tip`, hidden: true });
  const hide = () => {
    tip.hidden = true;
  };
  const show = (list, x, y) => {
    if (!list.length) return hide();
    tip.replaceChildren(...list.map((it) => describe(uiDoc, t, it.a)));
    tip.hidden = false;
    const w = tip.offsetWidth;
    const h = tip.offsetHeight;
    tip.style.left = `${Math.max(4, Math.min(x, view.innerWidth - w - 4))}px`;
    tip.style.top = `${y + 14 + h < view.innerHeight ? y + 14 : Math.max(4, y - h - 14)}px`;
  };
  return { el: tip, show, hide, get shown() { return !tip.hidden; } };
}

/**
 * The current annotation: a focusable marker over it (so keyboard users reach it and screen readers read it), a
 * ring around its boxes (flashing after a jump from the panel) and its tooltip.
 */
function createFocus(r, tooltip) {
  const { uiDoc, id, result, t } = r;
  const marker = el(uiDoc, "button", { type: "button", className: "annot-marker", hidden: true, "aria-describedby": `${id}-tip` });
  const rings = el(uiDoc, "div", { "aria-hidden": "true" });
  const rangeOf = (it) => result.ranges[it.i];
  const f = { marker, rings, current: null, rangeOf, status: null, position: () => "" };
  let flashUntil = 0;
  // In a shadow root (the bookmarklet), document.activeElement is the shadow host.
  f.markerFocused = () => marker.getRootNode().activeElement === marker;
  /** Rings around the current annotation's boxes; returns its first box. */
  f.placeRings = (flash) => {
    rings.replaceChildren();
    if (!f.current) return undefined;
    // Scrolling re-places the rings: a flash still running goes on.
    if (flash) flashUntil = performance.now() + FLASH_MS;
    else flash = performance.now() < flashUntil;
    const rects = [...rangeOf(f.current).getClientRects()].filter((b) => b.width > 0 && b.height > 0);
    for (const b of rects) {
      const d = el(uiDoc, "div", { className: flash ? "annot-ring flash" : "annot-ring" });
      Object.assign(d.style, { left: `${b.left - 2}px`, top: `${b.top - 1}px`, width: `${b.width + 4}px`, height: `${b.height + 2}px` });
      rings.append(d);
    }
    const first = rects[0];
    if (first) Object.assign(marker.style, { left: `${first.left}px`, top: `${first.top}px`, width: `${first.width}px`, height: `${first.height}px` });
    return first;
  };
  f.set = (it, { flash = false, focus = false } = {}) => {
    f.current = it;
    if (!flash) flashUntil = 0;
    if (!it) {
      rings.replaceChildren();
      marker.hidden = true;
      tooltip.hide();
      return;
    }
    marker.setAttribute("aria-label", plain(t, it.a));
    marker.hidden = false;
    const box = f.placeRings(flash);
    f.status.textContent = `${plain(t, it.a)}${f.position(it)}`;
    if (box) tooltip.show([it], box.left, box.bottom - 10);
    if (focus) marker.focus({ preventScroll: true });
  };
  f.goTo = (it, opts) => {
    const node = rangeOf(it).startContainer;
    (node.nodeType === 1 ? node : node.parentElement)?.scrollIntoView({ block: "center", behavior: "instant" });
    f.set(it, opts);
  };
  marker.addEventListener("focus", () => {
    const box = f.current && rangeOf(f.current).getClientRects()[0];
    if (box) tooltip.show([f.current], box.left, box.bottom - 10);
  });
  marker.addEventListener("blur", () => tooltip.hide());
  return f;
}

/** Step-through: the layer choice, previous / next buttons, the status line, and `step(±1)` for keys. */
function createNavigation(r, focus) {
  const { uiDoc, t, id, items, hidden } = r;
  const select = buildLayerSelect({ ...r, counts: r.result.counts });
  const prevBtn = el(uiDoc, "button", { type: "button", text: `◀ ${t.prev}` });
  const nextBtn = el(uiDoc, "button", { type: "button", text: `${t.next} ▶` });
  const status = el(uiDoc, "p", { className: "status", role: "status", "aria-live": "polite" });
  const section = el(uiDoc, "section", { "aria-labelledby": `${id}-navh` },
    el(uiDoc, "h2", { id: `${id}-navh`, text: t.navigate }),
    el(uiDoc, "div", { className: "nav" }, el(uiDoc, "label", { for: `${id}-nav`, text: t.layer }), select, prevBtn, nextBtn),
    status, el(uiDoc, "p", { className: "keys", text: t.keys }));
  /** The visible annotations of the chosen layer (or group, or all). */
  const list = () => {
    const v = select.value;
    return items.filter((it) => !hidden.has(it.layer) && (v === "all" || it.layer === v || it.layer.startsWith(`${v}-`)));
  };
  const step = (dir) => {
    const l = list();
    if (!l.length) {
      focus.set(null);
      status.textContent = t.noHighlight;
      return;
    }
    const next = l[(indexFrom(l, focus.current, dir) + dir + l.length) % l.length];
    focus.goTo(next, { flash: false, focus: true });
  };
  focus.status = status;
  focus.position = (it) => {
    const l = list();
    const pos = l.indexOf(it);
    return pos < 0 ? "" : ` — ${t.position(pos + 1, l.length)}`;
  };
  prevBtn.addEventListener("click", () => step(-1));
  nextBtn.addEventListener("click", () => step(1));
  select.addEventListener("change", () => focus.set(null));
  return { section, select, list, step };
}

/**
 * Where stepping by `dir` starts from in `list`: the current annotation's index, or, when it is not in the list
 * (another layer), the place of its start in the text.
 */
function indexFrom(list, current, dir) {
  if (!current) return -1;
  let k = list.indexOf(current);
  if (k >= 0) return k;
  k = dir > 0 ? list.findIndex((it) => it.start > current.start) - 1 : list.findIndex((it) => it.start >= current.start);
  if (k < -1) k = dir > 0 ? list.length - 1 : 0;
  return k;
}

/** The visible annotations under the point (x, y), the smallest first. */
function annotationsAt(r, x, y) {
  const { page, articleRoot, items, hidden, result } = r;
  let node;
  let off;
  if (page.caretPositionFromPoint) {
    const p = page.caretPositionFromPoint(x, y);
    if (p) [node, off] = [p.offsetNode, p.offset];
  } else if (page.caretRangeFromPoint) {
    const range = page.caretRangeFromPoint(x, y);
    if (range) [node, off] = [range.startContainer, range.startOffset];
  }
  if (!node || !articleRoot.contains(node)) return [];
  const inside = (b) => x >= b.left && x <= b.right && y >= b.top && y <= b.bottom;
  return items
    .filter((it) => {
      if (hidden.has(it.layer)) return false;
      const range = result.ranges[it.i];
      try {
        if (!range.isPointInRange(node, off)) return false;
      } catch {
        return false;
      }
      return [...range.getClientRects()].some(inside);
    })
    .sort((p, q) => p.end - p.start - (q.end - q.start));
}

/** Hover, keys, scroll and resize on the article's page; their removers go into r.undo. */
function listenToPage(r, focus, tooltip, nav) {
  const { view, page, articleRoot, undo } = r;
  const on = (target, type, fn, opts) => {
    target.addEventListener(type, fn, opts);
    undo.push(() => target.removeEventListener(type, fn, opts));
  };
  let frame = 0;
  undo.push(() => frame && view.cancelAnimationFrame(frame));
  on(articleRoot, "mousemove", (e) => {
    if (frame) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      const list = annotationsAt(r, e.clientX, e.clientY);
      if (list.length) tooltip.show(list, e.clientX, e.clientY);
      else if (!focus.current || !focus.markerFocused()) tooltip.hide();
    });
  });
  on(articleRoot, "mouseleave", () => {
    if (!focus.current) tooltip.hide();
  });
  on(page, "keydown", (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e)) return;
    if (e.key === "n" || e.key === "j") {
      nav.step(1);
      e.preventDefault();
    } else if (e.key === "p" || e.key === "k") {
      nav.step(-1);
      e.preventDefault();
    } else if (e.key === "Escape") {
      tooltip.hide();
    }
  });
  const onScroll = () => {
    if (!focus.current) return;
    view.requestAnimationFrame(() => {
      const box = focus.placeRings(false);
      if (box && tooltip.shown && focus.markerFocused()) tooltip.show([focus.current], box.left, box.bottom - 10);
      else tooltip.hide();
    });
  };
  on(view, "scroll", onScroll, true);
  on(view, "resize", onScroll);
}
