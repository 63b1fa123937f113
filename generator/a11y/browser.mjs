// The accessibility gate's browser run (started by generator/a11y/browser.py; reads its plan as JSON on stdin).
//
// Each worker keeps one tab and loads its pages in it one after another, so the renderer process and the
// theme's cached files are kept from page to page. On one load of a page:
// - axe and htmlcs, injected once (audit.mjs): axe at WCAG2AA plus the WCAG 2.2 `target-size` rule and axe's
//   "moderate" findings, htmlcs at WCAG2AA, and on the sample pages htmlcs at WCAG2AAA (for information);
// - at 1280px and at 320px wide: screenshots, sideways scrolling (320px), 44px targets, 18px text,
//   WCAG 1.4.12 text spacing, and a keyboard walk (keyboard.mjs);
// - any request to another host is reported (and Chromium's resolver, set in settings.py, sends it nowhere).
// Sample pages are loaded again with the device set to dark colours for a second axe pass, and with
// JavaScript off, to check that the main text shows and the menu can still be reached.
// It prints one JSON line per page as soon as the page is done, then a last line with the tool versions.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { AAA, PASSES, audit, auditScript } from "./audit.mjs";
import { cssPath, pageState, sidewaysOverflow, smallTargets, smallText, textSpacing } from "./in_page.mjs";
import { keyboardWalk } from "./keyboard.mjs";
import { noScriptMenu } from "./no_script.mjs";

const plan = JSON.parse(readFileSync(0, "utf8"));
// Node packages come from the project's node_modules (plan.root), not from beside this file.
const require = createRequire(path.join(plan.root, "package.json"));
const puppeteer = require("puppeteer");
const script = auditScript(require);
const origin = new URL(plan.base).origin;
const SPACING = "*, *::before, *::after { line-height: 1.5 !important; letter-spacing: 0.12em !important;" +
  " word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";

// A11Y_DEBUG=1: how long each step took, and (with one job) the CPU time Chromium spent on it.
const DEBUG = !!process.env.A11Y_DEBUG;
let cpuProbe = null;
async function chromiumCpu() {
  const cpu = { all: 0, browser: 0 };
  if (!cpuProbe) return cpu;
  for (const one of (await cpuProbe.send("SystemInfo.getProcessInfo")).processInfo) {
    cpu.all += one.cpuTime;
    if (one.type === "browser") cpu.browser += one.cpuTime;
  }
  return cpu;
}
async function lap(label, since) {
  if (!DEBUG) return since;
  const now = { wall: Date.now(), cpu: await chromiumCpu() };
  if (since) {
    const ms = (key) => Math.round((now.cpu[key] - since.cpu[key]) * 1000);
    const cpu = cpuProbe ? ` cpu ${ms("all")}ms (browser process ${ms("browser")}ms)` : "";
    process.stderr.write(`${label} ${now.wall - since.wall}ms${cpu}\n`);
  }
  return now;
}

function emit(line) {
  process.stdout.write(JSON.stringify(line) + "\n");
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
  // No settle here: whatever comes next sets the width and settles first.
}

// The keyboard walk at one width. Walking may change the page (the theme may open its search or a menu when
// they get focus): a walk after the first starts from a fresh load unless the page is exactly as it was
// before the first walk (its HTML, form fields, storage, style sheets, scroll position: `pageState`).
async function walkAt(tab, width, untouched, problems) {
  let reloaded = false;
  if (untouched !== null && (await tab.evaluate(pageState)) !== untouched) {
    await tab.reload({ waitUntil: "load", timeout: plan.timeout_ms });
    reloaded = true;
  }
  await tab.setViewport({ width, height: 900 });
  await settle(tab);
  for (const p of await keyboardWalk(tab)) problems.push({ check: `keyboard-${width}`, width, ...p });
  return reloaded;
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
    return await audit(tab, script, [{ ...PASSES[0], name: "axe-dark" }]);
  } finally {
    await context.close();
  }
}

