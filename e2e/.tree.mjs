// temp diagnosis (not committed)
import path from "node:path";
import { readFile } from "node:fs/promises";
import { launch, serve } from "./bookmarklet/harness.mjs";
const dataDir = path.resolve("../../shared/data/readability-pages");
const [slug, depth = "3", extractor = "../www/js/article-extract.js"] = process.argv.slice(2);
const pages = await serve(dataDir, { host: "localhost" });
const browser = await launch();
const context = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true });
await context.route("**/*", (r) => (r.request().url().startsWith(pages.origin) ? r.continue() : r.abort()));
const page = await context.newPage();
const src = (await readFile(extractor, "utf8")).replace(/^export /gm, "");
await page.goto(`${pages.origin}/${slug}/source.html`);
console.log(await page.evaluate(([src, depth]) => {
  const ex = new Function(`${src}\nreturn { findArticle, articleParagraphs, linkDensity };`)();
  const r = ex.findArticle(document);
  const d = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") + (typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0,3).join(".")}` : "") + (el.getAttribute("role") ? `[role=${el.getAttribute("role")}]` : "");
  const len = (el) => ex.articleParagraphs(el).reduce((n, p) => n + p.length, 0);
  const out = [`reason: ${r.reason}`, "candidates:", ...r.candidates.map(([e, s]) => `  ${s.toFixed(1)} ${d(e)}`), "ancestors:"];
  for (let a = r.root; a; a = a.parentElement) out.push(`  ${d(a)} len=${len(a)}`);
  let top = r.root; for (let i = 0; i < 2 && top.parentElement && top.parentElement !== document.body; i++) top = top.parentElement;
  const walk = (el, lvl) => {
    for (const c of el.children) {
      const l = len(c); if (!l) continue;
      out.push(`${"  ".repeat(lvl)}${c === r.root ? "**" : ""}${d(c)} len=${l} ld=${ex.linkDensity(c).toFixed(2)} p=${c.querySelectorAll("p").length} :: ${ex.articleParagraphs(c).join(" / ").slice(0, 80)}`);
      if (lvl < depth) walk(c, lvl + 1);
    }
  };
  out.push("tree from " + d(top)); walk(top, 1);
  return out.join("\n");
}, [src, +depth]));
await browser.close(); await pages.close();
