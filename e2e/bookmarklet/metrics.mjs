// Token-level comparison of an extracted region with Readability's expected article text.

/** Lower-cased word tokens (letters and digits, any script). */
export function tokens(text) {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function counts(list) {
  const m = new Map();
  for (const t of list) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/**
 * coverage = share of the expected tokens found in the region (multiset intersection);
 * extra = share of the region's tokens not in the expected text.
 */
export function compare(expectedText, regionText) {
  const exp = tokens(expectedText);
  const reg = tokens(regionText);
  const e = counts(exp);
  let common = 0;
  for (const [t, n] of counts(reg)) common += Math.min(n, e.get(t) ?? 0);
  return {
    expectedTokens: exp.length,
    regionTokens: reg.length,
    coverage: exp.length ? common / exp.length : reg.length ? 0 : 1,
    extra: reg.length ? (reg.length - common) / reg.length : 0,
  };
}
