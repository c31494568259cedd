//! WikiWeasel: the sentence-level uncertainty model (learned from the train
//! part only, every choice made by cross-validation inside it) and its
//! evaluation on the held-back part.
//!
//! Split: the shared `train.csv` is split by an FNV hash of the sentence
//! text: 1 in 5 sentences is held back for the report, the rest is the train
//! part. Cross-validation folds are a second function of the same hash.

use crate::claims_of;
use article_annotator::text::TokenKind;
use article_annotator::Lang;
use std::collections::HashMap;
use std::fmt::Write as _;

const WEASEL_CSV: &str = "../shared/data/wikiweasel-uncertainty-en/train.csv";
const MODEL: &str = "data/models/weasel-en.tsv";
const CUES: &str = include_str!("../../data/models/weasel-cues-en.txt");
const FOLDS: u64 = 5;

mod nonlinear;
pub use nonlinear::cv as cv_nonlinear;

/// Rows of a CSV file with a header `text,label` (quoted fields, "" escapes).
fn read_csv(path: &str) -> Vec<(String, bool)> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let mut rows = Vec::new();
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = data.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                if fields.len() == 2 {
                    rows.push((fields[0].trim().to_string(), fields[1].trim() == "1"));
                }
                fields.clear();
            }
            (false, '\r') => {}
            (false, c) => field.push(c),
        }
    }
    rows.remove(0); // header
    rows.retain(|(t, _)| !t.is_empty());
    rows
}

/// Undoes the Penn Treebank escapes of the corpus.
fn detokenize(s: &str) -> String {
    s.replace("-LRB-", "(").replace("-RRB-", ")").replace("``", "\"").replace("''", "\"").replace(" 's", "'s")
}

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| (h ^ b as u64).wrapping_mul(0x100000001b3))
}

fn held_back(text: &str) -> bool {
    fnv(text) % 5 == 0
}

/// The train part (detokenized text, label); the held-back part is never
/// returned.
fn train_part() -> Vec<(String, bool)> {
    read_csv(WEASEL_CSV).into_iter().filter(|(t, _)| !held_back(t)).map(|(t, l)| (detokenize(&t), l)).collect()
}

// ---------------------------------------------------------------------------
// Features.

/// A sentence reduced to what the features need: the claim layer's reasons,
/// the lower-cased words (tokens with a letter) and whether a number token
/// occurs.
struct Sent {
    claims: Vec<&'static str>,
    words: Vec<String>,
    /// The words as written, but the sentence's first word lower-cased.
    cased: Vec<String>,
    number: bool,
}

fn sent(text: &str) -> Sent {
    let claims = claims_of(text, Lang::En).iter().map(|c| c.reason.as_str()).collect();
    let tokens = article_annotator::text::tokenize(text, Lang::En);
    let number = tokens.iter().any(|t| t.kind == TokenKind::Number);
    Sent { claims, number, ..sent_of_words(tokens.iter().map(|t| t.text(text))) }
}

/// The word part of `Sent` (tokens with a letter; no claims, no number).
fn sent_of_words<'a>(tokens: impl Iterator<Item = &'a str>) -> Sent {
    let cased: Vec<String> = tokens
        .filter(|w| w.chars().any(char::is_alphabetic))
        .enumerate()
        .map(|(i, w)| if i == 0 { w.to_lowercase() } else { w.to_string() })
        .collect();
    let words = cased.iter().map(|w| w.to_lowercase()).collect();
    Sent { claims: Vec::new(), words, cased, number: false }
}

/// Feature families (the `FEATURES` line of the model file), each a flag:
/// `tri` word trigrams, `start` the first one or two words, `lex` the cue
/// lexicon, `skip` word pairs one word apart, `stem` crude suffix-stripped
/// words and their bigrams, `pat` general weasel patterns, `chars` character
/// 3- to 5-grams of the words, `num` has a number, `cased` words and bigrams
/// as written when that differs from lower case (not the first word), `len`
/// a log2 bucket of the sentence length. Words, bigrams and the claim
/// layer's reasons are always in.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Feats {
    tri: bool,
    start: bool,
    lex: bool,
    skip: bool,
    stem: bool,
    pat: bool,
    chars: bool,
    num: bool,
    cased: bool,
    len: bool,
}

