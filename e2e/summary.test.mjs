// The sourcing summary in real headless Chromium, on the site and in the bookmarklet, for every sample article
// (seeds/index.json); and the bookmarklet on a live page that re-renders its article after annotation
// (e2e/pages/live.html). Needs `scripts/wasm.sh build` with the engine's `summarize` export.
//
// Screenshots: e2e/screenshots/summary-site-<slug>.png, summary-bookmarklet-<slug>.png, summary-narrow-*.png,
// live-*.png (look at them after changing what a reader sees).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { E2E, ROOT, launch, requireWasmBuild, serve, serveSite } from "./harness.mjs";

const require = createRequire(import.meta.url);
const SHOTS = path.join(E2E, "screenshots");
const { bookmarkletUrl } = await import(
  `data:text/javascript,${encodeURIComponent(fs.readFileSync(path.join(ROOT, "www", "bookmarklet.js"), "utf8"))}`
);
const index = JSON.parse(fs.readFileSync(path.join(ROOT, "seeds", "index.json"), "utf8"));
const seeds = Array.isArray(index) ? index : index.articles || index.seeds;

/** A news page holding seed `s` as its article: one <p> per line of its text (escaped). */
function seedPage(s) {
  const esc = (x) => x.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const text = fs.readFileSync(path.join(ROOT, "seeds", s.path), "utf8");
  const paras = text.split(/\r?\n/).filter((l) => l.trim()).map((l) => `<p>${esc(l)}</p>`).join("\n");
  return `<!doctype html><html lang="${s.lang}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${esc(s.title)}</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${esc(s.title)}</h1>${paras}</article>
<footer>Footer of the test page.</footer></body></html>`;
}

let site;
let news;
let browser;

before(async () => {
  requireWasmBuild();
  fs.mkdirSync(SHOTS, { recursive: true });
  site = await serveSite();
  const dynamic = Object.fromEntries(seeds.map((s) => [`/seed-${s.slug}.html`, () => seedPage(s)]));
  news = await serve(path.join(E2E, "pages"), { host: "localhost", cors: true, dynamic });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
  await news?.close();
});

async function newPage(viewport = { width: 1400, height: 1000 }) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  return { page, errors };
}

/** What the summary section shows, read from `root` (the document, or our shadow root). */
function readSummary(page, inShadow) {
  return page.evaluate((inShadow) => {
    const root = inShadow ? document.querySelector("[data-article-annotator]").shadowRoot : document;
    const sec = root.querySelector(".annot-reader .summary");
    if (!sec) return null;
    return {
      heading: sec.querySelector("h2").textContent,
      share: sec.querySelector(".share-text").textContent,
      lines: [...sec.querySelectorAll("li")].map((li) => li.textContent),
      buttons: sec.querySelectorAll("li button").length,
    };
  }, inShadow);
}

const SHARE = { fr: /^(\d+) phrases? sur (\d+) attribuées? à une source \((\d+)\u00a0%\)$/, en: /^(\d+) of (\d+) sentences? attributed to a source \((\d+)%\)$/ };

function checkShare(s, lang) {
  const m = SHARE[lang].exec(s.share);
  assert.ok(m, `share line: ${s.share}`);
  const [k, n, pct] = m.slice(1).map(Number);
  assert.ok(n > 0, "the article has sentences");
  assert.ok(k <= n);
  assert.equal(pct, Math.round((100 * k) / n));
  return { k, n };
}

