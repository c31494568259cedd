// The one harness of the end-to-end tests and browser benchmarks: Debian's Chromium (or $CHROMIUM) launched
// headless with no network of its own, the site served by the development server itself (scripts/serve.py, so
// the tests see exactly what `scripts/serve.sh` serves), and a small static server for test pages.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

// playwright-core comes from e2e/package.json (npm install in e2e/); it drives the system Chromium, it never
// downloads one.
const require = createRequire(import.meta.url);
export const { chromium } = require("playwright-core");

export const E2E = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(E2E, "..");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
];

/** Headless Chromium; throws a clear message when it is not installed. */
export function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install chromium (or set $CHROMIUM)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The site as `scripts/serve.sh` serves it: scripts/serve.py on a free port, under `base` ("/" as in the README,
 * or a sub-path as on GitHub Pages). Returns {origin, base, www, close}: `www` is the site's URL
 * (origin + base + "www/"), the folder install.html, reader.html and inject.js live in.
 */
export function serveSite({ base = "/" } = {}) {
  const proc = spawn("python3", [path.join(ROOT, "scripts", "serve.py"), "0", "--quiet", "--base", base], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    proc.once("error", reject);
    proc.once("exit", (code) => reject(new Error(`scripts/serve.py exited (${code}) before serving`)));
    proc.stdout.on("data", (chunk) => {
      out += chunk;
      const m = /^serving (http:\/\/[^/\s]+)(\/\S*)\n/.exec(out);
      if (!m) return;
      proc.removeAllListeners("exit");
      resolve({
        origin: m[1],
        base: m[2],
        www: `${m[1]}${m[2]}www/`,
        close: () =>
          new Promise((r) => {
            if (proc.exitCode !== null) return r();
            proc.once("exit", () => r());
            proc.kill();
          }),
      });
    });
  });
}

/**
 * A static server for test pages: `root` on 127.0.0.1 or localhost (another origin than the site) at a free port.
 * `headersFor(urlPath)` may add response headers (e.g. a Content-Security-Policy); `mounts` maps a URL prefix to
 * another folder; `dynamic` maps a URL path ending to a function making the body (e.g. a generated long page);
 * `cors` adds Access-Control-Allow-Origin: *. Anything outside the folders is a 404.
 */
export function serve(root, { host = "127.0.0.1", headersFor = () => ({}), cors = false, mounts = {}, dynamic = {} } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://x");
      for (const [suffix, make] of Object.entries(dynamic)) {
        if (url.pathname.endsWith(suffix)) {
          res.writeHead(200, { "content-type": TYPES[path.extname(suffix)], ...headersFor(url.pathname) });
          res.end(make());
          return;
        }
      }
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
      if ((await stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
        ...(cors ? { "access-control-allow-origin": "*" } : {}),
        ...headersFor(url.pathname),
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  return new Promise((resolve) => {
    server.listen(0, host, () => {
      const { port } = server.address();
      resolve({
        origin: `http://${host}:${port}`,
        close: () =>
          new Promise((r) => {
            server.close(r);
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** Fails early, with the command to run, when the wasm build is missing. */
export function requireWasmBuild() {
  if (!existsSync(path.join(ROOT, "www", "pkg", "annotator.js"))) {
    throw new Error("www/pkg is missing: run scripts/wasm.sh build first");
  }
  // The bookmarklet's one-file build (scripts/bundle.mjs), which the bookmarklet loads first.
  if (!existsSync(path.join(ROOT, "www", "pkg", "inject.js"))) {
    throw new Error("www/pkg/inject.js is missing: run scripts/wasm.sh build (or scripts/wasm.sh bundle) first");
  }
}
