import { describe, expect, it } from "vitest";
import { columnIndex, columnLetters, formatRange, parseA1, quoteSheetTitle, resolveA1 } from "./a1.ts";
import { createSpreadsheet } from "./spreadsheet.ts";

describe("A1 notation", () => {
  it("converts column letters both ways", () => {
    expect([0, 25, 26, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA"]);
    expect(["A", "z", "AA", "ZZ", "AAA"].map(columnIndex)).toEqual([0, 25, 26, 701, 702]);
  });

  it("reads a quoted Vietnamese sheet name with an open-ended range", () => {
    expect(parseA1("'Đăng ký'!A1:P")).toEqual({
      sheetName: "Đăng ký",
      bounds: { startRow: 0, startCol: 0, endRow: undefined, endCol: 16 },
    });
  });

  it("undoes doubled quotes in a sheet name", () => {
    expect(parseA1("'It''s'!B2")).toEqual({
      sheetName: "It's",
      bounds: { startRow: 1, startCol: 1, endRow: 2, endCol: 2 },
    });
  });

  it("reads a bare or quoted sheet name as the whole sheet", () => {
    expect(parseA1("Sheet1")).toEqual({ sheetName: "Sheet1" });
    expect(parseA1("'Đăng ký'")).toEqual({ sheetName: "Đăng ký" });
  });

  it("reads whole columns, whole rows and ranges without a sheet", () => {
    expect(parseA1("A:C")?.bounds).toEqual({ startRow: 0, startCol: 0, endRow: undefined, endCol: 3 });
    expect(parseA1("2:5")?.bounds).toEqual({ startRow: 1, startCol: 0, endRow: 5, endCol: undefined });
    expect(parseA1("b2:a1")?.bounds).toEqual({ startRow: 0, startCol: 0, endRow: 2, endCol: 2 });
  });

  it("rejects text that is not A1 notation", () => {
    expect(parseA1("'unclosed!A1")).toBeUndefined();
    expect(parseA1("Sheet1!A0")).toBeUndefined();
    expect(parseA1("Sheet1!1:B")).toBeUndefined();
    expect(parseA1("")).toBeUndefined();
  });

  it("quotes titles only when Google does", () => {
    expect(quoteSheetTitle("Sheet1")).toBe("Sheet1");
    expect(quoteSheetTitle("Đăng ký")).toBe("'Đăng ký'");
    expect(quoteSheetTitle("Cấu")).toBe("'Cấu'");
    expect(quoteSheetTitle("It's")).toBe("'It''s'");
    expect(quoteSheetTitle("A1")).toBe("'A1'");
    expect(quoteSheetTitle("2024")).toBe("'2024'");
  });

  it("formats a single cell without a colon", () => {
    expect(formatRange("Sheet1", 0, 1, 0, 1)).toBe("Sheet1!A1");
    expect(formatRange("Xếp hạng 2024", 0, 120, 0, 16)).toBe("'Xếp hạng 2024'!A1:P120");
  });

  it("resolves sheet names without regard to case, and a range without a sheet to the first visible one", () => {
    const doc = createSpreadsheet({
      sheets: [{ properties: { title: "Ẩn", hidden: true } }, { properties: { title: "Đơn vị" } }],
    });
    expect(resolveA1(doc, "'đơn VỊ'!A1").sheet.properties.title).toBe("Đơn vị");
    expect(resolveA1(doc, "A1:B2").sheet.properties.title).toBe("Đơn vị");
    expect(() => resolveA1(doc, "Nope!A1")).toThrow("Unable to parse range: Nope!A1");
  });
});
