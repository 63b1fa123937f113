"""Toolkit 1's form in a real Chromium: the averages add up, nothing leaves the device, and it works without JavaScript.

Needs Debian's chromium and the puppeteer that pa11y-ci installs (`PUPPETEER_SKIP_DOWNLOAD=1 npm ci`); skipped without them.
"""
from __future__ import annotations

import pytest
from browser_script import needs_browser, run_script

pytestmark = needs_browser

# Runs in node. Prints one JSON object with what it saw.
SCRIPT = r"""
const puppeteer = require("puppeteer");
const url = process.argv[2];
(async () => {
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  const seen = {};
  const page = await browser.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url, { waitUntil: "networkidle0" });
  const out = (n) => page.$eval(`[data-tk-average="${n}"]`, (e) => e.textContent.trim());
  const pick = (q, r, s) => page.click(`label[for="tk-01-evaluation-tool-q${q}-r${r}-s${s}"]`);
  seen.before = await out(1);
  seen.buttonsShown = await page.$$eval("[data-tk-print], [data-tk-clear]", (bs) => bs.map((b) => b.closest("[hidden]") === null));
  const loaded = requests.length;
  await pick(1, 1, 2);
  seen.halfway = await out(1);
  await pick(1, 2, 3);
  seen.q1 = await out(1);
  await pick(1, 2, 0);
  seen.q1changed = await out(1);
  await pick(2, 1, 1);
  seen.q2 = await out(2);
  seen.live = await page.$eval('[data-tk-average="2"]', (e) => e.closest("[aria-live]").getAttribute("aria-live"));
  await page.type("#tk-01-evaluation-tool-prompt-1", "we paid people");
  seen.requestsAfterFilling = requests.slice(loaded);
  seen.hosts = [...new Set(requests.map((u) => new URL(u).host))];
  await page.emulateMediaType("print");
  seen.printButtonOnPaper = await page.$eval(".tk-print", (e) => getComputedStyle(e).display);
  seen.rowsOnPaper = await page.$$eval("fieldset.tk-row", (fs) => fs.filter((f) => getComputedStyle(f).display !== "none").length);
  seen.checkedOnPaper = await page.$$eval("input[type=radio]:checked", (rs) => rs.length);
  const pdf = await page.pdf({ format: "A4" });
  seen.pdfBytes = pdf.length;
  await page.emulateMediaType("screen");
  await page.click("[data-tk-clear]");
  seen.cleared = [await out(1), await out(2), await page.$$eval("input[type=radio]:checked", (rs) => rs.length),
                  await page.$eval("#tk-01-evaluation-tool-prompt-1", (e) => e.value)];

  const plain = await browser.newPage();
  await plain.setJavaScriptEnabled(false);
  await plain.goto(url, { waitUntil: "load" });
  await plain.click('label[for="tk-01-evaluation-tool-q3-r4-s3"]');
  seen.noScriptChecked = await plain.$eval("#tk-01-evaluation-tool-q3-r4-s3", (e) => e.checked);
  seen.noScriptButtonsHidden = await plain.$$eval("button", (bs) => bs.filter((b) => b.closest(".md-content")).every((b) => b.closest("[hidden]") !== null));
  seen.noScriptAverage = await plain.$eval('[data-tk-average="3"]', (e) => e.textContent.trim());
  await browser.close();
  console.log(JSON.stringify(seen));
})().catch((e) => { console.error(e); process.exit(1); });
"""


@pytest.fixture(scope="module")
def seen(served: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    found: dict[str, object] = run_script(tmp_path_factory.mktemp("browser"), "form.js", SCRIPT, f"{served}/toolkits/01-evaluation-tool/", timeout=120)
    return found


def test_averages_add_up_as_people_choose(seen: dict[str, object]) -> None:
    assert seen["before"] == "not worked out yet"
    assert seen["halfway"] == "2 (from 1 of 2 rows so far)"
    assert seen["q1"] == "2.5"
    assert seen["q1changed"] == "1"
    assert seen["q2"] == "1 (from 1 of 7 rows so far)"
    assert seen["live"] == "polite"


def test_nothing_leaves_the_device(seen: dict[str, object], served: str) -> None:
    assert seen["requestsAfterFilling"] == []
    assert seen["hosts"] == [served.removeprefix("http://")]


def test_buttons_appear_with_javascript_and_clear_works(seen: dict[str, object]) -> None:
    assert seen["buttonsShown"] == [True, True]
    assert seen["cleared"] == ["not worked out yet", "not worked out yet", 0, ""]


def test_prints_as_a_filled_form(seen: dict[str, object]) -> None:
    assert seen["printButtonOnPaper"] == "none"
    assert seen["rowsOnPaper"] == 17
    assert seen["checkedOnPaper"] == 3  # question 1: 2 rows, question 2: 1 row
    assert seen["pdfBytes"] > 10_000


def test_works_without_javascript(seen: dict[str, object]) -> None:
    assert seen["noScriptChecked"] is True
    assert seen["noScriptButtonsHidden"] is True
    assert seen["noScriptAverage"] == "not worked out yet"
