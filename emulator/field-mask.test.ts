import { describe, expect, it } from "vitest";
import { applyMask, copyJson, parseFieldMask, pickFields } from "./field-mask.ts";

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
    expect(pickFields(doc, parseFieldMask("sheets.properties.title"))).toEqual({
      sheets: [{ properties: { title: "A" } }],
    });
  });

  it("overwrites only the named fields and clears named fields the source lacks", () => {
    const target: Record<string, unknown> = {
      title: "Old",
      hidden: true,
      gridProperties: { rowCount: 10, frozenRowCount: 2 },
    };
    applyMask(
      target,
      { title: "New", gridProperties: { rowCount: 99 } },
      parseFieldMask("title,hidden,gridProperties.frozenRowCount"),
    );
    expect(target).toEqual({ title: "New", gridProperties: { rowCount: 10 } });
  });

  it("copies written values deeply, so a stored cell never shares an object with the request", () => {
    const source = {
      userEnteredFormat: { numberFormat: { type: "NUMBER" } },
      dataValidation: { values: [{ v: "1" }, null] },
    };
    const target: Record<string, unknown> = {};
    applyMask(target, source, parseFieldMask("userEnteredFormat,dataValidation"));
    expect(target).toStrictEqual(source);
    expect(target.userEnteredFormat).not.toBe(source.userEnteredFormat);
    expect((target.dataValidation as typeof source.dataValidation).values[0]).not.toBe(source.dataValidation.values[0]);
    expect(copyJson([1, "a", true, null, { b: [2] }])).toStrictEqual([1, "a", true, null, { b: [2] }]);
  });
});
