//! Readers for the NER corpora in `../shared/data` (shared by
//! `train_ner` and `eval_ner`): each corpus becomes documents (raw text
//! rebuilt from its tokens + gold entity spans in byte offsets), with the
//! project's train / held-out split decided here and only here.
//!
//! Label mapping to the project's guidelines: WiNER-fr Person/Location/
//! Organization → PER/LOC/ORG, Event/Product → MISC, Date/Hour → DATE,
//! outermost spans, text detokenised (see [`winer`]); HIPE `pers` keeps only its
//! `comp.name` part (titles and functions are outside our PER spans),
//! `prod.media` (newspapers) is ORG, `prod.doctr` MISC, `time` dropped;
//! GUM: named mentions (head is a proper noun, linked to Wikipedia or not),
//! trimmed to their proper-noun part without titles: person → PER, place →
//! LOC, organization → ORG, event/object → MISC (see [`gum`]).

#![allow(dead_code)]

use std::io::Read;
use std::path::Path;

/// One document with gold entities.
pub struct Doc {
    pub id: String,
    pub lang: &'static str,
    pub text: String,
    /// (start, end, label) in bytes, label one of PER LOC ORG MISC.
    pub spans: Vec<(usize, usize, &'static str)>,
}

fn read(path: &Path) -> String {
    let mut bytes = Vec::new();
    std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).read_to_end(&mut bytes).unwrap();
    if path.extension().is_some_and(|e| e == "gz") {
        let out = std::process::Command::new("gzip")
            .arg("-dc")
            .arg(path)
            .output()
            .unwrap_or_else(|e| panic!("gzip -dc {}: {e}", path.display()));
        return String::from_utf8(out.stdout).expect("utf-8");
    }
    String::from_utf8(bytes).expect("utf-8")
}

/// Rebuilds text from space-separated corpus tokens.
struct Builder {
    text: String,
    no_space: bool,
}

impl Builder {
    fn new() -> Builder {
        Builder { text: String::new(), no_space: true }
    }
    /// Appends a token (with detokenisation heuristics) and returns its range.
    fn push(&mut self, tok: &str) -> (usize, usize) {
        let glue_left = matches!(tok, "," | "." | ")" | "]" | "..." | "%") || tok.starts_with('\'');
        if !self.no_space && !glue_left && !self.text.is_empty() {
            self.text.push(' ');
        }
        let start = self.text.len();
        self.text.push_str(tok);
        self.no_space = tok.ends_with('\'') || tok.ends_with('’') || tok == "(" || tok == "[";
        (start, self.text.len())
    }
    fn push_raw(&mut self, tok: &str, space_after: bool) -> (usize, usize) {
        let start = self.text.len();
        self.text.push_str(tok);
        let end = self.text.len();
        if space_after {
            self.text.push(' ');
        }
        (start, end)
    }
    fn newline(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.no_space = true;
    }
}

/// Spans from per-token (range, tag) with BIO or IO tags.
fn spans_from_tags(toks: &[((usize, usize), String)]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut open = false;
    for ((s, e), tag) in toks {
        if tag == "O" || tag.is_empty() || tag == "_" {
            open = false;
            continue;
        }
        let (bio, ty) = tag.split_once('-').unwrap_or(("I", tag));
        match out.last_mut() {
            Some(last) if open && bio == "I" && last.2 == ty => last.1 = *e,
            _ => out.push((*s, *e, ty.to_string())),
        }
        open = true;
    }
    out
}

fn map_label(ty: &str) -> Option<&'static str> {
    Some(match ty {
        "PER" | "pers" => "PER",
        "LOC" | "loc" => "LOC",
        "ORG" | "org" => "ORG",
        "MISC" | "HumanProd" => "MISC",
        _ => return None,
    })
}

