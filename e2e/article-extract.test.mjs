// The article region chosen by www/js/article-extract.js on small pages written here: an article surrounded by the
// boilerplate of news sites (menus, a skip link, share buttons, related links, comments, a sidebar, a footer). The
// region must keep every paragraph of the article (and its own list) and leave the boilerplate out. Self-contained:
// the pages are built below and served through request interception, so nothing beside the repository is read
// (the measurement on saved real pages is an eval: scripts/eval-extract.sh).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { launch } from "./bookmarklet/harness.mjs";

const extractor = await readFile(new URL("../www/js/article-extract.js", import.meta.url), "utf8");
const ORIGIN = "http://news.test";

const PARAGRAPHS = [
  "Le conseil municipal a adopté mardi soir, après sept heures de débats, un budget de 1,2 milliard d'euros pour 2026.",
  "« Ce budget protège les services publics tout en maîtrisant la dette », a déclaré l'adjoint aux finances, Marc Lefèvre.",
  "Selon l'opposition, la hausse des tarifs de stationnement aurait été décidée sans concertation avec les commerçants.",
  "Une source proche du dossier affirme que la préfecture examinerait déjà plusieurs délibérations du conseil.",
  "Contactée par notre rédaction, la préfecture n'a pas répondu à nos sollicitations, mercredi en fin de journée.",
  "Le vote intervient alors que la métropole prépare son propre budget, qui doit être présenté le 15 décembre.",
];
const BULLETS = ["Transports : 310 millions", "Écoles : 180 millions", "Espaces verts : 95 millions"];
const LEAD = "Après sept heures de débats, la majorité a fait adopter un budget en hausse, que l'opposition juge « brutal » pour les commerçants.";
const SHORT_LEAD = "La majorité municipale a fait adopter son budget, en hausse de 4 %, mardi soir.";
const SUBHEADING = "Un vote serré";
const HEADLINE = "Le conseil municipal adopte le budget 2026";
const paragraphs = (tag = "p") => PARAGRAPHS.map((p) => `<${tag}>${p}</${tag}>`).join("\n");
const bullets = `<ul>${BULLETS.map((b) => `<li>${b}</li>`).join("")}</ul>`;
const links = (...titles) => titles.map((t, i) => `<a href="/${i}">${t}</a>`).join(" ");

// Text that must never be in the region, whatever page it is on.
const BOILERPLATE = [
  "Aller au menu", "Politique", "Économie", "Facebook", "Twitter", "Imprimer cet article", "Les plus lus",
  "Un nouveau pont sur la Saône", "Encore des impôts", "Mentions légales", "Abonnez-vous à notre lettre",
];

