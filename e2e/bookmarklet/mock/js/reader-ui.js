// Test double of mountReader (see ../README.md): paints and shows a one-line legend with the count.
export function mountReader({ host, articleRoot, engine, lang }) {
  const result = engine.highlight(articleRoot, articleRoot.ownerDocument, { mode: "highlight" });
  const legend = document.createElement("p");
  legend.textContent = `Entities: ${result.painted} (${lang ?? "auto"})`;
  legend.setAttribute("data-mock-reader", "");
  host.append(legend);
  return {
    destroy() {
      engine.clear();
      legend.remove();
    },
  };
}
