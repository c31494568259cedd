// Exports people paste into a spreadsheet or a message: the sourcing summary and the annotations as CSV (RFC 4180)
// and as plain text. CSV columns are stable English names (a file is read by programs as much as by people); the
// text follows the interface language. Offsets are the contract's (UTF-16 code units).
import { own } from "./i18n.js";
import { excerpt } from "./dom.js";

// A cell starting with one of these is a formula to Excel, LibreOffice and Google Sheets ("=HYPERLINK(…)" in a
// quotation would run on opening): such cells get a leading apostrophe, which spreadsheets show as text.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: guarded against formulas, quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvCell(value) {
  let s = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (arrays of values) as CSV text: CRLF line ends, as RFC 4180 has them. */
export function toCsv(rows) {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

const indices = (list) => list.join(" ");

/**
 * The summary as CSV: one row per line of the summary.
 * Columns: section, label, named, direct, reported, count, annotations (indices in the contract, space-separated).
 */
export function summaryCsv(summary) {
  const rows = [["section", "label", "named", "direct", "reported", "count", "annotations"]];
  for (const s of summary.speakers) {
    rows.push(["speaker", s.label, s.named ? "yes" : "no", s.direct, s.reported, s.direct + s.reported, indices(s.annotations)]);
  }
  for (const key of ["unattributed_quotes", "named_sources", "unnamed_sources"]) {
    rows.push([key, "", "", "", "", summary[key].count, indices(summary[key].annotations)]);
  }
  for (const c of summary.claims) rows.push(["claim", c.reason, "", "", "", c.count, indices(c.annotations)]);
  rows.push(["sentences", "", "", "", "", summary.sentences, ""]);
  rows.push(["attributed_sentences", "", "", "", "", summary.attributed_sentences, ""]);
  return toCsv(rows);
}

/**
 * The annotations as CSV, one row each, in the contract's order.
 * Columns: index, kind, start, end, text, label, entity_id, direct, speaker, speaker_entity_id, reason, cue, source,
 * explanation.
 */
export function annotationsCsv(doc) {
  const rows = [["index", "kind", "start", "end", "text", "label", "entity_id", "direct", "speaker", "speaker_entity_id",
    "reason", "cue", "source", "explanation"]];
  doc.annotations.forEach((a, i) => {
    const sp = a.kind === "quote" ? a.speaker : null;
    rows.push([
      i, a.kind, a.start, a.end, a.text,
      a.kind === "entity" ? a.label : "",
      a.kind === "entity" ? a.entity_id : "",
      a.kind === "quote" ? (a.direct ? "yes" : "no") : "",
      sp ? sp.speaker_name || sp.text : "",
      sp?.entity_id ?? "",
      a.kind === "claim" ? a.reason : "",
      a.kind === "claim" ? (a.cue?.text ?? "") : "",
      a.kind === "claim" ? (a.source?.text ?? "") : "",
      a.kind === "claim" ? (a.explanation ?? "") : "",
    ]);
  });
  return toCsv(rows);
}

/** Whole percent of k in n (0 when n is 0). */
export const percent = (k, n) => (n > 0 ? Math.round((100 * k) / n) : 0);

/** The summary as text in the interface language `t` (strings of i18n.js), for the clipboard. */
export function summaryText(t, summary) {
  const lines = [t.sourcing, "", `${t.quoted}${t.sep.trimEnd()}`];
  if (!summary.speakers.length) lines.push(`  ${t.noneYet}`);
  for (const s of summary.speakers) {
    const who = s.named ? s.label : `${s.label} (${t.unnamedMark})`;
    lines.push(`  ${who}${t.sep}${t.direct(s.direct)}, ${t.reported(s.reported)}`);
  }
  if (summary.unattributed_quotes.count) lines.push(`  ${t.unattributedQuotes}${t.sep}${summary.unattributed_quotes.count}`);
  lines.push(`${t.namedSources}${t.sep}${summary.named_sources.count}`);
  lines.push(`${t.unnamedSources}${t.sep}${summary.unnamed_sources.count}`);
  lines.push(`${t.claimsByReason}${t.sep.trimEnd()}`);
  if (!summary.claims.length) lines.push(`  ${t.noneYet}`);
  for (const c of summary.claims) lines.push(`  ${own(t.reason, c.reason)}${t.sep}${c.count}`);
  const { attributed_sentences: k, sentences: n } = summary;
  lines.push(t.attributedShare(k, n, percent(k, n)));
  return `${lines.join("\n")}\n`;
}

/** The annotations as text, one line each in text order: "Personne : Elon Musk", "Citation (Elon Musk) : « … »". */
export function annotationsText(t, doc) {
  const line = (a) => {
    if (a.kind === "entity") return `${own(t.label, a.label)}${t.sep}${a.text}`;
    if (a.kind === "quote") {
      const who = a.speaker ? a.speaker.speaker_name || a.speaker.text : t.unattributed;
      return `${t.quote}${a.direct ? "" : ` (${t.indirect})`} — ${who}${t.sep}${t.q(excerpt(a.text, 400))}`;
    }
    const src = a.source ? ` — ${t.source}${t.sep}${a.source.text}` : "";
    return `${own(t.reason, a.reason)}${t.sep}${t.q(excerpt(a.text, 400))}${src}`;
  };
  return `${[...doc.annotations].sort((x, y) => x.start - y.start).map(line).join("\n")}\n`;
}
