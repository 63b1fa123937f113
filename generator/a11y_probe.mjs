// The browser probe of the accessibility gate (run by generator/a11y.py; reads its plan as JSON on stdin).
//
// pa11y-ci checks rules inside one page at one size. This looks at what a person meets instead:
// - at 320px wide, nothing may scroll sideways (WCAG 1.4.10 reflow);
// - no page may ask any host but its own for anything (privacy, and the site must work offline);
// - buttons, form fields and navigation links are at least 44 by 44 pixels (WCAG 2.5.5);
// - every visible piece of text is at least 18px;
// - the main pages are photographed at each width, for a person to look at;
// - with JavaScript off, the main pages show their text and the small-screen menu opens (plan.no_script).
// The plan lists each visit: {page, width, reflow, screenshot}.
// It prints one JSON line: {"problems": [{"page", "problem"}], "screenshots": [...]}.
import { mkdirSync, readFileSync } from "node:fs";
import puppeteer from "puppeteer";

const plan = JSON.parse(readFileSync(0, "utf8"));
const origin = new URL(plan.base).origin;
const problems = [];
const screenshots = [];

// Links inside running text are exempt from the 44px rule (WCAG 2.5.5 "inline"); everything else must be big.
function smallTargets() {
  const targets = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [role=button], [tabindex]:not([tabindex='-1'])",
  );
  const toggles = new Set(["checkbox", "radio"]);
  const small = [];
  for (const element of targets) {
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.display === "none") continue;
    // A label is a target only when it works as a button, i.e. it ticks a checkbox or radio button.
    // A checkbox or radio button is measured together with its label: clicking either one ticks it.
    const control = element.tagName === "LABEL" ? element.control : null;
    if (element.tagName === "LABEL" && !(control && toggles.has(control.type))) continue;
    let box = element.getBoundingClientRect();
    if (element.tagName === "INPUT" && toggles.has(element.type) && element.labels && element.labels.length) {
      const label = [...element.labels].map((l) => l.getBoundingClientRect()).sort((a, b) => b.width * b.height - a.width * a.height)[0];
      if (label.width * label.height > box.width * box.height) box = label;
    }
    if (box.width === 0 && box.height === 0) continue;
    // An off-screen skip link is only a target once it is focused and shown.
    if (box.right <= 0 || box.bottom <= 0) continue;
    if (element.closest("[hidden], .md-search, .md-dialog, .md-tooltip2, .md-tooltip")) continue;
    const block = element.parentElement && element.parentElement.closest("p, li, td, th, dd, dt, figcaption, blockquote");
    if (style.display === "inline" && block) {
      const text = block.textContent.replace(element.textContent, "").trim();
      if (text.length > 0) continue;
    }
    if (box.width < 43.5 || box.height < 43.5) {
      const name = (element.getAttribute("aria-label") || element.textContent || element.getAttribute("name") || "").trim().slice(0, 40);
      small.push(`${element.tagName.toLowerCase()} "${name}" is ${Math.round(box.width)}×${Math.round(box.height)}px`);
    }
  }
  return small;
}

// Easy read needs big text: every visible piece of text is at least 18px (a hair less for rounding).
function smallText() {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element || seen.has(element)) continue;
    seen.add(element);
    if (element.closest("[hidden], script, style, noscript, .md-search, .ez-skip, svg")) continue;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
    const size = parseFloat(style.fontSize);
    if (size < 17.5) {
      const name = element.className && typeof element.className === "string" ? `.${element.className.split(" ")[0]}` : "";
      small.push(`text smaller than 18px: ${element.tagName.toLowerCase()}${name} "${node.textContent.trim().slice(0, 30)}" is ${size}px`);
      if (small.length >= 3) break;
    }
  }
  return small;
}

