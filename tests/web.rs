#![cfg(target_arch = "wasm32")]
//! Browser tests of the wasm binding, in headless Chromium (and Firefox when
//! a geckodriver is installed): `scripts/wasm.sh test`, or
//! `wasm-pack test --headless --chrome -- --test web`.

use article_annotator::web;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const SEED_FR: &str = include_str!("../seeds/fr/000_49ca0dbeb12cab9e.txt");

/// The language packs, as `scripts/wasm.sh test` writes them before running
/// these tests (`make_packs -- target/packs --plain`). The tests run the
/// engine as the site ships it: no language data compiled in.
const PACK_FR: &[u8] = include_bytes!("../target/packs/fr.pack");
const PACK_EN: &[u8] = include_bytes!("../target/packs/en.pack");

/// Loads both packs (a no-op after the first call).
fn load_packs() {
    assert_eq!(web::load_pack(PACK_FR.to_vec()).ok().as_deref(), Some("fr"));
    assert_eq!(web::load_pack(PACK_EN.to_vec()).ok().as_deref(), Some("en"));
}

fn error_message(err: wasm_bindgen::JsError) -> String {
    let v: JsValue = err.into();
    js_sys::Reflect::get(&v, &JsValue::from_str("message")).unwrap().as_string().unwrap()
}

/// A fresh `<div>` attached to the page (computed styles need a rendered
/// element), holding `html`. Test fixtures only: the code under test never
/// writes HTML.
fn fixture(html: &str) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let div = document.create_element("div").unwrap();
    div.set_inner_html(html);
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Builds `<p>` elements from a text (one per line) with textContent.
fn article(text: &str) -> Element {
    let root = fixture("");
    let document = root.owner_document().unwrap();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let p = document.create_element("p").unwrap();
        p.set_text_content(Some(line));
        root.append_child(&p).unwrap();
    }
    root
}

fn utf16_len(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

/// UTF-16 (start, end) of the `nth` occurrence of `needle` in `text`.
fn find16(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let byte = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} not in text")).0;
    let start = utf16_len(&text[..byte]);
    (start, start + utf16_len(needle))
}

fn entity(text: &str, needle: &str, label: &str, id: u32) -> serde_json::Value {
    let (start, end) = find16(text, needle, 0);
    serde_json::json!({"kind": "entity", "start": start, "end": end, "text": needle, "label": label, "entity_id": id})
}

fn quote(text: &str, needle: &str) -> serde_json::Value {
    let (start, end) = find16(text, needle, 0);
    serde_json::json!({"kind": "quote", "start": start, "end": end, "text": needle, "direct": true, "speaker": null})
}

fn claim(text: &str, needle: &str, cue: &str) -> serde_json::Value {
    let (start, end) = find16(text, needle, 0);
    let (cs, ce) = find16(text, cue, 0);
    serde_json::json!({"kind": "claim", "start": start, "end": end, "text": needle, "reason": "conditional",
        "cue": {"start": cs, "end": ce, "text": cue}, "source": null, "other_cues": [], "explanation": "x"})
}

fn doc(annotations: Vec<serde_json::Value>) -> JsValue {
    let json = serde_json::json!({"lang": "fr", "annotations": annotations}).to_string();
    js_sys::JSON::parse(&json).unwrap()
}

