// Finds the article in a page without changing it: Readability-style scoring of candidate containers, done on the
// live DOM (or on an inert parsed copy, for the reader-page fallback) and returning one existing element, the region
// that the engine reads and paints (so everything inside it gets annotated: the smaller, the fewer menus and share
// buttons tagged as names).
//
// The steps, in findArticle's order: score paragraphs into their ancestors, rank by link density, move to a better
// container (strong inner candidates, a common ancestor, a better parent, good siblings), trim down through wrappers
// whose other children are boilerplate, and widen to the headline when little comes with it.
//
// Why our own scorer and not @mozilla/readability: Readability rewrites a clone, so its output would have to be
// anchored back into the live page before we can paint on it; scoring in place gives the live element directly and
// never mutates anything. The heuristics follow Readability's (paragraph scores pushed up to ancestors, class/id
// weights, link density, climbing to a better-scored parent); eval/RESULTS-bookmarklet.md measures the result
// against Readability's own extraction.

// Never article text, and never worth entering.
const SKIP_TAGS = new Set([
  "SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "MATH", "IFRAME", "FRAME", "OBJECT", "EMBED", "CANVAS", "VIDEO",
  "AUDIO", "SELECT", "TEXTAREA", "BUTTON", "INPUT", "HEAD", "TITLE", "LINK", "META", "DIALOG",
]);
// Page furniture: skipped when scoring.
const FURNITURE_TAGS = new Set(["NAV", "ASIDE", "FOOTER", "MENU", "FIGCAPTION", "FORM"]);
const FURNITURE_ROLES = new Set([
  "navigation", "complementary", "contentinfo", "banner", "menu", "menubar", "dialog", "alertdialog", "search",
  "toolbar", "tablist",
]);
const UNLIKELY =
  /-ad-|^ad-|\bads?\b|advert|agegate|banner|breadcrumb|combx|comment|community|consent|cookie|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|modal|newsletter|outbrain|pager|pagination|popup|promo|related|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|subscribe|supplemental|taboola|teaser|yom-remote/i;
const MAYBE = /and|article|body|column|content|main|mathjax|shadow|story/i;
const POSITIVE = /article|body|content|entry|h-entry|hentry|main|page|post|story|text|blog/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|byline|caption|combx|comment|com-|contact|credit|footer|gdpr|masthead|media|meta|newsletter|outbrain|promo|related|scroll|share|shopping|shoutbox|sidebar|skyscraper|sponsor|tags|teaser|widget/i;
// Tags whose text Readability scores as paragraphs.
const PARAGRAPH_TAGS = new Set(["P", "PRE", "TD", "SECTION", "H2", "H3", "H4", "H5", "H6"]);
// Elements that are one paragraph of an article, never a wrapper of it.
const PARAGRAPH_LEVEL = new Set(["P", "PRE", "TD", "H1", "H2", "H3", "H4", "H5", "H6", "BLOCKQUOTE", "LI", "DD", "DT"]);
// A DIV holding none of these reads as a paragraph (Readability's DIV_TO_P_ELEMS).
const DIV_BLOCKS = "blockquote,dl,div,img,ol,p,pre,table,ul";
const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "BR", "DD", "DETAILS", "DIV", "DL", "DT", "FIELDSET", "FIGCAPTION",
  "FIGURE", "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P",
  "PRE", "SECTION", "SUMMARY", "TABLE", "TBODY", "TD", "TFOOT", "TH", "THEAD", "TR", "UL",
]);
const TAG_BASE = {
  DIV: 5, ARTICLE: 5, MAIN: 5, PRE: 3, TD: 3, BLOCKQUOTE: 3,
  ADDRESS: -3, OL: -3, UL: -3, DL: -3, DD: -3, DT: -3, LI: -3, FORM: -3,
  H1: -5, H2: -5, H3: -5, H4: -5, H5: -5, H6: -5, TH: -5,
};
const MIN_PARAGRAPH = 25;
// A text block at least this long and under 30 % links reads as running text (a byline, a caption, a teaser title or
// a row of share links does not).
const PROSE_MIN = 100;
// Text without prose up to this length (a byline with a date, a share bar) may be left out when going down.
const SHORT_TEXT = 250;
// Going down to a child may leave out siblings with this much prose (relative to the child's) when Readability would
// not append them either.
const MINOR_PROSE = 0.15;
// Class or id tokens of blocks that are never the article even when they hold sentences: whole tokens (split at
// spaces, "-" and "_"), and prefixes ("share" for share-bar, sharebar, sharing).
const BOILERPLATE = new RegExp(
  "(^|[\\s_-])(?:(?:ads?|bio|tags|more|tools|print|rail|comments?)(?=$|[\\s_-])|" +
    "(?:share|social|related|recommend|newsletter|subscri|signup|paywall|promo|sponsor|sidebar|footer|nav|" +
    "menu|breadcrumb|trending|popular|outbrain|taboola|advert|author|cookie|consent|banner|masthead|toolbar|follow|" +
    "widget|skip))",
  "i",
);
// What widening to the headline may add besides the headline itself (characters of text, of link text).
const HEADLINE_EXTRA = 200;
const HEADLINE_LINKS = 30;
const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, also where no Node global is at hand

