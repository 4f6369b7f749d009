/**
 * Memory as the smallest V8 heap with which a run completes in workerd: the Worker is started under `wrangler dev`
 * with `--max-heap-size=<MiB>` (miniflare's MINIFLARE_WORKERD_V8_FLAGS) and the cap is bisected, as one would for
 * a regression: a run that does not fit kills workerd (V8 out of memory) and the request fails. Each probe is a
 * fresh workerd. Scenarios: the annual run cold (one full run in a new isolate), several runs in one isolate
 * (dry, full, full), and the five-year stage review (`"review": "giai-doan"`, SPEC §3.8) cold. The 4× province
 * (18,200 units, 200,000 registrations) must complete under 128 MiB.
 */
import { startEmulator } from "../../emulator/server.ts";
import { provinceSpreadsheet } from "../demo/province.ts";
import { formatGoal } from "./goal.ts";
import { scoreOnce, seed } from "./score-call.ts";
import { startWorker } from "./worker-process.ts";

/** The caps tried lie between these (MiB); the answer is exact to STEP. */
const FLOOR = 16;
const CEILING = 128;
const STEP = 2;

export interface MemoryFigures {
  /** Smallest cap (MiB) with which the scenario completed; null: not even with CEILING. */
  annualCold: number | null;
  severalRuns: number | null;
  stageReview: number | null;
  /** Whether the 4× province's full run completed with CEILING; null when its workbook could not be seeded. */
  quadruple: boolean | null;
  /** The smallest cap (MiB, to QUAD_STEP) with which the 4× province's full run completed; null: not with CEILING. */
  quadrupleHeap: number | null;
  quadrupleNote: string;
}

type Review = "nam" | "giai-doan";

/**
 * True when every run of `dryRuns` (one entry per request, of `review`) answered 200 in one workerd capped at
 * `capMiB`.
 */
async function completes(
  emulatorUrl: string,
  id: string,
  dryRuns: readonly boolean[],
  capMiB: number,
  review: Review = "nam",
) {
  const worker = await startWorker(emulatorUrl, undefined, undefined, {
    v8Flags: [`--max-heap-size=${capMiB}`],
    quiet: true,
  });
  try {
    for (const dryRun of dryRuns) if (!(await scoreOnce(worker, id, dryRun, review)).ok) return false;
    return true;
  } finally {
    await worker.stop();
  }
}

/** The 4× province is bisected more coarsely (each probe is about a minute), from QUAD_FLOOR. */
const QUAD_FLOOR = 48;
const QUAD_STEP = 8;

/** The smallest cap in [floor, CEILING] with which the runs complete (to `step` MiB), or null. */
async function smallestHeap(
  emulatorUrl: string,
  id: string,
  dryRuns: readonly boolean[],
  review: Review = "nam",
  { floor, step } = { floor: FLOOR, step: STEP },
): Promise<number | null> {
  if (!(await completes(emulatorUrl, id, dryRuns, CEILING, review))) return null;
  let fits = CEILING;
  let fails = floor - step;
  while (fits - fails > step) {
    const mid = step * Math.round((fits + fails) / 2 / step);
    if (await completes(emulatorUrl, id, dryRuns, mid, review)) fits = mid;
    else fails = mid;
  }
  return fits;
}

export async function benchMemory(): Promise<MemoryFigures> {
  const emulator = await startEmulator({ port: 0 });
  try {
    await seed(emulator.url, "province-memory", provinceSpreadsheet());
    // One full run first, untimed, so every probe replaces generated tabs, as nightly runs do.
    await completes(emulator.url, "province-memory", [false], CEILING);
    const annualCold = await smallestHeap(emulator.url, "province-memory", [false]);
    const severalRuns = await smallestHeap(emulator.url, "province-memory", [true, false, false]);
    await completes(emulator.url, "province-memory", [false], CEILING, "giai-doan"); // creates the stage tabs
    const stageReview = await smallestHeap(emulator.url, "province-memory", [false], "giai-doan");

    let quadruple: boolean | null = null;
    let quadrupleHeap: number | null = null;
    let quadrupleNote = "";
    try {
      await seed(emulator.url, "province-4x", provinceSpreadsheet({ units: 18_200, registrationsTotal: 200_000 }));
      quadruple = await completes(emulator.url, "province-4x", [false], CEILING);
      if (quadruple) {
        const coarse = { floor: QUAD_FLOOR, step: QUAD_STEP };
        quadrupleHeap = await smallestHeap(emulator.url, "province-4x", [false], "nam", coarse);
      }
    } catch (error) {
      quadrupleNote = ` (could not seed: ${(error as Error).message})`;
    }
    return { annualCold, severalRuns, stageReview, quadruple, quadrupleHeap, quadrupleNote };
  } finally {
    await emulator.close();
  }
}

export function formatMemoryFigures(f: MemoryFigures): string[] {
  const mib = (x: number | null) => (x === null ? `> ${CEILING} MiB` : `${x} MiB`);
  const how = (what: string) =>
    `${what}; smallest --max-heap-size of workerd (bisected in ${FLOOR}–${CEILING} MiB, to ${STEP} MiB, a fresh workerd per probe) with which every request answers 200`;
  return [
    ...formatGoal({
      name: "annual run, cold: smallest heap",
      figure: mib(f.annualCold),
      target: "≤ 48 MiB",
      how: how("one full province run in a new isolate"),
      met: f.annualCold !== null && f.annualCold <= 48,
    }),
    ...formatGoal({
      name: "dry + full + full in one isolate: smallest heap",
      figure: mib(f.severalRuns),
      target: "≤ 48 MiB",
      how: how("three province runs one after the other in the same isolate"),
      met: f.severalRuns !== null && f.severalRuns <= 48,
    }),
    ...formatGoal({
      name: "five-year stage review: smallest heap",
      figure: mib(f.stageReview),
      target: "≤ 64 MiB",
      how: how(
        'one full province run of the five-year stage review ("review": "giai-doan", the stage holding 2024) in a new isolate',
      ),
      met: f.stageReview !== null && f.stageReview <= 64,
    }),
    ...formatGoal({
      name: "4× province annual run under 128 MiB",
      figure: f.quadruple === null ? "—" : f.quadruple ? "completes" : "fails",
      target: "completes",
      how: `18,200 units, 200,000 registrations over five years; one full run with workerd's --max-heap-size=${CEILING}${f.quadrupleNote}`,
      met: f.quadruple,
    }),
    ...formatGoal({
      name: "4× province annual run: smallest heap",
      figure: f.quadruple === null ? "—" : mib(f.quadrupleHeap),
      target: "≤ 112 MiB (a margin under 128)",
      how: `the same run; smallest --max-heap-size bisected in ${QUAD_FLOOR}–${CEILING} MiB, to ${QUAD_STEP} MiB, a fresh workerd per probe`,
      met: f.quadrupleHeap !== null && f.quadrupleHeap <= 112,
    }),
    // What a heap cap cannot see, said beside the figures rather than left for the reader to assume.
    "  not in these figures: bytes outside the V8 heap (ArrayBuffers: a Sheets answer or a write body in flight, one",
    "  part of the run's answer). Each is bounded by design: reads come in blocks of 20,000 rows, a write body is",
    "  ≤ 2 MB, and the answer is read back from its stored parts one part (≤ 1.2 MB) at a time as the caller reads it.",
  ];
}
