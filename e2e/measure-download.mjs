// What one reader downloads (issue 21's budget): serves the site as scripts/serve.sh does (scripts/serve.py: gzip,
// ETags, content-hashed packs), opens one French and one English seed in headless Chromium, each in a fresh browser
// context (an empty cache), waits for the first highlight and sums the bytes transferred (response bodies as sent,
// gzip, plus headers; the worker's requests included), by kind: engine (wasm), language pack, JavaScript, the rest
// (page, styles, seed text, manifest). Fails when a reader fetched another language's pack or none.
// A measurement, not a test (`node --test` does not pick it up):
//
//   scripts/wasm.sh build && node e2e/measure-download.mjs [--json OUT.json]
import fs from "node:fs";
import path from "node:path";
import { ROOT, launch, serveSite } from "./harness.mjs";

const argv = process.argv.slice(2);
const jsonOut = argv.includes("--json") ? argv[argv.indexOf("--json") + 1] : null;
const index = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds/index.json"), "utf8"));
const articles = Array.isArray(index) ? index : index.articles;

const kindOf = (url) => {
  const p = new URL(url).pathname;
  if (p.endsWith(".wasm")) return "engine";
  if (p.endsWith(".pack")) return "pack";
  if (p.endsWith(".js") || p.endsWith(".mjs")) return "js";
  return "other";
};

async function reader(browser, site, lang) {
  const seed = articles.find((a) => a.lang === lang);
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const requests = [];
  context.on("requestfinished", (r) => requests.push(r));
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(`${site.www}#seed=${encodeURIComponent(seed.slug)}`);
  await page.waitForFunction(() => window.annotatorPage?.ready && window.annotatorPage.reader?.result?.painted > 0, null, {
    timeout: 120000,
  });
  const ms = Date.now() - t0;
  const totals = { engine: 0, pack: 0, js: 0, other: 0 };
  const files = [];
  for (const r of requests) {
    const s = await r.sizes();
    const bytes = s.responseBodySize + s.responseHeadersSize;
    const kind = kindOf(r.url());
    totals[kind] += bytes;
    files.push({ url: new URL(r.url()).pathname, kind, status: (await r.response())?.status(), body: s.responseBodySize, bytes });
  }
  await context.close();
  const packs = files.filter((f) => f.kind === "pack").map((f) => path.basename(f.url));
  if (packs.length !== 1 || !packs[0].startsWith(`${lang}.`)) throw new Error(`${lang} reader fetched packs ${JSON.stringify(packs)}`);
  return { lang, seed: seed.slug, ms, ...totals, total: totals.engine + totals.pack + totals.js + totals.other, files };
}

const site = await serveSite();
const browser = await launch();
try {
  const rows = [];
  for (const lang of ["fr", "en"]) rows.push(await reader(browser, site, lang));
  console.log("| reader | engine | pack | JS | other | total | engine + pack + JS |");
  console.log("|---|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const f = (n) => n.toLocaleString("en-US");
    console.log(`| ${r.lang} (${r.seed}) | ${f(r.engine)} | ${f(r.pack)} | ${f(r.js)} | ${f(r.other)} | ${f(r.total)} | ${f(r.engine + r.pack + r.js)} |`);
  }
  for (const r of rows) {
    for (const f of r.files) console.log(`  ${r.lang} ${f.status} ${f.kind.padEnd(6)} ${String(f.bytes).padStart(8)}  ${f.url}`);
  }
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify(rows, null, 2));
} finally {
  await browser.close();
  await site.close();
}