test("site: every sample article shows its sourcing summary, and its lines step through the text", async (t) => {
  const { page, errors } = await newPage();
  for (const s of seeds) {
    await t.test(s.slug, async () => {
      await page.goto(`${site.www}#seed=${encodeURIComponent(s.slug)}`);
      await page.reload();
      await page.waitForFunction((slug) => window.annotatorPage?.ready && document.querySelector(`#seeds a[data-slug="${slug}"][aria-current]`), s.slug, { timeout: 60000 });
      const shown = await readSummary(page, false);
      assert.ok(shown, "no summary section");
      const fromEngine = await page.evaluate(() => window.annotatorPage.reader.summary);
      assert.ok(fromEngine.sentences > 0);
      const { k, n } = checkShare(shown, s.lang);
      assert.deepEqual([k, n], [fromEngine.attributed_sentences, fromEngine.sentences]);
      for (const sp of fromEngine.speakers) assert.ok(shown.lines.some((l) => l.startsWith(sp.label)), sp.label);
      // A line with annotations is a button: a click makes one of its annotations the current one.
      const button = page.locator(".annot-reader .summary li button").first();
      if ((await button.count()) > 0) {
        await button.click();
        const status = await page.locator(".annot-reader .nav + .status").textContent();
        assert.ok(status.length > 0, "the status line names the annotation");
        assert.match(await button.locator(".where").textContent(), /^1 (sur|of) \d+$/);
      }
      await page.locator(".annot-reader .summary").screenshot({ path: path.join(SHOTS, `summary-site-${s.slug}.png`) });
    });
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test("site: a speaker's line steps through each of its quotations in turn, then starts again", async () => {
  const { page } = await newPage();
  await page.goto(`${site.www}#seed=${encodeURIComponent(seeds[0].slug)}`);
  await page.waitForFunction(() => window.annotatorPage?.ready, null, { timeout: 60000 });
  const summary = await page.evaluate(() => window.annotatorPage.reader.summary);
  const painted = await page.evaluate(() => window.annotatorPage.reader.result.ranges.map((r) => !!r));
  const k = summary.speakers.findIndex((sp) => sp.annotations.filter((i) => painted[i]).length > 1);
  assert.ok(k >= 0, "a speaker quoted twice in the first seed");
  const targets = summary.speakers[k].annotations.filter((i) => painted[i]);
  const button = page.locator(".annot-reader .summary li button").nth(k);
  const current = () => page.evaluate(() => {
    const marker = document.querySelector(".annot-marker");
    return marker.getAttribute("aria-label");
  });
  const seen = [];
  for (let j = 0; j <= targets.length; j++) {
    await button.click();
    seen.push(await current());
    assert.equal(await button.locator(".where").textContent(), `${(j % targets.length) + 1} ${seeds[0].lang === "fr" ? "sur" : "of"} ${targets.length}`);
  }
  assert.equal(seen[targets.length], seen[0], "wraps around");
  await page.close();
});

test("site: a given summary: unnamed speakers marked, lines without painted passages inert, a long tail behind 'show more'", async () => {
  const { page, errors } = await newPage();
  await page.goto(`${site.www}#seed=${encodeURIComponent(seeds.find((x) => x.lang === "en").slug)}`);
  await page.waitForFunction(() => window.annotatorPage?.ready, null, { timeout: 60000 });
  const shown = await page.evaluate(async () => {
    const st = window.annotatorPage;
    const { mountReader } = await import("./js/reader-ui.js");
    const painted = st.reader.result.ranges.map((r, i) => (r ? i : -1)).filter((i) => i >= 0);
    const speaker = (k) => ({ label: `Speaker ${k}`, named: k % 2 === 0, entity_id: null, direct: 1, reported: k, annotations: painted.slice(k, k + 1) });
    const summary = {
      lang: "en", speakers: Array.from({ length: 15 }, (_, k) => speaker(k)),
      unattributed_quotes: { count: 2, annotations: [] }, named_sources: { count: 1, annotations: painted.slice(0, 1) },
      unnamed_sources: { count: 0, annotations: [] }, claims: [{ reason: "hedge", count: 1, annotations: painted.slice(1, 2) }],
      sentences: 8, attributed_sentences: 3,
    };
    st.reader.destroy();
    const r = mountReader({ host: document.getElementById("reader"), articleRoot: document.getElementById("article-text"),
      engine: st.engine, doc: st.doc, text: st.text, summary, lang: "en" });
    const sec = () => document.querySelector(".annot-reader .summary");
    const before = { items: sec().querySelectorAll("li").length, tags: sec().querySelectorAll(".tag").length,
      inert: [...sec().querySelectorAll("li.inert .label")].map((e) => e.textContent), share: sec().querySelector(".share-text").textContent };
    sec().querySelector("button.more").click();
    const after = { items: sec().querySelectorAll("li").length, more: !!sec().querySelector("button.more"),
      focused: document.activeElement.textContent };
    r.destroy();
    return { before, after };
  });
  // 12 speakers + "show more" + unattributed; named, unnamed; one reason.
  assert.equal(shown.before.items, 12 + 1 + 1 + 2 + 1);
  assert.equal(shown.before.tags, 6, "the unnamed among the first twelve are marked");
  assert.deepEqual(shown.before.inert, ["Quotations without a speaker", "Unnamed sources"]);
  assert.equal(shown.before.share, "3 of 8 sentences attributed to a source (38%)");
  assert.equal(shown.after.items, 15 + 1 + 2 + 1);
  assert.equal(shown.after.more, false);
  assert.match(shown.after.focused, /^Speaker 12/);
  assert.deepEqual(errors, []);
  await page.close();
});

test("site: narrow screens and accessibility of the summary and its exports", async () => {
  const axe = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  for (const s of [seeds.find((x) => x.lang === "fr"), seeds.find((x) => x.lang === "en")]) {
    const { page, errors } = await newPage({ width: 360, height: 800 });
    await page.goto(`${site.www}#seed=${encodeURIComponent(s.slug)}`);
    await page.waitForFunction(() => window.annotatorPage?.ready, null, { timeout: 60000 });
    const overflow = await page.evaluate(() => {
      const sec = document.querySelector(".annot-reader .summary");
      return [...sec.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).length;
    });
    assert.equal(overflow, 0, "nothing of the summary sticks out of a 360 px screen");
    await page.locator(".annot-reader .summary").scrollIntoViewIfNeeded();
    await page.locator(".annot-reader .summary").screenshot({ path: path.join(SHOTS, `summary-narrow-${s.lang}.png`) });
    await page.addScriptTag({ content: axe });
    const res = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    assert.deepEqual(res.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), []);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test("site: the exports download CSV and copy text to the clipboard", async () => {
  const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(site.www).origin });
  const page = await ctx.newPage();
  const fr = seeds.find((x) => x.lang === "fr");
  await page.goto(`${site.www}#seed=${encodeURIComponent(fr.slug)}`);
  await page.waitForFunction(() => window.annotatorPage?.ready, null, { timeout: 60000 });
  const download = async (name) => {
    const [d] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name }).click()]);
    return { file: d.suggestedFilename(), body: fs.readFileSync(await d.path(), "utf8") };
  };
  const sum = await download("Résumé en CSV");
  assert.equal(sum.file, `${fr.slug}.summary.csv`);
  assert.match(sum.body, /^section,label,named,direct,reported,count,annotations\r\n/);
  assert.match(sum.body, /\r\nsentences,,,,,[1-9]\d*,\r\n/);
  const ann = await download("Annotations en CSV");
  const n = await page.evaluate(() => window.annotatorPage.doc.annotations.length);
  assert.equal(ann.body.split("\r\n").filter((l) => /^\d+,(entity|quote|claim),/.test(l)).length, n);
  const ld = JSON.parse((await download("Exporter JSON-LD (Web Annotation)")).body);
  assert.match(ld.id, /^urn:uuid:/);
  assert.equal(ld.generator.name, "article-annotator");
  assert.equal(ld.generator.homepage, `${site.www}index.html`);
  assert.ok(ld.first.items.every((a) => /^urn:uuid:/.test(a.id) && a.created === ld.created));
  await page.getByRole("button", { name: "Copier le résumé" }).click();
  await page.waitForFunction(() => /Copié/.test(document.querySelector(".annot-reader .exports .status").textContent));
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /^Sources de l’article\n/);
  assert.match(copied, /phrases? sur \d+ attribuées? à une source/);
  await page.getByRole("button", { name: "Copier les annotations" }).click();
  await page.waitForFunction((c) => navigator.clipboard.readText().then((t) => t !== c), copied);
  assert.equal((await page.evaluate(() => navigator.clipboard.readText())).trimEnd().split("\n").length, n);
  await ctx.close();
});