// A worker's tab. Requests to other hosts are reported against the page being checked (`worker.page`).
async function openTab(context, worker) {
  const tab = await context.newPage();
  await tab.evaluateOnNewDocument(`window.__a11yCssPath = ${cssPath.toString()};`);
  tab.on("request", (request) => {
    const url = request.url();
    const page = worker.page;
    if (!page || /^(data|blob|about):/.test(url) || new URL(url).origin === origin || page.asked.has(url)) return;
    page.asked.add(url); // each other host's file once, though the page loads more than once
    page.problems.push({ check: "other-host", rule: "other-host", selector: "(the whole page)", message: `asked another host for ${url}` });
  });
  return tab;
}

async function checkPage(browser, worker, item) {
  let t = await lap("", null);
  const started = Date.now();
  const problems = [];
  const shots = [];
  const tab = worker.tab;
  const mine = { asked: new Set(), problems };
  worker.page = mine;
  try {
    await tab.setViewport({ width: 1280, height: 900 });
    const response = await tab.goto(plan.base + item.page, { waitUntil: "load", timeout: plan.timeout_ms });
    if (!response || (response.status() >= 400 && !item.page.endsWith("404.html"))) {
      throw new Error(`could not be opened (HTTP ${response ? response.status() : "no answer"})`);
    }
    t = await lap(`${item.page} load`, t);
    const light = await tab.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const issues = await audit(tab, script, item.dark ? [...PASSES, AAA] : PASSES);
    t = await lap("  axe+htmlcs", t);
    for (const width of plan.widths) { await lookAt(tab, item, width, problems, shots); t = await lap(`  look ${width}`, t); }
    let untouched = null;
    for (const width of [...plan.widths].reverse()) {
      const before = untouched === null ? await tab.evaluate(pageState) : null;
      const reloaded = await walkAt(tab, width, untouched, problems);
      untouched = before ?? untouched;
      t = await lap(`  walk ${width}${reloaded ? " (reloaded)" : ""}`, t);
    }
    if (item.dark) {
      issues.push(...(await darkPass(browser, item, light, problems)));
      t = await lap("  dark", t);
    }
    if (item.no_script) {
      for (const p of await noScriptMenu(browser, plan, item.page)) problems.push({ check: "no-js", width: 320, ...p });
      await lap("  no-js", t);
    }
    return { page: item.page, issues, problems, screenshots: shots, seconds: (Date.now() - started) / 1000 };
  } finally {
    if (worker.page === mine) worker.page = null; // a page that timed out must not clear the next one's
    await tab.evaluate(() => { try { localStorage.clear(); sessionStorage.clear(); } catch { /* opaque origin */ } }).catch(() => {});
  }
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} took more than ${ms / 1000}s`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Debian's chromium-headless-shell is the same Blink without the browser's windows: puppeteer calls it "shell".
const headless = path.basename(plan.chromium).includes("headless-shell") ? "shell" : true;
const browser = await puppeteer.launch({ executablePath: plan.chromium, args: plan.args, headless });
try {
  mkdirSync(plan.out, { recursive: true });
  if (DEBUG && plan.concurrency === 1) cpuProbe = await browser.target().createCDPSession();
  const queue = [...plan.pages];
  const run = async () => {
    // One browser context and one tab per worker: pages share the cached CSS and JavaScript, and storage is
    // cleared after each. A page that failed leaves its tab in an unknown state: the next page gets a new one.
    const context = await browser.createBrowserContext();
    const worker = { page: null, tab: null };
    for (let item = queue.shift(); item; item = queue.shift()) {
      try {
        worker.tab = worker.tab || (await openTab(context, worker));
        emit(await withTimeout(checkPage(browser, worker, item), plan.timeout_ms * 2, `checking ${item.page}`));
      } catch (error) {
        emit({ page: item.page, crashed: String(error && error.message ? error.message : error) });
        const broken = worker.tab;
        worker.tab = null;
        if (broken) await broken.close().catch(() => {});
      }
    }
    await context.close();
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(plan.concurrency, plan.pages.length)) }, run));
  const version = (name) => { try { return require(`${name}/package.json`).version; } catch { return "unknown"; } };
  emit({ done: true, versions: { chromium: await browser.version(), pa11y: version("pa11y"), "axe-core": version("axe-core"),
    html_codesniffer: version("@pa11y/html_codesniffer"), puppeteer: version("puppeteer") } });
} finally {
  await browser.close();
}
