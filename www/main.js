// The site's shell: lists the seed articles, shows one as a readable article, annotates it in a
// worker and mounts the reading interface. Text is only ever inserted with textContent.
import init, * as engine from "./pkg/annotator.js";
import { mountReader, adoptReaderStyles } from "./js/reader-ui.js";
import { adoptHighlightStyles } from "./js/highlight-styles.js";
import { browserLang, languageName, strings, uiLang } from "./js/i18n.js";
import { packFor } from "./js/packs.js";

const $ = (id) => document.getElementById(id);
const articleText = $("article-text");
const readerHost = $("reader");
let reader = null;
let seeds = [];
let current = { slug: "pasted", lang: "auto", source: null };
let chromeLang = "en";

/** State for the console and the end-to-end tests. */
const state = { engine, ready: false, text: "", doc: null, get reader() { return reader; } };
window.annotatorPage = state;

/** The interface strings in the shell's current language. */
const t = () => strings(chromeLang);

function setChromeLang(lang) {
  lang = uiLang(lang);
  // Changing <html lang> restyles the whole page: only when it changes.
  if (lang === chromeLang && document.documentElement.lang === lang) return;
  chromeLang = lang;
  const words = strings(chromeLang);
  document.documentElement.lang = chromeLang;
  for (const e of document.querySelectorAll("[data-i18n]")) {
    const v = Object.hasOwn(words, e.dataset.i18n) ? words[e.dataset.i18n] : null;
    if (typeof v === "string") e.textContent = v;
  }
  document.title = words.title;
  readerHost.setAttribute("aria-label", words.aside);
}

function message(text) {
  $("message").hidden = !text;
  $("message").textContent = text || "";
}

function progress(text) {
  $("progress").hidden = !text;
  $("progress-text").textContent = text || "";
}

const sizeOf = (n) => (n > 1e6 ? `${(n / 1e6).toFixed(1)} MB` : n > 1e3 ? `${Math.round(n / 1e3)} kB` : `${n} B`);
const pause = () => new Promise((r) => setTimeout(r, 0));

const SLICE_MS = 4;
const CHUNK_PARAGRAPHS = 20;
const SLICED_ABOVE = 100_000; // characters

/**
 * Lays out `text` as paragraphs (one per line), grouped in <div>s of CHUNK_PARAGRAPHS, in slices of
 * ~8 ms so a long text never blocks the page. The groups let extractText and highlight work one
 * small element at a time. Returns the group elements.
 */
async function render(text) {
  articleText.replaceChildren();
  // White space collapsed as CSS does, so the joined lines are exactly extractText(articleText).
  const lines = text.split(/\r?\n/).map((l) => l.replace(/[ \t\r\f]+/g, " ").replace(/^ | $/g, "")).filter(Boolean);
  const chunks = [];
  let i = 0;
  while (i < lines.length) {
    const t0 = performance.now();
    const frag = document.createDocumentFragment();
    // At most two groups per slice: the browser styles what was added before the next task.
    for (let g = 0; g < 2 && i < lines.length && performance.now() - t0 < SLICE_MS; g++) {
      const chunk = document.createElement("div");
      for (const end = Math.min(lines.length, i + CHUNK_PARAGRAPHS); i < end; i++) {
        const p = document.createElement("p");
        p.textContent = lines[i];
        chunk.append(p);
      }
      chunks.push(chunk);
      frag.append(chunk);
    }
    articleText.append(frag);
    if (i < lines.length) await pause();
  }
  return { chunks, lines };
}


/**
 * Paints `doc` group by group (highlight with append), yielding between slices, and merges the
 * per-group results into one, indexed like doc.annotations.
 */