fn options(json: &str) -> Option<JsValue> {
    Some(js_sys::JSON::parse(json).unwrap())
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

/// The text each painted range covers, white space squashed (a range over
/// collapsed white space holds the source spaces).
fn range_texts(result: &JsValue) -> Vec<Option<String>> {
    let ranges: js_sys::Array = get(result, "ranges").dyn_into().unwrap();
    ranges
        .iter()
        .map(|r| {
            r.dyn_into::<web_sys::Range>()
                .ok()
                .map(|r| String::from(r.to_string()).split_whitespace().collect::<Vec<_>>().join(" "))
        })
        .collect()
}

fn highlight_names() -> Vec<String> {
    let reg = get(&get(&js_sys::global(), "CSS"), "highlights");
    let keys = js_sys::Reflect::get(&reg, &"keys".into()).unwrap().dyn_into::<js_sys::Function>().unwrap();
    let iter = keys.call0(&reg).unwrap();
    js_sys::Array::from(&iter).iter().map(|k| k.as_string().unwrap()).collect()
}

const NESTED: &str = "<p>  Le <a href=\"#x\">pré<em>si<b>d</b></em>ent</a>\n   Macron <script>var x = 1;</script>\
    <style>p{}</style><span hidden>caché</span><span style=\"display:none\">masqué</span>a</p>\
    <div>dit&nbsp;: «&nbsp;oui&nbsp;»<br>ensuite</div><template>t</template><noscript>n</noscript>";

#[wasm_bindgen_test]
fn extract_text_collapses_and_skips() {
    let root = fixture(NESTED);
    assert_eq!(web::extract_text(&root), "Le président Macron a\ndit\u{a0}: «\u{a0}oui\u{a0}»\nensuite");
    root.remove();
}

#[wasm_bindgen_test]
fn offsets_map_across_nested_inline_elements() {
    for mode in ["{\"mode\": \"highlight-api\"}", "{\"mode\": \"wrap\"}"] {
        let root = fixture(NESTED);
        let text = web::extract_text(&root);
        let d = doc(vec![
            entity(&text, "président Macron", "PER", 0),
            quote(&text, "oui"),
            entity(&text, "sid", "MISC", 1),
            claim(&text, "Macron a\ndit", "dit"),
        ]);
        let result = web::highlight(&root, d, options(mode)).unwrap();
        assert_eq!(get(&result, "painted").as_f64(), Some(4.0), "{mode}");
        assert_eq!(get(&result, "unmatched").as_f64(), Some(0.0));
        let texts = range_texts(&result);
        assert_eq!(
            texts[..3],
            [Some("président Macron".to_string()), Some("oui".to_string()), Some("sid".to_string())],
            "{mode}"
        );
        // The claim's range runs over the skipped <script>, <style> and hidden spans (a Range covers
        // everything between its ends, and the "\n" of the block boundary has no source character), but
        // starts and ends exactly on the annotated words.
        let claim = texts[3].clone().unwrap();
        assert!(claim.starts_with("Macron ") && claim.ends_with("masquéadit"), "{mode}: {claim}");
        web::clear();
        root.remove();
    }
}

#[wasm_bindgen_test]
fn emoji_and_combining_characters() {
    let root = fixture("<p>😀 <i>Ele\u{301}onore</i> a vu <b>👩\u{200d}👩\u{200d}👧</b> à Zo\u{308}e.</p>");
    let text = web::extract_text(&root);
    assert_eq!(text, "😀 Ele\u{301}onore a vu 👩\u{200d}👩\u{200d}👧 à Zo\u{308}e.");
    let d = doc(vec![
        entity(&text, "Ele\u{301}onore", "PER", 0),
        entity(&text, "👩\u{200d}👩\u{200d}👧 à Zo\u{308}e", "MISC", 1),
    ]);
    // The offsets really are UTF-16: "😀 " is 3 units.
    assert_eq!(find16(&text, "Ele\u{301}onore", 0), (3, 12));
    let result = web::highlight(&root, d, None).unwrap();
    assert_eq!(
        range_texts(&result),
        vec![Some("Ele\u{301}onore".to_string()), Some("👩\u{200d}👩\u{200d}👧 à Zo\u{308}e".to_string())]
    );
    web::clear();
    root.remove();
}

#[wasm_bindgen_test]
fn highlight_api_registers_one_highlight_per_layer() {
    if !web::supports_highlight_api() {
        return; // Firefox < 140: covered by the wrap tests.
    }
    let root = article(SEED_FR);
    let text = web::extract_text(&root);
    let d = doc(vec![
        entity(&text, "Elon Musk", "PER", 0),
        entity(&text, "Donald Trump", "PER", 1),
        entity(&text, "Tesla", "ORG", 2),
        quote(&text, "De retour à passer"),
        claim(&text, "pourrait constituer", "pourrait"),
    ]);
    let result = web::highlight(&root, d, None).unwrap();
    assert_eq!(get(&result, "mode").as_string().as_deref(), Some("highlight-api"));
    let mut names = highlight_names();
    names.sort();
    assert_eq!(names, ["annot-claim-conditional", "annot-entity-ORG", "annot-entity-PER", "annot-quote"]);
    assert!(web::set_layer_visible("quote", false));
    assert!(!highlight_names().contains(&"annot-quote".to_string()));
    assert!(web::set_layer_visible("quote", true));
    assert!(highlight_names().contains(&"annot-quote".to_string()));
    web::clear();
    assert!(highlight_names().is_empty());
    root.remove();
}

#[wasm_bindgen_test]
fn highlight_then_clear_restores_html_exactly_in_both_modes() {
    for mode in ["{\"mode\": \"auto\"}", "{\"mode\": \"wrap\"}"] {
        let root = article(SEED_FR);
        // Inline markup and entities, as on a real page.
        root.append_child(&fixture(NESTED)).unwrap();
        let before = root.inner_html();
        let first_text = root.first_child().unwrap().first_child().unwrap();
        let text = web::extract_text(&root);
        let d = doc(vec![
            claim(&text, "Mais la panne de X samedi", "Mais"),
            entity(&text, "Elon Musk", "PER", 0),
            entity(&text, "X", "ORG", 1),
            quote(&text, "De retour à passer 24 heures"),
            entity(&text, "24 heures", "DATE", 2),
            entity(&text, "président Macron", "PER", 3),
            claim(&text, "Macron a\ndit", "dit"),
        ]);
        let result = web::highlight(&root, d, options(mode)).unwrap();
        assert_eq!(get(&result, "painted").as_f64(), Some(7.0), "{mode}");
        if mode.contains("wrap") {
            assert_ne!(root.inner_html(), before, "wrap mode adds marks");
            let marks = root.query_selector_all("mark[data-annot]").unwrap();
            assert!(marks.length() >= 7);
            // Hiding a layer changes only our attributes.
            assert!(web::set_layer_visible("entity-PER", false));
            assert!(root.query_selector("mark[data-annot~=\"entity-PER\"]").unwrap().is_none());
            assert!(root.query_selector("mark[data-annot-all~=\"entity-PER\"]").unwrap().is_some());
        } else {
            assert_eq!(root.inner_html(), before, "the Highlight API leaves the DOM alone");
        }
        web::clear();
        assert_eq!(root.inner_html(), before, "{mode}");
        // Same node objects, not copies.
        assert!(root.first_child().unwrap().first_child().unwrap().is_same_node(Some(&first_text)));
        assert_eq!(web::extract_text(&root), text);
        root.remove();
    }
}

#[wasm_bindgen_test]
fn moved_text_is_found_nearby_and_misses_are_counted() {
    let root = fixture("<p>Hier, Marie Curie a parlé à Paris.</p>");
    let text = web::extract_text(&root);
    let mut shifted = entity(&text, "Marie Curie", "PER", 0);
    // As if the document was made from a text with three more characters in front.
    shifted["start"] = (shifted["start"].as_u64().unwrap() + 3).into();
    shifted["end"] = (shifted["end"].as_u64().unwrap() + 3).into();
    let missing =
        serde_json::json!({"kind": "entity", "start": 0, "end": 4, "text": "Lyon", "label": "LOC", "entity_id": 1});
    let out_of_range = serde_json::json!({"kind": "quote", "start": 900, "end": 905, "text": "zzzzz", "direct": true, "speaker": null});
    let result = web::highlight(&root, doc(vec![shifted, missing, out_of_range]), None).unwrap();
    assert_eq!(get(&result, "painted").as_f64(), Some(1.0));
    assert_eq!(get(&result, "unmatched").as_f64(), Some(2.0));
    assert_eq!(range_texts(&result), vec![Some("Marie Curie".to_string()), None, None]);
    web::clear();
    root.remove();
}

#[wasm_bindgen_test]
fn annotate_returns_the_contract_shape() {
    load_packs();
    let text = "Selon une source proche du dossier, le ministre aurait démissionné. « Je reste », a dit Marie Curie.";
    let d = web::annotate(text, options("{\"lang\": \"fr\"}")).unwrap();
    assert_eq!(get(&d, "lang").as_string().as_deref(), Some("fr"));
    let annotations: js_sys::Array = get(&d, "annotations").dyn_into().unwrap();
    let js_text = js_sys::JsString::from(text);
    let mut last_start = 0.0;
    for a in annotations.iter() {
        let (start, end) = (get(&a, "start").as_f64().unwrap(), get(&a, "end").as_f64().unwrap());
        assert!(start >= last_start, "sorted by start");
        last_start = start;
        assert_eq!(get(&a, "text").as_string().unwrap(), String::from(js_text.slice(start as u32, end as u32)));
        match get(&a, "kind").as_string().as_deref() {
            Some("entity") => assert!(get(&a, "label").is_string() && get(&a, "entity_id").as_f64().is_some()),
            // `null`s stay null, never undefined.
            Some("quote") => assert!(get(&a, "speaker").is_null() || get(&a, "speaker").is_object()),
            Some("claim") => {
                assert!(get(&a, "reason").is_string() && get(&a, "cue").is_object());
                assert!(get(&a, "source").is_null() || get(&a, "source").is_object());
                assert!(get(&a, "explanation").is_string());
            }
            other => panic!("unknown kind {other:?}"),
        }
    }
    let en = web::annotate("The minister said that the outage was over.", None).unwrap();
    assert_eq!(get(&en, "lang").as_string().as_deref(), Some("en"));
    // A plain object that survives JSON.stringify.
    let json = String::from(js_sys::JSON::stringify(&en).unwrap());
    assert!(json.starts_with("{\"lang\":\"en\",\"annotations\":["), "{json}");
}

#[wasm_bindgen_test]
fn a_rust_error_reaches_js_as_an_error() {
    load_packs();
    let err = web::annotate("Bonjour.", options("{\"lang\": \"de\"}")).unwrap_err();
    let err: js_sys::Error = JsValue::from(err).dyn_into().expect("a JS Error");
    assert!(String::from(err.message()).contains("\"de\""), "{}", String::from(err.message()));
    let err = web::annotate("Bonjour.", Some(JsValue::from(7))).unwrap_err();
    assert!(JsValue::from(err).is_instance_of::<js_sys::Error>());
    let root = fixture("<p>x</p>");
    let err = web::highlight(&root, JsValue::from_str("nope"), None).unwrap_err();
    assert!(JsValue::from(err).is_instance_of::<js_sys::Error>());
    let err = web::highlight(&root, doc(vec![]), options("{\"mode\": \"paint\"}")).unwrap_err();
    let err: js_sys::Error = JsValue::from(err).dyn_into().unwrap();
    assert!(String::from(err.message()).contains("mode"));
    root.remove();
}

#[wasm_bindgen_test]
fn append_paints_a_page_in_slices_and_clear_undoes_all() {
    load_packs();
    for mode in ["auto", "wrap"] {
        let root =
            fixture("<div><p>Marie Curie est née à Varsovie.</p></div><div><p>Elle a travaillé à Paris.</p></div>");
        let before = root.inner_html();
        let (first, second): (Element, Element) =
            (root.first_element_child().unwrap(), root.last_element_child().unwrap());
        // Each slice is painted with offsets into its own text.
        let t1 = web::extract_text(&first);
        let t2 = web::extract_text(&second);
        assert_eq!(web::extract_text(&root), format!("{t1}\n{t2}"), "groups join with one newline");
        let opts = |append: bool| options(&format!("{{\"mode\": \"{mode}\", \"append\": {append}}}"));
        let r1 = web::highlight(
            &first,
            doc(vec![entity(&t1, "Marie Curie", "PER", 0), entity(&t1, "Varsovie", "LOC", 1)]),
            opts(false),
        )
        .unwrap();
        let r2 = web::highlight(&second, doc(vec![entity(&t2, "Paris", "LOC", 2)]), opts(true)).unwrap();
        assert_eq!(range_texts(&r1), vec![Some("Marie Curie".to_string()), Some("Varsovie".to_string())]);
        assert_eq!(range_texts(&r2), vec![Some("Paris".to_string())]);
        // The first slice's ranges are still live and painted.
        let r1_ranges: js_sys::Array = get(&r1, "ranges").dyn_into().unwrap();
        assert_eq!(String::from(r1_ranges.get(0).dyn_into::<web_sys::Range>().unwrap().to_string()), "Marie Curie");
        if get(&r2, "mode").as_string().as_deref() == Some("highlight-api") {
            let loc = js_sys::Reflect::get(&get(&get(&js_sys::global(), "CSS"), "highlights"), &"get".into()).unwrap();
            let reg = get(&get(&js_sys::global(), "CSS"), "highlights");
            let h = loc.dyn_into::<js_sys::Function>().unwrap().call1(&reg, &"annot-entity-LOC".into()).unwrap();
            assert_eq!(get(&h, "size").as_f64(), Some(2.0), "one Highlight per layer across slices");
        } else {
            assert_eq!(root.query_selector_all("mark[data-annot]").unwrap().length(), 3);
        }
        web::clear();
        assert_eq!(root.inner_html(), before, "{mode}");
        root.remove();
    }
}

#[wasm_bindgen_test]
fn detect_lang_matches_annotate_auto() {
    load_packs();
    for text in ["Le ministre a démissionné hier soir.", "The minister resigned last night."] {
        let d = web::annotate(text, None).unwrap();
        assert_eq!(get(&d, "lang").as_string().unwrap(), web::detect_lang(text));
    }
}

#[wasm_bindgen_test]
fn deferred_slices_are_shown_at_once() {
    if !web::supports_highlight_api() {
        return; // nothing is deferred when wrapping
    }
    let root = fixture("<p>Marie Curie est née à Varsovie.</p>");
    let text = web::extract_text(&root);
    let d = doc(vec![entity(&text, "Marie Curie", "PER", 0), entity(&text, "Varsovie", "LOC", 1)]);
    let result = web::highlight(&root, d, options("{\"defer\": true}")).unwrap();
    assert_eq!(get(&result, "painted").as_f64(), Some(2.0));
    assert!(highlight_names().is_empty(), "deferred: nothing registered yet");
    // A layer hidden meanwhile stays hidden when the rest is shown.
    assert!(web::set_layer_visible("entity-LOC", false));
    web::show_highlights(None);
    assert_eq!(highlight_names(), ["annot-entity-PER"]);
    assert!(web::set_layer_visible("entity-LOC", true));
    let mut names = highlight_names();
    names.sort();
    assert_eq!(names, ["annot-entity-LOC", "annot-entity-PER"]);
    web::clear();
    assert!(highlight_names().is_empty());
    root.remove();
}

/// A crafted annotation far past the text (`start` near `u32::MAX`, which
/// overflowed the search window's bounds on wasm32 and trapped the instance)
/// is simply not found; one whose text is near the end of the page is found
/// there; and the next calls work.
#[wasm_bindgen_test]
fn offsets_near_u32_max_are_unmatched_and_the_next_call_works() {
    let root = article(&"Marie Curie a parlé à Paris.\n".repeat(120));
    let text = web::extract_text(&root);
    assert!(utf16_len(&text) > 2700, "long enough for the search window to start inside the text");
    let far = |needle: &str| {
        serde_json::json!({"kind": "entity", "start": 4294966000u32, "end": 4294966000u32 + utf16_len(needle),
            "text": needle, "label": "LOC", "entity_id": 0})
    };
    let result = web::highlight(&root, doc(vec![far("Lyon"), far("Paris")]), options("{\"mode\": \"wrap\"}")).unwrap();
    assert_eq!(get(&result, "unmatched").as_f64(), Some(1.0), "Lyon is nowhere");
    assert_eq!(range_texts(&result)[1].as_deref(), Some("Paris"), "Paris is found in the last window");
    // The instance is still usable: paint, hide, clear.
    let result = web::highlight(&root, doc(vec![entity(&text, "Marie Curie", "PER", 0)]), None).unwrap();
    assert_eq!(get(&result, "painted").as_f64(), Some(1.0));
    assert!(web::set_layer_visible("entity-PER", false));
    web::clear();
    root.remove();
}

/// Annotations are read through the contract's own types: an unknown label,
/// reason or kind, or reversed offsets, is an error naming it and which
/// annotation, not a silent "MISC" or "claimed".
#[wasm_bindgen_test]
fn unknown_labels_and_reasons_are_errors_naming_them() {
    let root = fixture("<p>Marie Curie aurait parlé à Paris.</p>");
    let text = web::extract_text(&root);
    let message = |annotations: Vec<serde_json::Value>| {
        let err = web::highlight(&root, doc(annotations), None).unwrap_err();
        let err: js_sys::Error = JsValue::from(err).dyn_into().expect("a JS Error");
        String::from(err.message())
    };
    let mut person = entity(&text, "Marie Curie", "PER", 0);
    person["label"] = "PERSON".into();
    let m = message(vec![entity(&text, "Paris", "LOC", 1), person]);
    assert!(m.contains("PERSON") && m.contains("annotation 1"), "{m}");
    let mut rumour = claim(&text, "aurait parlé", "aurait");
    rumour["reason"] = "rumour".into();
    let m = message(vec![rumour]);
    assert!(m.contains("rumour"), "{m}");
    let mut odd = quote(&text, "parlé");
    odd["kind"] = "note".into();
    assert!(message(vec![odd]).contains("note"));
    let mut reversed = entity(&text, "Paris", "LOC", 1);
    reversed["start"] = 30.into();
    reversed["end"] = 10.into();
    assert!(message(vec![reversed]).contains("start 30 is after end 10"));
    // Nothing was painted by the rejected calls.
    assert!(root.query_selector("mark").unwrap().is_none());
    root.remove();
}

/// A JS string with lone surrogates crosses into Rust as one U+FFFD per lone
/// surrogate (wasm-bindgen's TextEncoder), so the contract's UTF-16 offsets
/// index the original JS string: each annotation's text equals the original
/// slice wherever that slice holds no lone surrogate. The string is passed
/// by JavaScript itself, through a JS function calling back into Rust.
#[wasm_bindgen_test]
fn lone_surrogates_from_a_js_string_keep_offsets() {
    load_packs();
    let mut units: Vec<u16> = Vec::new();
    let lone: [&[u16]; 4] = [&[0xD800], &[0xDC00], &[0xDBFF, 0x41], &[0xD83D, 0xDE00]];
    for i in 0..24 {
        let words = ["« Oui », a dit Marie Curie à Paris. ", "Selon l'AFP, il aurait menti. ", "M. Dupont "];
        units.extend(words[i % 3].encode_utf16());
        units.extend_from_slice(lone[i % 4]);
    }
    let original = js_sys::JsString::from_char_code(&units);
    assert!(!original.is_valid_utf16(), "the JS string really holds lone surrogates");
    let callback = Closure::<dyn Fn(String) -> JsValue>::new(|s: String| {
        web::annotate(&s, options("{\"lang\": \"fr\"}")).unwrap_or_else(JsValue::from)
    });
    let call = js_sys::Function::new_with_args("f, s", "return f(s);");
    let d = call.call2(&JsValue::NULL, callback.as_ref(), &original).unwrap();
    let annotations: js_sys::Array = get(&d, "annotations").dyn_into().expect("a document");
    assert!(annotations.length() >= 10, "the text is annotated");
    for a in annotations.iter() {
        let (s, e) = (get(&a, "start").as_f64().unwrap() as usize, get(&a, "end").as_f64().unwrap() as usize);
        assert!(s < e && e <= units.len());
        let slice = &units[s..e];
        let covered = get(&a, "text").as_string().unwrap();
        match String::from_utf16(slice) {
            Ok(exact) => assert_eq!(exact, covered, "offsets {s}..{e} index the JS string"),
            Err(_) => assert_eq!(String::from_utf16_lossy(slice), covered),
        }
    }
}

/// With `lang: "auto"`, a text clearly in another language gives an empty
/// document naming it in `unsupported_language`; French and English texts
/// have no such field; an explicit `lang` is obeyed.
#[wasm_bindgen_test]
fn unsupported_language_is_reported() {
    load_packs();
    let german = "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für Elektroautos zu verlängern. \
        Nach Angaben des Wirtschaftsministeriums sollen die Mittel bis Ende des kommenden Jahres reichen.";
    let d = web::annotate(german, None).unwrap();
    assert_eq!(get(&d, "unsupported_language").as_string().as_deref(), Some("de"));
    assert!(["fr", "en"].contains(&get(&d, "lang").as_string().unwrap().as_str()));
    assert_eq!(get(&d, "annotations").dyn_into::<js_sys::Array>().unwrap().length(), 0);
    let forced = web::annotate(german, options("{\"lang\": \"fr\"}")).unwrap();
    assert!(get(&forced, "unsupported_language").is_undefined(), "an explicit lang is obeyed");
    let french = web::annotate("Selon une source proche du dossier, le ministre aurait démissionné.", None).unwrap();
    assert!(get(&french, "unsupported_language").is_undefined());
    assert!(!String::from(js_sys::JSON::stringify(&french).unwrap()).contains("unsupported"));
}

/// A call that stops half-way (here, the page's own `getAttribute` throws
/// while a layer is being hidden: like a trap, the exception crosses the
/// wasm frames without unwinding them) leaves the binding's state usable:
/// the next calls hide the layer and `clear` restores the page exactly.
/// (With a `RefCell` borrowed across that call, every later call panicked.)
#[wasm_bindgen_test]
fn a_call_cut_short_leaves_the_next_calls_working() {
    let root = fixture("<p>Marie Curie est née à Varsovie.</p>");
    let before = root.inner_html();
    let text = web::extract_text(&root);
    let d = doc(vec![entity(&text, "Marie Curie", "PER", 0), entity(&text, "Varsovie", "LOC", 1)]);
    web::highlight(&root, d, options("{\"mode\": \"wrap\"}")).unwrap();
    // From JavaScript, as the page would call it: the exception reaches the JS caller.
    let hide = Closure::<dyn Fn() -> JsValue>::new(|| JsValue::from(web::set_layer_visible("entity-PER", false)));
    let sabotage = js_sys::Function::new_with_args(
        "f",
        "const p = Element.prototype, real = p.getAttribute;
         p.getAttribute = function () { throw new Error('page script'); };
         try { return f(); } finally { p.getAttribute = real; }",
    );
    let err = sabotage.call1(&JsValue::NULL, hide.as_ref()).unwrap_err();
    assert!(String::from(err.dyn_into::<js_sys::Error>().unwrap().message()).contains("page script"));
    assert!(web::set_layer_visible("entity-PER", false), "the state survived the call cut short");
    assert!(root.query_selector("mark[data-annot~=\"entity-PER\"]").unwrap().is_none());
    web::clear();
    assert_eq!(root.inner_html(), before);
    root.remove();
}

#[wasm_bindgen_test]
fn summarize_reads_annotate_output_and_refuses_unknown_reasons() {
    load_packs();
    let annotated = web::annotate(SEED_FR, None).unwrap();
    let summary = web::summarize(SEED_FR, annotated).unwrap();
    let sentences = get(&summary, "sentences").as_f64().unwrap();
    let attributed = get(&summary, "attributed_sentences").as_f64().unwrap();
    assert!(sentences > 10.0 && attributed > 0.0 && attributed <= sentences);
    let speakers: js_sys::Array = get(&summary, "speakers").dyn_into().unwrap();
    assert!(speakers.length() > 0);

    let text = "Selon la police, il aurait fui.";
    let mut bad = claim(text, "il aurait fui", "aurait");
    bad["reason"] = "rumour".into();
    let err = web::summarize(text, doc(vec![bad])).unwrap_err();
    let err: js_sys::Error = JsValue::from(err).dyn_into().expect("a JS Error");
    let message = String::from(err.message());
    assert!(message.contains("summarize: annotation 0") && message.contains("rumour"), "{message}");
}

#[wasm_bindgen_test]
fn a_pack_is_checked_then_loaded_and_annotates() {
    let bad = |bytes: &[u8]| error_message(web::load_pack(bytes.to_vec()).unwrap_err());
    assert!(bad(b"<!doctype html><title>Not found</title>").contains("not a language pack"));
    assert!(bad(&PACK_FR[..PACK_FR.len() - 1]).contains("truncated"));
    let mut damaged = PACK_FR.to_vec();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    assert!(bad(&damaged).contains("SHA-256"));
    let mut schema = PACK_FR.to_vec();
    schema[10] ^= 0x40;
    assert!(bad(&schema).contains("different builds"));

    assert_eq!(web::lang_needed("Le ministre a démissionné samedi.", None).unwrap().as_deref(), Some("fr"));
    assert_eq!(web::lang_needed("Bonjour.", options("{\"lang\": \"en\"}")).unwrap().as_deref(), Some("en"));
    let german = "Die Bundesregierung hat am Mittwoch beschlossen, die Förderung für Elektroautos zu verlängern. \
        Nach Angaben des Wirtschaftsministeriums sollen die Mittel bis Ende des kommenden Jahres reichen.";
    assert_eq!(web::lang_needed(german, None).unwrap(), None, "an unsupported language needs no pack");
    assert!(web::pack_loaded("xx").is_err());

    load_packs();
    assert!(web::pack_loaded("fr").unwrap() && web::pack_loaded("en").unwrap());
    let d = web::annotate(SEED_FR, None).unwrap();
    assert_eq!(get(&d, "lang").as_string().unwrap(), "fr");
    let annotations: js_sys::Array = get(&d, "annotations").into();
    assert!(annotations.length() > 10, "the French seed annotated from its pack");
}
