import { describe, expect, it } from "vitest";
import type { OutputTab } from "../../sheets-schema/types.ts";
import { planWrite, STAGING_PREFIX } from "./write-plan.ts";

const log = { title: "Nhật ký chấm điểm", headers: ["Mã lần chạy", "Năm"], row: ["run-1", 2024] };

function tab(title: string, rows: OutputTab["rows"]): OutputTab {
  return { title, rows, highlights: [], percentColumns: [] };
}

describe("planWrite", () => {
  it("refuses to write any tab that is not a generated one", () => {
    expect(() => planWrite([], [tab("Đăng ký", [["x"]])], log, "r1")).toThrow(/not a generated tab/);
  });

  it("writes a small run in one batchUpdate: new tabs added, the log tab created with its header", () => {
    const plan = planWrite([{ sheetId: 0, title: "Đăng ký", hidden: false }], [tab("Xếp hạng 2024", [["Hạng"], [1]])], log, "r1");
    expect(plan).toHaveLength(1);
    const kinds = plan[0]!.map((r) => Object.keys(r)[0]);
    expect(kinds).toEqual(["addSheet", "updateCells", "addSheet", "updateCells"]);
    expect(plan[0]![0]!.addSheet!.properties!.gridProperties!.frozenRowCount).toBe(1);
  });

  it("replaces an existing generated tab in place and clears what the old run left", () => {
    const existing = [{ sheetId: 7, title: "Xếp hạng 2024", hidden: false }];
    const plan = planWrite(existing, [tab("Xếp hạng 2024", [["Hạng"], [1]])], log, "r1");
    const [props, cells] = plan[0]!;
    expect(props!.updateSheetProperties!.properties!.sheetId).toBe(7);
    expect(cells!.updateCells!.range).toEqual({ sheetId: 7, startRowIndex: 0, endRowIndex: 2, startColumnIndex: 0, endColumnIndex: 1 });
  });

  it("appends the log row when the log tab exists, never rewriting earlier rows", () => {
    const existing = [{ sheetId: 9, title: "Nhật ký chấm điểm", hidden: false }];
    const plan = planWrite(existing, [], log, "r1");
    expect(plan).toEqual([[{ appendCells: { sheetId: 9, rows: [{ values: [{ userEnteredValue: { stringValue: "run-1" } }, { userEnteredValue: { numberValue: 2024 } }] }], fields: "userEnteredValue" } }]]);
  });

  it("counts request sizes in UTF-8 bytes, as Google does: Vietnamese and emoji weigh more than ASCII", () => {
    // Same number of characters; the budget is just what the ASCII run needs, so only the UTF-8 count tells them apart.
    const rows = (text: string) => [["Tên"], ...Array.from({ length: 600 }, () => [text])];
    const asciiPlan = planWrite([], [tab("Xếp hạng 2024", rows("Dan van kheo xay dung XX"))], log, "r4", 10_000_000);
    const budget = new TextEncoder().encode(JSON.stringify(asciiPlan[0])).length + 50;
    const ascii = planWrite([], [tab("Xếp hạng 2024", rows("Dan van kheo xay dung XX"))], log, "r4", budget);
    const vietnamese = planWrite([], [tab("Xếp hạng 2024", rows("Dân vận khéo xây dựng 🌾"))], log, "r5", budget);
    expect(ascii).toHaveLength(1);
    expect(vietnamese.length).toBeGreaterThan(1);
    for (const call of vietnamese) expect(new TextEncoder().encode(JSON.stringify(call)).length).toBeLessThanOrEqual(budget);
  });

  it("packs the fills of several small staged tabs into one call", () => {
    const big = tab("Kết quả mô hình 2024", [["Tên"], ...Array.from({ length: 3000 }, (_, i) => [`Mô hình số ${i} – dân vận khéo`])]);
    const small = [tab("Chỉ tiêu 2024", [["Chỉ tiêu"], ["a"]]), tab("Rà soát 2024", [["Mã"], ["b"]]), tab("Lỗi dữ liệu", [["Ô"]])];
    const plan = planWrite([], [big, ...small], log, "r3", 50_000);
    const fillCalls = plan.slice(1, -1);
    const smallIds = plan[0]!.slice(1).map((r) => r.addSheet!.properties!.sheetId);
    const callsTouchingSmall = fillCalls.filter((call) => call.some((r) => smallIds.includes(r.updateCells!.start!.sheetId!)));
    expect(callsTouchingSmall).toHaveLength(1);
  });

  it("writes text that looks like a formula as a string value, so it stays text", () => {
    const plan = planWrite([], [tab("Xếp hạng 2024", [["Tên đơn vị"], ["=HYPERLINK(\"x\")"], ["+84 912"], ["-1"], ["@x"]])], log, "r1");
    const rows = plan[0]![1]!.updateCells!.rows!;
    expect(rows.slice(1).map((r) => r.values![0]!.userEnteredValue)).toEqual([
      { stringValue: '=HYPERLINK("x")' }, { stringValue: "+84 912" }, { stringValue: "-1" }, { stringValue: "@x" },
    ]);
  });

  it("stages a run larger than the request budget in hidden tabs and swaps them in with one final call", () => {
    const big = tab("Kết quả mô hình 2024", [["Tên"], ...Array.from({ length: 3000 }, (_, i) => [`Mô hình số ${i} – dân vận khéo`])]);
    const existing = [{ sheetId: 3, title: "Kết quả mô hình 2024", hidden: false }, { sheetId: 4, title: `${STAGING_PREFIX}old~0`, hidden: true }];
    const plan = planWrite(existing, [big], log, "r2", 50_000);
    expect(plan.length).toBeGreaterThan(3);
    for (const call of plan) expect(new TextEncoder().encode(JSON.stringify(call)).length).toBeLessThanOrEqual(50_000);
    const [create, ...rest] = plan;
    const swap = rest.at(-1)!;
    // a leftover staging tab of a crashed run is removed first; the new one is hidden
    expect(create![0]).toEqual({ deleteSheet: { sheetId: 4 } });
    expect(create![1]!.addSheet!.properties!.hidden).toBe(true);
    // the swap deletes the old tab, renames the staging tab and shows it, and appends the log: all in one call
    expect(swap.map((r) => Object.keys(r)[0])).toEqual(["deleteSheet", "updateSheetProperties", "addSheet", "updateCells"]);
    expect(swap[1]!.updateSheetProperties!.properties).toMatchObject({ title: "Kết quả mô hình 2024", hidden: false });
    // every row is written exactly once across the fill calls
    const written = rest.slice(0, -1).flat().reduce((n, r) => n + r.updateCells!.rows!.length, 0);
    expect(written).toBe(3001);
  });
});