function sidewaysOverflow() {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const wide = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0) {
      const id = element.id ? `#${element.id}` : element.className && typeof element.className === "string" ? `.${element.className.split(" ")[0]}` : "";
      wide.push(`${element.tagName.toLowerCase()}${id}`);
      if (wide.length >= 3) break;
    }
  }
  return [`scrolls sideways at ${width}px wide (page is ${document.documentElement.scrollWidth}px): ${wide.join(", ")}`];
}

const browser = await puppeteer.launch({ executablePath: plan.chromium, args: plan.args, headless: true });
try {
  mkdirSync(plan.out, { recursive: true });
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  let current = "";
  await tab.setRequestInterception(true);
  tab.on("request", (request) => {
    const url = request.url();
    if (url.startsWith("data:") || url.startsWith("blob:") || url.startsWith("about:") || new URL(url).origin === origin) {
      request.continue();
    } else {
      problems.push({ page: current, problem: `asked another host for ${url}` });
      request.abort();
    }
  });
  for (const visit of plan.visits) {
    const { page, width } = visit;
    current = page;
    await tab.setViewport({ width, height: 900 });
    const response = await tab.goto(plan.base + page, { waitUntil: "load", timeout: 60000 });
    if (!response || (response.status() >= 400 && !page.endsWith("404.html"))) {
      problems.push({ page, problem: `could not be opened (HTTP ${response ? response.status() : "no answer"})` });
      continue;
    }
    if (visit.reflow) {
      for (const problem of await tab.evaluate(sidewaysOverflow)) problems.push({ page, problem });
    }
    for (const problem of await tab.evaluate(smallText)) problems.push({ page, problem: `${problem} at ${width}px wide` });
    for (const problem of await tab.evaluate(smallTargets)) {
      problems.push({ page, problem: `target smaller than 44×44px at ${width}px wide: ${problem}` });
    }
    if (visit.screenshot) {
      const name = (page.replace(/^\/|\/$/g, "").replace(/[^a-z0-9]+/gi, "-") || "home") + `-${width}.png`;
      await tab.screenshot({ path: `${plan.out}/${name}`, fullPage: true });
      screenshots.push(name);
    }
  }
  // Without JavaScript the page must still be read and its menu reached: open the small-screen menu (a CSS-only
  // checkbox and label) and check that its first link is on screen.
  for (const page of plan.no_script || []) {
    current = page;
    const plain = await context.newPage();
    await plain.setJavaScriptEnabled(false);
    await plain.emulateMediaFeatures([{ name: "prefers-reduced-motion", value: "reduce" }]);
    await plain.setViewport({ width: Math.min(...plan.visits.map((v) => v.width)), height: 900 });
    await plain.goto(plan.base + page, { waitUntil: "load", timeout: 60000 });
    const words = await plain.evaluate(() => (document.querySelector("main, [role=main], article") || document.body).innerText.trim().length);
    if (words === 0) problems.push({ page, problem: "without JavaScript the main content shows no text" });
    const menu = await plain.$('header label[for="__drawer"]');
    if (!menu) {
      problems.push({ page, problem: "without JavaScript there is no menu button (label for __drawer)" });
    } else {
      await menu.click().catch(() => problems.push({ page, problem: "without JavaScript the menu button cannot be pressed" }));
      await new Promise((resolve) => setTimeout(resolve, 300));
      // The links to other pages must be on screen (the current page's own link makes way for its contents).
      const shown = await plain.evaluate(() => {
        const links = [...document.querySelectorAll(".md-nav--primary .md-nav__list .md-nav__link[href]")]
          .filter((link) => !link.getAttribute("href").startsWith("#") && !link.classList.contains("md-nav__link--active"));
        return links.length > 0 && links.every((link) => {
          const box = link.getBoundingClientRect();
          return box.width > 0 && box.left >= 0 && box.right <= window.innerWidth && getComputedStyle(link).visibility !== "hidden";
        });
      });
      if (!shown) problems.push({ page, problem: "without JavaScript the menu button does not show the menu's links" });
    }
    await plain.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ problems, screenshots }));
