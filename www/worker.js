// Annotates off the main thread, so a long article (1 MB) never blocks the page.
// Runs the same wasm module as the page. Messages: {id, text, lang, pack, module} in, `pack` being the {lang, bytes}
// of the language pack the text needs (js/packs.js fetched and checked it; null when it needs none) and `module` the
// page's compiled engine (WebAssembly.Module; fetched and compiled here when absent); {id, type, ...} out
// ("done" carries the document and, when the engine has it, the sourcing summary: both cost time on a long article).
import init, * as engine from "./pkg/annotator.js";

let ready = null;

self.onmessage = async (event) => {
  const { id, text, lang, pack, module } = event.data;
  try {
    // The page's compiled engine when it sends one (no second download or compile), else our own.
    ready ||= init(module ? { module_or_path: module } : undefined).catch((err) => {
      ready = null;
      throw err;
    });
    await ready;
    if (pack && !engine.packLoaded(pack.lang)) engine.loadPack(pack.bytes);
    self.postMessage({ id, type: "progress", phase: "annotating" });
    const t0 = performance.now();
    const doc = engine.annotate(text, { lang: lang || "auto" });
    const ms = performance.now() - t0;
    const summary = typeof engine.summarize === "function" ? engine.summarize(text, doc) : null;
    self.postMessage({ id, type: "done", doc, summary, ms });
  } catch (err) {
    self.postMessage({ id, type: "error", message: String((err && err.message) || err) });
  }
};
