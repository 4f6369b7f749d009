import { describe, expect, it } from "vitest";
import { testEmulator } from "./test-support.ts";
import { applyBatchUpdate } from "./batch-update.ts";
import { setCell } from "./grid.ts";
import type { Spreadsheet } from "./model.ts";
import { createSpreadsheet } from "./spreadsheet.ts";
import { Store } from "./store.ts";
import * as values from "./values.ts";

/**
 * Store.mutate works on a copy-on-write draft that shares the stored grids (draft.ts). These tests check, for every
 * batchUpdate request kind and every value write, that (1) a successful mutation gives exactly what the same
 * requests give applied in place to a private deep copy (the old clone-everything behaviour), (2) the stored
 * original is never changed in place, even by a successful mutation, and (3) a batch that fails after touching
 * sheets leaves the spreadsheet as it was, touched and untouched sheets alike.
 */

type Json = Record<string, unknown>;
type Change = (doc: Spreadsheet) => unknown;

const ID = "cow";
const BIG_ROWS = 600;
const WIDTH = 16;

/** A "Big" sheet (600 × 16 values, formats in column A) and a "Small" one with a note, rules, merges and a filter. */
function fixture(): Spreadsheet {
  const doc = createSpreadsheet(
    {
      properties: { title: "Tỉnh" },
      sheets: [
        {
          properties: {
            sheetId: 0,
            title: "Big",
            gridProperties: { rowCount: 3000, columnCount: 20, frozenRowCount: 1 },
          },
        },
        { properties: { sheetId: 1, title: "Small", gridProperties: { rowCount: 50, columnCount: 6 } } },
      ],
    },
    ID,
  );
  const [big, small] = doc.sheets;
  for (let r = 0; r < BIG_ROWS; r++) {
    for (let c = 0; c < WIDTH; c++) {
      const format = c === 0 ? { userEnteredFormat: { numberFormat: { type: "NUMBER", pattern: "0" } } } : {};
      setCell(big!, r, c, { userEnteredValue: { numberValue: r * 100 + c }, ...format });
    }
  }
  setCell(small!, 0, 0, { userEnteredValue: { stringValue: "Đơn vị" }, note: "ghi chú" });
  setCell(small!, 2, 3, { userEnteredValue: { boolValue: true } });
  // Built outside any mutation, so these change the fresh document in place.
  applyBatchUpdate(doc, {
    requests: [
      {
        addProtectedRange: {
          protectedRange: {
            protectedRangeId: 11,
            range: { sheetId: 1, startRowIndex: 0, endRowIndex: 1 },
            description: "tiêu đề",
          },
        },
      },
      {
        addProtectedRange: {
          protectedRange: { protectedRangeId: 12, range: { sheetId: 0, startColumnIndex: 0, endColumnIndex: 1 } },
        },
      },
      {
        addConditionalFormatRule: {
          rule: {
            ranges: [{ sheetId: 0, startRowIndex: 1, endRowIndex: 100 }],
            booleanRule: {
              condition: { type: "NUMBER_GREATER", values: [{ userEnteredValue: "5" }] },
              format: { textFormat: { bold: true } },
            },
          },
        },
      },
      {
        mergeCells: {
          range: { sheetId: 1, startRowIndex: 0, endRowIndex: 1, startColumnIndex: 0, endColumnIndex: 3 },
          mergeType: "MERGE_ALL",
        },
      },
      {
        setBasicFilter: {
          filter: {
            range: { sheetId: 0, startRowIndex: 0, endRowIndex: BIG_ROWS, startColumnIndex: 0, endColumnIndex: WIDTH },
          },
        },
      },
      {
        setDataValidation: {
          range: { sheetId: 1, startRowIndex: 1, endRowIndex: 4, startColumnIndex: 1, endColumnIndex: 2 },
          rule: { condition: { type: "BOOLEAN" } },
        },
      },
    ],
  });
  return doc;
}

const batch =
  (...requests: Json[]): Change =>
  (doc) =>
    applyBatchUpdate(doc, { requests });
