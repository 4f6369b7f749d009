import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testEmulator, type TestEmulator } from "./test-support.ts";

let t: TestEmulator;
let id: string;

beforeAll(async () => {
  t = await testEmulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  id = await t.create(["Đăng ký", "It's", "Sheet1"]);
});

describe("values.get", () => {
  it("answers a quoted Vietnamese range with the range clipped to the grid, in Google's form", async () => {
    await t.put(id, "'Đăng ký'!A1", [
      ["Năm", "Mã đơn vị"],
      [2024, "X01"],
    ]);
    const reply = await t.get(id, "'Đăng ký'!A1:P");
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({
      range: "'Đăng ký'!A1:P1000",
      majorDimension: "ROWS",
      values: [
        ["Năm", "Mã đơn vị"],
        ["2024", "X01"],
      ],
    });
  });

  it("reads a sheet name with an apostrophe", async () => {
    await t.put(id, "'It''s'!B2", [["ok"]]);
    const reply = await t.get(id, "'It''s'!B2");
    expect(reply.json).toEqual({ range: "'It''s'!B2", majorDimension: "ROWS", values: [["ok"]] });
  });

  it("reads a bare sheet name as the whole sheet", async () => {
    await t.put(id, "Sheet1!A1", [["a"]]);
    expect((await t.get(id, "Sheet1")).json.range).toBe("Sheet1!A1:Z1000");
    expect((await t.get(id, "'Đăng ký'")).json.range).toBe("'Đăng ký'!A1:Z1000");
  });

  it("reads whole columns and whole rows", async () => {
    await t.put(id, "Sheet1!A1", [
      ["a", "b", "c", "d"],
      ["e", "f", "g", "h"],
      ["i", "j", "k", "l"],
    ]);
    expect((await t.get(id, "Sheet1!B:C")).json).toMatchObject({
      range: "Sheet1!B1:C1000",
      values: [
        ["b", "c"],
        ["f", "g"],
        ["j", "k"],
      ],
    });
    expect((await t.get(id, "Sheet1!2:3")).json).toMatchObject({
      range: "Sheet1!A2:Z3",
      values: [
        ["e", "f", "g", "h"],
        ["i", "j", "k", "l"],
      ],
    });
  });

  it("trims trailing empty rows and cells but keeps empty cells and rows inside the data", async () => {
    await t.put(id, "Sheet1!A1", [["a", null, "c"], [], ["", "x"]]);
    expect((await t.get(id, "Sheet1!A1:E10")).json.values).toEqual([["a", "", "c"], [], ["", "x"]]);
  });

  it("leaves values out for an empty range", async () => {
    const reply = await t.get(id, "Sheet1!C3:D4");
    expect(reply.json).toEqual({ range: "Sheet1!C3:D4", majorDimension: "ROWS" });
    expect("values" in reply.json).toBe(false);
  });

  it("renders FORMATTED_VALUE as text and UNFORMATTED_VALUE as typed values", async () => {
    await t.put(id, "Sheet1!A1", [[1234.5, true, "x", 0.1]]);
    expect((await t.get(id, "Sheet1!A1:D1")).json.values).toEqual([["1234.5", "TRUE", "x", "0.1"]]);
    expect((await t.get(id, "Sheet1!A1:D1", "valueRenderOption=UNFORMATTED_VALUE")).json.values).toEqual([
      [1234.5, true, "x", 0.1],
    ]);
  });

  it("answers COLUMNS when asked", async () => {
    await t.put(id, "Sheet1!A1", [["a", "b"], ["c"]]);
    expect((await t.get(id, "Sheet1!A1:B2", "majorDimension=COLUMNS")).json.values).toEqual([["a", "c"], ["b"]]);
  });

  it("refuses an unknown sheet with Google's error body", async () => {
    const reply = await t.get(id, "'Không có'!A1");
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      error: { code: 400, message: "Unable to parse range: 'Không có'!A1", status: "INVALID_ARGUMENT" },
    });
  });

  it("answers 404 NOT_FOUND for an unknown spreadsheet", async () => {
    const reply = await t.get("nope", "A1");
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({
      error: { code: 404, message: "Requested entity was not found.", status: "NOT_FOUND" },
    });
  });

  it("refuses a range that starts past the grid", async () => {
    const reply = await t.get(id, "Sheet1!A1001");
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toBe(
      "Range ('Sheet1'!A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
  });
});