const PAGES = {
  // Landmarks and class tokens: <nav>, a share bar between the headline and the text, related links and comments
  // after it inside the same <article>, an <aside>, a <footer>.
  semantic: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${HEADLINE}</title></head><body>
<a class="skip" href="#menu">Aller au menu</a>
<header class="site-header"><a href="/">La Gazette</a> <nav id="menu">${links("Politique", "Économie", "Sport", "Culture")}</nav></header>
<main><article class="story">
  <h1>${HEADLINE}</h1>
  <p class="byline">Par Claire Dubois, le 27 novembre 2026</p>
  <div class="share-bar">${links("Facebook", "Twitter", "Imprimer cet article")}</div>
  <div class="story-body">${paragraphs()}${bullets}</div>
  <div class="related-articles"><h2>À lire aussi</h2>${links("Un nouveau pont sur la Saône en 2028, promet la métropole", "Grève des transports jeudi")}</div>
  <section id="comments"><h2>Commentaires</h2>
    <p>Encore des impôts, comme d'habitude, rien ne change jamais dans cette ville depuis des années, c'est désolant.</p>
    <p>Merci pour cet article très complet, enfin des chiffres clairs sur le budget et sur la dette de la commune.</p>
  </section>
</article>
<aside><h2>Les plus lus</h2><ul><li>${links("Un nouveau pont sur la Saône")}</li><li>${links("Marché de Noël : les horaires")}</li></ul></aside>
</main>
<footer>${links("Mentions légales", "Contact")} <p>Abonnez-vous à notre lettre d'information, chaque matin dans votre boîte, gratuitement et sans engagement.</p></footer>
</body></html>`,

  // No landmark at all: divs named by class or role only, text in divs separated by <br>, a teaser sidebar whose
  // blurbs are sentences, and the share links after the text.
  divs: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${HEADLINE}</title></head><body>
<div id="wrap">
  <div class="top-menu" role="navigation">${links("Aller au menu", "Politique", "Économie", "Sport")}</div>
  <div id="c">
    <div class="post">
      <div class="post-title">${HEADLINE}</div>
      <div class="post-text">${PARAGRAPHS.join("<br><br>\n")}<br>${bullets}</div>
      <div class="social-links">Partager : ${links("Facebook", "Twitter")} <span>Imprimer cet article</span></div>
    </div>
    <div class="widget popular"><b>Les plus lus</b>
      <div>Un nouveau pont sur la Saône en 2028 : la métropole promet des travaux rapides, et les riverains s'inquiètent déjà.</div>
      <div>Encore des impôts ? Les contribuables lyonnais, interrogés par notre rédaction, disent leur lassitude.</div>
    </div>
  </div>
  <div class="site-footer">${links("Mentions légales", "Contact")} Abonnez-vous à notre lettre</div>
</div>
</body></html>`,

  // The site's name is the page's only <h1>, in the header above the article: not a headline to widen to.
  siteTitle: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${HEADLINE}</title></head><body>
<div class="container">
  <header><h1>La Gazette</h1><small>Toute l'actualité de la ville</small></header>
  <main><article><h2>${HEADLINE}</h2>${paragraphs()}${bullets}</article></main>
  <nav class="sidebar"><ul><li>${links("Politique")}</li><li>${links("Économie")}</li><li>${links("Aller au menu")}</li></ul></nav>
  <footer><p>${links("Mentions légales", "Facebook", "Twitter")}</p></footer>
</div>
</body></html>`,

  // The lead paragraph in its own block before the body (a share bar between them cannot be left out then): going
  // down to the body would lose it.
  lead: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${HEADLINE}</title></head><body>
<nav>${links("Politique", "Économie")}</nav>
<div class="main"><div class="article">
  <div class="title">${HEADLINE}</div>
  <div class="standfirst">${LEAD}</div>
  <div class="share">${links("Partager", "Envoyer")}</div>
  <div class="body">${paragraphs()}</div>
</div>
<div class="more">${links("Un nouveau pont sur la Saône en 2028, promet la métropole", "Marché de Noël : les horaires")}</div></div>
<footer>${links("Mentions légales", "Facebook")}</footer>
</body></html>`,

  // A short lead sentence in a <p> of its own before the body, share links after it: the lead stays, as Readability
  // keeps such a paragraph.
  shortLead: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${HEADLINE}</title></head><body>
<nav>${links("Politique", "Économie")}</nav>
<article><p>${SHORT_LEAD}</p><div class="body">${paragraphs()}</div><div class="tools">${links("Facebook", "Twitter")}</div></article>
<footer>${links("Mentions légales")}</footer>
</body></html>`,

  // An article of one long paragraph under a subheading: the region is not narrowed to the paragraph alone.
  oneParagraph: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${HEADLINE}</title></head><body>
<nav>${links("Politique", "Économie")}</nav>
<div class="text"><h2>${SUBHEADING}</h2><p>${PARAGRAPHS.join(" ")}</p></div>
<footer>${links("Mentions légales")}</footer>
</body></html>`,

  // A short headline block just above the text, with nothing but a byline: the region takes the headline too.
  headline: `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${HEADLINE}</title></head><body>
<nav>${links("Politique", "Économie", "Sport")}</nav>
<div class="layout"><div class="article">
  <h1>${HEADLINE}</h1>
  <p class="byline">Par Claire Dubois</p>
  <div class="text">${paragraphs()}</div>
</div>
<div class="sidebar"><h2>Les plus lus</h2>${links("Un nouveau pont sur la Saône", "Marché de Noël")}</div></div>
<footer>${links("Mentions légales")}</footer>
</body></html>`,
};