const cells = (sheetId: number, rowIndex: number, columnIndex: number, rows: unknown[][]) => ({
  updateCells: {
    start: { sheetId, rowIndex, columnIndex },
    rows: rows.map((row) => ({
      values: row.map((v) => ({
        userEnteredValue: typeof v === "number" ? { numberValue: v } : { stringValue: String(v) },
        note: "mới",
      })),
    })),
    fields: "userEnteredValue,note",
  },
});
const range = (
  sheetId: number,
  startRowIndex: number,
  endRowIndex: number,
  startColumnIndex: number,
  endColumnIndex: number,
) => ({ sheetId, startRowIndex, endRowIndex, startColumnIndex, endColumnIndex });
/** A request that always fails, put last so everything before it has already been applied to the draft. */
const failing = { deleteSheet: { sheetId: 999 } };

/** Named changes covering every request kind and value write; each list runs as successive mutations. */
const CASES: Record<string, Change[]> = {
  "updateCells start on the big sheet": [
    batch(
      cells(0, 5, 2, [
        [1, 2, 3],
        ["a", "b"],
      ]),
    ),
  ],
  "updateCells range clearing what the rows do not cover": [
    batch({
      updateCells: {
        range: range(0, 10, 20, 0, 5),
        rows: [{ values: [{ userEnteredValue: { numberValue: 1 } }] }],
        fields: "userEnteredValue",
      },
    }),
  ],
  "appendCells after the big sheet's data": [
    batch({ appendCells: { sheetId: 0, rows: [{ values: [{ userEnteredValue: { numberValue: 9 } }] }], fields: "*" } }),
  ],
  "repeatCell formats over rows already written": [
    batch({
      repeatCell: {
        range: range(0, 0, 300, 0, 4),
        cell: { userEnteredFormat: { textFormat: { bold: true } } },
        fields: "userEnteredFormat.textFormat",
      },
    }),
  ],
  "setDataValidation set and cleared": [
    batch(
      {
        setDataValidation: {
          range: range(0, 1, 500, 2, 3),
          rule: { condition: { type: "NUMBER_GREATER", values: [{ userEnteredValue: "0" }] } },
        },
      },
      { setDataValidation: { range: range(1, 1, 4, 1, 2) } },
    ),
  ],
  "insertDimension rows and columns in the big sheet": [
    batch(
      { insertDimension: { range: { sheetId: 0, dimension: "ROWS", startIndex: 10, endIndex: 13 } } },
      { insertDimension: { range: { sheetId: 0, dimension: "COLUMNS", startIndex: 3, endIndex: 5 } } },
      cells(0, 11, 0, [[42]]),
    ),
  ],
  "deleteDimension rows and columns in the big sheet": [
    batch(
      { deleteDimension: { range: { sheetId: 0, dimension: "ROWS", startIndex: 5, endIndex: 50 } } },
      { deleteDimension: { range: { sheetId: 0, dimension: "COLUMNS", startIndex: 2, endIndex: 4 } } },
      { deleteDimension: { range: { sheetId: 1, dimension: "ROWS", startIndex: 0, endIndex: 1 } } },
    ),
  ],
  appendDimension: [
    batch(
      { appendDimension: { sheetId: 1, dimension: "ROWS", length: 10 } },
      { appendDimension: { sheetId: 0, dimension: "COLUMNS", length: 2 } },
    ),
  ],
  "updateSheetProperties shrinking the big grid, renaming, hiding, moving": [
    batch(
      {
        updateSheetProperties: {
          properties: { sheetId: 0, gridProperties: { rowCount: 1000, columnCount: 10 } },
          fields: "gridProperties(rowCount,columnCount)",
        },
      },
      {
        updateSheetProperties: {
          properties: { sheetId: 1, title: "Nhỏ", hidden: true, index: 0 },
          fields: "title,hidden,index",
        },
      },
    ),
  ],
  updateSpreadsheetProperties: [
    batch({ updateSpreadsheetProperties: { properties: { title: "Mới", locale: "vi_VN" }, fields: "title,locale" } }),
  ],
  "addSheet then writes to it": [
    batch({ addSheet: { properties: { sheetId: 3, title: "Thêm", index: 0 } } }, cells(3, 0, 0, [[1, 2]])),
  ],
  "writes to a sheet, then deleteSheet of it": [batch(cells(1, 1, 1, [[5]]), { deleteSheet: { sheetId: 1 } })],
  "writes to the big sheet, then deleteSheet of it": [batch(cells(0, 1, 1, [[5]]), { deleteSheet: { sheetId: 0 } })],
  "duplicateSheet, then writes to the copy and the source in the same batch": [
    batch(
      cells(0, 3, 3, [["trước"]]),
      { duplicateSheet: { sourceSheetId: 0, newSheetId: 5, insertSheetIndex: 1 } },
      cells(5, 3, 3, [["bản sao"]]),
      cells(0, 4, 4, [["gốc"]]),
      { deleteDimension: { range: { sheetId: 5, dimension: "COLUMNS", startIndex: 0, endIndex: 1 } } },
      {
        updateSheetProperties: {
          properties: { sheetId: 5, gridProperties: { rowCount: 100 } },
          fields: "gridProperties.rowCount",
        },
      },
    ),
  ],
  "duplicateSheet in one mutation, writes to the copy in the next": [
    batch({ duplicateSheet: { sourceSheetId: 0, newSheetId: 6, newSheetName: "Bản sao" } }),
    batch(cells(6, 0, 0, [["chỉ bản sao"]]), {
      insertDimension: { range: { sheetId: 6, dimension: "ROWS", startIndex: 0, endIndex: 1 } },
    }),
    batch(cells(0, 1, 0, [["chỉ gốc"]])),
  ],
  "protected ranges added, updated and deleted": [
    batch(
      {
        addProtectedRange: {
          protectedRange: { protectedRangeId: 13, range: range(0, 0, 1, 0, 16), warningOnly: true },
        },
      },
      { updateProtectedRange: { protectedRange: { protectedRangeId: 11, description: "đổi" }, fields: "description" } },
      { deleteProtectedRange: { protectedRangeId: 12 } },
    ),
  ],
  "conditional formats added and deleted": [
    batch(
      {
        addConditionalFormatRule: {
          index: 1,
          rule: { ranges: [range(0, 0, 10, 0, 1)], booleanRule: { condition: { type: "BLANK" }, format: {} } },
        },
      },
      { deleteConditionalFormatRule: { sheetId: 0, index: 0 } },
    ),
  ],
  "merges and filters": [
    batch(
      { mergeCells: { range: range(0, 0, 2, 0, 2), mergeType: "MERGE_ALL" } },
      { unmergeCells: { range: range(1, 0, 1, 0, 6) } },
      { clearBasicFilter: { sheetId: 0 } },
      { setBasicFilter: { filter: { range: range(1, 0, 5, 0, 3) } } },
    ),
  ],
  "no-op requests": [
    batch(
      { autoResizeDimensions: { dimensions: { sheetId: 0, dimension: "COLUMNS", startIndex: 0, endIndex: 3 } } },
      {
        updateDimensionProperties: {
          range: { sheetId: 0, dimension: "ROWS", startIndex: 0, endIndex: 1 },
          properties: { pixelSize: 30 },
          fields: "pixelSize",
        },
      },
      { updateBorders: { range: range(0, 0, 1, 0, 1) } },
    ),
  ],
  "values.batchUpdate over both sheets, growing the small grid": [
    (doc) =>
      values.batchUpdateValues(doc, {
        valueInputOption: "USER_ENTERED",
        data: [
          {
            range: "Big!B3:C4",
            values: [
              ["1,5", "=A1"],
              ["x", ""],
            ],
          },
          { range: "Small!E60", values: [["xa", "phường", "thị trấn", "bốn", "năm", "sáu", "bảy"]] },
        ],
      }),
  ],
  "values.update and values.append with INSERT_ROWS": [
    (doc) => values.updateValues(doc, "Big!A1", { values: [["Năm", 2024]] }, { valueInputOption: "RAW" }),
    (doc) =>
      values.appendValues(
        doc,
        "Big!A1",
        { values: [[1], [2]] },
        { valueInputOption: "RAW", insertDataOption: "INSERT_ROWS" },
      ),
    (doc) => values.appendValues(doc, "Small!A1", { values: [["tiếp"]] }, { valueInputOption: "RAW" }),
  ],
  "values.clear and values.batchClear": [
    (doc) => values.clearValues(doc, "Big!A5:D8"),
    (doc) => values.batchClearValues(doc, ["Small", "Big!P1:P600"]),
  ],
};

