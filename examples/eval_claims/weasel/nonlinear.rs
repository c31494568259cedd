//! Non-linear sentence models explored against the linear one (cross-validation
//! on the train part only; nothing here is shipped): a one-hidden-layer network
//! over the same sparse binary features (with an optional linear skip
//! connection, input dropout, early stopping on an inner validation slice),
//! and gradient-boosted trees of depth 1–3 over frequent binary features,
//! optionally starting from the logistic regression's out-of-fold log-odds
//! (stacking). `eval_claims weasel-nl "KIND key=value …; …"`, KIND = `mlp` or
//! `gbt`; `lr=` settings of the linear model go after `--lin`.

use super::{best_threshold, fit, parse_candidate, prepare, sigmoid, train_part, train_sents, Data, Learn, FOLDS};

/// Deterministic xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn unif(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

struct Opts {
    kind: String,
    kv: std::collections::HashMap<String, f64>,
    lin: Option<Learn>,
    feats: String,
}

impl Opts {
    fn get(&self, k: &str, d: f64) -> f64 {
        *self.kv.get(k).unwrap_or(&d)
    }
}

fn parse(spec: &str) -> Opts {
    let (head, lin) = match spec.split_once("--lin") {
        Some((h, l)) => (h, Some(parse_candidate(l.trim()).learners.remove(0))),
        None => (spec, None),
    };
    let mut it = head.split_whitespace();
    let kind = it.next().expect("kind").to_string();
    let mut kv = std::collections::HashMap::new();
    let mut feats = "tri+start+lex+pat+num+cased".to_string();
    for a in it {
        let (k, v) = a.split_once('=').expect("key=value");
        if k == "f" {
            feats = v.to_string();
        } else {
            kv.insert(k.to_string(), v.parse::<f64>().expect("number"));
        }
    }
    Opts { kind, kv, lin, feats }
}

/// Rows of unique feature ids, restricted to features seen in at least `mc`
/// of the rows `idx` (ids renumbered densely); returns (rows, feature count).
fn rows_for(d: &Data, idx: &[usize], mc: usize) -> (Vec<Vec<u32>>, usize) {
    let n = d.names.len();
    let mut df = vec![0usize; n];
    for &i in idx {
        let mut x: Vec<u32> = d.xs[i].concat();
        x.sort_unstable();
        x.dedup();
        for j in x {
            df[j as usize] += 1;
        }
    }
    let mut map = vec![u32::MAX; n];
    let mut m = 0u32;
    for j in 0..n {
        if df[j] >= mc {
            map[j] = m;
            m += 1;
        }
    }
    let rows = d
        .xs
        .iter()
        .map(|x| {
            let mut r: Vec<u32> = x.concat().into_iter().map(|j| map[j as usize]).filter(|&j| j != u32::MAX).collect();
            r.sort_unstable();
            r.dedup();
            r
        })
        .collect();
    (rows, m as usize)
}

struct Mlp {
    h: usize,
    w1: Vec<f32>,
    b1: Vec<f32>,
    v: Vec<f32>,
    lin: Vec<f32>,
    b2: f32,
    tanh: bool,
}

impl Mlp {
    fn hidden(&self, x: &[u32], keep: Option<&[bool]>, out: &mut [f32]) {
        out.copy_from_slice(&self.b1);
        for (k, &j) in x.iter().enumerate() {
            if keep.map_or(true, |m| m[k]) {
                let row = &self.w1[j as usize * self.h..(j as usize + 1) * self.h];
                for (o, w) in out.iter_mut().zip(row) {
                    *o += w;
                }
            }
        }
    }
    fn act(&self, a: f32) -> f32 {
        if self.tanh {
            a.tanh()
        } else {
            a.max(0.0)
        }
    }
    fn score(&self, x: &[u32], scale: f32) -> f64 {
        let mut a = vec![0.0f32; self.h];
        self.hidden(x, None, &mut a);
        // Input dropout during training: at test time every input counts (1 - drop).
        for (ai, b) in a.iter_mut().zip(&self.b1) {
            *ai = b + (*ai - b) * scale;
        }
        let mut z = self.b2;
        for (ai, vi) in a.iter().zip(&self.v) {
            z += self.act(*ai) * vi;
        }
        z += scale * x.iter().map(|&j| self.lin[j as usize]).sum::<f32>();
        z as f64
    }
}

