// The keyboard walk: press Tab from the top of the page to the end and look at every stop.
//
// Contracts with the theme (kept generic on purpose):
// - the first Tab stop is the skip link: an `a[href^="#"]` whose target is on the page;
// - every stop is on screen, has a size, is not see-through or hidden or cut off, and looks different when focused;
// - no keyboard trap: the walk reaches the end of the page (or comes back to the first stop);
// - every control a person can see on screen is reached;
// - a menu button (`button[aria-expanded][aria-controls]`) opens with Enter (aria-expanded flips and the
//   element it controls shows) and closes again; a switch (`button[aria-pressed]`) flips with Space.
import { finishWalk, installWalk, toggleState, unreachedControls, walkState } from "./in_page.mjs";

const BATCH = 10; // Tab presses between looks at where the walk stands
const PER_RULE = 12; // stops listed per rule and width; the rest are counted
const NO_MOTION = "*, *::before, *::after { transition: none !important; animation: none !important; }";
// The events puppeteer's `keyboard.press("Tab")` sends.
const TAB_DOWN = { type: "rawKeyDown", modifiers: 0, windowsVirtualKeyCode: 9, code: "Tab", key: "Tab", text: "",
  unmodifiedText: "", autoRepeat: false, location: 0, isKeypad: false };
const TAB_UP = { type: "keyUp", modifiers: 0, windowsVirtualKeyCode: 9, code: "Tab", key: "Tab", location: 0 };
const sessions = new WeakMap(); // each tab's DevTools session for the key presses, kept for its next pages

async function pause(ms) {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

async function checkToggle(tab, stop, problems) {
  const key = stop.pressed !== null && stop.expanded === null ? "Space" : "Enter";
  const before = await tab.evaluate(toggleState, stop.selector);
  if (!before) return;
  await tab.evaluate((selector) => document.querySelector(selector).focus(), stop.selector);
  await tab.keyboard.press(key);
  await pause(100);
  const after = await tab.evaluate(toggleState, stop.selector);
  const name = `${stop.tag} "${stop.name}"`;
  if (!after) {
    problems.push({ rule: "menu-keyboard", selector: stop.selector, message: `${name} disappears when ${key} is pressed` });
    return;
  }
  if (stop.expanded !== null) {
    if (after.expanded === before.expanded) {
      problems.push({ rule: "menu-keyboard", selector: stop.selector,
        message: `${name}: pressing Enter does not change aria-expanded (still "${before.expanded}")` });
      return;
    }
    if (after.expanded === "true" && !after.shown) {
      problems.push({ rule: "menu-keyboard", selector: stop.selector,
        message: `${name}: after Enter aria-expanded is "true" but the element it controls is not shown` });
    }
  } else if (after.pressed === before.pressed) {
    problems.push({ rule: "switch-keyboard", selector: stop.selector,
      message: `${name}: pressing Space does not change aria-pressed (still "${before.pressed}")` });
    return;
  }
  // Press again to put the page back as it was.
  if (after.focused) await tab.keyboard.press(key);
  else await tab.evaluate((selector) => document.querySelector(selector).focus(), stop.selector).then(() => tab.keyboard.press(key));
  await pause(50);
}

export async function keyboardWalk(tab) {
  const problems = [];
  const counts = {};
  const add = (problem) => {
    counts[problem.rule] = (counts[problem.rule] || 0) + 1;
    if (counts[problem.rule] <= PER_RULE) problems.push(problem);
  };
  const style = await tab.addStyleTag({ content: NO_MOTION });
  const limit = await tab.evaluate(installWalk);
  // Tab in batches, sent without waiting for each press: Chromium handles key events one at a time in order,
  // and the page's focus listener looks at each stop as focus reaches it, so only a batch needs a round trip
  // (and the page is painted about once a batch instead of once a press).
  if (!sessions.has(tab)) sessions.set(tab, await tab.createCDPSession());
  const client = sessions.get(tab);
  for (let pressed = 0; pressed < limit; pressed += BATCH) {
    const sent = [];
    for (let i = 0; i < BATCH; i += 1) {
      sent.push(client.send("Input.dispatchKeyEvent", TAB_DOWN), client.send("Input.dispatchKeyEvent", TAB_UP));
    }
    await Promise.all(sent);
    const state = await tab.evaluate(walkState);
    if (state.done) break;
  }
  const { stops, done, trappedAt } = await tab.evaluate(finishWalk);
  await style.evaluate((node) => node.remove());
  const first = stops[0];
  if (!first) add({ rule: "skip-link-first", selector: "(the whole page)", message: "the Tab key reaches nothing on this page" });
  else if (!(first.tag === "a" && first.href && first.href.startsWith("#") && first.skipTargetExists)) {
    add({ rule: "skip-link-first", selector: first.selector,
      message: `the first Tab stop is ${first.tag} "${first.name}", not a skip link (a link to #main-content or similar on the same page)` });
  }
  for (const stop of stops) for (const problem of stop.problems) add({ ...problem, selector: stop.selector });
  if (done === "trap") {
    add({ rule: "keyboard-trap", selector: trappedAt.selector,
      message: `the Tab key goes round and round back to ${trappedAt.tag} and never reaches the end of the page` });
  } else if (!done && stops.length > 0) {
    add({ rule: "keyboard-trap", selector: stops[stops.length - 1].selector,
      message: `the Tab key did not reach the end of the page after ${limit} presses` });
  }
  for (const problem of await tab.evaluate(unreachedControls)) add(problem);
  const toggles = stops.filter((stop) => stop.tag === "button" && (stop.expanded !== null || stop.pressed !== null));
  for (const stop of toggles.slice(0, 4)) await checkToggle(tab, stop, problems);
  // A menu-like control that is not a button: aria-expanded on something that is not a real button.
  for (const stop of stops.filter((s) => s.expanded !== null && s.tag !== "button" && s.tag !== "summary").slice(0, 2)) {
    add({ rule: "menu-keyboard", selector: stop.selector, message: `${stop.tag} "${stop.name}" has aria-expanded but is not a button` });
  }
  for (const [rule, count] of Object.entries(counts)) {
    if (count > PER_RULE) problems.push({ rule, selector: "(more)", message: `and ${count - PER_RULE} more stops like these` });
  }
  await tab.evaluate(() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); });
  return problems;
}
