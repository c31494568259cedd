#![cfg(not(target_arch = "wasm32"))]
//! Keeps the build's pins in agreement: wasm-pack.toml's wasm-bindgen-cli version must equal the wasm-bindgen
//! version locked in Cargo.lock (or wasm-pack tries to download a CLI, which fails offline), and Cargo.toml must
//! pin wasm-bindgen exactly.

use std::path::Path;

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn locked_version(lock: &toml::Table, package: &str) -> String {
    let packages = lock["package"].as_array().expect("Cargo.lock: [[package]] array");
    let versions: Vec<&str> = packages
        .iter()
        .filter(|p| p["name"].as_str() == Some(package))
        .map(|p| p["version"].as_str().expect("Cargo.lock: version"))
        .collect();
    assert_eq!(versions.len(), 1, "Cargo.lock: expected one {package}, found {versions:?}");
    versions[0].to_string()
}

#[test]
fn wasm_pack_toml_parses_and_pins_the_locked_wasm_bindgen() {
    let flags: toml::Table = read("wasm-pack.toml").parse().expect("wasm-pack.toml parses as TOML");
    for key in
        ["target", "out-dir", "out-name", "profile", "opt-level", "test-browsers", "wasm-bindgen-cli", "wasm-opt-flags"]
    {
        assert!(flags.get(key).and_then(|v| v.as_str()).is_some(), "wasm-pack.toml: missing string key {key:?}");
    }
    assert!(["web", "bundler", "nodejs", "no-modules", "deno"].contains(&flags["target"].as_str().unwrap()));
    assert!(["release", "dev", "profiling"].contains(&flags["profile"].as_str().unwrap()));
    assert!(["0", "1", "2", "3", "s", "z"].contains(&flags["opt-level"].as_str().unwrap()));

    let lock: toml::Table = read("Cargo.lock").parse().expect("Cargo.lock parses");
    let locked = locked_version(&lock, "wasm-bindgen");
    assert_eq!(
        flags["wasm-bindgen-cli"].as_str().unwrap(),
        locked,
        "wasm-pack.toml's wasm-bindgen-cli must equal Cargo.lock's wasm-bindgen"
    );

    let manifest: toml::Table = read("Cargo.toml").parse().expect("Cargo.toml parses");
    let wasm_deps = &manifest["target"]["cfg(target_arch = \"wasm32\")"]["dependencies"];
    assert_eq!(
        wasm_deps["wasm-bindgen"].as_str(),
        Some(format!("={locked}").as_str()),
        "Cargo.toml must pin wasm-bindgen exactly"
    );
}

#[test]
fn every_flat_key_is_readable_by_the_shell_scripts() {
    // scripts/*.sh read keys with sed, so each value must sit on one line in double quotes.
    for line in read("wasm-pack.toml").lines().filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty()) {
        let (key, value) = line.split_once('=').unwrap_or_else(|| panic!("wasm-pack.toml: not key = value: {line:?}"));
        assert!(!key.trim().is_empty() && value.trim_start().starts_with('"'), "wasm-pack.toml: {line:?}");
    }
}