describe("values.batchGet", () => {
  it("answers each range in order", async () => {
    await t.put(id, "'Đăng ký'!A1", [
      ["h1", "h2"],
      [1, 2],
    ]);
    await t.put(id, "Sheet1!A1", [[true]]);
    const ranges = ["'Đăng ký'", "Sheet1!A1:B", "'It''s'!A1"].map((r) => `ranges=${encodeURIComponent(r)}`).join("&");
    const reply = await t.call(
      "GET",
      `/v4/spreadsheets/${id}/values:batchGet?${ranges}&valueRenderOption=UNFORMATTED_VALUE`,
    );
    expect(reply.json).toEqual({
      spreadsheetId: id,
      valueRanges: [
        {
          range: "'Đăng ký'!A1:Z1000",
          majorDimension: "ROWS",
          values: [
            ["h1", "h2"],
            [1, 2],
          ],
        },
        { range: "Sheet1!A1:B1000", majorDimension: "ROWS", values: [[true]] },
        { range: "'It''s'!A1", majorDimension: "ROWS" },
      ],
    });
  });
});

describe("writing values", () => {
  it("stores RAW text literally, even formulas and numbers", async () => {
    await t.put(id, "Sheet1!A1", [["=1+1", "123", "'x"]], "RAW");
    expect((await t.get(id, "Sheet1!A1:C1", "valueRenderOption=UNFORMATTED_VALUE")).json.values).toEqual([
      ["=1+1", "123", "'x"],
    ]);
    expect((await t.get(id, "Sheet1!A1:C1", "valueRenderOption=FORMULA")).json.values).toEqual([["=1+1", "123", "'x"]]);
  });

  it("reads USER_ENTERED strings as typed: formulas, numbers, booleans, apostrophe for text", async () => {
    await t.put(id, "Sheet1!A1", [["=1+1", "123", "'123", "FALSE", "chữ"]], "USER_ENTERED");
    expect((await t.get(id, "Sheet1!A1:E1", "valueRenderOption=UNFORMATTED_VALUE")).json.values).toEqual([
      [2, 123, "123", false, "chữ"],
    ]);
    expect((await t.get(id, "Sheet1!A1:E1", "valueRenderOption=FORMULA")).json.values).toEqual([
      ["=1+1", 123, "123", false, "chữ"],
    ]);
  });

  it("answers values.update with the written range and counts", async () => {
    const reply = await t.put(id, "Sheet1!B2", [[1, 2], [3]]);
    expect(reply.json).toEqual({
      spreadsheetId: id,
      updatedRange: "Sheet1!B2:C3",
      updatedRows: 2,
      updatedColumns: 2,
      updatedCells: 3,
    });
  });

  it("requires valueInputOption", async () => {
    const reply = await t.call("PUT", `/v4/spreadsheets/${id}/values/A1`, { values: [[1]] });
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toBe("'valueInputOption' is required but not specified");
  });

  it("refuses more data than a bounded range holds", async () => {
    const reply = await t.put(id, "Sheet1!A1:B2", [[1], [2], [3]]);
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toBe(
      "Requested writing within range [Sheet1!A1:B2], but tried writing to row [3]",
    );
  });

  it("grows the grid when values.update writes past it", async () => {
    await t.put(id, "Sheet1!A1000", [["a"], ["b"]]);
    const meta = await t.call("GET", `/v4/spreadsheets/${id}`);
    const sheet = meta.json.sheets.find((s: { properties: { title: string } }) => s.properties.title === "Sheet1");
    expect(sheet.properties.gridProperties.rowCount).toBe(1001);
    expect((await t.get(id, "Sheet1!A1001")).json.values).toEqual([["b"]]);
  });

  it("writes several ranges with values.batchUpdate, all or nothing", async () => {
    const ok = await t.call("POST", `/v4/spreadsheets/${id}/values:batchUpdate`, {
      valueInputOption: "RAW",
      data: [
        { range: "Sheet1!A1", values: [["a", "b"]] },
        { range: "'Đăng ký'!A1", values: [["c"], ["d"]] },
      ],
    });
    expect(ok.json).toMatchObject({
      totalUpdatedRows: 3,
      totalUpdatedColumns: 3,
      totalUpdatedCells: 4,
      totalUpdatedSheets: 2,
    });
    const bad = await t.call("POST", `/v4/spreadsheets/${id}/values:batchUpdate`, {
      valueInputOption: "RAW",
      data: [
        { range: "Sheet1!A1", values: [["changed"]] },
        { range: "Missing!A1", values: [["x"]] },
      ],
    });
    expect(bad.status).toBe(400);
    expect((await t.get(id, "Sheet1!A1")).json.values).toEqual([["a"]]);
  });

  it("clears values but keeps the sheet", async () => {
    await t.put(id, "Sheet1!A1", [
      ["a", "b"],
      ["c", "d"],
    ]);
    const reply = await t.call("POST", `/v4/spreadsheets/${id}/values/${encodeURIComponent("Sheet1!B1:B2")}:clear`, {});
    expect(reply.json).toEqual({ spreadsheetId: id, clearedRange: "Sheet1!B1:B2" });
    expect((await t.get(id, "Sheet1")).json.values).toEqual([["a"], ["c"]]);
  });

  it("clears several ranges with values.batchClear", async () => {
    await t.put(id, "Sheet1!A1", [["a", "b"]]);
    const reply = await t.call("POST", `/v4/spreadsheets/${id}/values:batchClear`, {
      ranges: ["Sheet1!A1", "Sheet1!B1"],
    });
    expect(reply.json.clearedRanges).toEqual(["Sheet1!A1", "Sheet1!B1"]);
    expect((await t.get(id, "Sheet1")).json.values).toBeUndefined();
  });
});