/**
 * Find the element holding the page's article.
 * @param {Document} doc the live document, or an inert one from DOMParser (then pass `live: false`)
 * @param {{live?: boolean, headline?: boolean}} [options] `headline`: widen to the article's <h1> when cheap
 * @returns {{root: Element, score: number, reason: string, candidates: Array<[Element, number]>}} `root` is always an
 *   element of `doc` (at worst `body`); `candidates` are the five best-scored containers, for diagnosis
 */
export function findArticle(doc = document, { live = true, headline = true } = {}) {
  const body = doc.body || doc.documentElement;
  // A page hidden as a whole (an anti-clickjacking `html {display: none}` or an anti-flicker `body {visibility:
  // hidden}` that its own script lifts, seen here without that script) says nothing about which parts are hidden:
  // use the static rules then.
  const page = { body, live: live && isRendered(body), scores: new Map() };
  scoreAncestors(page, collectParagraphs(page));
  if (page.scores.size === 0) {
    const fallback = doc.querySelector("article, main, [role=main]") || body;
    return { root: fallback, score: 0, reason: "no scored paragraphs", candidates: [] };
  }
  const ranked = rankByLinkDensity(page.scores);
  // `score` is the best score seen on the way, for the steps that compare with it when `top` itself is unscored.
  let pick = { top: ranked[0][0], score: ranked[0][1], reason: "top candidate" };
  pick = descendToStrongInner(page, ranked, pick);
  pick = ascendToCommonAncestor(page, ranked, pick);
  pick = ascendToBetterParent(page, pick);
  pick = ascendWithGoodSiblings(page, pick);
  pick = trimToProse(page, pick);
  if (headline) pick = widenToHeadline(page, pick);
  return { root: pick.top, score: page.scores.get(pick.top) ?? pick.score, reason: pick.reason,
    candidates: ranked.slice(0, 5) };
}

/**
 * The paragraphs to score, in one pass over the visible elements: `[element, text]`, or `[null, text, container]`
 * for the inline runs of a DIV that also holds blocks. Hidden, skipped and furniture subtrees are refused; open
 * shadow roots are entered.
 */
function collectParagraphs({ body, live }) {
  const paragraphs = [];
  // A manual walk rather than a TreeWalker filter: filter callbacks cannot run where page scripts are disabled.
  const stack = [body];
  while (stack.length) {
    const node = stack.pop();
    const kids = childElements(node);
    for (let i = kids.length - 1; i >= 0; i--) {
      const el = kids[i];
      if (SKIP_TAGS.has(el.tagName.toUpperCase()) || isFurniture(el) || isHidden(el, live)) continue;
      stack.push(el);
      const tag = el.tagName;
      if (PARAGRAPH_TAGS.has(tag)) {
        paragraphs.push([el, plainText(el)]);
      } else if (tag === "DIV" || tag === "ARTICLE") {
        if (!el.querySelector(DIV_BLOCKS)) paragraphs.push([el, plainText(el)]);
        else {
          const own = directInlineText(el);
          // Readability wraps such runs in a new <p> inside the DIV, so the DIV itself is the first to score.
          if (normLength(own) >= MIN_PARAGRAPH) paragraphs.push([null, own, el]);
        }
      }
    }
  }
  return paragraphs;
}

