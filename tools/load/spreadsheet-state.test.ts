import { describe, expect, it } from "vitest";
import { LOG_TAB } from "../../sheets-schema/output/run-log.ts";
import { disagreement, judgeState, parseState, type Reference, type SpreadsheetState } from "./spreadsheet-state.ts";

type Cell = string | number;
interface Tab {
  title: string;
  rows: Cell[][];
  hidden?: boolean;
  protectedRanges?: number;
}

/** A spreadsheet as `spreadsheets.get?includeGridData=true` shows it. */
function state(tabs: Tab[], mark = "run-0"): SpreadsheetState {
  const sheets = tabs.map((t, index) => ({
    properties: { sheetId: index + 1, title: t.title, index, ...(t.hidden ? { hidden: true } : {}) },
    ...(t.protectedRanges ? { protectedRanges: Array.from({ length: t.protectedRanges }, () => ({})) } : {}),
    data: [
      {
        rowData: t.rows.map((row) => ({
          values: row.map((v) => ({
            effectiveValue: typeof v === "number" ? { numberValue: v } : { stringValue: v },
          })),
        })),
      },
    ],
  }));
  return parseState(JSON.stringify({ developerMetadata: [{ metadataValue: mark }], sheets }));
}

const INPUT: Tab = { title: "Đơn vị", rows: [["Mã"], ["X01"]] };
const RANKING = "Xếp hạng 2024";
const HEADER = ["Mã lần chạy"];
const reference: Reference = {
  titles: [RANKING, LOG_TAB],
  values: new Map([[RANKING, [["Hạng"], [1]]]]),
  logHeader: HEADER,
};
const ranked = (rows: Cell[][] = [["Hạng"], [1]], protectedRanges = 1): Tab => ({
  title: RANKING,
  rows,
  protectedRanges,
});
const log = (...runs: string[]): Tab => ({ title: LOG_TAB, rows: [HEADER, ...runs.map((r) => [r])] });

const before = state([INPUT, ranked([["Hạng"], [2]]), log("a")]);

describe("judging what a run left", () => {
  it("byte-identical is unchanged", () => {
    expect(judgeState(before, state([INPUT, ranked([["Hạng"], [2]]), log("a")]), reference).kind).toBe("unchanged");
  });

  it("the reference's tabs, the input untouched and one new log row is the completed run", () => {
    const judged = judgeState(before, state([INPUT, ranked(), log("a", "b")], "b"), reference);
    expect(judged).toEqual({ kind: "completed", newLogRuns: ["b"], problems: [] });
  });

  it("a first run on a fresh spreadsheet is completed with the header and one row", () => {
    const fresh = state([INPUT]);
    expect(judgeState(fresh, state([INPUT, ranked(), log("b")], "b"), reference).kind).toBe("completed");
  });

  it("two new log rows, a changed input tab, lost protections or other values are neither", () => {
    const cases = [
      state([INPUT, ranked(), log("a", "b", "b")]),
      state([{ ...INPUT, rows: [["Mã"], ["X02"]] }, ranked(), log("a", "b")]),
      state([INPUT, ranked(undefined, 0), log("a", "b")]),
      state([INPUT, ranked([["Hạng"], [3]]), log("a", "b")]),
      state([INPUT, ranked(), log("b")]),
    ];
    for (const after of cases) expect(judgeState(before, after, reference).kind).toBe("other");
  });

  it("hidden staging tabs beside unchanged visible tabs are staging left; left after a run, they are not completed", () => {
    const staging: Tab = { title: "~dvk-staging~r1~1", rows: [["Hạng"]], hidden: true };
    const left = state([INPUT, ranked([["Hạng"], [2]]), log("a"), staging], "run-0 ");
    expect(judgeState(before, left, reference).kind).toBe("staging-left");
    expect(judgeState(before, state([INPUT, ranked(), log("a", "b"), staging]), reference).kind).toBe("other");
  });
});

describe("the answer against the state", () => {
  const unchanged = { kind: "unchanged" as const, newLogRuns: [], problems: [] };
  const completed = { kind: "completed" as const, newLogRuns: ["b"], problems: [] };

  it("a 200 must be the completed run carrying its run id", () => {
    expect(disagreement({ status: 200, code: null, runId: "b" }, completed)).toBeNull();
    expect(disagreement({ status: 200, code: null, runId: "c" }, completed)).toContain("run c");
    expect(disagreement({ status: 200, code: null, runId: "b" }, unchanged)).toContain("unchanged");
  });

  it("a failure must leave the spreadsheet unchanged, except write_unknown which may leave either", () => {
    expect(disagreement({ status: 502, code: "sheets_unavailable", runId: null }, unchanged)).toBeNull();
    expect(disagreement({ status: 502, code: "sheets_unavailable", runId: null }, completed)).toContain("completed");
    expect(disagreement({ status: 502, code: "write_unknown", runId: null }, unchanged)).toBeNull();
    expect(disagreement({ status: 502, code: "write_unknown", runId: null }, completed)).toBeNull();
  });
});
