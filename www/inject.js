// Loaded by the bookmarklet (bookmarklet.js) into any page: finds the article, annotates it in place with the
// site's reading interface, and on the next click removes everything again.
//
// Leaving no trace: our interface lives in a shadow root on a single host element, appended to <html> and removed
// on close; highlights go through CSS.highlights (no DOM change) and their styles through
// document.adoptedStyleSheets (not part of the serialisation). So `document.documentElement.outerHTML` after
// closing equals the one before opening (checked by e2e/bookmarklet.test.mjs).
//
// `all: initial` does not reset `direction` and `unicode-bidi` (CSS Cascade: `all` leaves them out), so a page's
// `direction: rtl !important` would reach our interface: the host sets both itself.
//
// Live pages: when the page changes the article after we painted it (a single-page site re-rendering, lazy
// paragraphs), the highlights are re-anchored (text extracted and annotated again); when that cannot be done
// safely (the article element left the page, or a text too long to annotate again on the page's thread), the bar
// offers a one-click refresh instead.
//
// Hostile pages: if the engine cannot start here (a CSP without 'wasm-unsafe-eval', a connect-src without our
// origin, Trusted Types refusing something), the article's text goes to our reader page instead, as text only.

import { articleParagraphs, findArticle } from "./js/article-extract.js";
import { rangesDetached, watchArticle } from "./js/live-article.js";
import { strings } from "./js/i18n.js";
import { SITE } from "./js/site.js";

const HOST_ATTR = "data-article-annotator";
const UI_CSS = `
:host { all: initial !important; direction: ltr !important; unicode-bidi: isolate !important; position: fixed !important; z-index: 2147483647 !important; inset: auto 12px 12px auto !important;
  display: block !important; max-width: min(420px, calc(100vw - 24px)) !important; max-height: calc(100vh - 24px) !important;
  overflow: auto !important; font: 14px/1.4 system-ui, sans-serif !important; color: #1b1b1b !important; }
.bar { display: flex; gap: 8px; align-items: center; background: #fff; border: 1px solid #555; border-radius: 6px;
  padding: 6px 8px; box-shadow: 0 2px 8px rgb(0 0 0 / 0.25); }
.bar p { margin: 0; flex: 1; }
.error { border-color: #a00000; }
button { font: inherit; padding: 4px 10px; border: 1px solid #333; border-radius: 4px; background: #f4f4f4; color: #111; cursor: pointer; }
button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 1px; }
.ui { margin-top: 6px; background: #fff; border: 1px solid #555; border-radius: 6px; }
.ui:empty, .ui[hidden] { display: none; }
`;

// Past this many automatic re-anchorings in a minute, the bar offers a refresh instead (a page that never settles).
const MAX_REANCHORS_PER_MINUTE = 6;
// How long a reader window opened for the fallback has to ask for the article before we stop listening.
const READER_WAIT_MS = 60_000;

// The engine's file. The one-file build (scripts/bundle.mjs) names a copy whose name holds a hash of its content,
// which a server may let browsers keep without asking again (scripts/serve.py: a year): a second visit then reads it
// from the HTTP cache without a round trip, and only such a response, unrevalidated, can get Chromium's compiled code
// back from its code cache (benches/RESULTS.md, 2026-12-07 paint10). Unbundled, the glue's default file.
const ENGINE_FILE = typeof __ANNOTATOR_ENGINE_FILE__ === "string" ? __ANNOTATOR_ENGINE_FILE__ : null;

// Above this many UTF-16 units the annotation runs in a worker, so the page stays responsive.
const BIG_TEXT = 200_000;

let session = null;
let engineReady = null; // the engine, initialised: loaded once per page, kept across closing and opening again

/**
 * The engine's module, initialised. Its glue and its bytes are requested together (the glue would ask for the bytes
 * only once it has arrived itself); a failure is not kept, so the next click tries again.
 */
