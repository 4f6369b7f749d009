/**
 * What the unit page's history costs at province size: for each other year of the stage it reads one stored result
 * and parses it whole to keep one unit's line. This prints the size of a province result and the time of
 * `JSON.parse` of it (median of N), so the figure in the note can be reproduced:
 *
 *   node --experimental-transform-types --no-warnings tools/bench/unit-history.ts
 */
import { scoreWorkbook } from "../../sheets-schema/pipeline.ts";
import { generateProvince } from "../demo/province.ts";

const ITERATIONS = 15;
const tabs = generateProvince({});
const { result, errors } = scoreWorkbook(tabs, 2024);
// The stored ScoreRun is the result, its data errors and a few run fields of negligible size.
const json = JSON.stringify({ ...result, dataErrors: errors, runId: "bench", spreadsheetId: "bench" });
const times: number[] = [];
for (let i = 0; i < ITERATIONS + 3; i++) {
  const t = performance.now();
  const run = JSON.parse(json) as typeof result;
  const found = run.units.find((u) => u.unit.code === result.units[0]?.unit.code);
  if (i >= 3) times.push(performance.now() - t);
  if (!found) throw new Error("unit not found");
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)] ?? 0;
console.log(
  `province result: ${result.units.length} units, ${result.registrations.length} registrations of 2024, ` +
    `${(new TextEncoder().encode(json).length / 1e6).toFixed(1)} MB of JSON; parse + find one unit: ` +
    `median ${median.toFixed(1)} ms over ${ITERATIONS} (×4 for the other years of a stage)`,
);
