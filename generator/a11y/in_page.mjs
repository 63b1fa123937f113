// Checks that run inside the page (passed to puppeteer's page.evaluate, so each function must stand alone).
// Each returns a list of {rule, selector, message} problems; browser.mjs adds the page and the width.

// A short CSS path for the report, like `html > body > header > nav > a:nth-child(2)`.
export function cssPath(element) {
  const parts = [];
  for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
    if (node.id && /^[A-Za-z][\w-]*$/.test(node.id)) { parts.unshift(`${node.tagName.toLowerCase()}#${node.id}`); break; }
    const parent = node.parentElement;
    let part = node.tagName.toLowerCase();
    if (parent) {
      const same = [...parent.children].filter((child) => child.tagName === node.tagName);
      if (same.length > 1) part += `:nth-child(${[...parent.children].indexOf(node) + 1})`;
    }
    parts.unshift(part);
  }
  return parts.join(" > ");
}

// Buttons, form fields and navigation links are at least 44 by 44 pixels (WCAG 2.5.5); links inside running
// text are exempt ("inline"). A checkbox or radio button is measured together with its label.
export function smallTargets() {
  const path = window.__a11yCssPath;
  const targets = document.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [role=button], [tabindex]:not([tabindex='-1'])",
  );
  const toggles = new Set(["checkbox", "radio"]);
  const small = [];
  for (const element of targets) {
    const style = getComputedStyle(element);
    if (style.visibility === "hidden" || style.display === "none") continue;
    const control = element.tagName === "LABEL" ? element.control : null;
    if (element.tagName === "LABEL" && !(control && toggles.has(control.type))) continue;
    let box = element.getBoundingClientRect();
    if (element.tagName === "INPUT" && toggles.has(element.type) && element.labels && element.labels.length) {
      const label = [...element.labels].map((l) => l.getBoundingClientRect()).sort((a, b) => b.width * b.height - a.width * a.height)[0];
      if (label.width * label.height > box.width * box.height) box = label;
    }
    if (box.width === 0 && box.height === 0) continue;
    if (box.right <= 0 || box.bottom <= 0) continue; // an off-screen skip link is a target only once shown
    if (element.closest("[hidden], .md-search, .md-dialog, .md-tooltip2, .md-tooltip")) continue;
    const block = element.parentElement && element.parentElement.closest("p, li, td, th, dd, dt, figcaption, blockquote");
    if (style.display === "inline" && block && block.textContent.replace(element.textContent, "").trim().length > 0) continue;
    if (box.width < 43.5 || box.height < 43.5) {
      const name = (element.getAttribute("aria-label") || element.textContent || element.getAttribute("name") || "").trim().slice(0, 40);
      small.push({ rule: "target-44px", selector: path(element),
        message: `${element.tagName.toLowerCase()} "${name}" is ${Math.round(box.width)}×${Math.round(box.height)}px` });
    }
  }
  return small;
}

// Easy read needs big text: every visible piece of text is at least 18px (a hair less for rounding).
export function smallText() {
  const path = window.__a11yCssPath;
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const seen = new Set();
  for (let node = walker.nextNode(); node && small.length < 3; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element || seen.has(element)) continue;
    seen.add(element);
    if (element.closest("[hidden], script, style, noscript, .md-search, .ez-skip, svg")) continue;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (box.width === 0 || box.height === 0 || style.visibility === "hidden") continue;
    const size = parseFloat(style.fontSize);
    if (size < 17.5) {
      small.push({ rule: "text-18px", selector: path(element),
        message: `"${node.textContent.trim().slice(0, 30)}" is ${size}px` });
    }
  }
  return small;
}

