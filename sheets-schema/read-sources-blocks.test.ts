/**
 * The main `Đăng ký` read block by block (SourcesReading, as a run reads a tall tab) gives exactly what reading the
 * whole tab at once gives: the same records and the same data errors, in the same order and at the same cells, for
 * every review and wherever the block edges fall (blank rows at an edge, a header-only first block, a block with
 * nothing in it, a `Mã mô hình` met again in a later block or in a source).
 */
import { describe, expect, it } from "vitest";
import type { ReviewKind } from "../scoring/review-kind.ts";
import { DEMO_YEAR, generateDistrict } from "../tools/demo/district.ts";
import { readForReview, readingForReview } from "./review-pipeline.ts";
import type { SourceTabs } from "./read-sources.ts";
import type { RawGrid, RawTabs } from "./types.ts";

/** Rows `from`…`to` as one `values.batchGet` of that block answers them: trailing empty rows left out. */
function block(grid: RawGrid, from: number, to: number): RawGrid {
  const rows = grid.slice(from, to);
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).length === 0) rows.pop();
  return rows;
}

/** A district whose `Đăng ký` has blank rows, an unreadable year and codes met again further down and in a source. */
function workbook(): { main: RawTabs; source: SourceTabs } {
  const main = generateDistrict({ modelsPerYear: 40 });
  const grid = [...(main["Đăng ký"] ?? [])];
  const header = (grid[0] ?? []).map(String);
  const yearAt = header.indexOf("Năm");
  const rows = grid.length;
  const bad = [...(grid[5] ?? [])];
  bad[yearAt] = "năm ngoái";
  grid[5] = bad;
  grid[4] = [];
  grid[8] = [];
  grid[9] = [];
  // The same rows again lower down (the later row is the error), after a run of blank rows.
  grid.push([], [], [], [...(grid[2] ?? [])], [...(grid[rows - 1] ?? [])], [], [...(grid[7] ?? [])]);
  main["Đăng ký"] = grid;
  const copied = [1, 2, 3, 10, rows - 2, rows - 1].map((r) => [...(grid[r] ?? [])]);
  const source: SourceTabs = {
    source: "1SourceId",
    name: "Xã Nguồn",
    tabs: { "Đăng ký": [grid[0] ?? [], ...copied, [], [...(grid[11] ?? [])]] },
  };
  return { main, source };
}

describe("the main Đăng ký read block by block", () => {
  const { main, source } = workbook();
  const grid = main["Đăng ký"] ?? [];
  const reviews: ReviewKind[] = ["nam", "6-thang", "giai-doan"];

  for (const review of reviews) {
    it(`gives the records and data errors of the whole tab read at once (${review})`, () => {
      const whole = readForReview([{ source: "", tabs: main }, source], DEMO_YEAR, review);
      expect(whole.errors.some((e) => e.cell.includes("Mã") || e.message.includes("bị trùng"))).toBe(true);
      for (const size of [1, 2, 3, 5, 7, 64, grid.length - 1, grid.length]) {
        const first = { ...main, "Đăng ký": block(grid, 0, size) };
        const reading = readingForReview([{ source: "", tabs: first }, source], DEMO_YEAR, review);
        for (let start = size; start < grid.length; start += size) {
          reading.addMainRegistrations(block(grid, start, start + size), start);
        }
        const read = reading.finish();
        expect({ size, errors: read.errors }).toEqual({ size, errors: whole.errors });
        expect(read.registrations).toEqual(whole.registrations);
        expect(read.rejectedRegistrations).toEqual(whole.rejectedRegistrations);
        expect(read.units).toEqual(whole.units);
        expect(read.teams).toEqual(whole.teams);
      }
    });
  }
});
