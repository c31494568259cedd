// Measures www/js/article-extract.js against Readability's extraction on ../shared/data/readability-pages.
// Usage (from the repo root): node e2e/measure-extract.mjs [--json]   (needs `npm install` in e2e/)
// For each page: "live" = findArticle() in the page as served (page scripts off); "inert" = findArticle() on a DOMParser copy (the reader-page fallback).
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launch, serve } from "./bookmarklet/harness.mjs";
import { compare } from "./bookmarklet/metrics.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const www = path.join(here, "..", "www");
const dataDir = path.resolve(here, "..", "..", "shared", "data", "readability-pages");

const slugs = (await readdir(dataDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
slugs.sort();
const site = await serve(www, { cors: true });
const pages = await serve(dataDir, { host: "localhost" });
const browser = await launch();
// Page scripts off, so the DOM is the saved one (as Readability saw it); CSP bypassed because two saved pages carry
// a <meta> CSP that would block our module (the bookmarklet tests cover that path).
const context = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true });
await context.route("**/*", (route) => {
  const u = route.request().url();
  return u.startsWith(site.origin) || u.startsWith(pages.origin) ? route.continue() : route.abort();
});
const page = await context.newPage();
if (process.env.DEBUG) page.on("console", (m) => console.error("console:", m.text()));

// With page scripts off a module import is refused, so the extractor's source is evaluated as a function body.
const extractSource = (await readFile(path.join(www, "js", "article-extract.js"), "utf8")).replace(/^export /gm, "");
const rows = [];
for (const slug of slugs) {
  await page.goto(`${pages.origin}/${slug}/source.html`, { waitUntil: "domcontentloaded" });
  const r = await page.evaluate(
    async ([src, base]) => {
      const ex = new Function(`${src}\nreturn { findArticle, articleParagraphs };`)();
      const parse = async (u) => new DOMParser().parseFromString(await (await fetch(u)).text(), "text/html");
      const t0 = performance.now();
      const live = ex.findArticle(document, { live: true });
      const ms = performance.now() - t0;
      const liveText = ex.articleParagraphs(live.root, { live: true }).join("\n");
      const bodyOnly = ex.findArticle(document, { live: true, headline: false });
      const bodyOnlyText = ex.articleParagraphs(bodyOnly.root, { live: true }).join("\n");
      const inertDoc = await parse(`${base}/source.html`);
      const inert = ex.findArticle(inertDoc, { live: false });
      const inertText = ex.articleParagraphs(inert.root, { live: false }).join("\n");
      const expDoc = await parse(`${base}/expected.html`);
      const expected = ex.articleParagraphs(expDoc.body, { live: false }).join("\n");
      const describe = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") +
        (typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).join(".")}` : "");
      return { liveText, bodyOnlyText, inertText, expected, ms, liveRoot: describe(live.root), reason: live.reason };
    },
    [extractSource, `${pages.origin}/${slug}`],
  ).catch((e) => {
    throw new Error(`${slug}: ${e.message}`);
  });
  const live = compare(r.expected, r.liveText);
  const inert = compare(r.expected, r.inertText);
  const bodyOnly = compare(r.expected, r.bodyOnlyText);
  rows.push({ slug, live, inert, bodyOnly, ms: r.ms, root: r.liveRoot, reason: r.reason });
}
await browser.close();
await site.close();
await pages.close();

const pct = (x) => (100 * x).toFixed(1);
const mean = (f) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 1));
} else {
  console.log("| page | expected tokens | live coverage % | live extra % | inert coverage % | inert extra % | ms | chosen root |");
  console.log("|---|---:|---:|---:|---:|---:|---:|---|");
  for (const r of rows) {
    console.log(`| ${r.slug} | ${r.live.expectedTokens} | ${pct(r.live.coverage)} | ${pct(r.live.extra)} | ` +
      `${pct(r.inert.coverage)} | ${pct(r.inert.extra)} | ${r.ms.toFixed(0)} | \`${r.root.slice(0, 60)}\` |`);
  }
  console.log(`| **mean (${rows.length} pages)** | | **${pct(mean((r) => r.live.coverage))}** | **${pct(mean((r) => r.live.extra))}** | ` +
    `**${pct(mean((r) => r.inert.coverage))}** | **${pct(mean((r) => r.inert.extra))}** | ${mean((r) => r.ms).toFixed(0)} | |`);
  console.log(`\nwithout widening to the headline (headline: false): mean coverage ${pct(mean((r) => r.bodyOnly.coverage))} %, ` +
    `mean extra ${pct(mean((r) => r.bodyOnly.extra))} %`);
  const good = rows.filter((r) => r.live.coverage >= 0.9 && r.live.extra <= 0.2).length;
  console.log(`\nlive: ${good}/${rows.length} pages with coverage >= 90 % and extra <= 20 %`);
}
