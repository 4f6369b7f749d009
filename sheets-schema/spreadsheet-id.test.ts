import { describe, expect, it } from "vitest";
import { describeSpreadsheetRefProblem, parseSpreadsheetRef } from "./spreadsheet-id.ts";

const ID = "1BxiMVs0XRA5nFMdKvBdBZjgmUUqptlbs74OgvE2upms";

describe("parseSpreadsheetRef", () => {
  it("takes a bare id, spaces around it ignored", () => {
    expect(parseSpreadsheetRef(` ${ID}\n`)).toEqual({ ok: true, id: ID });
    expect(parseSpreadsheetRef(`${ID}\u200B`)).toEqual({ ok: true, id: ID }); // pasted from a web page
  });

  it("takes the id out of a Google Sheets address", () => {
    expect(parseSpreadsheetRef(`https://docs.google.com/spreadsheets/d/${ID}/edit#gid=0`)).toEqual({
      ok: true,
      id: ID,
    });
  });

  it("tells a 'publish to the web' address apart from text that is no reference at all", () => {
    expect(parseSpreadsheetRef("https://docs.google.com/spreadsheets/d/e/2PACX-1vQ/pubhtml")).toEqual({
      ok: false,
      problem: "published",
    });
    expect(parseSpreadsheetRef("Huyện Lục Nam")).toEqual({ ok: false, problem: "unreadable" });
    expect(parseSpreadsheetRef("")).toEqual({ ok: false, problem: "unreadable" });
    expect(parseSpreadsheetRef("x".repeat(201))).toEqual({ ok: false, problem: "unreadable" });
  });

  it("explains each problem in Vietnamese, quoting the value as given", () => {
    expect(describeSpreadsheetRefProblem("unreadable", "“a b”")).toContain("Không đọc được mã bảng tính từ “a b”");
    expect(describeSpreadsheetRefProblem("published", "“u”")).toContain("Xuất bản lên web");
  });
});
