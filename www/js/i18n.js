// Interface strings, French and English: the site's shell (main.js, index.html's data-i18n) and the reading
// interface (reader-ui.js) read this one table. The interface follows the article's language.

const STRINGS = {
  fr: {
    // The shell (main.js; index.html's data-i18n keys).
    title: "Annotateur d’articles",
    tagline: "Entités, citations et affirmations non vérifiées, repérées dans votre navigateur. Rien ne quitte cette page.",
    articles: "Articles",
    loading: "Chargement…",
    own: "Votre propre texte",
    paste: "Coller un texte",
    annotate: "Annoter",
    drop: "…ou déposez ici un fichier .txt ou .html.",
    choose: "Choisir un fichier",
    loadDoc: "Charger des annotations (JSON du contrat) pour ce texte",
    engine: "Moteur",
    aside: "Annotations",
    annotating: (size, s) => `Annotation de ${size}… ${s} s`,
    rendering: "Mise en page du texte…",
    painting: "Surlignage…",
    pasted: "Texte collé",
    noSeeds: "Pas de liste d’articles (seeds/index.json illisible).",
    noEngine: "Le moteur (www/pkg/) manque : construisez-le avec scripts/wasm.sh build.",
    badDoc: "Ce fichier n’est pas un document d’annotations pour ce texte.",
    licence: "Licence",
    done: (n, ms) => `${n} annotations en ${ms} ms.`,
    loaded: (name, n) => `${n} annotations chargées depuis ${name}.`,
    install: "Annoter un article sur n’importe quel site\u00a0: le marque-page",
    // A language pack (js/packs.js) that could not be used: kind, language name, file.
    packError: (kind, language, file) => ({
      offline: `Impossible de télécharger les données de langue (${language})\u00a0: vous êtes hors ligne. Réessayez une fois connecté.`,
      network: `Impossible de télécharger les données de langue (${language}, ${file})\u00a0: le réseau a échoué ou la politique de sécurité de la page les bloque.`,
      http: `Impossible de télécharger les données de langue (${language}, ${file})\u00a0: le serveur a refusé.`,
      damaged: `Les données de langue (${language}) sont arrivées abîmées ou ne correspondent pas à ce moteur\u00a0: rechargez la page.`,
    })[kind] ?? `Données de langue (${language}) indisponibles.`,
    // The reading interface (reader-ui.js).
    unsupported: (language) =>
      `Ce texte semble être en ${language}\u00a0; article-annotator lit le français et l’anglais.`,
    legend: "Calques",
    sep: "\u00a0: ",
    q: (s) => `«\u00a0${s}\u00a0»`,
    entities: "Entités",
    quotes: "Citations",
    claims: "Affirmations non vérifiées",
    label: { PER: "Personne", ORG: "Organisation", LOC: "Lieu", DATE: "Date", MISC: "Divers" },
    reason: {
      conditional: "Conditionnel",
      hedge: "Prudence",
      single_source: "Source unique",
      claimed: "Revendiqué",
      unconfirmed: "Non confirmé",
      anonymous_source: "Source anonyme",
      no_response: "Pas de réponse",
    },
    quote: "Citation",
    indirect: "discours rapporté",
    speaker: "Locuteur",
    unattributed: "non attribuée",
    cue: "Indice",
    source: "Source",
    mentions: (n) => (n > 1 ? `${n} mentions` : "1 mention"),
    none: { entity: "Aucune entité trouvée.", quote: "Aucune citation trouvée.", claim: "Aucune affirmation non vérifiée trouvée." },
    unmatched: (n) => `${n} annotation(s) n’ont pas pu être placées dans le texte.`,
    panel: "Dans cet article",
    navigate: "Parcourir",
    layer: "Calque",
    all: "Tout",
    prev: "Précédent",
    next: "Suivant",
    keys: "Touches : n / p (ou j / k) pour le surlignage suivant / précédent, Échap pour fermer l’info-bulle.",
    exportJson: "Exporter JSON",
    exportJsonLd: "Exporter JSON-LD (Web Annotation)",
    position: (i, n) => `${i} sur ${n}`,
    noHighlight: "Aucun surlignage dans ce calque.",
    more: (n) => `Afficher la suite (${n} de plus)`,
    // The sourcing summary (reader-summary.js) and its exports (export-table.js).
    sourcing: "Sources de l’article",
    quoted: "Personnes citées",
    unnamedMark: "non nommé",
    direct: (n) => `${n} citation${n > 1 ? "s" : ""} directe${n > 1 ? "s" : ""}`,
    reported: (n) => `${n} propos rapporté${n > 1 ? "s" : ""}`,
    unattributedQuotes: "Citations sans locuteur",
    sourcesHead: "Sources",
    namedSources: "Sources nommées",
    unnamedSources: "Sources non nommées",
    claimsByReason: "Affirmations non vérifiées, par raison",
    attributedShare: (k, n, pct) => `${k} phrase${k > 1 ? "s" : ""} sur ${n} attribuée${k > 1 ? "s" : ""} à une source (${pct}\u00a0%)`,
    attributedShort: "Phrases attribuées à une source",
    noneYet: "aucune",
    stepThrough: (n) => `(parcourir ${n > 1 ? `ses ${n} passages` : "son passage"} dans le texte)`,
    exportCsvSummary: "Résumé en CSV",
    exportCsvAnnotations: "Annotations en CSV",
    copySummary: "Copier le résumé",
    copyAnnotations: "Copier les annotations",
    copied: "Copié dans le presse-papiers.",
    copyFailed: "Copie impossible ici\u00a0: sélectionnez le texte ci-dessous.",
    copyArea: "Texte à copier",
    exports: "Exporter",
    // Live pages (inject.js): the host page changed the article after annotation.
    reanchored: "Article modifié par la page : annotations mises à jour.",
    pageChanged: "L’article a changé dans la page.",
    refresh: "Actualiser",
  },
  en: {
    // The shell (main.js; index.html's data-i18n keys).
    title: "Article annotator",
    tagline: "Entities, quotations and unverified claims, found in your browser. Nothing leaves this page.",
    articles: "Articles",
    loading: "Loading…",
    own: "Your own text",
    paste: "Paste a text",
    annotate: "Annotate",
    drop: "…or drop a .txt or .html file here.",
    choose: "Choose a file",
    loadDoc: "Load annotations (contract JSON) for this text",
    engine: "Engine",
    aside: "Annotations",
    annotating: (size, s) => `Annotating ${size}… ${s} s`,
    rendering: "Laying out the text…",
    painting: "Painting…",
    pasted: "Pasted text",
    noSeeds: "No article list (seeds/index.json could not be read).",
    noEngine: "The engine (www/pkg/) is missing: build it with scripts/wasm.sh build.",
    badDoc: "This file is not an annotation document for this text.",
    licence: "Licence",
    done: (n, ms) => `${n} annotations in ${ms} ms.`,
    loaded: (name, n) => `${n} annotations loaded from ${name}.`,
    install: "Annotate an article on any site: the bookmarklet",
    packError: (kind, language, file) => ({
      offline: `Could not download the ${language} language data: you are offline. Try again once connected.`,
      network: `Could not download the ${language} language data (${file}): the network failed or this page's security policy blocks it.`,
      http: `Could not download the ${language} language data (${file}): the server refused.`,
      damaged: `The ${language} language data arrived damaged or does not match this engine: reload the page.`,
    })[kind] ?? `The ${language} language data is not available.`,
    // The reading interface (reader-ui.js).
    unsupported: (language) => `This text seems to be in ${language}; article-annotator reads French and English.`,
    legend: "Layers",
    sep: ": ",
    q: (s) => `“${s}”`,
    entities: "Entities",
    quotes: "Quotations",
    claims: "Unverified claims",
    label: { PER: "Person", ORG: "Organisation", LOC: "Place", DATE: "Date", MISC: "Other" },
    reason: {
      conditional: "Conditional",
      hedge: "Hedge",
      single_source: "Single source",
      claimed: "Claimed",
      unconfirmed: "Unconfirmed",
      anonymous_source: "Anonymous source",
      no_response: "No response",
    },
    quote: "Quotation",
    indirect: "reported speech",
    speaker: "Speaker",
    unattributed: "unattributed",
    cue: "Cue",
    source: "Source",
    mentions: (n) => (n > 1 ? `${n} mentions` : "1 mention"),
    none: { entity: "No entities found.", quote: "No quotations found.", claim: "No unverified claims found." },
    unmatched: (n) => `${n} annotation(s) could not be placed in the text.`,
    panel: "In this article",
    navigate: "Step through",
    layer: "Layer",
    all: "All",
    prev: "Previous",
    next: "Next",
    keys: "Keys: n / p (or j / k) for the next / previous highlight, Esc to close the tooltip.",
    exportJson: "Export JSON",
    exportJsonLd: "Export JSON-LD (Web Annotation)",
    position: (i, n) => `${i} of ${n}`,
    noHighlight: "No highlight in this layer.",
    more: (n) => `Show more (${n} left)`,
    // The sourcing summary (reader-summary.js) and its exports (export-table.js).
    sourcing: "Sourcing",
    quoted: "Who is quoted",
    unnamedMark: "unnamed",
    direct: (n) => `${n} direct`,
    reported: (n) => `${n} reported`,
    unattributedQuotes: "Quotations without a speaker",
    sourcesHead: "Sources",
    namedSources: "Named sources",
    unnamedSources: "Unnamed sources",
    claimsByReason: "Unverified claims by reason",
    attributedShare: (k, n, pct) => `${k} of ${n} sentence${n > 1 ? "s" : ""} attributed to a source (${pct}%)`,
    attributedShort: "Sentences attributed to a source",
    noneYet: "none",
    stepThrough: (n) => `(step through ${n > 1 ? `its ${n} passages` : "its passage"} in the text)`,
    exportCsvSummary: "Summary as CSV",
    exportCsvAnnotations: "Annotations as CSV",
    copySummary: "Copy the summary",
    copyAnnotations: "Copy the annotations",
    copied: "Copied to the clipboard.",
    copyFailed: "Copying is not allowed here: select the text below.",
    copyArea: "Text to copy",
    exports: "Export",
    // Live pages (inject.js): the host page changed the article after annotation.
    reanchored: "The page changed the article: annotations updated.",
    pageChanged: "The article changed in the page.",
    refresh: "Refresh",
  },
};

