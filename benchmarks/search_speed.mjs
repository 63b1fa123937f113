// How long search takes in Chromium with the CPU slowed down like a mid-range phone.
//
//   node benchmarks/search_speed.mjs SITE_DIR [query] [throttle]
//
// Serves SITE_DIR on a local port, opens the home page with the CPU throttled (default 4x, as Chrome's
// "mid-tier mobile" preset), types the query into the search box, and waits for the first result. Prints
// JSON: the index size, the page load, the first query right after the load (the browser's worker fetches
// the index and builds it first), and a second query once the index is built.
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import puppeteer from "puppeteer";

const [site, query = "forum", throttle = "4"] = process.argv.slice(2);
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
const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
try {
  const page = await browser.newPage();
  const cdp = await page.target().createCDPSession();
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: Number(throttle) });
  const started = Date.now();
  await page.goto(base, { waitUntil: "load" });
  const loaded = Date.now() - started;
  async function search(text) {
    const begin = Date.now();
    await page.evaluate(() => { const box = document.querySelector("input[data-md-component=search-query]"); box.value = ""; box.focus(); });
    await page.keyboard.type(text);
    await page.waitForSelector(".md-search-result__item", { timeout: 120000 });
    return Date.now() - begin;
  }
  const first = await search(query);
  await page.evaluate(() => { document.querySelector("input[data-md-component=search-query]").value = ""; });
  await page.keyboard.press("Escape");
  const second = await search(query.slice(0, -1) || query);
  const index = path.join(site, "search", "search_index.json");
  console.log(JSON.stringify({
    throttle: Number(throttle), index_bytes: fs.existsSync(index) ? fs.statSync(index).size : null,
    page_load_ms: loaded, first_query_ms: first, second_query_ms: second,
  }));
} finally {
  await browser.close();
  server.close();
}
