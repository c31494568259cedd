# python3 retained.py DOMINATORS.csv [MIN=4000]: from `twiggy dominators -f csv FILE.wasm`, every function
# retaining at least MIN bytes (what would go if it went: itself, inlined generics, callees only it reaches),
# with its immediate dominator. Run on rustc's output (before wasm-opt), whose functions are less merged.
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1]))); by_id = {r['Id']: r for r in rows}
least = int(sys.argv[2]) if len(sys.argv) > 2 else 4000
print("| retained | function | dominated by |\n|---:|---|---|")
for r in sorted(rows, key=lambda r: -int(r['RetainedSize'] or 0)):
    if int(r['RetainedSize'] or 0) >= least:
        print(f"| {r['RetainedSize']} | {r['Name'][:90]} | {by_id.get(r['ImmediateDominator'], {}).get('Name', '')[:60]} |")