test("site: without clipboard access the text is shown selected instead", async () => {
  const { page } = await newPage();
  await page.goto(`${site.www}#seed=${encodeURIComponent(seeds[0].slug)}`);
  await page.waitForFunction(() => window.annotatorPage?.ready, null, { timeout: 60000 });
  await page.evaluate(() => Object.defineProperty(navigator, "clipboard", { value: { writeText: () => Promise.reject(new Error("denied")) } }));
  await page.locator(".annot-reader .exports button").last().click();
  const area = page.locator(".annot-reader .copy-area");
  await area.waitFor({ state: "visible" });
  const selected = await area.evaluate((a) => a.value.slice(a.selectionStart, a.selectionEnd) === a.value && a.value.length > 0);
  assert.ok(selected, "the whole text is selected");
  await page.close();
});

test("home page: a link to the bookmarklet's install page, in the interface language", async () => {
  const { page, errors } = await newPage({ width: 360, height: 800 });
  await page.goto(`${site.www}#seed=${encodeURIComponent(seeds.find((x) => x.lang === "fr").slug)}`);
  await page.waitForFunction(() => window.annotatorPage?.ready, null, { timeout: 60000 });
  const link = page.locator("header a[href='install.html']");
  assert.match(await link.textContent(), /marque-page/);
  await page.locator("header").screenshot({ path: path.join(SHOTS, "home-install-link-narrow.png") });
  await link.click();
  await page.waitForURL(/install\.html$/);
  assert.match(await page.locator("#bookmarklet").getAttribute("href"), /^javascript:/);
  assert.deepEqual(errors, []);
  await page.close();
});

