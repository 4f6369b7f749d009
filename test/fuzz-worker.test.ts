import { describe, expect, it } from "vitest";
import { hostileWorkbook } from "../tools/fuzz/hostile-workbook.ts";
import { runFuzzCase } from "../tools/fuzz/invariants.ts";
import { postScore, type RunJson } from "./support/api.ts";
import { importSpreadsheet, readTab, type Grid } from "./support/sheets.ts";

// Hostile spreadsheets through the Worker, end to end: the emulator holds them, POST /api/score reads, scores and
// writes. Seeds chosen (with tools/fuzz) for a mix: scored ones with formula-like unit names, 10,000 empty rows
// before the data and the year 2000, and one that breaks the contract.
const SEEDS = [4, 5, 16, 30, 37];
const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const FORMULA_LIKE = /^[=+\-@]/;
const RANKING_CODE = 2; // `Mã đơn vị` and `Tên đơn vị` in `Xếp hạng {Y}`
const RANKING_NAME = 3;

let formulaNamesChecked = 0;

describe("POST /api/score on hostile spreadsheets", () => {
  it.each(SEEDS)(
    "seed %i: 200 or 422 in Vietnamese, input tabs untouched, formula-like names written as text",
    async (seed) => {
      const workbook = hostileWorkbook(seed);
      const id = `fuzz-${seed}-${Date.now()}`;
      const titles = Object.keys(workbook.tabs);
      await importSpreadsheet(
        id,
        titles.map((title) => ({ title, values: workbook.tabs[title] ?? [] })),
      );
      const before = await readTabs(id, titles);

      const res = await postScore({ year: workbook.year, spreadsheetId: id });
      const expected = runFuzzCase(seed).outcome === "ok" ? 200 : 422; // the pipeline in-process agrees with the Worker
      expect(res.status).toBe(expected);
      if (res.status === 422) {
        const body = (await res.json()) as { error: { code: string; message: string; where: string } };
        expect(body.error.code).toBe("contract");
        expect(body.error.message).toMatch(VIETNAMESE);
        expect(body.error.where).not.toBe("");
      }
      expect(await readTabs(id, titles)).toEqual(before);
      if (res.status !== 200) return;

      const run = (await res.json()) as RunJson;
      for (const e of run.dataErrors) expect(e.message).toMatch(VIETNAMESE);
      const ranking = `Xếp hạng ${workbook.year}`;
      const asTyped = await readTab(id, ranking, "FORMULA");
      const asValues = await readTab(id, ranking, "UNFORMATTED_VALUE");
      expect(asTyped).toHaveLength(run.units.length + 1);
      run.units.forEach(({ unit }) => {
        if (!FORMULA_LIKE.test(unit.name)) return;
        const row = asTyped.findIndex((r) => r[RANKING_CODE] === unit.code);
        expect(row, `unit ${unit.code} in ${ranking}`).toBeGreaterThan(0);
        // Stored as a formula, FORMULA would still show the text but the value would be computed (2, #ERROR!…).
        expect(asTyped[row]?.[RANKING_NAME]).toBe(unit.name);
        expect(asValues[row]?.[RANKING_NAME]).toBe(unit.name);
        formulaNamesChecked++;
      });
    },
  );

  it("checked formula-like unit names on the way", () => {
    expect(formulaNamesChecked).toBeGreaterThanOrEqual(10);
  });
});

/** Every tab's cells as typed (formulas as their text), by title. */
async function readTabs(id: string, titles: string[]): Promise<Record<string, Grid>> {
  const tabs: Record<string, Grid> = {};
  for (const title of titles) tabs[title] = await readTab(id, title, "FORMULA");
  return tabs;
}
