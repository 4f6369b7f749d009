/**
 * Child process of the memory figure: one scoring run's data path (Sheets' JSON text → parsed values → score →
 * write plan → result JSON), in a V8 heap capped by the parent, with the live heap (after a forced GC) at each stage.
 * Prints one JSON line. The raw values are released once scored, as src/jobs/score-spreadsheet.ts does.
 */
import { readFileSync } from "node:fs";
import { scoreWorkbook } from "../../sheets-schema/pipeline.ts";
import type { RawTabs } from "../../sheets-schema/types.ts";
import { planWrite } from "../../src/sheets/write-plan.ts";

const [file, titlesJson] = process.argv.slice(2) as [string, string];
const titles = JSON.parse(titlesJson) as string[];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const live = () => {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
};
const stages: Record<string, number> = {};
let text: string | null = readFileSync(file, "utf8"); // the body of values.batchGet, as the client receives it
stages.responseText = live();
const parsed = JSON.parse(text) as { valueRanges: { values: RawTabs[string] }[] };
stages.parsedWithText = live();
text = null;
let tabs: RawTabs | null = {};
parsed.valueRanges.forEach((range, i) => ((tabs as RawTabs)[titles[i] ?? ""] = range.values));
parsed.valueRanges = [];
const scored = scoreWorkbook(tabs, 2024);
stages.scoredWithValues = live();
tabs = null;
const plan = planWrite(
  { sheets: [], lastRun: null },
  scored.tabs,
  { title: "Nhật ký chấm điểm", headers: ["a"], row: ["b"] },
  "bench",
);
stages.writePlan = live();
const bodies = plan.map((step) => JSON.stringify({ requests: step.requests }).length);
const json = JSON.stringify(scored.result);
stages.resultJson = live();
console.log(JSON.stringify({ stages, calls: bodies.length, resultChars: json.length }));