// WCAG 1.4.10: at 320px nothing may scroll sideways.
export function sidewaysOverflow() {
  const path = window.__a11yCssPath;
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  const wide = [...document.body.querySelectorAll("*")]
    .filter((element) => { const box = element.getBoundingClientRect(); return box.right > width + 1 && box.width > 0; })
    .filter((element, _, all) => !all.some((other) => other !== element && other.contains(element)))
    .slice(0, 3);
  return wide.map((element) => ({ rule: "reflow-320px", selector: path(element),
    message: `the page scrolls sideways (it is ${document.documentElement.scrollWidth}px wide)` }));
}

// WCAG 1.4.12 text spacing: with the spacing people may set themselves, no text may be cut off or spill out
// of a box of fixed size over other text. Only boxes that were fine before the spacing are blamed.
export function textSpacing(phase) {
  const path = window.__a11yCssPath;
  const hasText = (element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim());
  const measure = () => {
    const state = new Map();
    for (const element of document.body.querySelectorAll("*")) {
      const style = getComputedStyle(element);
      if (style.display === "none" || style.visibility === "hidden") continue;
      const clips = style.overflowX !== "visible" || style.overflowY !== "visible" || style.textOverflow === "ellipsis";
      if (!(clips ? element.textContent.trim() : hasText(element))) continue;
      const box = element.getBoundingClientRect();
      if (box.width < 2 || box.height < 2) continue; // visually hidden text (1px boxes) is clipped on purpose
      const x = element.scrollWidth > element.clientWidth + 1;
      const y = element.scrollHeight > element.clientHeight + 1;
      state.set(element, { x, y, style: style.overflowX + " " + style.overflowY + " " + style.textOverflow,
        height: element.clientHeight, spill: element.scrollHeight - element.clientHeight, font: parseFloat(style.fontSize) });
    }
    return state;
  };
  if (phase === "before") { window.__a11yBefore = measure(); return []; }
  const before = window.__a11yBefore || new Map();
  const problems = [];
  for (const [element, after] of measure()) {
    const was = before.get(element);
    if (!was || !(after.x || after.y) || (was.x && after.x) || (was.y && after.y && !after.x)) continue;
    const [overflowX, overflowY, ellipsis] = after.style.split(" ");
    const hidden = (value) => value === "hidden" || value === "clip";
    const clipped = (after.x && hidden(overflowX)) || (after.y && hidden(overflowY)) || ellipsis === "ellipsis";
    // Spilling: a box that did not grow with its text, which now runs out of it by more than part of a line
    // (an inline link's padding reaching past a tighter line is not text running over other text).
    const spills = !clipped && hasText(element) && after.y && overflowY === "visible" && after.height > 0 &&
      after.height <= was.height && after.spill > 0.75 * after.font;
    if (!clipped && !spills) continue;
    if (problems.some((problem) => problem.element.contains(element))) continue;
    problems.push({ element, rule: "text-spacing", selector: path(element),
      message: `"${element.textContent.trim().replace(/\s+/g, " ").slice(0, 40)}" is ${clipped ? "cut off" : "spilling out of its box"} when text spacing is increased` });
    if (problems.length >= 5) break;
  }
  return problems.map(({ rule, selector, message }) => ({ rule, selector, message }));
}