fn fit_mlp(rows: &[Vec<u32>], ys: &[bool], idx: &[usize], nf: usize, o: &Opts, seed: u64) -> (Mlp, f32) {
    let h = o.get("h", 32.0) as usize;
    let mut rng = Rng(0x2545f4914f6cdd1d ^ (h as u64) ^ seed.wrapping_mul(0x9e3779b97f4a7c15));
    let init = o.get("init", 0.05) as f32;
    let mut m = Mlp {
        h,
        w1: (0..nf * h).map(|_| (rng.unif() as f32 * 2.0 - 1.0) * init).collect(),
        b1: vec![0.0; h],
        v: (0..h).map(|_| (rng.unif() as f32 * 2.0 - 1.0) * 0.3).collect(),
        lin: vec![0.0; nf],
        b2: 0.0,
        tanh: o.get("tanh", 0.0) != 0.0,
    };
    let use_lin = o.get("lin", 1.0) != 0.0;
    let drop = o.get("drop", 0.0);
    let scale = (1.0 - drop) as f32;
    let l2 = o.get("l2", 1e-5) as f32;
    let lr0 = o.get("lr", 0.02);
    let epochs = o.get("ep", 30.0) as usize;
    // Inner validation slice for early stopping: 1 in 8 rows of `idx`.
    let (val, tr): (Vec<usize>, Vec<usize>) =
        idx.iter().partition(|&&i| (i as u64).wrapping_mul(0x9e3779b97f4a7c15) >> 61 == 0);
    let mut order = tr.clone();
    let mut best: Option<(f64, Mlp)> = None;
    let mut a = vec![0.0f32; h];
    let mut keep = Vec::new();
    let mut bad = 0;
    for epoch in 0..epochs {
        let lr = (lr0 / (1.0 + epoch as f64 / 10.0)) as f32;
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        for &i in &order {
            let x = &rows[i];
            keep.clear();
            keep.extend(x.iter().map(|_| rng.unif() >= drop));
            m.hidden(x, Some(&keep), &mut a);
            let mut z = m.b2;
            for (ai, vi) in a.iter().zip(&m.v) {
                z += m.act(*ai) * vi;
            }
            if use_lin {
                z += x.iter().zip(&keep).filter(|(_, k)| **k).map(|(&j, _)| m.lin[j as usize]).sum::<f32>();
            }
            let g = sigmoid(z as f64) as f32 - if ys[i] { 1.0 } else { 0.0 };
            // Backward: dz/dv_k = act(a_k); dz/da_k = v_k act'(a_k).
            let mut ga = vec![0.0f32; h];
            for k in 0..h {
                let act = m.act(a[k]);
                let d = if m.tanh {
                    1.0 - act * act
                } else if a[k] > 0.0 {
                    1.0
                } else {
                    0.0
                };
                ga[k] = g * m.v[k] * d;
                m.v[k] -= lr * (g * act + l2 * m.v[k]);
                m.b1[k] -= lr * ga[k];
            }
            m.b2 -= lr * g;
            for (&j, _) in x.iter().zip(&keep).filter(|(_, k)| **k) {
                let j = j as usize;
                let row = &mut m.w1[j * h..(j + 1) * h];
                for (w, gk) in row.iter_mut().zip(&ga) {
                    *w -= lr * (gk + l2 * *w);
                }
                if use_lin {
                    m.lin[j] -= lr * (g + l2 * m.lin[j]);
                }
            }
        }
        let loss: f64 = val
            .iter()
            .map(|&i| {
                let p = sigmoid(m.score(&rows[i], scale)).clamp(1e-9, 1.0 - 1e-9);
                -if ys[i] { p.ln() } else { (1.0 - p).ln() }
            })
            .sum::<f64>()
            / val.len().max(1) as f64;
        if best.as_ref().map_or(true, |b| loss < b.0) {
            best = Some((loss, Mlp { w1: m.w1.clone(), b1: m.b1.clone(), v: m.v.clone(), lin: m.lin.clone(), ..m }));
            bad = 0;
        } else {
            bad += 1;
            if bad >= o.get("patience", 4.0) as usize {
                break;
            }
        }
    }
    (best.expect("epochs").1, scale)
}

