//! Keeps the core readable as the README's layout promises: every module of
//! `src/` imports only modules below it, no file is over 600 lines and no
//! function over 100. (Line counts include comments and tests: a file a
//! newcomer reads in one sitting.)

use std::fs;
use std::path::{Path, PathBuf};

const MAX_FILE_LINES: usize = 600;
const MAX_FN_LINES: usize = 100;

/// The top-level modules of `src/`, lowest first: a module may use the ones
/// on earlier rows (and its own), never a later row. `lang` sits under
/// `text` because the tokenizer reads each language's abbreviations.
const LAYERS: &[&[&str]] = &[
    &["span", "sort", "error", "case"],
    &["lang"],
    &["text"],
    &["model"],
    &["detect"],
    &["annotate"],
    &["contract"],
    &["summary"],
    &["web"],
];

/// Root re-exports (`crate::Lang`) named by the module that defines them.
const ROOT_ITEMS: &[(&str, &str)] = &[
    ("Annotator", "annotate"),
    ("annotate", "annotate"),
    ("ContractAnnotation", "contract"),
    ("ContractDocument", "contract"),
    ("ContractSpan", "contract"),
    ("ContractSpeaker", "contract"),
    ("Error", "error"),
    ("Lang", "lang"),
    ("LangChoice", "lang"),
    ("pack", "lang"),
    ("Annotation", "model"),
    ("Claim", "model"),
    ("ClaimReason", "model"),
    ("Document", "model"),
    ("Entity", "model"),
    ("EntityLabel", "model"),
    ("Quote", "model"),
    ("Speaker", "model"),
    ("Span", "span"),
    ("summarize", "summary"),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn src_files() -> Vec<PathBuf> {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    files.sort();
    files
}

/// The top-level module a file of `src/` belongs to (`src/detect/claims/verb.rs` → `detect`).
fn module_of(path: &Path) -> String {
    let rel = path.strip_prefix(Path::new(env!("CARGO_MANIFEST_DIR")).join("src")).unwrap();
    let first = rel.components().next().unwrap().as_os_str().to_string_lossy().into_owned();
    first.trim_end_matches(".rs").to_string()
}

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|row| row.contains(&module))
}

/// A line without its `//` comment and string literals (good enough for this code base: no `//` inside strings
/// that the check would need).
fn code_of(line: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut prev = ' ';
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if in_string {
            if c == '"' && prev != '\\' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if c == '/' && chars.peek() == Some(&'/') {
            break;
        } else {
            out.push(c);
        }
        prev = if prev == '\\' && c == '\\' { ' ' } else { c };
    }
    out
}

/// The modules a file names through `crate::…`, outside its `#[cfg(test)]` part: `crate::text::x`,
/// `crate::{lang::Lang, Span}`, `crate::Lang`.
fn crate_imports(source: &str) -> Vec<String> {
    let code: String = source
        .lines()
        .take_while(|l| !l.trim_start().starts_with("#[cfg(test)]"))
        .map(code_of)
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        let names: Vec<&str> = if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            group[..end].split(',').map(|s| s.trim().split("::").next().unwrap_or("").trim()).collect()
        } else {
            vec![rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap_or("")]
        };
        for name in names.into_iter().filter(|n| !n.is_empty()) {
            let module = ROOT_ITEMS.iter().find(|(item, _)| *item == name).map_or(name, |(_, m)| m);
            found.push(module.to_string());
        }
    }
    found
}

#[test]
fn every_module_imports_only_modules_below_it() {
    let mut upward = Vec::new();
    for path in src_files() {
        let module = module_of(&path);
        let Some(own) = layer(&module) else { continue }; // lib.rs, bin/: the crate's top.
        for used in crate_imports(&fs::read_to_string(&path).unwrap()) {
            match layer(&used) {
                Some(l) if l > own => upward.push(format!("{} uses crate::{used}", path.display())),
                Some(_) => {}
                None => upward.push(format!("{} uses crate::{used}, a module missing from LAYERS", path.display())),
            }
        }
    }
    assert!(upward.is_empty(), "imports pointing up:\n{}", upward.join("\n"));
}

/// The line count of every `fn` item: from its signature to its closing brace.
fn function_lengths(source: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<String> = source.lines().map(code_of).collect();
    let mut out = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(at) = words.iter().position(|w| *w == "fn") else { continue };
        let before_ok = words[..at].iter().all(|w| {
            w.starts_with("pub") || matches!(*w, "const" | "async" | "unsafe" | "extern" | "\"C\"" | "default")
        });
        if !before_ok || at + 1 >= words.len() {
            continue;
        }
        let name = words[at + 1].split(['(', '<']).next().unwrap_or("").to_string();
        let (mut depth, mut opened) = (0i32, false);
        for (end, body) in lines.iter().enumerate().skip(start) {
            if !opened && body.trim_end().ends_with(';') {
                break; // a declaration without a body
            }
            for c in body.chars() {
                match c {
                    '{' => (depth, opened) = (depth + 1, true),
                    '}' => depth -= 1,
                    _ => {}
                }
            }
            if opened && depth <= 0 {
                out.push((name.clone(), start + 1, end - start + 1));
                break;
            }
        }
    }
    out
}

#[test]
fn no_file_over_600_lines_and_no_function_over_100() {
    let mut long = Vec::new();
    for path in src_files() {
        let source = fs::read_to_string(&path).unwrap();
        let lines = source.lines().count();
        if lines > MAX_FILE_LINES {
            long.push(format!("{}: {lines} lines", path.display()));
        }
        for (name, at, n) in function_lengths(&source) {
            if n > MAX_FN_LINES {
                long.push(format!("{}:{at}: fn {name} is {n} lines", path.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "over the limits ({MAX_FILE_LINES} per file, {MAX_FN_LINES} per function):\n{}",
        long.join("\n")
    );
}

/// Case mapping goes through `src/case` (compact tables, the same results): one call of the standard
/// library's `to_lowercase`/`to_uppercase` links its two ≈ 12 KB tables back into the wasm engine.
#[test]
fn case_mapping_only_through_the_case_module() {
    let mut found = Vec::new();
    for path in src_files() {
        if module_of(&path) == "case" {
            continue;
        }
        let source = fs::read_to_string(&path).unwrap();
        for (n, line) in source.lines().enumerate() {
            let code = code_of(line);
            if code.contains("to_lowercase") || code.contains("to_uppercase") {
                found.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "use crate::case::{{lower, upper, lower_str}} instead:\n{}", found.join("\n"));
}

#[test]
fn the_checks_see_what_they_check() {
    // The import reader finds grouped, nested and root imports, and skips comments and tests.
    let source = "use crate::{lang::Lang, Span};\n// crate::web in a comment\nfn f() { crate::text::x(); }\n#[cfg(test)]\nuse crate::annotate;\n";
    assert_eq!(crate_imports(source), ["lang", "span", "text"]);
    // The function measurer counts from the signature to the closing brace, one-liners included.
    let source = "pub(super) fn a(x: u8) -> u8 {\n    let s = \"}\";\n    x\n}\nfn b() {}\n";
    assert_eq!(function_lengths(source), [("a".to_string(), 1, 4), ("b".to_string(), 5, 1)]);
}
