// Readable source of the bookmarklet. install.html turns `run` into a `javascript:` URL for the origin the site is
// served from, so a self-hosted copy makes bookmarklets that load from itself.
//
// What Chromium does with it (checked in e2e/bookmarklet.test.mjs): a bookmarklet clicked in the bookmarks bar is a
// browser-initiated `javascript:` navigation, and its code runs even when the page's Content-Security-Policy has
// no 'unsafe-inline' (the same URL in a link on the page is refused). Everything the code then loads is the page's
// business: `import()` of our module is checked against the page's script-src, the engine's WebAssembly against
// 'wasm-unsafe-eval', its fetch against connect-src. So `run` keeps only what must work without our module:
// importing it, and otherwise handing the page to our reader page (window.open + postMessage handshake).
//
// Messages (reader.html, js/reader-page.js): the reader posts {type: "annotator-ready"} to its opener; the page
// answers, only to a window it opened and only to our origin, with {type: "annotator-page", url, title, lang, html}.

// Runs in the page. Kept free of `%`, escaped quotes and comments other than whole lines (dropped), and
// self-contained: it is turned into text by `bookmarkletSource`.
function run(o) {
  // eslint-disable-next-line no-unsanitized/method -- `o` is the site's own origin, fixed when the link is built
  import(o + "/inject.js").then(
    (m) => m.toggle(o),
    () => {
      const w = open(o + "/reader.html?from=bookmarklet");
      if (!w) {
        alert("Article annotator: this page does not let our script run, and the reader window was blocked. Allow pop-ups for this site and click the bookmarklet again.");
        return;
      }
      const h = (e) => {
        if (e.source === w && e.origin === o && e.data && e.data.type === "annotator-ready") {
          removeEventListener("message", h);
          const d = document.documentElement;
          w.postMessage({ type: "annotator-page", url: location.href, title: document.title, lang: d.lang, html: d.outerHTML }, o);
        }
      };
      addEventListener("message", h);
    },
  );
}

/**
 * The JavaScript the bookmarklet runs, for a site served at `origin` (e.g. `location.origin`).
 * @param {string} origin scheme://host[:port], no trailing slash
 * @returns {string}
 */
export function bookmarkletSource(origin) {
  const url = new URL(origin);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`not an http(s) origin: ${origin}`);
  // Squeeze the whitespace outside string literals (`run` has only plain double-quoted ones).
  const body = run
    .toString()
    .replace(/^\s*\/\/.*$/gm, "")
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, " ").replace(/ ?([(){}[\],;:=<>!&|+?]) ?/g, "$1")))
    .join("");
  return `void (${body})(${JSON.stringify(url.origin)})`;
}

/**
 * The `javascript:` URL of the bookmarklet for a site served at `origin`.
 * @param {string} origin
 * @returns {string}
 */
export function bookmarkletUrl(origin) {
  // encodeURI keeps the code readable in the bookmark editor; it escapes spaces, quotes and non-ASCII.
  return `javascript:${encodeURI(bookmarkletSource(origin))}`;
}