async function paint(doc, chunks, texts, mode) {
  // An ordinary article is painted in one call (a few ms). Slices are for long texts; there an
  // annotation that runs across two groups of paragraphs cannot be placed and is counted as unmatched.
  if (state.text.length < SLICED_ABOVE) return engine.highlight(articleText, doc, { mode });
  const n = doc.annotations.length;
  const merged = { painted: 0, unmatched: 0, mode: null, ranges: Array(n).fill(null), layers: Array(n).fill(null), offsets: Array(n).fill(null), counts: {} };
  const order = [...doc.annotations.keys()].sort((a, b) => doc.annotations[a].start - doc.annotations[b].start);
  let k = 0;
  let base = 0;
  let t0 = performance.now();
  engine.clear();
  for (let c = 0; c < chunks.length; c++) {
    const end = base + texts[c].length;
    const idx = [];
    while (k < n && doc.annotations[order[k]].start < end) idx.push(order[k++]);
    if (c === chunks.length - 1) while (k < n) idx.push(order[k++]);
    if (idx.length) {
      const sub = idx.map((i) => ({ ...doc.annotations[i], start: doc.annotations[i].start - base, end: doc.annotations[i].end - base }));
      const r = engine.highlight(chunks[c], { lang: doc.lang, annotations: sub }, { mode, append: merged.mode !== null, defer: true });
      merged.mode = r.mode;
      merged.painted += r.painted;
      merged.unmatched += r.unmatched;
      idx.forEach((i, j) => {
        merged.ranges[i] = r.ranges[j];
        merged.layers[i] = r.layers[j];
        merged.offsets[i] = r.offsets[j] && [r.offsets[j][0] + base, r.offsets[j][1] + base];
      });
      for (const [layer, count] of Object.entries(r.counts)) merged.counts[layer] = (merged.counts[layer] || 0) + count;
    }
    base = end + 1;
    if (performance.now() - t0 > SLICE_MS) { await pause(); t0 = performance.now(); }
  }
  merged.mode ||= mode === "wrap" || !engine.supportsHighlightApi() ? "wrap" : "highlight-api";
  // Shown one layer at a time: registering a highlight makes Chrome process all its ranges.
  for (const layer of Object.keys(merged.counts)) {
    engine.showHighlights(layer);
    await pause();
  }
  return merged;
}

let worker = null;
let engineModule = null; // the compiled engine (WebAssembly.Module), shared with the worker
let jobId = 0;
function annotateInWorker(text, lang, pack) {
  worker ||= new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  const id = ++jobId;
  const t0 = performance.now();
  const tick = setInterval(() => progress(t().annotating(sizeOf(text.length), ((performance.now() - t0) / 1000).toFixed(1))), 100);
  progress(t().annotating(sizeOf(text.length), "0.0"));
  return new Promise((resolve, reject) => {
    const onMessage = (e) => {
      if (e.data.id !== id || e.data.type === "progress") return;
      worker.removeEventListener("message", onMessage);
      clearInterval(tick);
      if (e.data.type === "done") resolve(e.data);
      else reject(new Error(e.data.message));
    };
    worker.addEventListener("message", onMessage);
    worker.onerror = (e) => { clearInterval(tick); reject(new Error(e.message || "worker failed")); };
    worker.postMessage({ id, text, lang, pack, module: engineModule });
  });
}

let chunks = [];
let chunkTexts = [];

/** The interface language for a document: its own when we read it, else the browser's (an unsupported text). */
const docUiLang = (doc) => (doc.unsupported_language ? browserLang() : uiLang(doc.lang));

/** What the run line says about `doc`: why there is nothing (a language we do not read), or `otherwise`. */
function runLine(doc, otherwise) {
  if (!doc.unsupported_language) return otherwise;
  return t().unsupported(languageName(doc.unsupported_language, chromeLang));
}

async function mount(doc, summary) {
  reader?.destroy();
  reader = null;
  setChromeLang(docUiLang(doc));
  state.doc = doc;
  const mode = hashParam("mode") || "auto";
  document.dispatchEvent(new CustomEvent("annotator:painting"));
  const result = await paint(doc, chunks, chunkTexts, mode);
  reader = mountReader({
    host: readerHost, articleRoot: articleText, engine, doc, result, text: state.text, lang: chromeLang, summary: summary ?? undefined,
    source: /^https?:\/\//.test(current.source || "") ? current.source : location.href, name: current.slug, mode,
  });
  document.dispatchEvent(new CustomEvent("annotator:painted", { detail: reader.result }));
}

