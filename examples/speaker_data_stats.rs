//! Reads the speaker-attribution corpora through `speaker_corpus` (checking every offset) and prints their counts.
//!
//!     python3 scripts/speaker-data.py build && cargo run --release --example speaker_data_stats [DIR]
//!
//! DIR defaults to `target/speaker-data`. A sanity check of the files the future speaker-ranking trainer reads.

#[path = "speaker_corpus/mod.rs"]
mod speaker_corpus;

use std::path::PathBuf;

fn main() {
    let dir = std::env::args().nth(1).map(PathBuf::from).unwrap_or_else(|| PathBuf::from("target/speaker-data"));
    let corpora = match speaker_corpus::read_all(&dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("speaker_data_stats: {e}");
            std::process::exit(1);
        }
    };
    println!("| corpus | lang | docs | quotes | with speaker | attributing located | speaker spans |");
    println!("|---|---|---|---|---|---|---|");
    for (name, docs) in &corpora {
        let mut langs: Vec<&str> = docs.iter().map(|d| d.lang.as_str()).collect();
        langs.sort_unstable();
        langs.dedup();
        for lang in langs {
            let docs: Vec<_> = docs.iter().filter(|d| d.lang == lang).collect();
            let quotes = docs.iter().flat_map(|d| &d.quotes);
            let (mut n, mut spk, mut att, mut spans) = (0, 0, 0, 0);
            for q in quotes {
                n += 1;
                spk += usize::from(q.speaker_text.is_some());
                att += usize::from(q.attributing.is_some());
                spans += q.speaker_spans.len();
            }
            println!("| {name} | {lang} | {} | {n} | {spk} | {att} | {spans} |", docs.len());
        }
    }
}
