import { formatRange } from "./a1.ts";
import type { A1Target } from "./a1.ts";
import { badRequest } from "./errors.ts";
import { newLine, ownLine, ownRows } from "./draft.ts";
import { MAX_CELLS, MAX_COLUMNS, type Cell, type Rect, type Sheet, type Spreadsheet } from "./model.ts";

/**
 * Cell-level access to a sheet's sparse grid, and the grid's size rules (limits, expansion, shrinking). Every
 * change to a grid goes through the functions here, which copy what they change first when it is still shared with
 * the stored spreadsheet (see draft.ts).
 */

type Row = Array<Cell | null>;

export function getCell(sheet: Sheet, row: number, col: number): Cell | undefined {
  return sheet.rows[row]?.[col] ?? undefined;
}

/**
 * Stores a cell; a cell left with no content is removed, so the stored grid stays as small as the data. Rows are
 * taken through `ownRows`/`ownLine`, so inside a mutation only the row written is copied, never the whole grid.
 */
export function setCell(sheet: Sheet, row: number, col: number, cell: Cell | undefined): void {
  const empty = !cell || Object.keys(cell).length === 0;
  if (empty) {
    if (sheet.rows[row]?.[col] == null) return;
    const rows = ownRows(sheet);
    const line = ownLine(rows, row) as Row;
    line[col] = null;
    trimTail(line);
    if (line.length === 0) rows[row] = null;
    trimTail(rows);
    return;
  }
  const rows = ownRows(sheet);
  while (rows.length <= row) rows.push(null);
  let line = ownLine(rows, row);
  if (!line) {
    line = newLine();
    rows[row] = line;
  }
  while (line.length <= col) line.push(null);
  line[col] = cell;
}

/** True when the cell holds a value (formats alone do not make a cell part of the data). */
export function hasValue(cell: Cell | undefined): boolean {
  const v = cell?.userEnteredValue;
  if (!v) return false;
  return !(v.stringValue === "" && Object.keys(v).length === 1);
}

/** Index of the last row holding a value, or -1. */
export function lastValueRow(sheet: Sheet): number {
  for (let r = sheet.rows.length - 1; r >= 0; r--) {
    if ((sheet.rows[r] ?? []).some((c) => hasValue(c ?? undefined))) return r;
  }
  return -1;
}

/**
 * The part of a requested range that lies on the grid, for reads. A range starting outside the grid is Google's
 * "exceeds grid limits" error; one that merely runs past the edge (`A2:P`, `A1:Z5000`) is cut at the edge.
 */
export function clipToGrid(target: A1Target): Rect {
  const { sheet, bounds } = target;
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  if (bounds.startRow >= rowCount || bounds.startCol >= columnCount) throw gridLimitError(target);
  return {
    sheet,
    startRow: bounds.startRow,
    startCol: bounds.startCol,
    endRow: Math.min(bounds.endRow ?? rowCount, rowCount),
    endCol: Math.min(bounds.endCol ?? columnCount, columnCount),
  };
}

/** Google's wording for a range past the grid: `Range ('Sheet1'!A1001) exceeds grid limits. Max rows: …`. */
export function gridLimitError(target: A1Target): Error {
  const { sheet, bounds } = target;
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  const a1 = formatRange(
    sheet.properties.title,
    bounds.startRow,
    bounds.endRow ?? Math.max(rowCount, bounds.startRow + 1),
    bounds.startCol,
    bounds.endCol ?? Math.max(columnCount, bounds.startCol + 1),
  );
  const [title = "", cells = ""] = splitRange(a1);
  const quoted = title.startsWith("'") ? title : `'${title}'`;
  return badRequest(
    `Range (${quoted}!${cells}) exceeds grid limits. Max rows: ${rowCount}, max columns: ${columnCount}`,
  );
}

function splitRange(a1: string): [string, string] {
  const bang = a1.lastIndexOf("!");
  return [a1.slice(0, bang), a1.slice(bang + 1)];
}

