// Times the wasm engine in headless Debian Chromium (playwright-core, no browser download): engine load
// (`init()`), `annotate` and `highlight` of the French seed and of a 1 MB article, the wasm size (raw and
// gzip -9), and on the site (www/index.html) the time from a click on an article to its first highlight.
// A benchmark, not a test: `node --test` does not pick this file up, and nothing here asserts a time.
//
//   scripts/wasm.sh build && node e2e/bench-wasm.mjs [--json OUT.json] [--runs 15] [--root DIR] [--no-site]
//                                                    [--big-chars N] [--big-wrap]
//
// The 1 MB article is target/bench-corpus/news-fr-1mb.txt when `cargo bench --bench annotate` has written
// it (the same text as the native and spaCy figures), else the seed repeated to 1 MB. Times are
// performance.now() in the page; medians over --runs runs after one cold run, whose time is reported too.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { ROOT as REPO, launch, serve } from "./harness.mjs";

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
// --root DIR times another checkout (its www/pkg and seeds), served the same way.
const ROOT = path.resolve(opt("--root", REPO));
const RUNS = Number(opt("--runs", 15));
const JSON_OUT = opt("--json", null);
const SITE = !argv.includes("--no-site");
const BIG_WRAP = argv.includes("--big-wrap");
const BIG_CHARS = Number(opt("--big-chars", 0)); // truncate the big article (0: whole)
const SEED = "seeds/fr/000_49ca0dbeb12cab9e.txt";
const WASM = "www/pkg/annotator_bg.wasm";

// The benchmark page: the engine module and nothing else.
const BENCH_PAGE = `<!doctype html><meta charset="utf-8"><title>bench</title>
<body><div id="seed"></div><div id="big"></div></body>`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};
const round = (x, d = 3) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

function bigArticle() {
  const corpus = path.join(ROOT, "target/bench-corpus/news-fr-1mb.txt");
  if (fs.existsSync(corpus)) return { source: "target/bench-corpus/news-fr-1mb.txt", text: fs.readFileSync(corpus, "utf8") };
  const seed = fs.readFileSync(path.join(ROOT, SEED), "utf8");
  let text = "";
  while (Buffer.byteLength(text) < 1_000_000) text += seed + "\n\n";
  return { source: `${SEED} repeated`, text };
}

