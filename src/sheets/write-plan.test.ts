import { describe, expect, it, vi } from "vitest";
import type { OutputTab } from "../../sheets-schema/types.ts";
import { ContractError } from "../../sheets-schema/types.ts";
import type { sheets_v4 } from "@googleapis/sheets";
import type { SheetMeta, WriteState } from "./gateway.ts";
import { planCleanup, stepApplied, type WriteStep } from "./write-marks.ts";
import { planWrite, STAGING_PREFIX } from "./write-plan.ts";

const log = { title: "Nhật ký chấm điểm", headers: ["Mã lần chạy", "Năm"], row: ["run-1", 2024] };

function tab(title: string, rows: OutputTab["rows"]): OutputTab {
  return { title, rows, highlights: [], percentColumns: [] };
}

function sheet(sheetId: number, title: string, extra: Partial<SheetMeta> = {}): SheetMeta {
  return { sheetId, title, hidden: false, stagingRun: null, ...extra };
}

function state(sheets: SheetMeta[] = [], lastRun: string | null = null): WriteState {
  return { sheets, lastRun };
}

/** The requests a step sends, read back from its body. */
const requestsOf = (step: WriteStep) => (JSON.parse(step.body()) as { requests: sheets_v4.Schema$Request[] }).requests;
const kinds = (requests: object[]) => requests.map((r) => Object.keys(r)[0]);
const bigTab = () =>
  tab("Kết quả mô hình 2024", [["Tên"], ...Array.from({ length: 3000 }, (_, i) => [`Mô hình số ${i} – dân vận khéo`])]);