/** The interface language for `lang`: "fr" or "en" (anything else, "__proto__" included, gives "en"). */
export function uiLang(lang) {
  return typeof lang === "string" && Object.hasOwn(STRINGS, lang) ? lang : "en";
}

/** The strings for `lang` ("fr" or "en"; anything else gives English). */
export function strings(lang) {
  return STRINGS[uiLang(lang)];
}

/** `table[key]` when the table has it as its own entry (never an inherited one such as "constructor"), else `fallback`. */
export function own(table, key, fallback = key) {
  return typeof key === "string" && Object.hasOwn(table, key) ? table[key] : fallback;
}

/** The name of language `code` (ISO 639-1) in the interface language `lang`: "German", "allemand"; else the code. */
export function languageName(code, lang) {
  try {
    const name = new Intl.DisplayNames([uiLang(lang)], { type: "language", fallback: "none" }).of(code);
    if (name) return name;
  } catch {
    // not a well-formed code, or no Intl.DisplayNames: the code itself
  }
  return String(code);
}

/** The interface language the browser asks for, when it is one we have. */
export function browserLang() {
  const asked = (globalThis.navigator?.languages ?? [globalThis.navigator?.language ?? ""]).map((l) => String(l).slice(0, 2));
  return asked.find((l) => Object.hasOwn(STRINGS, l)) ?? "en";
}