/** In the page: load the engine, then time annotate/highlight on #seed and #big. */
async function enginePage(browser, base, seedText, big) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("crash", () => errors.push("renderer crashed"));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${base}/__bench.html`);
  return await page.evaluate(
    async ({ seedText, bigText, runs, bigWrap }) => {
      const fill = (el, text) => {
        // One <p> per paragraph, as a news page has.
        for (const para of text.split(/\n\s*\n/)) {
          const p = document.createElement("p");
          p.textContent = para;
          el.append(p);
        }
      };
      const t0 = performance.now();
      const engine = await import("/www/pkg/annotator.js");
      const tImport = performance.now();
      await engine.default();
      const tInit = performance.now();
      // The French language pack (js/packs.js: fetched, checked, loaded), as the site does before annotating.
      const { packFor } = await import("/www/js/packs.js");
      await packFor(engine, "", "fr");
      const tPack = performance.now();
      const out = { import_ms: tImport - t0, init_ms: tInit - tImport, pack_ms: tPack - tInit, load_ms: tPack - t0 };

      const measure = (id, text, n) => {
        const root = document.getElementById(id);
        fill(root, text);
        const r = { chars: 0, annotations: 0 };
        const time = (f) => {
          const a = performance.now();
          const v = f();
          return [performance.now() - a, v];
        };
        // Cold: the first calls after load (language data parsed on first use).
        const [tExtract, joined] = time(() => engine.extractText(root));
        const [tAnn0, doc] = time(() => engine.annotate(joined, { lang: "fr" }));
        const [tHl0, hl] = time(() => engine.highlight(root, doc, { mode: "highlight-api" }));
        r.chars = joined.length;
        r.annotations = doc.annotations.length;
        r.painted = hl.painted;
        r.unmatched = hl.unmatched;
        r.extract_ms = tExtract;
        r.first_annotate_ms = tAnn0;
        r.first_highlight_ms = tHl0;
        r.first_annotate_plus_highlight_ms = tAnn0 + tHl0;
        const ann = [], hlApi = [], wrap = [], clr = [];
        for (let i = 0; i < n; i++) {
          engine.clear();
          const [ta, d] = time(() => engine.annotate(joined, { lang: "fr" }));
          const [th] = time(() => engine.highlight(root, d, { mode: "highlight-api" }));
          ann.push(ta);
          hlApi.push(th);
        }
        // Wrapping mode on the big article is opt-in (--big-wrap): at 200 k chars it took 22 s and its
        // clear() 39 s (2026-11-28), and at 1 MB the page died.
        for (let i = 0; i < (id === "seed" || bigWrap ? Math.max(1, Math.floor(n / 3)) : 0); i++) {
          engine.clear();
          const [tw] = time(() => engine.highlight(root, doc, { mode: "wrap" }));
          const [tc] = time(() => engine.clear());
          wrap.push(tw);
          clr.push(tc);
        }
        const med = (xs) => {
          const s = [...xs].sort((a, b) => a - b);
          return s[Math.floor((s.length - 1) / 2)];
        };
        r.annotate_ms = med(ann);
        r.highlight_api_ms = med(hlApi);
        r.annotate_plus_highlight_ms = med(ann) + med(hlApi);
        r.highlight_wrap_ms = wrap.length ? med(wrap) : null;
        r.clear_wrap_ms = clr.length ? med(clr) : null;
        r.annotate_chars_per_s = joined.length / (med(ann) / 1000);
        r.runs = n;
        root.replaceChildren();
        return r;
      };
      out.seed = measure("seed", seedText, runs);
      out.big = measure("big", bigText, Math.max(3, Math.floor(runs / 3)));
      out.timer_resolution_ms = (() => {
        // Chromium coarsens performance.now() without cross-origin isolation: say how much.
        let a = performance.now(), b = a;
        while (b === a) b = performance.now();
        return b - a;
      })();
      return out;
    },
    { seedText, bigText: big.text, runs: RUNS, bigWrap: BIG_WRAP },
  ).finally(async () => {
    if (errors.length) console.error("page errors:", errors);
    await page.close();
  });
}

/** On the site: from a click on an article link to the first highlight painted in the article. */
async function sitePage(browser, base) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const tNav = Date.now();
  await page.goto(`${base}/www/index.html`);
  // The first article loads on its own: time until it is painted, from navigation start.
  const painted = () => {
    const text = document.getElementById("article-text");
    if (!text) return false;
    if (text.querySelector("mark")) return true;
    if (typeof CSS === "undefined" || !CSS.highlights) return false;
    for (const h of CSS.highlights.values()) {
      for (const r of h) if (r.startContainer.isConnected && text.contains(r.startContainer)) return true;
    }
    return false;
  };
  const waitPainted = `(${painted.toString()})`;
  await page.waitForFunction(painted, null, { timeout: 30_000, polling: 5 });
  const firstPaintMs = Date.now() - tNav;
  const navToPaint = await page.evaluate(() => performance.now());
  const links = await page.$$eval("#seeds a", (as) => as.map((a) => a.getAttribute("href")));
  const clicks = [];
  for (let i = 0; i < Math.min(2 * RUNS, 20) && links.length > 1; i++) {
    const idx = (i + 1) % 2; // the first article is showing: click the second, then the first, …
    const ms = await page.evaluate(
      ({ idx, src }) =>
        new Promise((resolve, reject) => {
          const painted = eval(src);
          const text = document.getElementById("article-text");
          const before = text.textContent;
          const link = document.querySelectorAll("#seeds a")[idx];
          const ch = new MessageChannel();
          const t0 = performance.now();
          let done = false;
          ch.port1.onmessage = () => {
            if (done) return;
            if (text.textContent !== before && painted()) {
              done = true;
              return resolve(performance.now() - t0);
            }
            if (performance.now() - t0 > 10_000) return reject(new Error("no highlight within 10 s"));
            ch.port2.postMessage(0);
          };
          link.click();
          ch.port2.postMessage(0);
        }),
      { idx, src: waitPainted },
    ).catch((e) => (errors.push(String(e)), null));
    if (ms == null) break;
    clicks.push(ms);
  }
  if (errors.length) console.error("site errors:", errors);
  await page.close();
  return {
    navigation_to_first_highlight_ms: round(navToPaint),
    navigation_to_first_highlight_wall_ms: firstPaintMs,
    click_to_highlight_ms_median: round(median(clicks)),
    click_to_highlight_ms_max: round(clicks.length ? Math.max(...clicks) : null),
    clicks: clicks.length,
    articles: links.length,
  };
}

// ROOT as a static folder (so --root works for any checkout), plus the benchmark page.
const server = await serve(ROOT, { dynamic: { "/__bench.html": () => BENCH_PAGE } });
const base = server.origin;
const browser = await launch();
const result = { date: new Date().toISOString(), chromium: browser.version(), root: ROOT };
try {
  const wasm = fs.readFileSync(path.join(ROOT, WASM));
  result.wasm_bytes = wasm.length;
  result.wasm_gzip9_bytes = zlib.gzipSync(wasm, { level: 9 }).length;
  const js = fs.readFileSync(path.join(ROOT, "www/pkg/annotator.js"));
  result.js_glue_gzip9_bytes = zlib.gzipSync(js, { level: 9 }).length;
  const seedText = fs.readFileSync(path.join(ROOT, SEED), "utf8");
  const big = bigArticle();
  if (BIG_CHARS) big.text = big.text.slice(0, BIG_CHARS);
  result.big_source = big.source;
  const e = await enginePage(browser, base, seedText, big);
  for (const k of Object.keys(e)) {
    result[k] = typeof e[k] === "object" ? Object.fromEntries(Object.entries(e[k]).map(([a, b]) => [a, round(b)])) : round(e[k]);
  }
  if (SITE) result.site = await sitePage(browser, base).catch((err) => ({ error: String(err) }));
} finally {
  await browser.close();
  await server.close();
}
const json = JSON.stringify(result, null, 1);
console.log(json);
if (JSON_OUT) fs.writeFileSync(JSON_OUT, json + "\n");
