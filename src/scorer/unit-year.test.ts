/** A unit's line of the unit page's history, read from the figures kept beside each year's result. */
import { env, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { unitResult } from "../../sheets-schema/output/test-fixtures.ts";
import { ResultStore } from "./result-store.ts";
import { scorerFor } from "./scorer-for.ts";
import type { SpreadsheetScorer } from "./spreadsheet-scorer.ts";

/** A stored annual result with units A (rank 2) and B (rank 1) of one cụm, A's score given. */
function resultJson(scoreOfA: number): string {
  const a = unitResult({ group: "Cụm 1", rank: 2, score: scoreOfA });
  const b = unitResult({ unit: { ...a.unit, code: "XA-B", name: "Xã B" }, group: "Cụm 1", rank: 1, score: 99 });
  return JSON.stringify({ year: 2023, units: [b, a], registrations: [], dataErrors: [] });
}

describe("SpreadsheetScorer.unitYear", () => {
  it("answers a unit's figures of a stored year, absent or not scored, and follows a result that was replaced", async () => {
    const id = `unit-year-${crypto.randomUUID()}`;
    const code = unitResult({}).unit.code;
    const lines = await runInDurableObject(scorerFor(env, id), async (scorer: SpreadsheetScorer, state) => {
      const store = new ResultStore(state.storage.sql);
      const before = await scorer.unitYear(2023, code); // nothing stored yet
      store.saveResult(2023, resultJson(80));
      const first = await scorer.unitYear(2023, code);
      const kept = store.loadYearFigures(2023) !== null;
      const absent = await scorer.unitYear(2023, "XA-Z");
      store.saveResult(2023, resultJson(70)); // the year scored again
      const replaced = store.loadYearFigures(2023) === null;
      const second = await scorer.unitYear(2023, code);
      return { before, first, kept, absent, replaced, second };
    });
    expect(lines.before).toEqual({ kind: "notScored", year: 2023 });
    expect(lines.first).toMatchObject({ kind: "scored", year: 2023, figures: { score: 80, rank: 2, groupSize: 2 } });
    expect(lines.kept).toBe(true);
    expect(lines.absent).toEqual({ kind: "absent", year: 2023 });
    expect(lines.replaced).toBe(true);
    expect(lines.second).toMatchObject({ kind: "scored", figures: { score: 70 } });
  });
});
