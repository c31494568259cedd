// Which key presses the reading interface may take (n / j, p / k, Esc): never those typed into something editable,
// wherever it is: in the page, in an open shadow root, or in a closed one, which we cannot look into.

// Elements that take focus without a tabindex attribute.
const NATIVELY_FOCUSABLE = new Set(["A", "AREA", "BUTTON", "INPUT", "SELECT", "TEXTAREA", "IFRAME", "SUMMARY", "AUDIO", "VIDEO", "EMBED", "OBJECT"]);

/** An input, textarea, select or contenteditable element. */
export function isEditable(node) {
  if (!node || node.nodeType !== 1) return false;
  return node.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(node.tagName);
}

/** The focused element, followed down through open shadow roots. */
function deepestActive(doc) {
  let active = doc?.activeElement ?? null;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Whether a key event's target hides where the focus really is: an element that cannot take focus itself is the
 * target only when the focus is inside its closed shadow root (events from there are retargeted to the host, and
 * document.activeElement is the host too). Body and html are where keys go when nothing has focus.
 */
function hidesFocus(node) {
  if (!node || node.nodeType !== 1 || node.shadowRoot) return false; // an open root showed its inside already
  const doc = node.ownerDocument;
  if (node === doc.body || node === doc.documentElement) return false;
  return !(node.hasAttribute("tabindex") || NATIVELY_FOCUSABLE.has(node.tagName) || node.isContentEditable);
}

/** True when the key event `e` belongs to someone typing (so the reader must leave it alone). */
export function isTyping(e) {
  const target = e.composedPath ? e.composedPath()[0] : e.target;
  const doc = target?.ownerDocument ?? target;
  return isEditable(target) || isEditable(deepestActive(doc)) || hidesFocus(target);
}
