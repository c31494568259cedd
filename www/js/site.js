// The site's folder (index.html, reader.html, worker.js, pkg/), from this module's own address. js/ is one level
// below the site, and so is pkg/, where scripts/bundle.mjs writes the bookmarklet's one-file build (pkg/inject.js):
// the same relative URL names the site's folder whether this module is loaded on its own or bundled there.
export const SITE = new URL("../", import.meta.url);
