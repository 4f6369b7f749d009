import { columnLetters, formatRange, formatRect, resolveA1, type A1Target } from "./a1.ts";
import { readInput, parseValueInputOption, type ValueInputOption } from "./cell-input.ts";
import { parseRenderOptions, renderCell, type RenderedValue, type RenderOptions } from "./cell-render.ts";
import { badRequest } from "./errors.ts";
import { findTable } from "./append-table.ts";
import { clipToGrid, getCell, growGrid, insertRows, setCell } from "./grid.ts";
import type { Cell, Rect, Spreadsheet } from "./model.ts";

/**
 * The `spreadsheets.values.*` methods on one spreadsheet document. Reads are pure; writes change the document they
 * are given (the store hands them a copy-on-write draft and keeps it only if no error was thrown, so a write is all
 * or nothing).
 */

export type MajorDimension = "ROWS" | "COLUMNS";

export interface ValueRange {
  range: string;
  majorDimension: MajorDimension;
  values?: RenderedValue[][];
}

/** Query or body parameters, as strings or JSON values. */
export type Params = Record<string, unknown>;

interface WriteResult {
  response: Record<string, unknown>;
  cells: Set<string>;
}

/** values.get: the requested range cut to the grid, trailing empty rows and cells trimmed, `values` absent if empty. */
export function getValues(doc: Spreadsheet, range: string, params: Params): ValueRange {
  const rect = clipToGrid(resolveA1(doc, range));
  return readRect(rect, renderOptions(doc, params), majorDimension(params.majorDimension));
}

/** values.batchGet: one ValueRange per requested range, in order. */
export function batchGetValues(doc: Spreadsheet, ranges: string[], params: Params): Record<string, unknown> {
  const options = renderOptions(doc, params);
  const dimension = majorDimension(params.majorDimension);
  const valueRanges = ranges.map((r) => readRect(clipToGrid(resolveA1(doc, r)), options, dimension));
  return valueRanges.length > 0
    ? { spreadsheetId: doc.spreadsheetId, valueRanges }
    : { spreadsheetId: doc.spreadsheetId };
}

/** values.update: writes `body.values` from the range's top-left corner; the grid grows if the data runs past it. */
export function updateValues(doc: Spreadsheet, range: string, body: Params, params: Params): Record<string, unknown> {
  const option = parseValueInputOption(params.valueInputOption);
  if (typeof body.range === "string" && body.range !== range && !sameRange(doc, body.range, range)) {
    throw badRequest(`Requested range [${body.range}] is not the same as the range in the URL [${range}].`);
  }
  return writeRange(doc, resolveA1(doc, range), body, option, params).response;
}

/** values.batchUpdate: several ValueRanges in one atomic write. */
export function batchUpdateValues(doc: Spreadsheet, body: Params): Record<string, unknown> {
  const option = parseValueInputOption(body.valueInputOption);
  const data = Array.isArray(body.data) ? (body.data as Params[]) : [];
  const responseParams: Params = {
    includeValuesInResponse: body.includeValuesInResponse,
    responseValueRenderOption: body.responseValueRenderOption,
    responseDateTimeRenderOption: body.responseDateTimeRenderOption,
  };
  const all = new Set<string>();
  const responses = data.map((entry, i) => {
    if (typeof entry.range !== "string") throw badRequest(`Invalid data[${i}]: range is required`);
    const result = writeRange(doc, resolveA1(doc, entry.range), entry, option, responseParams);
    for (const key of result.cells) all.add(key);
    return result.response;
  });
  const totals = summarise(all);
  return omitZero({
    spreadsheetId: doc.spreadsheetId,
    totalUpdatedRows: totals.rows,
    totalUpdatedColumns: totals.columns,
    totalUpdatedCells: all.size,
    totalUpdatedSheets: totals.sheets,
    responses,
  });
}

/**
 * values.append: finds the table the range points into (the block of non-empty cells around its first value) and
 * writes after its last row, from its first column; with no table, at the range's top-left. INSERT_ROWS shifts
 * the rows below down first.
 */
