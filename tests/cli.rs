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

/// Lone surrogates in a JSON line (`"\ud800"` escapes, as `JSON.stringify`
/// writes a JS string holding them) become U+FFFD, one unit for one, as on
/// the wasm path: the line is annotated, offsets index the original string,
/// and valid pairs and escaped backslashes are left alone.
#[test]
fn lone_surrogates_become_replacement_characters() {
    let line = r#"{"id": 1, "lang": "fr", "text": "\ud800« Oui », a dit Marie Curie \udc00à Paris. \ud83d\ude00 C:\\ud800 \udbff"}"#;
    let out = run(&["--jsonl"], format!("{line}\n").as_bytes());
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert!(out.status.success(), "{stderr}");
    let docs = lines(&out);
    assert_eq!(docs.len(), 1);
    let text = "\u{FFFD}« Oui », a dit Marie Curie \u{FFFD}à Paris. 😀 C:\\ud800 \u{FFFD}";
    check_contract(&docs[0], text);
    let texts: Vec<&str> =
        docs[0]["annotations"].as_array().unwrap().iter().map(|a| a["text"].as_str().unwrap()).collect();
    assert!(texts.contains(&"Marie Curie") && texts.contains(&"Paris"), "{texts:?}");
    // check_contract read the offsets against `text`, whose UTF-16 units are the original string's, one
    // U+FFFD for each lone surrogate: the offsets index the original.
    let paris = docs[0]["annotations"].as_array().unwrap().iter().find(|a| a["text"] == "Paris").unwrap();
    assert_eq!(paris["start"].as_u64().unwrap() as usize, text[..text.find("Paris").unwrap()].encode_utf16().count());
}

/// With `--lang auto`, a German, Spanish or Italian text gets
/// `"unsupported_language"` and no annotations, with a note on stderr (not an
/// error); `--lang fr` annotates it anyway; French and English texts are
/// annotated as ever, without the field.
#[test]
fn unsupported_language_is_reported() {
    let texts = [
        ("de", "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für Elektroautos zu verlängern. Nach Angaben des Ministeriums sollen die Mittel bis Ende des Jahres reichen."),
        ("es", "El Gobierno aprobó el martes una reforma de las pensiones que, según el ministro, garantiza la sostenibilidad del sistema durante los próximos años."),
        ("it", "Il governo ha approvato martedì la riforma delle pensioni che, secondo il ministro, garantisce la sostenibilità del sistema per i prossimi anni."),
        ("fr", "Le gouvernement a adopté mardi la réforme des retraites qui, selon le ministre, garantit la pérennité du système pour les prochaines années."),
        ("en", "The government approved the pension reform on Tuesday, which the minister said guarantees the sustainability of the system for years to come."),
    ];
    let input: String =
        texts.iter().map(|(id, text)| format!("{}\n", serde_json::json!({"id": id, "text": text}))).collect();
    let out = run(&["--jsonl"], input.as_bytes());
    assert!(out.status.success(), "an unsupported language is not an error");
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    for (doc, (id, text)) in lines(&out).iter().zip(texts) {
        assert_eq!(doc["id"], id);
        if id == "fr" || id == "en" {
            assert!(doc.get("unsupported_language").is_none(), "{doc}");
            assert_eq!(doc["lang"], id);
            assert!(!doc["annotations"].as_array().unwrap().is_empty());
            check_contract(doc, text);
        } else {
            assert_eq!(doc["unsupported_language"], id, "{doc}");
            assert!(doc["lang"] == "fr" || doc["lang"] == "en");
            assert_eq!(doc["annotations"], serde_json::json!([]));
        }
    }
    assert_eq!(stderr.matches("does not read").count(), 3, "{stderr}");
    assert!(stderr.contains("line 1") && stderr.contains("\"de\""), "{stderr}");
    let forced = run(&["--jsonl", "--lang", "fr"], input.as_bytes());
    assert!(lines(&forced).iter().all(|d| d.get("unsupported_language").is_none()));
    assert!(String::from_utf8(forced.stderr).unwrap().is_empty());
}

#[test]
fn summary_of_files_and_of_json_lines() {
    let text = "« Nous partirons demain », a déclaré Paul Martin. Selon une source policière, il aurait fui.";
    let out = run(&["--summary", "-"], text.as_bytes());
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(printed.starts_with("Personnes citées\n  Paul Martin: 1 citation(s) directe(s)"), "{printed}");
    assert!(printed.contains("source anonyme: 1"), "{printed}");
    assert!(printed.contains("Phrases attribuées à une source: 2/2 (100 %)"), "{printed}");

    let line = serde_json::json!({"id": 7, "text": text}).to_string() + "\n";
    let out = run(&["--jsonl", "--summary"], line.as_bytes());
    let docs = lines(&out);
    let summary = &docs[0]["summary"];
    assert_eq!(summary["speakers"][0]["label"], "Paul Martin");
    assert_eq!(summary["sentences"], 2);
    // The indices point into the line's own annotations.
    let i = summary["claims"][0]["annotations"][0].as_u64().unwrap() as usize;
    assert_eq!(docs[0]["annotations"][i]["kind"], "claim");
    // Without --summary the lines stay as they were.
    let out = run(&["--jsonl"], line.as_bytes());
    assert!(lines(&out)[0].get("summary").is_none());
}
