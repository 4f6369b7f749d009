import { describe, expect, it } from "vitest";
import { hostileWorkbook } from "../tools/fuzz/hostile-workbook.ts";
import { runFuzzCase, type FuzzCase } from "../tools/fuzz/invariants.ts";

// A short run of `npm run fuzz` inside workerd, where the pipeline really runs: the same seeds give the same
// workbooks here and in Node, so a seed that fails here is reproduced with `npm run fuzz -- --from SEED --seeds 1`.
const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

describe("scoreWorkbook on hostile spreadsheets", () => {
  const cases = new Map<number, FuzzCase>();
  const caseOf = (seed: number): FuzzCase => {
    let c = cases.get(seed);
    if (c === undefined) cases.set(seed, (c = runFuzzCase(seed)));
    return c;
  };

  it.each(SEEDS)("seed %i: returns or stops with a contract error, and every property holds", (seed) => {
    const c = caseOf(seed);
    expect(c.outcome).not.toBe("failure");
    expect(c.problems).toEqual([]);
  });

  it("covers both outcomes, data errors, and the 10,000 empty rows", () => {
    const cases = SEEDS.map(caseOf);
    const outcomes = new Set(cases.map((c) => c.outcome));
    expect(outcomes).toEqual(new Set(["ok", "contract"]));
    expect(cases.reduce((n, c) => n + c.dataErrors, 0)).toBeGreaterThan(100);
    expect(
      cases.some((c) => c.outcome === "ok" && c.workbook.traits.some((t) => t.includes("10,000 empty rows"))),
    ).toBe(true);
  });

  it("gives the same workbook for the same seed", () => {
    expect(JSON.stringify(hostileWorkbook(12).tabs)).toBe(JSON.stringify(hostileWorkbook(12).tabs));
  });
});
