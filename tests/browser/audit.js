// Open an HTML report in headless Chromium and report what a browser sees, as JSON on stdout:
// the axe-core accessibility violations, every request the page makes that is not the file itself,
// whether the page scrolls sideways, and its structure (headings, landmarks, tables, charts, text).
//
//     node tests/browser/audit.js REPORT.html WIDTH [WIDTH...]
//
// CHROMIUM names the browser (default /usr/bin/chromium). Used by tests/test_html_report.py.
"use strict";
const fs = require("fs");
const path = require("path");
const puppeteer = require("puppeteer-core");

const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync"];

async function view(browser, url, width, requests) {
  const page = await browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.setRequestInterception(true);
  page.on("request", (request) => {
    if (request.url() === url) {
      request.continue();
    } else {
      requests.push(request.url());
      request.abort();
    }
  });
  await page.goto(url, { waitUntil: "load" });
  const scripts = await page.evaluate(() => document.querySelectorAll("script").length);  // before axe is added
  await page.addScriptTag({ content: fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
  const facts = await page.evaluate(() => {
    const text = (el) => (el ? el.textContent.replace(/\s+/g, " ").trim() : null);
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      lang: document.documentElement.lang,
      title: document.title,
      h1: [...document.querySelectorAll("h1")].map(text),
      h2: [...document.querySelectorAll("h2")].map(text),
      landmarks: { header: document.querySelectorAll("header").length, main: document.querySelectorAll("main").length,
        footer: document.querySelectorAll("footer").length },
      tables: [...document.querySelectorAll("table")].map((t) => ({ caption: text(t.caption),
        colHeaders: t.querySelectorAll("thead th[scope=col]").length, rowHeaders: t.querySelectorAll("tbody th[scope=row]").length,
        rows: t.tBodies[0] ? t.tBodies[0].rows.length : 0 })),
      charts: [...document.querySelectorAll("svg")].map((s) => ({ role: s.getAttribute("role"),
        title: text(s.querySelector("title")), desc: text(s.querySelector("desc")),
        lines: s.querySelectorAll("polyline").length, caption: text(s.closest("figure") && s.closest("figure").querySelector("figcaption")) })),
      links: [...document.querySelectorAll("a[href]")].map((a) => a.getAttribute("href")),
      // The smallest chart text as drawn, in CSS pixels: its font size times the chart's scale on the page.
      chartTextPx: Math.min(...[...document.querySelectorAll("svg text")].map((t) => {
        const svg = t.ownerSVGElement;
        const box = svg.viewBox.baseVal;
        const scale = box && box.width ? svg.getBoundingClientRect().width / box.width : 1;
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      })),
      // Each caption: its words and the lines it takes (its height over its line height).
      captions: [...document.querySelectorAll("caption, figcaption")].filter((c) => c.offsetParent !== null ||
        getComputedStyle(c).display !== "none").map((c) => ({ text: text(c), words: text(c).split(" ").length,
        lines: Math.round(c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight)) })),
      viewportHeight: window.innerHeight,
      decisionBottom: document.querySelector(".headline") ?
        document.querySelector(".headline").getBoundingClientRect().bottom : null,
      pageHeight: document.documentElement.scrollHeight,
      text: document.body.innerText,
    };
  });
  await page.close();
  return { width, violations, scripts, ...facts };
}

(async () => {
  const [file, ...widths] = process.argv.slice(2);
  const url = "file://" + path.resolve(file);
  const browser = await puppeteer.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true, args: FLAGS });
  const requests = [];
  const views = [];
  try {
    for (const width of widths.length ? widths : ["1200"]) {
      views.push(await view(browser, url, Number(width), requests));
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify({ requests, views }) + "\n");
})().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(1);
});
