// Live pages: a single-page news site re-renders its article, a lazy loader adds paragraphs, after we annotated
// it. Ranges over replaced nodes collapse and the highlights vanish silently, so we watch the article element and
// say when its text or its nodes changed under us. Our own changes (the `<mark>` fallback, our interface if it sits
// inside the article) leave the text as it was and are filtered by the check, not by guessing at mutation records.

/**
 * Watches `root` (a MutationObserver on its subtree) and calls `onChange()` once the page has stopped changing it for
 * `delay` ms and `changed()` says the annotation no longer fits. `ignore(node)` names nodes whose mutations are ours.
 * @param {Element} root
 * @param {{changed: () => boolean, onChange: () => void, ignore?: (node: Node) => boolean, delay?: number}} o
 * @returns {{stop(): void, pause<T>(fn: () => T): T}} `pause(fn)` runs fn (our own painting) unobserved
 */
export function watchArticle(root, { changed, onChange, ignore = () => false, delay = 400 }) {
  const view = root.ownerDocument.defaultView;
  let timer = 0;
  const options = { childList: true, subtree: true, characterData: true };
  const observer = new view.MutationObserver((records) => {
    if (records.every((rec) => ignore(rec.target))) return;
    view.clearTimeout(timer);
    timer = view.setTimeout(() => {
      timer = 0;
      if (changed()) onChange();
    }, delay);
  });
  observer.observe(root, options);
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
        observer.takeRecords();
        observer.observe(root, options);
      }
    },
  };
}

/** Whether a painted result still holds: every range's ends are inside `root` (else the page replaced its nodes). */
export function rangesDetached(root, ranges) {
  return ranges.some((r) => r && !(root.contains(r.startContainer) && root.contains(r.endContainer)));
}
