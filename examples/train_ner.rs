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
    /// Static features, `per` per token.
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

    let docs = ner_corpus::train_docs(lang_code, &sets);
    let mut sents = Vec::new();
    let (mut ntok, mut nent) = (0usize, 0usize);
    for d in &docs {
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
            }
            ntok += r.len();
            sents.push(Sent { feats, infos: infos[r.clone()].to_vec(), gold: gold[r.clone()].to_vec() });
        }
    }
    eprintln!("{lang_code}: {} docs, {} sentences, {ntok} tokens, {nent} entities", docs.len(), sents.len());

    // Averaged perceptron with lazy averaging.
    let n = tagger::BUCKETS as usize * NTAGS;
    let mut w = vec![0f32; n];
    let mut acc = vec![0f64; n];
    let mut stamp = vec![0u32; n];
    let mut clock = 0u32;
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
                let st = &sent.feats[i * PER_TOKEN..(i + 1) * PER_TOKEN];
                let mut scores = [0f32; NTAGS];
                for &f in st.iter().chain(tf.iter()) {
                    let base = (f % tagger::BUCKETS) as usize * NTAGS;
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
                    for &f in st.iter().chain(tf.iter()) {
                        let base = (f % tagger::BUCKETS) as usize * NTAGS;
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
    drop((w, acc, stamp));

    // Quantise: scale so that the 99.99th percentile of |w| maps to 127.
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
    // Dequantised units: the median weight is about 2 units.
    let median_units: f32 = opt("--median-units").map_or(8.0, |s| s.parse().unwrap());
    let scale = (median_units / pct(0.5)).min(32767.0 / pct(1.0));
    // Prune: raise the threshold until the file fits.
    let mut threshold = 1i32;
    let header = format!(
        "article-annotator NER tagger ({lang_code}), averaged perceptron, {epochs} epochs, trained by \
         examples/train_ner.rs (scripts/train-ner.sh). Training data: {}. These weights are shared under \
         CC BY 4.0 with attribution to those sources (see data/models/README.md and NOTICE). Tags: {}\n",
        if lang_code == "fr" {
            "WiNER-fr train part (Yoann Dupont, annotations CC BY 4.0; fr.wikinews.org contributors, texts \
             CC BY 2.5) and Europeana Newspapers fr (CC0)"
        } else {
            "GUM (Amir Zeldes and the GUM annotators, annotations CC BY 4.0), documents of the academic, court, \
             textbook (CC BY 4.0), news and interview (Wikinews, CC BY 2.5) genres only"
        },
        TAGS.join(" ")
    );
    let bytes = loop {
        let mut rows = Vec::new();
        for b in 0..tagger::BUCKETS as usize {
            let mut row = [0i16; NTAGS];
            let mut any = false;
            for t in 0..NTAGS {
                let q = (avg[b * NTAGS + t] * scale).round().clamp(-32767.0, 32767.0) as i32;
                if q.abs() >= threshold {
                    row[t] = q as i16;
                    any = true;
                }
            }
            if any {
                rows.push((b as u32, row));
            }
        }
        let bytes = tagger::encode(&header, &rows);
        let gz = if bytes.len() <= max_kb * 1024 { gzip_len(&bytes) } else { usize::MAX };
        eprintln!("threshold {threshold}: {} rows, {} bytes, gzip -9 {gz}", rows.len(), bytes.len());
        if bytes.len() <= max_kb * 1024 && gz <= max_gz_kb * 1024 {
            break bytes;
        }
        threshold += 1 + threshold / 16;
    };
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
            for &f in st.iter().chain(tf.iter()) {
                let base = (f % tagger::BUCKETS) as usize * NTAGS;
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
    std::fs::write(&out, &bytes).expect("write model");
    eprintln!("wrote {out} ({} bytes)", bytes.len());
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
