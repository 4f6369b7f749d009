import { describe, expect, it } from "vitest";
import { readInput } from "./cell-input.ts";
import { renderCell } from "./cell-render.ts";
import { evaluateFormula } from "./formula.ts";
import { formatNumber } from "./number-format.ts";

const typed = (text: string, locale = "en_US") => readInput(text, "USER_ENTERED", locale, "values[0][0]");

describe("typed input (USER_ENTERED)", () => {
  it("reads numbers, booleans and formulas, and keeps other text", () => {
    expect(typed("123")).toEqual({ kind: "value", value: { numberValue: 123 } });
    expect(typed("-1.5e3")).toMatchObject({ value: { numberValue: -1500 } });
    expect(typed("true")).toEqual({ kind: "value", value: { boolValue: true } });
    expect(typed("=1+1")).toEqual({ kind: "value", value: { formulaValue: "=1+1" } });
    expect(typed("Chi bộ 3")).toEqual({ kind: "value", value: { stringValue: "Chi bộ 3" } });
  });

  it("keeps text after a leading apostrophe and drops the apostrophe", () => {
    expect(typed("'0123")).toEqual({ kind: "value", value: { stringValue: "0123" } });
    expect(typed("'=1+1")).toEqual({ kind: "value", value: { stringValue: "=1+1" } });
  });

  it("reads percentages and grouped numbers with a number format", () => {
    expect(typed("30%")).toEqual({
      kind: "value",
      value: { numberValue: 0.3 },
      numberFormat: { type: "PERCENT", pattern: "0%" },
    });
    expect(typed("1,234")).toMatchObject({ value: { numberValue: 1234 }, numberFormat: { pattern: "#,##0" } });
  });

  it("uses the spreadsheet locale's separators", () => {
    expect(typed("0,75", "vi_VN")).toMatchObject({ value: { numberValue: 0.75 } });
    expect(typed("1.234", "vi_VN")).toMatchObject({ value: { numberValue: 1234 } });
    expect(typed("0,75", "en_US")).toMatchObject({ value: { stringValue: "0,75" } });
  });

  it("reads dates in the locale's order and leaves impossible dates as text", () => {
    expect(typed("15/03/2024", "vi_VN")).toMatchObject({
      value: { numberValue: 45366 },
      numberFormat: { type: "DATE" },
    });
    expect(typed("3/15/2024", "en_US")).toMatchObject({ value: { numberValue: 45366 } });
    expect(typed("2024-03-15")).toMatchObject({ value: { numberValue: 45366 } });
    expect(typed("31/02/2024", "vi_VN")).toEqual({ kind: "value", value: { stringValue: "31/02/2024" } });
  });

  it("stores RAW text literally", () => {
    expect(readInput("=1+1", "RAW", "en_US", "v")).toEqual({ kind: "value", value: { stringValue: "=1+1" } });
    expect(readInput("123", "RAW", "en_US", "v")).toEqual({ kind: "value", value: { stringValue: "123" } });
    expect(readInput(null, "RAW", "en_US", "v")).toEqual({ kind: "skip" });
    expect(readInput("", "RAW", "en_US", "v")).toEqual({ kind: "clear" });
  });
});

describe("rendering", () => {
  const options = (valueRenderOption: "FORMATTED_VALUE" | "UNFORMATTED_VALUE" | "FORMULA") => ({
    valueRenderOption,
    dateTimeRenderOption: "SERIAL_NUMBER" as const,
    locale: "en_US",
  });

  it("formats numbers with Sheets' automatic format and the locale's decimal mark", () => {
    expect(formatNumber(1234.5, undefined, "en_US")).toBe("1234.5");
    expect(formatNumber(1 / 3, undefined, "en_US")).toBe("0.3333333333");
    expect(formatNumber(0.75, undefined, "vi_VN")).toBe("0,75");
  });

  it("applies number, percent and date patterns", () => {
    expect(formatNumber(1234.567, { type: "NUMBER", pattern: "#,##0.00" }, "en_US")).toBe("1,234.57");
    expect(formatNumber(0.256, { type: "PERCENT", pattern: "0.0%" }, "en_US")).toBe("25.6%");
    expect(formatNumber(45366, { type: "DATE", pattern: "dd/mm/yyyy" }, "vi_VN")).toBe("15/03/2024");
    expect(formatNumber(45366.5, { type: "DATE_TIME", pattern: "yyyy-mm-dd hh:mm" }, "en_US")).toBe("2024-03-15 12:00");
  });

  it("renders a cell per valueRenderOption", () => {
    const cell = { userEnteredValue: { formulaValue: "=2*21" } };
    expect(renderCell(cell, options("FORMATTED_VALUE"))).toBe("42");
    expect(renderCell(cell, options("UNFORMATTED_VALUE"))).toBe(42);
    expect(renderCell(cell, options("FORMULA"))).toBe("=2*21");
    expect(renderCell({ userEnteredValue: { boolValue: false } }, options("FORMATTED_VALUE"))).toBe("FALSE");
    expect(renderCell({ userEnteredValue: { boolValue: false } }, options("UNFORMATTED_VALUE"))).toBe(false);
  });

  it("evaluates constant arithmetic and marks other formulas as errors", () => {
    expect(evaluateFormula("=(2+3)*4/5")).toEqual({ numberValue: 4 });
    expect(evaluateFormula('="a"&"b"')).toEqual({ stringValue: "ab" });
    expect(evaluateFormula("=1/0").errorValue?.type).toBe("DIVIDE_BY_ZERO");
    expect(evaluateFormula("=SUM(A1:A3)").errorValue?.type).toBe("ERROR");
  });
});
