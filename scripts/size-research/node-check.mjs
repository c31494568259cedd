// WASM=FILE node scripts/size-research/node-check.mjs PKG_DIR [PACK...]   (from the crate root)
// Loads PKG_DIR/annotator.js with the wasm FILE (default PKG_DIR/annotator_bg.wasm) in node, registers the packs
// (engine-only builds), annotates every seed and prints a digest of the outputs (equal digests = same output),
// then times `annotate` on 1 MB of the French seeds: a cold run, then the median of 5.
import fs from "node:fs"; import path from "node:path"; import crypto from "node:crypto";
const [dir, ...packs] = process.argv.slice(2);
const m = await import(path.resolve(dir, "annotator.js")); const wasmFile = process.env.WASM || path.resolve(dir, "annotator_bg.wasm");
m.initSync({ module: fs.readFileSync(wasmFile) });
for (const p of packs) console.log("loaded pack", m.loadPack(fs.readFileSync(p)));
const seeds = ["fr", "en"].flatMap((l) => fs.readdirSync(`seeds/${l}`).filter((f) => f.endsWith(".txt")).map((f) => `seeds/${l}/${f}`));
const h = crypto.createHash("sha256");
for (const s of seeds) h.update(JSON.stringify(m.annotate(fs.readFileSync(s, "utf8"))));
console.log("output digest over", seeds.length, "seeds:", h.digest("hex").slice(0, 16));
const fr = seeds.filter((s) => s.includes("/fr/")).map((s) => fs.readFileSync(s, "utf8")).join("\n\n");
let big = ""; while (big.length < 1_000_000) big += fr + "\n\n";
big = big.slice(0, 1_000_000);
const t = [];
for (let i = 0; i < 6; i++) { const t0 = performance.now(); m.annotate(big, { lang: "fr" }); t.push(performance.now() - t0); }
const warm = t.slice(1).sort((a, b) => a - b);
console.log(`1 MB French: cold ${t[0].toFixed(0)} ms, median of 5 ${warm[2].toFixed(0)} ms`);
