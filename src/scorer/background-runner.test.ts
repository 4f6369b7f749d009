import type { sheets_v4 } from "@googleapis/sheets";
import { describe, expect, it } from "vitest";
import type { RawGrid, RawTabs } from "../../sheets-schema/types.ts";
import { isRunning, newRun, type RunState } from "../jobs/background-run.ts";
import { progressOf } from "../jobs/run-progress.ts";
import type { RunContext, ScoreRun } from "../jobs/score-spreadsheet.ts";
import type { RunRecord } from "./result-store.ts";
import { runStep, type RunnerDeps } from "./background-runner.ts";

const SOURCES = 200;

/** A province on a fake Sheets API: the main spreadsheet lists SOURCES sources, each one xã with one registration. */
function province() {
  const spreadsheets = new Map<string, RawTabs>();
  spreadsheets.set("main", {
    "Nguồn dữ liệu": [["Mã bảng tính hoặc đường dẫn"], ...Array.from({ length: SOURCES }, (_, i) => [`s${i}`])],
  });
  for (let i = 0; i < SOURCES; i++) {
    spreadsheets.set(`s${i}`, {
      "Đơn vị": [
        ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"],
        [`X${i}`, `Xã ${i}`, "Xã"],
      ],
      "Đăng ký": [
        ["Năm", "Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức"],
        [2024, `X${i}`, "Chợ", "TT", "KT", "Mới"],
      ],
      "Gửi về": [["Mã bảng tính hoặc đường dẫn"], ["main"]], // each source consents to be read by the main one
    });
  }
  const clock = { t: 0 };
  const calls: { at: number; kind: string; id: string }[] = [];
  const answer = <T>(kind: string, id: string, data: T) => {
    calls.push({ at: clock.t, kind, id });
    clock.t += 200; // each call takes 200 ms
    return Promise.resolve({ data });
  };
  const api = {
    spreadsheets: {
      get: ({ spreadsheetId }: { spreadsheetId: string }) =>
        answer("get", spreadsheetId, {
          sheets: Object.keys(spreadsheets.get(spreadsheetId) ?? {}).map((title, i) => ({
            properties: { sheetId: i, title },
          })),
        }),
      batchUpdate: ({ spreadsheetId }: { spreadsheetId: string }) => answer("batchUpdate", spreadsheetId, {}),
      values: {
        batchGet: ({ spreadsheetId, ranges }: { spreadsheetId: string; ranges: string[] }) =>
          answer("batchGet", spreadsheetId, {
            valueRanges: ranges.map((r) => ({
              values: spreadsheets.get(spreadsheetId)?.[r.slice(1, -1).replaceAll("''", "'")] as RawGrid,
            })),
          }),
      },
    },
  } as unknown as sheets_v4.Sheets;
  return { api, clock, calls };
}

function context(api: sheets_v4.Sheets, clock: { t: number }): RunContext {
  return {
    api,
    runId: "run",
    now: () => clock.t,
    policy: {
      maxAttempts: 3,
      baseDelayMs: 1,
      maxDelayMs: 1,
      deadline: clock.t + 90_000,
      now: () => clock.t,
      sleep: async (ms) => void (clock.t += ms),
    },
    sources: { concurrency: 4, readsPerMinute: 60 },
  };
}

/** The Durable Object's storage and alarm, in memory. */
function storage(clock: { t: number }, api: sheets_v4.Sheets) {
  const kept = new Map<number, RawTabs>();
  const saved: RunState[] = [];
  const results: ScoreRun[] = [];
  const log: RunRecord[] = [];
  const alarm = { at: null as number | null };
  const deps: RunnerDeps = {
    context: () => context(api, clock),
    background: {
      saveJob: (s) => void saved.push(s),
      saveTabs: (_, i, tabs) => void kept.set(i, tabs),
      loadTabs: () => kept,
      deleteTabs: () => kept.clear(),
      pruneJobs: () => undefined,
    },
    results: {
      saveResult: (_, json) => void results.push(JSON.parse(json) as ScoreRun),
      recordRun: (r) => void log.push(r),
    },
    setAlarm: async (at) => void (alarm.at = at),
    now: () => clock.t,
    readsPerMinute: 60,
  };
  return { deps, kept, saved, results, log, alarm };
}

describe("a background run of 200 sources at Google's default read quota", () => {
  it("reads them over about 10 minutes, never more than 60 reads in a minute nor 50 sources in a step", async () => {
    const { api, clock, calls } = province();
    const { deps, kept, saved, results, log, alarm } = storage(clock, api);
    let run: RunState = newRun("run", { spreadsheetId: "main", year: 2024, dryRun: false, caller: "test" }, 0, 50);
    const callsPerStep: number[] = [];
    const percents: number[] = [];
    for (let step = 0; step < 100 && isRunning(run); step++) {
      const before = calls.length;
      alarm.at = null;
      run = await runStep(run, { type: "alarm" }, deps);
      callsPerStep.push(calls.length - before);
      percents.push(progressOf(run).percent);
      expect(saved.at(-1)).toEqual(run); // every step ends saved
      if (alarm.at !== null) clock.t = Math.max(clock.t, alarm.at); // the alarm fires
    }
    expect(run.kind).toBe("succeeded");
    expect(alarm.at).toBeNull();
    expect(results).toHaveLength(1);
    expect(results[0]?.units).toHaveLength(SOURCES);
    expect(log).toMatchObject([
      {
        runId: "run",
        ok: true,
        status: 200,
        message: `Chạy nền: Đã ghi ${results[0]?.tabsWritten.length} trang tính`,
      },
    ]);
    expect(kept.size).toBe(0); // the copies of the sources are dropped
    const reads = calls.filter((c) => c.kind !== "batchUpdate");
    expect(reads).toHaveLength(2 + 3 * SOURCES + 2); // each source: its tab list, its `Gửi về`, its input tabs
    for (const r of reads)
      expect(reads.filter((o) => o.at > r.at - 60_000 && o.at <= r.at).length).toBeLessThanOrEqual(60);
    expect(clock.t).toBeGreaterThan(9 * 60_000);
    expect(clock.t).toBeLessThan(11 * 60_000);
    expect(Math.max(...callsPerStep)).toBeLessThanOrEqual(3 * 50 + 4);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
  });

  it("fails with the failure described, logged and its kept tabs dropped, when the Sheets client cannot be made", async () => {
    const { api, clock } = province();
    const { deps, kept, saved, log, alarm } = storage(clock, api);
    kept.set(0, {});
    const broken: RunnerDeps = {
      ...deps,
      context: () => {
        throw new Error("khóa tài khoản dịch vụ hỏng");
      },
    };
    const run = await runStep(
      newRun("run", { spreadsheetId: "main", year: 2024, dryRun: false, caller: "test" }, 0),
      { type: "alarm" },
      broken,
    );
    expect(run).toMatchObject({
      kind: "failed",
      failure: { status: 500, code: "internal", message: "Lỗi không mong đợi: khóa tài khoản dịch vụ hỏng" },
    });
    expect(saved.at(-1)).toEqual(run);
    expect(log).toMatchObject([{ ok: false, status: 500 }]);
    expect(kept.size).toBe(0);
    expect(alarm.at).toBeNull();
  });
});
