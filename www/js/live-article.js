// Live pages: a single-page news site re-renders its article, a lazy loader adds paragraphs, after we annotated
// it. Ranges over replaced nodes collapse and the highlights vanish silently, so we watch the article element and
// say when its text or its nodes changed under us. Our own changes (the `<mark>` fallback, our interface if it sits
// inside the article) leave the text as it was and are filtered by the check, not by guessing at mutation records.

/**
 * Watches `root` (a MutationObserver on its subtree, and on the children of each of its ancestors, so that the
 * article element itself being replaced is seen too) and calls `onChange()` once the page has stopped changing it for
 * `delay` ms and `changed()` says the annotation no longer fits. `ignore(node)` names nodes whose mutations are ours.
 * @param {Element} root
 * @param {{changed: () => boolean, onChange: () => void, ignore?: (node: Node) => boolean, delay?: number}} o
 * @returns {{stop(): void, pause<T>(fn: () => T): T}} `pause(fn)` runs fn (our own painting) unobserved
 */
export function watchArticle(root, { changed, onChange, ignore = () => false, delay = 400 }) {
  const view = root.ownerDocument.defaultView;
  let timer = 0;
  const options = { childList: true, subtree: true, characterData: true };
  const ours = (rec) => {
    if (ignore(rec.target)) return true;
    const nodes = [...rec.addedNodes, ...rec.removedNodes];
    return rec.type === "childList" && rec.target !== root && !root.contains(rec.target) && nodes.length > 0 && nodes.every(ignore);
  };
  const observe = () => {
    observer.observe(root, options);
    for (let e = root.parentNode; e; e = e.parentNode) observer.observe(e, { childList: true });
  };
  const observer = new view.MutationObserver((records) => {
    if (records.every(ours)) return;
    view.clearTimeout(timer);
    timer = view.setTimeout(() => {
      timer = 0;
      if (changed()) onChange();
    }, delay);
  });
  observe();
  return {
    stop() {
      observer.disconnect();
      view.clearTimeout(timer);
    },
    pause(fn) {
      observer.disconnect();
      try {
        return fn();
      } finally {
        observe();
      }
    },
  };
}

/**
 * Whether a painted result no longer holds: a range collapsed (a live Range whose text nodes the page removed
 * shrinks to where they were) or left `root` (a static one keeps pointing at the removed nodes). `annotations` are
 * the document's, indexed like `ranges` (an empty annotation's range is collapsed from the start).
 */
export function rangesDetached(root, ranges, annotations) {
  return ranges.some((r, i) => r && annotations[i].end > annotations[i].start &&
    (r.collapsed || !(root.contains(r.startContainer) && root.contains(r.endContainer))));
}
