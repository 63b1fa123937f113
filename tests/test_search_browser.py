"""Search in a real Chromium, by keyboard only, on the built example site.

A person Tabs to the search box, types and presses Enter; the status sentence says how many pages were found
(in the words of content/search.md), the results are links after the form that Tab reaches, and the address
gets ?q=. Needs Debian's chromium and node_modules/puppeteer; skipped without them.
"""
from __future__ import annotations

import json
from typing import Any

import pytest
from browser_script import needs_browser, run_script

pytestmark = needs_browser

# Runs in node; prints one JSON object with what each search showed.
SCRIPT = r"""
const puppeteer = require("puppeteer");
const base = process.argv[2];
const queries = JSON.parse(process.argv[3]);
(async () => {
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  const seen = { searches: {} };
  const page = await browser.newPage();
  await page.setViewport({ width: 320, height: 640 });
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(base + "/search/", { waitUntil: "networkidle0" });
  seen.requestsOnOpening = requests.filter((u) => u.endsWith(".json"));
  const focused = () => page.evaluate(() => {
    const e = document.activeElement;
    return e ? (e.name || e.getAttribute("href") || e.tagName) : "";
  });
  for (let i = 0; i < 60 && (await focused()) !== "q"; i++) await page.keyboard.press("Tab");
  seen.reachedBox = (await focused()) === "q";
  for (const query of queries) {
    await page.keyboard.down("Control"); await page.keyboard.press("a"); await page.keyboard.up("Control");
    await page.keyboard.type(query);
    await page.keyboard.press("Enter");
    await page.waitForFunction((q) => {
      const s = document.querySelector("[data-ez-search-status]").textContent;
      return s.includes(q) || s.includes("did not work");
    }, { timeout: 60000 }, query);
    const links = await page.$$eval("[data-ez-search-results] li a", (as) => as.map((a) => ({
      href: a.getAttribute("href"), text: a.textContent, snippet: (a.nextElementSibling || {}).textContent || "",
    })));
    await page.keyboard.press("Tab");  // the Search button
    await page.keyboard.press("Tab");  // then the first result
    seen.searches[query] = {
      status: await page.$eval("[data-ez-search-status]", (e) => e.textContent),
      links, address: page.url(), afterBox: await focused(),
    };
    await page.keyboard.down("Shift");
    for (let i = 0; i < 10 && (await focused()) !== "q"; i++) await page.keyboard.press("Tab");
    await page.keyboard.up("Shift");
  }
  seen.indexFiles = requests.filter((u) => u.includes("/search/") && u.endsWith(".json")).map((u) => u.slice(base.length + 1));
  // Straight from an address with ?q=, as a bookmark or "back" opens it.
  const again = await browser.newPage();
  await again.goto(base + "/search/?q=tokenism", { waitUntil: "networkidle0" });
  seen.fromAddress = await again.$$eval("[data-ez-search-results] li a", (as) => as.map((a) => a.getAttribute("href")));
  const plain = await browser.newPage();
  await plain.setJavaScriptEnabled(false);
  await plain.goto(base + "/search/", { waitUntil: "load" });
  seen.noScriptFormHidden = await plain.$eval("form[data-ez-search]", (f) => f.hidden);
  await browser.close();
  console.log(JSON.stringify(seen));
})().catch((e) => { console.error(e); process.exit(1); });
"""

QUERIES = ["tokenism", "forum", "Forums", "travel money", "zzyzx", "café"]


@pytest.fixture(scope="module")
def seen(served: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    found: dict[str, Any] = run_script(tmp_path_factory.mktemp("browser"), "search.js", SCRIPT, served, json.dumps(QUERIES))
    return found


def test_a_glossary_word_is_found_on_its_letter_page(seen: dict[str, Any]) -> None:
    assert seen["reachedBox"]
    search = seen["searches"]["tokenism"]
    assert search["status"] == "1 page has the words: tokenism."
    assert search["links"][0]["href"] == "../glossary/letter-t/#tokenism"
    assert search["links"][0]["text"].endswith(": Tokenism")
    assert search["links"][0]["snippet"].startswith("Asking people to take part just for show.")
    assert search["address"].endswith("/search/?q=tokenism")
    assert search["afterBox"] == "../glossary/letter-t/#tokenism"  # the Tab stop after the button


def test_forum_finds_the_forum_pages_titles_first(seen: dict[str, Any]) -> None:
    search = seen["searches"]["forum"]
    hrefs = [link["href"] for link in search["links"]]
    assert search["status"] == f"{len(hrefs)} pages have the words: forum." and len(hrefs) == 25
    assert "../forums/" in hrefs[:5] and "../forums/east-surrey/" in hrefs
    assert all("forum" in link["text"].lower() for link in search["links"][:5])  # title hits first
    assert len(set(hrefs)) == len(hrefs) and not [h for h in hrefs if "words-on-this-page" in h]
    # Capitals and a longer form of the word: "Forums" finds the same menu page first.
    assert seen["searches"]["Forums"]["links"][0]["href"] == "../forums/"


def test_every_word_must_match_and_a_miss_says_so(seen: dict[str, Any]) -> None:
    links = seen["searches"]["travel money"]["links"]
    assert links and all("travel" in (link["text"] + link["snippet"]).lower() for link in links[:3])
    assert seen["searches"]["zzyzx"]["status"] == "No pages have the words: zzyzx."
    assert seen["searches"]["zzyzx"]["links"] == []
    assert seen["searches"]["café"]["status"].endswith("the words: café.")


def test_search_fetches_small_files_and_only_when_asked(seen: dict[str, Any]) -> None:
    assert seen["requestsOnOpening"] == []  # nothing until the box has focus
    files = seen["indexFiles"]
    assert "search/index.json" in files and any(f.startswith("search/words/") for f in files)
    assert any(f.startswith("search/pages/") for f in files)
    assert not [f for f in files if f.endswith("search_index.json")]
    assert seen["fromAddress"] == ["../glossary/letter-t/#tokenism"]


def test_without_javascript_the_form_stays_hidden(seen: dict[str, Any]) -> None:
    assert seen["noScriptFormHidden"] is True
