// The TypeScript declarations wasm-bindgen writes from the Rust types (www/pkg/annotator.d.ts, no hand-written
// TypeScript): every function the module exports is declared, and the language-pack API has the types the shell
// relies on (js/packs.js). Reads the build only: `scripts/wasm.sh build` first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, requireWasmBuild } from "./harness.mjs";

test("annotator.d.ts declares every export, and the language-pack functions with their types", async () => {
  requireWasmBuild();
  const dts = readFileSync(path.join(ROOT, "www", "pkg", "annotator.d.ts"), "utf8");
  const js = readFileSync(path.join(ROOT, "www", "pkg", "annotator.js"), "utf8");
  const exported = [...js.matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
  assert.ok(exported.length > 10);
  for (const name of exported) assert.match(dts, new RegExp(`^export function ${name}\\(`, "m"), `${name} undeclared`);
  assert.match(dts, /^export function loadPack\(bytes: Uint8Array \| number\[\]\): Lang;$/m);
  assert.match(dts, /^export function langNeeded\(text: string, options\?: AnnotateOptions\): Lang \| null;$/m);
  assert.match(dts, /^export function packLoaded\(lang: string\): boolean;$/m);
  assert.match(dts, /^export type Lang = "fr" \| "en";$/m);
});
