import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testEmulator, type TestEmulator } from "./test-support.ts";

let t: TestEmulator;
let id: string;

beforeAll(async () => {
  t = await testEmulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  id = await t.create(["Đơn vị"]);
});

const batch = (requests: unknown[], extra: Record<string, unknown> = {}) =>
  t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, { requests, ...extra });

async function sheets(): Promise<Array<{ properties: Record<string, any> } & Record<string, any>>> {
  return (await t.call("GET", `/v4/spreadsheets/${id}`)).json.sheets;
}

describe("spreadsheets.batchUpdate", () => {
  it("adds a sheet and answers with its properties, one reply per request", async () => {
    const reply = await batch([
      {
        addSheet: {
          properties: { title: "Xếp hạng 2024", gridProperties: { rowCount: 50, columnCount: 15, frozenRowCount: 1 } },
        },
      },
      { autoResizeDimensions: { dimensions: { sheetId: 0, dimension: "COLUMNS", startIndex: 0, endIndex: 3 } } },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.json.spreadsheetId).toBe(id);
    expect(reply.json.replies).toHaveLength(2);
    expect(reply.json.replies[1]).toEqual({});
    const props = reply.json.replies[0].addSheet.properties;
    expect(props).toMatchObject({
      title: "Xếp hạng 2024",
      index: 1,
      sheetType: "GRID",
      gridProperties: { rowCount: 50, columnCount: 15, frozenRowCount: 1 },
    });
    expect(Number.isInteger(props.sheetId)).toBe(true);
  });

  it("is all or nothing: an invalid second request leaves the first unapplied", async () => {
    const reply = await batch([
      { addSheet: { properties: { title: "Mới" } } },
      { addSheet: { properties: { title: "đơn vị" } } },
    ]);
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({
      error: {
        code: 400,
        message:
          'Invalid requests[1].addSheet: A sheet with the name "đơn vị" already exists. Please enter another name.',
        status: "INVALID_ARGUMENT",
      },
    });
    expect((await sheets()).map((s) => s.properties.title)).toEqual(["Đơn vị"]);
  });

  it("refuses an unknown sheetId and an unknown request kind", async () => {
    const unknownSheet = await batch([{ deleteSheet: { sheetId: 4242 } }]);
    expect(unknownSheet.json.error.message).toBe("Invalid requests[0].deleteSheet: No grid with id: 4242");
    const unknownKind = await batch([{ addSheet: {} }, { frobnicate: {} }]);
    expect(unknownKind.status).toBe(400);
    expect(unknownKind.json.error.message).toContain('Unknown name "frobnicate"');
    expect(await sheets()).toHaveLength(1);
  });

  it("renames, hides and freezes through the fields mask only", async () => {
    const added = await batch([{ addSheet: { properties: { title: "Tạm" } } }]);
    const sheetId = added.json.replies[0].addSheet.properties.sheetId;
    await batch([
      {
        updateSheetProperties: {
          properties: {
            sheetId,
            title: "Chỉ tiêu 2024",
            hidden: true,
            gridProperties: { frozenRowCount: 1, rowCount: 5 },
          },
          fields: "title,hidden,gridProperties.frozenRowCount",
        },
      },
    ]);
    const sheet = (await sheets()).find((s) => s.properties.sheetId === sheetId);
    expect(sheet?.properties).toMatchObject({
      title: "Chỉ tiêu 2024",
      hidden: true,
      gridProperties: { rowCount: 1000, columnCount: 26, frozenRowCount: 1 },
    });
  });

  it("leaves hidden and frozenRowCount out of spreadsheets.get when false or zero, as Google does", async () => {
    const [sheet] = await sheets();
    expect(sheet?.properties).toEqual({
      sheetId: 0,
      title: "Đơn vị",
      index: 0,
      sheetType: "GRID",
      gridProperties: { rowCount: 1000, columnCount: 26 },
    });
  });

  it("refuses to freeze every row, like Google", async () => {
    const reply = await batch([
      { addSheet: { properties: { title: "X", gridProperties: { rowCount: 1, frozenRowCount: 1 } } } },
    ]);
    expect(reply.json.error.message).toBe(
      "Invalid requests[0].addSheet: You can't freeze all visible rows on the sheet.",
    );
  });

  it("moves a sheet using Google's before-the-move index", async () => {
    await batch([{ addSheet: { properties: { title: "B" } } }, { addSheet: { properties: { title: "C" } } }]);
    await batch([{ updateSheetProperties: { properties: { sheetId: 0, index: 2 }, fields: "index" } }]);
    expect((await sheets()).map((s) => s.properties.title)).toEqual(["B", "Đơn vị", "C"]);
  });

  it("swaps a staging tab in: delete the old tab and rename the new one in one batch", async () => {
    const staged = await batch([
      { addSheet: { properties: { sheetId: 7, title: "Kết quả" } } },
      { addSheet: { properties: { sheetId: 8, title: "Kết quả (tạm)", hidden: true } } },
    ]);
    expect(staged.status).toBe(200);
    const reply = await batch([
      { deleteSheet: { sheetId: 7 } },
      {
        updateSheetProperties: { properties: { sheetId: 8, title: "Kết quả", hidden: false }, fields: "title,hidden" },
      },
    ]);
    expect(reply.status).toBe(200);
    expect(
      (await sheets()).map((s) => [s.properties.sheetId, s.properties.title, s.properties.hidden ?? false]),
    ).toEqual([
      [0, "Đơn vị", false],
      [8, "Kết quả", false],
    ]);
  });

  it("refuses to delete the last sheet or the last visible one", async () => {
    const last = await batch([{ deleteSheet: { sheetId: 0 } }]);
    expect(last.json.error.message).toBe(
      "Invalid requests[0].deleteSheet: You can't remove all the sheets in a document.",
    );
    const lastVisible = await batch([
      { addSheet: { properties: { title: "Ẩn", hidden: true } } },
      { deleteSheet: { sheetId: 0 } },
    ]);
    expect(lastVisible.json.error.message).toBe(
      "Invalid requests[1].deleteSheet: You can't remove all the visible sheets in a document.",
    );
  });
});

describe("updateCells and friends", () => {
  it("writes stringValue as text and formulaValue as a formula", async () => {
    await batch([
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
          rows: [
            {
              values: [
                { userEnteredValue: { stringValue: "=1+1" } },
                { userEnteredValue: { formulaValue: "=1+1" } },
                { userEnteredValue: { numberValue: 7 } },
              ],
            },
          ],
          fields: "userEnteredValue",
        },
      },
    ]);
    expect((await t.get(id, "'Đơn vị'!A1:C1", "valueRenderOption=UNFORMATTED_VALUE")).json.values).toEqual([
      ["=1+1", 2, 7],
    ]);
    expect((await t.get(id, "'Đơn vị'!A1:C1", "valueRenderOption=FORMULA")).json.values).toEqual([["=1+1", "=1+1", 7]]);
  });

  it("stores userEnteredFormat and returns it with includeGridData", async () => {
    await batch([
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 0, columnIndex: 0 },
          rows: [
            {
              values: [
                {
                  userEnteredValue: { numberValue: 0.256 },
                  userEnteredFormat: { numberFormat: { type: "PERCENT", pattern: "0.0%" }, textFormat: { bold: true } },
                },
              ],
            },
          ],
          fields: "userEnteredValue,userEnteredFormat",
        },
      },
    ]);
    const got = await t.call(
      "GET",
      `/v4/spreadsheets/${id}?includeGridData=true&ranges=${encodeURIComponent("'Đơn vị'!A1")}`,
    );
    const cell = got.json.sheets[0].data[0].rowData[0].values[0];
    expect(cell).toMatchObject({
      formattedValue: "25.6%",
      effectiveValue: { numberValue: 0.256 },
      userEnteredFormat: { textFormat: { bold: true } },
    });
    expect((await t.get(id, "'Đơn vị'!A1")).json.values).toEqual([["25.6%"]]);
  });

  it("clears the masked fields of a range's cells the rows do not cover", async () => {
    await t.put(id, "'Đơn vị'!A1", [
      ["old", "old"],
      ["old", "old"],
    ]);
    await batch([
      {
        updateCells: {
          range: { sheetId: 0 },
          rows: [{ values: [{ userEnteredValue: { stringValue: "new" } }] }],
          fields: "userEnteredValue",
        },
      },
    ]);
    expect((await t.get(id, "'Đơn vị'")).json.values).toEqual([["new"]]);
  });

  it("refuses updateCells past the grid", async () => {
    const reply = await batch([
      {
        updateCells: {
          start: { sheetId: 0, rowIndex: 999, columnIndex: 0 },
          rows: [{}, { values: [{}] }],
          fields: "userEnteredValue",
        },
      },
    ]);
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toBe(
      "Invalid requests[0].updateCells: Range ('Đơn vị'!A1000:A1001) exceeds grid limits. Max rows: 1000, max columns: 26",
    );
  });

  it("appends cells after the last row with data", async () => {
    await t.put(id, "'Đơn vị'!A1", [["h"], ["1"]]);
    await batch([
      {
        appendCells: {
          sheetId: 0,
          rows: [{ values: [{ userEnteredValue: { stringValue: "2" } }] }],
          fields: "userEnteredValue",
        },
      },
    ]);
    expect((await t.get(id, "'Đơn vị'")).json.values).toEqual([["h"], ["1"], ["2"]]);
  });

  it("stores a data validation rule on every cell of its range", async () => {
    const rule = {
      condition: { type: "ONE_OF_LIST", values: [{ userEnteredValue: "Có" }, { userEnteredValue: "Không" }] },
      strict: true,
      showCustomUi: true,
    };
    await batch([
      {
        setDataValidation: {
          range: { sheetId: 0, startRowIndex: 1, endRowIndex: 3, startColumnIndex: 2, endColumnIndex: 3 },
          rule,
        },
      },
    ]);
    const got = await t.call(
      "GET",
      `/v4/spreadsheets/${id}?includeGridData=true&ranges=${encodeURIComponent("'Đơn vị'!C1:C4")}`,
    );
    const cells = got.json.sheets[0].data[0].rowData.map(
      (r: { values?: Array<{ dataValidation?: unknown }> }) => r.values?.[0]?.dataValidation,
    );
    expect(cells).toEqual([undefined, rule, rule]);
  });

  it("adds protected ranges with an id and conditional format rules", async () => {
    const reply = await batch([
      {
        addProtectedRange: {
          protectedRange: { range: { sheetId: 0 }, description: "Tab sinh tự động", warningOnly: true },
        },
      },
      {
        addConditionalFormatRule: {
          rule: {
            ranges: [{ sheetId: 0, startRowIndex: 1 }],
            booleanRule: {
              condition: { type: "TEXT_EQ", values: [{ userEnteredValue: "Chưa đạt" }] },
              format: { backgroundColor: { red: 1 } },
            },
          },
          index: 0,
        },
      },
    ]);
    const protectedRange = reply.json.replies[0].addProtectedRange.protectedRange;
    expect(protectedRange).toMatchObject({ description: "Tab sinh tự động", warningOnly: true, range: { sheetId: 0 } });
    expect(Number.isInteger(protectedRange.protectedRangeId)).toBe(true);
    const [sheet] = await sheets();
    expect(sheet?.protectedRanges).toEqual([protectedRange]);
    expect(sheet?.conditionalFormats).toHaveLength(1);
  });

  it("duplicates a sheet with its values", async () => {
    await t.put(id, "'Đơn vị'!A1", [["x"]]);
    const reply = await batch([{ duplicateSheet: { sourceSheetId: 0, newSheetName: "Bản sao" } }]);
    expect(reply.json.replies[0].duplicateSheet.properties).toMatchObject({ title: "Bản sao", index: 1 });
    expect((await t.get(id, "'Bản sao'")).json.values).toEqual([["x"]]);
  });

  it("duplicates a sheet's protected ranges onto the copy, each with a new id", async () => {
    const added = await batch([
      {
        addProtectedRange: {
          protectedRange: { range: { sheetId: 0 }, description: "Trang do hệ thống tạo", warningOnly: true },
        },
      },
      {
        addProtectedRange: {
          protectedRange: { range: { sheetId: 0, startRowIndex: 0, endRowIndex: 1 }, description: "Tiêu đề" },
        },
      },
    ]);
    const originals = added.json.replies.map((r: any) => r.addProtectedRange.protectedRange);
    const reply = await batch([{ duplicateSheet: { sourceSheetId: 0, newSheetId: 77, newSheetName: "Bản sao" } }]);
    expect(reply.status).toBe(200);
    const [source, copy] = await sheets();
    expect(source?.protectedRanges).toEqual(originals);
    expect(copy?.protectedRanges).toHaveLength(2);
    expect(copy?.protectedRanges[0]).toMatchObject({
      range: { sheetId: 77 },
      description: "Trang do hệ thống tạo",
      warningOnly: true,
    });
    expect(copy?.protectedRanges[1]).toMatchObject({
      range: { sheetId: 77, startRowIndex: 0, endRowIndex: 1 },
      description: "Tiêu đề",
    });
    const ids = [...originals, ...copy!.protectedRanges].map((p: any) => p.protectedRangeId);
    expect(new Set(ids).size).toBe(4);
  });

  it("can return the updated spreadsheet", async () => {
    const reply = await batch([{ addSheet: { properties: { title: "Y" } } }], { includeSpreadsheetInResponse: true });
    expect(
      reply.json.updatedSpreadsheet.sheets.map((s: { properties: { title: string } }) => s.properties.title),
    ).toEqual(["Đơn vị", "Y"]);
  });

  it("honours the fields parameter of spreadsheets.get", async () => {
    await batch([{ addSheet: { properties: { title: "Ẩn", hidden: true } } }]);
    const reply = await t.call(
      "GET",
      `/v4/spreadsheets/${id}?fields=${encodeURIComponent("sheets.properties(sheetId,title,hidden)")}`,
    );
    expect(reply.json).toEqual({
      sheets: [
        { properties: { sheetId: 0, title: "Đơn vị" } },
        { properties: { sheetId: expect.any(Number), title: "Ẩn", hidden: true } },
      ],
    });
  });
});
