// Test double of www/worker.js (see README.md): same messages, the mock engine.
import init, { annotate } from "./pkg/annotator.js";

const ready = init();

self.onmessage = async (event) => {
  const { id, text, lang } = event.data;
  try {
    await ready;
    self.postMessage({ id, type: "done", doc: annotate(text, { lang: lang || "auto" }) });
  } catch (err) {
    self.postMessage({ id, type: "error", message: String((err && err.message) || err) });
  }
};
