//! Trains the entity tagger (averaged perceptron, greedy BIO decoding) and
//! writes `data/models/ner-<lang>.bin`.
//!
//! ```text
//! cargo run --release --example train_ner -- fr|en [--epochs N] [--max-kb K] [--out FILE]
//! ```
//!
//! Run by `scripts/train-ner.sh`, which rebuilds both languages. The
//! corpora and their train / held-out split are in `ner_corpus`.

#[path = "ner_corpus/mod.rs"]
mod ner_corpus;

use article_annotator::detect::entities::tagger::{self, NTAGS, TAGS};
use article_annotator::detect::Analysis;
use article_annotator::Lang;

struct Sent {
    /// Buckets of the static features, `PER_TOKEN` per token.
    feats: Vec<u32>,
    /// Word hashes (for tag features).
    infos: Vec<tagger::TokInfo>,
    gold: Vec<u8>,
}

const PER_TOKEN: usize = 26;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang_code = args.first().map(String::as_str).unwrap_or("fr");
    let lang: Lang = lang_code.parse().expect("fr or en");
    let opt = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let epochs: usize = opt("--epochs").map_or(8, |s| s.parse().unwrap());
    let max_kb: usize = opt("--max-kb").map_or(380, |s| s.parse().unwrap());
    // What the wasm budget counts is the compressed size: --max-gz-kb bounds `gzip -9` of the file.
    let max_gz_kb: usize = opt("--max-gz-kb").map_or(usize::MAX / 1024, |s| s.parse().unwrap());
    let out = opt("--out").unwrap_or_else(|| format!("data/models/ner-{lang_code}.bin"));
    let sets = opt("--sets").unwrap_or_else(|| "winer,europeana".into());
    let sets: Vec<&str> = sets.split(',').collect();
    // Hashed feature space (2^bits buckets) and quantisation step of the written weights.
    let bits: u32 = opt("--bits").map_or(17, |s| s.parse().unwrap());
    let step: i16 = opt("--step").map_or(4, |s| s.parse().unwrap());
    let nbuckets = 1usize << bits;
    let bucket = |f: u32| tagger::bucket(f, bits) as usize;

    let docs = ner_corpus::train_docs(lang_code, &sets);
    if let Some(path) = opt("--write-first-names") {
        write_first_names(&docs, lang, &path);
        return;
    }
    let (sents, ntok, nent) = sentences(&docs, lang, &bucket);
    // Development documents: scored by the tagger alone after training (the
    // engine's rules are scored by `eval_ner`), to choose options quickly.
    let dev_docs = ner_corpus::dev_docs(lang_code);
    let (dev, _, _) = sentences(&dev_docs, lang, &bucket);
    eprintln!("{lang_code}: {} docs, {} sentences, {ntok} tokens, {nent} entities", docs.len(), sents.len());

    // Dequantised units: the median weight is about `median_units`.
    let median_units: f32 = opt("--median-units").map_or(8.0, |s| s.parse().unwrap());
    // Prune: weights below `min_w` (in quantised units) are zeroed; rows are
    // ranked by their largest |w| times (use + 1)^use_power and the least
    // important are dropped until the file fits.
    let use_power: f64 = opt("--use-power").map_or(0.25, |s| s.parse().unwrap());
    let min_w: i32 = opt("--min-w").map_or(8, |s| s.parse().unwrap());
    // Then, with --retrain-epochs N, the perceptron is trained again on the
    // kept rows only (the weight of dropped features moves to kept ones).
    let retrain_epochs: usize = opt("--retrain-epochs").map_or(0, |s| s.parse().unwrap());
    let header = format!(
        "article-annotator NER tagger ({lang_code}), averaged perceptron, {epochs} epochs, trained by \
         examples/train_ner.rs (scripts/train-ner.sh). Training data: {}. These weights are shared under \
         CC BY 4.0 with attribution to those sources (see data/models/README.md and NOTICE). Tags: {}\n",
        if lang_code == "fr" && sets.contains(&"europeana") {
            "WiNER-fr train part (Yoann Dupont, annotations CC BY 4.0; fr.wikinews.org contributors, texts \
             CC BY 2.5) and Europeana Newspapers fr (CC0)"
        } else if lang_code == "fr" {
            "WiNER-fr train part (Yoann Dupont, annotations CC BY 4.0; fr.wikinews.org contributors, texts \
             CC BY 2.5)"
        } else {
            "GUM (Amir Zeldes and the GUM annotators, annotations CC BY 4.0), documents of the open-text genres \
             only: academic and textbook (CC BY 4.0), news and interview (Wikinews, CC BY 2.5), court and \
             speech (public domain or CC BY), vlog (CC BY)"
        },
        TAGS.join(" ")
    );
    // The first pass keeps the rows of a file of --prune-gz-kb (retraining
    // shrinks it), the last the rows of a file of --max-gz-kb.
    let prune_gz_kb: usize = opt("--prune-gz-kb").map_or(max_gz_kb, |s| s.parse().unwrap());
    let compact = |avg: &[f32], uses: &[u32], gz_kb: usize| -> (Vec<u8>, Vec<u32>, f32) {
        let fits = |bytes: &[u8]| bytes.len() <= max_kb * 1024 && gzip_len(bytes) <= gz_kb * 1024;
        let mut mags: Vec<f32> = avg.iter().map(|x| x.abs()).filter(|&x| x > 0.0).collect();
        mags.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let pct = |p: f64| mags[((mags.len() - 1) as f64 * p) as usize];
        eprintln!(
            "{} non-zero weights; |w| p50 {} p90 {} p99 {} p99.9 {} max {}",
            mags.len(),
            pct(0.5),
            pct(0.9),
            pct(0.99),
            pct(0.999),
            pct(1.0)
        );
        let scale = (median_units / pct(0.5)).min(32767.0 / pct(1.0));
        let mut ranked: Vec<(f64, u32, [i16; NTAGS])> = (0..nbuckets)
            .filter_map(|b| {
                let row: [i16; NTAGS] = std::array::from_fn(|t| {
                    let q = (avg[b * NTAGS + t] * scale).round().clamp(-32767.0, 32767.0) as i32;
                    if q.abs() >= min_w {
                        q as i16
                    } else {
                        0
                    }
                });
                let big = row.iter().map(|w| w.unsigned_abs()).max().unwrap_or(0);
                (big > 0).then(|| (big as f64 * (uses[b] as f64 + 1.0).powf(use_power), b as u32, row))
            })
            .collect();
        ranked.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        let encode_top = |k: usize| {
            let mut rows: Vec<(u32, [i16; NTAGS])> = ranked[..k].iter().map(|&(_, b, row)| (b, row)).collect();
            rows.sort_by_key(|r| r.0);
            tagger::encode(&header, bits, step, &rows)
        };
        // Binary search on the number of rows kept.
        let (mut lo, mut hi) = (0usize, ranked.len());
        if !fits(&encode_top(hi)) {
            while hi - lo > 64 {
                let mid = (lo + hi) / 2;
                if fits(&encode_top(mid)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            hi = lo;
        }
        let bytes = encode_top(hi);
        eprintln!("kept {hi} of {} rows: {} bytes, gzip -9 {}", ranked.len(), bytes.len(), gzip_len(&bytes));
        (bytes, ranked[..hi].iter().map(|r| r.1).collect(), scale)
    };
    let (mut avg, uses) = train(&sents, epochs, bits, None);
    let (mut bytes, kept, mut scale) = compact(&avg, &uses, if retrain_epochs > 0 { prune_gz_kb } else { max_gz_kb });
    if retrain_epochs > 0 {
        let mut keep = vec![false; nbuckets];
        for b in kept {
            keep[b as usize] = true;
        }
        let (avg2, uses2) = train(&sents, retrain_epochs, bits, Some(&keep));
        (bytes, _, scale) = compact(&avg2, &uses2, max_gz_kb);
        avg = avg2;
    }
    let mut tf = Vec::with_capacity(8);
    // Check: the written model tags the training sentences like the float weights.
    let model = tagger::Model::decode(&bytes).expect("decodable");
    let sim = std::env::var_os("SIM").is_some();
    let (mut same, mut right, mut total, mut fright) = (0usize, 0usize, 0usize, 0usize);
    for sent in sents.iter().take(2000) {
        let n = sent.gold.len();
        let whole = 0..n;
        let tags = model.tag(&sent.infos, std::slice::from_ref(&whole));
        let (mut prev, mut prev2) = (0u8, 0u8);
        #[allow(clippy::needless_range_loop)]
        for i in 0..n {
            tf.clear();
            tagger::tag_features(&sent.infos, i, prev, prev2, &mut tf);
            let st = &sent.feats[i * PER_TOKEN..(i + 1) * PER_TOKEN];
            let mut scores = [0f32; NTAGS];
            for f in st.iter().copied().chain(tf.iter().map(|&f| bucket(f) as u32)) {
                let base = f as usize * NTAGS;
                for t in 0..NTAGS {
                    scores[t] +=
                        if sim { (avg[base + t] * scale).round().clamp(-32767.0, 32767.0) } else { avg[base + t] };
                }
            }
            let mut best = 0u8;
            for t in 1..NTAGS as u8 {
                if tagger::allowed(prev, t) && scores[t as usize] > scores[best as usize] {
                    best = t;
                }
            }
            same += (best == tags[i]) as usize;
            fright += (best == sent.gold[i]) as usize;
            right += (sent.gold[i] == tags[i]) as usize;
            total += 1;
            (prev2, prev) = (prev, best);
        }
    }
    eprintln!(
        "check: model agrees with float weights on {:.4} of tokens, gold accuracy {:.4}, float {:.4}",
        same as f64 / total as f64,
        right as f64 / total as f64,
        fright as f64 / total as f64
    );
    let (micro, per) = dev_f1(&model, &dev);
    eprintln!(
        "dev (tagger alone, strict spans): micro F1 {micro:.4} (PER {:.3} LOC {:.3} ORG {:.3} MISC {:.3})",
        per[0], per[1], per[2], per[3]
    );
    std::fs::write(&out, &bytes).expect("write model");
    eprintln!("wrote {out} ({} bytes)", bytes.len());
}

/// Averaged perceptron with lazy averaging, greedy decoding on the
/// predicted tag history (as the engine decodes). With `keep`, only the
/// buckets it marks exist. Returns the averaged weights (bucket × tag) and
/// how often each bucket fired in the first epoch.
fn train(sents: &[Sent], epochs: usize, bits: u32, keep: Option<&[bool]>) -> (Vec<f32>, Vec<u32>) {
    let nbuckets = 1usize << bits;
    let n = nbuckets * NTAGS;
    let mut kept = Vec::with_capacity(PER_TOKEN + 8);
    let mut w = vec![0f32; n];
    let mut acc = vec![0f64; n];
    let mut stamp = vec![0u32; n];
    let mut clock = 0u32;
    // How often each bucket fires in training (first epoch): a row's
    // weight times its use says how much dropping it changes.
    let mut uses = vec![0u32; nbuckets];
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut tf = Vec::with_capacity(8);
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &s in &order {
            let sent = &sents[s];
            let (mut prev, mut prev2) = (0u8, 0u8);
            for i in 0..sent.gold.len() {
                clock += 1;
                tf.clear();
                tagger::tag_features(&sent.infos, i, prev, prev2, &mut tf);
                for f in &mut tf {
                    *f = tagger::bucket(*f, bits);
                }
                let st = &sent.feats[i * PER_TOKEN..(i + 1) * PER_TOKEN];
                if let Some(keep) = keep {
                    // Retraining on the rows kept: the others do not exist.
                    kept.clear();
                    kept.extend(st.iter().chain(tf.iter()).copied().filter(|&f| keep[f as usize]));
                } else {
                    kept.clear();
                    kept.extend(st.iter().chain(tf.iter()).copied());
                }
                if epoch == 0 {
                    for &f in &kept {
                        uses[f as usize] = uses[f as usize].saturating_add(1);
                    }
                }
                let mut scores = [0f32; NTAGS];
                for &f in &kept {
                    let base = f as usize * NTAGS;
                    for t in 0..NTAGS {
                        scores[t] += w[base + t];
                    }
                }
                let mut best = 0u8;
                for t in 1..NTAGS as u8 {
                    if tagger::allowed(prev, t) && scores[t as usize] > scores[best as usize] {
                        best = t;
                    }
                }
                let gold = sent.gold[i];
                if best != gold {
                    for &f in &kept {
                        let base = f as usize * NTAGS;
                        for (t, d) in [(gold as usize, 1f32), (best as usize, -1f32)] {
                            let j = base + t;
                            acc[j] += (clock - stamp[j]) as f64 * w[j] as f64;
                            stamp[j] = clock;
                            w[j] += d;
                        }
                    }
                } else {
                    right += 1;
                }
                total += 1;
                // Train on the predicted history, as decoding will see it.
                (prev2, prev) = (prev, best);
            }
        }
        eprintln!("epoch {epoch}: train token accuracy {:.4}", right as f64 / total as f64);
    }
    let avg: Vec<f32> =
        (0..n).map(|j| ((acc[j] + (clock - stamp[j]) as f64 * w[j] as f64) / clock as f64) as f32).collect();
    (avg, uses)
}

