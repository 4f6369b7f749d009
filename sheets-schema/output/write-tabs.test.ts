import { describe, expect, it } from "vitest";
import { generatedTabTitles, isGeneratedTabTitle } from "./tab-names.ts";
import { result, unitResult, verdict } from "./test-fixtures.ts";
import { outputTabs } from "./write-tabs.ts";

describe("outputTabs", () => {
  const tabs = outputTabs(result({ year: 2024, units: [unitResult()], registrations: [verdict()] }), []);

  it("returns every generated tab of the year in a fixed order", () => {
    expect(tabs.map((t) => t.title)).toEqual(generatedTabTitles(2024));
  });

  it("only ever names tabs the guard accepts as generated", () => {
    for (const t of tabs) expect(isGeneratedTabTitle(t.title), t.title).toBe(true);
  });

  it("points every highlight at a cell inside its grid", () => {
    const flagged = outputTabs(
      result({
        units: [unitResult({ quotaMet: false, flags: [{ code: "quotaNotMet", message: "Chưa đạt chỉ tiêu" }] })],
        registrations: [verdict({}, { acknowledged: "Tập thể chưa thừa nhận" })],
      }),
      [],
    );
    for (const t of flagged) {
      for (const h of t.highlights) expect(t.rows[h.row]?.[h.column], `${t.title} ${h.row}:${h.column}`).toBeDefined();
    }
  });

  it("writes no undefined cell anywhere", () => {
    for (const t of tabs) for (const row of t.rows) for (const cell of row) expect(cell).not.toBeUndefined();
  });
});
