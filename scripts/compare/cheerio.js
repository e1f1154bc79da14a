// The Node side of scripts/compare.py: cheerio reading each page given, timed in-process,
// with the same extraction as the other runners; one JSON line per page.
"use strict";

const fs = require("fs");
const cheerio = require("cheerio");

function extract(page) {
  const $ = cheerio.load(page);
  const data = JSON.parse($('[data-target="DailyPapers"]').attr("data-props"));
  return (data.dailyPapers || []).map((e) => [
    e.paper.id,
    e.paper.title || "",
    e.paper.upvotes ?? null,
    e.numComments ?? null,
  ]);
}

// Seconds per run: the lowest median of five rounds of runs, after a warm-up round (see
// runner.rs).
function timed(budget, page, rounds = 5) {
  const warmUp = process.hrtime.bigint();
  while (Number(process.hrtime.bigint() - warmUp) / 1e9 < budget / rounds) {
    extract(page);
  }
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const runs = [];
    const start = process.hrtime.bigint();
    while (Number(process.hrtime.bigint() - start) / 1e9 < budget / rounds || runs.length < 3) {
      const t = process.hrtime.bigint();
      extract(page);
      runs.push(Number(process.hrtime.bigint() - t) / 1e9);
    }
    runs.sort((a, b) => a - b);
    best = Math.min(best, runs[Math.floor(runs.length / 2)]);
  }
  return best;
}

const budget = Number(process.argv[2]);
for (const path of process.argv.slice(3)) {
  const page = fs.readFileSync(path, "utf8");
  const tool = "cheerio (Node)";
  try {
    const records = extract(page);
    const seconds = timed(budget, page);
    console.log(JSON.stringify({ tool, page: path, bytes: Buffer.byteLength(page), seconds, records }));
  } catch (err) {
    console.log(JSON.stringify({ tool, page: path, error: String(err) }));
  }
}
