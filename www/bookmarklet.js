// Readable source of the bookmarklet. install.html turns `run` into a `javascript:` URL for the address the site is
// served from (its folder, e.g. https://user.github.io/article-annotator/www/), so a self-hosted copy, at the root
// of its origin or under a sub-path, makes bookmarklets that load from itself.
//
// What Chromium does with it (checked in e2e/bookmarklet.test.mjs): a bookmarklet clicked in the bookmarks bar is a
// browser-initiated `javascript:` navigation, and its code runs even when the page's Content-Security-Policy has
// no 'unsafe-inline' (the same URL in a link on the page is refused). Everything the code then loads is the page's
// business: `import()` of our module is checked against the page's script-src, the engine's WebAssembly against
// 'wasm-unsafe-eval', its fetch against connect-src. So `run` keeps only what must work without our module:
// importing it, and otherwise handing the article's text to our reader page.
//
// Reader handshake (js/reader-page.js; inject.js does the same): the page opens reader.html with a fresh random
// nonce and its own origin in the URL fragment; the reader posts {type: "annotator-ready", nonce} to its opener at
// that origin only; the page answers, only to the window it opened, only at our origin and only with that nonce,
// with {type: "annotator-page", nonce, url, title, lang, paragraphs}: the text of the article's paragraphs, nothing
// else of the page (no form fields, no tokens, no markup). Unanswered, the page stops listening after a minute.

// Runs in the page. Kept free of `%`, escaped quotes and comments other than whole lines (dropped), and
// self-contained: it is turned into text by `bookmarkletSource`. `b` is the site's folder URL, `o` its origin.
function run(b, o) {
  // The one-file build of inject.js (scripts/bundle.mjs), else inject.js and its modules as they are.
  // eslint-disable-next-line no-unsanitized/method -- `b` is the site's own address, fixed when the link is built
  import(b + "pkg/inject.js").catch(() => import(b + "inject.js")).then(
    (m) => m.toggle(),
    () => {
      // The article's text blocks, as inject.js's fallback sends them (without our extractor: the page forbids it).
      const r = ["[itemprop=articleBody]", "article", "main", "[role=main]"].map((s) => document.querySelector(s)).find(Boolean) || document.body;
      const q = "h1,h2,h3,h4,p,li,blockquote,pre";
      const p = [...r.querySelectorAll(q)]
        .filter((e) => e.getClientRects().length && !e.closest("nav,aside,footer,form") && !e.querySelector(q))
        .map((e) => e.innerText.trim())
        .filter(Boolean);
      const n = crypto.getRandomValues(new Uint32Array(4)).join("-");
      const w = open(b + "reader.html#" + new URLSearchParams({ n, o: location.origin }));
      if (!w) {
        alert("Article annotator: this page does not let our script run, and the reader window was blocked. Allow pop-ups for this site and click the bookmarklet again.");
        return;
      }
      const h = (e) => {
        if (e.source === w && e.origin === o && e.data && e.data.type === "annotator-ready" && e.data.nonce === n) {
          removeEventListener("message", h);
          w.postMessage({ type: "annotator-page", nonce: n, url: location.href, title: document.title, lang: document.documentElement.lang, paragraphs: p }, o);
        }
      };
      addEventListener("message", h);
      setTimeout(() => removeEventListener("message", h), 60000);
    },
  );
}

/**
 * The site's folder URL for a page of the site: `pageUrl` without its last path segment, query and fragment.
 * @param {string} pageUrl e.g. location.href of install.html
 * @returns {URL}
 */
export function siteBase(pageUrl) {
  const url = new URL(".", pageUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`not an http(s) address: ${pageUrl}`);
  return url;
}

/**
 * The JavaScript the bookmarklet runs, for a site whose pages (install.html, reader.html, inject.js) are at `pageUrl`'s
 * folder.
 * @param {string} pageUrl the install page's address (location.href), or the site's folder ending in "/"
 * @returns {string}
 */
export function bookmarkletSource(pageUrl) {
  const base = siteBase(pageUrl);
  // Squeeze the whitespace outside string literals (`run` has only plain double-quoted ones).
  const body = run
    .toString()
    .replace(/^\s*\/\/.*$/gm, "")
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 ? part : part.replace(/\s+/g, " ").replace(/ ?([(){}[\],;:=<>!&|+?]) ?/g, "$1")))
    .join("");
  return `void (${body})(${JSON.stringify(base.href)},${JSON.stringify(base.origin)})`;
}

/**
 * The `javascript:` URL of the bookmarklet for the site at `pageUrl` (see bookmarkletSource).
 * @param {string} pageUrl
 * @returns {string}
 */
export function bookmarkletUrl(pageUrl) {
  // encodeURI keeps the code readable in the bookmark editor; it escapes spaces, quotes and non-ASCII.
  return `javascript:${encodeURI(bookmarkletSource(pageUrl))}`;
}
