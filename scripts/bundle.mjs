#!/usr/bin/env node
// The bookmarklet's one-file build: www/inject.js and every module it imports, statically or with import(),
// bundled by esbuild (tools/package.json, pinned) into www/pkg/inject.js, so that a click fetches one module
// instead of a chain of ~15 (each import found only once its importer has arrived). Run by `scripts/wasm.sh build`
// after the engine; `scripts/wasm.sh bundle` runs it alone.
//
// What stays apart: the engine's glue (pkg/annotator.js) is imported by the bundle as "./annotator.js", the same
// URL the site, the worker and the tests import, so a page holds one engine instance whoever loaded it; worker.js
// (its own thread) and reader.html are unchanged. The bundle lives in pkg/, one level below the site like js/, so
// the modules' own relative URLs (js/site.js, js/packs.js's ../pkg/packs/, reader-ui's ../index.html) mean the
// same in it. Without this build (pkg/inject.js absent) the bookmarklet loads www/inject.js and its modules as
// they are.
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync, unlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(path.join(ROOT, "tools", "package.json"));
let esbuild;
try {
  esbuild = require("esbuild");
} catch {
  console.error("missing tools/node_modules/esbuild: run scripts/setup.sh build");
  process.exit(1);
}
const PKG = path.join(ROOT, "www", "pkg");
const out = path.join(PKG, "inject.js");

// The engine under a name that holds a hash of its content (annotator_bg.<sha8>.wasm, as the packs are named), which
// the bundle loads: a server may let browsers keep such a file without asking again, and only an engine taken from
// the HTTP cache unrevalidated gets Chromium's compiled code back. Older copies go.
const wasm = path.join(PKG, "annotator_bg.wasm");
if (!existsSync(wasm)) {
  console.error(`missing ${path.relative(ROOT, wasm)}: run scripts/wasm.sh build`);
  process.exit(1);
}
const engineFile = `annotator_bg.${createHash("sha256").update(readFileSync(wasm)).digest("hex").slice(0, 8)}.wasm`;
for (const f of readdirSync(PKG)) if (/^annotator_bg\.[0-9a-f]{8}\.wasm$/.test(f) && f !== engineFile) unlinkSync(path.join(PKG, f));
copyFileSync(wasm, path.join(PKG, engineFile));

// The packs' manifest (file names, lengths and hashes, written by the same build) goes into the bundle, so that the
// pack of the page's language is requested at the click, beside the engine, instead of after a first round trip for
// pkg/packs/manifest.json (js/packs.js; that file still serves the site, the worker and unbundled code).
const manifestFile = path.join(PKG, "packs", "manifest.json");
if (!existsSync(manifestFile)) {
  console.error(`missing ${path.relative(ROOT, manifestFile)}: run scripts/wasm.sh build`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestFile, "utf8"));

// The engine's glue stays a module of its own (see above): its import is rewritten for the bundle's folder.
const engineApart = {
  name: "engine-apart",
  setup(build) {
    build.onResolve({ filter: /(^|\/)pkg\/annotator\.js$/ }, () => ({ path: "./annotator.js", external: true }));
  },
};

const result = await esbuild.build({
  entryPoints: [path.join(ROOT, "www", "inject.js")],
  outfile: out,
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: "linked",
  legalComments: "none",
  plugins: [engineApart],
  define: { __ANNOTATOR_ENGINE_FILE__: JSON.stringify(engineFile), __ANNOTATOR_PACKS__: JSON.stringify(manifest) },
  metafile: true,
  logLevel: "warning",
});
const inputs = Object.keys(result.metafile.inputs).length;
const bytes = result.metafile.outputs[path.relative(process.cwd(), out)]?.bytes ??
  Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes;
console.log(`bundle: ${path.relative(ROOT, out)}  ${inputs} modules, ${bytes} bytes (engine glue pkg/annotator.js apart); ` +
  `engine ${engineFile}, packs ${Object.values(manifest).map((p) => p.file).join(" ")}`);