/// HIPE TSV (v0.9 or v2.1): one document per `document_id`.
pub fn hipe(path: &Path, prefix: &str) -> Vec<Doc> {
    let data = read(path);
    let mut docs = Vec::new();
    struct Tok {
        range: (usize, usize),
        coarse: String,
        fine: String,
        comp: String,
    }
    let mut b = Builder::new();
    let mut toks: Vec<Tok> = Vec::new();
    let mut id = String::new();
    let flush = |id: &str, b: &mut Builder, toks: &mut Vec<Tok>, docs: &mut Vec<Doc>| {
        if toks.is_empty() {
            return;
        }
        let mut spans = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = &toks[i];
            if !t.coarse.starts_with("B-") && !t.coarse.starts_with("I-") {
                i += 1;
                continue;
            }
            let ty = t.coarse[2..].to_string();
            let mut j = i + 1;
            while j < toks.len() && toks[j].coarse == format!("I-{ty}") {
                j += 1;
            }
            let label = match ty.as_str() {
                "prod" if t.fine.contains("media") => Some("ORG"),
                "prod" => Some("MISC"),
                other => map_label(other),
            };
            if let Some(label) = label {
                let (mut s, mut e) = (toks[i].range.0, toks[j - 1].range.1);
                if label == "PER" {
                    let names: Vec<&Tok> = toks[i..j].iter().filter(|t| t.comp.contains("comp.name")).collect();
                    if let (Some(f), Some(l)) = (names.first(), names.last()) {
                        (s, e) = (f.range.0, l.range.1);
                    }
                }
                spans.push((s, e, label));
            }
            i = j;
        }
        let text = std::mem::take(&mut b.text);
        docs.push(Doc { id: format!("{prefix}:{id}"), lang: "fr", text, spans });
        *b = Builder::new();
        toks.clear();
    };
    for line in data.lines() {
        if let Some(rest) = line.strip_prefix('#') {
            if let Some((_, v)) = rest.split_once("document_id =") {
                flush(&id, &mut b, &mut toks, &mut docs);
                id = v.trim().to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0] == "TOKEN" {
            continue;
        }
        let misc = cols[9];
        let range = b.push_raw(cols[0], !misc.contains("NoSpaceAfter"));
        toks.push(Tok { range, coarse: cols[1].into(), fine: cols[3].into(), comp: cols[5].into() });
    }
    flush(&id, &mut b, &mut toks, &mut docs);
    for d in &mut docs {
        let trimmed = d.text.trim_end().len();
        d.text.truncate(trimmed);
    }
    docs
}

/// Europeana `TOKEN TAG` (IO tags), chunks separated by blank lines.
/// Returns (train chunks, held-out chunks): chunk k is held out when k % 5 == 2.
pub fn europeana(path: &Path) -> (Vec<Doc>, Vec<Doc>) {
    let data = read(path);
    let (mut train, mut held) = (Vec::new(), Vec::new());
    for (k, chunk) in data.split("\n\n").enumerate() {
        let mut b = Builder::new();
        let mut toks = Vec::new();
        for line in chunk.lines() {
            let Some((tok, tag)) = line.rsplit_once(' ') else { continue };
            let r = b.push(tok);
            toks.push((r, tag.to_string()));
        }
        let spans = spans_from_tags(&toks).into_iter().filter_map(|(s, e, t)| Some((s, e, map_label(&t)?))).collect();
        let doc = Doc { id: format!("europeana:{k}"), lang: "fr", text: b.text, spans };
        if k % 5 == 2 {
            held.push(doc)
        } else {
            train.push(doc)
        }
    }
    (train, held)
}