impl Feats {
    const NAMES: [&'static str; 10] = ["tri", "start", "lex", "skip", "stem", "pat", "chars", "num", "cased", "len"];

    fn flags_mut(&mut self) -> [&mut bool; 10] {
        [
            &mut self.tri,
            &mut self.start,
            &mut self.lex,
            &mut self.skip,
            &mut self.stem,
            &mut self.pat,
            &mut self.chars,
            &mut self.num,
            &mut self.cased,
            &mut self.len,
        ]
    }

    fn parse(spec: &str) -> Feats {
        let mut f = Feats::default();
        for name in spec.split('+').filter(|s| !s.is_empty() && *s != "base") {
            let i = Feats::NAMES.iter().position(|n| *n == name).unwrap_or_else(|| panic!("feature family {name}"));
            *f.flags_mut()[i] = true;
        }
        f
    }

    fn spec(mut self) -> String {
        let on: Vec<&str> = Feats::NAMES.iter().zip(self.flags_mut()).filter(|(_, on)| **on).map(|(n, _)| *n).collect();
        if on.is_empty() {
            "base".into()
        } else {
            on.join("+")
        }
    }

    fn union(mut self, mut other: Feats) -> Feats {
        for (a, b) in self.flags_mut().into_iter().zip(other.flags_mut()) {
            *a |= *b;
        }
        self
    }
}

/// Crude English suffix stripping ("believed", "believes", "believing" →
/// "believ"): enough to pool the inflections of a cue.
fn stem(w: &str) -> &str {
    for suffix in ["ingly", "edly", "ings", "ing", "ied", "ies", "ed", "es", "ly", "s", "e"] {
        if let Some(s) = w.strip_suffix(suffix) {
            if s.chars().count() >= 3 {
                return s;
            }
        }
    }
    w
}

const QUANTIFIERS: [&str; 12] =
    ["certain", "few", "many", "most", "much", "numerous", "other", "others", "several", "some", "various", "widely"];
const BE: [&str; 8] = ["is", "are", "was", "were", "be", "been", "being", "'s"];

fn is_superlative(w: &str) -> bool {
    w == "best"
        || w == "worst"
        || (w.len() > 5
            && w.ends_with("est")
            && !["honest", "interest", "forest", "harvest", "protest", "request", "contest", "suggest", "modest"]
                .iter()
                .any(|x| w.ends_with(x)))
}

/// Features of one sentence for the families `f` (sorted, deduplicated).
fn features(s: &Sent, f: Feats) -> Vec<String> {
    let words = &s.words;
    let mut out: Vec<String> = Vec::new();
    for c in &s.claims {
        out.push(format!("CLAIM:{c}"));
    }
    if !s.claims.is_empty() {
        out.push("CLAIM:any".into());
    }
    for w in words {
        out.push(format!("w:{w}"));
    }
    for p in words.windows(2) {
        out.push(format!("b:{} {}", p[0], p[1]));
    }
    if f.tri {
        for p in words.windows(3) {
            out.push(format!("t:{} {} {}", p[0], p[1], p[2]));
        }
    }
    if f.start {
        for k in 1..=2.min(words.len()) {
            out.push(format!("s:{}", words[..k].join(" ")));
        }
    }
    if f.lex {
        let joined = format!(" {} ", words.join(" "));
        let lex = weasel_cues().iter().filter(|c| joined.contains(c.as_str())).count();
        if lex > 0 {
            out.push("x:LEX".into());
        }
        if lex > 1 {
            out.push("x:LEX2".into());
        }
    }
    if f.skip {
        for p in words.windows(3) {
            out.push(format!("k:{} _ {}", p[0], p[2]));
        }
    }
    if f.stem {
        let stems: Vec<&str> = words.iter().map(|w| stem(w)).collect();
        for st in &stems {
            out.push(format!("l:{st}"));
        }
        for p in stems.windows(2) {
            out.push(format!("lb:{} {}", p[0], p[1]));
        }
    }
    if f.pat {
        patterns(words, &mut out);
    }
    if f.chars {
        for w in words {
            let cs: Vec<char> = format!("<{w}>").chars().collect();
            for n in 3..=5 {
                for g in cs.windows(n) {
                    out.push(format!("c:{}", g.iter().collect::<String>()));
                }
            }
        }
    }
    if f.cased {
        for (w, l) in s.cased.iter().zip(words) {
            if w != l {
                out.push(format!("W:{w}"));
            }
        }
        for (p, l) in s.cased.windows(2).zip(words.windows(2)) {
            if p != l {
                out.push(format!("B:{} {}", p[0], p[1]));
            }
        }
    }
    if f.len {
        let n = words.len();
        out.push(format!("x:LEN{}", usize::BITS - n.leading_zeros()));
    }
    if f.num && s.number {
        out.push("x:NUM".into());
    }
    out.sort();
    out.dedup();
    out
}

/// General weasel patterns: a quantifier before a plural or "of", a
/// quantifier subject, "it is/was + participle", "has/have been +
/// participle", "is considered/regarded/seen as", "one of the",
/// superlatives, "most + adjective".
fn patterns(words: &[String], out: &mut Vec<String>) {
    let w = |i: usize| words.get(i).map_or("", String::as_str);
    let participle = |x: &str| x.len() > 3 && (x.ends_with("ed") || ["thought", "said", "known", "seen"].contains(&x));
    for i in 0..words.len() {
        let (a, b, c) = (w(i), w(i + 1), w(i + 2));
        if QUANTIFIERS.contains(&a) {
            if b.len() > 3 && b.ends_with('s') && !b.ends_with("ss") {
                out.push("x:Q+PL".into());
            }
            if b == "of" {
                out.push("x:Q+OF".into());
            }
            if i < 2 {
                out.push("x:QSTART".into());
            }
        }
        if (a == "it" || a == "this" || a == "that") && BE.contains(&b) && participle(c) {
            out.push("x:IT+BE+VED".into());
        }
        if ["has", "have", "had"].contains(&a) && b == "been" && participle(c) {
            out.push("x:BEEN+VED".into());
        }
        if BE.contains(&a)
            && ["considered", "regarded", "seen", "viewed", "thought", "believed", "described", "called"].contains(&b)
        {
            out.push("x:BE+CONSID".into());
        }
        if a == "one" && b == "of" && c == "the" {
            out.push("x:ONEOF".into());
        }
        if is_superlative(a) {
            out.push("x:SUPER".into());
        }
        if a == "most" && b.len() > 3 && !["of", "the", "likely"].contains(&b) {
            out.push("x:MOST+ADJ".into());
        }
    }
}

/// The cue phrases of `data/models/weasel-cues-en.txt`, padded with spaces.
fn weasel_cues() -> &'static [String] {
    static CELL: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    CELL.get_or_init(|| {
        CUES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| format!(" {l} ")).collect()
    })
}