/** A store holding a fresh fixture; returns it and the stored document. */
function storeWithFixture(): Store {
  const store = new Store();
  store.put(fixture());
  return store;
}

describe("copy-on-write mutations", () => {
  for (const [name, steps] of Object.entries(CASES)) {
    it(`${name}: same result as in place, original never changed`, () => {
      const store = storeWithFixture();
      const expected = structuredClone(store.get(ID));
      for (const step of steps) {
        const before = store.get(ID);
        const snapshot = structuredClone(before);
        store.mutate(ID, step);
        expect(before).toStrictEqual(snapshot);
        step(expected); // outside a mutation: in place, on a private deep copy
        expect(store.get(ID)).toStrictEqual(expected);
      }
    });

    it(`${name}: a failing request afterwards leaves every sheet unchanged`, () => {
      const store = storeWithFixture();
      for (const step of steps) {
        const before = store.get(ID);
        const snapshot = structuredClone(before);
        expect(() => store.mutate(ID, (doc) => [step(doc), batch(failing)(doc)])).toThrow("No grid with id: 999");
        expect(store.get(ID)).toBe(before);
        expect(before).toStrictEqual(snapshot);
        store.mutate(ID, step); // so the next step starts where it expects
      }
    });
  }

  it("fails after touching a big sheet's rows inside values.append (INSERT_ROWS, then a too-wide row)", () => {
    const store = storeWithFixture();
    const before = store.get(ID);
    const snapshot = structuredClone(before);
    const wide = [new Array(20_000).fill(1)];
    const append = (doc: Spreadsheet) =>
      values.appendValues(
        doc,
        "Big!A1",
        { values: wide },
        { valueInputOption: "RAW", insertDataOption: "INSERT_ROWS" },
      );
    expect(() => store.mutate(ID, append)).toThrow("at most 18278 columns");
    expect(store.get(ID)).toBe(before);
    expect(before).toStrictEqual(snapshot);
  });

  it("copies only what a mutation writes: untouched sheets and rows stay shared with the original", () => {
    const store = storeWithFixture();
    const before = store.get(ID);
    store.mutate(ID, batch(cells(1, 0, 1, [["x"]])));
    const afterSmall = store.get(ID);
    expect(afterSmall.sheets[0]?.rows).toBe(before.sheets[0]?.rows);
    store.mutate(ID, batch(cells(0, 5, 0, [[1]])));
    const after = store.get(ID);
    const [oldRows, newRows] = [afterSmall.sheets[0]?.rows ?? [], after.sheets[0]?.rows ?? []];
    expect(newRows).not.toBe(oldRows);
    expect(newRows[5]).not.toBe(oldRows[5]);
    expect(newRows[4]).toBe(oldRows[4]);
    expect(newRows[6]).toBe(oldRows[6]);
    expect(newRows[5]?.[1]).toBe(oldRows[5]?.[1]);
  });
});

