// Kept for e2e/measure-extract.mjs, which imports it from here: the harness is e2e/harness.mjs.
export * from "../harness.mjs";