// ---------------------------------------------------------------------------
// Learning.

/// Learner settings, written `key=value` (see `Learn::parse`).
#[derive(Clone, Copy, Debug)]
struct Learn {
    feats: Feats,
    /// Naive-Bayes log-count-ratio scaling of the binary features (Wang &
    /// Manning 2012), with this add-alpha smoothing; 0 = plain features.
    nb: f64,
    /// NB-SVM interpolation towards the mean weight (1 = none).
    beta: f64,
    /// Feature kept for learning if seen in at least this many sentences.
    min_count: usize,
    /// L2 penalty per update.
    l2: f64,
    /// Weight of the uncertain class in the loss.
    pos_weight: f64,
    epochs: usize,
    /// Initial learning rate (decays as 1 / (1 + epoch / 5)).
    lr: f64,
    /// Average the weights over the epochs' ends (second half).
    avg: bool,
    /// Shipped (and scored) only if seen in at least this many training
    /// sentences and its weight is at least `prune` in absolute value.
    ship_count: usize,
    prune: f64,
    /// Multiple-instance (noisy-OR over tokens) instead of a sentence model.
    mil: bool,
    /// Refit on the shipped features only.
    refit: bool,
    /// Initial instance bias of the multiple-instance model.
    mil_bias: f64,
    /// Learning-rate factor of the shared instance bias.
    bias_rate: f64,
}

impl Learn {
    fn parse(args: &[&str]) -> Learn {
        let mut l = Learn {
            feats: Feats::parse("lex+start"),
            nb: 0.0,
            beta: 1.0,
            min_count: 1,
            l2: 1e-4,
            pos_weight: 1.0,
            epochs: 20,
            lr: 0.1,
            avg: false,
            ship_count: 3,
            prune: 0.1,
            mil: false,
            refit: false,
            mil_bias: -4.0,
            bias_rate: 0.1,
        };
        for a in args {
            let (k, v) = a.split_once('=').unwrap_or_else(|| panic!("key=value: {a}"));
            let num = || v.parse::<f64>().unwrap_or_else(|_| panic!("number: {a}"));
            match k {
                "f" => l.feats = Feats::parse(v),
                "nb" => l.nb = num(),
                "beta" => l.beta = num(),
                "mc" => l.min_count = num() as usize,
                "l2" => l.l2 = num(),
                "pw" => l.pos_weight = num(),
                "ep" => l.epochs = num() as usize,
                "lr" => l.lr = num(),
                "avg" => l.avg = num() != 0.0,
                "sc" => l.ship_count = num() as usize,
                "pr" => l.prune = num(),
                "mil" => l.mil = num() != 0.0,
                "refit" => l.refit = num() != 0.0,
                "mb" => l.mil_bias = num(),
                "br" => l.bias_rate = num(),
                _ => panic!("unknown setting {a}"),
            }
        }
        l
    }

    fn spec(&self) -> String {
        format!(
            "f={} nb={} beta={} mc={} l2={} pw={} ep={} lr={} avg={} sc={} pr={} refit={} mil={} mb={} br={}",
            self.feats.spec(),
            self.nb,
            self.beta,
            self.min_count,
            self.l2,
            self.pos_weight,
            self.epochs,
            self.lr,
            u8::from(self.avg),
            self.ship_count,
            self.prune,
            u8::from(self.refit),
            u8::from(self.mil),
            self.mil_bias,
            self.bias_rate
        )
    }
}

/// Sentences as feature ids for one feature configuration.
struct Data {
    names: Vec<String>,
    /// Per sentence, its instances (one for the sentence model; the tokens
    /// and one sentence-wide instance for the multiple-instance model).
    xs: Vec<Vec<Vec<u32>>>,
    ys: Vec<bool>,
}

