import { describe, expect, it } from "vitest";
import { a1Range, cellHref, errorCellHref, spreadsheetHref } from "./sheet-links.ts";
import { searchKey } from "./search-key.ts";

describe("addresses in Google Sheets", () => {
  it("opens the spreadsheet in the editor", () => {
    expect(spreadsheetHref("1AbC_d-9")).toBe("https://docs.google.com/spreadsheets/d/1AbC_d-9/edit");
  });

  it("reads the range of a cell named with its quoted tab, whatever the tab holds", () => {
    expect(a1Range("'Đăng ký'!H12")).toBe("H12");
    expect(a1Range("'Tab ''A!B'''!$C$7")).toBe("C7");
    expect(a1Range("Cấu hình!b3")).toBe("B3");
    expect(a1Range("C2:D9")).toBe("C2:D9");
    expect(a1Range("Cấu hình")).toBeNull();
  });

  it("selects a cell by its tab id and range", () => {
    expect(cellHref("1AbC", 7, "'Đăng ký'!H12")).toBe(
      "https://docs.google.com/spreadsheets/d/1AbC/edit#gid=7&range=H12",
    );
    expect(cellHref("1AbC", 0, "Đơn vị")).toBe("https://docs.google.com/spreadsheets/d/1AbC/edit#gid=0");
    expect(cellHref("1AbC", null, "'Đăng ký'!H12")).toBe("https://docs.google.com/spreadsheets/d/1AbC/edit");
  });

  it("links an error of the main spreadsheet to its cell, and one of a source to that source", () => {
    const run = { spreadsheetId: "main", sheetIds: { "Đăng ký": 42, "Đơn vị": 0 } };
    expect(errorCellHref(run, { tab: "Đăng ký", cell: "'Đăng ký'!I2399" })).toBe(
      "https://docs.google.com/spreadsheets/d/main/edit#gid=42&range=I2399",
    );
    expect(errorCellHref(run, { tab: "Đơn vị", cell: "'Đơn vị'!C5" })).toBe(
      "https://docs.google.com/spreadsheets/d/main/edit#gid=0&range=C5",
    );
    expect(errorCellHref(run, { tab: "Đăng ký", cell: "'Đăng ký'!H3", source: "xa-an-binh" })).toBe(
      "https://docs.google.com/spreadsheets/d/xa-an-binh/edit",
    );
  });

  it("opens the spreadsheet without a cell when the tab id is unknown (a result stored before ids were kept)", () => {
    expect(errorCellHref({ spreadsheetId: "main" }, { tab: "Đăng ký", cell: "'Đăng ký'!H3" })).toBe(
      "https://docs.google.com/spreadsheets/d/main/edit",
    );
    expect(errorCellHref({ spreadsheetId: "main", sheetIds: {} }, { tab: "toString", cell: "A1" })).toBe(
      "https://docs.google.com/spreadsheets/d/main/edit",
    );
  });
});

describe("searchKey", () => {
  it("folds code and name so that a search typed without diacritics finds them", () => {
    expect(searchKey("X03-T04", "Thôn Hòa Bình")).toBe("x03-t04 thon hoa binh");
    expect(searchKey("CQ1", "Đảng ủy  Khối   Cơ quan")).toBe("cq1 dang uy khoi co quan");
    // Both tone placements (hòa / hoà) fold the same.
    expect(searchKey("", "Hoà Bình")).toBe(searchKey("", "Hòa Bình"));
  });
});
