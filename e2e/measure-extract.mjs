// Measures the article region that www/js/article-extract.js chooses against Mozilla Readability's extraction, on the
// saved real pages of ../shared/data/readability-pages (each `source.html` with Readability's `expected.html`).
// An eval command, not a test: it reads ../shared, so run it through scripts/eval-extract.sh (which says so when the
// pages are absent). Usage, from the repository root, after `npm install` in e2e/:
//
//   node e2e/measure-extract.mjs [--part dev|check|all] [--json] [--show SLUG] [--pages DIR] [--extractor FILE]
//                                [--no-headline]
//
// --show SLUG prints, for one page, the region's paragraphs holding words Readability leaves out, and the words
// missed; --extractor FILE measures another version of article-extract.js (e.g. `git show HEAD~3:www/js/...`);
// --no-headline measures findArticle(doc, {headline: false}) (the region without its widening to the <h1>).
//
// Split (fixed, so that figures stay comparable): the pages in sorted order, every third one (index 2, 5, 8, ...) is
// the "check" part, scored only to confirm a change; the others are the "dev" part, looked at while tuning.
// For each page: "live" = findArticle() in the page as served (page scripts off, computed styles on), what the
// bookmarklet does; "inert" = findArticle() on a DOMParser copy (no styles), what the reader-page fallback does.
// The region's text is articleParagraphs(root): the visible text the engine reads and paints. "floor" is the
// smallest element of the page that keeps 99 % of Readability's words (going down from <body>): the least extra any
// one-element region can have there, since what Readability strips inside the article's container stays in it.
import { access, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launch, serve } from "./bookmarklet/harness.mjs";
import { compare, tokens } from "./bookmarklet/metrics.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const www = path.join(here, "..", "www");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const dataDir = path.resolve(option("--pages", path.join(here, "..", "..", "shared", "data", "readability-pages")));
const part = option("--part", "all");
const show = option("--show", null);
const headline = !args.includes("--no-headline");
if (!["dev", "check", "all"].includes(part)) {
  console.error(`--part must be dev, check or all (not ${part})`);
  process.exit(2);
}
if (!(await access(dataDir).then(() => true, () => false))) {
  console.error(`measure-extract: no readability pages at ${dataDir}\n` +
    "(this eval reads ../shared/data/readability-pages beside the repository, or --pages DIR): nothing measured.");
  process.exit(2);
}

/** The fixed dev/check split: every third page in sorted order is held out for the check. */
function partOf(index) {
  return index % 3 === 2 ? "check" : "dev";
}

