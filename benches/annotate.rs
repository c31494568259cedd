//! Criterion benchmarks of the pipeline, per stage and whole, in bytes per
//! second (lol-html's layout), plus the floor (a bare pass over the bytes)
//! and the cold load of the language resources (nlprule's `load.rs`).
//!
//! Inputs: every seed article (`seeds/**/*.txt`) and a news-like French
//! corpus generated at bench time from `../shared/data` (HIPE newspaper
//! tokens and WikiNEuRal sentences, detokenised and shuffled into articles;
//! see [`corpus`]). The corpus is written to `target/bench-corpus/` so that
//! `scripts/bench.sh` can feed exactly the same text to spaCy; it is not
//! committed (CC BY-NC-SA data, regenerated in well under a second).
//!
//! `cargo bench --bench annotate` runs everything; `scripts/bench.sh` runs it
//! with short measurement times and prints the comparison table. Filters:
//! `cargo bench --bench annotate -- stages/` etc. Environment:
//! `BENCH_CORPUS_MB` (default 10) sets the large corpus size,
//! `BENCH_DATA` the shared data folder (default `../shared/data`).
//!
//! Timings are recorded by hand in `benches/RESULTS.md`, never gated.

use article_annotator::detect::{self, Analysis};
use article_annotator::{text, Annotator, Lang};
use criterion::{criterion_group, BenchmarkId, Criterion, SamplingMode, Throughput};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "../tests/common/adversarial_inputs.rs"]
mod adversarial_inputs;

/// The corpus generator: detokenised newspaper sentences, shuffled into
/// articles of paragraphs, deterministically.
mod corpus {
    use std::fs;
    use std::io::Read;
    use std::path::Path;

    /// Sentences of the HIPE French newspaper files: tokens joined with a
    /// space unless `NoSpaceAfter`; `EndOfSentence` ends a sentence (the v0.9
    /// train file has none, so a final `.`/`?`/`!` token does there too).
    fn hipe_sentences(tsv: &str, out: &mut Vec<String>) {
        let mut cur = String::new();
        for line in tsv.lines() {
            if line.starts_with('#') || line.starts_with("TOKEN\t") || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let (tok, misc) = (cols[0], cols.last().copied().unwrap_or(""));
            cur.push_str(tok);
            if !misc.contains("NoSpaceAfter") {
                cur.push(' ');
            }
            let end = misc.contains("EndOfSentence") || matches!(tok, "." | "?" | "!");
            if end && cur.len() > 20 {
                out.push(cur.trim().to_string());
                cur.clear();
            }
        }
    }

    /// Sentences of a CoNLL-U file without `# text` lines: tokens joined
    /// with French typographic spacing rules.
    fn conllu_sentences(conllu: &str, out: &mut Vec<String>) {
        let mut cur = String::new();
        let mut no_space_next = false;
        for line in conllu.lines() {
            if line.trim().is_empty() {
                if cur.len() > 20 {
                    out.push(cur.trim().to_string());
                }
                cur.clear();
                continue;
            }
            let Some(tok) = line.split('\t').nth(1) else { continue };
            let attach_left = matches!(tok, "," | "." | ")" | "]" | "…" | "%") || tok.starts_with('\'');
            if !cur.is_empty() && !attach_left && !no_space_next {
                cur.push(' ');
            }
            cur.push_str(tok);
            no_space_next = tok.ends_with('\'') || tok.ends_with('’') || matches!(tok, "(" | "[");
        }
    }