export function appendValues(doc: Spreadsheet, range: string, body: Params, params: Params): Record<string, unknown> {
  const option = parseValueInputOption(params.valueInputOption);
  const target = resolveA1(doc, range);
  const insert = params.insertDataOption ?? "OVERWRITE";
  if (insert !== "OVERWRITE" && insert !== "INSERT_ROWS") {
    throw badRequest(
      `Invalid value at 'insert_data_option' (type.googleapis.com/google.apps.sheets.v4.InsertDataOption), "${String(insert)}"`,
    );
  }
  const table = findTable(target);
  const startRow = table ? table.endRow : target.bounds.startRow;
  const startCol = table ? table.startCol : target.bounds.startCol;
  const matrix = toRows(body);
  if (insert === "INSERT_ROWS" && matrix.length > 0) {
    const grid = target.sheet.properties.gridProperties;
    if (startRow < grid.rowCount) insertRows(target.sheet, startRow, matrix.length);
  }
  const at: A1Target = {
    sheet: target.sheet,
    bounds: { startRow, startCol, endRow: undefined, endCol: undefined },
  };
  const updates = writeRange(doc, at, body, option, params).response;
  const response: Record<string, unknown> = { spreadsheetId: doc.spreadsheetId };
  if (table) response.tableRange = formatRect(table);
  response.updates = updates;
  return response;
}

/** values.clear: removes the values in the range, keeping formats and validation. */
export function clearValues(doc: Spreadsheet, range: string): Record<string, unknown> {
  return { spreadsheetId: doc.spreadsheetId, clearedRange: clearRect(clipToGrid(resolveA1(doc, range))) };
}

/** values.batchClear. */
export function batchClearValues(doc: Spreadsheet, ranges: string[]): Record<string, unknown> {
  const rects = ranges.map((r) => clipToGrid(resolveA1(doc, r)));
  return { spreadsheetId: doc.spreadsheetId, clearedRanges: rects.map(clearRect) };
}

/** Reads a rectangle into a ValueRange. */
export function readRect(rect: Rect, options: RenderOptions, dimension: MajorDimension): ValueRange {
  const outer = dimension === "ROWS" ? rowsOf(rect) : columnsOf(rect);
  const inner = dimension === "ROWS" ? columnsOf(rect) : rowsOf(rect);
  const values: RenderedValue[][] = [];
  // One pass per line, no per-cell allocation: a 50,000-row tab is 800,000 cells.
  for (let i = outer.from; i < outer.to; i++) {
    const line: RenderedValue[] = [];
    let kept = 0; // the line's length up to its last non-empty value
    for (let j = inner.from; j < inner.to; j++) {
      const cell = dimension === "ROWS" ? getCell(rect.sheet, i, j) : getCell(rect.sheet, j, i);
      const value = renderCell(cell, options);
      line.push(value ?? "");
      if (value !== undefined && value !== "") kept = line.length;
    }
    line.length = kept;
    values.push(line);
  }
  while (values.length > 0 && values[values.length - 1]?.length === 0) values.pop();
  const result: ValueRange = { range: formatRect(rect), majorDimension: dimension };
  if (values.length > 0) result.values = values;
  return result;
}

// Only stored rows and columns can hold values, so reads stop there even when the range runs to row 1,000,000.
function rowsOf(rect: Rect): { from: number; to: number } {
  return { from: rect.startRow, to: Math.min(rect.endRow, rect.sheet.rows.length) };
}

function columnsOf(rect: Rect): { from: number; to: number } {
  let width = 0;
  for (let r = rect.startRow; r < Math.min(rect.endRow, rect.sheet.rows.length); r++) {
    width = Math.max(width, rect.sheet.rows[r]?.length ?? 0);
  }
  return { from: rect.startCol, to: Math.min(rect.endCol, width) };
}

