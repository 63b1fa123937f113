// The accessibility gate's browser run (started by generator/a11y/browser.py; reads its plan as JSON on stdin).
//
// Each page is loaded once, in one shared Debian Chromium, a few pages at a time. On that one load:
// - pa11y's own runners: axe (WCAG2AA plus the WCAG 2.2 `target-size` rule, and axe's "moderate" findings),
//   htmlcs (WCAG2AA; htmlcs rejects a page when given the axe rule, so it runs on its own), and on the sample pages htmlcs at
//   WCAG2AAA (for information);
// - at 1280px and at 320px wide: screenshots, sideways scrolling (320px), 44px targets, 18px text,
//   WCAG 1.4.12 text spacing, and a keyboard walk (keyboard.mjs);
// - any request to another host is blocked and reported.
// Sample pages are loaded again with the device set to dark colours for a second axe pass, and with
// JavaScript off, to check that the main text shows and the menu can still be reached.
// It prints one JSON line per page as soon as the page is done, then a last line with the tool versions.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { cssPath, sidewaysOverflow, smallTargets, smallText, textSpacing } from "./in_page.mjs";
import { keyboardWalk } from "./keyboard.mjs";
import { noScriptMenu } from "./no_script.mjs";

const plan = JSON.parse(readFileSync(0, "utf8"));
// Node packages come from the project's node_modules (plan.root), not from beside this file.
const require = createRequire(path.join(plan.root, "package.json"));
const puppeteer = require("puppeteer");
const pa11y = require("pa11y");
const origin = new URL(plan.base).origin;
const PASSES = [
  { name: "axe", runners: ["axe"], standard: "WCAG2AA", rules: ["target-size"], includeWarnings: true },
  { name: "htmlcs", runners: ["htmlcs"], standard: "WCAG2AA" },
];
// For information only, on the sample pages: the theme decides most of it, and every page costs time.
const AAA = { name: "htmlcs-aaa", runners: ["htmlcs"], standard: "WCAG2AAA" };
const SPACING = "*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important;" +
  " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";

const DEBUG = !!process.env.A11Y_DEBUG;
function lap(label, since) {
  if (DEBUG) process.stderr.write(`${label} ${Date.now() - since}ms\n`);
  return Date.now();
}

function emit(line) {
  process.stdout.write(JSON.stringify(line) + "\n");
}

async function runPass(browser, tab, pass) {
  const result = await pa11y(tab.url(), {
    browser, page: tab, ignoreUrl: true, runners: pass.runners, standard: pass.standard, rules: pass.rules || [],
    includeWarnings: !!pass.includeWarnings, timeout: plan.timeout_ms, viewport: { width: 1280, height: 900 },
  });
  return result.issues.map((issue) => ({ ...issue, pass: pass.name }));
}

async function settle(tab) {
  await tab.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

// What a person sees at one width, before anything on the page is pressed or focused.
async function lookAt(tab, item, width, problems, shots) {
  await tab.setViewport({ width, height: 900 });
  await settle(tab);
  if (item.shots) {
    const file = path.join(plan.out, `${item.shots}-${width}.png`);
    await tab.screenshot({ path: file, fullPage: true });
    shots.push(file);
  }
  const add = (check) => (list) => { for (const p of list) problems.push({ check, width, ...p }); };
  if (width <= 320) add("reflow")(await tab.evaluate(sidewaysOverflow));
  add("targets")(await tab.evaluate(smallTargets));
  add("text-size")(await tab.evaluate(smallText));
  await tab.evaluate(textSpacing, "before");
  const style = await tab.addStyleTag({ content: SPACING });
  await settle(tab);
  add("text-spacing")(await tab.evaluate(textSpacing, "after"));
  await style.evaluate((node) => node.remove());
  await settle(tab);
}

// The keyboard walk at one width. Walking changes the page (the theme may open its search or a menu when
// they get focus), so each walk after the first starts from a fresh load.
async function walkAt(tab, width, fresh, problems) {
  if (fresh) await tab.reload({ waitUntil: "load", timeout: plan.timeout_ms });
  await tab.setViewport({ width, height: 900 });
  await settle(tab);
  for (const p of await keyboardWalk(tab)) problems.push({ check: `keyboard-${width}`, width, ...p });
}

// The device set to dark colours, in a fresh context: the theme stores the scheme it chose on the first load.
async function darkPass(browser, item, light, problems) {
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await tab.emulateMediaFeatures([{ name: "prefers-color-scheme", value: "dark" }]);
    await tab.setViewport({ width: 1280, height: 900 });
    await tab.goto(plan.base + item.page, { waitUntil: "load", timeout: plan.timeout_ms });
    const dark = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
    if (dark === light) {
      problems.push({ check: "dark", rule: "dark-scheme", selector: "html > body",
        message: `with the device set to dark colours the page keeps its light background (${light})` });
    }
    return await runPass(browser, tab, { ...PASSES[0], name: "axe-dark" });
  } finally {
    await context.close();
  }
}

