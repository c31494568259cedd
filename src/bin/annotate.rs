//! `annotate`: the engine on the command line.
//!
//! ```text
//! annotate [--lang auto|fr|en] [--pretty] FILE...   one JSON document per file ("-" = stdin)
//! annotate [--lang auto|fr|en] --jsonl              {"id", "text"} lines in, {"id", "lang", "annotations"} lines out
//! annotate --summary FILE...                        the sourcing summary of each file, for a person to read
//! ```
//!
//! A bad input (unreadable file, invalid UTF-8 or JSON, missing field) is
//! reported on stderr with where it is; the others are still processed and
//! the exit code is 1 at the end. Usage errors exit with 2.
//!
//! A JSON line may hold lone surrogates (`"\ud800"` escapes, as JavaScript's
//! `JSON.stringify` writes them): each becomes U+FFFD, one UTF-16 unit for
//! one, as in the browser, so offsets still index the original string.
//!
//! With `--lang auto`, a text clearly in a language the engine does not read
//! gets a document with `"unsupported_language"` (its ISO 639-1 code) and no
//! annotations, and a note on stderr; it is not an error.

use article_annotator::{summarize, Annotator, ContractDocument, LangChoice, Summary};
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, BufRead, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: annotate [--lang auto|fr|en] [--pretty] FILE...
       annotate [--lang auto|fr|en] --jsonl  < lines of {\"id\": ..., \"text\": ...}

Prints the annotation document (JSON, UTF-16 offsets) of each input.
  FILE        a UTF-8 text file, or - for standard input
  --jsonl     read JSON lines on stdin, write one JSON line per input, in order
  --lang L    auto (default: French or English as the text reads; a text clearly in
              another language gets \"unsupported_language\" and no annotations), fr or en
  --pretty    indent the JSON of FILE documents
  --summary   with FILE: print each article's sourcing summary (who is quoted, named and
              unnamed sources, claims by reason, attributed sentences) instead of JSON;
              with --jsonl: add a \"summary\" object to each output line
  -h, --help  this help";

struct Options {
    lang: LangChoice,
    jsonl: bool,
    pretty: bool,
    summary: bool,
    files: Vec<String>,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<Options>, String> {
    let mut opts = Options { lang: LangChoice::Auto, jsonl: false, pretty: false, summary: false, files: Vec::new() };
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--jsonl" => opts.jsonl = true,
            "--pretty" => opts.pretty = true,
            "--summary" => opts.summary = true,
            "--lang" => {
                let value = args.next().ok_or("--lang needs a value: auto, fr or en")?;
                opts.lang = value.parse().map_err(|e| format!("--lang: {e}"))?;
            }
            s if s.starts_with("--lang=") => {
                opts.lang = s["--lang=".len()..].parse().map_err(|e| format!("--lang: {e}"))?;
            }
            "--" => opts.files.extend(args.by_ref()),
            s if s.starts_with('-') && s != "-" => return Err(format!("unknown option {s:?}")),
            _ => opts.files.push(arg),
        }
    }
    if opts.jsonl && !opts.files.is_empty() {
        return Err("--jsonl reads standard input: give no FILE".into());
    }
    if !opts.jsonl && opts.files.is_empty() {
        return Err("no input: give FILE... or --jsonl".into());
    }
    Ok(Some(opts))
}

fn main() -> ExitCode {
    let opts = match parse_args(std::env::args().skip(1)) {
        Ok(Some(opts)) => opts,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("annotate: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = if opts.jsonl { run_jsonl(&opts, io::stdin().lock(), &mut out) } else { run_files(&opts, &mut out) };
    match result.and_then(|failures| out.flush().map(|_| failures)) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        // A closed pipe ("annotate … | head") is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("annotate: cannot write output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Annotates `text`; `place` names it in the note about an unsupported language.
fn annotate(choice: LangChoice, text: &str, place: &str) -> ContractDocument {
    let doc = Annotator::new(choice).annotate(text);
    if let Some(code) = doc.unsupported_language() {
        eprintln!(
            "annotate: {place}: the text is in a language annotate does not read ({code:?}): nothing annotated \
             (--lang fr or --lang en annotates it anyway)"
        );
    }
    doc.to_contract(text)
}

/// Annotates each file; returns how many could not be read.
fn run_files(opts: &Options, out: &mut impl Write) -> io::Result<usize> {
    let mut failures = 0;
    for path in &opts.files {
        let mut bytes = Vec::new();
        let read = if path == "-" {
            io::stdin().read_to_end(&mut bytes)
        } else {
            std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes))
        };
        if let Err(e) = read {
            eprintln!("annotate: {path}: {e}");
            failures += 1;
            continue;
        }
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                eprintln!("annotate: {path}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to());
                failures += 1;
                continue;
            }
        };
        let doc = annotate(opts.lang, &text, path);
        if opts.summary {
            if opts.files.len() > 1 {
                writeln!(out, "== {path}")?;
            }
            out.write_all(summarize(&text, &doc).to_text().as_bytes())?;
            continue;
        }
        if opts.pretty {
            serde_json::to_writer_pretty(&mut *out, &doc)?;
        } else {
            serde_json::to_writer(&mut *out, &doc)?;
        }
        out.write_all(b"\n")?;
    }
    Ok(failures)
}

