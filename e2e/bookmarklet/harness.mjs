// Shared by bookmarklet.test.mjs and measure-extract.mjs: a tiny static server and the Chromium launcher.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

// playwright-core comes from e2e/package.json (npm install in e2e/).
const require = createRequire(new URL("../package.json", import.meta.url));
export const { chromium } = require("playwright-core");

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

export function launch() {
  return chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serve `root` on 127.0.0.1 or localhost at a free port. `headersFor(urlPath)` may add response headers
 * (e.g. a Content-Security-Policy). Anything outside `root` is a 404; no network beyond the loopback.
 */
export function serve(
  root,
  { host = "127.0.0.1", headersFor = () => ({}), cors = false, mounts = {}, overlay = null, overlayAll = false, dynamic = {} } = {},
) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      // `dynamic` maps a URL path to a function making the body (e.g. a generated very long page).
      for (const [prefix, make] of Object.entries(dynamic)) {
        if (url.pathname.endsWith(prefix)) {
          res.writeHead(200, { "content-type": TYPES[path.extname(prefix)], ...headersFor(url.pathname) });
          res.end(make());
          return;
        }
      }
      // `mounts` maps a URL prefix to another folder (e.g. "/rp/" -> the readability pages).
      let base = root;
      let rel = decodeURIComponent(url.pathname);
      for (const [prefix, dir] of Object.entries(mounts)) {
        if (rel.startsWith(prefix)) {
          base = dir;
          rel = rel.slice(prefix.length - 1);
          break;
        }
      }
      let file = path.normalize(path.join(base, rel));
      if (!file.startsWith(path.resolve(base))) throw new Error("outside root");
      // `overlay`: a folder whose files are served where `root` has none (test doubles of modules not built yet),
      // or, with `overlayAll`, wherever the overlay has the file (so the doubles are used as one consistent set).
      if (overlay && base === root) {
        const alt = path.join(overlay, rel);
        const altExists = overlayAll && (await stat(alt).catch(() => null))?.isFile();
        if (altExists || !(await stat(file).catch(() => null))) file = alt;
      }
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] ?? "application/octet-stream";
      res.writeHead(200, { "content-type": type, "cache-control": "no-store",
        // A site hosting the bookmarklet must allow cross-origin module and wasm loads (GitHub Pages does).
        ...(cors ? { "access-control-allow-origin": "*" } : {}),
        ...headersFor(url.pathname) });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(0, host, () => {
      const { port } = server.address();
      resolve({ origin: `http://${host}:${port}`, close: () =>
          new Promise((r) => {
            server.close(r);
            server.closeAllConnections();
          }), });
    });
  });
}