// The keyboard walk, inside the page: a focus listener looks at every stop as the Tab key reaches it, so the
// walk needs no round trip per stop. `window.__a11yWalk` holds the stops and whether the walk is over.
export function installWalk() {
  const path = window.__a11yCssPath;
  const walk = { stops: [], done: "", busy: false };
  window.__a11yWalk = walk;
  window.__a11yReached = new Set();
  const look = (node) => {
    const s = getComputedStyle(node);
    const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 ? `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}` : "none";
    return [outline, s.boxShadow, s.backgroundColor, s.color, s.borderTopColor, s.borderBottomColor, s.borderBottomWidth,
      s.textDecorationLine, s.textDecorationThickness, getComputedStyle(node, "::after").boxShadow,
      getComputedStyle(node, "::after").outlineStyle, getComputedStyle(node, "::before").backgroundColor].join("|");
  };
  const inspect = (element) => {
    const name = (element.getAttribute("aria-label") || element.innerText || element.value || element.getAttribute("title") || "").trim().slice(0, 40);
    const stop = { selector: path(element), tag: element.tagName.toLowerCase(), name, href: element.getAttribute("href"),
      expanded: element.getAttribute("aria-expanded"), pressed: element.getAttribute("aria-pressed"), problems: [] };
    if (element.tagName === "A" && stop.href && stop.href.startsWith("#") && stop.href.length > 1) {
      stop.skipTargetExists = !!document.getElementById(decodeURIComponent(stop.href.slice(1)));
    }
    element.scrollIntoView({ block: "nearest", inline: "nearest" });
    const box = element.getBoundingClientRect();
    let why = "";
    if (box.width < 2 || box.height < 2) why = `it is ${Math.round(box.width)}×${Math.round(box.height)}px`;
    else if (box.right <= 0 || box.bottom <= 0 || box.left >= innerWidth || box.top >= innerHeight) why = "it is outside the screen";
    for (let node = element; !why && node && node !== document.body && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.visibility === "hidden") why = "it is hidden (visibility: hidden)";
      else if (parseFloat(style.opacity) === 0) why = "it is see-through (opacity 0)";
      else if (node !== element && style.overflow !== "visible") {
        const outer = node.getBoundingClientRect();
        if (box.right <= outer.left || box.left >= outer.right || box.bottom <= outer.top || box.top >= outer.bottom) {
          why = `it is cut off by ${path(node)}`;
        }
      }
    }
    if (why) stop.problems.push({ rule: "focus-visible", message: `the Tab key stops on ${stop.tag} "${name}", but ${why}` });
    // A visible focus indicator: the focused look (this element or its parent) must differ from the unfocused one.
    const parent = element.parentElement;
    const focused = look(element) + (parent ? look(parent) : "");
    element.blur();
    const unfocused = look(element) + (parent ? look(parent) : "");
    element.focus({ preventScroll: true, focusVisible: true });
    if (!why && focused === unfocused) {
      stop.problems.push({ rule: "focus-indicator", message: `${stop.tag} "${name}" looks the same with and without keyboard focus` });
    }
    return stop;
  };
  walk.listener = (event) => {
    const element = event.target;
    if (walk.busy || walk.done || !(element instanceof Element) || element.id === "a11y-walk-start") return;
    walk.busy = true;
    try {
      if (walk.stops.length > 0 && element === walk.first) walk.done = "looped";
      else if (window.__a11yReached.has(element)) { walk.done = "trap"; walk.trappedAt = { selector: path(element), tag: element.tagName.toLowerCase() }; }
      else {
        if (walk.stops.length === 0) walk.first = element;
        window.__a11yReached.add(element);
        walk.stops.push(inspect(element));
      }
    } finally {
      walk.busy = false;
    }
  };
  document.addEventListener("focusin", walk.listener, true);
  // Start from the top: focus a temporary, untabbable marker that is the first thing in the body.
  if (document.activeElement) document.activeElement.blur();
  window.scrollTo(0, 0);
  const start = document.createElement("span");
  start.tabIndex = -1;
  start.id = "a11y-walk-start";
  document.body.prepend(start);
  start.focus();
  return document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex], [contenteditable]").length + 20;
}

// Where the walk stands: over when it looped, found a trap, or focus left the page (nothing focused).
export function walkState() {
  const walk = window.__a11yWalk;
  const active = document.activeElement;
  const out = !active || active === document.body || active === document.documentElement;
  if (!walk.done && out && walk.stops.length > 0) walk.done = "ended";
  return { done: walk.done, count: walk.stops.length };
}

export function finishWalk() {
  const walk = window.__a11yWalk;
  document.removeEventListener("focusin", walk.listener, true);
  const start = document.getElementById("a11y-walk-start");
  if (start) start.remove();
  if (document.activeElement) document.activeElement.blur();
  window.scrollTo(0, 0);
  const stops = walk.stops.map(({ problems, ...rest }) => ({ ...rest, problems }));
  return { stops, done: walk.done, trappedAt: walk.trappedAt || null };
}