/// One output line: the input's id first, then the document.
#[derive(Serialize)]
struct OutLine {
    id: serde_json::Value,
    #[serde(flatten)]
    doc: ContractDocument,
    /// With `--summary` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<Summary>,
}

/// Reads `{"id", "text"}` lines (an optional `"lang"` overrides --lang for
/// that line); writes one line per input. Returns how many lines were bad.
fn run_jsonl(opts: &Options, mut input: impl BufRead, out: &mut impl Write) -> io::Result<usize> {
    let mut failures = 0;
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        match process_line(opts, &buf, line_no) {
            Ok(None) => {}
            Ok(Some(line)) => {
                serde_json::to_writer(&mut *out, &line)?;
                out.write_all(b"\n")?;
                // Stream: a consumer reading our output line by line sees
                // each result as soon as it exists.
                out.flush()?;
            }
            Err(message) => {
                eprintln!("annotate: line {line_no}: {message}");
                failures += 1;
            }
        }
    }
    Ok(failures)
}

fn process_line(opts: &Options, raw: &[u8], line_no: usize) -> Result<Option<OutLine>, String> {
    let line = std::str::from_utf8(raw).map_err(|e| format!("invalid UTF-8 (at byte {})", e.valid_up_to()))?;
    let line = line.trim_end_matches(['\n', '\r']);
    if line.trim().is_empty() {
        return Ok(None);
    }
    let line = lone_surrogates_replaced(line);
    let value: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("invalid JSON: {e}"))?;
    let obj = value.as_object().ok_or("expected a JSON object {\"id\": ..., \"text\": ...}")?;
    let id = obj.get("id").ok_or("missing field \"id\"")?;
    let text = match obj.get("text") {
        Some(serde_json::Value::String(s)) => s,
        Some(_) => return Err("field \"text\" must be a string".into()),
        None => return Err("missing field \"text\"".into()),
    };
    let lang = match obj.get("lang") {
        None | Some(serde_json::Value::Null) => opts.lang,
        Some(serde_json::Value::String(code)) => code.parse().map_err(|e| format!("field \"lang\": {e}"))?,
        Some(_) => return Err("field \"lang\" must be a string".into()),
    };
    let doc = annotate(lang, text, &format!("line {line_no}"));
    let summary = opts.summary.then(|| summarize(text, &doc));
    Ok(Some(OutLine { id: id.clone(), doc, summary }))
}

/// `line` with every `\uXXXX` escape of a lone surrogate (one not part of a
/// high-low pair) replaced by `\ufffd`: serde_json rejects them, a JS string
/// may hold them, and wasm-bindgen turns each into U+FFFD. Other escapes,
/// pairs and text are left as they are (a backslash escapes exactly the
/// character after it, so `\\ud800` is not an escape of a surrogate).
fn lone_surrogates_replaced(line: &str) -> Cow<'_, str> {
    if !line.contains("\\u") {
        return Cow::Borrowed(line);
    }
    let bytes = line.as_bytes();
    let surrogate_at = |i: usize| -> Option<u16> {
        let hex = bytes.get(i..i + 6).filter(|h| h[0] == b'\\' && h[1] == b'u')?;
        let unit = u16::from_str_radix(std::str::from_utf8(&hex[2..]).ok()?, 16).ok()?;
        (0xD800..0xE000).contains(&unit).then_some(unit)
    };
    let mut out = String::with_capacity(line.len());
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        match surrogate_at(i) {
            // A high surrogate followed by a low one: a valid pair, kept.
            Some(0xD800..=0xDBFF) if surrogate_at(i + 6).is_some_and(|low| low >= 0xDC00) => i += 12,
            Some(_) => {
                out.push_str(&line[copied..i]);
                out.push_str("\\ufffd");
                i += 6;
                copied = i;
            }
            None => i += 2,
        }
    }
    out.push_str(&line[copied..]);
    Cow::Owned(out)
}