describe("planWrite", () => {
  it("refuses to write any tab that is not a generated one", () => {
    expect(() => planWrite(state(), [tab("Đăng ký", [["x"]])], log, "r1")).toThrow(/not a generated tab/);
  });

  it("keeps each replaced tab's place in the tab bar when a large run swaps in its copies", () => {
    const big = (title: string) => ({ ...bigTab(), title });
    const before = [
      sheet(9, `${STAGING_PREFIX}old~0`, { hidden: true, stagingRun: "old" }),
      sheet(0, "Đăng ký"),
      sheet(1, "Xếp hạng 2024"),
      sheet(2, "Ghi chú của huyện"),
      sheet(3, "Kết quả mô hình 2024"),
      sheet(4, "Cấu hình"),
    ];
    const plan = planWrite(state(before), [big("Kết quả mô hình 2024"), big("Xếp hạng 2024")], log, "r2", 50_000);
    // Play the plan's tab moves on the tab bar, as Sheets does: insertSheetIndex puts a copy at that position.
    const bar = before.map((s) => s.sheetId);
    const titles = new Map(before.map((s) => [s.sheetId, s.title]));
    for (const request of plan.flatMap(requestsOf)) {
      if (request.deleteSheet) bar.splice(bar.indexOf(request.deleteSheet.sheetId!), 1);
      const copy = request.duplicateSheet;
      if (copy) bar.splice(copy.insertSheetIndex ?? bar.length, 0, copy.newSheetId!);
      const renamed = request.updateSheetProperties?.properties;
      if (renamed?.title) titles.set(renamed.sheetId!, renamed.title);
      if (request.addSheet) bar.push(request.addSheet.properties!.sheetId!);
    }
    expect(bar.map((id) => titles.get(id)).slice(0, 5)).toEqual([
      "Đăng ký",
      "Xếp hạng 2024",
      "Ghi chú của huyện",
      "Kết quả mô hình 2024",
      "Cấu hình",
    ]);
  });

  it("writes a small run in one batchUpdate: new tabs added and protected, the log tab created with its header, the run marked", () => {
    const plan = planWrite(state([sheet(0, "Đăng ký")]), [tab("Xếp hạng 2024", [["Hạng"], [1]])], log, "r1");
    expect(plan).toHaveLength(1);
    expect(plan[0]!.kind).toBe("publish");
    expect(kinds(requestsOf(plan[0]!))).toEqual([
      "addSheet",
      "updateCells",
      "addProtectedRange",
      "addSheet",
      "updateCells",
      "addProtectedRange",
      "createDeveloperMetadata",
    ]);
    // Warning only, on the whole of each new tab: people are asked before editing what the next run overwrites.
    const added = requestsOf(plan[0]!).flatMap((r) => (r.addSheet ? [r.addSheet.properties!.sheetId] : []));
    const protections = requestsOf(plan[0]!).flatMap((r) =>
      r.addProtectedRange ? [r.addProtectedRange.protectedRange!] : [],
    );
    expect(protections).toEqual(
      added.map((sheetId) => expect.objectContaining({ range: { sheetId }, warningOnly: true })),
    );
    expect(requestsOf(plan[0]!)[0]!.addSheet!.properties!.gridProperties!.frozenRowCount).toBe(1);
    expect(requestsOf(plan[0]!)[6]!.createDeveloperMetadata!.developerMetadata).toEqual({
      metadataKey: "dvk-score.lastRun",
      metadataValue: "r1",
      location: { spreadsheet: true },
      visibility: "DOCUMENT",
    });
  });

  it("replaces an existing generated tab in place and clears what the old run left", () => {
    const plan = planWrite(state([sheet(7, "Xếp hạng 2024")]), [tab("Xếp hạng 2024", [["Hạng"], [1]])], log, "r1");
    const [props, cells] = requestsOf(plan[0]!);
    expect(props!.updateSheetProperties!.properties!.sheetId).toBe(7);
    expect(cells!.updateCells!.range).toEqual({
      sheetId: 7,
      startRowIndex: 0,
      endRowIndex: 2,
      startColumnIndex: 0,
      endColumnIndex: 1,
    });
  });

  it("appends the log row when the log tab exists, never rewriting earlier rows, and moves the run mark on", () => {
    const plan = planWrite(state([sheet(9, "Nhật ký chấm điểm")], "r0"), [], log, "r1");
    expect(plan.map((step) => ({ kind: step.kind, requests: requestsOf(step) }))).toEqual([
      {
        kind: "publish",
        requests: [
          {
            appendCells: {
              sheetId: 9,
              rows: [
                {
                  values: [{ userEnteredValue: { stringValue: "run-1" } }, { userEnteredValue: { numberValue: 2024 } }],
                },
              ],
              fields: "userEnteredValue",
            },
          },
          {
            updateDeveloperMetadata: {
              dataFilters: [
                { developerMetadataLookup: { metadataKey: "dvk-score.lastRun", locationType: "SPREADSHEET" } },
              ],
              developerMetadata: { metadataValue: "r1" },
              fields: "metadataValue",
            },
          },
        ],
      },
    ]);
  });

  it("counts request sizes in UTF-8 bytes, as Google does: Vietnamese and emoji weigh more than ASCII", () => {
    // Same number of characters; the budget is just what the ASCII run needs, so only the UTF-8 count tells them apart.
    const rows = (text: string) => [["Tên"], ...Array.from({ length: 600 }, () => [text])];
    const asciiPlan = planWrite(
      state(),
      [tab("Xếp hạng 2024", rows("Dan van kheo xay dung XX"))],
      log,
      "r4",
      10_000_000,
    );
    const budget = new TextEncoder().encode(JSON.stringify(requestsOf(asciiPlan[0]!))).length + 50;
    const ascii = planWrite(state(), [tab("Xếp hạng 2024", rows("Dan van kheo xay dung XX"))], log, "r4", budget);
    const vietnamese = planWrite(state(), [tab("Xếp hạng 2024", rows("Dân vận khéo xây dựng 🌾"))], log, "r5", budget);
    expect(ascii).toHaveLength(1);
    expect(vietnamese.length).toBeGreaterThan(1);
    for (const step of vietnamese)
      expect(new TextEncoder().encode(JSON.stringify(requestsOf(step))).length).toBeLessThanOrEqual(budget);
  });

  it("sends each call's body as the JSON text of its requests, whether the run fits one call or is staged", () => {
    const rows = [["Tên", "Tỷ lệ"], ...Array.from({ length: 400 }, (_, i) => [`Tổ "${i}" 🌾\n`, i / 400])];
    const shares: OutputTab = {
      ...tab("Xếp hạng 2024", rows),
      percentColumns: [1],
      highlights: [{ row: 3, column: 0 }],
    };
    for (const maxBytes of [10_000_000, 8_000]) {
      const plan = planWrite(state([sheet(2, "Xếp hạng 2024")], "r0"), [shares], log, "r6", maxBytes);
      expect(plan.length > 1).toBe(maxBytes < 10_000_000);
      for (const step of plan) expect(step.body()).toBe(JSON.stringify({ requests: requestsOf(step) }));
    }
  });

  it("sends each call as the UTF-8 bytes of its body, written a few rows at a time, byte for byte the same", () => {
    // Long rows, quotes, new lines, Vietnamese, emoji and lone surrogates: every way a cell's JSON can differ in
    // size from its text, across many encoding chunks and several calls.
    const cellText = (i: number) =>
      `${'Mô hình "dân vận khéo" 🌾\n'.repeat(1 + (i % 200))}${i % 7 === 0 ? "\ud800" : ""}`;
    const rows = [
      ["Tên", "Tỷ lệ", "Đạt"],
      ...Array.from({ length: 3000 }, (_, i) => [cellText(i), i / 3000, i % 2 === 0]),
    ];
    const shares: OutputTab = {
      ...tab("Xếp hạng 2024", rows),
      percentColumns: [1],
      highlights: [{ row: 5, column: 0 }],
    };
    const plan = planWrite(state([sheet(2, "Xếp hạng 2024")], "r0"), [shares], log, "r7", 400_000);
    expect(plan.filter((step) => step.kind === "fill").length).toBeGreaterThan(2);
    const small = planWrite(state(), [tab("Xếp hạng 2024", rows.slice(0, 30))], log, "r8");
    expect(small.map((step) => step.kind)).toEqual(["publish"]);
    for (const step of [...plan, ...small]) {
      // Written piece by piece (encodeInto), never by encoding the whole text: that is the fallback for a body
      // whose measured size is off, which must not happen.
      const wholeText = vi.spyOn(TextEncoder.prototype, "encode");
      const sent = step.bytes?.();
      expect(wholeText).not.toHaveBeenCalled();
      wholeText.mockRestore();
      expect(Buffer.from(sent ?? []).equals(Buffer.from(new TextEncoder().encode(step.body())))).toBe(true);
    }
  });

  it("packs the fills of several small staged tabs into one call", () => {
    const small = [
      tab("Chỉ tiêu 2024", [["Chỉ tiêu"], ["a"]]),
      tab("Rà soát 2024", [["Mã"], ["b"]]),
      tab("Lỗi dữ liệu", [["Ô"]]),
    ];
    const plan = planWrite(state(), [bigTab(), ...small], log, "r3", 50_000);
    const fillCalls = plan.filter((s) => s.kind === "fill");
    const smallIds = requestsOf(plan[0]!)
      .filter((r) => r.addSheet)
      .slice(1)
      .map((r) => r.addSheet!.properties!.sheetId);
    const callsTouchingSmall = fillCalls.filter((call) =>
      requestsOf(call).some((r) => smallIds.includes(r.updateCells!.start!.sheetId!)),
    );
    expect(callsTouchingSmall).toHaveLength(1);
  });

  it("writes text that looks like a formula as a string value, so it stays text", () => {
    const plan = planWrite(
      state(),
      [tab("Xếp hạng 2024", [["Tên đơn vị"], ['=HYPERLINK("x")'], ["+84 912"], ["-1"], ["@x"]])],
      log,
      "r1",
    );
    const rows = requestsOf(plan[0]!)[1]!.updateCells!.rows!;
    expect(rows.slice(1).map((r) => r.values![0]!.userEnteredValue)).toEqual([
      { stringValue: '=HYPERLINK("x")' },
      { stringValue: "+84 912" },
      { stringValue: "-1" },
      { stringValue: "@x" },
    ]);
  });

  it("stages a large run as marked hidden copies of the tabs it replaces, and swaps them in with one final call", () => {
    const existing = [
      sheet(3, "Kết quả mô hình 2024"),
      sheet(4, `${STAGING_PREFIX}old~0`, { hidden: true, stagingRun: "old" }),
    ];
    const plan = planWrite(state(existing, "old-run"), [bigTab()], log, "r2", 50_000);
    expect(plan.map((s) => s.kind)).toEqual(["stage", ...Array(plan.length - 2).fill("fill"), "publish"]);
    for (const step of plan)
      expect(new TextEncoder().encode(JSON.stringify(requestsOf(step))).length).toBeLessThanOrEqual(50_000);
    const create = requestsOf(plan[0]!);
    const swap = requestsOf(plan.at(-1)!);
    // the crashed run's staging tab (known by its mark) goes first; the new one copies the old tab, hidden and emptied
    expect(kinds(create)).toEqual([
      "deleteSheet",
      "duplicateSheet",
      "updateSheetProperties",
      "updateCells",
      "createDeveloperMetadata",
    ]);
    expect(create[0]).toEqual({ deleteSheet: { sheetId: 4 } });
    const stagingId = create[1]!.duplicateSheet!.newSheetId;
    expect(create[1]!.duplicateSheet).toMatchObject({ sourceSheetId: 3, newSheetName: `${STAGING_PREFIX}r2~0` });
    expect(create[2]!.updateSheetProperties!.properties).toMatchObject({ sheetId: stagingId, hidden: true });
    expect(create[3]!.updateCells).toMatchObject({
      range: { sheetId: stagingId },
      fields: "userEnteredValue,userEnteredFormat",
    });
    expect(create[3]!.updateCells!.rows).toBeUndefined();
    expect(create[4]!.createDeveloperMetadata!.developerMetadata).toMatchObject({
      metadataKey: "dvk-score.staging",
      metadataValue: "r2",
      location: { sheetId: stagingId },
    });
    // the swap deletes the old tab, renames and shows the staging tab, drops its mark, appends the log, marks the run
    expect(kinds(swap)).toEqual([
      "deleteSheet",
      "updateSheetProperties",
      "deleteDeveloperMetadata",
      "addSheet",
      "updateCells",
      "addProtectedRange",
      "updateDeveloperMetadata",
    ]);
    expect(swap[1]!.updateSheetProperties!.properties).toMatchObject({
      sheetId: stagingId,
      title: "Kết quả mô hình 2024",
      hidden: false,
    });
    // every row is written exactly once across the fill calls
    const written = plan
      .slice(1, -1)
      .flatMap(requestsOf)
      .reduce((n, r) => n + r.updateCells!.rows!.length, 0);
    expect(written).toBe(3001);
  });

  it("formats a score column once, after its rows, touching only the number format (flag colours stay)", () => {
    const scored: OutputTab = {
      ...tab("Xếp hạng 2024", [["Điểm"], [92.3], [50]]),
      numberFormats: [{ column: 0, pattern: "0.00" }],
    };
    const repeat = {
      range: { startRowIndex: 1, endRowIndex: 3, startColumnIndex: 0, endColumnIndex: 1 },
      cell: { userEnteredFormat: { numberFormat: { type: "NUMBER", pattern: "0.00" } } },
      fields: "userEnteredFormat.numberFormat",
    };
    const small = requestsOf(planWrite(state(), [scored], log, "r1")[0]!);
    expect(kinds(small).slice(0, 3)).toEqual(["addSheet", "updateCells", "repeatCell"]);
    expect(small[2]!.repeatCell).toMatchObject(repeat);
    const staged = planWrite(state(), [{ ...bigTab(), numberFormats: scored.numberFormats }], log, "r2", 50_000);
    const fills = staged.filter((s) => s.kind === "fill").flatMap(requestsOf);
    expect(kinds(fills).at(-1)).toBe("repeatCell");
    expect(fills.at(-1)!.repeatCell).toMatchObject({ ...repeat, range: { ...repeat.range, endRowIndex: 3001 } });
  });

  it("never deletes a tab for its title alone: a user tab named with the staging prefix is left alone", () => {
    const plan = planWrite(
      state([sheet(5, `${STAGING_PREFIX}ghi chú của tôi`)]),
      [tab("Xếp hạng 2024", [["Hạng"]])],
      log,
      "r1",
    );
    expect(kinds(requestsOf(plan[0]!))).not.toContain("deleteSheet");
  });

  it("refuses, naming the tab, when a tab someone made looks like a generated title (case, NFD)", () => {
    for (const title of ["xếp hạng 2024", "Xếp hạng 2024".normalize("NFD"), "NHẬT KÝ CHẤM ĐIỂM"]) {
      const plan = () => planWrite(state([sheet(5, title)]), [tab("Xếp hạng 2024", [["Hạng"]])], log, "r1");
      expect(plan).toThrow(ContractError);
      expect(plan).toThrow(`Trang tính "${title}"`);
      try {
        plan();
      } catch (error) {
        expect((error as ContractError).where).toBe(`'${title}'`);
      }
    }
  });
});

