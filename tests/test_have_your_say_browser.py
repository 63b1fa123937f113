"""Have your say in a real Chromium at 320px, JavaScript off and on, keyboard only.

A person fills the form and presses "I want this too"; we read the `mailto:` or `sms:` address the browser
is asked to open (the person's own app would open it) and check its address, subject and body. Every page
load is watched: no request may leave 127.0.0.1. Needs Debian's chromium and node_modules/puppeteer.
"""
from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from browser_script import needs_browser, run_script

pytestmark = needs_browser

# Runs in node; prints one JSON object. SHOTS, if set, is a folder for 320px screenshots.
SCRIPT = r"""
const puppeteer = require("puppeteer");
const base = process.argv[2];
const shots = process.env.SHOTS || "";
(async () => {
  const browser = await puppeteer.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--no-first-run", "--disable-sync"],
  });
  const seen = { loads: {}, opened: {} };

  async function open(path, js, label) {
    const page = await browser.newPage();
    await page.setViewport({ width: 320, height: 640 });
    await page.setJavaScriptEnabled(js);
    const requests = [];
    const asked = [];
    page.on("request", (r) => requests.push(r.url()));
    const cdp = await page.createCDPSession();
    await cdp.send("Page.enable");
    cdp.on("Page.frameRequestedNavigation", (e) => asked.push(e.url));
    await page.goto(base + path, { waitUntil: js ? "networkidle0" : "load" });
    seen.loads[label] = requests.slice();
    return { page, asked, requests };
  }

  async function tabTo(page, selector) {
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) return;
    }
    throw new Error("Tab never reached " + selector);
  }

  async function waitFor(asked) {
    for (let i = 0; i < 50 && !asked.some((u) => !u.startsWith("http")); i++) await new Promise((r) => setTimeout(r, 100));
    return asked.filter((u) => !u.startsWith("http"));
  }

  async function fillForm(page, channel) {
    await tabTo(page, "#hys-about-waiting");
    await page.keyboard.press("Space");
    await page.keyboard.press("ArrowDown");          // moves to, and picks, "Easy read and letters"
    await page.keyboard.press("Tab");                // the area list
    await page.keyboard.press("ArrowDown");          // East Surrey
    await page.keyboard.press("Tab");
    await page.keyboard.type("My letter used hard words.\nI did not know the time.");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Easy read letters.");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Sam");
    await page.keyboard.press("Tab");
    await page.keyboard.type("sam@example.net");
    await page.keyboard.press("Tab");
    if (channel === "sms") await page.keyboard.press("ArrowDown");
    if (channel) await page.keyboard.press("Tab");
    seen.focusedButton = await page.evaluate(() => document.activeElement.type);
  }

  for (const js of [false, true]) {
    const tag = js ? "js" : "nojs";
    let { page, asked, requests } = await open("/have-your-say/", js, "have-your-say " + tag);
    if (shots && !js) await page.screenshot({ path: shots + "/have-your-say-320.png", fullPage: true });
    seen["channelShown " + tag] = await page.$eval("[data-hys-channel]", (f) => !f.hidden && !f.disabled);
    const before = requests.length;
    await fillForm(page, js ? "email" : null);
    if (shots && !js) await page.screenshot({ path: shots + "/have-your-say-filled-320.png", fullPage: true });
    await page.keyboard.press("Enter");
    seen.opened["form email " + tag] = await waitFor(asked);
    seen["requestsWhileSending " + tag] = requests.slice(before).filter((u) => u.startsWith("http"));
    await page.close();
    if (js) {
      ({ page, asked } = await open("/have-your-say/", js, "have-your-say again"));
      await fillForm(page, "sms");
      await page.keyboard.press("Enter");
      seen.opened["form sms " + tag] = await waitFor(asked);
      await page.close();
    }
    ({ page, asked } = await open("/projects/shorter-waits/", js, "project " + tag));
    if (shots && !js) await page.screenshot({ path: shots + "/project-320.png", fullPage: true });
    await tabTo(page, 'a[href^="mailto:"][href*="I%20want%20this%20too"]');
    await page.keyboard.press("Enter");
    seen.opened["project email " + tag] = await waitFor(asked);
    await page.close();
    ({ page, asked } = await open("/feedback/", js, "feedback " + tag));
    await tabTo(page, 'a[href^="sms:"][href*="talking%20therapy"]');
    await page.keyboard.press("Enter");
    seen.opened["point sms " + tag] = await waitFor(asked);
    await page.close();
  }
  // Pages only looked at (no keyboard): opened side by side, so their waits for a quiet network overlap.
  await Promise.all(["/", "/take-part/", "/projects/", "/have-your-say/paper-form/", "/accessibility/",
                     "/become-an-adviser/", "/how-we-check/", "/forums/east-surrey/", "/meetings/2026-11-26-development-group/",
                    ].map(async (path) => {
    const { page } = await open(path, true, path);
    await page.close();
  }));
  await browser.close();
  console.log(JSON.stringify(seen));
})().catch((e) => { console.error(e); process.exit(1); });
"""


