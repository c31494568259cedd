//! Prints the sentences the engine sees in a file, one per line: `cargo run --example sentences -- FILE`.
use article_annotator::{detect::Analysis, LangChoice};

fn main() {
    let path = std::env::args().nth(1).expect("usage: sentences FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    let lang = LangChoice::Auto.resolve(&text);
    let analysis = Analysis::new(&text, lang);
    for (i, s) in analysis.sentences.iter().enumerate() {
        println!("{i:3} | {}", s.slice(&text).replace('\n', " ⏎ "));
    }
}