/// A tree over binary features: internal node (feature, absent child,
/// present child) or leaf value.
enum Tree {
    Leaf(f64),
    Split(u32, Box<Tree>, Box<Tree>),
}

impl Tree {
    fn eval(&self, x: &[u32]) -> f64 {
        match self {
            Tree::Leaf(v) => *v,
            Tree::Split(j, a, p) => {
                if x.binary_search(j).is_ok() {
                    p.eval(x)
                } else {
                    a.eval(x)
                }
            }
        }
    }
}

fn grow(rows: &[Vec<u32>], set: &[usize], g: &[f64], hs: &[f64], nf: usize, depth: usize, o: &Opts) -> Tree {
    let lambda = o.get("lambda", 1.0);
    let eta = o.get("eta", 0.1);
    let (gt, ht): (f64, f64) = set.iter().fold((0.0, 0.0), |(a, b), &i| (a + g[i], b + hs[i]));
    let leaf = Tree::Leaf(-eta * gt / (ht + lambda));
    let min_leaf = o.get("minleaf", 3.0);
    if depth == 0 || set.len() < 2 * min_leaf as usize {
        return leaf;
    }
    let mut gs = vec![0.0f64; nf];
    let mut hsum = vec![0.0f64; nf];
    let mut cnt = vec![0u32; nf];
    for &i in set {
        for &j in &rows[i] {
            gs[j as usize] += g[i];
            hsum[j as usize] += hs[i];
            cnt[j as usize] += 1;
        }
    }
    let base = gt * gt / (ht + lambda);
    let mut best = (1e-6, usize::MAX);
    for j in 0..nf {
        let c = cnt[j] as f64;
        if c < min_leaf || set.len() as f64 - c < min_leaf {
            continue;
        }
        let (g1, h1) = (gs[j], hsum[j]);
        let (g0, h0) = (gt - g1, ht - h1);
        let gain = g1 * g1 / (h1 + lambda) + g0 * g0 / (h0 + lambda) - base;
        if gain > best.0 {
            best = (gain, j);
        }
    }
    if best.1 == usize::MAX {
        return leaf;
    }
    let j = best.1 as u32;
    let (p, a): (Vec<usize>, Vec<usize>) = set.iter().partition(|&&i| rows[i].binary_search(&j).is_ok());
    Tree::Split(j, Box::new(grow(rows, &a, g, hs, nf, depth - 1, o)), Box::new(grow(rows, &p, g, hs, nf, depth - 1, o)))
}

/// Boosted trees on the rows `idx` from the base margins `f0`.
fn fit_gbt(rows: &[Vec<u32>], ys: &[bool], idx: &[usize], nf: usize, f0: &[f64], o: &Opts) -> Vec<Tree> {
    let mut f = f0.to_vec();
    let n = rows.len();
    let (mut g, mut hs) = (vec![0.0; n], vec![0.0; n]);
    let mut trees = Vec::new();
    let depth = o.get("depth", 2.0) as usize;
    for _ in 0..o.get("rounds", 300.0) as usize {
        for &i in idx {
            let p = sigmoid(f[i]);
            g[i] = p - if ys[i] { 1.0 } else { 0.0 };
            hs[i] = (p * (1.0 - p)).max(1e-6);
        }
        let t = grow(rows, idx, &g, &hs, nf, depth, o);
        for &i in idx {
            f[i] += t.eval(&rows[i]);
        }
        trees.push(t);
    }
    trees
}