function loadEngine() {
  if (!engineReady) {
    const glue = import("./pkg/annotator.js");
    const bytes = fetch(new URL(`pkg/${ENGINE_FILE ?? "annotator_bg.wasm"}`, SITE));
    bytes.catch(() => {}); // reported through pkg.default() below
    engineReady = glue.then(async (pkg) => {
      await pkg.default({ module_or_path: bytes });
      return pkg;
    });
    engineReady.catch(() => {
      engineReady = null;
    });
  }
  return engineReady;
}

/**
 * Open the annotator on this page, or close it if it is open. Never throws: failures end in a visible message.
 * The site's address is where this module was loaded from (older bookmarklets pass their origin: ignored).
 * @returns {Promise<void>}
 */
export async function toggle() {
  if (session) {
    session.close();
    return;
  }
  session = { close: () => {} };
  try {
    await open();
  } catch (err) {
    // open() has its own fallbacks; this is for the unexpected (e.g. a page overriding DOM APIs).
    session?.close();
    session = null;
    try {
      window.alert(`Article annotator could not start on this page: ${err && err.message ? err.message : err}`);
    } catch {
      // alert itself may be disabled (sandboxed frame): nothing else to do.
    }
  }
}

/**
 * The open session, for tests and debugging: the article element found and why it was chosen; null when closed.
 * @returns {{articleRoot: Element, reason: string, annotatedIn?: "worker" | "page", reanchored: number,
 *   timings: Record<string, number>} | null}
 *   `reanchored`: how many times the highlights were placed again after the page changed the article;
 *   `timings`: milliseconds from the start of opening to the end of each phase (article found, engine ready,
 *   interface modules, text extracted, pack loaded, annotated, painted: the highlights registered, panel: the
 *   interface built after a frame that shows them), for e2e/bench-bookmarklet.mjs
 */
export function state() {
  if (!session?.articleRoot) return null;
  const { articleRoot, reason, annotatedIn, reanchored = 0, timings = {} } = session;
  return { articleRoot, reason, annotatedIn, reanchored, timings: { ...timings } };
}