describe("after a lost reply", () => {
  const staged = state(
    [sheet(3, "Xếp hạng 2024"), sheet(8, `${STAGING_PREFIX}r2~0`, { hidden: true, stagingRun: "r2" })],
    "r1",
  );

  it("knows a swap applied from the run mark, and a staging step from its marked tabs", () => {
    expect(stepApplied({ kind: "publish", body: () => "" }, state([], "r2"), "r2")).toBe(true);
    expect(stepApplied({ kind: "publish", body: () => "" }, staged, "r2")).toBe(false);
    expect(stepApplied({ kind: "stage", body: () => "" }, staged, "r2")).toBe(true);
    expect(stepApplied({ kind: "stage", body: () => "" }, staged, "r3")).toBe(false);
    expect(stepApplied({ kind: "fill", body: () => "" }, staged, "r2")).toBe(false);
  });

  it("cleans up only the tabs carrying this run's staging mark", () => {
    const cleanup = planCleanup(staged, "r2");
    expect(cleanup?.kind).toBe("cleanup");
    expect(cleanup?.body()).toBe(JSON.stringify({ requests: [{ deleteSheet: { sheetId: 8 } }] }));
    expect(planCleanup(staged, "r9")).toBeNull();
    expect(stepApplied({ kind: "cleanup", body: () => "" }, staged, "r2")).toBe(false);
    expect(stepApplied({ kind: "cleanup", body: () => "" }, state([sheet(3, "Xếp hạng 2024")]), "r2")).toBe(true);
  });
});