/// Log-odds of the linear model fitted on all of `idx`, for every row; with
/// `inner`, the rows of `idx` get inner out-of-fold log-odds instead (for
/// stacking without leaking their labels).
fn linear_scores(d: &Data, idx: &[usize], l: &Learn, inner: bool) -> Vec<f64> {
    let full = fit(d, idx, l);
    let mut s: Vec<f64> = d.xs.iter().map(|x| full.score(x)).collect();
    if inner {
        for k in 0..FOLDS {
            let tr: Vec<usize> = idx.iter().copied().filter(|&i| (i as u64 * 7 + 3) % FOLDS != k).collect();
            let m = fit(d, &tr, l);
            for &i in idx.iter().filter(|&&i| (i as u64 * 7 + 3) % FOLDS == k) {
                s[i] = m.score(&d.xs[i]);
            }
        }
    }
    s
}

pub fn cv(args: &[String]) {
    let texts = train_part();
    let sents = train_sents(&texts);
    let joined = args.join(" ");
    for spec in joined.split(';').map(str::trim).filter(|s| !s.is_empty()) {
        let t0 = std::time::Instant::now();
        let o = parse(spec);
        let c = parse_candidate(&format!("f={} mc=1", o.feats));
        let p = prepare(&sents, &texts, &c);
        let d = &p.data[0];
        let lin_data = o.lin.as_ref().map(|l| prepare(&sents, &texts, &parse_candidate(&l.spec())).data.remove(0));
        let n = texts.len();
        let mut scored = vec![(0.0, false); n];
        let mut lin_scored = vec![(0.0, false); n];
        let mc = o.get("mc", 1.0) as usize;
        for k in 0..FOLDS {
            let tr: Vec<usize> = (0..n).filter(|&i| p.fold[i] != k).collect();
            let te: Vec<usize> = (0..n).filter(|&i| p.fold[i] == k).collect();
            let (rows, nf) = rows_for(d, &tr, mc);
            let lin = match (&o.lin, &lin_data) {
                (Some(l), Some(ld)) => Some(linear_scores(ld, &tr, l, o.kind == "gbt" && o.get("stack", 1.0) != 0.0)),
                _ => None,
            };
            match o.kind.as_str() {
                "mlp" => {
                    // Bagging: the mean log-odds of `bag` networks with different seeds.
                    let bag = o.get("bag", 1.0) as u64;
                    for seed in 0..bag {
                        let (m, scale) = fit_mlp(&rows, &d.ys, &tr, nf, &o, seed);
                        for &i in &te {
                            scored[i] = (scored[i].0 + m.score(&rows[i], scale) / bag as f64, d.ys[i]);
                        }
                    }
                }
                "gbt" => {
                    let prior = tr.iter().filter(|&&i| d.ys[i]).count() as f64 / tr.len() as f64;
                    let f0: Vec<f64> = match &lin {
                        Some(s) if o.get("stack", 1.0) != 0.0 => s.clone(),
                        _ => vec![(prior / (1.0 - prior)).ln(); n],
                    };
                    let trees = fit_gbt(&rows, &d.ys, &tr, nf, &f0, &o);
                    for &i in &te {
                        scored[i] = (f0[i] + trees.iter().map(|t| t.eval(&rows[i])).sum::<f64>(), d.ys[i]);
                    }
                }
                other => panic!("kind mlp or gbt, not {other}"),
            }
            if let Some(s) = &lin {
                for &i in &te {
                    lin_scored[i] = (s[i], d.ys[i]);
                }
            }
        }
        let (f, pr, r, th) = best_threshold(&scored);
        println!("cv F1 {f:.4} P {pr:.3} R {r:.3} th {th:.2} ({:.0?}): {spec}", t0.elapsed());
        if o.lin.is_some() {
            let (f, ..) = best_threshold(&lin_scored);
            print!("  linear alone {f:.4}; averaged log-odds, weight of non-linear");
            for w in [0.25, 0.5, 0.75] {
                let mix: Vec<(f64, bool)> =
                    scored.iter().zip(&lin_scored).map(|(a, b)| (w * a.0 + (1.0 - w) * b.0, a.1)).collect();
                print!(" {w}: {:.4}", best_threshold(&mix).0);
            }
            println!();
        }
    }
}