async function open() {
  const t0 = performance.now();
  const timings = {};
  const phase = (name) => {
    timings[name] = Math.round(performance.now() - t0);
  };
  // Everything the first paint needs starts downloading now, side by side: the engine's glue and bytes (compiled
  // by pkg.default() as they stream in), the interface's modules (already here in the one-file build) and the
  // pack of the page's language (its name is in the one-file build: no manifest to fetch first). Awaited one after
  // the other, the interface's module graph waited for the engine's compile.
  const enginePkg = loadEngine();
  const interfaceModules = Promise.all([import("./js/highlight-styles.js"), import("./js/reader-ui.js")]);
  const packs = import("./js/packs.js");
  // The page's declared language is the one we annotate in (pageLang): its pack downloads while the engine does
  // (a failure is reported where the pack is awaited, packFor below).
  if (pageLang()) packs.then((p) => p.fetchPack(pageLang())).catch(() => {});
  // Failures are reported where each is awaited; these handlers keep them from being reported twice as unhandled.
  for (const p of [enginePkg, interfaceModules, packs]) p.catch(() => {});
  const { root: articleRoot, reason } = findArticle(document, { live: true });
  phase("article");

  const host = document.createElement("div");
  host.setAttribute(HOST_ATTR, "");
  const shadow = host.attachShadow({ mode: "open" });
  const uiSheet = new CSSStyleSheet();
  uiSheet.replaceSync(UI_CSS);
  shadow.adoptedStyleSheets = [uiSheet];

  const bar = el("div", { class: "bar", role: "status" });
  const status = el("p", {}, "Article annotator: loading…");
  const closeButton = el("button", { type: "button" }, "Close");
  const ui = el("div", { class: "ui", id: "annotator-ui" });
  // The panel can cover part of the article: let the reader fold it away.
  const panelButton = el("button", { type: "button", "aria-expanded": "true", "aria-controls": "annotator-ui" }, "Panel");
  panelButton.addEventListener("click", () => {
    const shown = ui.hidden;
    ui.hidden = !shown;
    panelButton.setAttribute("aria-expanded", String(shown));
  });
  bar.append(status, panelButton, closeButton);
  shadow.append(bar, ui);
  document.documentElement.append(host);

  const docSheets = []; // removers of what we added to document.adoptedStyleSheets
  const cancels = []; // stoppers of what still waits (a reader window's handshake)
  let reader = null;
  let engine = null;
  const close = () => {
    cancels.splice(0).forEach((cancel) => cancel());
    try {
      reader?.destroy();
    } catch {
      // destroy() failing must not keep our host in the page.
    }
    try {
      engine?.clear();
    } catch {
      // as above
    }
    docSheets.splice(0).forEach((remove) => remove());
    host.remove();
    session = null;
  };
  session = { close, host, articleRoot, reason, cancels, timings };
  closeButton.addEventListener("click", close);
  // A second click while we are still loading closes us: after every await, stop if that happened.
  const closed = () => session?.host !== host;

  // The highlight styles go into the page now, while the engine loads. A new document sheet makes the browser
  // restyle the whole page: done here it happens in a frame of that wait; adopted later, the restyle was forced by
  // extractText on the critical path (nytimes-1: 50-60 ms instead of 1). mountReader adopts the same styles itself;
  // adopting them here too keeps them (counted, added once) for as long as we are open, and removes them on close.
  let failed = false; // the engine could not start: the fallback below needs no styles
  const styled = interfaceModules.then(([styles]) => {
    if (closed() || failed) return;
    docSheets.push(adoptHighlights(styles));
    docSheets.push(optOutOfForcedColours(articleRoot));
  });
  styled.catch(() => {}); // reported where interfaceModules is awaited
  try {
    engine = await enginePkg;
    phase("engine");
  } catch (err) {
    if (closed()) return;
    failed = true;
    docSheets.splice(0).forEach((remove) => remove());
    fallback(articleRoot, status, bar, err, cancels);
    return;
  }
  try {
    const [, { mountReader }] = await interfaceModules;
    await styled;
    phase("interface");
    if (closed()) return;
    const text = engine.extractText(articleRoot);
    phase("text");
    // The language pack the text needs (none for a language we do not read), loaded into this thread's engine:
    // mountReader annotates here when the worker is refused, and again when the page re-renders the article.
    const { packFor } = await packs;
    const pack = await packFor(engine, text, pageLang());
    phase("pack");
    if (closed()) return;
    let doc;
    let summary;
    if (text.length > BIG_TEXT) {
      status.textContent = `Article annotator: annotating ${Math.round(text.length / 1024)} KB…`;
      // else on this thread, below
      ({ doc, summary } = await annotateInWorker(text, pageLang(), pack).catch(() => ({})));
    }
    if (closed()) return;
    session.annotatedIn = doc ? "worker" : "page";
    doc ??= engine.annotate(text, { lang: pageLang() || "auto" });
    phase("annotated");
    // The highlights first, in a task of their own, and a frame to show them; the panel (summary, legend, lists)
    // is built after, from the same document and painting.
    const result = engine.highlight(articleRoot, doc, { mode: "auto" });
    phase("painted");
    await nextFrame();
    if (closed()) return;
    const mount = (text, doc, summary, result) =>
      mountReader({ host: ui, articleRoot, engine, lang: pageLang(), doc, result, summary: summary ?? undefined, text, source: location.href, name: "page" });
    reader = mount(text, doc, summary, result);
    phase("panel");
    status.textContent = "Article annotator";
    const stop = keepAnchored({
      articleRoot, engine, host, status, bar, before: panelButton, words: strings(pageLang() || reader.doc.lang),
      reader: () => reader,
      remount: (text) => {
        reader.destroy();
        reader = null;
        reader = mount(text);
        session.reanchored = (session.reanchored || 0) + 1;
      },
      drop: () => {
        reader?.destroy();
        reader = null;
      },
      refresh: () => {
        close();
        toggle();
      },
    });
    cancels.push(stop);
  } catch (err) {
    if (closed()) return;
    if (err?.name === "PackError" && err.offline) {
      // The reader page would need the same download: say so instead.
      bar.classList.add("error");
      bar.setAttribute("role", "alert");
      status.textContent = `Article annotator — ${err.message}`;
      return;
    }
    // Trusted Types, a page's odd DOM or a security policy that blocks our language data can stop us: undo what was
    // painted, then offer the reader page (our origin, our policy).
    try {
      reader?.destroy();
      engine.clear();
    } catch {
      // keep going to the fallback
    }
    reader = null;
    docSheets.splice(0).forEach((remove) => remove());
    fallback(articleRoot, status, bar, err, cancels);
  }
}