/// Sentences of `docs` with their bucketed static features and gold tags;
/// also the numbers of tokens and entities.
fn sentences(docs: &[ner_corpus::Doc], lang: Lang, bucket: &dyn Fn(u32) -> usize) -> (Vec<Sent>, usize, usize) {
    let mut sents = Vec::new();
    let (mut ntok, mut nent) = (0usize, 0usize);
    for d in docs {
        let a = Analysis::new(&d.text, lang);
        let mut infos = tagger::token_infos(&d.text, &a.tokens, &a.sentence_tokens);
        tagger::mark_seen_lower(&d.text, &a.tokens, &mut infos);
        tagger::mark_first_names(lang, &mut infos);
        // Gold tag per token: the entity holding the token's start.
        let mut gold = vec![0u8; a.tokens.len()];
        // DATE is found by rules, not by the tagger.
        let mut spans: Vec<_> = d.spans.iter().filter(|s| s.2 != "DATE").copied().collect();
        spans.sort();
        let mut k = 0;
        for (i, t) in a.tokens.iter().enumerate() {
            while k < spans.len() && spans[k].1 <= t.span.start {
                k += 1;
            }
            if k < spans.len() && spans[k].0 <= t.span.start {
                let base = match spans[k].2 {
                    "PER" => 1,
                    "LOC" => 3,
                    "ORG" => 5,
                    "MISC" => 7,
                    other => panic!("unexpected label {other}"),
                };
                let inside = i > 0 && a.tokens[i - 1].span.start >= spans[k].0;
                gold[i] = base + inside as u8;
            }
        }
        nent += spans.len();
        for r in &a.sentence_tokens {
            if r.is_empty() {
                continue;
            }
            let mut feats = Vec::with_capacity(r.len() * PER_TOKEN);
            for i in r.clone() {
                let before = feats.len();
                tagger::static_features(&infos, r.clone(), i, &mut feats);
                assert_eq!(feats.len() - before, PER_TOKEN);
                for f in &mut feats[before..] {
                    *f = bucket(*f) as u32;
                }
            }
            ntok += r.len();
            sents.push(Sent { feats, infos: infos[r.clone()].to_vec(), gold: gold[r.clone()].to_vec() });
        }
    }
    (sents, ntok, nent)
}

