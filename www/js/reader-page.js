// The reader page: where the bookmarklet sends a page's article when that page's Content-Security-Policy does not
// let the annotator run inside it. Handshake (see bookmarklet.js): the page that opened us put a nonce and its
// origin in our URL fragment (#n=…&o=…); we post {type: "annotator-ready", nonce} to our opener at that origin only,
// and accept one {type: "annotator-page", nonce, paragraphs, …} message, only from that window, that origin and with
// that nonce. A window that opened us without the fragment gets nothing. What is shown is plain text (textContent),
// never markup from the page, and it is labelled with the origin it came from.

const statusEl = document.getElementById("status");
// How long we wait for the article once we have asked for it.
const WAIT_MS = 15000;

function setStatus(text, error = false) {
  statusEl.textContent = text;
  statusEl.classList.toggle("error", error);
  statusEl.setAttribute("role", error ? "alert" : "status");
}

/**
 * Turn a received message into {title, url, lang, paragraphs, why}, or null if it is not the page we asked for.
 * @param {unknown} data
 * @param {string} nonce the nonce of our handshake
 */
export function readMessage(data, nonce) {
  if (!data || typeof data !== "object" || data.type !== "annotator-page" || !nonce || data.nonce !== nonce) return null;
  if (!Array.isArray(data.paragraphs)) return null;
  const str = (v) => (typeof v === "string" ? v : "");
  const paragraphs = data.paragraphs.filter((p) => typeof p === "string" && p.trim());
  if (paragraphs.length === 0) return null;
  return { title: str(data.title), url: str(data.url), lang: str(data.lang), paragraphs, why: str(data.why) };
}

/** The handshake's parameters from our URL fragment: {nonce, origin} or null. */
export function handshakeParams(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const nonce = params.get("n");
  let origin = null;
  try {
    origin = new URL(params.get("o") || "").origin;
  } catch {
    return null;
  }
  if (!nonce || !/^https?:/.test(origin)) return null;
  return { nonce, origin };
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
  // The language pack the article needs (js/packs.js); a failure is shown by the caller.
  const { packFor } = await import("./packs.js");
  await packFor(pkg, pkg.extractText(box), lang === "fr" || lang === "en" ? lang : "auto");
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
  const handshake = handshakeParams(location.hash);
  if (!opener || !handshake) {
    setStatus("This page shows an article sent by the bookmarklet. Open it from the bookmarklet (see install.html).");
    return;
  }
  let done = false;
  const timer = setTimeout(() => {
    if (!done) setStatus("No article arrived from the page that opened this window.", true);
  }, WAIT_MS);
  const onMessage = async (e) => {
    if (done || e.source !== opener || e.origin !== handshake.origin) return;
    const article = readMessage(e.data, handshake.nonce);
    if (!article) return;
    done = true;
    window.removeEventListener("message", onMessage);
    clearTimeout(timer);
    const box = render(article, e.origin);
    const why = article.why ? ` (${article.why})` : " (its security policy blocks scripts from this site)";
    setStatus(`The annotator could not run inside ${e.origin}${why}, so its article is shown here.`);
    try {
      await annotate(box, article.lang.slice(0, 2).toLowerCase(), article.url || undefined);
    } catch (err) {
      setStatus(`The article is shown, but the annotator failed to start: ${err && err.message ? err.message : err}`, true);
    }
  };
  window.addEventListener("message", onMessage);
  opener.postMessage({ type: "annotator-ready", nonce: handshake.nonce }, handshake.origin);
}

start();
