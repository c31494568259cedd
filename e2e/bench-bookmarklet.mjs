// The bookmarklet's click to first highlight (issue 21 item 4), in headless Chromium on saved real pages served
// locally (no network cost): the site by scripts/serve.py (gzip, ETags) on 127.0.0.1, the pages of
// e2e/fixtures/readability-pages (or --pages DIR) on localhost, requests elsewhere aborted. Each page is opened
// --runs times, each time in a fresh browser context (an empty HTTP cache: the first visit, engine and pack
// downloaded and compiled) and, with --warm, once more in the same context (the second article of a session). The
// time runs from just before the click (CDP navigation to the bookmarklet's javascript: URL, as from the bookmarks
// bar) to the first frame in which a highlight is registered (CSS.highlights) or a <mark data-annot> exists.
// A benchmark, not a test: prints medians, asserts nothing.
//
//   scripts/wasm.sh build && node e2e/bench-bookmarklet.mjs [--runs 5] [--pages DIR] [--root DIR] [--json OUT]
import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { E2E, ROOT as REPO, launch, serve } from "./harness.mjs";

const argv = process.argv.slice(2);
const opt = (name, dflt) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const RUNS = Number(opt("--runs", 5));
const PAGES = path.resolve(opt("--pages", path.join(E2E, "fixtures", "readability-pages")));
const ROOT = path.resolve(opt("--root", REPO)); // another checkout's site (its www/), served the same way
const WARM = argv.includes("--warm");
const JSON_OUT = opt("--json", null);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};

/** scripts/serve.py of ROOT on a free port: {www, close}. */
function serveRoot() {
  const proc = spawn("python3", [path.join(ROOT, "scripts", "serve.py"), "0", "--quiet"], { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    proc.once("exit", (c) => reject(new Error(`serve.py exited ${c}`)));
    let out = "";
    proc.stdout.on("data", (d) => {
      out += d; // the line may arrive in pieces
      const m = /^serving (http:\/\/\S+?)(\/\S*)\n/.exec(out);
      if (m) resolve({ www: `${m[1]}${m[2]}www/`, close: () => proc.kill() });
    });
  });
}

const { bookmarkletUrl } = await import(
  `data:text/javascript,${encodeURIComponent(fs.readFileSync(path.join(ROOT, "www", "bookmarklet.js"), "utf8"))}`
);

async function clickToHighlight(page, site) {
  const t0 = await page.evaluate(() => {
    window.__firstHighlight = new Promise((resolve) => {
      const tick = () =>
        CSS.highlights.size > 0 || document.querySelector("mark[data-annot]") ? resolve(performance.now()) : requestAnimationFrame(tick);
      requestAnimationFrame(tick);
    });
    return performance.now();
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.navigate", { url: bookmarkletUrl(`${site.www}install.html`) });
  await cdp.detach();
  const t1 = await page.evaluate(() => Promise.race([window.__firstHighlight, new Promise((r) => setTimeout(() => r(null), 10000))]));
  if (t1 == null) return null;
  // Where the time went: the end of each phase of inject.js's open(), from its start (state().timings).
  // The bookmarklet loads the one-file build (pkg/inject.js) when the site has it, else inject.js (an older checkout).
  const phases = await page.evaluate(async (www) => {
    for (const file of ["pkg/inject.js", "inject.js"]) {
      const st = await import(`${www}${file}`).then((m) => m.state(), () => null);
      if (st) return st.timings;
    }
    return {};
  }, site.www);
  return { ms: t1 - t0, phases };
}

/** Per phase, the median over runs of its end time (ms from the start of open()). */
function phaseMedians(runs) {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.phases)))];
  return Object.fromEntries(names.map((n) => [n, median(runs.map((r) => r.phases[n]).filter((x) => x != null))]));
}
const showPhases = (p) => Object.entries(p).map(([n, ms]) => `${n} ${ms?.toFixed(0)}`).join(", ");

const site = await serveRoot();
const news = await serve(PAGES, { host: "localhost", cors: true });
const browser = await launch();
const slugs = fs.readdirSync(PAGES).filter((d) => fs.existsSync(path.join(PAGES, d, "source.html"))).sort();
const rows = [];
try {
  for (const slug of slugs) {
    const cold = [];
    const warm = [];
    for (let i = 0; i < RUNS; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
      await ctx.route("**/*", (route) => {
        const u = new URL(route.request().url());
        return u.hostname === "127.0.0.1" || u.hostname === "localhost" ? route.continue() : route.abort();
      });
      const page = await ctx.newPage();
      await page.goto(`${news.origin}/${slug}/source.html`, { waitUntil: "load" });
      cold.push(await clickToHighlight(page, site));
      if (WARM) {
        const again = await ctx.newPage();
        await again.goto(`${news.origin}/${slug}/source.html`, { waitUntil: "load" });
        warm.push(await clickToHighlight(again, site));
      }
      await ctx.close();
    }
    const ok = cold.filter((x) => x != null);
    const warmOk = warm.filter((x) => x != null);
    const row = { slug, cold: median(ok.map((r) => r.ms)), warm: WARM ? median(warmOk.map((r) => r.ms)) : null, misses: cold.length - ok.length };
    row.coldPhases = phaseMedians(ok);
    if (WARM) row.warmPhases = phaseMedians(warmOk);
    rows.push(row);
    console.log(`${slug}: first visit median ${row.cold?.toFixed(0)} ms over ${ok.length}` +
      (WARM ? `, second visit ${row.warm?.toFixed(0)} ms` : "") + (ok.length < cold.length ? ` (${cold.length - ok.length} without highlight)` : ""));
    if (ok.length && Object.keys(row.coldPhases).length) console.log(`  phases, first visit (end of each, ms from open()): ${showPhases(row.coldPhases)}`);
    if (WARM && warmOk.length && Object.keys(row.warmPhases).length) console.log(`  phases, second visit: ${showPhases(row.warmPhases)}`);
  }
  const all = rows.map((r) => r.cold).filter((x) => x != null);
  console.log(`median over pages (of per-page medians), first visit: ${median(all)?.toFixed(0)} ms (${all.length} pages)`);
  if (WARM) console.log(`second visit: ${median(rows.map((r) => r.warm).filter((x) => x != null))?.toFixed(0)} ms`);
  const seen = rows.filter((r) => r.cold != null);
  const overPages = (key) => {
    const names = [...new Set(seen.flatMap((r) => Object.keys(r[key] ?? {})))];
    return Object.fromEntries(names.map((n) => [n, median(seen.map((r) => r[key]?.[n]).filter((x) => x != null))]));
  };
  console.log(`phases, median over pages, first visit: ${showPhases(overPages("coldPhases"))}`);
  if (WARM) console.log(`phases, median over pages, second visit: ${showPhases(overPages("warmPhases"))}`);
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(rows, null, 2));
} finally {
  await browser.close();
  site.close();
  await news.close();
}