/// WikiNEuRal conllu: sentences, grouped 20 per document. Sentence i is held
/// out when i % 4 == 0. Returns (train, held-out).
pub fn wikineural(path: &Path) -> (Vec<Doc>, Vec<Doc>) {
    let data = read(path);
    let mut sets: [Vec<Vec<(String, String)>>; 2] = [Vec::new(), Vec::new()];
    let mut cur = Vec::new();
    let mut n = 0;
    for line in data.lines().chain(std::iter::once("")) {
        if line.trim().is_empty() {
            if !cur.is_empty() {
                sets[(n % 4 == 0) as usize].push(std::mem::take(&mut cur));
                n += 1;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() >= 3 {
            cur.push((cols[1].to_string(), cols[2].to_string()));
        }
    }
    let [train, held] = sets;
    let group = |sents: Vec<Vec<(String, String)>>, name: &str| -> Vec<Doc> {
        sents
            .chunks(20)
            .enumerate()
            .map(|(k, ch)| {
                let mut b = Builder::new();
                let mut toks = Vec::new();
                for s in ch {
                    for (tok, tag) in s {
                        toks.push((b.push(tok), tag.clone()));
                    }
                    b.newline();
                }
                let spans =
                    spans_from_tags(&toks).into_iter().filter_map(|(s, e, t)| Some((s, e, map_label(&t)?))).collect();
                let text = b.text.trim_end().to_string();
                Doc { id: format!("{name}:{k}"), lang: "fr", text, spans }
            })
            .collect()
    };
    (group(train, "wikineural-train"), group(held, "wikineural-held"))
}

/// One GUM token as the entity gold needs it.
struct GumTok {
    range: (usize, usize),
    /// UPOS is PROPN.
    propn: bool,
    /// XPOS is NNPS (plural proper noun: "Americans", "Founders").
    plural: bool,
    /// Document index of the syntactic head (`None` for the root).
    head: Option<usize>,
    /// Capitalised word that is not a determiner, pronoun or adposition.
    cap: bool,
    lower: String,
}

/// Titles and honorifics (guidelines §1: outside PER spans) stripped from
/// GUM person names. A fixed list, independent of the engine's own lists
/// (`data/en/*titles.txt`), so that the gold, and the model trained on it,
/// do not move when the rules' lists grow.
const GUM_TITLES: &[&str] = &[
    "actor",
    "actress",
    "adm.",
    "ambassador",
    "archbishop",
    "attorney",
    "billionaire",
    "brother",
    "capt.",
    "captain",
    "cardinal",
    "ceo",
    "chairman",
    "chancellor",
    "chief",
    "cmdr.",
    "coach",
    "col.",
    "colonel",
    "commissioner",
    "congressman",
    "congresswoman",
    "dame",
    "director",
    "dr",
    "dr.",
    "drs.",
    "emperor",
    "founder",
    "gen.",
    "general",
    "gov.",
    "governor",
    "hon",
    "hon.",
    "judge",
    "justice",
    "king",
    "lady",
    "lord",
    "lt.",
    "madam",
    "maj.",
    "messrs.",
    "minister",
    "miss",
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "pope",
    "president",
    "prime",
    "prince",
    "princess",
    "prof.",
    "professor",
    "prosecutor",
    "queen",
    "rep.",
    "representative",
    "rev",
    "rev.",
    "reverend",
    "saint",
    "secretary",
    "sen.",
    "senator",
    "sergeant",
    "sgt.",
    "sir",
    "sister",
    "speaker",
    "spokesman",
    "spokeswoman",
    "st.",
    "supt.",
    "vice",
];

fn gum_titles() -> std::collections::HashSet<String> {
    GUM_TITLES.iter().map(|s| s.to_string()).collect()
}

/// GUM conllu: one document per `newdoc`. Gold = the named mentions: a
/// person/place/organization (event/object → MISC) mention whose syntactic
/// head is a proper noun, linked to Wikipedia or not (guidelines §1: every
/// named person, famous or not), trimmed to its proper-noun part; leading
/// titles are dropped from PER ("Emperor Norton" → "Norton"), and PER
/// mentions that are only titles ("the Secretary"), plural groups
/// ("Americans", "Founders") or "a/an" + proper noun ("a Protestant":
/// demonyms, religions) are not names.
pub fn gum(path: &Path) -> Vec<Doc> {
    let data = read(path);
    let titles = gum_titles();
    let mut docs = Vec::new();
    let mut b = Builder::new();
    let mut toks: Vec<GumTok> = Vec::new();
    // Open mentions: (id, etype, identity?, first token index).
    let mut open: Vec<(String, String, bool, usize)> = Vec::new();
    let mut mentions: Vec<(usize, usize, &'static str)> = Vec::new();
    let mut id = String::new();
    let mut sent_start = 0usize;
    let finish = |id: &str,
                  b: &mut Builder,
                  toks: &mut Vec<GumTok>,
                  mentions: &mut Vec<(usize, usize, &'static str)>,
                  docs: &mut Vec<Doc>| {
        if toks.is_empty() {
            return;
        }
        // Trim each named mention to its proper-noun part; keep outermost.
        let mut spans: Vec<(usize, usize, &'static str)> = Vec::new();
        for &(f, l, label) in mentions.iter() {
            let inside = |h: Option<usize>| h.is_some_and(|h| (f..=l).contains(&h));
            let Some(head) = (f..=l).find(|&i| !inside(toks[i].head)) else { continue };
            if !toks[head].propn {
                continue;
            }
            // The name around the head: proper nouns and capitalised words
            // ("United States", "Ottoman Empire"), joined by "of", "and"…
            // when a name word follows; commas and clauses end it.
            let name_word = |i: usize| toks[i].propn || toks[i].cap;
            // Two people are two names ("Pantha and Rezwan").
            let joiner = |i: usize| match toks[i].lower.as_str() {
                "and" | "&" => label != "PER",
                "of" | "de" | "-" | "'s" | "’s" => true,
                _ => false,
            };
            let (mut a, mut z) = (head, head);
            while a > f && (name_word(a - 1) || a - 1 > f && joiner(a - 1) && name_word(a - 2)) {
                a -= 1;
            }
            while z < l && (name_word(z + 1) || z + 1 < l && joiner(z + 1) && name_word(z + 2)) {
                z += 1;
            }
            while a < z && !name_word(a) {
                a += 1;
            }
            if label == "PER" {
                while a <= z
                    && (titles.contains(&toks[a].lower) || titles.contains(toks[a].lower.trim_end_matches('.')))
                {
                    a += 1;
                }
                while a <= z && !toks[a].propn {
                    a += 1;
                }
                if a > z || toks[z].plural || matches!(toks[f].lower.as_str(), "a" | "an") {
                    continue;
                }
            }
            spans.push((toks[a].range.0, toks[z].range.1, label));
        }
        spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
        let mut kept: Vec<(usize, usize, &'static str)> = Vec::new();
        for s in spans {
            if kept.last().is_some_and(|k| s.0 < k.1) {
                continue;
            }
            kept.push(s);
        }
        let text = b.text.trim_end().to_string();
        docs.push(Doc { id: id.to_string(), lang: "en", text, spans: kept });
        *b = Builder::new();
        toks.clear();
        mentions.clear();
    };
    for line in data.lines() {
        if let Some(v) = line.strip_prefix("# newdoc id =") {
            finish(&id, &mut b, &mut toks, &mut mentions, &mut docs);
            open.clear();
            id = v.trim().to_string();
            continue;
        }
        if line.starts_with("# newpar") {
            b.newline();
            continue;
        }
        if line.starts_with("# sent_id") {
            sent_start = toks.len();
        }
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 || cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let misc = cols[9];
        let r = b.push_raw(cols[1], !misc.split('|').any(|m| m == "SpaceAfter=No"));
        let idx = toks.len();
        let head = cols[6].parse::<usize>().ok().filter(|&h| h > 0).map(|h| sent_start + h - 1);
        toks.push(GumTok {
            range: r,
            propn: cols[3] == "PROPN",
            plural: cols[4] == "NNPS",
            head,
            cap: cols[1].chars().next().is_some_and(char::is_uppercase)
                && !matches!(cols[3], "DET" | "PRON" | "ADP" | "PUNCT" | "CCONJ" | "SCONJ" | "AUX" | "PART"),
            lower: cols[1].to_lowercase(),
        });
        let Some(ent) = misc.split('|').find_map(|m| m.strip_prefix("Entity=")) else { continue };
        let bytes = ent.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'(' {
                let j = ent[i + 1..].find(['(', ')']).map_or(ent.len(), |p| i + 1 + p);
                let fields: Vec<&str> = ent[i + 1..j].splitn(8, '-').collect();
                let eid = fields.first().copied().unwrap_or("").to_string();
                let etype = fields.get(1).copied().unwrap_or("").to_string();
                let linked = fields.get(7).is_some_and(|s| !s.is_empty());
                open.push((eid, etype, linked, idx));
                i = j;
                if i < bytes.len() && bytes[i] == b')' {
                    close(&mut open, None, idx, &mut mentions);
                    i += 1;
                }
            } else if bytes[i].is_ascii_digit() {
                let j = ent[i..].find(')').map_or(ent.len(), |p| i + p);
                close(&mut open, Some(&ent[i..j]), idx, &mut mentions);
                i = j + 1;
            } else {
                i += 1;
            }
        }
    }
    finish(&id, &mut b, &mut toks, &mut mentions, &mut docs);
    docs
}

fn close(
    open: &mut Vec<(String, String, bool, usize)>,
    eid: Option<&str>,
    idx: usize,
    mentions: &mut Vec<(usize, usize, &'static str)>,
) {
    let pos = match eid {
        None => open.len().checked_sub(1),
        Some(e) => open.iter().rposition(|o| o.0 == e),
    };
    let Some(pos) = pos else { return };
    let (_, etype, _linked, first) = open.remove(pos);
    let label = match etype.as_str() {
        "person" => "PER",
        "place" => "LOC",
        "organization" => "ORG",
        "event" | "object" => "MISC",
        _ => return,
    };
    mentions.push((first, idx, label));
}

/// Where the shared data lives (`../shared/data` from the worktree, or
/// `$NER_DATA`).
pub fn data_dir() -> std::path::PathBuf {
    std::env::var_os("NER_DATA")
        .map(Into::into)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
}

/// GUM genres whose texts are openly licensed without a non-commercial,
/// share-alike or no-derivatives term (GUM's LICENSE.txt and
/// `../shared/data/gum-en`): academic (CC BY 4.0), court (US court
/// records, public domain), interview and news (Wikinews, CC BY 2.5),
/// speech (US government / UN / public-domain addresses, CC BY), textbook
/// (OpenStax / Rebus, CC BY 4.0), vlog (YouTube videos under CC BY). Left
/// out: fiction, whow, essay, letter, podcast (non-commercial), bio and
/// voyage (share-alike), conversation (Santa Barbara corpus, no
/// derivatives) and any other document taken from that corpus.
pub const GUM_OPEN_GENRES: &[&str] = &["academic", "court", "interview", "news", "speech", "textbook", "vlog"];

/// Sources whose licence forbids derivatives (the Santa Barbara Corpus of
/// Spoken American English, CC BY-ND): never trained on.
const GUM_CLOSED_SOURCES: &[&str] = &["linguistics.ucsb.edu", "talkbank.org"];

/// The ids of the GUM documents in `path` that are of an open genre and
/// not from a closed source (`# meta::sourceURL`).
pub fn gum_open_ids(path: &Path) -> std::collections::HashSet<String> {
    let data = read(path);
    let mut out = std::collections::HashSet::new();
    let mut id = "";
    for line in data.lines() {
        if let Some(v) = line.strip_prefix("# newdoc id =") {
            id = v.trim();
        } else if let Some(url) = line.strip_prefix("# meta::sourceURL =") {
            let genre = id.strip_prefix("GUM_").and_then(|r| r.split_once('_')).map_or("", |(g, _)| g);
            if GUM_OPEN_GENRES.contains(&genre) && !GUM_CLOSED_SOURCES.iter().any(|c| url.contains(c)) {
                out.insert(id.to_string());
            }
        }
    }
    out
}

/// Training documents of `lang`, from openly licensed corpora only.
/// French: the corpora named in `sets`, "winer" (WiNER-fr train part, CC
/// BY 2.5 texts, CC BY 4.0 annotations) and "europeana" (Europeana
/// Newspapers fr train chunks, CC0; tried and left out by
/// `scripts/train-ner.sh`). English: GUM train documents of
/// [`GUM_OPEN_GENRES`].
pub fn train_docs(lang: &str, sets: &[&str]) -> Vec<Doc> {
    let d = data_dir();
    if lang == "en" {
        let path = d.join("gum-en/gum-train.conllu.gz");
        let open = gum_open_ids(&path);
        return gum(&path).into_iter().filter(|doc| open.contains(&doc.id)).collect();
    }
    let mut docs = Vec::new();
    if sets.contains(&"winer") {
        docs.extend(winer(&d.join("winer-fr"), Part::Train));
    }
    if sets.contains(&"europeana") {
        docs.extend(europeana(&d.join("europeana-newspapers-ner-fr/enp_FR.bnf.train.bio")).0);
    }
    docs
}

/// The development documents of a training language (WiNER-fr dev split,
/// GUM dev): never trained on, used to choose training options.
pub fn dev_docs(lang: &str) -> Vec<Doc> {
    let d = data_dir();
    if lang == "en" {
        gum(&d.join("gum-en/gum-dev.conllu.gz"))
    } else {
        winer(&d.join("winer-fr"), Part::Dev)
    }
}

/// Evaluation sets: (name, documents). Never used in training. The
/// WiNER-fr test part is only scored when `with_test` is set (at the end).
pub fn eval_sets(with_test: bool) -> Vec<(&'static str, Vec<Doc>)> {
    let d = data_dir();
    let mut sets = vec![
        ("WiNER-fr dev (every 5th article)", winer(&d.join("winer-fr"), Part::Dev)),
        (
            "HIPE fr dev (hipe2020)",
            hipe(&d.join("hipe-newspapers-ner/fr/HIPE-2022-v2.1-hipe2020-dev-fr.tsv"), "hipe-dev"),
        ),
        ("Europeana fr (held-out chunks)", europeana(&d.join("europeana-newspapers-ner-fr/enp_FR.bnf.train.bio")).1),
        ("WikiNEuRal fr (held-out val)", wikineural(&d.join("wikineural-fr/wikineural-fr-val.conllu.gz")).1),
        ("GUM en dev", gum(&d.join("gum-en/gum-dev.conllu.gz"))),
    ];
    if with_test {
        sets.insert(1, ("WiNER-fr test (i % 10 == 3)", winer(&d.join("winer-fr"), Part::Test)));
    }
    sets
}

/// Which part of WiNER-fr an article belongs to, by its index in path
/// order: every 5th article (i % 5 == 0) is the development split, another
/// tenth (i % 10 == 3) the test part scored only at the end, the rest
/// (70 %) is trained on.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    Train,
    Dev,
    Test,
}

fn winer_part(i: usize) -> Part {
    if i % 5 == 0 {
        Part::Dev
    } else if i % 10 == 3 {
        Part::Test
    } else {
        Part::Train
    }
}

/// Undoes WiNER's tokenisation artefacts so that the text reads as a news
/// page does ("l' OMS ," → "l'OMS,", "Libéria ." → "Libéria.", "( x )" →
/// "(x)", "1 er mars" → "1er mars"); French spaces before ":", ";", "!",
/// "?", "»", "%" and after "«" stay. Returns the new text and, for every
/// char of the old one (plus its end), its byte offset in the new text.
fn winer_detok(old: &str) -> (String, Vec<usize>) {
    let cs: Vec<char> = old.chars().collect();
    let mut out = String::with_capacity(old.len());
    let mut map = Vec::with_capacity(cs.len() + 1);
    let word_at = |i: usize| -> String { cs[i..].iter().take_while(|c| c.is_alphanumeric()).collect() };
    for (i, &c) in cs.iter().enumerate() {
        map.push(out.len());
        if c == ' ' {
            let prev = if i > 0 { cs[i - 1] } else { '\n' };
            let next = cs.get(i + 1).copied().unwrap_or('\n');
            let after_next = cs.get(i + 2).copied().unwrap_or('\n');
            let drop = matches!(next, ',' | ')' | ']')
                || next == '.' && !after_next.is_alphanumeric()
                || matches!(prev, '(' | '[')
                || matches!(prev, '\'' | '’') && i >= 2 && cs[i - 2].is_alphabetic()
                || prev.is_ascii_digit()
                    && matches!(word_at(i + 1).as_str(), "e" | "er" | "ère" | "ème" | "es" | "ers");
            if drop {
                continue;
            }
        }
        out.push(c);
    }
    map.push(out.len());
    (out, map)
}

/// Generic bodies are no names in our guidelines (§1: "l'armée
/// syrienne", "le gouvernement", "la police", "le parquet"), though WiNER
/// labels some of them Organization: a lower-case span headed by one of
/// these words, without a capitalised word, is dropped from the gold.
fn winer_generic_body(span: &str) -> bool {
    const HEADS: &[&str] =
        &["armée", "gouvernement", "police", "parquet", "gendarmerie", "gauche", "droite", "opposition", "aviation"];
    let words: Vec<&str> = span.split([' ', '\'', '’']).filter(|w| !w.is_empty()).collect();
    let head = words.iter().find(|w| !matches!(**w, "l" | "la" | "le" | "les")).copied().unwrap_or("");
    HEADS.contains(&head) && !span.chars().any(char::is_uppercase)
}

/// WiNER-fr (brat standoff, see its README), articles of `part`. Labels:
/// Person → PER, Location → LOC, Organization → ORG, Event and Product →
/// MISC, Date and Hour → DATE; only the outermost spans are kept (nested
/// ones are not separate entities in our guidelines).
pub fn winer(dir: &Path, part: Part) -> Vec<Doc> {
    let mut paths = Vec::new();
    let mut years: Vec<_> = std::fs::read_dir(dir).expect("winer-fr").flatten().map(|e| e.path()).collect();
    years.sort();
    for y in years.iter().filter(|p| p.is_dir()) {
        let mut months: Vec<_> = std::fs::read_dir(y).unwrap().flatten().map(|e| e.path()).collect();
        months.sort();
        for m in months {
            let mut files: Vec<_> = std::fs::read_dir(&m)
                .unwrap()
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect();
            files.sort();
            paths.extend(files);
        }
    }
    let mut docs = Vec::new();
    for (i, p) in paths.iter().enumerate() {
        if winer_part(i) != part {
            continue;
        }
        let raw = read(p);
        let ann = read(&p.with_extension("ann"));
        let (text, map) = winer_detok(&raw);
        let mut spans: Vec<(usize, usize, &'static str)> = Vec::new();
        for line in ann.lines() {
            let mut cols = line.split('\t');
            let (Some(id), Some(info)) = (cols.next(), cols.next()) else { continue };
            if !id.starts_with('T') {
                continue;
            }
            let f: Vec<&str> = info.split([' ', ';']).collect();
            let label = match f[0] {
                "Person" => "PER",
                "Location" => "LOC",
                "Organization" => "ORG",
                "Event" | "Product" => "MISC",
                "Date" | "Hour" => "DATE",
                _ => continue,
            };
            let (Ok(s), Ok(e)) = (f[1].parse::<usize>(), f[f.len() - 1].parse::<usize>()) else { continue };
            if label == "ORG" && winer_generic_body(cols.next().unwrap_or("")) {
                continue;
            }
            if s >= e || e >= map.len() {
                continue;
            }
            let (bs, be) = (map[s], map[e]);
            let t = &text[bs..be];
            let (bs, be) = (bs + (t.len() - t.trim_start().len()), be - (t.len() - t.trim_end().len()));
            if bs < be {
                spans.push((bs, be, label));
            }
        }
        spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
        let mut kept: Vec<(usize, usize, &'static str)> = Vec::new();
        for s in spans {
            if kept.last().is_some_and(|k| s.0 < k.1) {
                continue;
            }
            kept.push(s);
        }
        let id = p.file_stem().unwrap().to_string_lossy().to_string();
        docs.push(Doc { id: format!("winer:{id}"), lang: "fr", text, spans: kept });
    }
    docs
}
