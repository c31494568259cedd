// The reader page: where the bookmarklet sends a page's article when that page's Content-Security-Policy does not
// let the annotator run inside it. Handshake (see bookmarklet.js): we post {type: "annotator-ready"} to our opener,
// and accept one {type: "annotator-page"} message, only from that opener. The page arrives either as its serialised
// HTML (from the bookmarklet's own code, which cannot load our extractor) or as extracted paragraphs (from
// inject.js). HTML is only ever parsed into an inert DOMParser document to find the article; what is shown is
// plain text (textContent), never markup from the page.

import { articleParagraphs, findArticle } from "./article-extract.js";

const MAX_HTML = 32 * 1024 * 1024;
const statusEl = document.getElementById("status");

function setStatus(text, error = false) {
  statusEl.textContent = text;
  statusEl.classList.toggle("error", error);
  statusEl.setAttribute("role", error ? "alert" : "status");
}

/**
 * Turn a received message into {title, url, lang, paragraphs}, or null if it is not a page we can read.
 * @param {unknown} data
 */
export function readMessage(data) {
  if (!data || typeof data !== "object" || data.type !== "annotator-page") return null;
  const str = (v) => (typeof v === "string" ? v : "");
  let paragraphs = null;
  if (Array.isArray(data.paragraphs)) {
    paragraphs = data.paragraphs.filter((p) => typeof p === "string" && p.trim());
  } else if (typeof data.html === "string" && data.html.length <= MAX_HTML) {
    // Inert: scripts never run and subresources are never fetched in a DOMParser document.
    const doc = new DOMParser().parseFromString(data.html, "text/html");
    const { root } = findArticle(doc, { live: false });
    paragraphs = articleParagraphs(root, { live: false });
  }
  if (!paragraphs || paragraphs.length === 0) return null;
  return { title: str(data.title), url: str(data.url), lang: str(data.lang), paragraphs, why: str(data.why) };
}

function render(article, from) {
  const title = document.getElementById("title");
  title.textContent = article.title || "Untitled page";
  const source = document.getElementById("source");
  source.hidden = false;
  source.textContent = "From ";
  let href = null;
  try {
    const u = new URL(article.url);
    if (u.protocol === "https:" || u.protocol === "http:") href = u.href;
  } catch {
    // not a URL: shown as text below
  }
  if (href) {
    const a = document.createElement("a");
    a.href = href;
    a.rel = "noopener noreferrer";
    a.textContent = href;
    source.append(a);
  } else {
    source.append(article.url || from);
  }
  const box = document.getElementById("article");
  box.replaceChildren(
    ...article.paragraphs.map((text) => {
      const p = document.createElement("p");
      p.textContent = text;
      return p;
    }),
  );
  const lang = article.lang.slice(0, 2).toLowerCase();
  if (lang) box.lang = lang;
  return box;
}

async function annotate(box, lang, sourceUrl) {
  const pkg = await import("../pkg/annotator.js");
  await pkg.default();
  // mountReader adopts the ::highlight() styles (js/highlight-styles.js) into this document itself.
  const { mountReader } = await import("./reader-ui.js");
  mountReader({
    host: document.getElementById("ui"),
    articleRoot: box,
    engine: pkg,
    lang: lang === "fr" || lang === "en" ? lang : undefined,
    source: sourceUrl,
    name: "article",
  });
}

function start() {
  const opener = window.opener;
  if (!opener) {
    setStatus("This page shows an article sent by the bookmarklet. Open it from the bookmarklet (see install.html).");
    return;
  }
  let done = false;
  const timer = setTimeout(() => {
    if (!done) setStatus("No article arrived from the page that opened this window.", true);
  }, 15000);
  window.addEventListener("message", async (e) => {
    // Any site may open us, so the origin cannot be fixed in advance: we trust only the window that opened us, once.
    if (done || e.source !== opener) return;
    const article = readMessage(e.data);
    if (!article) return;
    done = true;
    clearTimeout(timer);
    const box = render(article, e.origin);
    const why = article.why ? ` (${article.why})` : " (its security policy blocks scripts from this site)";
    setStatus(`The annotator could not run inside ${e.origin}${why}, so its article is shown here.`);
    try {
      await annotate(box, article.lang.slice(0, 2).toLowerCase(), article.url || undefined);
    } catch (err) {
      setStatus(`The article is shown, but the annotator failed to start: ${err && err.message ? err.message : err}`, true);
    }
  });
  opener.postMessage({ type: "annotator-ready" }, "*");
}

start();
