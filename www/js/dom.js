// Small DOM helpers of the reading interface. Text always goes in through textContent.

/**
 * A new element of `doc`: `attrs.text` becomes its textContent, `attrs.className` its class, the others attributes
 * (true → present and empty; false, null and undefined → absent); `children` are appended.
 */
export function el(doc, tag, attrs = {}, ...children) {
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

/** `text` on one line, cut to `max` characters with an ellipsis. */
export function excerpt(text, max = 90) {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