/** Readability's scoring: each paragraph's score (commas, length) is shared among its first five ancestors. */
function scoreAncestors({ body, scores }, paragraphs) {
  const touch = (el) => {
    if (!scores.has(el)) scores.set(el, (TAG_BASE[el.tagName] || 0) + weightOf(el));
  };
  for (const [el, text, inside] of paragraphs) {
    const len = normLength(text);
    if (len < MIN_PARAGRAPH) continue;
    const score = 1 + commas(text) + Math.min(Math.floor(len / 100), 3);
    let anc = inside || parentOf(el);
    for (let level = 0; anc && level < 5; level++, anc = parentOf(anc)) {
      if (!parentOf(anc) && anc !== body) break;
      touch(anc);
      const div = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(anc, scores.get(anc) + score / div);
      if (anc === body) break;
    }
  }
}

/** Scales every score by (1 - link density), so lists of links score little however long; best first. */
function rankByLinkDensity(scores) {
  const ranked = [];
  for (const [el, s] of scores) ranked.push([el, s * (1 - linkDensity(el))]);
  for (const [el, s] of ranked) scores.set(el, s);
  return ranked.sort((a, b) => b[1] - a[1]);
}

/**
 * A container scored mostly through one strong descendant (a page wrapper around the article plus a sidebar): go
 * down to the descendants that score nearly as well (their lowest common ancestor).
 */
function descendToStrongInner({ scores }, ranked, pick) {
  const { top, score } = pick;
  const inner = ranked.slice(1, 5).filter(([el, s]) => s >= 0.75 * score && el !== top && top.contains(el));
  if (!inner.length) return pick;
  let lca = inner[0][0];
  for (const [el] of inner) while (!lca.contains(el)) lca = parentOf(lca);
  if (lca === top) return pick;
  return { top: lca, score: scores.get(lca) ?? score, reason: "strong candidates inside a wrapper" };
}

/** Several strong candidates under one ancestor: the article is split into blocks, take the ancestor. */
function ascendToCommonAncestor({ body }, ranked, pick) {
  const alternatives = ranked.slice(1, 5).filter(([, s]) => s / pick.score >= 0.75).map(([el]) => el);
  if (alternatives.length < 3) return pick;
  for (let anc = parentOf(pick.top); anc && anc !== body; anc = parentOf(anc)) {
    if (alternatives.filter((alt) => anc.contains(alt)).length >= 3) {
      return { ...pick, top: anc, reason: "common ancestor of strong candidates" };
    }
  }
  return pick;
}

/** Climbs while the parent keeps a good share of the score (Readability's parent check). */
function ascendToBetterParent({ body, scores }, pick) {
  let last = scores.get(pick.top) ?? pick.score;
  const threshold = last / 3;
  for (let parent = parentOf(pick.top); parent && parent !== body; parent = parentOf(parent)) {
    if (!scores.has(parent)) continue;
    const ps = scores.get(parent);
    if (ps < threshold) break;
    if (ps > last) return { ...pick, top: parent, reason: "better-scored parent" };
    last = ps;
  }
  return pick;
}

/**
 * Readability appends the top candidate's good siblings to the article; with one root we take the parent instead
 * when those siblings weigh at least as much text as the parent's other (non-furniture) children.
 */