/**
 * Live pages: watches the article after painting; when the page changed its text or replaced the nodes our ranges
 * were on, `remount(text)` annotates and paints the new text (unobserved, so our own painting is not a change);
 * when that is not safe (the article element left the page, a text too long for this thread, a page that never
 * settles), the bar gets a Refresh button (`refresh()`), and when the article left the page `drop()` removes what
 * was painted for it. Returns the stopper.
 */
function keepAnchored({ articleRoot, engine, host, status, bar, before, words, reader, remount, drop, refresh }) {
  let times = [];
  const offerRefresh = () => {
    watch.stop();
    // The article we painted is gone: its panel and focus ring would point at nothing.
    if (!articleRoot.isConnected) drop();
    status.textContent = `Article annotator — ${words.pageChanged}`;
    if (bar.querySelector(".refresh")) return;
    const button = el("button", { type: "button", class: "refresh" }, words.refresh);
    button.addEventListener("click", refresh);
    bar.insertBefore(button, before);
  };
  const watch = watchArticle(articleRoot, {
    ignore: (node) => host.contains(node),
    changed: () => {
      const r = reader();
      return !articleRoot.isConnected || rangesDetached(articleRoot, r.result.ranges, r.doc.annotations) ||
        engine.extractText(articleRoot) !== r.text;
    },
    onChange: () => {
      const text = articleRoot.isConnected ? engine.extractText(articleRoot) : "";
      // A page that keeps changing its article (a ticking clock, a live blog) would have us annotate without end.
      times = times.filter((at) => at > performance.now() - 60_000);
      if (!articleRoot.isConnected || text.length > BIG_TEXT || times.length >= MAX_REANCHORS_PER_MINUTE) return offerRefresh();
      times.push(performance.now());
      try {
        watch.pause(() => remount(text));
        status.textContent = `Article annotator — ${words.reanchored}`;
      } catch {
        offerRefresh();
      }
    },
  });
  return () => watch.stop();
}

/**
 * Annotate in our worker (worker.js). A worker must come from the page's origin, so a blob: module stands in and
 * imports ours; pages whose CSP refuses blob: workers make this reject, and the caller annotates on the main thread.
 */
function annotateInWorker(text, lang, pack) {
  return new Promise((resolve, reject) => {
    const src = `import ${JSON.stringify(new URL("worker.js", SITE).href)};`;
    const url = URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
    let worker;
    try {
      worker = new Worker(url, { type: "module" });
    } catch (err) {
      URL.revokeObjectURL(url);
      reject(err);
      return;
    }
    const done = (fn, value) => {
      worker.terminate();
      URL.revokeObjectURL(url);
      fn(value);
    };
    worker.onerror = (e) => done(reject, new Error(e.message || "worker failed"));
    worker.onmessage = (e) => {
      if (e.data.type === "done") done(resolve, { doc: e.data.doc, summary: e.data.summary });
      else if (e.data.type === "error") done(reject, new Error(e.data.message));
    };
    worker.postMessage({ id: 1, text, lang, pack });
  });
}

/**
 * Show why the annotator cannot run here and send the article's text to the reader page. What waits for the reader
 * goes into `cancels` (run on close).
 */
