// axe and HTML_CodeSniffer through pa11y's own in-page runner, both injected into the page in one go.
//
// pa11y() itself navigates (or not), sets the viewport, injects its runner and one tool's script, and runs
// that tool; called once per tool, it pays all of that again. Here the same scripts (pa11y's `lib/runner.js`
// and each runner's own files, as pa11y bundles them) go into the page once per load, and every pass is one
// call of `window.__pa11y.run` with the options pa11y would give it, so the findings are pa11y's own.
import { readFileSync } from "node:fs";
import path from "node:path";

export const PASSES = [
  // axe's "moderate" findings are pa11y warnings: included. `target-size` is WCAG 2.2 (2.5.8), off in WCAG2AA.
  { name: "axe", runners: ["axe"], standard: "WCAG2AA", rules: ["target-size"], includeWarnings: true },
  // htmlcs rejects a page when given the axe rule, so it is a pass of its own.
  { name: "htmlcs", runners: ["htmlcs"], standard: "WCAG2AA" },
];
// For information only, on the sample pages: the theme decides most of it, and every page costs time.
export const AAA = { name: "htmlcs-aaa", runners: ["htmlcs"], standard: "WCAG2AAA" };

// The scripts, read once per run: pa11y's runner, then each tool's files and its `run`, as pa11y's
// `injectRunners` builds them.
export function auditScript(require) {
  const folder = path.dirname(require.resolve("pa11y/package.json"));
  const parts = [readFileSync(path.join(folder, "lib", "runner.js"), "utf8")];
  for (const name of ["axe", "htmlcs"]) {
    const { scripts, run } = require(path.join(folder, "lib", "runners", `${name}.js`));
    const bundle = scripts.map((script) => readFileSync(script, "utf8")).join("\n\n");
    parts.push(`;${bundle};\n;window.__pa11y.runners[${JSON.stringify(name)}] = ${run.toString()};`);
  }
  return { source: parts.join("\n"), version: require("pa11y/package.json").version };
}

// What pa11y's `runPa11yWithOptions` hands to the page for one pass, with pa11y's defaults.
function runOptions(pass, version) {
  return {
    pa11yVersion: version, hideElements: null, rootElement: null, levelCapWhenNeedsReview: "error", wait: 0,
    ignore: pass.includeWarnings ? ["notice"] : ["notice", "warning"],
    rules: pass.rules || [], runners: pass.runners, standard: pass.standard,
  };
}

// Every pass on the page as it is now; each issue is tagged with its pass. One script injection per load.
export async function audit(tab, script, passes) {
  await tab.evaluate(script.source);
  return tab.evaluate(async (all) => {
    const issues = [];
    for (const [name, options] of all) {
      for (const issue of (await window.__pa11y.run(options)).issues) issues.push({ ...issue, pass: name });
    }
    return issues;
  }, passes.map((pass) => [pass.name, runOptions(pass, script.version)]));
}