fn encode(sents: &[(Sent, bool)], l: &Learn) -> Data {
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut names = Vec::new();
    let mut xs = Vec::with_capacity(sents.len());
    for (s, _) in sents {
        let instances = if l.mil { mil_instances(s, l.feats) } else { vec![features(s, l.feats)] };
        let x = instances
            .into_iter()
            .map(|inst| {
                inst.into_iter()
                    .map(|f| {
                        *index.entry(f).or_insert_with_key(|k| {
                            names.push(k.clone());
                            names.len() as u32 - 1
                        })
                    })
                    .collect()
            })
            .collect();
        xs.push(x);
    }
    Data { names, xs, ys: sents.iter().map(|s| s.1).collect() }
}

/// A fitted linear model over binary features: the bias and the effective
/// weight of each feature id (0 = pruned or unused).
struct Fitted {
    bias: f64,
    w: Vec<f64>,
    mil: bool,
}

impl Fitted {
    fn score(&self, x: &[Vec<u32>]) -> f64 {
        let z = |inst: &[u32]| self.bias + inst.iter().map(|&j| self.w[j as usize]).sum::<f64>();
        if self.mil {
            noisy_or_logit(x.iter().map(|inst| z(inst)))
        } else {
            x.iter().map(|inst| z(inst)).sum()
        }
    }
}

fn softplus(z: f64) -> f64 {
    if z > 30.0 {
        z
    } else {
        z.exp().ln_1p()
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// Log-odds that at least one instance is positive (noisy-OR) given the
/// instances' log-odds.
fn noisy_or_logit(zs: impl Iterator<Item = f64>) -> f64 {
    let s: f64 = zs.map(softplus).sum();
    // P = 1 - exp(-s); logit = ln(exp(s) - 1).
    if s > 30.0 {
        s
    } else {
        s.exp_m1().max(1e-300).ln()
    }
}

/// Logistic regression (SGD, L2, deterministic shuffles, decaying rate) on
/// the rows `idx`, optionally over NB-scaled features; or, for `mil`, a
/// multiple-instance model: each instance (token in context) has its own
/// log-odds of being an uncertainty cue and the sentence is uncertain if at
/// least one is (noisy-OR), learned from the sentence labels alone.
fn fit(d: &Data, idx: &[usize], l: &Learn) -> Fitted {
    let first = fit_with(d, idx, l, None);
    if !l.refit {
        return first;
    }
    // Refit on the kept features only, so that they absorb what the pruned
    // ones carried.
    let keep: Vec<bool> = first.w.iter().map(|v| *v != 0.0).collect();
    fit_with(d, idx, &Learn { prune: 0.0, ..*l }, Some(&keep))
}

fn fit_with(d: &Data, idx: &[usize], l: &Learn, keep: Option<&[bool]>) -> Fitted {
    let n = d.names.len();
    let mut df = vec![0usize; n];
    let (mut pos, mut neg) = (vec![0.0f64; n], vec![0.0f64; n]);
    let mut seen = vec![usize::MAX; n];
    for &i in idx {
        for &j in d.xs[i].iter().flatten() {
            let j = j as usize;
            if seen[j] == i {
                continue;
            }
            seen[j] = i;
            df[j] += 1;
            if d.ys[i] {
                pos[j] += 1.0;
            } else {
                neg[j] += 1.0;
            }
        }
    }
    let used: Vec<bool> =
        df.iter().enumerate().map(|(j, &c)| c >= l.min_count && c > 0 && keep.map_or(true, |k| k[j])).collect();
    // Feature values: 1, or the log-count ratio r_j.
    let mut r = vec![1.0f64; n];
    if l.nb > 0.0 {
        let (sp, sn): (f64, f64) =
            (0..n).filter(|&j| used[j]).fold((0.0, 0.0), |(a, b), j| (a + pos[j] + l.nb, b + neg[j] + l.nb));
        for j in (0..n).filter(|&j| used[j]) {
            r[j] = ((pos[j] + l.nb) / sp).ln() - ((neg[j] + l.nb) / sn).ln();
        }
    }
    type Row = (Vec<Vec<usize>>, bool);
    let xs: Vec<Row> = idx
        .iter()
        .map(|&i| {
            let inst = d.xs[i].iter().map(|x| x.iter().map(|&j| j as usize).filter(|&j| used[j]).collect()).collect();
            (inst, d.ys[i])
        })
        .collect();
    let mut w = vec![0.0f64; n];
    let mut b = if l.mil { l.mil_bias } else { 0.0 };
    let (mut wsum, mut bsum, mut nsum) = (vec![0.0f64; n], 0.0f64, 0.0f64);
    let mut order: Vec<usize> = (0..xs.len()).collect();
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut zs: Vec<f64> = Vec::new();
    for epoch in 0..l.epochs {
        let lr = l.lr / (1.0 + epoch as f64 / 5.0);
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let (x, y) = &xs[i];
            zs.clear();
            zs.extend(x.iter().map(|inst| b + inst.iter().map(|&j| w[j] * r[j]).sum::<f64>()));
            if l.mil {
                // Loss: y = 0: sum softplus(z_i); y = 1: -ln(1 - exp(-S)), S = sum softplus(z_i).
                let s: f64 = zs.iter().map(|&z| softplus(z)).sum();
                let factor = if *y { -l.pos_weight / s.max(1e-9).exp_m1() } else { 1.0 };
                for (inst, &z) in x.iter().zip(&zs) {
                    let g = factor * sigmoid(z);
                    b -= lr * g * l.bias_rate;
                    for &j in inst {
                        w[j] -= lr * (g * r[j] + l.l2 * w[j]);
                    }
                }
            } else {
                let p = sigmoid(zs[0]); // one instance: the sentence
                let g = if *y { (p - 1.0) * l.pos_weight } else { p };
                b -= lr * g;
                for &j in x.iter().flatten() {
                    w[j] -= lr * (g * r[j] + l.l2 * w[j]);
                }
            }
        }
        if l.avg && 2 * epoch >= l.epochs {
            for (s, v) in wsum.iter_mut().zip(&w) {
                *s += v;
            }
            bsum += b;
            nsum += 1.0;
        }
    }
    if l.avg {
        w = wsum.iter().map(|s| s / nsum).collect();
        b = bsum / nsum;
    }
    if l.beta < 1.0 {
        let m = (0..n).filter(|&j| used[j]).map(|j| w[j].abs()).sum::<f64>()
            / used.iter().filter(|u| **u).count().max(1) as f64;
        for v in &mut w {
            *v = (1.0 - l.beta) * m + l.beta * *v;
        }
    }
    let w = (0..n)
        .map(|j| {
            let v = w[j] * r[j];
            if used[j] && df[j] >= l.ship_count && v.abs() >= l.prune {
                v
            } else {
                0.0
            }
        })
        .collect();
    Fitted { bias: b, w, mil: l.mil }
}

/// Instances of the multiple-instance model: one per word (the word, its
/// neighbours as bigrams, with `tri` the trigrams ending or starting at it,
/// with `cased` the word as written, with `stem` its stem) and one
/// sentence-wide instance (the claim layer's reasons, with `start` the first
/// words, with `lex` the cue lexicon).
fn mil_instances(s: &Sent, f: Feats) -> Vec<Vec<String>> {
    let words = &s.words;
    let w = |i: isize| if i < 0 { "<s>" } else { words.get(i as usize).map_or("</s>", String::as_str) };
    let mut out = Vec::with_capacity(words.len() + 1);
    for i in 0..words.len() as isize {
        let mut inst =
            vec![format!("u:{}", w(i)), format!("ub:{} {}", w(i - 1), w(i)), format!("ua:{} {}", w(i), w(i + 1))];
        if f.tri {
            inst.push(format!("ubb:{} {} {}", w(i - 2), w(i - 1), w(i)));
            inst.push(format!("uaa:{} {} {}", w(i), w(i + 1), w(i + 2)));
            inst.push(format!("uba:{} {} {}", w(i - 1), w(i), w(i + 1)));
        }
        if f.cased && s.cased[i as usize] != words[i as usize] {
            inst.push(format!("U:{}", s.cased[i as usize]));
        }
        if f.stem {
            inst.push(format!("ul:{}", stem(w(i))));
        }
        if f.start && i < 3 {
            inst.push(format!("us:{i} {}", w(i)));
        }
        inst.sort();
        inst.dedup();
        out.push(inst);
    }
    let mut sentence: Vec<String> = s.claims.iter().map(|c| format!("CLAIM:{c}")).collect();
    if f.lex {
        let joined = format!(" {} ", words.join(" "));
        if weasel_cues().iter().any(|c| joined.contains(c.as_str())) {
            sentence.push("x:LEX".into());
        }
    }
    sentence.sort();
    sentence.dedup();
    out.push(sentence);
    out
}

fn prf(tp: usize, fp: usize, fneg: usize) -> (f64, f64, f64) {
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    (p, r, if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 })
}