/** Click the bookmarklet as from the bookmarks bar; wait for its status line to settle; returns it. */
async function openBookmarklet(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Page.navigate", { url: bookmarkletUrl(`${site.www}install.html`) });
  await cdp.detach();
  await page.waitForFunction(() => {
    const p = document.querySelector("[data-article-annotator]")?.shadowRoot?.querySelector(".bar p");
    return p && p.textContent && !p.textContent.endsWith("…");
  }, null, { timeout: 60000 });
  return page.evaluate(() => document.querySelector("[data-article-annotator]").shadowRoot.querySelector(".bar p").textContent);
}

test("bookmarklet: every sample article, on a news page, shows its sourcing summary", async (t) => {
  const { page, errors } = await newPage({ width: 1200, height: 900 });
  for (const s of seeds) {
    await t.test(s.slug, async () => {
      await page.goto(`${news.origin}/seed-${s.slug}.html`);
      assert.equal(await openBookmarklet(page), "Article annotator");
      const shown = await readSummary(page, true);
      assert.ok(shown, "no summary in the bookmarklet's panel");
      checkShare(shown, s.lang);
      const button = page.locator("[data-article-annotator] .summary li button").first();
      if ((await button.count()) > 0) await button.click();
      await page.screenshot({ path: path.join(SHOTS, `summary-bookmarklet-${s.slug}.png`) });
    });
  }
  assert.deepEqual(errors, []);
  await page.close();
});

/** Polls `fn(arg)` in the page (it may be async, which page.waitForFunction does not await) until it is truthy. */
async function until(page, fn, arg, timeout = 30000) {
  for (const end = Date.now() + timeout; Date.now() < end; await page.waitForTimeout(100)) {
    if (await page.evaluate(fn, arg)) return;
  }
  throw new Error(`timed out waiting for ${fn}`);
}

const reanchoredAtLeast = async ([www, n]) => ((await import(`${www}pkg/inject.js`)).state()?.reanchored ?? -1) >= n;

