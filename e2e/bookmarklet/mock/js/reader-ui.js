// Test double of mountReader (see ../README.md): annotates, paints, adopts the highlight styles into the page and
// shows a one-line legend with the count; destroy() undoes all of it.
import { adoptHighlightStyles } from "./highlight-styles.js";

export function mountReader({ host, articleRoot, engine, lang }) {
  const text = engine.extractText(articleRoot);
  const doc = engine.annotate(text, { lang: lang || "auto" });
  const removeStyles = adoptHighlightStyles(articleRoot.ownerDocument);
  const result = engine.highlight(articleRoot, doc, { mode: "auto" });
  const legend = document.createElement("p");
  legend.textContent = `Entities: ${result.painted} (${lang ?? "auto"})`;
  legend.setAttribute("data-mock-reader", "");
  host.append(legend);
  return {
    destroy() {
      engine.clear();
      removeStyles();
      legend.remove();
    },
  };
}