function writeRange(
  doc: Spreadsheet,
  target: A1Target,
  body: Params,
  option: ValueInputOption,
  params: Params,
): WriteResult {
  const matrix = toRows(body);
  const { sheet } = target;
  // A single cell is only where the data starts: `Sheet1!A1` takes a table of any size, as on Google.
  const single =
    target.bounds.endRow === target.bounds.startRow + 1 && target.bounds.endCol === target.bounds.startCol + 1;
  const bounds = single ? { ...target.bounds, endRow: undefined, endCol: undefined } : target.bounds;
  const height = matrix.length;
  const width = matrix.reduce((max, row) => Math.max(max, row.length), 0);
  const limits = sheet.properties.gridProperties;
  const declared = formatRange(
    sheet.properties.title,
    bounds.startRow,
    bounds.endRow ?? Math.max(limits.rowCount, bounds.startRow + height),
    bounds.startCol,
    bounds.endCol ?? Math.max(limits.columnCount, bounds.startCol + width),
  );
  if (bounds.endRow !== undefined && bounds.startRow + height > bounds.endRow) {
    throw badRequest(
      `Requested writing within range [${declared}], but tried writing to row [${bounds.startRow + height}]`,
    );
  }
  if (bounds.endCol !== undefined && bounds.startCol + width > bounds.endCol) {
    const column = columnLetters(bounds.startCol + width - 1);
    throw badRequest(`Requested writing within range [${declared}], but tried writing to column [${column}]`);
  }
  growGrid(doc, sheet, bounds.startRow + height, bounds.startCol + width);
  const cells = new Set<string>();
  matrix.forEach((row, i) => {
    row.forEach((raw, j) => {
      const r = bounds.startRow + i;
      const c = bounds.startCol + j;
      const input = readInput(raw, option, doc.properties.locale, `values[${i}][${j}]`);
      if (input.kind === "skip") return;
      const cell: Cell = { ...getCell(sheet, r, c) };
      if (input.kind === "clear") delete cell.userEnteredValue;
      else {
        cell.userEnteredValue = input.value;
        if (input.numberFormat)
          cell.userEnteredFormat = { ...cell.userEnteredFormat, numberFormat: input.numberFormat };
      }
      setCell(sheet, r, c, cell);
      cells.add(`${sheet.properties.sheetId}:${r}:${c}`);
    });
  });
  const written =
    height > 0 && width > 0
      ? formatRange(
          sheet.properties.title,
          bounds.startRow,
          bounds.startRow + height,
          bounds.startCol,
          bounds.startCol + width,
        )
      : formatRange(sheet.properties.title, bounds.startRow, bounds.startRow + 1, bounds.startCol, bounds.startCol + 1);
  const totals = summarise(cells);
  const response = omitZero({
    spreadsheetId: doc.spreadsheetId,
    updatedRange: written,
    updatedRows: totals.rows,
    updatedColumns: totals.columns,
    updatedCells: cells.size,
  });
  if (params.includeValuesInResponse === true || params.includeValuesInResponse === "true") {
    const options = parseRenderOptions(
      params.responseValueRenderOption,
      params.responseDateTimeRenderOption,
      doc.properties.locale,
    );
    const rect = clipToGrid(resolveA1(doc, written));
    response.updatedData = readRect(rect, options, "ROWS");
  }
  return { response, cells };
}

/** The body's values as rows, whatever its majorDimension. */
function toRows(body: Params): unknown[][] {
  const values = body.values ?? [];
  if (!Array.isArray(values) || values.some((row) => !Array.isArray(row))) {
    throw badRequest(
      "Invalid value at 'data.values' (type.googleapis.com/google.protobuf.ListValue): values must be a list of lists",
    );
  }
  const lists = values as unknown[][];
  if (majorDimension(body.majorDimension) === "ROWS") return lists;
  const rows: unknown[][] = [];
  lists.forEach((column, c) => {
    column.forEach((value, r) => {
      while (rows.length <= r) rows.push([]);
      const row = rows[r] as unknown[];
      while (row.length < c) row.push(null);
      row[c] = value;
    });
  });
  return rows;
}

function clearRect(rect: Rect): string {
  for (let r = rect.startRow; r < Math.min(rect.endRow, rect.sheet.rows.length); r++) {
    for (let c = rect.startCol; c < Math.min(rect.endCol, rect.sheet.rows[r]?.length ?? 0); c++) {
      const cell = getCell(rect.sheet, r, c);
      if (!cell?.userEnteredValue) continue;
      const { userEnteredValue: _removed, ...rest } = cell;
      setCell(rect.sheet, r, c, rest);
    }
  }
  return formatRect(rect);
}

function renderOptions(doc: Spreadsheet, params: Params): RenderOptions {
  return parseRenderOptions(params.valueRenderOption, params.dateTimeRenderOption, doc.properties.locale);
}

function majorDimension(value: unknown): MajorDimension {
  if (value === undefined || value === "ROWS" || value === "DIMENSION_UNSPECIFIED") return "ROWS";
  if (value === "COLUMNS") return "COLUMNS";
  throw badRequest(
    `Invalid value at 'major_dimension' (type.googleapis.com/google.apps.sheets.v4.Dimension), "${String(value)}"`,
  );
}

function sameRange(doc: Spreadsheet, a: string, b: string): boolean {
  const x = resolveA1(doc, a);
  const y = resolveA1(doc, b);
  return x.sheet === y.sheet && JSON.stringify(x.bounds) === JSON.stringify(y.bounds);
}

function summarise(cells: Set<string>): { rows: number; columns: number; sheets: number } {
  const rows = new Set<string>();
  const columns = new Set<string>();
  const sheets = new Set<string>();
  for (const key of cells) {
    const [sheet, r, c] = key.split(":");
    rows.add(`${sheet}:${r}`);
    columns.add(`${sheet}:${c}`);
    sheets.add(sheet ?? "");
  }
  return { rows: rows.size, columns: columns.size, sheets: sheets.size };
}

/** Google's JSON leaves out integer fields that are zero. */
function omitZero(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== 0));
}
