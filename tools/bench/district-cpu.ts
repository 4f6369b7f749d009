/**
 * The district's full run alone, for a quick loop while cutting its cost: one emulator and one `wrangler dev`, a few
 * untimed warm-up runs, then the median workerd main-thread CPU of N warm full `POST /api/score` runs of the demo
 * district (tools/demo/district.ts), as the end-to-end bench measures it (tools/bench/workerd-cpu.ts).
 *
 *   node --experimental-transform-types tools/bench/district-cpu.ts [--runs=15] [--warmup=3] [--dry] [--against=DIR]
 *     [--province]
 *
 * On a shared machine one run's CPU moves by ±20 % with the load of the others, more than most single changes
 * save. `--against=DIR` compares this build with another checkout (e.g. `git archive <commit> | tar -x -C DIR`, with
 * a `node_modules` link): both Workers run side by side and their runs alternate, so a change of load hits both,
 * and the median of the paired differences says what the change bought. `--province` runs the generated province
 * (tools/demo/province.ts) instead: the same comparison for a change that matters at size.
 */
import { startEmulator } from "../../emulator/server.ts";
import { demoSpreadsheet } from "../demo/district.ts";
import { provinceSpreadsheet } from "../demo/province.ts";
import { formatGoal, medianOf, spread } from "./goal.ts";
import { type ScoreCall, scoreOnce, seed } from "./score-call.ts";
import { type RunningWorker, startWorker } from "./worker-process.ts";

const DISTRICT = "district-bench";

export interface DistrictFigures {
  runs: ScoreCall[];
  /** The other build's runs, alternating with `runs` (with `against`). */
  against: ScoreCall[];
  /** Sheets requests of one run, by kind. */
  requests: Record<string, number>;
}

/** `runs` warm full (or dry) runs of the demo district after `warmup` untimed ones, in one isolate (per build). */
export async function benchDistrict(
  options: { runs?: number; warmup?: number; dryRun?: boolean; against?: string; province?: boolean } = {},
): Promise<DistrictFigures> {
  const runs = options.runs ?? 15;
  const warmup = options.warmup ?? 3;
  const emulator = await startEmulator({ port: 0 });
  const workers: RunningWorker[] = [];
  try {
    await seed(emulator.url, DISTRICT, options.province ? provinceSpreadsheet() : demoSpreadsheet());
    const worker = await startWorker(emulator.url);
    workers.push(worker);
    const other = options.against
      ? await startWorker(emulator.url, undefined, undefined, { cwd: options.against })
      : null;
    if (other) workers.push(other);
    const must = (call: ScoreCall) => {
      if (!call.ok) throw new Error(`POST /api/score failed: ${call.status}`);
      return call;
    };
    for (let i = 0; i < warmup; i++) {
      must(await scoreOnce(worker, DISTRICT, options.dryRun));
      if (other) must(await scoreOnce(other, DISTRICT, options.dryRun));
    }
    const measured: ScoreCall[] = [];
    const against: ScoreCall[] = [];
    let requests: Record<string, number> = {};
    for (let i = 0; i < runs; i++) {
      emulator.stats.reset();
      measured.push(must(await scoreOnce(worker, DISTRICT, options.dryRun)));
      if (i === 0) requests = emulator.stats.get().byKind;
      if (other) against.push(must(await scoreOnce(other, DISTRICT, options.dryRun)));
    }
    return { runs: measured, against, requests };
  } finally {
    for (const w of workers) await w.stop();
    await emulator.close();
  }
}

/** The figures as `npm run bench -- district` prints them, with the goal of issue 12. */
export function formatDistrictFigures(f: DistrictFigures): string[] {
  const median = medianOf(f.runs.map((c) => c.mainMs));
  return [
    `  Sheets requests of one run: ${Object.entries(f.requests)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")}`,
    `  workerd main-thread CPU ${spread(f.runs.map((c) => c.mainMs))}; wall ${spread(
      f.runs.map((c) => c.wallMs),
      0,
    )}`,
    ...formatGoal({
      name: "district full run, warm",
      figure: `${median.toFixed(1)} ms`,
      target: "≤ 20 ms",
      how: `median workerd main-thread CPU of ${f.runs.length} full runs of the demo district after 3 untimed ones, alone in one wrangler dev`,
      met: median <= 20,
    }),
  ];
}

if (import.meta.main) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const dryRun = process.argv.includes("--dry");
  const f = await benchDistrict({
    runs: Number(arg("runs") ?? 15),
    warmup: Number(arg("warmup") ?? 3),
    dryRun,
    province: process.argv.includes("--province"),
    ...(arg("against") ? { against: arg("against") } : {}),
  });
  const kinds = Object.entries(f.requests)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  const main = (calls: ScoreCall[]) => calls.map((c) => c.mainMs);
  console.log(`Sheets requests of one run: ${kinds}`);
  const what = process.argv.includes("--province") ? "province" : "district";
  console.log(`${what} ${dryRun ? "dry" : "full"} run, warm (${f.runs.length} runs), workerd main-thread CPU:`);
  console.log(`  this build   ${spread(main(f.runs))}; wall ${spread(f.runs.map((c) => c.wallMs))}`);
  if (f.against.length > 0) {
    const saved = f.against.map((c, i) => c.mainMs - (f.runs[i]?.mainMs ?? NaN));
    console.log(`  ${arg("against")}   ${spread(main(f.against))}`);
    console.log(`  median of the paired differences (other − this): ${medianOf(saved).toFixed(1)} ms`);
  }
}