/// Entity spans (start, end, tag type) of a BIO tag sequence.
fn spans(tags: &[u8]) -> Vec<(usize, usize, u8)> {
    let mut out: Vec<(usize, usize, u8)> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        if t == 0 {
            continue;
        }
        let kind = t.div_ceil(2);
        match out.last_mut() {
            Some(last) if t % 2 == 0 && last.1 == i && last.2 == kind => last.1 = i + 1,
            _ => out.push((i, i + 1, kind)),
        }
    }
    out
}

/// Strict span micro F1 of the tagger alone on `dev`, and per type (PER, LOC, ORG, MISC).
fn dev_f1(model: &tagger::Model, dev: &[Sent]) -> (f64, [f64; 4]) {
    let mut counts = [[0usize; 3]; 4];
    for sent in dev {
        let whole = 0..sent.gold.len();
        let pred = spans(&model.tag(&sent.infos, std::slice::from_ref(&whole)));
        let gold = spans(&sent.gold);
        for p in &pred {
            counts[p.2 as usize - 1][1] += 1;
            counts[p.2 as usize - 1][0] += gold.contains(p) as usize;
        }
        for g in &gold {
            counts[g.2 as usize - 1][2] += 1;
        }
    }
    let f1 = |[tp, np, ng]: [usize; 3]| 2.0 * tp as f64 / (np + ng).max(1) as f64;
    let micro = [0, 1, 2].map(|c| counts.iter().map(|k| k[c]).sum::<usize>());
    (f1(micro), counts.map(f1))
}