const all = (await readdir(dataDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
const slugs = all.map((slug, i) => ({ slug, part: partOf(i) }))
  .filter((p) => (show ? p.slug === show : part === "all" || p.part === part));

const pages = await serve(dataDir, { host: "localhost" });
const browser = await launch();
// Page scripts off, so the DOM is the saved one (as Readability saw it); CSP bypassed because two saved pages carry
// a <meta> CSP that would block the extractor (the bookmarklet tests cover that path).
const context = await browser.newContext({ javaScriptEnabled: false, bypassCSP: true });
await context.route("**/*", (route) => (route.request().url().startsWith(pages.origin) ? route.continue() : route.abort()));
const page = await context.newPage();
if (process.env.DEBUG) page.on("console", (m) => console.error("console:", m.text()));

// With page scripts off a module import is refused, so the extractor's source is evaluated as a function body.
const extractor = option("--extractor", path.join(www, "js", "article-extract.js"));
const extractSource = (await readFile(extractor, "utf8")).replace(/^export /gm, "");
const rows = [];
for (const { slug, part: pagePart } of slugs) {
  await page.goto(`${pages.origin}/${slug}/source.html`, { waitUntil: "domcontentloaded" });
  const r = await page.evaluate(
    async ([src, base, headline]) => {
      const ex = new Function(`${src}\nreturn { findArticle, articleParagraphs };`)();
      const counts = (text) => {
        const m = new Map();
        for (const t of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) m.set(t, (m.get(t) ?? 0) + 1);
        return m;
      };
      const parse = async (u) => new DOMParser().parseFromString(await (await fetch(u)).text(), "text/html");
      const t0 = performance.now();
      const live = ex.findArticle(document, { live: true, headline });
      const ms = performance.now() - t0;
      const liveText = ex.articleParagraphs(live.root, { live: true }).join("\n");
      const inertDoc = await parse(`${base}/source.html`);
      const inert = ex.findArticle(inertDoc, { live: false, headline });
      const inertText = ex.articleParagraphs(inert.root, { live: false }).join("\n");
      const expDoc = await parse(`${base}/expected.html`);
      const expected = ex.articleParagraphs(expDoc.body, { live: false }).join("\n");
      // The floor for a one-element region: going down from <body> while a child keeps 99 % of Readability's words.
      const expectedCounts = counts(expected);
      const expectedTotal = [...expectedCounts.values()].reduce((a, b) => a + b, 0);
      const keeps = (el) => {
        let common = 0;
        for (const [t, n] of counts(ex.articleParagraphs(el, { live: true }).join("\n"))) {
          common += Math.min(n, expectedCounts.get(t) ?? 0);
        }
        return common >= 0.99 * expectedTotal;
      };
      let floor = document.body;
      for (let next; (next = [...floor.children].find(keeps)); ) floor = next;
      const floorText = ex.articleParagraphs(floor, { live: true }).join("\n");
      const describe = (el) => el.tagName.toLowerCase() + (el.id ? `#${el.id}` : "") +
        (typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).join(".")}` : "");
      return { liveText, inertText, floorText, expected, ms, liveRoot: describe(live.root), reason: live.reason };
    },
    [extractSource, `${pages.origin}/${slug}`, headline],
  ).catch((e) => {
    throw new Error(`${slug}: ${e.message}`);
  });
  rows.push({ slug, part: pagePart, live: compare(r.expected, r.liveText), inert: compare(r.expected, r.inertText),
    floor: compare(r.expected, r.floorText), ms: r.ms, root: r.liveRoot, reason: r.reason });
  if (show) showDifference(r.expected, r.liveText);
}
await browser.close();
await pages.close();

/** For diagnosis: the region's paragraphs with their words that Readability leaves out, and the words missed. */
function showDifference(expected, region) {
  const left = new Map();
  for (const t of tokens(expected)) left.set(t, (left.get(t) ?? 0) + 1);
  for (const para of region.split("\n")) {
    const outside = tokens(para).filter((t) => (left.get(t) ?? 0) > 0 ? (left.set(t, left.get(t) - 1), false) : true);
    if (outside.length) console.log(`extra ${outside.length}/${tokens(para).length}: ${para.slice(0, 160)}`);
  }
  const missed = [...left].filter(([, n]) => n > 0).map(([t, n]) => (n > 1 ? `${t}×${n}` : t));
  if (missed.length) console.log(`missed: ${missed.slice(0, 80).join(" ")}`);
}

const pct = (x) => (100 * x).toFixed(1);
/** Mean coverage and extra, the worst extra and the pages over 30 % extra, for one mode over some rows. */
function summary(list, mode) {
  const mean = (f) => list.reduce((s, r) => s + f(r), 0) / list.length;
  const worst = list.reduce((a, r) => (r[mode].extra > a[mode].extra ? r : a), list[0]);
  return {
    pages: list.length,
    coverage: mean((r) => r[mode].coverage),
    extra: mean((r) => r[mode].extra),
    maxExtra: worst[mode].extra,
    worst: worst.slug,
    over30: list.filter((r) => r[mode].extra > 0.3).map((r) => r.slug),
    under90: list.filter((r) => r[mode].coverage < 0.9).map((r) => r.slug),
  };
}

const parts = ["dev", "check", "all"].map((p) => [p, rows.filter((r) => p === "all" || r.part === p)])
  .filter(([, list]) => list.length);
if (args.includes("--json")) {
  const summaries = Object.fromEntries(parts.map(([p, list]) => [p, { live: summary(list, "live"),
    inert: summary(list, "inert"), floor: summary(list, "floor") }]));
  console.log(JSON.stringify({ pages: rows, summaries }, null, 1));
} else {
  console.log(`pages: ${dataDir}${headline ? "" : " (headline: false)"}\n`);
  console.log("| page | part | expected tokens | live coverage % | live extra % | inert coverage % | inert extra % | floor extra % | ms | chosen root |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const r of rows) {
    console.log(`| ${r.slug} | ${r.part} | ${r.live.expectedTokens} | ${pct(r.live.coverage)} | ${pct(r.live.extra)} | ` +
      `${pct(r.inert.coverage)} | ${pct(r.inert.extra)} | ${pct(r.floor.extra)} | ${r.ms.toFixed(0)} | \`${r.root.slice(0, 60)}\` |`);
  }
  console.log("\n| part | mode | pages | mean coverage % | mean extra % | max extra % (page) | pages over 30 % extra | pages under 90 % coverage |");
  console.log("|---|---|---:|---:|---:|---:|---|---|");
  for (const [p, list] of parts) {
    for (const mode of ["live", "inert", "floor"]) {
      const s = summary(list, mode);
      console.log(`| ${p} | ${mode} | ${s.pages} | ${pct(s.coverage)} | ${pct(s.extra)} | ${pct(s.maxExtra)} (${s.worst}) | ` +
        `${s.over30.length} ${s.over30.join(", ")} | ${s.under90.length} ${s.under90.join(", ")} |`);
    }
  }
}