fn counts(pred: impl Iterator<Item = (bool, bool)>) -> (usize, usize, usize) {
    let (mut tp, mut fp, mut fneg) = (0, 0, 0);
    for (p, gold) in pred {
        match (p, gold) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fneg += 1,
            _ => {}
        }
    }
    (tp, fp, fneg)
}

/// Best F1 threshold over scored examples: (F1, P, R, threshold).
fn best_threshold(scored: &[(f64, bool)]) -> (f64, f64, f64, f64) {
    let mut best = (0.0, 0.0, 0.0, 0.0);
    for k in -80..=60 {
        let th = k as f64 / 20.0;
        let (tp, fp, fneg) = counts(scored.iter().map(|&(s, y)| (s > th, y)));
        let (p, r, f) = prf(tp, fp, fneg);
        if f > best.0 {
            best = (f, p, r, th);
        }
    }
    best
}

/// One candidate: one or two learners; with two, the score is
/// `mix * z1 + (1 - mix) * z2` (still one linear model over the union of
/// the features).
struct Candidate {
    learners: Vec<Learn>,
    mix: f64,
}

impl Candidate {
    fn spec(&self) -> String {
        let parts: Vec<String> = self.learners.iter().map(Learn::spec).collect();
        if parts.len() > 1 {
            format!("mix={} {}", self.mix, parts.join(" | "))
        } else {
            parts.join("")
        }
    }
}