// Controls a person can see but the Tab key never reached (one radio button per group is enough).
export function unreachedControls() {
  const path = window.__a11yCssPath;
  const reached = window.__a11yReached || new Set();
  const groups = new Set([...reached].filter((e) => e.type === "radio" && e.name).map((e) => `${e.form ? "f" : ""}${e.name}`));
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=link], " +
    "[role=checkbox], [role=switch], [role=tab], [role=menuitem], [tabindex]:not([tabindex='-1'])";
  const problems = [];
  for (const element of document.querySelectorAll(selector)) {
    if (reached.has(element) || element.disabled || element.closest("[inert], [hidden]")) continue;
    // Inside a closed <details> only the summary is shown; the rest is not on screen, whatever its box says.
    const folded = element.closest("details");
    if (folded && !folded.open && !element.closest("summary")) continue;
    if (element.checkVisibility && !element.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
    if (element.type === "radio" && groups.has(`${element.form ? "f" : ""}${element.name}`)) continue;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (box.width < 2 || box.height < 2 || style.visibility === "hidden") continue;
    const left = box.left + scrollX;
    if (left + box.width <= 0 || left >= document.documentElement.scrollWidth) continue; // off-screen: not shown
    const name = (element.getAttribute("aria-label") || element.innerText || element.getAttribute("title") || "").trim().slice(0, 40);
    problems.push({ rule: "keyboard-reach", selector: path(element),
      message: `${element.tagName.toLowerCase()} "${name}" is on screen but the Tab key never reaches it` });
    if (problems.length >= 5) break;
  }
  return problems;
}

// Toggle buttons: a menu button is `button[aria-expanded][aria-controls]`, a switch is `button[aria-pressed]`.
export function toggleState(selector) {
  const element = document.querySelector(selector);
  if (!element) return null;
  const controls = element.getAttribute("aria-controls");
  const target = controls ? document.getElementById(controls) : null;
  let shown = false;
  if (target) {
    const box = target.getBoundingClientRect();
    const style = getComputedStyle(target);
    shown = box.width > 1 && box.height > 1 && style.visibility !== "hidden" && box.right > 0 && box.left < innerWidth;
  }
  return { expanded: element.getAttribute("aria-expanded"), pressed: element.getAttribute("aria-pressed"), shown,
    hasTarget: !!target, focused: document.activeElement === element };
}

// A fingerprint of everything a keyboard walk could leave changed: the HTML (attributes such as
// aria-expanded, open, hidden, class and style included), form fields, storage, cookies, open popovers, the
// style sheets' rules, scrolling and focus. Equal before and after a walk means the page is as it was loaded.
export function pageState() {
  const parts = [location.href, document.documentElement.outerHTML, document.cookie, scrollX, scrollY,
    document.activeElement ? document.activeElement.outerHTML.slice(0, 200) : ""];
  for (const field of document.querySelectorAll("input, select, textarea")) {
    parts.push(`${field.value}|${field.checked}|${field.selectedIndex}`);
  }
  for (const store of [localStorage, sessionStorage]) {
    for (let i = 0; i < store.length; i += 1) parts.push(store.key(i), store.getItem(store.key(i)));
  }
  try { parts.push(document.querySelectorAll(":popover-open, :modal, :fullscreen").length); } catch { parts.push("?"); }
  for (const sheet of [...document.styleSheets, ...document.adoptedStyleSheets]) {
    try { parts.push(`${sheet.disabled}|${sheet.cssRules.length}`); } catch { parts.push("?"); }
  }
  const text = parts.join("\u0000");
  // FNV-1a, twice with different seeds: a short answer instead of the whole page.
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x811c9dc5) + i;
  }
  return `${text.length}:${(a >>> 0).toString(16)}:${(b >>> 0).toString(16)}`;
}
