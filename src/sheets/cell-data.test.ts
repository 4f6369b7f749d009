import { describe, expect, it } from "vitest";
import { cellValue, MAX_CELL_CHARS, tabRows } from "./cell-data.ts";

describe("cellValue", () => {
  it("writes formula-like text as a string value, never as a formula", () => {
    for (const text of ['=IMPORTXML("http://x";"//a")', "+cmd|' /C calc'!A0", "@SUM(1)", "-1+1"]) {
      expect(cellValue(text)).toEqual({ stringValue: text });
    }
  });

  it("writes numbers and booleans as such, and a non-finite number as an empty text", () => {
    expect(cellValue(92.5)).toEqual({ numberValue: 92.5 });
    expect(cellValue(true)).toEqual({ boolValue: true });
    expect(cellValue(Number.NaN)).toEqual({ stringValue: "" });
    expect(cellValue(null)).toBeUndefined();
  });

  it("keeps text of exactly the cell limit whole", () => {
    const text = "a".repeat(MAX_CELL_CHARS);
    expect(cellValue(text)).toEqual({ stringValue: text });
  });

  it("cuts text over Google's 50,000 characters per cell and says so, so the write is not refused", () => {
    const list = `Chưa có mô hình, điển hình được công nhận: ${"Khu phố 1 (H01-TT01-KP01), ".repeat(3_700)}`;
    const written = cellValue(list)?.stringValue ?? "";
    expect(written.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
    expect(written.startsWith("Chưa có mô hình, điển hình được công nhận: Khu phố 1")).toBe(true);
    expect(written.endsWith("(đã cắt bớt: mỗi ô Google Sheets chứa tối đa 50.000 ký tự)")).toBe(true);
  });

  it("never cuts an emoji in half", () => {
    for (const text of ["🎉".repeat(MAX_CELL_CHARS), `a${"🎉".repeat(MAX_CELL_CHARS)}`]) {
      const written = cellValue(text)?.stringValue ?? "";
      expect(written.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
      expect(written).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
    }
  });
});

describe("tabRows", () => {
  it("applies the cut to every cell of a generated tab", () => {
    const rows = tabRows({
      title: "Chỉ tiêu 2025",
      rows: [["Chỉ tiêu"], ["x".repeat(99_143)]],
      highlights: [],
      percentColumns: [],
    });
    expect(rows[1]?.values?.[0]?.userEnteredValue?.stringValue?.length).toBeLessThanOrEqual(MAX_CELL_CHARS);
  });
});
