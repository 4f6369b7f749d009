import type { sheets_v4 } from "@googleapis/sheets";
import { describe, expect, it } from "vitest";
import { assertSetupScope, type SetupScope } from "./setup-guard.ts";

type Request = sheets_v4.Schema$Request;

// Sheet 1: an input tab with headers in A1:C1; sheet 2: a generated tab; sheet 3: the guide; sheet 4: someone's own tab.
const scope: SetupScope = {
  inputHeaders: new Map([[1, ["Năm", "Mã đơn vị", "Loại"]]]),
  generated: new Set([2]),
  guide: 3,
};
const header = (columnIndex: number, text = "Ghi chú"): Request => ({
  updateCells: {
    start: { sheetId: 1, rowIndex: 0, columnIndex },
    rows: [{ values: [{ userEnteredValue: { stringValue: text } }] }],
    fields: "userEnteredValue",
  },
});
const check =
  (...requests: Request[]) =>
  () =>
    assertSetupScope(requests, scope);

describe("assertSetupScope", () => {
  it("lets setup fill an empty header cell, add columns and validation to an input tab", () => {
    expect(
      check(
        header(3),
        { appendDimension: { sheetId: 1, dimension: "COLUMNS", length: 2 } },
        { setDataValidation: { range: { sheetId: 1 }, rule: {} } },
      ),
    ).not.toThrow();
  });

  it("refuses to write a header cell that holds something", () => {
    expect(check(header(2))).toThrow(/cell 3 of the header row holds "Loại"/);
  });

  it("refuses to write below the header row of an input tab, or over a range of it", () => {
    const below = header(5);
    below.updateCells!.start!.rowIndex = 1;
    expect(check(below)).toThrow(/only the header row/);
    expect(
      check({
        updateCells: { range: { sheetId: 1, startRowIndex: 0, endRowIndex: 1 }, rows: [], fields: "userEnteredValue" },
      }),
    ).toThrow(/never over a range/);
  });

  it("refuses anything else on an input tab", () => {
    expect(
      check({ deleteDimension: { range: { sheetId: 1, dimension: "ROWS", startIndex: 1, endIndex: 2 } } }),
    ).toThrow(/not a request setup makes/);
    expect(check({ updateSheetProperties: { properties: { sheetId: 1, title: "x" }, fields: "title" } })).toThrow(
      /only gets validation/,
    );
    expect(check({ appendDimension: { sheetId: 1, dimension: "ROWS", length: 5 } })).toThrow(/only columns/);
  });

  it("lets a generated tab get a warning-only protection and nothing else", () => {
    expect(
      check({ addProtectedRange: { protectedRange: { range: { sheetId: 2 }, warningOnly: true } } }),
    ).not.toThrow();
    expect(check({ addProtectedRange: { protectedRange: { range: { sheetId: 2 } } } })).toThrow(/warning-only/);
    expect(check({ setDataValidation: { range: { sheetId: 2 }, rule: {} } })).toThrow(/warning-only/);
  });

  it("never touches a tab it does not own", () => {
    expect(check({ setDataValidation: { range: { sheetId: 4 }, rule: {} } })).toThrow(/does not touch this tab/);
    expect(check({ addSheet: { properties: { sheetId: 7, title: "Xếp hạng 2024" } } })).toThrow(
      /creates only input tabs/,
    );
  });

  it("allows anything on a tab it creates in the same plan, but never a formula", () => {
    const created: Request = { addSheet: { properties: { sheetId: 7, title: "Đăng ký" } } };
    const write = (value: sheets_v4.Schema$ExtendedValue): Request => ({
      updateCells: {
        start: { sheetId: 7 },
        rows: [{ values: [{ userEnteredValue: value }] }],
        fields: "userEnteredValue",
      },
    });
    expect(check(created, write({ stringValue: "Năm" }))).not.toThrow();
    expect(check(created, write({ formulaValue: "=1+1" }))).toThrow(/never as formulas/);
    expect(check(write({ stringValue: "Năm" }))).toThrow(/does not touch this tab/); // not created first
  });

  it("lets the guide be rewritten and resized, but not renamed", () => {
    expect(
      check({
        updateSheetProperties: {
          properties: { sheetId: 3, gridProperties: { rowCount: 5 } },
          fields: "gridProperties.rowCount",
        },
      }),
    ).not.toThrow();
    expect(check({ updateSheetProperties: { properties: { sheetId: 3, title: "Đăng ký" }, fields: "title" } })).toThrow(
      /only the guide's grid/,
    );
  });
});
