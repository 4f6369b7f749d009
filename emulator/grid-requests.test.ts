import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testEmulator, type TestEmulator } from "./test-support.ts";

let t: TestEmulator;
let id: string;

beforeAll(async () => {
  t = await testEmulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  id = await t.create(["Sheet1"]);
  await t.put(id, "Sheet1!A1", [
    ["a1", "b1", "c1"],
    ["a2", "b2", "c2"],
    ["a3", "b3", "c3"],
  ]);
});

const batch = (requests: unknown[]) => t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, { requests });
const all = async () => (await t.get(id, "Sheet1")).json.values;

describe("rows, columns and grid size", () => {
  it("inserts and deletes rows and columns, shifting the cells", async () => {
    await batch([
      { insertDimension: { range: { sheetId: 0, dimension: "ROWS", startIndex: 1, endIndex: 2 } } },
      { deleteDimension: { range: { sheetId: 0, dimension: "COLUMNS", startIndex: 1, endIndex: 2 } } },
    ]);
    expect(await all()).toEqual([["a1", "c1"], [], ["a2", "c2"], ["a3", "c3"]]);
    const meta = await t.call("GET", `/v4/spreadsheets/${id}`);
    expect(meta.json.sheets[0].properties.gridProperties).toEqual({ rowCount: 1001, columnCount: 25 });
  });

  it("drops the cells a smaller grid no longer holds", async () => {
    await batch([
      {
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { rowCount: 2, columnCount: 2 } },
          fields: "gridProperties(rowCount,columnCount)",
        },
      },
    ]);
    expect(await all()).toEqual([
      ["a1", "b1"],
      ["a2", "b2"],
    ]);
    expect((await t.get(id, "Sheet1!A3")).status).toBe(400);
  });

  it("formats a range with repeatCell without touching values", async () => {
    await batch([
      {
        repeatCell: {
          range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: "userEnteredFormat.textFormat.bold",
        },
      },
    ]);
    expect((await all())[0]).toEqual(["a1", "b1", "c1"]);
    const got = await t.call("GET", `/v4/spreadsheets/${id}?includeGridData=true&ranges=Sheet1!A1`);
    expect(got.json.sheets[0].data[0].rowData[0].values[0].userEnteredFormat).toEqual({ textFormat: { bold: true } });
  });
});

describe("more value options", () => {
  it("writes COLUMNS-major data and can echo the written values", async () => {
    const reply = await t.call(
      "PUT",
      `/v4/spreadsheets/${id}/values/${encodeURIComponent("Sheet1!E1")}?valueInputOption=RAW&includeValuesInResponse=true`,
      {
        majorDimension: "COLUMNS",
        values: [["x", "y"], [1]],
      },
    );
    expect(reply.json.updatedData).toEqual({
      range: "Sheet1!E1:F2",
      majorDimension: "ROWS",
      values: [["x", "1"], ["y"]],
    });
  });

  it("renders dates as serial numbers or, on request, as formatted strings", async () => {
    await t.put(id, "Sheet1!D1", [["2024-03-15"]], "USER_ENTERED");
    expect((await t.get(id, "Sheet1!D1", "valueRenderOption=UNFORMATTED_VALUE")).json.values).toEqual([[45366]]);
    expect(
      (await t.get(id, "Sheet1!D1", "valueRenderOption=UNFORMATTED_VALUE&dateTimeRenderOption=FORMATTED_STRING")).json
        .values,
    ).toEqual([["2024-03-15"]]);
    expect((await t.get(id, "Sheet1!D1")).json.values).toEqual([["2024-03-15"]]);
  });
});
