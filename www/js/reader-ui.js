// The reading interface: legend with one toggle per layer, step-through navigation, side panel,
// tooltips on hover and on keyboard focus, exports. Mounted by the site (www/main.js) into an <aside>
// and by the bookmarklet into a shadow root. Text always goes in through textContent.
import { strings } from "./i18n.js";
import { adoptHighlightStyles, adoptStyles, ENTITY_COLOURS, CLAIM_LINES } from "./highlight-styles.js";
import { READER_CSS } from "./reader-styles.js";
import { toContractJson, toWebAnnotation, download } from "./export.js";

const ENTITY_LABELS = Object.keys(ENTITY_COLOURS);
const CLAIM_REASONS = Object.keys(CLAIM_LINES);
let uid = 0;

function el(doc, tag, attrs = {}, ...children) {
  const e = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "text") e.textContent = v;
    else if (k === "className") e.className = v;
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

/** Adds the reader UI's stylesheet to `root` (Document or ShadowRoot); returns its remover. */
export function adoptReaderStyles(root) {
  return adoptStyles(root, READER_CSS);
}

function excerpt(text, max = 90) {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

function isEditable(node) {
  if (!node || node.nodeType !== 1) return false;
  return node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName);
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
 * @param {string} [o.text] extractText(articleRoot), when the caller has it
 * @param {string} [o.source] IRI of the article, for the Web Annotation export
 * @param {string} [o.name] base name of exported files
 * @param {"auto"|"highlight-api"|"wrap"} [o.mode] painting mode
 * @returns {{destroy(): void, doc: object, result: object, text: string, exportJson(): string, exportWebAnnotation(): object, next(): void, previous(): void}}
 */
export function mountReader({ host, articleRoot, engine, lang, doc, result, text, source, name = "article", mode = "auto" }) {
  const page = articleRoot.ownerDocument;
  const view = page.defaultView;
  const uiDoc = host.ownerDocument || host;
  text ??= engine.extractText(articleRoot);
  if (!doc) doc = engine.annotate(text, { lang: lang || "auto" });
  const t = strings(lang || doc.lang);
  const undo = [adoptHighlightStyles(page), adoptReaderStyles(host.getRootNode ? host.getRootNode() : host)];
  result ||= engine.highlight(articleRoot, doc, { mode });
  undo.push(() => engine.clear());

  // Painted annotations, in text order.
  const items = [];
  doc.annotations.forEach((a, i) => {
    if (result.ranges[i]) items.push({ i, a, layer: result.layers[i], start: result.offsets[i][0], end: result.offsets[i][1] });
  });
  items.sort((x, y) => x.start - y.start || y.end - x.end || x.i - y.i);
  const hidden = new Set();
  const visible = (it) => !hidden.has(it.layer);

  const ui = el(uiDoc, "div", { className: "annot-reader", "data-annot-ui": true, lang: strings(lang || doc.lang) === strings("fr") ? "fr" : "en" });
  const id = `annot-${++uid}`;

  // ---- Legend -------------------------------------------------------------------------------
  const layerName = (layer) => {
    const [kind, sub] = layer.split(/-(.*)/s);
    if (kind === "entity") return t.label[sub] || sub;
    if (kind === "claim") return t.reason[sub] || sub;
    return t.quote;
  };
  const legend = el(uiDoc, "section", { "aria-labelledby": `${id}-legend` }, el(uiDoc, "h2", { id: `${id}-legend`, text: t.legend }));
  const groups = [
    ["entity", t.entities, ENTITY_LABELS.map((l) => `entity-${l}`)],
    ["quote", t.quotes, ["quote"]],
    ["claim", t.claims, CLAIM_REASONS.map((r) => `claim-${r}`)],
  ];
  for (const [kind, title, layers] of groups) {
    const fs = el(uiDoc, "fieldset", {}, el(uiDoc, "legend", { text: title }));
    const present = layers.filter((l) => result.counts[l]);
    if (!present.length) fs.append(el(uiDoc, "p", { className: "none", text: t.none[kind] }));
    for (const layer of present) {
      const box = el(uiDoc, "input", { type: "checkbox", checked: true, "data-layer": layer });
      box.addEventListener("change", () => {
        if (box.checked) hidden.delete(layer);
        else hidden.add(layer);
        engine.setLayerVisible(layer, box.checked);
        if (current && !visible(current)) setCurrent(null);
      });
      fs.append(
        el(uiDoc, "label", { className: "toggle" }, box,
          el(uiDoc, "span", { className: "swatch", "data-layer": layer, "aria-hidden": "true", text: kind === "entity" ? layer.slice(7) : "abc" }),
          el(uiDoc, "span", { text: layerName(layer) }),
          el(uiDoc, "span", { className: "count", text: String(result.counts[layer]) })),
      );
    }
    legend.append(fs);
  }
  if (result.unmatched) legend.append(el(uiDoc, "p", { className: "note", text: t.unmatched(result.unmatched) }));

  // ---- Navigation ---------------------------------------------------------------------------
  const select = el(uiDoc, "select", { id: `${id}-nav` });
  select.append(el(uiDoc, "option", { value: "all", text: t.all }));
  for (const [kind, title, layers] of groups) {
    if (!layers.some((l) => result.counts[l])) continue;
    select.append(el(uiDoc, "option", { value: kind, text: title }));
    for (const l of layers) if (result.counts[l]) select.append(el(uiDoc, "option", { value: l, text: `— ${layerName(l)}` }));
  }
  const prevBtn = el(uiDoc, "button", { type: "button", text: `◀ ${t.prev}` });
  const nextBtn = el(uiDoc, "button", { type: "button", text: `${t.next} ▶` });
  const status = el(uiDoc, "p", { className: "status", role: "status", "aria-live": "polite" });
  const nav = el(uiDoc, "section", { "aria-labelledby": `${id}-navh` },
    el(uiDoc, "h2", { id: `${id}-navh`, text: t.navigate }),
    el(uiDoc, "div", { className: "nav" }, el(uiDoc, "label", { for: `${id}-nav`, text: t.layer }), select, prevBtn, nextBtn),
    status, el(uiDoc, "p", { className: "keys", text: t.keys }));

  // ---- Panel --------------------------------------------------------------------------------
  const panel = el(uiDoc, "section", { "aria-labelledby": `${id}-panel` }, el(uiDoc, "h2", { id: `${id}-panel`, text: t.panel }));
  // Lists show PAGE entries at a time ("show more"), so a 1 MB article does not build thousands of buttons.
  const PAGE = 100;
  const section = (title, list, make, emptyText) => {
    const det = el(uiDoc, "details", { open: true }, el(uiDoc, "summary", { text: `${title} (${list.length})` }));
    if (!list.length) det.append(el(uiDoc, "p", { className: "none", text: emptyText }));
    const ul = el(uiDoc, "ul");
    det.append(ul);
    let shown = 0;
    const more = el(uiDoc, "button", { type: "button", className: "more" });
    const fill = () => {
      for (const x of list.slice(shown, shown + PAGE)) ul.append(make(x));
      shown = Math.min(list.length, shown + PAGE);
      if (shown < list.length) more.textContent = t.more(list.length - shown);
      else more.remove();
    };
    more.addEventListener("click", () => { const first = ul.children.length; fill(); ul.children[first]?.querySelector("button")?.focus(); });
    det.append(more);
    fill();
    return det;
  };
  const itemButton = (label, meta, targets) => {
    let k = 0;
    const b = el(uiDoc, "button", { type: "button" }, el(uiDoc, "span", { text: label }), el(uiDoc, "span", { className: "meta", text: meta }));
    b.addEventListener("click", () => {
      const it = targets[k % targets.length];
      // n / p go on within the layer of what was chosen.
      if (!navList().includes(it)) select.value = it.a.kind;
      goTo(it, { flash: true, focus: true });
      k++;
    });
    return el(uiDoc, "li", {}, b);
  };
  const byEntity = new Map();
  for (const it of items) {
    if (it.a.kind !== "entity") continue;
    const g = byEntity.get(it.a.entity_id) || [];
    g.push(it);
    byEntity.set(it.a.entity_id, g);
  }
  const entityGroups = [...byEntity.values()].sort((x, y) => y.length - x.length || x[0].start - y[0].start);
  const nameOf = (g) => g.reduce((best, it) => (it.a.text.length > best.length ? it.a.text : best), "");
  panel.append(section(t.entities, entityGroups, (g) => itemButton(nameOf(g), `${t.label[g[0].a.label] || g[0].a.label} · ${t.mentions(g.length)}`, g), t.none.entity));
  const speakerOf = (a) => (a.speaker ? a.speaker.speaker_name || a.speaker.text : t.unattributed);
  panel.append(section(t.quotes, items.filter((it) => it.a.kind === "quote"), (it) =>
    itemButton(t.q(excerpt(it.a.text)), `${t.speaker}${t.sep}${speakerOf(it.a)}${it.a.direct ? "" : ` (${t.indirect})`}`, [it]), t.none.quote));
  panel.append(section(t.claims, items.filter((it) => it.a.kind === "claim"), (it) =>
    itemButton(excerpt(it.a.text), `${t.reason[it.a.reason] || it.a.reason} · ${t.cue}${t.sep}${t.q(it.a.cue ? it.a.cue.text : "")}`, [it]), t.none.claim));

  // ---- Exports ------------------------------------------------------------------------------
  const src = source || view.location.href;
  const exportJson = () => toContractJson(doc);
  const exportWebAnnotation = () => toWebAnnotation(doc, text, src);
  const jsonBtn = el(uiDoc, "button", { type: "button", text: t.exportJson });
  jsonBtn.addEventListener("click", () => download(`${name}.annotations.json`, exportJson(), "application/json"));
  const ldBtn = el(uiDoc, "button", { type: "button", text: t.exportJsonLd });
  ldBtn.addEventListener("click", () => download(`${name}.annotations.jsonld`, JSON.stringify(exportWebAnnotation(), null, 2), "application/ld+json"));

  // ---- Tooltip, ring and focus marker --------------------------------------------------------
  const tooltip = el(uiDoc, "div", { className: "annot-tooltip", role: "tooltip", id: `${id}-tip`, hidden: true });
  const marker = el(uiDoc, "button", { type: "button", className: "annot-marker", hidden: true, "aria-describedby": `${id}-tip` });
  const rings = el(uiDoc, "div", { "aria-hidden": "true" });
  ui.append(legend, nav, panel, el(uiDoc, "div", { className: "exports" }, jsonBtn, ldBtn), tooltip, marker, rings);
  host.append(ui);

  const describe = (it) => {
    const a = it.a;
    const s = el(uiDoc, "section");
    if (a.kind === "entity") {
      s.append(el(uiDoc, "strong", { text: `${t.label[a.label] || a.label} (${a.label})` }), el(uiDoc, "span", { text: a.text }));
    } else if (a.kind === "quote") {
      s.append(el(uiDoc, "strong", { text: `${t.quote}${a.direct ? "" : ` (${t.indirect})`}` }), el(uiDoc, "span", { text: `${t.speaker}${t.sep}${speakerOf(a)}` }));
    } else {
      s.append(el(uiDoc, "strong", { text: t.reason[a.reason] || a.reason }));
      if (a.cue) s.append(el(uiDoc, "div", { text: `${t.cue}${t.sep}${t.q(a.cue.text)}` }));
      if (a.source) s.append(el(uiDoc, "div", { text: `${t.source}${t.sep}${a.source.text}` }));
      if (a.explanation) s.append(el(uiDoc, "div", { className: "ex", text: a.explanation }));
    }
    return s;
  };
  const plain = (it) => {
    const a = it.a;
    if (a.kind === "entity") return `${t.label[a.label] || a.label}${t.sep}${a.text}`;
    if (a.kind === "quote") return `${t.quote} (${speakerOf(a)})${t.sep}${excerpt(a.text, 60)}`;
    return `${t.reason[a.reason] || a.reason}${t.sep}${excerpt(a.text, 60)}`;
  };
  const showTooltip = (list, x, y) => {
    if (!list.length) return hideTooltip();
    tooltip.replaceChildren(...list.map(describe));
    tooltip.hidden = false;
    const w = tooltip.offsetWidth, h = tooltip.offsetHeight;
    const left = Math.max(4, Math.min(x, view.innerWidth - w - 4));
    const top = y + 14 + h < view.innerHeight ? y + 14 : Math.max(4, y - h - 14);
    tooltip.style.left = `${left}px`;
    tooltip.style.top = `${top}px`;
  };
  const hideTooltip = () => { tooltip.hidden = true; };

  let current = null;
  let flashUntil = 0;
  // In a shadow root (the bookmarklet), document.activeElement is the shadow host.
  const markerFocused = () => marker.getRootNode().activeElement === marker;
  const rangeOf = (it) => result.ranges[it.i];
  const placeRings = (flash) => {
    rings.replaceChildren();
    if (!current) return;
    // Scrolling re-places the rings: a flash still running goes on.
    if (flash) flashUntil = performance.now() + 1400;
    else flash = performance.now() < flashUntil;
    const rects = [...rangeOf(current).getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    for (const r of rects) {
      const d = el(uiDoc, "div", { className: flash ? "annot-ring flash" : "annot-ring" });
      Object.assign(d.style, { left: `${r.left - 2}px`, top: `${r.top - 1}px`, width: `${r.width + 4}px`, height: `${r.height + 2}px` });
      rings.append(d);
    }
    const r = rects[0];
    if (r) Object.assign(marker.style, { left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
    return r;
  };
  function setCurrent(it, { flash = false, focus = false } = {}) {
    current = it;
    if (!flash) flashUntil = 0;
    if (!it) {
      rings.replaceChildren();
      marker.hidden = true;
      hideTooltip();
      return;
    }
    marker.setAttribute("aria-label", plain(it));
    marker.hidden = false;
    const r = placeRings(flash);
    const list = navList();
    const pos = list.indexOf(it);
    status.textContent = pos < 0 ? plain(it) : `${plain(it)} — ${t.position(pos + 1, list.length)}`;
    if (r) showTooltip([it], r.left, r.bottom - 10);
    if (focus) marker.focus({ preventScroll: true });
  }
  function goTo(it, opts) {
    const node = rangeOf(it).startContainer;
    const elt = node.nodeType === 1 ? node : node.parentElement;
    elt?.scrollIntoView({ block: "center", behavior: "instant" });
    setCurrent(it, opts);
  }
  const navList = () => {
    const v = select.value;
    return items.filter((it) => visible(it) && (v === "all" || it.layer === v || it.layer.startsWith(`${v}-`)));
  };
  const step = (dir) => {
    const list = navList();
    if (!list.length) {
      setCurrent(null);
      status.textContent = t.noHighlight;
      return;
    }
    let k = current ? list.indexOf(current) : -1;
    if (k < 0 && current) {
      // Current item not in this layer: continue from its position in the text.
      k = dir > 0 ? list.findIndex((it) => it.start > current.start) - 1 : list.findIndex((it) => it.start >= current.start);
      if (k < -1) k = dir > 0 ? list.length - 1 : 0;
    }
    const next = list[(k + dir + list.length) % list.length];
    goTo(next, { flash: false, focus: true });
  };
  prevBtn.addEventListener("click", () => step(-1));
  nextBtn.addEventListener("click", () => step(1));
  select.addEventListener("change", () => setCurrent(null));

  // Hover: caret position under the pointer, then the painted ranges whose boxes hold the point.
  const hit = (x, y) => {
    let node, off;
    if (page.caretPositionFromPoint) {
      const p = page.caretPositionFromPoint(x, y);
      if (p) [node, off] = [p.offsetNode, p.offset];
    } else if (page.caretRangeFromPoint) {
      const r = page.caretRangeFromPoint(x, y);
      if (r) [node, off] = [r.startContainer, r.startOffset];
    }
    if (!node || !articleRoot.contains(node)) return [];
    const inside = (r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    return items.filter((it) => {
      if (!visible(it)) return false;
      const range = rangeOf(it);
      try {
        if (!range.isPointInRange(node, off)) return false;
      } catch { return false; }
      return [...range.getClientRects()].some(inside);
    }).sort((p, q) => (p.end - p.start) - (q.end - q.start));
  };
  let frame = 0;
  const onMove = (e) => {
    if (frame) return;
    frame = view.requestAnimationFrame(() => {
      frame = 0;
      const list = hit(e.clientX, e.clientY);
      if (list.length) showTooltip(list, e.clientX, e.clientY);
      else if (!current || !markerFocused()) hideTooltip();
    });
  };
  const onLeave = () => { if (!current) hideTooltip(); };
  const onKey = (e) => {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const target = e.composedPath ? e.composedPath()[0] : e.target;
    if (isEditable(target)) return;
    if (e.key === "n" || e.key === "j") { step(1); e.preventDefault(); }
    else if (e.key === "p" || e.key === "k") { step(-1); e.preventDefault(); }
    else if (e.key === "Escape") { hideTooltip(); }
  };
  const onScroll = () => {
    if (!current) return;
    view.requestAnimationFrame(() => {
      const r = placeRings(false);
      if (r && !tooltip.hidden && markerFocused()) showTooltip([current], r.left, r.bottom - 10);
      else hideTooltip();
    });
  };
  marker.addEventListener("focus", () => {
    const r = current && rangeOf(current).getClientRects()[0];
    if (r) showTooltip([current], r.left, r.bottom - 10);
  });
  marker.addEventListener("blur", () => hideTooltip());
  articleRoot.addEventListener("mousemove", onMove);
  articleRoot.addEventListener("mouseleave", onLeave);
  page.addEventListener("keydown", onKey);
  view.addEventListener("scroll", onScroll, true);
  view.addEventListener("resize", onScroll);

  return {
    doc,
    result,
    text,
    exportJson,
    exportWebAnnotation,
    next: () => step(1),
    previous: () => step(-1),
    destroy() {
      articleRoot.removeEventListener("mousemove", onMove);
      articleRoot.removeEventListener("mouseleave", onLeave);
      page.removeEventListener("keydown", onKey);
      view.removeEventListener("scroll", onScroll, true);
      view.removeEventListener("resize", onScroll);
      if (frame) view.cancelAnimationFrame(frame);
      ui.remove();
      for (const f of undo.reverse()) f();
    },
  };
}