/// Per-row feature ids for every learner of a candidate, computed once.
struct Prepared {
    data: Vec<Data>,
    fold: Vec<u64>,
}

/// Pooled out-of-fold scores of a candidate, and the mean number of shipped
/// features per fold.
fn cross_validate(c: &Candidate, p: &Prepared) -> (Vec<(f64, bool)>, f64) {
    let n = p.fold.len();
    let mut scored = vec![(0.0, false); n];
    let mut shipped = 0usize;
    for k in 0..FOLDS {
        let tr: Vec<usize> = (0..n).filter(|&i| p.fold[i] != k).collect();
        let mut names: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for (li, l) in c.learners.iter().enumerate() {
            let weight = if c.learners.len() == 1 {
                1.0
            } else if li == 0 {
                c.mix
            } else {
                1.0 - c.mix
            };
            let m = fit(&p.data[li], &tr, l);
            for (j, v) in m.w.iter().enumerate() {
                if *v != 0.0 {
                    names.insert(&p.data[li].names[j]);
                }
            }
            for i in (0..n).filter(|&i| p.fold[i] == k) {
                scored[i].0 += weight * m.score(&p.data[li].xs[i]);
                scored[i].1 = p.data[li].ys[i];
            }
        }
        shipped += names.len();
    }
    (scored, shipped as f64 / FOLDS as f64)
}

fn prepare(sents: &[(Sent, bool)], texts: &[(String, bool)], c: &Candidate) -> Prepared {
    Prepared {
        data: c.learners.iter().map(|l| encode(sents, l)).collect(),
        fold: texts.iter().map(|(t, _)| (fnv(t) / 5) % FOLDS).collect(),
    }
}

fn train_sents(texts: &[(String, bool)]) -> Vec<(Sent, bool)> {
    texts.iter().map(|(t, l)| (sent(t), *l)).collect()
}

/// `eval_claims weasel-cv SETTINGS [--and SETTINGS] [mix=X] [; ...]`: the
/// cross-validated F1 of candidate settings on the train part (for choosing
/// the grid of `train`). Candidates are separated by `;`.
pub fn cv(args: &[String]) {
    let texts = train_part();
    let t0 = std::time::Instant::now();
    let sents = train_sents(&texts);
    eprintln!("{} train-part sentences analysed in {:.1?}", sents.len(), t0.elapsed());
    let joined = args.join(" ");
    for cand in joined.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let c = parse_candidate(cand);
        let p = prepare(&sents, &texts, &c);
        let (scored, shipped) = cross_validate(&c, &p);
        let (f, pr, r, th) = best_threshold(&scored);
        println!("cv F1 {f:.4} P {pr:.3} R {r:.3} th {th:.2} feats {shipped:.0}: {}", c.spec());
        if std::env::var_os("WEASEL_DUMP").is_some() {
            for ((s, y), (t, _)) in scored.iter().zip(&texts) {
                if (*s > th) != *y {
                    println!("{} {s:.2} {t}", if *y { "FN" } else { "FP" });
                }
            }
        }
    }
}

fn parse_candidate(s: &str) -> Candidate {
    let mut mix = 0.5;
    let mut learners = Vec::new();
    for part in s.split("--and") {
        let mut args: Vec<&str> = part.split_whitespace().collect();
        if let Some(i) = args.iter().position(|a| a.starts_with("mix=")) {
            mix = args.remove(i)[4..].parse().expect("mix");
        }
        learners.push(Learn::parse(&args));
    }
    Candidate { learners, mix }
}

/// The candidates `train` chooses from by cross-validation: the close calls
/// left by the wider exploration with `weasel-cv` (eval/RESULTS-claims.md
/// §2), all within the size budget of the shipped file (≤ ~100 KB), plus
/// the previous setting for reference.
const GRID: &[&str] = &[
    "f=tri+lex l2=1e-3 lr=0.1 ep=20 sc=5 pr=0.2",
    "f=tri+start+lex lr=0.01 ep=40 sc=3 pr=0.05",
    "f=tri+start+lex lr=0.01 ep=40 sc=3 pr=0.1",
    "f=tri+start+lex+cased lr=0.01 ep=40 sc=3 pr=0.05",
    "f=tri+start+lex+cased lr=0.01 ep=40 sc=3 pr=0.1",
    "f=tri+start+lex+pat+num+cased lr=0.01 ep=40 sc=3 pr=0.05",
    "f=tri+start+lex+pat+num+cased lr=0.01 ep=40 sc=3 pr=0.1",
];