async function checkPage(browser, context, item) {
  const started = Date.now();
  const problems = [];
  const shots = [];
  const tab = await context.newPage();
  try {
    await tab.evaluateOnNewDocument(`window.__a11yCssPath = ${cssPath.toString()};`);
    await tab.setRequestInterception(true);
    const asked = new Set(); // each other host's file once, though the page loads more than once
    const onRequest = (request) => {
      const url = request.url();
      if (/^(data|blob|about):/.test(url) || new URL(url).origin === origin) return request.continue();
      if (!asked.has(url)) {
        asked.add(url);
        problems.push({ check: "other-host", rule: "other-host", selector: "(the whole page)", message: `asked another host for ${url}` });
      }
      return request.abort();
    };
    tab.on("request", onRequest);
    // pa11y's clean-up calls `page.off("request", undefined)`, which drops every request listener, and with
    // interception on, a request nobody answers hangs for ever: listen again after each pa11y run.
    const listen = () => { tab.off("request", onRequest); tab.on("request", onRequest); };
    await tab.setViewport({ width: 1280, height: 900 });
    const response = await tab.goto(plan.base + item.page, { waitUntil: "load", timeout: plan.timeout_ms });
    if (!response || (response.status() >= 400 && !item.page.endsWith("404.html"))) {
      throw new Error(`could not be opened (HTTP ${response ? response.status() : "no answer"})`);
    }
    let t = lap(`${item.page} load`, started);
    const light = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const issues = [];
    for (const pass of item.dark ? [...PASSES, AAA] : PASSES) {
      issues.push(...(await runPass(browser, tab, pass)));
      listen();
      t = lap(`  ${pass.name}`, t);
    }
    for (const width of plan.widths) { await lookAt(tab, item, width, problems, shots); t = lap(`  look ${width}`, t); }
    for (const [index, width] of [...plan.widths].reverse().entries()) {
      await walkAt(tab, width, index > 0, problems);
      t = lap(`  walk ${width}`, t);
    }
    if (item.dark) {
      issues.push(...(await darkPass(browser, item, light, problems)));
      t = lap("  dark", t);
    }
    if (item.no_script) {
      for (const p of await noScriptMenu(browser, plan, item.page)) problems.push({ check: "no-js", width: 320, ...p });
      lap("  no-js", t);
    }
    return { page: item.page, issues, problems, screenshots: shots, seconds: (Date.now() - started) / 1000 };
  } finally {
    await tab.evaluate(() => { try { localStorage.clear(); sessionStorage.clear(); } catch { /* opaque origin */ } }).catch(() => {});
    await tab.close().catch(() => {});
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000}s`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const browser = await puppeteer.launch({ executablePath: plan.chromium, args: plan.args, headless: true });
try {
  mkdirSync(plan.out, { recursive: true });
  const queue = [...plan.pages];
  const worker = async () => {
    // One browser context per worker: pages share the cached CSS and JavaScript, and storage is cleared after each.
    const context = await browser.createBrowserContext();
    for (let item = queue.shift(); item; item = queue.shift()) {
      try {
        emit(await withTimeout(checkPage(browser, context, item), plan.timeout_ms * 2, `checking ${item.page}`));
      } catch (error) {
        emit({ page: item.page, crashed: String(error && error.message ? error.message : error) });
      }
    }
    await context.close();
  };
  await Promise.all(Array.from({ length: Math.max(1, plan.concurrency) }, worker));
  const version = (name) => { try { return require(`${name}/package.json`).version; } catch { return "unknown"; } };
  emit({ done: true, versions: { chromium: await browser.version(), pa11y: version("pa11y"), "axe-core": version("axe-core"),
    html_codesniffer: version("@pa11y/html_codesniffer"), puppeteer: version("puppeteer") } });
} finally {
  await browser.close();
}
