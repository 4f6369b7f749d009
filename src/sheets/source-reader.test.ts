import type { sheets_v4 } from "@googleapis/sheets";
import { describe, expect, it } from "vitest";
import type { SourceEntry } from "../../sheets-schema/source-list.ts";
import type { RetryPolicy } from "./retry.ts";
import { readSourceSpreadsheets, SourceUnavailableError } from "./source-reader.ts";

const policy: RetryPolicy = {
  maxAttempts: 2,
  baseDelayMs: 1,
  maxDelayMs: 1,
  deadline: Infinity,
  sleep: async () => undefined,
};

function entry(id: string): SourceEntry {
  return { spreadsheetId: id, name: `Nguồn ${id}`, tab: "Nguồn dữ liệu", cell: `'Nguồn dữ liệu'!A2`, value: id };
}

function httpError(status: number) {
  return Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: { status, data: { error: { message: `google ${status}` } } },
  });
}

const MAIN = "main-id";

/**
 * A stand-in for the Sheets client: every spreadsheet has a `Đăng ký` tab and a `Gửi về` tab naming MAIN (unless
 * `consent` says otherwise: another spreadsheet, or no such tab); `fail` decides the odd ones.
 */
function fakeApi(
  fail: (id: string) => number | null = () => null,
  consent: (id: string) => "main" | "other" | "none" = () => "main",
) {
  const state = { inFlight: 0, maxInFlight: 0, calls: [] as string[], ranges: [] as string[] };
  const call = async <T>(id: string, answer: T): Promise<T> => {
    state.calls.push(id);
    state.inFlight++;
    state.maxInFlight = Math.max(state.maxInFlight, state.inFlight);
    await new Promise((r) => setTimeout(r, 2));
    state.inFlight--;
    const status = fail(id);
    if (status !== null) throw httpError(status);
    return answer;
  };
  const api = {
    spreadsheets: {
      get: ({ spreadsheetId }: { spreadsheetId: string }) => {
        const titles = consent(spreadsheetId) === "none" ? ["Đăng ký"] : ["Gửi về", "Đăng ký"];
        return call(spreadsheetId, {
          data: { sheets: titles.map((title, i) => ({ properties: { sheetId: i, title } })) },
        });
      },
      values: {
        batchGet: ({ spreadsheetId, ranges }: { spreadsheetId: string; ranges: string[] }) => {
          state.ranges.push(...ranges.map((r) => `${spreadsheetId} ${r}`));
          const named =
            consent(spreadsheetId) === "main" ? `https://docs.google.com/spreadsheets/d/${MAIN}/edit` : "another-main";
          const values = (range: string) =>
            range === "'Gửi về'" ? [["Mã bảng tính hoặc đường dẫn"], [named]] : [["Năm"], [spreadsheetId]];
          return call(spreadsheetId, { data: { valueRanges: ranges.map((r) => ({ values: values(r) })) } });
        },
      },
    },
  } as unknown as sheets_v4.Sheets;
  return { api, state };
}

describe("readSourceSpreadsheets", () => {
  it("reads every consenting source with three calls, never more than `concurrency` at once, keeping the list's order", async () => {
    const { api, state } = fakeApi();
    const ids = Array.from({ length: 25 }, (_, i) => `s${i}`);
    const progress: number[] = [];
    const out = await readSourceSpreadsheets(api, ids.map(entry), {
      mainId: MAIN,
      policy,
      concurrency: 4,
      onProgress: (d) => progress.push(d),
    });
    expect(out.read.map((r) => r.entry.spreadsheetId)).toEqual(ids);
    expect(out.read[3]?.tabs).toEqual({ "Đăng ký": [["Năm"], ["s3"]] });
    expect(out.requests).toBe(75); // tab list, `Gửi về`, input tabs
    expect(state.maxInFlight).toBe(4);
    expect(progress).toEqual(ids.map((_, i) => i + 1));
  });

  it("reports a source Google refuses (403, 404, 400) with a reason and reads the others", async () => {
    const { api } = fakeApi((id) => ({ b: 403, c: 404, d: 400 })[id] ?? null);
    const out = await readSourceSpreadsheets(api, ["a", "b", "c", "d", "e"].map(entry), {
      mainId: MAIN,
      policy,
      concurrency: 2,
    });
    expect(out.read.map((r) => r.entry.spreadsheetId)).toEqual(["a", "e"]);
    expect(out.failed.map((f) => [f.entry.spreadsheetId, f.status])).toEqual([
      ["b", 403],
      ["c", 404],
      ["d", 400],
    ]);
    expect(out.failed[0]?.reason).toContain("chưa được chia sẻ");
    expect(out.failed[1]?.reason).toContain("không tìm thấy");
    expect(out.failed[2]?.reason).toContain("google 400");
  });

  it("stops starting sources and throws, naming the source, when Google stays unavailable", async () => {
    const { api, state } = fakeApi((id) => (id === "s1" ? 503 : null));
    const ids = Array.from({ length: 40 }, (_, i) => `s${i}`);
    const error = await readSourceSpreadsheets(api, ids.map(entry), { mainId: MAIN, policy, concurrency: 2 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as SourceUnavailableError).entry.spreadsheetId).toBe("s1");
    expect(new Set(state.calls).size).toBeLessThan(10);
  });

  it("reads nothing but the tab list and `Gửi về` of a source that does not name the main spreadsheet", async () => {
    const { api, state } = fakeApi(
      () => null,
      (id) => (id === "b" ? "other" : id === "c" ? "none" : "main"),
    );
    const out = await readSourceSpreadsheets(api, ["a", "b", "c"].map(entry), { mainId: MAIN, policy, concurrency: 1 });
    expect(out.read.map((r) => r.entry.spreadsheetId)).toEqual(["a"]);
    expect(out.failed.map((f) => [f.entry.spreadsheetId, f.status])).toEqual([
      ["b", null],
      ["c", null],
    ]);
    expect(out.failed[0]?.reason).toContain(`chưa đồng ý gửi dữ liệu về bảng tính này`);
    expect(out.failed[0]?.reason).toContain(`trang tính "Gửi về"`);
    expect(out.failed[0]?.reason).toContain(MAIN);
    expect(state.ranges).toEqual(["a 'Gửi về'", "a 'Đăng ký'", "b 'Gửi về'"]);
    expect(out.requests).toBe(3 + 2 + 1);
  });
});