describe("values.append", () => {
  const append = (range: string, values: unknown[][], query = "valueInputOption=RAW") =>
    t.call("POST", `/v4/spreadsheets/${id}/values/${encodeURIComponent(range)}:append?${query}`, { values });

  it("writes after the last row of the table the range points into", async () => {
    await t.put(id, "Sheet1!A1", [
      ["Mã", "Tên"],
      ["1", "a"],
      ["2", "b"],
    ]);
    const reply = await append("Sheet1!A1", [["3", "c"]]);
    expect(reply.json).toEqual({
      spreadsheetId: id,
      tableRange: "Sheet1!A1:B3",
      updates: { spreadsheetId: id, updatedRange: "Sheet1!A4:B4", updatedRows: 1, updatedColumns: 2, updatedCells: 2 },
    });
    expect((await t.get(id, "Sheet1")).json.values).toHaveLength(4);
  });

  it("starts at the range's first cell when there is no table", async () => {
    const reply = await append("'Đăng ký'!B2", [["x"]]);
    expect(reply.json.tableRange).toBeUndefined();
    expect(reply.json.updates.updatedRange).toBe("'Đăng ký'!B2");
  });

  it("inserts rows with INSERT_ROWS, shifting what is below", async () => {
    await t.put(id, "Sheet1!A1", [["a"], ["b"], [], ["footer"]]);
    await append("Sheet1!A1:A2", [["c"]], "valueInputOption=RAW&insertDataOption=INSERT_ROWS");
    expect((await t.get(id, "Sheet1!A1:A10")).json.values).toEqual([["a"], ["b"], ["c"], [], ["footer"]]);
  });

  it("grows the grid at the end of the sheet", async () => {
    await t.put(id, "Sheet1!A999", [["x"], ["y"]]);
    await append("Sheet1!A999", [["z"]]);
    expect((await t.get(id, "Sheet1!A1001")).json.values).toEqual([["z"]]);
  });
});