/** Grows a sheet so `rows × cols` fit (values.update and values.append do this, as Google does). */
export function growGrid(doc: Spreadsheet, sheet: Sheet, rows: number, cols: number): void {
  const grid = sheet.properties.gridProperties;
  if (cols > MAX_COLUMNS) throw badRequest(`Invalid columnCount ${cols}: a sheet has at most ${MAX_COLUMNS} columns.`);
  const newRows = Math.max(grid.rowCount, rows);
  const newCols = Math.max(grid.columnCount, cols);
  if (newRows === grid.rowCount && newCols === grid.columnCount) return;
  checkCellLimit(doc, sheet, newRows, newCols);
  grid.rowCount = newRows;
  grid.columnCount = newCols;
}

/** Google refuses any change that takes a spreadsheet past 10 million cells. */
export function checkCellLimit(doc: Spreadsheet, changed: Sheet | undefined, rows: number, cols: number): void {
  let total = rows * cols;
  for (const s of doc.sheets) {
    if (s !== changed) total += s.properties.gridProperties.rowCount * s.properties.gridProperties.columnCount;
  }
  if (total > MAX_CELLS) {
    throw badRequest(
      `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
    );
  }
}

/** Drops the cells a smaller grid no longer holds (a shrinking rowCount/columnCount deletes them in Sheets). */
export function truncateToGrid(sheet: Sheet): void {
  const { rowCount, columnCount } = sheet.properties.gridProperties;
  if (sheet.rows.length > rowCount) ownRows(sheet).length = rowCount;
  // Only rows wider than the grid are copied; the others stay shared with the stored original.
  for (let r = 0; r < sheet.rows.length; r++) {
    if ((sheet.rows[r]?.length ?? 0) <= columnCount) continue;
    const line = ownLine(ownRows(sheet), r) as Row;
    line.length = columnCount;
    trimTail(line);
    if (line.length === 0) sheet.rows[r] = null;
  }
  if (sheet.rows.length > 0 && sheet.rows[sheet.rows.length - 1] == null) trimTail(ownRows(sheet));
}

/** Inserts empty rows before `at`, shifting the rows below down. */
export function insertRows(sheet: Sheet, at: number, count: number): void {
  if (at < sheet.rows.length) ownRows(sheet).splice(at, 0, ...new Array<null>(count).fill(null));
  sheet.properties.gridProperties.rowCount += count;
}

/** Deletes rows `[from, to)`, shifting the rows below up. */
export function deleteRows(sheet: Sheet, from: number, to: number): void {
  if (from < sheet.rows.length) {
    const rows = ownRows(sheet);
    rows.splice(from, to - from);
    trimTail(rows);
  }
  sheet.properties.gridProperties.rowCount -= to - from;
}

/** Inserts empty columns before `at` (every row reaching past `at` is copied and shifted). */
export function insertColumns(sheet: Sheet, at: number, count: number): void {
  for (let r = 0; r < sheet.rows.length; r++) {
    if ((sheet.rows[r]?.length ?? 0) <= at) continue;
    (ownLine(ownRows(sheet), r) as Row).splice(at, 0, ...new Array<null>(count).fill(null));
  }
  sheet.properties.gridProperties.columnCount += count;
}

/** Deletes columns `[from, to)` (every row reaching past `from` is copied and shifted). */
export function deleteColumns(sheet: Sheet, from: number, to: number): void {
  for (let r = 0; r < sheet.rows.length; r++) {
    if ((sheet.rows[r]?.length ?? 0) <= from) continue;
    const line = ownLine(ownRows(sheet), r) as Row;
    line.splice(from, to - from);
    trimTail(line);
    if (line.length === 0) sheet.rows[r] = null;
  }
  if (sheet.rows.length > 0 && sheet.rows[sheet.rows.length - 1] == null) trimTail(ownRows(sheet));
  sheet.properties.gridProperties.columnCount -= to - from;
}

function trimTail<T>(list: (T | null)[]): void {
  while (list.length > 0 && list[list.length - 1] == null) list.pop();
}