/** Shows `text` as the article, annotates it and paints it. */
async function show(text, meta) {
  state.ready = false;
  document.dispatchEvent(new CustomEvent("annotator:start"));
  message("");
  reader?.destroy();
  reader = null;
  current = meta;
  $("run").textContent = "";
  const lang = meta.lang && meta.lang !== "auto" ? meta.lang : engine.detectLang(text);
  setChromeLang(lang);
  if (meta.pasted) meta.title = t().pasted;
  if (!meta.seed) for (const a of document.querySelectorAll("#seeds a")) a.removeAttribute("aria-current");
  $("article-title").textContent = meta.title || "";
  const m = $("article-meta");
  m.replaceChildren();
  if (/^https?:\/\//.test(meta.source || "")) {
    const a = document.createElement("a");
    a.href = meta.source;
    a.textContent = t().source;
    m.append(a);
  } else if (meta.source) {
    m.append(`${t().source}${t().sep}${meta.source}`);
  }
  if (meta.licence) m.append(`${meta.source ? " · " : ""}${t().licence}${t().sep}${meta.licence}`);
  $("article").setAttribute("lang", lang);
  progress(t().rendering);
  const t0 = performance.now();
  const laid = await render(text);
  chunks = laid.chunks;
  // The text of each group of paragraphs: what extractText(group) gives, without walking the DOM
  // (render collapsed the white space); the groups are blocks, so the article's text joins them with "\n".
  chunkTexts = [];
  for (let i = 0; i < laid.lines.length; i += CHUNK_PARAGRAPHS) chunkTexts.push(laid.lines.slice(i, i + CHUNK_PARAGRAPHS).join("\n"));
  state.text = chunkTexts.join("\n");
  state.timings = { render: Math.round(performance.now() - t0) };
  try {
    // Only the worker annotates: this thread fetches the pack the text needs and hands it over.
    const pack = await packFor(engine, state.text, meta.lang || "auto", { load: false });
    document.dispatchEvent(new CustomEvent("annotator:annotating"));
    const { doc, summary, ms } = await annotateInWorker(state.text, meta.lang || "auto", pack);
    document.dispatchEvent(new CustomEvent("annotator:annotated"));
    progress(t().painting);
    await pause();
    // Usually what detectLang said already; setting it again would restyle the whole article.
    const textLang = doc.unsupported_language || uiLang(doc.lang);
    if ($("article").getAttribute("lang") !== textLang) $("article").setAttribute("lang", textLang);
    const t3 = performance.now();
    await mount(doc, summary);
    state.timings.annotate = Math.round(ms);
    state.timings.paint = Math.round(performance.now() - t3);
    progress("");
    $("progress-text").textContent = "";
    state.lastRun = { ms: Math.round(ms), count: doc.annotations.length };
    $("run").textContent = runLine(doc, t().done(doc.annotations.length, Math.round(ms)));
  } catch (err) {
    progress("");
    message(err?.name === "PackError" ? t().packError(err.kind, languageName(err.lang, chromeLang), err.file) : String(err.message || err));
  }
  state.ready = true;
  document.dispatchEvent(new CustomEvent("annotator:ready"));
}

