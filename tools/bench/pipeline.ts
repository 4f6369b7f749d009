/**
 * The pipeline benchmark of the issue: how long the pure path from raw tab values to the result and the output
 * grids takes on a province-size workbook, measured against `JSON.parse` of the same values payload, in one run.
 *
 * The ratio is the figure that travels between machines: JSON.parse is the cheapest thing the Worker must do with
 * the Sheets response anyway, so "the pipeline costs at most two JSON.parses" holds on a fast laptop and a slow CI
 * alike. Target: ratio ≤ 2.0.
 */
import { score, yearsScored } from "../../scoring/score.ts";
import { outputTabs } from "../../sheets-schema/output/write-tabs.ts";
import { scoreWorkbook } from "../../sheets-schema/pipeline.ts";
import { readWorkbook } from "../../sheets-schema/read-workbook.ts";
import type { RawTabs } from "../../sheets-schema/types.ts";
import { generateProvince } from "../demo/province.ts";

/** The scored year: the last of the generated province's five. */
export const BENCH_YEAR = 2024;

export interface PipelineFigures {
  node: string;
  units: number;
  /** Data rows of `Đăng ký`, every year. */
  registrations: number;
  teams: number;
  years: number;
  /** UTF-8 bytes of `JSON.stringify(tabs)`, and its length in UTF-16 code units (what JSON.parse walks). */
  payloadBytes: number;
  payloadChars: number;
  iterations: number;
  /** Median milliseconds of each measured step. */
  median: { parse: number; pipeline: number; read: number; score: number; output: number };
  /** median(pipeline) / median(parse): the acceptance figure (≤ 2.0). */
  ratio: number;
}

export interface BenchOptions {
  /** Timed iterations (each: one parse, one whole pipeline, one pipeline split into its steps). Default 15. */
  iterations?: number;
  /** Untimed iterations first, so the JIT has compiled the hot paths of both sides. Default 3. */
  warmup?: number;
}

/**
 * Generates the province once, then interleaves N iterations of `JSON.parse(payload)` and
 * `scoreWorkbook(JSON.parse(payload), year)`, timing the pipeline apart from its own parse (each run gets fresh
 * objects, as the Worker does). A third, split run per iteration times read / score / output separately.
 */
export async function benchPipeline(options: BenchOptions = {}): Promise<PipelineFigures> {
  const iterations = options.iterations ?? 15;
  const warmup = options.warmup ?? 3;
  const tabs = generateProvince({});
  const payload = JSON.stringify(tabs);
  const rows = (title: string) => Math.max(0, (tabs[title]?.length ?? 0) - 1);
  const registrationRows = tabs["Đăng ký"] ?? [];
  const yearColumn = registrationRows[0]?.indexOf("Năm") ?? -1;
  const years = new Set(registrationRows.slice(1).map((row) => row[yearColumn])).size;

  const times = {
    parse: [] as number[],
    pipeline: [] as number[],
    read: [] as number[],
    score: [] as number[],
    output: [] as number[],
  };
  let sink = 0; // results are used, so no step can be optimised away
  for (let i = 0; i < warmup + iterations; i++) {
    const timed = i >= warmup;

    let start = performance.now();
    const parsed = JSON.parse(payload) as RawTabs;
    const parse = performance.now() - start;
    sink += Object.keys(parsed).length;

    const fresh = JSON.parse(payload) as RawTabs;
    start = performance.now();
    const scored = scoreWorkbook(fresh, BENCH_YEAR);
    const pipeline = performance.now() - start;
    sink += scored.tabs.length;

    const split = JSON.parse(payload) as RawTabs;
    const t0 = performance.now();
    const book = readWorkbook(split, { years: yearsScored(BENCH_YEAR) }); // as scoreWorkbook reads
    const t1 = performance.now();
    const { rejectedRegistrations: _rejected, ...records } = book;
    const result = score({ year: BENCH_YEAR, ...records });
    const t2 = performance.now();
    const grids = outputTabs(result, book.errors);
    const t3 = performance.now();
    sink += grids.length;

    if (timed) {
      times.parse.push(parse);
      times.pipeline.push(pipeline);
      times.read.push(t1 - t0);
      times.score.push(t2 - t1);
      times.output.push(t3 - t2);
    }
    // Let the event loop turn between iterations, as requests would.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (sink === 0) throw new Error("nothing was computed");

  const median = {
    parse: medianOf(times.parse),
    pipeline: medianOf(times.pipeline),
    read: medianOf(times.read),
    score: medianOf(times.score),
    output: medianOf(times.output),
  };
  return {
    node: process.version,
    units: rows("Đơn vị"),
    registrations: rows("Đăng ký"),
    teams: rows("Tổ, khối dân vận"),
    years,
    payloadBytes: new TextEncoder().encode(payload).length,
    payloadChars: payload.length,
    iterations,
    median,
    ratio: median.pipeline / median.parse,
  };
}

/** The median of some timings. @example medianOf([3, 1, 2]) // → 2 */
export function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/** The figures as the lines of a table, for `npm run bench`. */
export function formatPipelineFigures(f: PipelineFigures): string[] {
  const ms = (x: number) => `${x.toFixed(1).padStart(7)} ms`;
  const mb = (f.payloadBytes / 1e6).toFixed(1);
  return [
    `Workbook: ${f.units} units, ${f.registrations} registrations over ${f.years} years, ${f.teams} teams; ` +
      `payload ${mb} MB, ${(f.payloadChars / 1e6).toFixed(1)} M characters (Node ${f.node}, median of ${f.iterations})`,
    `  JSON.parse(payload)          ${ms(f.median.parse)}`,
    `  scoreWorkbook (pipeline)     ${ms(f.median.pipeline)}`,
    `    readWorkbook               ${ms(f.median.read)}`,
    `    score                      ${ms(f.median.score)}`,
    `    outputTabs                 ${ms(f.median.output)}`,
    `  ratio pipeline / JSON.parse  ${f.ratio.toFixed(2).padStart(7)}    (target ≤ 2.00: ${f.ratio <= 2 ? "met" : "NOT met"})`,
  ];
}
