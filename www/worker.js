// Annotates off the main thread, so a long article (1 MB) never blocks the page.
// Loads the same wasm module as the page. Messages: {id, text, lang} in; {id, type, ...} out.
import init, { annotate } from "./pkg/annotator.js";

const ready = init();

self.onmessage = async (event) => {
  const { id, text, lang } = event.data;
  try {
    await ready;
    self.postMessage({ id, type: "progress", phase: "annotating" });
    const t0 = performance.now();
    const doc = annotate(text, { lang: lang || "auto" });
    self.postMessage({ id, type: "done", doc, ms: performance.now() - t0 });
  } catch (err) {
    self.postMessage({ id, type: "error", message: String((err && err.message) || err) });
  }
};
