import { describe, expect, it } from "vitest";
import { applyMask, parseFieldMask, pickFields } from "./field-mask.ts";

describe("field masks", () => {
  it("parses dotted, slashed and parenthesised paths into one tree", () => {
    expect(parseFieldMask("sheets.properties(sheetId,title),spreadsheetId")).toEqual({
      sheets: { properties: { sheetId: true, title: true } },
      spreadsheetId: true,
    });
    expect(parseFieldMask("sheets/properties/title")).toEqual({ sheets: { properties: { title: true } } });
    expect(() => parseFieldMask("sheets(")).toThrow("Invalid field mask");
  });

  it("picks the selected fields from every element of an array", () => {
    const doc = { spreadsheetId: "x", sheets: [{ properties: { sheetId: 1, title: "A", index: 0 }, data: [] }] };
    expect(pickFields(doc, parseFieldMask("sheets.properties.title"))).toEqual({ sheets: [{ properties: { title: "A" } }] });
  });

  it("overwrites only the named fields and clears named fields the source lacks", () => {
    const target: Record<string, unknown> = { title: "Old", hidden: true, gridProperties: { rowCount: 10, frozenRowCount: 2 } };
    applyMask(target, { title: "New", gridProperties: { rowCount: 99 } }, parseFieldMask("title,hidden,gridProperties.frozenRowCount"));
    expect(target).toEqual({ title: "New", gridProperties: { rowCount: 10 } });
  });
});
