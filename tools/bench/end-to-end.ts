/**
 * The whole request as the platform bills it: the main-thread CPU of workerd for one full `POST /api/score`
 * (token, reads, parse, score, every write request, the stored result, the JSON answer) with the Worker under
 * `wrangler dev` and the Sheets emulator, against `JSON.parse` of the input payload (the `values.batchGet` text the
 * Worker receives) in Node. Warm: one `wrangler dev`, runs after an untimed one. Cold: the first run of a fresh
 * `wrangler dev` each time (a new isolate). The district's full run is the third figure.
 */
import { startEmulator } from "../../emulator/server.ts";
import { demoSpreadsheet } from "../demo/district.ts";
import { provinceSpreadsheet } from "../demo/province.ts";
import { formatGoal, medianOf, spread, threadCpu } from "./goal.ts";
import { batchGetTextOf, type ScoreCall, scoreOnce, seed } from "./score-call.ts";
import { startWorker } from "./worker-process.ts";

export interface EndToEndFigures {
  payloadBytes: number;
  parseMs: number[];
  warm: ScoreCall[];
  cold: ScoreCall[];
  district: ScoreCall[];
  requests: Record<string, number>;
  tokens: number;
}

const PROVINCE = "province-bench";
const DISTRICT = "district-bench";

export async function benchEndToEnd(options: { runs?: number; coldRuns?: number } = {}): Promise<EndToEndFigures> {
  const runs = options.runs ?? 7;
  const coldRuns = options.coldRuns ?? 7;
  const emulator = await startEmulator({ port: 0 });
  try {
    const province = provinceSpreadsheet();
    await seed(emulator.url, PROVINCE, province);
    await seed(emulator.url, DISTRICT, demoSpreadsheet());
    const text = await batchGetTextOf(
      emulator.url,
      PROVINCE,
      province.sheets.map((s) => s.title),
    );
    const parseMs: number[] = [];
    for (let i = 0; i < 3 + runs; i++) {
      const { cpuMs } = threadCpu(() => JSON.parse(text) as unknown);
      if (i >= 3) parseMs.push(cpuMs);
    }

    const must = (call: ScoreCall) => {
      if (!call.ok) throw new Error(`POST /api/score failed: ${call.status}`);
      return call;
    };
    const warm: ScoreCall[] = [];
    const district: ScoreCall[] = [];
    let requests: Record<string, number> = {};
    let tokens = 0;
    const worker = await startWorker(emulator.url);
    try {
      must(await scoreOnce(worker, PROVINCE)); // untimed: compiles the code paths, creates the generated tabs
      for (let i = 0; i < runs; i++) {
        emulator.stats.reset();
        warm.push(must(await scoreOnce(worker, PROVINCE)));
        if (i === 0) {
          requests = emulator.stats.get().byKind;
          tokens = emulator.stats.get().tokensIssued;
        }
      }
      must(await scoreOnce(worker, DISTRICT));
      for (let i = 0; i < runs; i++) district.push(must(await scoreOnce(worker, DISTRICT)));
    } finally {
      await worker.stop();
    }

    const cold: ScoreCall[] = [];
    for (let i = 0; i < coldRuns; i++) {
      // Quiet: stopped right after one request, wrangler's esbuild watcher may print a Go deadlock trace on exit.
      // A failed run still fails the bench (must).
      const fresh = await startWorker(emulator.url, undefined, undefined, { quiet: true });
      try {
        cold.push(must(await scoreOnce(fresh, PROVINCE)));
      } finally {
        await fresh.stop();
      }
    }
    return { payloadBytes: Buffer.byteLength(text), parseMs, warm, cold, district, requests, tokens };
  } finally {
    await emulator.close();
  }
}

export function formatEndToEndFigures(f: EndToEndFigures): string[] {
  const parse = medianOf(f.parseMs);
  const main = (calls: ScoreCall[]) => calls.map((c) => c.mainMs);
  const warmRatio = medianOf(main(f.warm)) / parse;
  const coldRatio = medianOf(main(f.cold)) / parse;
  const district = medianOf(main(f.district));
  const kinds = Object.entries(f.requests)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
  return [
    `  province input: batchGet text ${(f.payloadBytes / 1e6).toFixed(1)} MB; JSON.parse of it in Node, main-thread CPU: ${spread(f.parseMs)}`,
    `  Sheets requests of one run: ${kinds}; tokens ${f.tokens}; JSON answer ${((f.warm[0]?.answerChars ?? 0) / 1e6).toFixed(1)} M characters`,
    "  workerd main-thread CPU (V8 helper threads apart), median (min–max):",
    `    province, warm (${f.warm.length} runs)     ${spread(main(f.warm), 0)}; helpers ${spread(
      f.warm.map((c) => c.helperMs),
      0,
    )}; wall ${spread(
      f.warm.map((c) => c.wallMs),
      0,
    )}`,
    `    province, cold (${f.cold.length} fresh isolates) ${spread(main(f.cold), 0)}; helpers ${spread(
      f.cold.map((c) => c.helperMs),
      0,
    )}; wall ${spread(
      f.cold.map((c) => c.wallMs),
      0,
    )}`,
    `    district, warm (${f.district.length} runs)     ${spread(main(f.district))}; wall ${spread(
      f.district.map((c) => c.wallMs),
      0,
    )}`,
    ...formatGoal({
      name: "POST /api/score ÷ JSON.parse, warm",
      figure: `${warmRatio.toFixed(1)}×`,
      target: "≤ 5×",
      how: "median workerd main-thread CPU of a full province run (/proc/<pid>/task/<pid>/schedstat) ÷ median Node JSON.parse CPU of its batchGet text",
      met: warmRatio <= 5,
    }),
    ...formatGoal({
      name: "POST /api/score ÷ JSON.parse, cold",
      figure: `${coldRatio.toFixed(1)}×`,
      target: "≤ 6×",
      how: "the same, first request of a fresh wrangler dev each time",
      met: coldRatio <= 6,
    }),
    ...formatGoal({
      name: "district full run, warm",
      figure: `${district.toFixed(1)} ms`,
      target: "≤ 20 ms",
      how: "median workerd main-thread CPU of a full run of the demo district (tools/demo/district.ts)",
      met: district <= 20,
    }),
  ];
}
