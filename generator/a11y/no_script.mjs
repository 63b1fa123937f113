// With JavaScript off, at 320px: the main text shows, and the site's menu can be reached.
//
// The menu is the `nav` with the most links. If its links are not on screen, one of the visible controls in the
// header (a `label[for]` for a CSS-only menu, or a link: to `#menu` on the page or to a menu page) must show
// them: after following it, most of the menu's links must be on screen.
const WIDTH = 320;

function menuState() {
  const navs = [...document.querySelectorAll("nav")];
  const links = (nav) => [...nav.querySelectorAll("a[href]")].filter((a) => !a.getAttribute("href").startsWith("#"));
  const menu = navs.sort((a, b) => links(b).length - links(a).length)[0];
  const onScreen = (element) => {
    const box = element.getBoundingClientRect();
    let node = element;
    for (; node && node.nodeType === 1; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.visibility === "hidden" || style.display === "none" || parseFloat(style.opacity) === 0) return false;
    }
    return box.width > 1 && box.height > 1 && box.left >= -1 && box.right <= innerWidth + 1;
  };
  const visible = new Set([...document.querySelectorAll("a[href]")].filter(onScreen).map((a) => a.href));
  const header = document.querySelector("header, [role=banner]") || document.body;
  const controls = [...header.querySelectorAll("label[for], a[href]")]
    .filter((element) => onScreen(element) && !(element.tagName === "A" && element.getAttribute("href") === "#"))
    .map((element, index) => {
      element.dataset.a11yCandidate = String(index);
      const text = `${element.getAttribute("aria-label") || ""} ${element.getAttribute("title") || ""} ${element.textContent}`;
      return { index, menuish: /menu|navigation|contents/i.test(text) };
    })
    .sort((a, b) => Number(b.menuish) - Number(a.menuish));
  const main = document.querySelector("main, [role=main], article") || document.body;
  return { hrefs: menu ? links(menu).map((a) => a.href) : [], visible: [...visible], controls,
    text: main.innerText.trim().length };
}

function shownShare(hrefs, visible) {
  const seen = new Set(visible);
  return hrefs.length ? hrefs.filter((href) => seen.has(href)).length / hrefs.length : 1;
}

export async function noScriptMenu(browser, plan, page) {
  const problems = [];
  const context = await browser.createBrowserContext();
  try {
    const tab = await context.newPage();
    await tab.setJavaScriptEnabled(false);
    await tab.emulateMediaFeatures([{ name: "prefers-reduced-motion", value: "reduce" }]);
    await tab.setViewport({ width: WIDTH, height: 900 });
    const open = () => tab.goto(plan.base + page, { waitUntil: "load", timeout: plan.timeout_ms });
    await open();
    const first = await tab.evaluate(menuState);
    if (first.text === 0) problems.push({ rule: "no-js-text", selector: "main", message: "without JavaScript the main content shows no text" });
    if (first.hrefs.length === 0 || shownShare(first.hrefs, first.visible) >= 0.8) return problems;
    for (const control of first.controls.slice(0, 5)) {
      const handle = await tab.$(`[data-a11y-candidate="${control.index}"]`);
      if (!handle) continue;
      const leaves = await handle.evaluate((element) => element.tagName === "A" && !element.getAttribute("href").startsWith("#"));
      if (leaves) await Promise.all([tab.waitForNavigation({ timeout: plan.timeout_ms }).catch(() => null), handle.click()]);
      else await handle.click();
      await new Promise((resolve) => setTimeout(resolve, 300));
      if (process.env.A11Y_DEBUG) process.stderr.write(`no-js ${JSON.stringify(control)} ${shownShare(first.hrefs, (await tab.evaluate(menuState)).visible)}\n`);
      const now = await tab.evaluate(menuState);
      if (shownShare(first.hrefs, now.visible) >= 0.8) return problems;
      await open();
      await tab.evaluate(menuState); // number the candidates again on the fresh page
    }
    problems.push({ rule: "no-js-menu", selector: "header",
      message: "without JavaScript no control in the header shows the menu's links at 320px wide" });
    return problems;
  } finally {
    await context.close();
  }
}
