/**
 * `npm run fuzz`: hostile spreadsheets (tools/fuzz/hostile-workbook.ts) through the whole pipeline, in-process, for a
 * bounded time or number of seeds. Prints the cases run, their outcomes, the data errors found, and every failure
 * with its seed, so it can be reproduced with `npm run fuzz -- --from SEED --seeds 1`.
 *
 *   npm run fuzz                          60 s from seed 1
 *   npm run fuzz -- --seconds 300         five minutes
 *   npm run fuzz -- --seeds 2000          seeds 1..2000, however long it takes
 *   npm run fuzz -- --from 7000 --max-units 300   bigger workbooks, other seeds
 *
 * Exit code 1 when any case broke a property.
 */
import { parseArgs } from "node:util";
import { runFuzzCase, type FuzzCase, type Outcome } from "./invariants.ts";

const { values: flags } = parseArgs({
  options: {
    seconds: { type: "string" },
    seeds: { type: "string" },
    from: { type: "string", default: "1" },
    "max-units": { type: "string" },
  },
});
const seeds = flags.seeds === undefined ? Infinity : Number(flags.seeds);
const seconds = flags.seconds === undefined ? (flags.seeds === undefined ? 60 : Infinity) : Number(flags.seconds);
const from = Number(flags.from);
const maxUnits = flags["max-units"] === undefined ? undefined : Number(flags["max-units"]);
for (const [name, n] of [
  ["--seeds", seeds],
  ["--seconds", seconds],
  ["--from", from],
  ["--max-units", maxUnits ?? 1],
] as const) {
  if (!(n > 0)) throw new Error(`${name} must be a positive number`);
}

const started = performance.now();
const deadline = started + seconds * 1000;
const outcomes: Record<Outcome, number> = { ok: 0, contract: 0, failure: 0 };
const failures: FuzzCase[] = [];
let cases = 0;
let dataErrors = 0;
let slowest = { seed: from, ms: 0 };
let lastReport = started;

for (let seed = from; seed < from + seeds && performance.now() < deadline; seed++) {
  const c = runFuzzCase(seed, maxUnits === undefined ? {} : { maxUnits });
  cases++;
  outcomes[c.outcome]++;
  dataErrors += c.dataErrors;
  if (c.ms > slowest.ms) slowest = { seed, ms: c.ms };
  if (c.problems.length > 0) {
    failures.push(c);
    console.log(`✗ seed ${seed} (${c.outcome}; ${c.workbook.traits.join(", ") || "no special traits"})`);
    for (const p of c.problems.slice(0, 5)) console.log(`    ${p.split("\n").slice(0, 6).join("\n    ")}`);
    if (c.problems.length > 5) console.log(`    … and ${c.problems.length - 5} more`);
  }
  if (performance.now() - lastReport > 10_000) {
    lastReport = performance.now();
    console.log(`… ${cases} cases, ${((lastReport - started) / 1000).toFixed(0)} s`);
  }
}

const elapsed = (performance.now() - started) / 1000;
console.log(`
Fuzz: hostile spreadsheets through scoreWorkbook (seeds ${from}–${from + cases - 1})
  cases run           ${cases} in ${elapsed.toFixed(1)} s (${(cases / elapsed).toFixed(0)}/s)
  ok                  ${outcomes.ok}
  contract error      ${outcomes.contract}   (missing tab/column, doubled header, bad setting: the run stops, 422)
  anything else       ${outcomes.failure}
  data errors found   ${dataErrors} (${outcomes.ok > 0 ? (dataErrors / outcomes.ok).toFixed(1) : "0"} per scored workbook)
  slowest case        seed ${slowest.seed}, ${slowest.ms.toFixed(0)} ms
  failures            ${failures.length === 0 ? "none" : failures.map((f) => f.seed).join(", ")}`);
if (failures.length > 0) {
  console.log(
    `\nReproduce one: npm run fuzz -- --from ${failures[0]?.seed} --seeds 1${maxUnits ? ` --max-units ${maxUnits}` : ""}`,
  );
  process.exitCode = 1;
}
