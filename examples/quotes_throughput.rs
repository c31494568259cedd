//! Throughput of the quotation layer alone (after the text layer), on the
//! seed articles repeated to about 4 MB, and on a text of quotation marks
//! only.
//!
//! ```text
//! cargo run --release --example quotes_throughput
//! ```

use article_annotator::detect::{quotes, Analysis};
use article_annotator::Lang;
use std::time::Instant;

fn main() {
    let fr = include_str!("../seeds/fr/000_49ca0dbeb12cab9e.txt");
    let en = include_str!("../seeds/en/wikinews-uk-asylum-questionnaire.txt");
    let marks = "« a » “b” \"c\" ‘d’ „e“ ‹f› «g ".repeat(100_000);
    for (name, base, lang) in [("fr seed", fr, Lang::Fr), ("en seed", en, Lang::En), ("marks", &marks[..], Lang::Fr)] {
        let reps = (4_000_000 / base.len()).max(1);
        let text = base.repeat(reps);
        let t0 = Instant::now();
        let analysis = Analysis::new(&text, lang);
        let t1 = Instant::now();
        let found = quotes::detect(&analysis, &[]);
        let t2 = Instant::now();
        let mb = text.len() as f64 / 1e6;
        println!(
            "{name}: {:.1} MB, text layer {:.1} MB/s, quotes {:.1} MB/s ({} quotations)",
            mb,
            mb / (t1 - t0).as_secs_f64(),
            mb / (t2 - t1).as_secs_f64(),
            found.len()
        );
    }
}