describe("copy-on-write through the HTTP API", () => {
  it("a failing batchUpdate after writes, inserts, a duplicate and a delete leaves the spreadsheet as it was", async () => {
    const t = await testEmulator();
    try {
      const id = await t.create(["Đăng ký", "Chỉ tiêu"]);
      const grid = Array.from({ length: 1500 }, (_, r) =>
        Array.from({ length: WIDTH }, (_, c) => (c === 1 ? `Đơn vị ${r}` : r * c)),
      );
      expect((await t.put(id, "'Đăng ký'!A1", grid)).status).toBe(200);
      const meta = await t.call("GET", `/v4/spreadsheets/${id}`);
      const [first, second] = meta.json.sheets.map((s: { properties: { sheetId: number } }) => s.properties.sheetId);
      const exported = async () => (await t.call("GET", `/_emulator/spreadsheets/${id}`)).json;
      const before = { meta: meta.json, data: await exported() };
      const reply = await t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, {
        requests: [
          cells(first, 10, 0, [[1, 2, 3]]),
          { insertDimension: { range: { sheetId: first, dimension: "ROWS", startIndex: 0, endIndex: 2 } } },
          { duplicateSheet: { sourceSheetId: first, newSheetName: "Bản sao" } },
          { deleteSheet: { sheetId: second } },
          {
            updateSheetProperties: {
              properties: { sheetId: first, gridProperties: { columnCount: 3 } },
              fields: "gridProperties.columnCount",
            },
          },
          failing,
        ],
      });
      expect(reply.status).toBe(400);
      expect(reply.json.error.message).toBe("Invalid requests[5].deleteSheet: No grid with id: 999");
      expect((await t.call("GET", `/v4/spreadsheets/${id}`)).json).toEqual(before.meta);
      expect(await exported()).toEqual(before.data);
      const values = await t.get(id, "'Đăng ký'!A1:P", "valueRenderOption=UNFORMATTED_VALUE");
      expect(values.json.values).toEqual(grid);
    } finally {
      await t.close();
    }
  });
});