function ascendWithGoodSiblings(page, pick) {
  const { body } = page;
  let { top, reason } = pick;
  top = ascendOnlyChild(body, top);
  for (let n = 0; n < 3; n++) {
    const parent = parentOf(top);
    if (!parent || parent === body.parentElement) break;
    const { good, other } = weighSiblings(page, top, parent);
    if (good === 0 || good < other) break;
    top = parent;
    reason = "parent of the top candidate and its good siblings";
    if (top === body) break;
    top = ascendOnlyChild(body, top);
  }
  return { ...pick, top, reason };
}

/** An only child stands for its parent. */
function ascendOnlyChild(body, top) {
  for (let p = parentOf(top); p && p !== body && p.children.length === 1; p = parentOf(p)) top = p;
  return top;
}

/** Visible text length of `top`'s siblings that Readability would append (`good`) and of the others. */
function weighSiblings(page, top, parent) {
  let good = 0;
  let other = 0;
  for (const sib of parent.children) {
    if (sib === top || SKIP_TAGS.has(sib.tagName.toUpperCase()) || isHidden(sib, page.live)) continue;
    const len = visibleLength(sib, page.live);
    if (!len) continue;
    if (isGoodSibling(page, top, sib, len)) good += len;
    else other += len;
  }
  return { good, other };
}

/** Readability's test for a sibling to append to the article: scored near `top` (or sharing its class), or prose. */
function isGoodSibling({ scores }, top, sib, len) {
  if (isFurniture(sib)) return false;
  const topScore = scores.get(top) ?? 0;
  const sameClass = sib.className && sib.className === top.className;
  const sibScore = (scores.get(sib) ?? 0) + (sameClass ? topScore * 0.2 : 0);
  return sibScore >= Math.max(10, topScore * 0.2) || isProseParagraph(sib, len);
}

/** Readability's paragraph sibling: a <p> (or a DIV holding no blocks) of prose, or a short sentence without links. */
function isProseParagraph(el, len) {
  if (el.tagName !== "P" && !(el.tagName === "DIV" && !el.querySelector(DIV_BLOCKS))) return false;
  const density = linkDensity(el);
  return (len > 80 && density < 0.25) || (len < 80 && density === 0 && /\.( |$)/.test(plainText(el)));
}

/**
 * Goes down through wrappers: while one child holds the region's prose and every other child may be left out (menus,
 * share bars, bylines, tag lists, "read next" links, an author's bio: see mayLeaveOut), that child is the region.
 */
function trimToProse(page, pick) {
  let { top } = pick;
  for (;;) {
    if (hasOwnText(top)) break;
    const kids = childElements(top).filter((el) => !SKIP_TAGS.has(el.tagName.toUpperCase())).map((el) => {
      const blocks = textBlocks(el, { live: page.live });
      const sum = (f) => blocks.reduce((n, b) => n + f(b), 0);
      return { el, prose: proseLength(blocks), length: sum((b) => b.text.length), links: sum((b) => b.links) };
    });
    const main = kids.reduce((best, k) => (k.prose > (best?.prose ?? 0) ? k : best), null);
    // Through wrappers only: beside a paragraph are the article's other parts (a heading, a short paragraph).
    if (!main || readsAsParagraph(main.el)) break;
    const others = kids.filter((k) => k !== main);
    if (!others.every((k) => mayLeaveOut(page, main, k))) break;
    if (others.reduce((n, k) => n + k.prose, 0) > MINOR_PROSE * main.prose) break;
    top = main.el;
  }
  return top === pick.top ? pick : { ...pick, top, reason: `${pick.reason}, trimmed to its prose` };
}

/** A paragraph-level element (a DIV holding no blocks reads as one, as in Readability). */
function readsAsParagraph(el) {
  return PARAGRAPH_LEVEL.has(el.tagName) || (el.tagName === "DIV" && !el.querySelector(DIV_BLOCKS));
}

/** Whether `el` holds visible text directly (not inside a child element), which going down would lose. */
function hasOwnText(el) {
  for (const c of el.childNodes) if (c.nodeType === 3 && c.data.trim()) return true;
  return false;
}