/** The bookmarklet's session and what is painted, from inside the live page. */
function liveState(page) {
  return page.evaluate(async (www) => {
    const st = (await import(`${www}pkg/inject.js`)).state();
    let ranges = 0;
    let outside = 0;
    for (const [, h] of CSS.highlights) {
      for (const r of h) {
        ranges++;
        if (!st?.articleRoot.isConnected || !st.articleRoot.contains(r.startContainer)) outside++;
      }
    }
    const shadow = document.querySelector("[data-article-annotator]")?.shadowRoot;
    return {
      reanchored: st?.reanchored ?? null,
      ranges,
      outside,
      status: shadow?.querySelector(".bar p").textContent ?? null,
      refresh: !!shadow?.querySelector(".bar .refresh"),
      speakers: [...(shadow?.querySelectorAll(".summary li .label") ?? [])].map((e) => e.textContent),
    };
  }, site.www);
}

test("live page: a re-render and lazy paragraphs re-anchor the highlights; a replaced article offers a refresh", async () => {
  const { page, errors } = await newPage({ width: 1200, height: 900 });
  await page.goto(`${news.origin}/live.html`);
  assert.equal(await openBookmarklet(page), "Article annotator");
  const first = await liveState(page);
  assert.ok(first.ranges > 0, "painted");
  assert.equal(first.reanchored, 0);
  assert.ok(first.speakers.includes("Maria Lopez"), first.speakers.join(", "));

  // Same text, new nodes: the old ranges would point at detached text nodes.
  await page.evaluate(() => window.liveNews.rerender());
  await until(page, reanchoredAtLeast, [site.www, 1]);
  let now = await liveState(page);
  assert.equal(now.outside, 0, "no highlight left on detached nodes");
  assert.equal(now.ranges, first.ranges);
  assert.match(now.status, /annotations updated/);
  await page.screenshot({ path: path.join(SHOTS, "live-rerendered.png") });

  // Lazy paragraphs: the new quotation is annotated and its speaker appears in the summary.
  await page.evaluate(() => window.liveNews.more());
  await page.evaluate(() => window.liveNews.more());
  await until(page, reanchoredAtLeast, [site.www, 2]);
  await page.waitForFunction(() =>
    [...document.querySelector("[data-article-annotator]").shadowRoot.querySelectorAll(".summary li .label")].some((e) => e.textContent === "Tom Becker"));
  now = await liveState(page);
  assert.ok(now.ranges > first.ranges, `${now.ranges} > ${first.ranges}`);
  assert.equal(now.outside, 0);

  // Our own clicks in the panel (focus ring, layer toggles) change no article text: no re-anchoring.
  const before = now.reanchored;
  await page.locator("[data-article-annotator] .summary li button").first().click();
  await page.locator("[data-article-annotator] .nav button").last().click();
  await page.locator("[data-article-annotator] .toggle input").first().click();
  await page.locator("[data-article-annotator] .toggle input").first().click();
  await page.waitForTimeout(900);
  assert.equal((await liveState(page)).reanchored, before, "our own interface does not trigger a re-anchor");

  // The whole article element replaced: nothing safe to re-anchor to, so the bar offers a refresh.
  await page.evaluate(() => window.liveNews.replaceArticle());
  await page.waitForFunction(() => !!document.querySelector("[data-article-annotator]").shadowRoot.querySelector(".bar .refresh"));
  now = await liveState(page);
  assert.match(now.status, /article changed/);
  assert.equal(now.ranges, 0, "nothing left painted for the article that left the page");
  assert.equal(await page.evaluate(() => document.querySelector("[data-article-annotator]").shadowRoot.querySelector(".annot-reader")), null);
  await page.screenshot({ path: path.join(SHOTS, "live-refresh-offered.png") });
  await page.locator("[data-article-annotator] .bar .refresh").click();
  await until(page, async (www) => {
    const st = (await import(`${www}pkg/inject.js`)).state();
    return st?.articleRoot.isConnected && st.reanchored === 0 && CSS.highlights.size > 0;
  }, site.www, 60000);
  assert.equal((await liveState(page)).outside, 0);
  assert.deepEqual(errors, []);
  await page.close();
});
