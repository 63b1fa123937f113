// How long search takes in Chromium with the CPU slowed down like a mid-range phone, and what it downloads.
//
//   node benchmarks/search_speed.mjs SITE_DIR [first query] [second query] [throttle]
//
// Serves SITE_DIR on a local port, opens its search page (search/) with the CPU throttled (default 4x, as
// Chrome's "mid-tier mobile" preset), moves to the search box with Tab, types the first query (a key every
// 100 ms) and presses Enter, then does the same with the second query. Each time is measured in the page, from the Enter key to
// the status sentence that says how many pages were found. Prints JSON: the whole index (bytes and files),
// and for each query its time, the bytes of the index files it fetched (as served here, and gzipped as most
// hosts send JSON), those files, and how many results it showed.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import puppeteer from "puppeteer";

const [site, firstQuery = "forum", secondQuery = "travel money", throttle = "4"] = process.argv.slice(2);
if (!site) {
  console.error("usage: node benchmarks/search_speed.mjs SITE_DIR [first query] [second query] [throttle]");
  process.exit(2);
}
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };
const server = http.createServer((request, response) => {
  let file = path.join(site, decodeURIComponent(new URL(request.url, "http://x").pathname));
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
  if (!fs.existsSync(file)) { response.writeHead(404); response.end(); return; }
  response.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" });
  fs.createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

// Every index file: search/**/*.json (the old single index was search/search_index.json).
function indexFiles(folder) {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? indexFiles(full) : entry.name.endsWith(".json") ? [full] : [];
  });
}
const files = indexFiles(path.join(site, "search"));

const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  const cdp = await page.target().createCDPSession();
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(throttle) });
  await cdp.send("Network.enable");
  const fetched = [];
  const urls = new Map();
  cdp.on("Network.requestWillBeSent", (event) => urls.set(event.requestId, event.request.url));
  cdp.on("Network.loadingFinished", (event) => {
    const url = urls.get(event.requestId) || "";
    if (url.endsWith(".json")) fetched.push({ url: url.slice(base.length), bytes: event.encodedDataLength });
  });
  const started = Date.now();
  await page.goto(base + "search/", { waitUntil: "load" });
  const loaded = Date.now() - started;
  // In the page: the time of the Enter key, and of the first status sentence after it that is not "Looking…".
  await page.evaluate(() => {
    const status = document.querySelector("[data-ez-search-status]");
    const wait = JSON.parse(status.getAttribute("data-ez-words") || "{}").wait || "";
    window.__search = { pressed: 0, answered: 0 };
    document.addEventListener("keydown", (event) => {
      if (event.key === "Enter") window.__search = { pressed: performance.now(), answered: 0 };
    }, true);
    new MutationObserver(() => {
      const text = status.textContent.trim();
      if (text && text !== wait && !window.__search.answered) window.__search.answered = performance.now();
    }).observe(status, { childList: true, characterData: true, subtree: true });
  });
  for (let i = 0; i < 50 && !(await page.evaluate(() => document.activeElement && document.activeElement.name === "q")); i++) {
    await page.keyboard.press("Tab");
  }

  // `from`: the first query counts every index file since the page opened (index.json comes on focus).
  async function search(text, from) {
    const before = from === undefined ? fetched.length : from;
    await page.evaluate(() => { document.querySelector("input[name=q]").select(); });
    await page.keyboard.type(text, { delay: 100 }); // about as fast as a quick typist
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => window.__search.answered > 0, { timeout: 300000, polling: 50 });
    const timing = await page.evaluate(() => window.__search);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the last responses' byte counts
    const mine = fetched.slice(before);
    const gzip = mine.reduce((sum, f) => {
      const file = path.join(site, decodeURIComponent(new URL(f.url, base).pathname));
      return sum + (fs.existsSync(file) ? zlib.gzipSync(fs.readFileSync(file)).length : 0);
    }, 0);
    return {
      query: text,
      ms: Math.round(timing.answered - timing.pressed),
      bytes: mine.reduce((sum, f) => sum + f.bytes, 0),
      gzip_bytes: gzip,
      files: mine.map((f) => f.url),
      results: await page.$$eval("[data-ez-search-results] li", (items) => items.length),
      status: await page.$eval("[data-ez-search-status]", (e) => e.textContent.trim()),
    };
  }

  const first = await search(firstQuery, 0);
  const second = await search(secondQuery);
  console.log(JSON.stringify({
    throttle: Number(throttle),
    index_bytes: files.reduce((sum, f) => sum + fs.statSync(f).size, 0),
    index_files: files.length,
    page_load_ms: loaded,
    first,
    second,
  }));
} finally {
  await browser.close();
  server.close();
}
