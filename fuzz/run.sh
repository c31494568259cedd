#!/usr/bin/env bash
# Fuzzes `annotate` (fuzz_targets/annotate.rs) with libFuzzer for a bounded time, on the STABLE toolchain.
#   fuzz/run.sh [SECONDS]              default 600; the seed articles are the starting corpus
#   FUZZ_WITH=cargo-fuzz fuzz/run.sh   through `cargo fuzz run` (cargo install cargo-fuzz; it passes
#                                      nightly-only flags such as -Zsanitizer=address, which stable rustc
#                                      accepts with RUSTC_BOOTSTRAP=1)
# The default builds the target as cargo-fuzz does minus AddressSanitizer (the engine has no unsafe code):
# SanitizerCoverage is a stable codegen pass, and --target keeps the flags off build scripts.
# Findings go to fuzz/artifacts/annotate/, the log to fuzz/artifacts/run.log (both git-ignored).
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-600}
export PATH="$HOME/.cargo/bin:$PATH"
mkdir -p corpus/annotate artifacts/annotate
cp ../seeds/*/*.txt corpus/annotate/ 2>/dev/null || true
fuzz_args=(-max_total_time="$secs" -max_len=8192 -dict=annotate.dict -print_final_stats=1
  -artifact_prefix=artifacts/annotate/)
if [ "${FUZZ_WITH:-}" = cargo-fuzz ]; then
  RUSTC_BOOTSTRAP=1 cargo fuzz run annotate --debug-assertions -- "${fuzz_args[@]}" 2>&1 | tee artifacts/run.log | tail -n 25
  exit "${PIPESTATUS[0]}"
fi
host=$(rustc -vV | sed -n 's/^host: //p')
RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares --cfg fuzzing -Cdebug-assertions -Coverflow-checks" \
  cargo build --release --target "$host" --target-dir target/manual --bin annotate
"target/manual/$host/release/annotate" corpus/annotate "${fuzz_args[@]}" 2>&1 | tee artifacts/run.log | tail -n 25
exit "${PIPESTATUS[0]}"
