/**
 * The pipeline figure of issue 12: the main-thread CPU of the pure path of one run — the text of the
 * `values.batchGet` answer → parse → read → score → output grids → write plan → the JSON bodies of every
 * `batchUpdate` call — against `JSON.parse` of the same text, on the generated province (Node, V8).
 *
 * The ratio is what travels between machines: JSON.parse is the least the Worker must do with the Sheets answer.
 * Warm: medians over iterations in one process after a warm-up. Cold: one first run in each of several fresh Node
 * processes (nothing compiled yet), as the first request of a new isolate. CPU is `process.threadCpuUsage()` of
 * the main thread (concurrent GC threads are not counted, as the platform bills the isolate's thread).
 */
import { spawnSync } from "node:child_process";
import { generateProvince } from "../demo/province.ts";
import { formatGoal, medianOf, spread } from "./goal.ts";
import { BENCH_YEAR, batchGetText, fiveYearStage, measureOnce, measureStage, measureSteps } from "./pipeline-run.ts";

export { BENCH_YEAR };

export interface PipelineFigures {
  node: string;
  units: number;
  registrations: number;
  years: number;
  payloadChars: number;
  payloadBytes: number;
  warm: { parse: number[]; pipeline: number[]; wall: number[] };
  cold: { parse: number[]; pipeline: number[] };
  steps: Record<string, number>;
  /** The five-year stage review of the same province (its payload has one more settings row). */
  stage: { parse: number[]; pipeline: number[] };
  calls: number;
  bodyChars: number;
}

export interface BenchOptions {
  /** Timed warm iterations. Default 9. */
  iterations?: number;
  /** Untimed iterations first, so the JIT has compiled the hot paths. Default 3. */
  warmup?: number;
  /** Fresh processes for the cold figure. Default 7. */
  coldRuns?: number;
}

export async function benchPipeline(options: BenchOptions = {}): Promise<PipelineFigures> {
  const iterations = options.iterations ?? 9;
  const warmup = options.warmup ?? 3;
  const coldRuns = options.coldRuns ?? 7;

  const cold = { parse: [] as number[], pipeline: [] as number[] };
  for (let i = 0; i < coldRuns; i++) {
    const child = spawnSync(
      process.execPath,
      ["--experimental-transform-types", "--no-warnings", "tools/bench/pipeline-child.ts"],
      { encoding: "utf8" },
    );
    const line = child.stdout.trim().split("\n").at(-1) ?? "";
    if (child.status !== 0 || !line.startsWith("{")) throw new Error(`cold pipeline run failed: ${child.stderr}`);
    const figures = JSON.parse(line) as { parse: number; pipeline: number };
    cold.parse.push(figures.parse);
    cold.pipeline.push(figures.pipeline);
  }

  const tabs = generateProvince({});
  const { text, titles } = batchGetText(tabs);
  const warm = { parse: [] as number[], pipeline: [] as number[], wall: [] as number[] };
  const steps: Record<string, number[]> = {};
  let calls = 0;
  let bodyChars = 0;
  for (let i = 0; i < warmup + iterations; i++) {
    const once = measureOnce(text, titles);
    const split = measureSteps(text, titles);
    if (i >= warmup) {
      warm.parse.push(once.parse);
      warm.pipeline.push(once.pipeline);
      warm.wall.push(once.pipelineWall);
      for (const [k, v] of Object.entries(split)) if (k !== "calls" && k !== "bodyChars") (steps[k] ??= []).push(v);
    }
    calls = split.calls;
    bodyChars = split.bodyChars;
    await new Promise((resolve) => setImmediate(resolve)); // the event loop turns between runs, as between requests
  }

  const stageText = batchGetText(fiveYearStage(tabs));
  const stage = { parse: [] as number[], pipeline: [] as number[] };
  for (let i = 0; i < warmup + iterations; i++) {
    const once = measureStage(stageText.text, stageText.titles);
    if (i >= warmup) {
      stage.parse.push(once.parse);
      stage.pipeline.push(once.pipeline);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }

  const rows = (title: string) => Math.max(0, (tabs[title]?.length ?? 0) - 1);
  const registrationRows = tabs["Đăng ký"] ?? [];
  const yearColumn = registrationRows[0]?.indexOf("Năm") ?? -1;
  return {
    node: process.version,
    units: rows("Đơn vị"),
    registrations: rows("Đăng ký"),
    years: new Set(registrationRows.slice(1).map((row) => row[yearColumn])).size,
    payloadChars: text.length,
    payloadBytes: Buffer.byteLength(text),
    warm,
    cold,
    steps: Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, medianOf(v)])),
    stage,
    calls,
    bodyChars,
  };
}

/** The figures as lines of the bench's output. */
export function formatPipelineFigures(f: PipelineFigures): string[] {
  const warmRatio = medianOf(f.warm.pipeline) / medianOf(f.warm.parse);
  const coldRatios = f.cold.pipeline.map((p, i) => p / (f.cold.parse[i] ?? NaN));
  const coldRatio = medianOf(coldRatios);
  const n = (x: number) => x.toFixed(1);
  return [
    `  workbook: ${f.units} units, ${f.registrations} registrations over ${f.years} years (scored: ${BENCH_YEAR}); ` +
      `batchGet text ${(f.payloadBytes / 1e6).toFixed(1)} MB; write plan ${f.calls} batchUpdate calls, ` +
      `${(f.bodyChars / 1e6).toFixed(1)} M characters of bodies (Node ${f.node})`,
    `  warm, main-thread CPU, median of ${f.warm.pipeline.length} (min–max):`,
    `    JSON.parse(text)                           ${spread(f.warm.parse)}`,
    `    pipeline (text → bodies)                   ${spread(f.warm.pipeline)}, wall ${spread(f.warm.wall)}`,
    `    its steps (medians)                        ${Object.entries(f.steps)
      .map(([k, v]) => `${k} ${n(v)}`)
      .join(", ")} ms`,
    `  cold (first run of a fresh process), median of ${f.cold.pipeline.length}:`,
    `    JSON.parse(text)                           ${spread(f.cold.parse)}`,
    `    pipeline (text → bodies)                   ${spread(f.cold.pipeline)}`,
    ...formatGoal({
      name: "pipeline ÷ JSON.parse, warm",
      figure: `${warmRatio.toFixed(2)}×`,
      target: "≤ 3.0×",
      how: `median pipeline CPU ÷ median JSON.parse CPU of the same text, process.threadCpuUsage(), ${f.warm.pipeline.length} runs after 3 untimed`,
      met: warmRatio <= 3.0,
    }),
    ...formatGoal({
      name: "pipeline ÷ JSON.parse, cold",
      figure: `${coldRatio.toFixed(2)}×`,
      target: "≤ 4.0×",
      how: `median over ${f.cold.pipeline.length} fresh Node processes of (first pipeline CPU ÷ first JSON.parse CPU), ratios ${coldRatios.map((r) => r.toFixed(2)).join(", ")}`,
      met: coldRatio <= 4.0,
    }),
    `  five-year stage review (Giai đoạn ${BENCH_YEAR - 4}-${BENCH_YEAR}), warm, median of ${f.stage.pipeline.length}:`,
    `    JSON.parse(text)                           ${spread(f.stage.parse)}`,
    `    stage pipeline (text → bodies)             ${spread(f.stage.pipeline)}`,
    `    stage pipeline ÷ JSON.parse                ${(medianOf(f.stage.pipeline) / medianOf(f.stage.parse)).toFixed(2)}× (no target; issue 9 asks for the figure)`,
  ];
}
