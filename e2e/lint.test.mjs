// Lints the site's JavaScript (www/, not the generated www/pkg/) with eslint-plugin-no-unsanitized, as
// Readability does: no innerHTML / outerHTML / insertAdjacentHTML / document.write with anything but
// literals. Text reaches the page through textContent only.
import { test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import noUnsanitized from "eslint-plugin-no-unsanitized";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

test("www/ has no unsanitized DOM writes, unused variables or unreachable code", async () => {
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [
      { ignores: ["www/pkg/**"] },
      {
        files: ["www/**/*.js", "www/**/*.mjs"],
        languageOptions: { ecmaVersion: 2024, sourceType: "module" },
        plugins: { "no-unsanitized": noUnsanitized },
        rules: {
          "no-unsanitized/method": "error",
          "no-unsanitized/property": "error",
          "no-unused-vars": ["error", { args: "none" }],
          "no-unreachable": "error",
          "no-implied-eval": "error",
          "no-eval": "error",
        },
      },
    ],
  });
  const results = await eslint.lintFiles(["www/**/*.js"]);
  assert.ok(results.length >= 5, `linted ${results.length} files`);
  const problems = results.flatMap((r) =>
    r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line}:${m.column} ${m.ruleId || "parse"}: ${m.message}`));
  assert.deepEqual(problems, []);
});
