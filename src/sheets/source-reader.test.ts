import type { sheets_v4 } from "@googleapis/sheets";
import { describe, expect, it } from "vitest";
import type { SourceEntry } from "../../sheets-schema/source-list.ts";
import type { RetryPolicy } from "./retry.ts";
import { readSourceSpreadsheets, SourceUnavailableError } from "./source-reader.ts";

const policy: RetryPolicy = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1, deadline: Infinity, sleep: async () => undefined };

function entry(id: string): SourceEntry {
  return { spreadsheetId: id, name: `Nguồn ${id}`, tab: "Nguồn dữ liệu", cell: `'Nguồn dữ liệu'!A2`, value: id };
}

function httpError(status: number) {
  return Object.assign(new Error(`HTTP ${status}`), { status, response: { status, data: { error: { message: `google ${status}` } } } });
}

/** A stand-in for the Sheets client: every spreadsheet has one `Đăng ký` tab; `fail` decides the odd ones. */
function fakeApi(fail: (id: string) => number | null = () => null) {
  const state = { inFlight: 0, maxInFlight: 0, calls: [] as string[] };
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
      get: ({ spreadsheetId }: { spreadsheetId: string }) =>
        call(spreadsheetId, { data: { sheets: [{ properties: { sheetId: 1, title: "Đăng ký" } }] } }),
      values: {
        batchGet: ({ spreadsheetId }: { spreadsheetId: string }) =>
          call(spreadsheetId, { data: { valueRanges: [{ values: [["Năm"], [spreadsheetId]] }] } }),
      },
    },
  } as unknown as sheets_v4.Sheets;
  return { api, state };
}

describe("readSourceSpreadsheets", () => {
  it("reads every source with two calls, never more than `concurrency` at once, keeping the list's order", async () => {
    const { api, state } = fakeApi();
    const ids = Array.from({ length: 25 }, (_, i) => `s${i}`);
    const progress: number[] = [];
    const out = await readSourceSpreadsheets(api, ids.map(entry), { policy, concurrency: 4, onProgress: (d) => progress.push(d) });
    expect(out.read.map((r) => r.entry.spreadsheetId)).toEqual(ids);
    expect(out.read[3]?.tabs).toEqual({ "Đăng ký": [["Năm"], ["s3"]] });
    expect(out.requests).toBe(50);
    expect(state.maxInFlight).toBe(4);
    expect(progress).toEqual(ids.map((_, i) => i + 1));
  });

  it("reports a source Google refuses (403, 404, 400) with a reason and reads the others", async () => {
    const { api } = fakeApi((id) => ({ b: 403, c: 404, d: 400 })[id] ?? null);
    const out = await readSourceSpreadsheets(api, ["a", "b", "c", "d", "e"].map(entry), { policy, concurrency: 2 });
    expect(out.read.map((r) => r.entry.spreadsheetId)).toEqual(["a", "e"]);
    expect(out.failed.map((f) => [f.entry.spreadsheetId, f.status])).toEqual([["b", 403], ["c", 404], ["d", 400]]);
    expect(out.failed[0]?.reason).toContain("chưa được chia sẻ");
    expect(out.failed[1]?.reason).toContain("không tìm thấy");
    expect(out.failed[2]?.reason).toContain("google 400");
  });

  it("stops starting sources and throws, naming the source, when Google stays unavailable", async () => {
    const { api, state } = fakeApi((id) => (id === "s1" ? 503 : null));
    const ids = Array.from({ length: 40 }, (_, i) => `s${i}`);
    const error = await readSourceSpreadsheets(api, ids.map(entry), { policy, concurrency: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceUnavailableError);
    expect((error as SourceUnavailableError).entry.spreadsheetId).toBe("s1");
    expect(new Set(state.calls).size).toBeLessThan(10);
  });
});
