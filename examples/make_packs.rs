//! Writes the language packs of the wasm build: one file per language with
//! all of its data (`article_annotator::pack`, format in
//! `docs/DESIGN-language-packs.md` §5), and a manifest the JS shell checks
//! downloads against.
//!
//! ```sh
//! cargo run --release --example make_packs -- www/pkg/packs          # <lang>.<sha8>.pack + manifest.json
//! cargo run --release --example make_packs -- target/packs --plain   # <lang>.pack (wasm-bindgen tests)
//! ```
//!
//! `scripts/wasm.sh build` runs the first. Each list is packed front-coded
//! with its comments stripped (`pack::pack_list`); the pack's header text is
//! the package's `NOTICE` (every source and licence of the data) with the
//! tagger's own notice.

use article_annotator::pack::{self, Pack, MODEL_FILE, PACK_FILES};
use article_annotator::Lang;
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    let Some(out) = args.iter().find(|a| !a.starts_with("--")).map(PathBuf::from) else {
        eprintln!("usage: make_packs OUT_DIR [--plain]");
        process::exit(2);
    };
    let plain = args.iter().any(|a| a == "--plain");
    if let Err(e) = run(&out, plain) {
        eprintln!("make_packs: {e}");
        process::exit(1);
    }
}

fn run(out: &Path, plain: bool) -> Result<(), String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    // Packs of an earlier build would be shipped with the new ones.
    for entry in fs::read_dir(out).map_err(|e| e.to_string())?.flatten() {
        if entry.file_name().to_string_lossy().ends_with(".pack") {
            fs::remove_file(entry.path()).map_err(|e| e.to_string())?;
        }
    }
    let mut manifest = String::from("{\n");
    for (i, lang) in Lang::ALL.into_iter().enumerate() {
        let bytes = make(root, lang)?;
        Pack::parse(&bytes).map_err(|e| format!("{} pack does not read back: {e}", lang.code()))?;
        let sha = hex(&Sha256::digest(&bytes));
        let name = if plain { format!("{}.pack", lang.code()) } else { format!("{}.{}.pack", lang.code(), &sha[..8]) };
        fs::write(out.join(&name), &bytes).map_err(|e| format!("{name}: {e}"))?;
        let comma = if i + 1 < Lang::ALL.len() { "," } else { "" };
        let _ = writeln!(
            manifest,
            "  \"{}\": {{\"file\": \"{name}\", \"bytes\": {}, \"sha256\": \"{sha}\"}}{comma}",
            lang.code(),
            bytes.len()
        );
        println!("{}: {name} {} bytes", lang.code(), bytes.len());
    }
    manifest.push_str("}\n");
    fs::write(out.join("manifest.json"), manifest).map_err(|e| format!("manifest.json: {e}"))
}

/// The pack of `lang` from the repository's `data/`.
fn make(root: &Path, lang: Lang) -> Result<Vec<u8>, String> {
    let code = lang.code();
    // The header: what the pack is, then the package's NOTICE (every source and licence of the data, as shipped
    // with the crate and the npm package). Each file's own comment header stays in the repository.
    let notice = String::from_utf8(read(root, "NOTICE")?).map_err(|_| "NOTICE: not UTF-8".to_string())?;
    let mut header = format!(
        "article-annotator {} language pack: {code}, data schema {}. Files: {}.\n\n{notice}",
        env!("CARGO_PKG_VERSION"),
        pack::DATA_SCHEMA,
        PACK_FILES.join(", ")
    );
    let mut bodies: Vec<(&str, Vec<u8>)> = Vec::new();
    for &name in PACK_FILES {
        let body = if name == MODEL_FILE {
            let path = format!("data/models/ner-{code}.bin");
            let bytes = read(root, &path)?;
            let _ = writeln!(header, "\n{path}:\n{}", model_notice(&bytes));
            bytes
        } else {
            let path = format!("data/{code}/{name}");
            let text = String::from_utf8(read(root, &path)?).map_err(|_| format!("{path}: not UTF-8"))?;
            pack::pack_list(&text)
        };
        bodies.push((name, body));
    }
    let files: Vec<(&str, &[u8])> = bodies.iter().map(|(n, b)| (*n, b.as_slice())).collect();
    Ok(pack::build(lang, &header, &files))
}

fn read(root: &Path, path: &str) -> Result<Vec<u8>, String> {
    fs::read(root.join(path)).map_err(|e| format!("{path}: {e}"))
}

/// The tagger file's own text notice (its second line: what it is, trained
/// on what, licence), or a pointer to NOTICE if the format has none.
fn model_notice(bytes: &[u8]) -> String {
    let line = bytes.split(|&b| b == b'\n').nth(1).and_then(|l| std::str::from_utf8(l).ok());
    match line {
        Some(l) if l.len() > 20 && l.chars().all(|c| !c.is_control()) => format!("# {l}"),
        _ => "# entity tagger; sources and licence in data/models/README.md and NOTICE".to_string(),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}
