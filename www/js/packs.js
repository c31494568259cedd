// Language packs (docs/DESIGN-language-packs.md). The engine (pkg/annotator_bg.wasm) holds no language data: before
// annotating, the shell asks it which language the text needs (`langNeeded`: none for a text in a language we do not
// read), fetches that one pack, checks its length and SHA-256 against pkg/packs/manifest.json and hands it to the
// engine (`loadPack`, which checks magic, versions, lengths and hash again). The bytes are kept for the session (a
// worker gets them in its message rather than fetching again); the browser's HTTP cache keeps them across visits.

const PACKS = new URL("../pkg/packs/", import.meta.url);
const NAMES = { fr: "French", en: "English" };

/**
 * A pack that could not be fetched or does not match the manifest: `kind` is "offline" (the browser says so),
 * "network" (failed or blocked, e.g. by a page's connect-src), "http" (an error status), "damaged" (length or hash)
 * or "missing" (not in the manifest); the message is in English (the site words it in its own language, i18n.js).
 */
export class PackError extends Error {
  constructor(message, { lang, kind, file = "" }) {
    super(message);
    this.name = "PackError";
    this.lang = lang;
    this.kind = kind;
    this.file = file;
    this.offline = kind === "offline";
  }
}

// The one-file build of the bookmarklet (scripts/bundle.mjs) holds the manifest of the packs built with it: no
// round trip before the pack's own request. Elsewhere it is fetched, once per session.
const BUILT_IN_MANIFEST = typeof __ANNOTATOR_PACKS__ === "object" ? __ANNOTATOR_PACKS__ : null;
let manifest = BUILT_IN_MANIFEST && Promise.resolve(BUILT_IN_MANIFEST);
const fetched = new Map(); // lang → Promise<Uint8Array>

async function get(url, lang) {
  const what = `the ${NAMES[lang] || lang} language data`;
  const file = url.pathname.split("/").pop();
  let res;
  try {
    res = await fetch(url);
  } catch {
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      throw new PackError(`Could not download ${what}: you are offline. Try again once connected.`, { lang, kind: "offline", file });
    }
    throw new PackError(`Could not download ${what} (${file}): the network failed or this page's security policy blocks it.`,
      { lang, kind: "network", file });
  }
  if (!res.ok) throw new PackError(`Could not download ${what}: HTTP ${res.status} for ${file}.`, { lang, kind: "http", file });
  return res;
}

const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, "0")).join("");

async function download(lang) {
  manifest ||= get(new URL("manifest.json", PACKS), lang).then((r) => r.json());
  const entry = (await manifest.catch((err) => { manifest = null; throw err; }))[lang];
  if (!entry) {
    throw new PackError(`This build has no ${NAMES[lang] || lang} language pack (pkg/packs/manifest.json).`, { lang, kind: "missing" });
  }
  const res = await get(new URL(entry.file, PACKS), lang);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const damaged = `The ${NAMES[lang]} language data arrived damaged or does not match this engine`;
  const bad = { lang, kind: "damaged", file: entry.file };
  if (bytes.length !== entry.bytes) throw new PackError(`${damaged} (${bytes.length} bytes, expected ${entry.bytes}): reload the page.`, bad);
  // crypto.subtle exists only in secure contexts; elsewhere loadPack's own SHA-256 check of the payload remains.
  if (globalThis.crypto?.subtle && hex(await crypto.subtle.digest("SHA-256", bytes)) !== entry.sha256) {
    throw new PackError(`${damaged} (SHA-256 differs from the manifest): reload the page.`, bad);
  }
  return bytes;
}

/** The checked bytes of `lang`'s pack, fetched once per session (a failed fetch is tried again next time). */
export function fetchPack(lang) {
  if (!fetched.has(lang)) {
    const bytes = download(lang);
    fetched.set(lang, bytes);
    bytes.catch(() => fetched.delete(lang));
  }
  return fetched.get(lang);
}

/**
 * What annotating `text` with `lang` ("auto", "fr", "en") needs: `{lang, bytes}` of the pack (fetched and checked),
 * or null when it needs none. With `load`, also loads it into `engine` (unless already there) so that
 * `engine.annotate` works on this thread; a worker gets `bytes` and loads them into its own engine.
 */
export async function packFor(engine, text, lang = "auto", { load = true } = {}) {
  const need = engine.langNeeded(text, { lang: lang || "auto" });
  if (!need) return null;
  const bytes = await fetchPack(need);
  if (load && !engine.packLoaded(need)) engine.loadPack(bytes);
  return { lang: need, bytes };
}
