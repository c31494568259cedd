#![cfg(not(target_arch = "wasm32"))]
//! Adversarial input: no panic, valid output, and work that grows with the
//! input, for text without spaces, runs of one punctuation character,
//! combining marks, emoji ZWJ sequences, right-to-left text with bidi
//! controls, NUL and control characters, one endless sentence, unclosed
//! quotes, and (ignored by default) a 10 MB article.
//!
//! No test asserts a wall-clock time (the machine is shared and the tests run
//! unoptimised). Linearity is bounded structurally: each case runs at 1× and
//! 10× its size and the 10× output may hold at most ~10× the tokens and
//! annotations. The timings of the same inputs at 100 KB and 1 MB are in the
//! `adversarial` group of `benches/annotate.rs` (recorded in
//! `benches/RESULTS.md`). A quadratic detector shows up there, and here as a
//! test that does not finish.
//!
//! Lone surrogates cannot exist in a Rust `&str`: wasm-bindgen turns each into
//! U+FFFD (one UTF-16 unit for one), so offsets computed on the converted
//! string are offsets of the original JS string. That is checked here
//! natively on U+FFFD text built from `u16` arrays; the JS-side test, a JS
//! string holding lone surrogates passed by JavaScript into the binding, is
//! `lone_surrogates_from_a_js_string_keep_offsets` in `tests/web.rs`.

mod common;

use article_annotator::{annotate, detect::Analysis, Annotator, Lang};
use common::adversarial_inputs::{cases, repeat_to};
use common::invariants::check_all;

/// Annotates in both languages and with detection, checking every invariant;
/// returns (tokens, annotations) summed over the runs.
fn run(text: &str) -> (usize, usize) {
    let mut tokens = 0;
    let mut annotations = 0;
    for lang in Lang::ALL {
        tokens += Analysis::new(text, lang).tokens.len();
        let doc = Annotator::for_lang(lang).annotate(text);
        check_all(text, &doc);
        annotations += doc.annotations.len();
    }
    let doc = annotate(text);
    check_all(text, &doc);
    (tokens, annotations + doc.annotations.len())
}

/// Every case at 10 KB and 100 KB: valid output, and the 10× input gives at
/// most 10× (+ a margin for the cut ends) the tokens and annotations.
#[test]
fn every_case_is_valid_and_proportional() {
    let small = cases(10_000);
    let large = cases(100_000);
    for ((name, s), (_, l)) in small.iter().zip(&large) {
        let (ts, as_) = run(s);
        let (tl, al) = run(l);
        let ratio = l.len() as f64 / s.len() as f64;
        let bound = |x: usize| (x as f64 * ratio * 1.05) as usize + 16;
        assert!(tl <= bound(ts), "{name}: {tl} tokens at {}× the input that gave {ts}", ratio);
        assert!(al <= bound(as_), "{name}: {al} annotations at {}× the input that gave {as_}", ratio);
    }
}

#[test]
fn one_megabyte_without_spaces() {
    let text = repeat_to("abcdéfghijKLMNOPqrstuvwxyz", 1_000_000);
    let (tokens, _) = run(&text);
    assert!(tokens <= 2 * 3, "one word per language run, got {tokens} tokens");
    let urlish = repeat_to("a.b@c-d.fr/M.J.-C.www.x", 1_000_000);
    run(&urlish);
}

#[test]
fn runs_of_one_punctuation_character() {
    for c in [".", "«", "»", "\"", "“", "'", "’", "-", "—", "!", "?", "…", ",", ";", ":", "(", ")", "*", "#", "@"]
    {
        let text = repeat_to(c, 50_000);
        let (tokens, _) = run(&text);
        assert!(tokens <= 2 * text.chars().count(), "{c:?}: more tokens than characters");
    }
}

#[test]
fn hundred_thousand_combining_marks() {
    for base in ["e", "", "É ", "« "] {
        let text = format!("{base}{}", "\u{301}".repeat(100_000));
        run(&text);
        // Marks spread over words too.
        run(&repeat_to("Pe\u{301}\u{300}\u{327}re ", 200_000));
    }
}

#[test]
fn emoji_zwj_sequences() {
    run(&repeat_to("👩‍👩‍👧‍👦", 100_000));
    run(&repeat_to("« 👨🏽‍💻 », a dit 🏳️‍🌈 Marie.\n", 100_000));
    // A ZWJ sequence cut in the middle, and stray joiners and selectors.
    run(&repeat_to("\u{200d}\u{fe0f}👩\u{200d}", 100_000));
}

