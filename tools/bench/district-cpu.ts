/**
 * The district's full run alone, for a quick loop while cutting its cost: one emulator and one `wrangler dev`, a few
 * untimed warm-up runs, then the median workerd main-thread CPU of N warm full `POST /api/score` runs of the demo
 * district (tools/demo/district.ts), as the end-to-end bench measures it (tools/bench/workerd-cpu.ts).
 *
 *   node --experimental-transform-types tools/bench/district-cpu.ts [--runs=15] [--warmup=3] [--dry]
 */
import { startEmulator } from "../../emulator/server.ts";
import { demoSpreadsheet } from "../demo/district.ts";
import { spread } from "./goal.ts";
import { type ScoreCall, scoreOnce, seed } from "./score-call.ts";
import { startWorker } from "./worker-process.ts";

const DISTRICT = "district-bench";

export interface DistrictFigures {
  runs: ScoreCall[];
  /** Sheets requests of one run, by kind. */
  requests: Record<string, number>;
}

/** `runs` warm full (or dry) runs of the demo district after `warmup` untimed ones, in one isolate. */
export async function benchDistrict(options: { runs?: number; warmup?: number; dryRun?: boolean } = {}) {
  const runs = options.runs ?? 15;
  const warmup = options.warmup ?? 3;
  const emulator = await startEmulator({ port: 0 });
  try {
    await seed(emulator.url, DISTRICT, demoSpreadsheet());
    const worker = await startWorker(emulator.url);
    try {
      const must = (call: ScoreCall) => {
        if (!call.ok) throw new Error(`POST /api/score failed: ${call.status}`);
        return call;
      };
      for (let i = 0; i < warmup; i++) must(await scoreOnce(worker, DISTRICT, options.dryRun));
      const measured: ScoreCall[] = [];
      let requests: Record<string, number> = {};
      for (let i = 0; i < runs; i++) {
        emulator.stats.reset();
        measured.push(must(await scoreOnce(worker, DISTRICT, options.dryRun)));
        if (i === 0) requests = emulator.stats.get().byKind;
      }
      return { runs: measured, requests } satisfies DistrictFigures;
    } finally {
      await worker.stop();
    }
  } finally {
    await emulator.close();
  }
}

if (import.meta.main) {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
  const f = await benchDistrict({
    runs: Number(arg("runs") ?? 15),
    warmup: Number(arg("warmup") ?? 3),
    dryRun: process.argv.includes("--dry"),
  });
  const kinds = Object.entries(f.requests)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  console.log(`Sheets requests of one run: ${kinds}`);
  console.log(`district ${process.argv.includes("--dry") ? "dry" : "full"} run, warm (${f.runs.length} runs):`);
  console.log(`  workerd main-thread CPU ${spread(f.runs.map((c) => c.mainMs))}`);
  console.log(`  helpers ${spread(f.runs.map((c) => c.helperMs))}; wall ${spread(f.runs.map((c) => c.wallMs))}`);
}
