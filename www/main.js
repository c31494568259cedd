// The site's shell: lists the seed articles, shows one as a readable article, annotates it in a
// worker and mounts the reading interface. Text is only ever inserted with textContent.
import init, * as engine from "./pkg/annotator.js";
import { mountReader } from "./js/reader-ui.js";

const CHROME = {
  en: {
    title: "Article annotator",
    tagline: "Entities, quotations and unverified claims, found in your browser. Nothing leaves this page.",
    articles: "Articles", loading: "Loading…", own: "Your own text", paste: "Paste a text", annotate: "Annotate",
    drop: "…or drop a .txt or .html file here.", choose: "Choose a file",
    loadDoc: "Load annotations (contract JSON) for this text", engine: "Engine", aside: "Annotations",
    annotating: (size, s) => `Annotating ${size}… ${s} s`, rendering: "Laying out the text…", painting: "Painting…",
    pasted: "Pasted text", noSeeds: "No article list (seeds/index.json could not be read).",
    noEngine: "The engine (www/pkg/) is missing: build it with scripts/wasm.sh build.",
    badDoc: "This file is not an annotation document for this text.",
    source: "Source", licence: "Licence", done: (n, ms) => `${n} annotations in ${ms} ms.`,
  },
  fr: {
    title: "Annotateur d’articles",
    tagline: "Entités, citations et affirmations non vérifiées, repérées dans votre navigateur. Rien ne quitte cette page.",
    articles: "Articles", loading: "Chargement…", own: "Votre propre texte", paste: "Coller un texte", annotate: "Annoter",
    drop: "…ou déposez ici un fichier .txt ou .html.", choose: "Choisir un fichier",
    loadDoc: "Charger des annotations (JSON du contrat) pour ce texte", engine: "Moteur", aside: "Annotations",
    annotating: (size, s) => `Annotation de ${size}… ${s} s`, rendering: "Mise en page du texte…", painting: "Surlignage…",
    pasted: "Texte collé", noSeeds: "Pas de liste d’articles (seeds/index.json illisible).",
    noEngine: "Le moteur (www/pkg/) manque : construisez-le avec scripts/wasm.sh build.",
    badDoc: "Ce fichier n’est pas un document d’annotations pour ce texte.",
    source: "Source", licence: "Licence", done: (n, ms) => `${n} annotations en ${ms} ms.`,
  },
};

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

function setChromeLang(lang) {
  chromeLang = CHROME[lang] ? lang : "en";
  const t = CHROME[chromeLang];
  document.documentElement.lang = chromeLang;
  for (const e of document.querySelectorAll("[data-i18n]")) {
    const v = t[e.dataset.i18n];
    if (typeof v === "string") e.textContent = v;
  }
  document.title = t.title;
  readerHost.setAttribute("aria-label", t.aside);
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

/** Lays out `text` as paragraphs (one per line), in slices of at most ~8 ms. */
async function render(text) {
  articleText.replaceChildren();
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  let i = 0;
  while (i < lines.length) {
    const t0 = performance.now();
    const frag = document.createDocumentFragment();
    while (i < lines.length && performance.now() - t0 < 8) {
      const p = document.createElement("p");
      p.textContent = lines[i++];
      frag.append(p);
    }
    articleText.append(frag);
    if (i < lines.length) await pause();
  }
}

let worker = null;
let jobId = 0;
function annotateInWorker(text, lang) {
  worker ||= new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  const id = ++jobId;
  const t0 = performance.now();
  const tick = setInterval(() => progress(CHROME[chromeLang].annotating(sizeOf(text.length), ((performance.now() - t0) / 1000).toFixed(1))), 100);
  progress(CHROME[chromeLang].annotating(sizeOf(text.length), "0.0"));
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
    worker.postMessage({ id, text, lang });
  });
}

function mount(doc) {
  reader?.destroy();
  reader = null;
  setChromeLang(doc.lang);
  state.doc = doc;
  reader = mountReader({
    host: readerHost, articleRoot: articleText, engine, doc, lang: doc.lang,
    source: /^https?:\/\//.test(current.source || "") ? current.source : location.href, name: current.slug, mode: hashParam("mode") || "auto",
  });
  document.dispatchEvent(new CustomEvent("annotator:painted", { detail: reader.result }));
}

/** Shows `text` as the article, annotates it and paints it. */
async function show(text, meta) {
  state.ready = false;
  message("");
  reader?.destroy();
  reader = null;
  current = meta;
  $("run").textContent = "";
  if (meta.lang && meta.lang !== "auto") setChromeLang(meta.lang);
  $("article-title").textContent = meta.title || "";
  const m = $("article-meta");
  m.replaceChildren();
  if (/^https?:\/\//.test(meta.source || "")) {
    const a = document.createElement("a");
    a.href = meta.source;
    a.textContent = CHROME[chromeLang].source;
    m.append(a);
  } else if (meta.source) {
    m.append(`${CHROME[chromeLang].source}${chromeLang === "fr" ? " : " : ": "}${meta.source}`);
  }
  if (meta.licence) m.append(`${meta.source ? " · " : ""}${CHROME[chromeLang].licence}${chromeLang === "fr" ? " : " : ": "}${meta.licence}`);
  $("article").setAttribute("lang", meta.lang && meta.lang !== "auto" ? meta.lang : "");
  progress(CHROME[chromeLang].rendering);
  await render(text);
  state.text = engine.extractText(articleText);
  try {
    document.dispatchEvent(new CustomEvent("annotator:annotating"));
    const { doc, ms } = await annotateInWorker(state.text, meta.lang);
    document.dispatchEvent(new CustomEvent("annotator:annotated"));
    $("article").setAttribute("lang", doc.lang);
    progress(CHROME[chromeLang].painting);
    await pause();
    mount(doc);
    progress("");
    $("progress-text").textContent = "";
    state.lastRun = { ms: Math.round(ms), count: doc.annotations.length };
    $("run").textContent = CHROME[chromeLang].done(doc.annotations.length, Math.round(ms));
  } catch (err) {
    progress("");
    message(String(err.message || err));
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
  await show(await res.text(), { ...seed });
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
    message(CHROME[chromeLang].noSeeds);
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

/** A parameter of the location hash: #seed=<slug>&mode=wrap. */
function hashParam(name) {
  const m = new RegExp(`[#&]${name}=([^&]+)`).exec(location.hash);
  return m ? decodeURIComponent(m[1]) : null;
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
    if (text.trim()) show(text, { slug: "pasted", lang: "auto", title: CHROME[chromeLang].pasted });
  });
  $("file").addEventListener("change", (e) => e.target.files[0] && openFile(e.target.files[0]));
  $("load-doc").addEventListener("change", async (e) => {
    const f = e.target.files[0];
    if (!f) return;
    try {
      const doc = JSON.parse(await f.text());
      if (!doc || !Array.isArray(doc.annotations)) throw new Error("no annotations");
      mount(doc);
      message("");
    } catch {
      message(CHROME[chromeLang].badDoc);
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
  setChromeLang(navigator.language?.startsWith("fr") ? "fr" : "en");
  wire();
  try {
    await init();
  } catch {
    message(CHROME[chromeLang].noEngine);
    return;
  }
  $("version").textContent = engine.version();
  await listSeeds();
  const slug = seedFromHash() || seeds[0]?.slug;
  if (slug) await showSeed(slug);
  else { state.ready = true; document.dispatchEvent(new CustomEvent("annotator:ready")); }
}

main();