/// Learns `data/models/weasel-en.tsv` from the train part only: every
/// candidate of `GRID` is cross-validated (5 folds inside the train part,
/// pooled out-of-fold scores, best-F1 threshold), the best one is refitted
/// on the whole train part. The held-back part is never read here.
pub fn train() {
    let texts = train_part();
    let sents = train_sents(&texts);
    let mut best: Option<(f64, f64, Candidate)> = None;
    for spec in GRID {
        let c = parse_candidate(spec);
        assert!(c.learners.iter().all(|l| !l.mil), "the model file holds sentence models only");
        let p = prepare(&sents, &texts, &c);
        let (scored, shipped) = cross_validate(&c, &p);
        let (f, pr, r, th) = best_threshold(&scored);
        println!("cv F1 {f:.4} P {pr:.3} R {r:.3} th {th:.2} feats {shipped:.0}: {}", c.spec());
        if best.as_ref().map_or(true, |b| f > b.0) {
            best = Some((f, th, c));
        }
    }
    let (cv_f1, threshold, c) = best.expect("grid");
    let p = prepare(&sents, &texts, &c);
    let all: Vec<usize> = (0..texts.len()).collect();
    let mut weights: HashMap<&str, f64> = HashMap::new();
    let mut bias = 0.0;
    let mut feats = Feats::default();
    let mut internal = vec![0.0f64; texts.len()];
    for (li, l) in c.learners.iter().enumerate() {
        let k = if c.learners.len() == 1 {
            1.0
        } else if li == 0 {
            c.mix
        } else {
            1.0 - c.mix
        };
        let m = fit(&p.data[li], &all, l);
        for (z, x) in internal.iter_mut().zip(&p.data[li].xs) {
            *z += k * m.score(x);
        }
        bias += k * m.bias;
        feats = feats.union(l.feats);
        for (j, v) in m.w.iter().enumerate().filter(|(_, v)| **v != 0.0) {
            *weights.entry(p.data[li].names[j].as_str()).or_default() += k * v;
        }
    }
    let mut out = String::new();
    out.push_str(
        "# Sentence-level uncertainty (weasel/hedge) model for English, learned by examples/eval_claims/weasel.rs\n\
         # (train-weasel) from the train part of WikiWeasel (Szeged Uncertainty Corpus, Wikipedia sentences;\n\
         # ../shared/data/wikiweasel-uncertainty-en, 4 in 5 sentences by text hash). Derived from data licensed\n\
         # CC BY-SA (Farkas et al. 2010; Szarvas et al. 2012; text from Wikipedia): this file is CC BY-SA too.\n\
         # Rebuild: scripts/eval-claims.sh train\n\
         # Linear model over binary features: the claim layer's reasons (CLAIM:*), words (w:), bigrams (b:),\n\
         # and the families on the FEATURES line (see `Feats` in examples/eval_claims/weasel.rs).\n\
         # feature<TAB>weight; BIAS and THRESHOLD are the intercept and the decision threshold.\n",
    );
    let _ = writeln!(out, "# Chosen by 5-fold cross-validation on the train part: {}, CV F1 {cv_f1:.3}.", c.spec());
    let _ = writeln!(out, "FEATURES\t{}", feats.spec());
    let _ = writeln!(out, "BIAS\t{bias:.4}");
    let _ = writeln!(out, "THRESHOLD\t{threshold:.2}");
    let mut kept: Vec<(&str, f64)> = weights.into_iter().filter(|(_, v)| v.abs() >= 5e-4).collect();
    kept.sort_by(|a, b| a.0.cmp(b.0));
    for (k, v) in &kept {
        let _ = writeln!(out, "{k}\t{v:.3}");
    }
    std::fs::create_dir_all("data/models").expect("mkdir");
    std::fs::write(MODEL, &out).expect("write model");
    // The file, read back and scored from the feature strings as `evaluate`
    // does, must agree with the fitted model (train part only; weights are
    // rounded to 3 decimals in the file).
    let model = Model::load(MODEL);
    let worst = sents
        .iter()
        .zip(&internal)
        .map(|((s, _), z)| (model.score(&features(s, model.feats)) - z).abs())
        .fold(0.0f64, f64::max);
    assert!(worst < 0.05, "model file disagrees with the fitted model by {worst}");
    println!(
        "trained on {} sentences ({} features kept, {} bytes), {}, threshold {threshold:.2} (CV F1 {cv_f1:.3}) -> {MODEL}",
        texts.len(),
        kept.len(),
        out.len(),
        c.spec()
    );
}

struct Model {
    feats: Feats,
    bias: f64,
    threshold: f64,
    weights: HashMap<String, f64>,
}

impl Model {
    fn score(&self, feats: &[String]) -> f64 {
        self.bias + feats.iter().filter_map(|f| self.weights.get(f)).sum::<f64>()
    }

    fn load(path: &str) -> Model {
        let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e} (run train-weasel)"));
        let mut m = Model { feats: Feats::parse("lex+start+tri"), bias: 0.0, threshold: 0.0, weights: HashMap::new() };
        for line in data.lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let (k, v) = line.rsplit_once('\t').expect("feature<TAB>weight");
            match k {
                "FEATURES" => m.feats = Feats::parse(v),
                "BIAS" => m.bias = v.parse().expect("bias"),
                "THRESHOLD" => m.threshold = v.parse().expect("threshold"),
                _ => {
                    m.weights.insert(k.to_string(), v.parse().expect("weight"));
                }
            }
        }
        m
    }
}