    fn gunzip(path: &Path) -> Option<String> {
        // No gzip crate among the dev-dependencies: use the system's gzip.
        let out = std::process::Command::new("gzip").arg("-dc").arg(path).output().ok()?;
        out.status.success().then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// All sentences of the French corpora under `data`.
    pub fn sentences(data: &Path) -> Vec<String> {
        let mut out = Vec::new();
        let hipe = data.join("hipe-newspapers-ner/fr");
        let mut files: Vec<_> =
            fs::read_dir(&hipe).map(|d| d.flatten().map(|e| e.path()).collect()).unwrap_or_default();
        files.sort();
        for f in files {
            let mut s = String::new();
            if fs::File::open(&f).and_then(|mut h| h.read_to_string(&mut s)).is_ok() {
                hipe_sentences(&s, &mut out);
            }
        }
        if let Some(s) = gunzip(&data.join("wikineural-fr/wikineural-fr-val.conllu.gz")) {
            conllu_sentences(&s, &mut out);
        }
        out
    }

    /// xorshift64*: deterministic, dependency-free.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    /// At least `bytes` bytes of articles: a title line, then paragraphs
    /// of 2–6 sentences separated by blank lines; articles separated by
    /// two blank lines. Sentences are drawn in a shuffled order, reshuffled
    /// on each pass, so every prefix is equally news-like (the 1 MB input
    /// is the first 1 MB of the 10 MB one).
    pub fn generate(sentences: &[String], bytes: usize) -> String {
        assert!(!sentences.is_empty(), "no corpus sentences found");
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        let mut pos = order.len();
        let mut next = |rng: &mut Rng| {
            if pos == order.len() {
                for i in (1..order.len()).rev() {
                    order.swap(i, rng.below(i + 1));
                }
                pos = 0;
            }
            pos += 1;
            &sentences[order[pos - 1]]
        };
        let mut out = String::with_capacity(bytes + 4096);
        while out.len() < bytes {
            let title = next(&mut rng);
            out.push_str(title.trim_end_matches(['.', ' ']));
            out.push_str("\n\n");
            for p in 0..4 + rng.below(8) {
                if p > 0 {
                    out.push_str("\n\n");
                }
                for s in 0..2 + rng.below(5) {
                    if s > 0 {
                        out.push(' ');
                    }
                    out.push_str(next(&mut rng));
                }
            }
            out.push_str("\n\n\n");
        }
        out
    }
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every seed article: (name, language, text).
fn seeds() -> Vec<(String, Lang, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "txt") {
                out.push(p);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("seeds"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("seed readable");
            let name = p.strip_prefix(root().join("seeds")).unwrap().to_string_lossy().replace(".txt", "");
            let lang = if name.starts_with("en/") { Lang::En } else { Lang::Fr };
            (name, lang, text)
        })
        .collect()
}

/// The generated corpus of `mb` megabytes (10^6 bytes, cut at a char
/// boundary), cached under `target/bench-corpus/` for spaCy.
fn corpus_text(all: &str, mb: usize) -> String {
    let mut end = (mb * 1_000_000).min(all.len());
    while !all.is_char_boundary(end) {
        end -= 1;
    }
    let text = all[..end].to_string();
    let dir = root().join("target/bench-corpus");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(format!("news-fr-{mb}mb.txt")), &text);
    text
}

fn big_corpus() -> String {
    let data = std::env::var_os("BENCH_DATA").map(PathBuf::from).unwrap_or_else(|| root().join("../shared/data"));
    let mb: usize = std::env::var("BENCH_CORPUS_MB").ok().and_then(|s| s.parse().ok()).unwrap_or(10);
    let sentences = corpus::sentences(&data);
    corpus::generate(&sentences, mb.max(1) * 1_000_000 + 1024)
}

/// The floor: one pass over the bytes that the optimiser cannot remove
/// (counts spaces and line breaks), and one pass decoding chars.
fn floor_bytes(text: &str) -> usize {
    text.as_bytes().iter().filter(|&&b| b == b' ' || b == b'\n').count()
}
fn floor_chars(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphabetic()).count()
}

