# python3 classify.py TWIGGY_TOP.csv [--other]: sums `twiggy top -n 100000 -f csv FILE.wasm` by what the bytes are.
# Shallow sizes: a function inlined into another counts where it ended up (wasm-opt -Oz inlines a lot;
# the file before wasm-opt, rustc's own output, keeps more functions apart). Categories are tried in order.
import csv, sys, re, collections
RULES = [
  ("data segments", r'^data segment'),
  ("name section (stripped in the shipped file)", r'function names|local names|"names"|name section|subsection'),
  ("tokenizer (text::tokenize)", r'article_annotator::text::tokenize'),
  ("sentences (text::sentences)", r'article_annotator::text::sentences'),
  ("text, other (textmap, ...)", r'article_annotator::text::'),
  ("entities: tagger", r'article_annotator::detect::entities::tagger'),
  ("entities: rules, lexicon, dates, cluster", r'article_annotator::detect::entities'),
  ("quotes", r'article_annotator::detect::quotes'),
  ("claims", r'article_annotator::detect::claims'),
  ("lang (detection, resources)", r'article_annotator::lang'),
  ("web binding (highlight, extract)", r'article_annotator::web|^(highlight|extractText|clear|setLayerVisible|showHighlights|detectLang|supportsHighlightApi|version)( |$)|highlight externref'),
  ("annotate export + inlined pipeline", r'^annotate externref|^annotate( |$)'),
  ("contract / annotate.rs / summary / span", r'article_annotator::(annotate|summary|span|error|Lang|detect)'),
  ("serde + serde-wasm-bindgen", r'serde'),
  ("aho-corasick", r'aho_corasick'),
  ("fmt / float formatting / panic", r'fmt|flt2dec|panic|Display|Debug|core::num::|dragon|grisu'),
  ("wasm-bindgen, js-sys, web-sys, gloo glue", r'wasm_bindgen|js_sys|web_sys|gloo|__wbg|__wbindgen|externref|console_error'),
  ("std/alloc/core generic (sort, hash maps, vec, str, malloc)", r'core::|alloc::|std::|hashbrown|dlmalloc|<str>|memcpy|memset|memmove|memcmp|<char>|<\[|<alloc|<core|<std'),
]
rows = list(csv.DictReader(open(sys.argv[1])))
tot = collections.Counter(); other = collections.Counter()
for r in rows:
  n, s = r['Name'], int(r['ShallowSize'])
  for cat, rx in RULES:
    if re.search(rx, n): tot[cat] += s; break
  else:
    tot['other (unnamed, tables, types, exports)'] += s; other[n] += s
T = sum(tot.values())
for c, s in tot.most_common(): print(f"| {c} | {s} | {100*s/T:.1f} % |")
print(f"| total | {T} | |")
if '--other' in sys.argv:
  for n, s in other.most_common(25): print("  other:", s, n[:120])

# Second view: what kind of code, whatever module it serves (sorts, automata, formatting...).
KINDS = [("stable/unstable sort instances", r'core::slice::sort'), ("BTreeMap/BTreeSet", r'btree'),
         ("hashbrown (HashMap/HashSet)", r'hashbrown'),
         ("float formatting (f64 Display, flt2dec)", r'flt2dec|f64 as|f32 as|dragon|grisu|bignum|WithDecimalPoint|core::fmt::float'),
         ("core::fmt machinery", r'core::fmt|Debug|Display|fmt::Write|write_fmt|pad_integral'),
         ("panic machinery", r'panic|unwrap_failed|expect_failed|console_error_panic_hook|slice_error_fail|index_fail|assert_failed'),
         ("aho-corasick", r'aho_corasick'), ("memchr", r'memchr'), ("dlmalloc", r'dlmalloc|__rdl|__rust_alloc|__rust_realloc'),
         ("Unicode tables, case conversion", r'unicode|to_lowercase|to_uppercase|conversions'),
         ("serde-wasm-bindgen deserialise", r'serde_wasm_bindgen::de|serde_core::de'),
         ("serde-wasm-bindgen serialise", r'serde_wasm_bindgen::ser|serde_core::ser|Serialize'),
         ("OnceLock initialisers (list parsing)", r'OnceLock|once::'), ("Debug impls of our types", r'article_annotator.*Debug'),
         ("serde_json", r'serde_json')]
print("\n| kind (overlapping rows) | functions | bytes |\n|---|---:|---:|")
for name, rx in KINDS:
    sel = [r for r in rows if re.search(rx, r['Name'])]
    print(f"| {name} | {len(sel)} | {sum(int(r['ShallowSize']) for r in sel)} |")