@pytest.fixture(scope="module")
def seen(served: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    found: dict[str, Any] = run_script(tmp_path_factory.mktemp("browser"), "say.js", SCRIPT, served)
    return found


def parts(url: str) -> tuple[str, str, dict[str, str]]:
    """`mailto:a@b?subject=S&body=B` → ("mailto", "a@b", {"subject": "S", "body": "B"}), each value decoded once."""
    split = urlsplit(url)
    fields = dict(pair.split("=", 1) for pair in split.query.split("&") if pair)
    return split.scheme, unquote(split.path), {k: unquote(v) for k, v in fields.items()}


def only(urls: list[str]) -> str:
    assert len(urls) == 1, urls
    return urls[0]


def test_form_without_javascript_hands_every_answer_to_the_email_app(seen: dict[str, Any]) -> None:
    scheme, address, fields = parts(only(seen["opened"]["form email nojs"]))
    assert (scheme, address, fields["subject"]) == ("mailto", "coproduction@example.org", "Have your say")
    assert fields["body"] == (
        "What is it about?=Easy read and letters\r\n"
        "Which area is it about?=East Surrey\r\n"
        "What happened?=My letter used hard words.\r\nI did not know the time.\r\n"
        "What would help?=Easy read letters.\r\n"
        "Your name=Sam\r\n"
        "How can we reach you? Write your email or phone number.=sam@example.net\r\n"
        "\r\n"  # Chromium ends the text/plain body with one more line end
    )
    assert seen["channelShown nojs"] is False  # text message needs the script: not offered without it
    assert seen["focusedButton"] == "submit"


def test_form_with_javascript_writes_a_tidy_email(seen: dict[str, Any]) -> None:
    scheme, address, fields = parts(only(seen["opened"]["form email js"]))
    assert (scheme, address, fields["subject"]) == ("mailto", "coproduction@example.org", "Have your say")
    assert fields["body"] == (
        "What is it about? Easy read and letters\r\n"
        "Which area is it about? East Surrey\r\n"
        "What happened? My letter used hard words.\r\nI did not know the time.\r\n"
        "What would help? Easy read letters.\r\n"
        "Your name: Sam\r\n"
        "How can we reach you? Write your email or phone number. sam@example.net\r\n"
    )
    assert seen["channelShown js"] is True


def test_form_with_javascript_can_send_a_text_message(seen: dict[str, Any]) -> None:
    scheme, number, fields = parts(only(seen["opened"]["form sms js"]))
    assert (scheme, number) == ("sms", "07700900123")
    assert fields["body"].startswith("Have your say\r\nWhat is it about? Easy read and letters\r\n")
    assert "Your name: Sam" in fields["body"]


@pytest.mark.parametrize("tag", ["nojs", "js"])
def test_i_want_this_too_by_keyboard(seen: dict[str, Any], tag: str) -> None:
    scheme, address, fields = parts(only(seen["opened"][f"project email {tag}"]))
    assert (scheme, address) == ("mailto", "coproduction@example.org")
    assert fields["subject"] == "I want this too: Shorter waits for a first appointment"
    assert fields["body"] == "I want this too.\r\nShorter waits for a first appointment\r\nprojects/shorter-waits/\r\n"
    scheme, number, fields = parts(only(seen["opened"][f"point sms {tag}"]))
    assert (scheme, number) == ("sms", "07700900123")
    assert fields["body"] == "I want this too: The wait for talking therapy is too long.\r\nfeedback/#wait-therapy"


def test_no_request_leaves_the_site(seen: dict[str, Any], served: str) -> None:
    assert len(seen["loads"]) >= 15
    for label, urls in seen["loads"].items():
        hosts = {urlsplit(u).netloc for u in urls if not u.startswith("data:")}
        assert hosts == {served.removeprefix("http://")}, label
    assert seen["requestsWhileSending nojs"] == []
    assert seen["requestsWhileSending js"] == []