#[test]
fn rtl_text_with_bidi_controls() {
    let mut text = String::new();
    for c in ['\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}'] {
        text.push(c);
        text.push_str("قال «مرحبا» selon Dupont, שלום aurait ");
        text.push('\u{2069}');
    }
    run(&text);
    run(&repeat_to(&text, 200_000));
}

#[test]
fn nul_and_control_characters() {
    let all: String = (0u32..0x20).chain(0x7F..0xA0).filter_map(char::from_u32).collect();
    run(&all);
    run(&repeat_to(&all, 100_000));
    run(&repeat_to("\0", 100_000));
    run(&repeat_to("M.\0Dupont\u{0}a dit\r\n« oui\u{7} »\u{1b}[31m.\u{c}", 100_000));
}

/// The adversarial cases at 1 MB each (release recommended:
/// `cargo test --release --test adversarial -- --ignored`).
#[test]
#[ignore = "slow unoptimised; run with --release -- --ignored"]
fn every_case_at_one_megabyte() {
    for (name, text) in cases(1_000_000) {
        eprintln!("{name}: {} bytes", text.len());
        run(&text);
    }
}

/// A 10 MB article: the French seed repeated (release recommended).
#[test]
#[ignore = "slow unoptimised; run with --release -- --ignored"]
fn ten_megabyte_article() {
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/fr/000_49ca0dbeb12cab9e.txt"))
        .expect("seed");
    let one = repeat_to(&format!("{seed}\n\n"), 1_000_000);
    let ten = repeat_to(&format!("{seed}\n\n"), 10_000_000);
    let (t1, a1) = run(&one);
    let (t10, a10) = run(&ten);
    let ratio = ten.len() as f64 / one.len() as f64;
    assert!(t10 as f64 <= t1 as f64 * ratio * 1.01 + 100.0, "tokens {t1} → {t10}");
    assert!(a10 as f64 <= a1 as f64 * ratio * 1.01 + 100.0, "annotations {a1} → {a10}");
}

/// What a JS string with lone surrogates becomes in Rust: each lone
/// surrogate is one U+FFFD, one UTF-16 unit for one, so contract offsets
/// index the original JS string and every annotation's text equals the
/// original's slice wherever that slice holds no lone surrogate.
#[test]
fn lone_surrogates_become_replacement_characters_one_for_one() {
    let mut units: Vec<u16> = Vec::new();
    let parts: [&[u16]; 6] = [&[0xD800], &[0xDC00], &[0xDBFF, 0x41], &[0xD83D, 0xDE00], &[0xDFFF, 0xD800], &[]];
    for (i, lone) in parts.iter().cycle().take(60).enumerate() {
        let words = ["« Oui », a dit Marie Curie à Paris. ", "Selon l'AFP, il aurait menti. ", "M. Dupont "];
        units.extend(words[i % 3].encode_utf16());
        units.extend_from_slice(lone);
    }
    let text = String::from_utf16_lossy(&units);
    assert_eq!(text.encode_utf16().count(), units.len(), "one U+FFFD per lone surrogate");
    for lang in Lang::ALL {
        let doc = Annotator::for_lang(lang).annotate(&text);
        check_all(&text, &doc);
        let contract = serde_json::to_value(doc.to_contract(&text)).unwrap();
        for a in contract["annotations"].as_array().unwrap() {
            let (s, e) = (a["start"].as_u64().unwrap() as usize, a["end"].as_u64().unwrap() as usize);
            let splits_pair = |i: usize| {
                i > 0
                    && i < units.len()
                    && (0xD800..0xDC00).contains(&units[i - 1])
                    && (0xDC00..0xE000).contains(&units[i])
            };
            assert!(!splits_pair(s) && !splits_pair(e), "offset {s}..{e} splits a surrogate pair of the original");
            let original = &units[s..e];
            // The original slice decodes to the annotation text exactly when
            // it holds no lone surrogate; where it does, lossily.
            assert_eq!(String::from_utf16_lossy(original), a["text"].as_str().unwrap());
        }
    }
    // Text made only of replacement characters and surrogate-like noise.
    run(&"\u{FFFD}".repeat(50_000));
    run(&repeat_to("\u{FFFD}« \u{FFFD} », a dit \u{FFFD}.", 50_000));
}
