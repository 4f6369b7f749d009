import { describe, expect, it } from "vitest";
import { score } from "../../scoring/score.ts";
import { aRegistration, anInput, aUnit } from "../../scoring/testing.ts";
import type { ScoreRun } from "../jobs/score-spreadsheet.ts";
import type { RunRecord } from "../scorer/result-store.ts";
import {
  chooseYear,
  dashboardHref,
  failedRunsToShow,
  groupUnits,
  readDashboardQuery,
  summarise,
  yearOptions,
} from "./view-model.ts";

function aRun(year: number, ok: boolean, at: string): RunRecord {
  return {
    runId: `${year}-${at}`,
    year,
    at,
    dryRun: false,
    ok,
    status: ok ? 200 : 422,
    message: ok ? "Đã ghi" : "Thiếu cột",
    caller: "API",
  };
}

describe("readDashboardQuery", () => {
  it("takes the configured spreadsheet and no year by default", () => {
    expect(readDashboardQuery({}, "sheet-1")).toEqual({
      ok: true,
      value: { spreadsheetId: "sheet-1", spreadsheetIdAsked: false, year: null },
    });
  });

  it("prefers the spreadsheet and year asked for", () => {
    expect(readDashboardQuery({ year: "2023", spreadsheetId: "other_2" }, "sheet-1")).toEqual({
      ok: true,
      value: { spreadsheetId: "other_2", spreadsheetIdAsked: true, year: 2023 },
    });
  });

  it("has no spreadsheet when none is asked for or configured", () => {
    expect(readDashboardQuery({}, "")).toMatchObject({ ok: true, value: { spreadsheetId: null } });
  });

  it("refuses a year that is not a year, in Vietnamese", () => {
    expect(readDashboardQuery({ year: "hai nghìn" }, "s")).toEqual({
      ok: false,
      message: expect.stringContaining("Năm “hai nghìn” không hợp lệ"),
    });
    expect(readDashboardQuery({ year: "1999" }, "s")).toMatchObject({ ok: false });
  });

  it("refuses a spreadsheet id with characters an id never has", () => {
    expect(readDashboardQuery({ spreadsheetId: "a/../b" }, "s")).toMatchObject({
      ok: false,
      message: expect.stringContaining("Không đọc được mã bảng tính từ “a/../b”"),
    });
  });

  it("takes the id out of a Google Sheets address pasted as ?spreadsheetId=", () => {
    const url = "https://docs.google.com/spreadsheets/d/other_2/edit#gid=0";
    expect(readDashboardQuery({ spreadsheetId: url }, "s")).toEqual({
      ok: true,
      value: { spreadsheetId: "other_2", spreadsheetIdAsked: true, year: null },
    });
  });
});

describe("chooseYear and yearOptions", () => {
  it("shows the year asked for even without a result", () => {
    expect(chooseYear(2019, [2024], 2025)).toBe(2019);
  });

  it("shows the latest year with a result, else the current year", () => {
    expect(chooseYear(null, [2023, 2024], 2025)).toBe(2024);
    expect(chooseYear(null, [], 2025)).toBe(2025);
  });

  it("offers the years with results, the current year and the one shown, latest first, once each", () => {
    expect(yearOptions([2023, 2022], 2021, 2025)).toEqual([2025, 2023, 2022, 2021]);
    expect(yearOptions([2025], 2025, 2025)).toEqual([2025]);
  });
});

describe("failedRunsToShow", () => {
  it("announces the most recent run when it failed, whatever its year", () => {
    const runs = [aRun(2025, false, "2025-03-02"), aRun(2024, true, "2025-03-01")];
    expect(failedRunsToShow(runs, 2024)).toEqual([runs[0]]);
  });

  it("announces the last run of the year shown when it failed, even after a success of another year", () => {
    const runs = [aRun(2025, true, "2025-03-02"), aRun(2024, false, "2025-03-01")];
    expect(failedRunsToShow(runs, 2024)).toEqual([runs[1]]);
  });

  it("announces one failure once when it is both", () => {
    const runs = [aRun(2024, false, "2025-03-02")];
    expect(failedRunsToShow(runs, 2024)).toEqual(runs);
  });

  it("announces nothing once a later run of the year succeeded", () => {
    const runs = [aRun(2024, true, "2025-03-02"), aRun(2024, false, "2025-03-01")];
    expect(failedRunsToShow(runs, 2024)).toEqual([]);
    expect(failedRunsToShow([], 2024)).toEqual([]);
  });
});

describe("groupUnits and summarise", () => {
  const result = score(
    anInput({
      units: [aUnit("A1", { cluster: "Cụm 1" }), aUnit("A2", { cluster: "Cụm 1" }), aUnit("B1", { cluster: "Cụm 2" })],
      registrations: [aRegistration("A1"), aRegistration("B1")],
    }),
  );
  const run = {
    ...result,
    dataErrors: [{ tab: "Đăng ký", cell: "'Đăng ký'!H3", value: "x", message: "Sai" }],
  } as unknown as ScoreRun;

  it("keeps the ranking order and splits it by cluster", () => {
    const groups = groupUnits(result.units);
    expect(groups.map((g) => [g.group, g.units.map((u) => u.unit.code)])).toEqual([
      ["Cụm 1", ["A1", "A2"]],
      ["Cụm 2", ["B1"]],
    ]);
  });

  it("counts units, quotas met, targets met and data errors", () => {
    const s = summarise(run);
    expect(s).toMatchObject({ units: 3, quotaMet: 2, dataErrors: 1 });
    expect(s.targets).toBe(result.targets.filter((t) => t.communeCode === null).length);
  });
});

describe("dashboardHref", () => {
  it("carries the spreadsheet only when it was asked for", () => {
    expect(dashboardHref(2024, null)).toBe("/?year=2024");
    expect(dashboardHref(2024, "abc")).toBe("/?year=2024&spreadsheetId=abc");
  });
});