/// Scores the held-back part with the shipped model (and the claim layer
/// alone, for reference).
pub fn evaluate(verbose: bool) {
    let rows: Vec<(String, bool)> =
        read_csv(WEASEL_CSV).into_iter().filter(|(t, _)| held_back(t)).map(|(t, l)| (detokenize(&t), l)).collect();
    let model = Model::load(MODEL);
    let mut layer = Vec::new();
    let mut learned = Vec::new();
    for (t, gold) in &rows {
        let s = sent(t);
        layer.push((!s.claims.is_empty(), *gold));
        let p = model.score(&features(&s, model.feats)) > model.threshold;
        learned.push((p, *gold));
        if verbose && p != *gold {
            println!("{} {t}", if p { "FP" } else { "FN" });
        }
    }
    let positives = rows.iter().filter(|r| r.1).count();
    println!("held-back sentences: {} ({} uncertain)", rows.len(), positives);
    println!("| system | precision | recall | F1 |");
    println!("|---|---|---|---|");
    for (name, preds) in [
        ("claim layer alone (any claim in the sentence)", &layer),
        ("claim layer + learned cue weights (data/models/weasel-en.tsv)", &learned),
    ] {
        let (tp, fp, fneg) = counts(preds.iter().copied());
        let (p, r, f) = prf(tp, fp, fneg);
        println!("| {name} | {p:.3} | {r:.3} | {f:.3} |");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent_of(words: &str) -> Sent {
        sent_of_words(words.split(' '))
    }

    #[test]
    fn feature_families_round_trip() {
        for spec in ["base", "tri+lex", "tri+start+lex+pat+num+cased", "skip+stem+chars+len"] {
            assert_eq!(Feats::parse(spec).spec(), spec);
        }
        assert_eq!(Feats::parse("tri").union(Feats::parse("lex")), Feats::parse("tri+lex"));
    }

    #[test]
    fn patterns_and_families() {
        let s = sent_of("it is believed that several scholars consider it one of the greatest works");
        let base = features(&s, Feats::default());
        assert!(base.contains(&"w:believed".to_string()) && base.contains(&"b:several scholars".to_string()));
        assert!(!base.iter().any(|f| f.starts_with("x:") || f.starts_with("t:")));
        let all = features(&s, Feats::parse("tri+pat+lex"));
        for f in ["x:IT+BE+VED", "x:Q+PL", "x:ONEOF", "x:SUPER", "x:LEX", "x:LEX2", "t:it is believed"] {
            assert!(all.contains(&f.to_string()), "{f} missing from {all:?}");
        }
        let plain = features(&sent_of("the bridge was opened in the spring"), Feats::parse("pat+lex"));
        assert!(!plain.iter().any(|f| f.starts_with("x:")), "{plain:?}");
        assert_eq!(stem("believed"), stem("believes"));
        assert_eq!(stem("is"), "is");
    }

    #[test]
    fn cased_words_keep_months_apart_from_modals() {
        let f = features(&sent_of("He left in May 2006"), Feats::parse("cased"));
        assert!(f.contains(&"W:May".to_string()) && f.contains(&"w:may".to_string()));
        let f = features(&sent_of("It may rain"), Feats::parse("cased"));
        assert!(!f.iter().any(|x| x.starts_with("W:") || x.starts_with("B:")), "{f:?}");
    }

    /// A cue word that decides the label gets a large positive weight; the
    /// fit is deterministic; the noisy-OR of one instance is its logit.
    #[test]
    fn fit_learns_a_cue() {
        let mut sents = Vec::new();
        for i in 0..200 {
            let cue = i % 3 == 0;
            let text = format!(
                "the item {} was {} built",
                ["red", "blue", "old", "new"][i % 4],
                if cue { "reportedly" } else { "then" }
            );
            sents.push((sent_of(&text), cue));
        }
        for l in [Learn::parse(&["f=base", "sc=1", "pr=0"]), Learn::parse(&["f=base", "sc=1", "pr=0", "mil=1", "lr=1"])]
        {
            let d = encode(&sents, &l);
            let idx: Vec<usize> = (0..sents.len()).collect();
            let m = fit(&d, &idx, &l);
            let w = |name: &str| d.names.iter().position(|n| n == name).map_or(0.0, |j| m.w[j]);
            let cue = if l.mil { "u:reportedly" } else { "w:reportedly" };
            let other = if l.mil { "u:then" } else { "w:then" };
            assert!(w(cue) > 1.0 && w(cue) > w(other) + 1.0, "{} {}", w(cue), w(other));
            let again = fit(&d, &idx, &l);
            assert_eq!(m.w, again.w);
            let (pos, neg) = (m.score(&d.xs[0]), m.score(&d.xs[1]));
            assert!(pos > 0.0 && neg < 0.0, "{pos} {neg}");
        }
        assert!((noisy_or_logit([1.5].into_iter()) - 1.5).abs() < 1e-9);
    }
}