async function showSeed(slug) {
  const seed = seeds.find((s) => s.slug === slug);
  if (!seed) return;
  for (const a of document.querySelectorAll("#seeds a")) {
    if (a.dataset.slug === slug) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  const res = await fetch(new URL(seed.path, seedsBase));
  if (!res.ok) return message(`${seed.path}: HTTP ${res.status}`);
  await show(await res.text(), { ...seed, seed: true });
}

const seedsBase = new URL("../seeds/", location.href);

async function listSeeds() {
  const ul = $("seeds");
  try {
    const res = await fetch(new URL("index.json", seedsBase));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const index = await res.json();
    seeds = Array.isArray(index) ? index : index.articles || index.seeds || [];
  } catch {
    ul.replaceChildren();
    message(t().noSeeds);
    return;
  }
  ul.replaceChildren();
  for (const s of seeds) {
    const a = document.createElement("a");
    a.href = `#seed=${encodeURIComponent(s.slug)}`;
    a.dataset.slug = s.slug;
    a.textContent = s.title || s.slug;
    const lang = document.createElement("span");
    lang.className = "lang";
    lang.textContent = s.lang;
    a.append(lang);
    const li = document.createElement("li");
    li.lang = s.lang;
    li.append(a);
    ul.append(li);
  }
}

/** A parameter of the location hash: #seed=<slug>&mode=wrap. A malformed one (#seed=%E0%A4%A) is absent. */
function hashParam(name) {
  const m = new RegExp(`[#&]${name}=([^&]+)`).exec(location.hash);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}
const seedFromHash = () => hashParam("seed");

/** Text of an HTML file: parsed inertly (DOMParser runs no script), never inserted as HTML. */
function htmlToText(html) {
  const parsed = new DOMParser().parseFromString(html, "text/html");
  const root = parsed.querySelector("article") || parsed.querySelector("main") || parsed.body;
  return { text: root ? engine.extractText(root) : "", title: parsed.title || parsed.querySelector("h1")?.textContent || "" };
}

async function openFile(file) {
  const raw = await file.text();
  if (/\.html?$/i.test(file.name) || file.type === "text/html") {
    const { text, title } = htmlToText(raw);
    await show(text, { slug: file.name.replace(/\.[^.]*$/, ""), lang: "auto", title: title || file.name });
  } else {
    await show(raw, { slug: file.name.replace(/\.[^.]*$/, ""), lang: "auto", title: file.name });
  }
}

function wire() {
  $("annotate-paste").addEventListener("click", () => {
    const text = $("paste").value;
    if (text.trim()) show(text, { slug: "pasted", lang: "auto", pasted: true });
  });
  $("file").addEventListener("change", (e) => e.target.files[0] && openFile(e.target.files[0]));
  $("load-doc").addEventListener("change", async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    try {
      const doc = JSON.parse(await f.text());
      if (!doc || !Array.isArray(doc.annotations)) throw new Error("no annotations");
      await mount(doc);
      message("");
      $("run").textContent = runLine(doc, t().loaded(f.name, doc.annotations.length));
    } catch {
      message(t().badDoc);
    }
    e.target.value = "";
  });
  const drop = document.body;
  drop.addEventListener("dragover", (e) => { e.preventDefault(); $("drop").classList.add("over"); });
  drop.addEventListener("dragleave", (e) => { if (e.target === drop) $("drop").classList.remove("over"); });
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    $("drop").classList.remove("over");
    const f = e.dataTransfer?.files?.[0];
    if (f) openFile(f);
  });
  window.addEventListener("hashchange", () => { const s = seedFromHash(); if (s) showSeed(s); });
}

async function main() {
  setChromeLang(browserLang());
  // Kept for the page's lifetime: adding a stylesheet restyles the whole page, so not once per article.
  adoptHighlightStyles(document);
  adoptReaderStyles(document);
  wire();
  try {
    // Compiled once here and handed to the worker, which would otherwise fetch and compile the engine again.
    const wasmUrl = new URL("./pkg/annotator_bg.wasm", import.meta.url);
    // compileStreaming needs the application/wasm type; a host that sends another gets the slower path.
    engineModule = await WebAssembly.compileStreaming(fetch(wasmUrl))
      .catch(async () => WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer()));
    await init({ module_or_path: engineModule });
  } catch {
    message(t().noEngine);
    return;
  }
  $("version").textContent = engine.version();
  await listSeeds();
  const slug = seedFromHash() || seeds[0]?.slug;
  if (slug) await showSeed(slug);
  else { state.ready = true; document.dispatchEvent(new CustomEvent("annotator:ready")); }
}

main();
