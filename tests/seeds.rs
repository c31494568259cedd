#![cfg(not(target_arch = "wasm32"))]
//! Golden tests: each seed article (seeds/index.json) against its expected annotation document
//! (`seeds/<path>.expected.json`, the contract with UTF-16 offsets).
//!
//! After a deliberate change in what the engine finds, review the difference and rewrite the files with
//! `UPDATE_SEEDS=1 cargo test --test seeds`, then read `git diff seeds/` before committing: the expected files
//! are the record of what a reader sees on the sample articles.

use article_annotator::{Annotator, LangChoice};
use std::path::{Path, PathBuf};

fn seeds() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("index.json")).unwrap()).unwrap();
    index["articles"]
        .as_array()
        .expect("seeds/index.json: articles")
        .iter()
        .map(|a| (root.join(a["path"].as_str().unwrap()), a["lang"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn seeds_match_their_expected_annotations() {
    let update = std::env::var_os("UPDATE_SEEDS").is_some();
    let mut failures = Vec::new();
    for (path, lang) in seeds() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(article_annotator::Lang::detect(&text).code(), lang, "{}: language identification", path.display());
        let doc = Annotator::new(LangChoice::Auto).annotate(&text).to_contract(&text);
        let actual = serde_json::to_string_pretty(&doc).unwrap() + "\n";
        let expected_path = path.with_extension("expected.json");
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_else(|_| {
            panic!("{} is missing: run UPDATE_SEEDS=1 cargo test --test seeds", expected_path.display())
        });
        if expected != actual {
            let exp: serde_json::Value = serde_json::from_str(&expected).unwrap();
            let act: serde_json::Value = serde_json::from_str(&actual).unwrap();
            let (e, a) = (exp["annotations"].as_array().unwrap(), act["annotations"].as_array().unwrap());
            let missing: Vec<_> = e.iter().filter(|x| !a.contains(x)).map(|x| format!("  - {}", x)).take(10).collect();
            let extra: Vec<_> = a.iter().filter(|x| !e.contains(x)).map(|x| format!("  + {}", x)).take(10).collect();
            failures.push(format!("{}:\n{}\n{}", path.display(), missing.join("\n"), extra.join("\n")));
        }
    }
    assert!(
        failures.is_empty(),
        "seed annotations changed (UPDATE_SEEDS=1 rewrites after review):\n{}",
        failures.join("\n")
    );
}