/// Writes the given-name list of a language from the training documents:
/// the first word of every person name of two words or more, kept when
/// seen so at least twice and at least 1.5 times as often as outside a person
/// name (a place, an organisation, another word, lower-case).
fn write_first_names(docs: &[ner_corpus::Doc], lang: Lang, path: &str) {
    use std::collections::BTreeMap;
    // word -> (first word of a person name, other capitalised uses)
    let mut counts: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for d in docs {
        let a = Analysis::new(&d.text, lang);
        let starts: Vec<usize> = a.tokens.iter().map(|t| t.span.start).collect();
        let (mut person_first, mut person) = (std::collections::HashSet::new(), std::collections::HashSet::new());
        for &(s, e, _) in d.spans.iter().filter(|s| s.2 == "PER") {
            let inside: Vec<usize> = (0..starts.len()).filter(|&i| starts[i] >= s && starts[i] < e).collect();
            if inside.len() >= 2 {
                person_first.insert(inside[0]);
            }
            person.extend(inside);
        }
        for (i, t) in a.tokens.iter().enumerate() {
            let text = t.span.slice(&d.text);
            if text.chars().count() < 2 || !text.chars().all(char::is_alphabetic) {
                continue;
            }
            // A lower-case use counts against the word ("camp", "from").
            let c = counts.entry(text.to_lowercase()).or_default();
            if person_first.contains(&i) {
                c.0 += 1;
            } else if !person.contains(&i) {
                c.1 += 1;
            }
        }
    }
    if let Ok(w) = std::env::var("SHOW") {
        for w in w.split(',') {
            eprintln!("{w}: {:?}", counts.get(w));
        }
    }
    let names: Vec<&String> = counts.iter().filter(|(_, &(p, o))| p >= 2 && 2 * p >= 3 * o).map(|(w, _)| w).collect();
    let header = "# French given names, lower-case: a feature of the French entity tagger and of the rules that \
                  type a name starting with one (a lone given name is a person).\n\
                  # Derived by examples/train_ner.rs (scripts/train-ner.sh) from the WiNER-fr train part \
                  (fr.wikinews 2016-18; annotations Yoann Dupont, CC BY 4.0; texts Wikinews contributors, \
                  CC BY 2.5) and the train part of Europeana Newspapers fr (CC0): the first word of person names \
                  of two words or more, seen so at least twice and at least 1.5 times as often as outside a person \
                  name (lower-case included). Licence: CC BY 4.0.\n";
    let mut out = String::from(header);
    for w in &names {
        out.push_str(w);
        out.push('\n');
    }
    std::fs::write(path, out).expect("write first names");
    eprintln!("wrote {path}: {} given names", names.len());
}

/// `gzip -9` size of `bytes` (the measure of the wasm size budget).
fn gzip_len(bytes: &[u8]) -> usize {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new("gzip").arg("-9c").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("gzip");
    let mut stdin = child.stdin.take().unwrap();
    let data = bytes.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&data));
    let out = child.wait_with_output().expect("gzip output");
    writer.join().unwrap().expect("gzip input");
    out.stdout.len()
}
