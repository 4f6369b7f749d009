/**
 * Developer probe: where the heap goes in the Worker's path of an annual run of the 4× province, reproduced in Node.
 *
 *   node --experimental-transform-types tools/bench/quad-heap.ts prepare DIR      # the batchGet answers, as files
 *   node --expose-gc --experimental-transform-types tools/bench/quad-heap.ts run DIR   # heap after each step
 *
 * `run` reads the answers one at a time as the gateway does (text → JSON.parse → rows), reads the records, lets the
 * grids go, scores, builds every write body in turn and the answer's UTF-8 parts; it prints the live heap (after a
 * full GC) at each step. Bisect `--max-old-space-size` on `run` for the peak.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { quoteTab } from "../../sheets-schema/a1.ts";
import { LOG_HEADERS, LOG_TAB } from "../../sheets-schema/output/run-log.ts";
import { readingForReview, scoreReview } from "../../sheets-schema/review-pipeline.ts";
import type { RawTabs } from "../../sheets-schema/types.ts";
import { PART_CHARS } from "../../src/scorer/result-store.ts";
import { jsonParts } from "../../src/scorer/json-parts.ts";
import { BLOCK_ROWS } from "../../src/sheets/gateway.ts";
import { planWrite } from "../../src/sheets/write-plan.ts";
import { generateProvince } from "../demo/province.ts";

const [mode, dir = "/tmp/quad-blocks"] = process.argv.slice(2);
const TALL = "Đăng ký";

if (mode === "prepare") {
  mkdirSync(dir, { recursive: true });
  const tabs = generateProvince({ units: 18_200, registrationsTotal: 200_000 });
  const titles = Object.keys(tabs);
  const tall = tabs[TALL] ?? [];
  const answer = (ranges: { range: string; values: unknown[] }[]) =>
    JSON.stringify({ spreadsheetId: "p", valueRanges: ranges.map((r) => ({ ...r, majorDimension: "ROWS" })) });
  writeFileSync(
    join(dir, "block-00.json"),
    answer(
      titles.map((t) => ({ range: quoteTab(t), values: t === TALL ? tall.slice(0, BLOCK_ROWS) : (tabs[t] ?? []) })),
    ),
  );
  for (let start = BLOCK_ROWS, i = 1; start < tall.length; start += BLOCK_ROWS, i++) {
    const name = `block-${String(i).padStart(2, "0")}.json`;
    writeFileSync(join(dir, name), answer([{ range: quoteTab(TALL), values: tall.slice(start, start + BLOCK_ROWS) }]));
  }
  writeFileSync(join(dir, "titles.json"), JSON.stringify(titles));
} else {
  const gc = (globalThis as { gc?: () => void }).gc;
  const live = (step: string) => {
    gc?.();
    console.log(`${step.padEnd(28)} ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MiB`);
  };
  live("start");
  const titles = JSON.parse(readFileSync(join(dir, "titles.json"), "utf8")) as string[];
  const files = readdirSync(dir)
    .filter((f) => f.startsWith("block-"))
    .sort();
  const block = (file: string) =>
    (JSON.parse(readFileSync(join(dir, file), "utf8")) as { valueRanges: { values?: RawTabs[string] }[] }).valueRanges;
  const readAll = () => {
    let tabs: RawTabs = {};
    for (const [j, range] of block(files[0] ?? "").entries()) tabs[titles[j] ?? ""] = range.values ?? [];
    live("first block");
    const reading = readingForReview([{ source: "", tabs }], 2024, "nam");
    tabs = {};
    live("first block read");
    for (const [i, file] of files.slice(1).entries()) {
      const rows = block(file)[0]?.values ?? [];
      if (i === files.length - 3) live("next-to-last block parsed");
      reading.addMainRegistrations(rows, (i + 1) * BLOCK_ROWS);
    }
    live("every block read");
    return reading.finish();
  };
  const scoreAll = () => {
    const read = readAll();
    live("records");
    return scoreReview(read, 2024, "nam");
  };
  const scored = scoreAll();
  live("scored + output tabs");
  const state = {
    sheets: titles.map((title, sheetId) => ({ sheetId, title, hidden: false, stagingRun: null })),
    lastRun: null,
  };
  const write = () => {
    const plan = planWrite(state, scored.tabs, { title: LOG_TAB, headers: LOG_HEADERS, row: ["x"] }, "r");
    live(`write plan (${plan.length} calls)`);
    let most = 0;
    for (const step of plan) {
      const body = step.body();
      body.charCodeAt(0); // flattened, as sending it does
      if (body.length > most) {
        most = body.length;
        live(`largest body so far (${(body.length / 1e6).toFixed(1)} M chars)`);
      }
    }
  };
  write();
  live("written");
  if (scored.review !== "nam") throw new Error("annual");
  const run = { ...scored.result, dataErrors: scored.errors };
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (const part of jsonParts(run, PART_CHARS)) {
    const chunk = encoder.encode(part);
    bytes += chunk.length;
    chunks.push(chunk);
  }
  live(`answer parts (${(bytes / 1e6).toFixed(1)} MB)`);
}