function fallback(articleRoot, status, bar, err, cancels) {
  bar.classList.add("error");
  bar.setAttribute("role", "alert");
  const why = describe(err);
  status.textContent = `Article annotator cannot run inside this page (${why}). Its article opens in the reader page.`;
  const article = {
    type: "annotator-page",
    url: location.href,
    title: document.title,
    lang: document.documentElement.lang,
    paragraphs: articleParagraphs(articleRoot, { live: true }),
    why,
  };
  const tryOpen = () => {
    const cancel = openReader(article);
    if (cancel) cancels.push(cancel);
    return Boolean(cancel);
  };
  if (!tryOpen()) {
    // Pop-up blocked (the click's user activation may have run out while loading): a click on our button is new
    // activation.
    status.textContent = `Article annotator cannot run inside this page (${why}). Open its article in the reader page?`;
    const button = el("button", { type: "button" }, "Open reader");
    button.addEventListener("click", () => {
      if (tryOpen()) button.remove();
    });
    bar.insertBefore(button, bar.lastChild);
  }
}

/**
 * window.open + handshake (bookmarklet.js describes it): the article is posted only to the window we opened, only at
 * our origin, only in answer to the nonce we gave it. Returns the function that stops listening (also called after
 * READER_WAIT_MS or once answered), or null when the window was blocked.
 */
function openReader(article) {
  const nonce = crypto.getRandomValues(new Uint32Array(4)).join("-");
  const url = new URL("reader.html", SITE);
  url.hash = new URLSearchParams({ n: nonce, o: location.origin }).toString();
  const w = window.open(url.href);
  if (!w) return null;
  let timer = 0;
  const stop = () => {
    window.removeEventListener("message", onMessage);
    clearTimeout(timer);
  };
  function onMessage(e) {
    if (e.source === w && e.origin === SITE.origin && e.data?.type === "annotator-ready" && e.data.nonce === nonce) {
      stop();
      w.postMessage({ ...article, nonce }, SITE.origin);
    }
  }
  window.addEventListener("message", onMessage);
  timer = setTimeout(stop, READER_WAIT_MS);
  return stop;
}

function describe(err) {
  const msg = String((err && err.message) || err || "");
  if (/WebAssembly|wasm/i.test(msg)) return "its security policy does not allow WebAssembly";
  if (/Trusted ?Type/i.test(msg)) return "its security policy requires Trusted Types";
  if (err?.name === "PackError") return `${msg.charAt(0).toLowerCase()}${msg.slice(1).replace(/\.$/, "")}`;
  if (/fetch|load|import|network/i.test(msg)) return "its security policy blocks our files";
  return msg.slice(0, 120) || "unknown error";
}

/**
 * In forced-colours mode Chromium paints every custom highlight with the system Highlight colours, so the layers
 * look alike; the highlight styles paint each layer with system colours themselves once the article opts out
 * (www/README.md). We must not touch the page's markup, so the opt-out is a rule adopted into the document, with a
 * selector that names the article element by its position. Returns its remover.
 */
function optOutOfForcedColours(root) {
  const parts = [];
  for (let e = root; e !== document.documentElement; e = e.parentElement) {
    if (!e || !e.parentElement) return () => {}; // inside a shadow root: no document-level selector reaches it
    parts.unshift(`${CSS.escape(e.localName)}:nth-child(${[...e.parentElement.children].indexOf(e) + 1})`);
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`@media (forced-colors: active) { :root > ${parts.join(" > ")} { forced-color-adjust: none; } }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** Adds the ::highlight() styles to the page; returns their remover. */
function adoptHighlights(styles) {
  if (typeof styles.adoptHighlightStyles === "function") return styles.adoptHighlightStyles(document);
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styles.HIGHLIGHT_CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** Resolves once the browser has had a chance to render what this task painted (or after 100 ms in a hidden tab). */
function nextFrame() {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(timer);
        resolve();
      }, 0));
  });
}

function pageLang() {
  const lang = (document.documentElement.lang || "").slice(0, 2).toLowerCase();
  return lang === "fr" || lang === "en" ? lang : undefined;
}

function el(tag, attrs = {}, text = "") {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text) e.textContent = text;
  return e;
}
