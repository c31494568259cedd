// The development server (scripts/serve.py, what scripts/serve.sh runs): it serves only what the site needs
// (www/ and seeds/), never the rest of the checkout (.git, scripts, sources) nor a directory listing, and sends
// Access-Control-Allow-Origin only on what the bookmarklet loads from other sites.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, requireWasmBuild, serveSite } from "./harness.mjs";

let site;
let sub;

before(async () => {
  requireWasmBuild();
  site = await serveSite();
  sub = await serveSite({ base: "/some/sub/path/" });
});

after(async () => {
  await site?.close();
  await sub?.close();
});

/** GET with the path sent as written (no URL normalisation of "..", "%2e"): {status, headers}. */
function get(origin, rawPath, headers = {}) {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = http.get({ hostname, port, path: rawPath, headers }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on("error", reject);
  });
}

test("only www/ and seeds/ are served: no .git, no scripts, no sources, no listings, no escaping", async () => {
  for (const p of ["/.git/config", "/.git/HEAD", "/scripts/", "/scripts/serve.py", "/src/lib.rs", "/Cargo.toml",
    "/e2e/package.json", "/www/../.git/config", "/www/%2e%2e/Cargo.toml", "/www/..%2fCargo.toml", "/seeds/../README.md",
    "/www/js/", "/seeds/", "/seeds/fr/", "/www/pkg/", "/www/.gitignore", "/%2e%2e/%2e%2e/etc/passwd"]) {
    const r = await get(site.origin, p);
    assert.equal(r.status, 404, p);
    assert.equal(r.headers["access-control-allow-origin"], undefined, p);
  }
  assert.equal((await get(site.origin, "/")).status, 302);
  assert.equal((await get(site.origin, "/")).headers.location, "/www/");
  for (const p of ["/www/", "/www/index.html", "/www/install.html", "/www/reader.html", "/seeds/index.json"]) {
    assert.equal((await get(site.origin, p)).status, 200, p);
  }
});

test("CORS only on what the bookmarklet loads: inject.js, its modules, the engine, the worker", async () => {
  const cors = ["/www/inject.js", "/www/worker.js", "/www/js/reader-ui.js", "/www/js/article-extract.js",
    "/www/js/highlight-styles.js", "/www/pkg/annotator.js", "/www/pkg/annotator_bg.wasm"];
  for (const p of cors) {
    const r = await get(site.origin, p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers["access-control-allow-origin"], "*", p);
  }
  assert.equal((await get(site.origin, "/www/pkg/annotator_bg.wasm")).headers["content-type"], "application/wasm");
  for (const p of ["/www/", "/www/index.html", "/www/install.html", "/www/reader.html", "/www/style.css", "/www/main.js",
    "/www/bookmarklet.js", "/seeds/index.json"]) {
    const r = await get(site.origin, p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers["access-control-allow-origin"], undefined, `${p} is a page asset: no CORS`);
  }
});

test("under a sub-path (--base), the same layout moves as a whole", async () => {
  assert.equal(sub.www, `${sub.origin}/some/sub/path/www/`);
  assert.equal((await get(sub.origin, "/some/sub/path/www/install.html")).status, 200);
  assert.equal((await get(sub.origin, "/some/sub/path/seeds/index.json")).status, 200);
  assert.equal((await get(sub.origin, "/some/sub/path/www/inject.js")).headers["access-control-allow-origin"], "*");
  assert.equal((await get(sub.origin, "/some/sub/path/")).headers.location, "/some/sub/path/www/");
  for (const p of ["/www/install.html", "/seeds/index.json", "/some/sub/path/.git/config", "/some/sub/www/inject.js"]) {
    assert.equal((await get(sub.origin, p)).status, 404, p);
  }
});

test("language packs: CORS, cached for a year (content-hashed names), gzip when accepted, 304 on a known ETag", async () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "www", "pkg", "packs", "manifest.json"), "utf8"));
  for (const [lang, { file, bytes }] of Object.entries(manifest)) {
    const p = `/www/pkg/packs/${file}`;
    assert.match(file, new RegExp(`^${lang}\\.[0-9a-f]{8}\\.pack$`));
    const plain = await get(site.origin, p);
    assert.equal(plain.status, 200, p);
    assert.equal(Number(plain.headers["content-length"]), bytes);
    assert.equal(plain.headers["access-control-allow-origin"], "*");
    assert.match(plain.headers["cache-control"], /immutable/);
    const gz = await get(site.origin, p, { "accept-encoding": "gzip" });
    assert.equal(gz.headers["content-encoding"], "gzip");
    assert.ok(Number(gz.headers["content-length"]) < bytes);
    assert.equal((await get(site.origin, p, { "if-none-match": plain.headers.etag })).status, 304);
  }
  assert.equal((await get(site.origin, "/www/pkg/packs/manifest.json")).headers["cache-control"], "no-cache");
});

test("the bookmarklet's bundle and its content-hashed engine: CORS; the engine cached for a year, the rest revalidated", async () => {
  const engine = readdirSync(path.join(ROOT, "www", "pkg")).filter((f) => /^annotator_bg\.[0-9a-f]{8}\.wasm$/.test(f));
  assert.equal(engine.length, 1, `one content-hashed engine in www/pkg: ${engine}`);
  const hashed = await get(site.origin, `/www/pkg/${engine[0]}`);
  assert.equal(hashed.status, 200);
  assert.equal(hashed.headers["access-control-allow-origin"], "*");
  assert.equal(hashed.headers["content-type"], "application/wasm");
  assert.match(hashed.headers["cache-control"], /max-age=31536000, immutable/);
  // The bundle names that file (scripts/bundle.mjs), so the two always change together.
  assert.ok(readFileSync(path.join(ROOT, "www", "pkg", "inject.js"), "utf8").includes(engine[0]));
  for (const p of ["/www/pkg/inject.js", "/www/pkg/annotator_bg.wasm", "/www/pkg/annotator.js"]) {
    const r = await get(site.origin, p);
    assert.equal(r.status, 200, p);
    assert.equal(r.headers["access-control-allow-origin"], "*", p);
    assert.equal(r.headers["cache-control"], "no-cache", p);
  }
});
