import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { scalarAccepts } from "./request-check.ts";
import { protoName, requestShape } from "./request-schema.ts";
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

const batch = (requests: unknown[]) => t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, { requests });
const titles = async () =>
  ((await t.call("GET", `/v4/spreadsheets/${id}`)).json.sheets as Array<{ properties: { title: string } }>).map(
    (s) => s.properties.title,
  );

/** Google's error body for one or more violations, each `[field, description]` ("" for the top level). */
function googleError(...violations: Array<[string, string]>) {
  return {
    error: {
      code: 400,
      message: violations.map(([, description]) => description).join("\n"),
      status: "INVALID_ARGUMENT",
      details: [
        {
          "@type": "type.googleapis.com/google.rpc.BadRequest",
          fieldViolations: violations.map(([field, description]) =>
            field === "" ? { description } : { field, description },
          ),
        },
      ],
    },
  };
}

describe("request bodies are checked against Google's discovery document", () => {
  it("refuses spreadsheets.create with an unknown field below the top level, and creates nothing", async () => {
    const before = t.emulator.store.list().length;
    const reply = await t.call("POST", "/v4/spreadsheets", { properties: { title: "Sổ điểm", bogusField: 1 } });
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual(
      googleError([
        "properties",
        `Invalid JSON payload received. Unknown name "bogusField" at 'properties': Cannot find field.`,
      ]),
    );
    expect(t.emulator.store.list()).toHaveLength(before);
  });

  it("refuses an addSheet with a misspelt grid property in Google's words, and applies nothing", async () => {
    const reply = await batch([
      { addSheet: { properties: { title: "Xếp hạng 2024", gridProperties: { frozenRowCountt: 1 } } } },
    ]);
    expect(reply.status).toBe(400);
    expect(reply.json.error.message).toBe(
      `Invalid JSON payload received. Unknown name "frozenRowCountt" at 'requests[0].add_sheet.properties.grid_properties': Cannot find field.`,
    );
    expect(reply.json.error.details[0].fieldViolations[0].field).toBe(
      "requests[0].add_sheet.properties.grid_properties",
    );
    expect(await titles()).toEqual(["Đơn vị"]);
  });

  it("names an unknown top-level field without a path, and writes no cell", async () => {
    const reply = await t.call("PUT", `/v4/spreadsheets/${id}/values/A1?valueInputOption=RAW`, { valuess: [["x"]] });
    expect(reply.json).toEqual(
      googleError(["", `Invalid JSON payload received. Unknown name "valuess": Cannot find field.`]),
    );
    expect((await t.get(id, "A1")).json.values).toBeUndefined();
  });

  it("reports every problem of a body at once, one line each", async () => {
    const reply = await batch([
      { addSheet: { properties: { title: "A", colour: "red" } } },
      { deleteSheet: { sheetID: 0 } },
    ]);
    expect(reply.json).toEqual(
      googleError(
        [
          "requests[0].add_sheet.properties",
          `Invalid JSON payload received. Unknown name "colour" at 'requests[0].add_sheet.properties': Cannot find field.`,
        ],
        [
          "requests[1].delete_sheet",
          `Invalid JSON payload received. Unknown name "sheetID" at 'requests[1].delete_sheet': Cannot find field.`,
        ],
      ),
    );
  });

  it("refuses values of the wrong JSON type with the proto type Google names", async () => {
    const reply = await batch([
      { addSheet: { properties: { title: "B", gridProperties: { rowCount: "abc", hideGridlines: 1 } } } },
      { addSheet: { properties: "C" } },
      { addSheet: { properties: [{ title: "D" }] } },
      { updateCells: { rows: [{ values: [{ userEnteredValue: { numberValue: "năm" } }] }], fields: "*" } },
    ]);
    expect(reply.json.error.message.split("\n")).toEqual([
      `Invalid value at 'requests[0].add_sheet.properties.grid_properties.row_count' (TYPE_INT32), "abc"`,
      `Invalid value at 'requests[0].add_sheet.properties.grid_properties.hide_gridlines' (TYPE_BOOL), 1`,
      `Invalid value at 'requests[1].add_sheet.properties' (type.googleapis.com/google.apps.sheets.v4.SheetProperties), "C"`,
      `Invalid JSON payload received. Unknown name "properties" at 'requests[2].add_sheet': Proto field is not repeating, cannot start list.`,
      `Invalid value at 'requests[3].update_cells.rows[0].values[0].user_entered_value.number_value' (TYPE_DOUBLE), "năm"`,
    ]);
    expect(await titles()).toEqual(["Đơn vị"]);
  });

  it("refuses an int32 outside its range and a fraction where an integer is expected", async () => {
    const reply = await batch([{ deleteSheet: { sheetId: 2 ** 31 } }, { deleteSheet: { sheetId: 1.5 } }]);
    expect(reply.json.error.message.split("\n")).toEqual([
      `Invalid value at 'requests[0].delete_sheet.sheet_id' (TYPE_INT32), 2147483648`,
      `Invalid value at 'requests[1].delete_sheet.sheet_id' (TYPE_INT32), 1.5`,
    ]);
  });

  it("refuses enum values Google does not know, at any depth", async () => {
    const reply = await t.call("POST", `/v4/spreadsheets/${id}/values:batchUpdate`, {
      valueInputOption: "USER_ENTER",
      data: [{ range: "A1", majorDimension: "ROW", values: [[1]] }],
    });
    expect(reply.json.error.message.split("\n")).toEqual([
      `Invalid value at 'value_input_option' (TYPE_ENUM), "USER_ENTER"`,
      `Invalid value at 'data[0].major_dimension' (TYPE_ENUM), "ROW"`,
    ]);
    expect((await t.get(id, "A1")).json.values).toBeUndefined();
  });

  it("wants each row of values to be a list, and takes any JSON value in a cell", async () => {
    const flat = await t.call("PUT", `/v4/spreadsheets/${id}/values/A1?valueInputOption=RAW`, { values: ["a", "b"] });
    expect(flat.json.error.message.split("\n")).toEqual([
      `Invalid value at 'values[0]' (type.googleapis.com/google.protobuf.ListValue), "a"`,
      `Invalid value at 'values[1]' (type.googleapis.com/google.protobuf.ListValue), "b"`,
    ]);
    const mixed = await t.put(id, "A1:D1", [["Thôn Đông", 12.5, true, null]]);
    expect(mixed.status).toBe(200);
    expect((await t.get(id, "A1:C1", "valueRenderOption=UNFORMATTED_VALUE")).json.values).toEqual([
      ["Thôn Đông", 12.5, true],
    ]);
  });

  it("accepts proto snake_case names and integers written as strings, as Google does", async () => {
    const reply = await batch([
      {
        add_sheet: {
          properties: { title: "Snake", grid_properties: { row_count: "20", column_count: 5, frozen_row_count: 1 } },
        },
      },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.json.replies[0].addSheet.properties.gridProperties).toMatchObject({
      rowCount: 20,
      columnCount: 5,
      frozenRowCount: 1,
    });
  });

  it("checks request kinds the emulator does not implement, such as developer metadata", async () => {
    const reply = await batch([
      {
        createDeveloperMetadata: {
          developerMetadata: { metadataKey: "dvk", visibilty: "DOCUMENT", location: { spreadsheet: true } },
        },
      },
    ]);
    expect(reply.json.error.message).toBe(
      `Invalid JSON payload received. Unknown name "visibilty" at 'requests[0].create_developer_metadata.developer_metadata': Cannot find field.`,
    );
    expect(requestShape("developerMetadata.search")).toMatchObject({
      kind: "message",
      name: "SearchDeveloperMetadataRequest",
    });
  });

  it("leaves bodiless methods and a well-formed batch alone", async () => {
    expect(requestShape("values.get")).toBeUndefined();
    const reply = await batch([
      {
        addSheet: {
          properties: {
            sheetId: 7,
            title: "Kết quả",
            index: 1,
            gridProperties: { rowCount: 10, columnCount: 4, frozenRowCount: 1 },
          },
        },
      },
      {
        updateCells: {
          range: { sheetId: 7, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 2 },
          rows: [
            { values: [{ userEnteredValue: { stringValue: "Đơn vị" } }, { userEnteredValue: { numberValue: 9.5 } }] },
          ],
          fields: "userEnteredValue",
        },
      },
      {
        repeatCell: {
          range: { sheetId: 7, startRowIndex: 0, endRowIndex: 1 },
          cell: { userEnteredFormat: { textFormat: { bold: true } } },
          fields: "userEnteredFormat.textFormat.bold",
        },
      },
      {
        addProtectedRange: { protectedRange: { range: { sheetId: 7 }, description: "Do máy ghi", warningOnly: true } },
      },
      { updateSheetProperties: { properties: { sheetId: 7, hidden: false }, fields: "hidden" } },
    ]);
    expect(reply.status).toBe(200);
    expect(await titles()).toEqual(["Đơn vị", "Kết quả"]);
  });
});

describe("the scalar rules of Google's JSON parser", () => {
  it("takes proto names in snake_case from JSON names", () => {
    expect(protoName("frozenRowCount")).toBe("frozen_row_count");
    expect(protoName("a1Range")).toBe("a1_range");
    expect(protoName("offsetXPixels")).toBe("offset_x_pixels");
  });

  it("accepts numbers and decimal strings for integers within the type's range", () => {
    expect(scalarAccepts("int32", "12")).toBe(true);
    expect(scalarAccepts("int32", -7)).toBe(true);
    expect(scalarAccepts("int32", "12a")).toBe(false);
    expect(scalarAccepts("uint32", -1)).toBe(false);
    expect(scalarAccepts("int64", "9223372036854775807")).toBe(true);
    expect(scalarAccepts("int64", "9223372036854775808")).toBe(false);
  });

  it("accepts doubles as numbers, numeric strings or the special names, and booleans only as true or false", () => {
    expect(scalarAccepts("double", "2.5e3")).toBe(true);
    expect(scalarAccepts("double", "NaN")).toBe(true);
    expect(scalarAccepts("double", "hai")).toBe(false);
    expect(scalarAccepts("float", 1e39)).toBe(false);
    expect(scalarAccepts("bool", false)).toBe(true);
    expect(scalarAccepts("bool", 0)).toBe(false);
    expect(scalarAccepts("string", 5)).toBe(false);
  });
});
