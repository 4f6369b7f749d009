import type { sheets_v4 } from "@googleapis/sheets";
import { describe, expect, it } from "vitest";
import type { RawGrid, RawTabs } from "../../sheets-schema/types.ts";
import { advance, newJob, progressOf, type BackgroundJob } from "./background-run.ts";
import type { RunContext } from "./score-spreadsheet.ts";

const SOURCES = 200;

/** A province on a fake Sheets API: the main spreadsheet lists SOURCES sources, each one xã with one registration. */
function province() {
  const spreadsheets = new Map<string, RawTabs>();
  spreadsheets.set("main", {
    "Nguồn dữ liệu": [["Mã bảng tính hoặc đường dẫn"], ...Array.from({ length: SOURCES }, (_, i) => [`s${i}`])],
  });
  for (let i = 0; i < SOURCES; i++) {
    spreadsheets.set(`s${i}`, {
      "Đơn vị": [["Mã đơn vị", "Tên đơn vị", "Loại đơn vị"], [`X${i}`, `Xã ${i}`, "Xã"]],
      "Đăng ký": [["Năm", "Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức"], [2024, `X${i}`, "Chợ", "TT", "KT", "Mới"]],
      "Gửi về": [["Mã bảng tính hoặc đường dẫn"], ["main"]],
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
          sheets: Object.keys(spreadsheets.get(spreadsheetId) ?? {}).map((title, i) => ({ properties: { sheetId: i, title } })),
        }),
      batchUpdate: ({ spreadsheetId }: { spreadsheetId: string }) => answer("batchUpdate", spreadsheetId, {}),
      values: {
        batchGet: ({ spreadsheetId, ranges }: { spreadsheetId: string; ranges: string[] }) =>
          answer("batchGet", spreadsheetId, {
            valueRanges: ranges.map((r) => ({ values: spreadsheets.get(spreadsheetId)?.[r.slice(1, -1).replaceAll("''", "'")] as RawGrid })),
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

describe("a background run of 200 sources at Google's default read quota", () => {
  it("reads them over about 10 minutes, never more than 60 reads in a minute nor 50 sources in a step", async () => {
    const { api, clock, calls } = province();
    const kept = new Map<number, RawTabs>();
    const store = { saveTabs: (_: string, i: number, tabs: RawTabs) => void kept.set(i, tabs), loadTabs: () => kept };
    const job: BackgroundJob = newJob("run", { spreadsheetId: "main", year: 2024, dryRun: false, caller: "test" }, 0, 50);
    const callsPerStep: number[] = [];
    const percents: number[] = [];
    for (let step = 0; step < 100; step++) {
      const before = calls.length;
      const { nextAt, run } = await advance(job, context(api, clock), store);
      callsPerStep.push(calls.length - before);
      percents.push(progressOf(job).percent);
      if (nextAt === null) {
        expect(run?.units).toHaveLength(SOURCES);
        break;
      }
      clock.t = Math.max(clock.t, nextAt); // the alarm fires
    }
    expect(job.status).toBe("succeeded");
    const reads = calls.filter((c) => c.kind !== "batchUpdate");
    expect(reads).toHaveLength(2 + 3 * SOURCES + 2); // each source: tab list, `Gửi về`, input tabs
    for (const r of reads) expect(reads.filter((o) => o.at > r.at - 60_000 && o.at <= r.at).length).toBeLessThanOrEqual(60);
    expect(clock.t).toBeGreaterThan(9 * 60_000);
    expect(clock.t).toBeLessThan(11 * 60_000);
    expect(Math.max(...callsPerStep)).toBeLessThanOrEqual(3 * 50 + 4);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(percents.at(-1)).toBe(100);
  });
});