let browser;
let page;
before(async () => {
  browser = await launch();
  page = await browser.newPage();
  // Every request is answered here: the pages above and the extractor module, nothing from the network.
  await page.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname === "/article-extract.js") {
      return route.fulfill({ body: extractor, contentType: "text/javascript; charset=utf-8" });
    }
    const html = PAGES[url.pathname.slice(1)];
    return html ? route.fulfill({ body: html, contentType: "text/html; charset=utf-8" }) : route.abort();
  });
});
after(() => browser?.close());

/** The region's text on one of the pages above, live and on an inert copy (the reader-page fallback). */
async function regionOf(name) {
  await page.goto(`${ORIGIN}/${name}`);
  return page.evaluate(async () => {
    const { findArticle, articleParagraphs } = await import("/article-extract.js");
    const live = findArticle(document, { live: true });
    const inertDoc = new DOMParser().parseFromString(document.documentElement.outerHTML, "text/html");
    const inert = findArticle(inertDoc, { live: false });
    return {
      live: articleParagraphs(live.root, { live: true }).join("\n"),
      inert: articleParagraphs(inert.root, { live: false }).join("\n"),
      reason: live.reason,
    };
  });
}

function assertArticleOnly(text, reason) {
  for (const p of [...PARAGRAPHS, ...BULLETS]) assert.ok(text.includes(p), `missing "${p.slice(0, 40)}…" (${reason})`);
  for (const b of BOILERPLATE) assert.ok(!text.includes(b), `boilerplate "${b}" in the region (${reason})`);
}

test("landmarks and class tokens: every paragraph kept, menus, share bar, related links and comments left out", async () => {
  const r = await regionOf("semantic");
  assertArticleOnly(r.live, r.reason);
  assertArticleOnly(r.inert, r.reason);
});

test("divs only (role and class names, <br> paragraphs): every paragraph kept, boilerplate left out", async () => {
  const r = await regionOf("divs");
  assertArticleOnly(r.live, r.reason);
  assertArticleOnly(r.inert, r.reason);
});

test("the site's name in an <h1> above the article does not widen the region to the header, menu and footer", async () => {
  const r = await regionOf("siteTitle");
  assertArticleOnly(r.live, r.reason);
  assertArticleOnly(r.inert, r.reason);
  assert.ok(!r.live.includes("La Gazette"), `site name in the region (${r.reason})`);
});

test("a lead paragraph in its own block before the body stays in the region", async () => {
  const r = await regionOf("lead");
  for (const text of [r.live, r.inert]) {
    assert.ok(text.includes(LEAD), `lead paragraph missing (${r.reason})`);
    for (const p of PARAGRAPHS) assert.ok(text.includes(p), `missing "${p.slice(0, 40)}…"`);
    for (const b of ["Politique", "Un nouveau pont", "Mentions légales"]) assert.ok(!text.includes(b), `"${b}" in the region`);
  }
});

test("a short lead sentence in its own <p> before the body stays in the region", async () => {
  const r = await regionOf("shortLead");
  for (const text of [r.live, r.inert]) {
    assert.ok(text.includes(SHORT_LEAD), `lead sentence missing (${r.reason})`);
    for (const p of PARAGRAPHS) assert.ok(text.includes(p), `missing "${p.slice(0, 40)}…"`);
    for (const b of ["Politique", "Mentions légales"]) assert.ok(!text.includes(b), `"${b}" in the region`);
  }
});

test("a subheading beside a single long paragraph stays in the region", async () => {
  const r = await regionOf("oneParagraph");
  for (const text of [r.live, r.inert]) {
    assert.ok(text.includes(SUBHEADING), `subheading missing (${r.reason})`);
    assert.ok(text.includes(PARAGRAPHS.join(" ")), "paragraph missing");
  }
});

test("a headline with only a byline above the text is taken with it; the menus and sidebar are not", async () => {
  const r = await regionOf("headline");
  for (const text of [r.live, r.inert]) {
    assert.ok(text.startsWith(HEADLINE), `headline not in the region (${r.reason}): ${text.slice(0, 60)}`);
    for (const p of PARAGRAPHS) assert.ok(text.includes(p), `missing "${p.slice(0, 40)}…"`);
    for (const b of ["Politique", "Les plus lus", "Mentions légales"]) assert.ok(!text.includes(b), `"${b}" in the region`);
  }
});