/** Length of the blocks that read as running text: long enough, and not mostly links. */
function proseLength(blocks) {
  let n = 0;
  for (const b of blocks) if (b.text.length >= PROSE_MIN && b.links < 0.3 * b.text.length) n += b.text.length;
  return n;
}

/**
 * Whether going down to the child `main` may leave out its sibling `k`: boilerplate by its tag, role, class or id;
 * otherwise not if Readability would append it to the article, else if it holds no prose and is mostly links (a list
 * of teasers) or short (a byline, a date, a row of share buttons; longer text without links may be the article's own
 * list), or holds only a little prose (an author's bio).
 */
function mayLeaveOut({ live, scores }, main, k) {
  if (isFurniture(k.el) || BOILERPLATE.test(signature(k.el)) || isHidden(k.el, live)) return true;
  if (isGoodSibling({ scores }, main.el, k.el, k.length)) return false;
  if (k.prose === 0) return k.links >= 0.5 * k.length || k.length <= SHORT_TEXT;
  return k.prose <= MINOR_PROSE * main.prose;
}

/**
 * The headline is worth annotating too: when the article's <h1> sits just above the body we found, and taking it
 * adds little else (a byline, a date: not share links, menus or a teaser), take the enclosing element.
 */
function widenToHeadline({ body, live }, pick) {
  const { top } = pick;
  if (top.querySelector("h1")) return pick;
  let anc = parentOf(top);
  for (let level = 0; anc && anc !== body && level < 3; level++, anc = parentOf(anc)) {
    const h1 = anc.querySelector("h1");
    if (!h1 || isHidden(h1, live)) continue;
    // An <h1> after the text (a sidebar's, a footer's) is not its headline.
    if (!(h1.compareDocumentPosition(top) & FOLLOWING)) break;
    const added = textBlocks(anc, { live, skip: top });
    const headline = normLength(plainText(h1));
    const other = added.reduce((n, b) => n + b.text.length, 0) - headline;
    const links = added.reduce((n, b) => n + b.links, 0) - normLength(h1.querySelector("a") ? plainText(h1) : "");
    if (other <= HEADLINE_EXTRA && links <= HEADLINE_LINKS) {
      return { ...pick, top: anc, reason: `${pick.reason}, with its headline` };
    }
    break;
  }
  return pick;
}

/**
 * The visible text of `root` as paragraphs (block boundaries split, whitespace collapsed), skipping scripts,
 * styles and hidden elements. Used by the reader-page fallback and by the coverage measurement.
 * @param {Element} root
 * @param {{live?: boolean}} [options]
 * @returns {string[]}
 */
export function articleParagraphs(root, { live = true } = {}) {
  return textBlocks(root, { live }).map((b) => b.text);
}

/**
 * The visible text blocks of `root` (what articleParagraphs returns) with the length of their link text, leaving
 * out the subtree `skip` if given.
 * @returns {Array<{text: string, links: number}>}
 */
function textBlocks(root, { live = true, skip = null } = {}) {
  live = live && isRendered(root.ownerDocument.body || root);
  const out = [];
  let cur = "";
  let links = "";
  const flush = () => {
    const text = cur.replace(/\s+/g, " ").trim();
    if (text) out.push({ text, links: normLength(links) });
    cur = "";
    links = "";
  };
  const walk = (node, inLink) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        cur += c.data;
        if (inLink) links += c.data;
      } else if (c.nodeType === 1) {
        const tag = c.tagName.toUpperCase();
        if (c === skip || SKIP_TAGS.has(tag) || isHidden(c, live)) continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        walk(c.shadowRoot || c, inLink || tag === "A");
        if (block) flush();
      }
    }
  };
  walk(root.shadowRoot || root, false);
  flush();
  return out;
}

/** Length of the visible text of `el`, block by block. */
function visibleLength(el, live) {
  return articleParagraphs(el, { live }).reduce((n, p) => n + p.length, 0);
}