/// Each stage on its own input (the earlier stages computed outside the
/// timed loop), then the whole pipeline and the JSON contract.
fn bench_stages(c: &mut Criterion, inputs: &[(String, Lang, String)]) {
    let mut g = c.benchmark_group("stages");
    for (name, lang, text) in inputs {
        let lang = *lang;
        g.throughput(Throughput::Bytes(text.len() as u64));
        if text.len() > 2_000_000 {
            g.sampling_mode(SamplingMode::Flat).sample_size(10);
        } else {
            g.sampling_mode(SamplingMode::Auto).sample_size(20);
        }
        let analysis = Analysis::new(text, lang);
        let entities = detect::entities::detect(&analysis);
        let quotes = detect::quotes::detect(&analysis, &entities);
        let annotator = Annotator::for_lang(lang);
        let doc = annotator.annotate(text);
        g.bench_with_input(BenchmarkId::new("floor_bytes", name), text, |b, t| b.iter(|| floor_bytes(black_box(t))));
        g.bench_with_input(BenchmarkId::new("floor_chars", name), text, |b, t| b.iter(|| floor_chars(black_box(t))));
        g.bench_with_input(BenchmarkId::new("tokenize", name), text, |b, t| {
            b.iter(|| text::tokenize(black_box(t), lang))
        });
        g.bench_with_input(BenchmarkId::new("sentences", name), text, |b, t| {
            b.iter(|| text::sentences(black_box(t), &analysis.tokens, lang))
        });
        g.bench_with_input(BenchmarkId::new("analysis", name), text, |b, t| {
            b.iter(|| Analysis::new(black_box(t), lang))
        });
        g.bench_function(BenchmarkId::new("entities", name), |b| {
            b.iter(|| detect::entities::detect(black_box(&analysis)))
        });
        g.bench_function(BenchmarkId::new("quotes", name), |b| {
            b.iter(|| detect::quotes::detect(black_box(&analysis), &entities))
        });
        g.bench_function(BenchmarkId::new("claims", name), |b| {
            b.iter(|| detect::claims::detect(black_box(&analysis), &entities, &quotes))
        });
        g.bench_with_input(BenchmarkId::new("annotate", name), text, |b, t| {
            b.iter(|| annotator.annotate(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("to_contract_json", name), text, |b, t| {
            b.iter(|| serde_json::to_string(&doc.to_contract(black_box(t))).unwrap())
        });
        g.bench_with_input(BenchmarkId::new("annotate_json", name), text, |b, t| {
            b.iter(|| serde_json::to_string(&annotator.annotate(black_box(t)).to_contract(t)).unwrap())
        });
    }
    g.finish();
}

/// The whole pipeline (with language detection, as the browser runs it)
/// over every seed, and at 1 MB and 10 MB for the scaling check.
fn bench_whole(c: &mut Criterion, seeds: &[(String, Lang, String)], big: &str) {
    let mut g = c.benchmark_group("annotate");
    for (name, _, text) in seeds {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("seed", name), text, |b, t| {
            b.iter(|| article_annotator::annotate(black_box(t)))
        });
    }
    g.sampling_mode(SamplingMode::Flat).sample_size(10);
    let mb_big = big.len() / 1_000_000;
    let mut sizes = vec![1];
    if mb_big >= 10 {
        sizes.push(10);
    }
    for mb in sizes {
        let text = corpus_text(big, mb);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::new("corpus", format!("{mb}MB")), &text, |b, t| {
            b.iter(|| Annotator::for_lang(Lang::Fr).annotate(black_box(t)))
        });
        g.bench_with_input(BenchmarkId::new("floor_bytes", format!("{mb}MB")), &text, |b, t| {
            b.iter(|| floor_bytes(black_box(t)))
        });
    }
    g.finish();
}

/// The adversarial inputs of `tests/adversarial.rs` at 100 kB and 1 MB: the
/// test asserts validity, this group gives the 10× time ratio per case.
fn bench_adversarial(c: &mut Criterion) {
    let mut g = c.benchmark_group("adversarial");
    g.sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(1));
    let annotator = Annotator::for_lang(Lang::Fr);
    for (size, label) in [(100_000, "100kB"), (1_000_000, "1MB")] {
        for (name, text) in adversarial_inputs::cases(size) {
            g.throughput(Throughput::Bytes(text.len() as u64));
            g.bench_with_input(BenchmarkId::new(name, label), &text, |b, t| {
                b.iter(|| annotator.annotate(black_box(t)))
            });
        }
    }
    g.finish();
}

/// Cold start: the first `annotate` in a fresh process parses every
/// compiled-in resource of both languages (the `OnceLock`s of the text layer
/// and the detectors). Each iteration runs this benchmark binary again with
/// `BENCH_COLD_LOAD=1`; the child times only its first two annotate calls and
/// reports nanoseconds, so process start-up is not counted.
fn bench_load(c: &mut Criterion) {
    let exe = std::env::current_exe().expect("bench exe");
    let mut g = c.benchmark_group("load");
    g.sample_size(10);
    g.bench_function("resources_fr_en_cold", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let out = std::process::Command::new(&exe).env("BENCH_COLD_LOAD", "1").output().expect("spawn");
                let ns: u64 = String::from_utf8_lossy(&out.stdout).trim().parse().expect("child prints nanoseconds");
                total += Duration::from_nanos(ns);
            }
            total
        })
    });
    g.finish();
}

fn cold_load_child() {
    let t = Instant::now();
    black_box(Annotator::for_lang(Lang::Fr).annotate(black_box("M. Dupont aurait dit « oui », selon l'AFP.")));
    black_box(Annotator::for_lang(Lang::En).annotate(black_box("Mr. Smith reportedly said \"yes\", said AFP.")));
    println!("{}", t.elapsed().as_nanos());
}

fn benches(c: &mut Criterion) {
    let seeds = seeds();
    let big = big_corpus();
    let mut stage_inputs: Vec<(String, Lang, String)> =
        seeds.iter().filter(|(n, _, _)| n.starts_with("fr/")).take(1).cloned().collect();
    stage_inputs.push(("corpus-1MB".into(), Lang::Fr, corpus_text(&big, 1)));
    bench_stages(c, &stage_inputs);
    bench_whole(c, &seeds, &big);
    bench_adversarial(c);
    bench_load(c);
}

fn config() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

criterion_group! { name = group; config = config(); targets = benches }

fn main() {
    if std::env::var_os("BENCH_COLD_LOAD").is_some() {
        cold_load_child();
        return;
    }
    group();
    Criterion::default().configure_from_args().final_summary();
}
