import { badRequest } from "./errors.ts";
import { gridLimitError } from "./grid.ts";
import type { Rect, Sheet, Spreadsheet } from "./model.ts";

/** The id-based ranges of `batchUpdate` requests (GridRange, GridCoordinate, DimensionRange) resolved to sheets. */

type Json = Record<string, unknown>;

/** The sheet with this id; a missing id is 0, as in Google's proto3 JSON. */
export function sheetById(doc: Spreadsheet, id: unknown): Sheet {
  const sheetId = Number(id ?? 0);
  const sheet = doc.sheets.find((s) => s.properties.sheetId === sheetId);
  if (!sheet) throw badRequest(`No grid with id: ${sheetId}`);
  return sheet;
}

/** A GridRange as a rectangle; missing ends run to the grid's edge, and a range past the grid is an error. */
export function gridRect(doc: Spreadsheet, range: unknown): Rect {
  const r = (range ?? {}) as Json;
  const sheet = sheetById(doc, r.sheetId);
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  const startRow = index(r.startRowIndex, 0);
  const startCol = index(r.startColumnIndex, 0);
  const endRow = index(r.endRowIndex, rowCount);
  const endCol = index(r.endColumnIndex, columnCount);
  if (endRow < startRow || endCol < startCol)
    throw badRequest("Invalid range: the start index is after the end index.");
  checkInside(sheet, startRow, endRow, startCol, endCol);
  return { sheet, startRow, endRow, startCol, endCol };
}

/** The rectangle `height × width` from a GridCoordinate, which must lie on the grid. */
export function coordinateRect(doc: Spreadsheet, start: unknown, height: number, width: number): Rect {
  const s = (start ?? {}) as Json;
  const sheet = sheetById(doc, s.sheetId);
  const startRow = index(s.rowIndex, 0);
  const startCol = index(s.columnIndex, 0);
  const rect = {
    sheet,
    startRow,
    endRow: startRow + Math.max(height, 1),
    startCol,
    endCol: startCol + Math.max(width, 1),
  };
  checkInside(sheet, rect.startRow, rect.endRow, rect.startCol, rect.endCol);
  return rect;
}

/** A DimensionRange: the sheet, ROWS or COLUMNS, and `[start, end)` within the grid. */
export function dimensionRange(
  doc: Spreadsheet,
  range: unknown,
): { sheet: Sheet; rows: boolean; start: number; end: number } {
  const r = (range ?? {}) as Json;
  const sheet = sheetById(doc, r.sheetId);
  if (r.dimension !== "ROWS" && r.dimension !== "COLUMNS")
    throw badRequest("Invalid dimension: must be ROWS or COLUMNS.");
  const rows = r.dimension === "ROWS";
  const size = rows ? sheet.properties.gridProperties.rowCount : sheet.properties.gridProperties.columnCount;
  const start = index(r.startIndex, 0);
  const end = index(r.endIndex, size);
  if (end < start || end > size) {
    throw badRequest(`Invalid range: ${rows ? "rows" : "columns"} [${start}, ${end}) are outside the grid of ${size}.`);
  }
  return { sheet, rows, start, end };
}

function checkInside(sheet: Sheet, startRow: number, endRow: number, startCol: number, endCol: number): void {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  if (endRow > rowCount || endCol > columnCount || startRow > rowCount || startCol > columnCount) {
    throw gridLimitError({
      sheet,
      bounds: { startRow, endRow: Math.max(endRow, startRow + 1), startCol, endCol: Math.max(endCol, startCol + 1) },
    });
  }
}

function index(value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`Invalid index: ${String(value)}`);
  return n;
}