/**
 * Whether an element is hidden. `live` uses the page's computed style (display, visibility, content-visibility);
 * otherwise (an inert parsed document has no style) only the `hidden` attribute and inline style count. Both
 * treat `aria-hidden="true"` as hidden, as Readability does.
 * @param {Element} el
 * @param {boolean} live
 * @returns {boolean}
 */
export function isHidden(el, live) {
  if (el.hasAttribute("hidden") || el.getAttribute("aria-hidden") === "true") return true;
  if (live && typeof el.checkVisibility === "function") {
    // checkVisibility is false for display:none anywhere up the tree; visibility is checked on the element itself
    // because a visible child may sit in a visibility:hidden parent.
    if (!el.checkVisibility()) return true;
    return getComputedStyle(el).visibility === "hidden";
  }
  const style = (el.getAttribute("style") || "").toLowerCase().replace(/\s+/g, "");
  return style.includes("display:none") || style.includes("visibility:hidden");
}

/** Whether `el` is rendered at all (false for a page hidden as a whole until its scripts run). */
function isRendered(el) {
  return typeof el.checkVisibility !== "function" || el.checkVisibility({ visibilityProperty: true });
}

/** Page furniture: a navigation, sidebar or footer landmark, or a class or id Readability deems unlikely content. */
function isFurniture(el) {
  if (FURNITURE_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute("role");
  if (role && FURNITURE_ROLES.has(role)) return true;
  if (el.tagName === "BODY" || el.tagName === "A" || el.tagName === "ARTICLE" || el.tagName === "MAIN") return false;
  const sig = signature(el);
  return UNLIKELY.test(sig) && !MAYBE.test(sig) && !el.closest("table,code");
}

/** An element's class and id, where class/id weights and boilerplate tokens are looked for. */
function signature(el) {
  return `${typeof el.className === "string" ? el.className : ""} ${el.id}`;
}

/** Readability's class weight: -25 for a negative class or id (comment, share, sidebar…), +25 for a positive one. */
function weightOf(el) {
  let w = 0;
  for (const s of [typeof el.className === "string" ? el.className : "", el.id]) {
    if (!s) continue;
    if (NEGATIVE.test(s)) w -= 25;
    if (POSITIVE.test(s)) w += 25;
  }
  return w;
}

/** Share of `el`'s text inside links (in-page `#` links count for less, as in Readability). */
function linkDensity(el) {
  const total = normLength(el.textContent);
  if (!total) return 0;
  let links = 0;
  for (const a of el.querySelectorAll("a")) {
    const href = a.getAttribute("href");
    links += normLength(a.textContent) * (href && href.startsWith("#") ? 0.3 : 1);
  }
  return Math.min(1, links / total);
}

/** Child elements, those of an open shadow root included. */
function childElements(el) {
  return el.shadowRoot ? [...el.children, ...el.shadowRoot.children] : [...el.children];
}

/** Parent element, stepping out of open shadow roots to their host. */
function parentOf(el) {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && root.host ? root.host : null;
}

/** textContent without the text of scripts, styles and the like (which would count as commas and length). */
function plainText(el) {
  if (!el.querySelector("script,style,noscript,template,svg,math")) return el.textContent;
  let s = "";
  for (const c of el.childNodes) {
    if (c.nodeType === 3) s += c.data;
    else if (c.nodeType === 1 && !SKIP_TAGS.has(c.tagName.toUpperCase())) s += plainText(c);
  }
  return s;
}

/** Text of the inline runs directly inside `el` (its non-block children), for DIVs that mix text and blocks. */
function directInlineText(el) {
  let s = "";
  for (const c of el.childNodes) {
    if (c.nodeType === 3) s += c.data;
    else if (c.nodeType === 1 && !BLOCK_TAGS.has(c.tagName) && !SKIP_TAGS.has(c.tagName)) s += plainText(c);
  }
  return s;
}

function normLength(s) {
  return s.replace(/\s+/g, " ").trim().length;
}

/** Commas in any script, Readability's measure of sentence-like text. */
function commas(s) {
  return (s.match(/[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g) || []).length;
}
