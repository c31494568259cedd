//! Adversarial inputs of a given size, shared by `tests/adversarial.rs`
//! (no crash, valid output, output proportional to input) and the
//! `adversarial` group of `benches/annotate.rs` (where the 1× and 10× timings
//! are compared: tests never assert wall-clock time).

/// `unit` repeated until the string holds at least `bytes` bytes.
pub fn repeat_to(unit: &str, bytes: usize) -> String {
    let n = bytes.div_ceil(unit.len().max(1));
    unit.repeat(n)
}

/// Every adversarial case at about `bytes` bytes: (name, text).
pub fn cases(bytes: usize) -> Vec<(&'static str, String)> {
    let mut controls = String::new();
    for c in (0u32..0x20).chain(0x7F..0xA0).chain([0x2028, 0x2029, 0xFEFF, 0xFFFD, 0x200B, 0x00AD]) {
        controls.push(char::from_u32(c).unwrap());
        controls.push_str(if c % 3 == 0 { "Le " } else { "x" });
    }
    let mut combining = String::from("e");
    combining.push_str(&"\u{301}".repeat(bytes / 2));
    vec![
        // Letters only: one word of `bytes` bytes.
        ("no_spaces", repeat_to("abcdéfghijKLMNOPqrstuvwxyz", bytes)),
        // Dots, at-signs, slashes and hyphens without spaces: URL, e-mail and
        // abbreviation scanners must not backtrack.
        ("no_spaces_urlish", repeat_to("a.b@c-d.fr/M.J.-C.www.x", bytes)),
        ("run_period", repeat_to(".", bytes)),
        ("run_open_guillemet", repeat_to("«", bytes)),
        ("run_straight_quote", repeat_to("\"", bytes)),
        ("run_apostrophe", repeat_to("'", bytes)),
        ("run_hyphen", repeat_to("-", bytes)),
        ("run_nbsp", repeat_to("\u{a0}", bytes)),
        ("run_newline", repeat_to("\n", bytes)),
        ("combining_marks", combining),
        ("emoji_zwj", repeat_to("👩‍👩‍👧‍👦🏳️‍🌈 👨🏽‍💻", bytes)),
        ("emoji_zwj_no_spaces", repeat_to("👩‍👩‍👧‍👦👨🏽‍💻", bytes)),
        (
            "rtl_bidi",
            repeat_to(
                "\u{202B}قال الرئيس «\u{200F}نعم\u{200F}» \u{202C}\u{2067}שלום עולם\u{2069} selon \u{202E}Dupont\u{202C}, \
                 il aurait dit « oui ».\n",
                bytes,
            ),
        ),
        ("nul_and_controls", repeat_to(&controls, bytes)),
        // One sentence of `bytes` bytes: sentence-level work must stay
        // linear in the sentence length.
        (
            "one_long_sentence",
            repeat_to("le ministre Jean Dupont aurait affirmé selon l'AFP que « la panne » serait réglée, ", bytes),
        ),
        // Opening quotation marks that never close, with speakers around.
        ("unclosed_quotes", repeat_to("« Il dit que “ le président \" a déclaré Marie Curie ", bytes)),
        // Capitalised words without end: entity chaining must stay linear.
        ("capitalised_chain", repeat_to("Jean Marie De La Tour Du Pin Paris Lyon ", bytes)),
        // Very many short quotations and claims.
        ("dense_cues", repeat_to("« Oui », a-t-il dit. Il aurait menti, selon X. N'a pas répondu.\n", bytes)),
    ]
}
