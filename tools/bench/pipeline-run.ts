/**
 * The pure path of one run, as the Worker does it, from the text of the `values.batchGet` answer to the
 * `batchUpdate` bodies ready to send: parse → read → score → output grids → write plan → JSON of every call's body.
 * Shared by the warm pipeline bench (tools/bench/pipeline.ts) and its cold child (pipeline-child.ts).
 */
import { yearsScored, score } from "../../scoring/score.ts";
import { quoteTab } from "../../sheets-schema/a1.ts";
import { LOG_HEADERS, LOG_TAB, logRow } from "../../sheets-schema/output/run-log.ts";
import { outputTabs } from "../../sheets-schema/output/write-tabs.ts";
import { scoreWorkbook } from "../../sheets-schema/pipeline.ts";
import { readWorkbook } from "../../sheets-schema/read-workbook.ts";
import { reviewSources } from "../../sheets-schema/review-pipeline.ts";
import type { RawTabs } from "../../sheets-schema/types.ts";
import type { WriteState } from "../../src/sheets/gateway.ts";
import { planWrite } from "../../src/sheets/write-plan.ts";
import { threadCpu } from "./goal.ts";
import { readyToSend } from "./step-body.ts";

/** The scored year: the last of the generated province's five. */
export const BENCH_YEAR = 2024;

/** The answer of `values.batchGet` for these tabs, as Google sends it with prettyPrint=false. */
export function batchGetText(tabs: RawTabs): { text: string; titles: string[] } {
  const titles = Object.keys(tabs);
  const valueRanges = titles.map((t) => ({ range: quoteTab(t), majorDimension: "ROWS", values: tabs[t] }));
  return { text: JSON.stringify({ spreadsheetId: "bench", valueRanges }), titles };
}

/** The province's tabs with `Giai đoạn` set to its five generated years, so that a stage review scores all five. */
export function fiveYearStage(tabs: RawTabs): RawTabs {
  return { ...tabs, "Cấu hình": [...(tabs["Cấu hình"] ?? []), ["Giai đoạn", `${BENCH_YEAR - 4}-${BENCH_YEAR}`]] };
}

/**
 * Main-thread CPU of `JSON.parse(text)` and of the stage review's whole pipeline on the same text (parse → read the
 * five years → score each → the stage tab → write plan → bodies).
 */
export function measureStage(text: string, titles: readonly string[]) {
  const parse = threadCpu(() => JSON.parse(text) as unknown);
  const pipeline = threadCpu(() => {
    const reviewed = reviewSources([{ source: "", tabs: tabsOf(text, titles) }], BENCH_YEAR, "giai-doan");
    if (reviewed.review !== "giai-doan" || reviewed.stage.perYear.length !== 5) throw new Error("not a 5-year stage");
    const log = { title: LOG_TAB, headers: LOG_HEADERS, row: ["bench"] };
    let size = 0;
    for (const step of planWrite(stateOf(titles), reviewed.tabs, log, "bench")) size += readyToSend(step);
    return size;
  });
  return { parse: parse.cpuMs, pipeline: pipeline.cpuMs };
}

/** The tabs of a batchGet answer (as gateway.ts `readTabs` builds them). */
function tabsOf(text: string, titles: readonly string[]): RawTabs {
  const parsed = JSON.parse(text) as { valueRanges: { values?: RawTabs[string] }[] };
  const tabs: RawTabs = {};
  parsed.valueRanges.forEach((range, i) => {
    tabs[titles[i] ?? ""] = range.values ?? [];
  });
  return tabs;
}

/** The spreadsheet before the run: its input tabs only, no mark (a first run). */
function stateOf(titles: readonly string[]): WriteState {
  return {
    sheets: titles.map((title, sheetId) => ({ sheetId, title, hidden: false, stagingRun: null })),
    lastRun: null,
  };
}

/** The body of every batchUpdate call, as sent. Returns their total length (so nothing is optimised out). */
function planBodies(text: string, titles: readonly string[]): number {
  const scored = scoreWorkbook(tabsOf(text, titles), BENCH_YEAR);
  const row = logRow({
    runId: "bench",
    startedAt: "2025-01-01T00:00:00.000Z",
    year: BENCH_YEAR,
    units: scored.result.units.length,
    registrations: scored.result.registrations.length,
    dataErrors: scored.errors.length,
    durationMs: 0,
    caller: "bench",
    outcome: "Thành công",
  });
  const plan = planWrite(stateOf(titles), scored.tabs, { title: LOG_TAB, headers: LOG_HEADERS, row }, "bench");
  let size = 0;
  for (const step of plan) size += readyToSend(step);
  return size;
}

/** Main-thread CPU and wall of `JSON.parse(text)` and of the whole pipeline on the same text. */
export function measureOnce(text: string, titles: readonly string[]) {
  const parse = threadCpu(() => JSON.parse(text) as unknown);
  const pipeline = threadCpu(() => planBodies(text, titles));
  if (pipeline.value === 0) throw new Error("nothing was planned");
  return { parse: parse.cpuMs, pipeline: pipeline.cpuMs, pipelineWall: pipeline.wallMs };
}

/** The pipeline's steps apart (main-thread CPU ms): where its time goes. */
export function measureSteps(text: string, titles: readonly string[]) {
  const parsed = threadCpu(() => JSON.parse(text) as { valueRanges: { values?: RawTabs[string] }[] });
  const tabs: RawTabs = {};
  parsed.value.valueRanges.forEach((range, i) => {
    tabs[titles[i] ?? ""] = range.values ?? [];
  });
  const book = threadCpu(() => readWorkbook(tabs, { years: yearsScored(BENCH_YEAR) }));
  const { rejectedRegistrations: _rejected, ...records } = book.value;
  const result = threadCpu(() => score({ year: BENCH_YEAR, ...records }));
  const grids = threadCpu(() => outputTabs(result.value, book.value.errors));
  // The planner writes each call's body as the text sent (no object tree to serialise afterwards).
  const plan = threadCpu(() => {
    const steps = planWrite(
      stateOf(titles),
      grids.value,
      { title: LOG_TAB, headers: LOG_HEADERS, row: ["bench"] },
      "bench",
    );
    for (const step of steps) readyToSend(step);
    return steps;
  });
  return {
    parse: parsed.cpuMs,
    read: book.cpuMs,
    score: result.cpuMs,
    output: grids.cpuMs,
    "plan and bodies": plan.cpuMs,
    calls: plan.value.length,
    bodyChars: plan.value.reduce((n, s) => n + s.body().length, 0),
  };
}
