#![cfg(not(target_arch = "wasm32"))]
//! The `annotate` command line: files, JSON lines, bad input, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annotate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("annotate runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn lines(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("each output line is JSON"))
        .collect()
}

/// Checks a contract document: offsets are UTF-16 code units of `text`, `text` equals the slice, sorted.
fn check_contract(doc: &serde_json::Value, text: &str) {
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let slice =
        |s: u64, e: u64| String::from_utf16(&utf16[s as usize..e as usize]).expect("offsets on code-point boundaries");
    assert!(doc["lang"] == "fr" || doc["lang"] == "en");
    let anns = doc["annotations"].as_array().expect("annotations array");
    let mut last = 0;
    for a in anns {
        let (s, e) = (a["start"].as_u64().unwrap(), a["end"].as_u64().unwrap());
        assert!(s < e && e as usize <= utf16.len() && s >= last, "{a}");
        last = s;
        assert_eq!(a["text"].as_str().unwrap(), slice(s, e));
        assert!(["entity", "quote", "claim"].contains(&a["kind"].as_str().unwrap()));
    }
}

#[test]
fn jsonl_streams_in_order_and_reports_bad_lines() {
    let text1 = "Contacté par l'AFP, le groupe n'a pas répondu. « Nous partons », a déclaré Marie Dupont samedi.";
    let text2 =
        "\"We are leaving,\" said Mary Smith on Saturday. 😀 The company did not respond to a request for comment.";
    let mut input = Vec::new();
    writeln!(input, "{}", serde_json::json!({"id": "a", "text": text1})).unwrap();
    input.extend_from_slice(b"{not json\n");
    input.extend_from_slice(b"{\"id\": 7}\n");
    input.extend_from_slice(b"{\"id\": 8, \"text\": \"caf\xff\"}\n");
    input.extend_from_slice(b"\n");
    writeln!(input, "{}", serde_json::json!({"id": 2, "text": text2})).unwrap();
    writeln!(input, "{}", serde_json::json!({"id": null, "text": ""})).unwrap();
    let out = run(&["--jsonl"], &input);
    assert_eq!(out.status.code(), Some(1), "bad lines make the exit code non-zero");
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(stderr.contains("line 2: invalid JSON"), "{stderr}");
    assert!(stderr.contains("line 3: missing field \"text\""), "{stderr}");
    assert!(stderr.contains("line 4: invalid UTF-8"), "{stderr}");
    assert!(!stderr.contains("line 5"), "blank lines are skipped: {stderr}");
    let docs = lines(&out);
    assert_eq!(docs.len(), 3);
    assert_eq!(docs[0]["id"], "a");
    assert_eq!(docs[0]["lang"], "fr");
    check_contract(&docs[0], text1);
    assert_eq!(docs[1]["id"], 2);
    assert_eq!(docs[1]["lang"], "en");
    check_contract(&docs[1], text2);
    assert!(docs[2]["id"].is_null());
    assert_eq!(docs[2]["annotations"], serde_json::json!([]));
    // The key order of each line is id, lang, annotations.
    let first = String::from_utf8(out.stdout).unwrap();
    assert!(first.starts_with("{\"id\":\"a\",\"lang\":\"fr\",\"annotations\":["), "{first}");
}

#[test]
fn lang_override() {
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({"id": 1, "text": "The cat sat."}),
        serde_json::json!({"id": 2, "text": "x", "lang": "en"})
    );
    let out = run(&["--jsonl", "--lang", "fr"], input.as_bytes());
    assert!(out.status.success());
    let docs = lines(&out);
    assert_eq!(docs[0]["lang"], "fr");
    assert_eq!(docs[1]["lang"], "en", "a line's own \"lang\" wins");
    let bad = run(&["--jsonl", "--lang", "de"], b"");
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8(bad.stderr).unwrap().contains("unknown language \"de\""));
}

#[test]
fn files_one_document_each_and_missing_files_reported() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/fr/000_49ca0dbeb12cab9e.txt");
    let out = run(&[seed, "/nonexistent/file.txt", "-"], "Hello world, said the man.".as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8(out.stderr.clone()).unwrap().contains("/nonexistent/file.txt"));
    let docs = lines(&out);
    assert_eq!(docs.len(), 2);
    check_contract(&docs[0], &std::fs::read_to_string(seed).unwrap());
    assert_eq!(docs[0]["lang"], "fr");
    assert_eq!(docs[1]["lang"], "en");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(&[], b"").status.code(), Some(2));
    assert_eq!(run(&["--bogus"], b"").status.code(), Some(2));
    assert_eq!(run(&["--jsonl", "file.txt"], b"").status.code(), Some(2));
    assert!(run(&["--help"], b"").status.success());
}
