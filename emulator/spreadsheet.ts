import { randomBytes, randomInt } from "node:crypto";
import { findSheet, resolveA1 } from "./a1.ts";
import { cellDataJson, writeCellData } from "./cell-data.ts";
import { badRequest } from "./errors.ts";
import { parseFieldMask } from "./field-mask.ts";
import { checkCellLimit, clipToGrid, getCell, setCell } from "./grid.ts";
import { MAX_COLUMNS, type Rect, type Sheet, type SheetProperties, type Spreadsheet } from "./model.ts";

/** Spreadsheets and sheets: creating them the way Google does, and their JSON for `spreadsheets.get`. */

/** A new spreadsheet id, shaped like Google's (44 characters of base64url). */
export function newSpreadsheetId(): string {
  return `1${randomBytes(33).toString("base64url").slice(0, 43)}`;
}

/** spreadsheets.create: title "Untitled spreadsheet" and one "Sheet1" (id 0) unless the body says otherwise. */
export function createSpreadsheet(body: Record<string, unknown>, id = newSpreadsheetId()): Spreadsheet {
  const props = (body.properties ?? {}) as Record<string, unknown>;
  const doc: Spreadsheet = {
    spreadsheetId: id,
    properties: {
      ...props,
      title: typeof props.title === "string" && props.title !== "" ? props.title : "Untitled spreadsheet",
      locale: typeof props.locale === "string" ? props.locale : "en_US",
      timeZone: typeof props.timeZone === "string" ? props.timeZone : "Etc/GMT",
      autoRecalc: typeof props.autoRecalc === "string" ? props.autoRecalc : "ON_CHANGE",
    },
    sheets: [],
  };
  const sheets = Array.isArray(body.sheets) ? (body.sheets as Record<string, unknown>[]) : [];
  if (sheets.length === 0) addSheet(doc, { sheetId: 0 }, "sheets[0]");
  sheets.forEach((s, i) => {
    const sheetProps = { ...((s.properties ?? {}) as Record<string, unknown>) };
    if (i === 0 && sheetProps.sheetId === undefined) sheetProps.sheetId = 0;
    const sheet = addSheet(doc, sheetProps, `sheets[${i}]`);
    if (Array.isArray(s.data)) writeGridData(sheet, s.data as Record<string, unknown>[], `sheets[${i}].data`);
  });
  return doc;
}

/**
 * Adds a sheet (spreadsheets.create, addSheet, duplicateSheet): default title "SheetN", random id, 1000 × 26 grid,
 * at the end unless an index is given. Titles are unique without regard to case.
 */
export function addSheet(doc: Spreadsheet, input: Record<string, unknown>, _where: string): Sheet {
  const grid = (input.gridProperties ?? {}) as Record<string, unknown>;
  const title = typeof input.title === "string" && input.title !== "" ? input.title : defaultTitle(doc);
  checkTitle(doc, title, undefined);
  const sheetId = input.sheetId === undefined ? freeSheetId(doc) : Number(input.sheetId);
  if (!Number.isInteger(sheetId) || sheetId < 0) throw badRequest(`Invalid sheetId: ${String(input.sheetId)}`);
  if (doc.sheets.some((s) => s.properties.sheetId === sheetId)) {
    throw badRequest(`A sheet with the ID ${sheetId} already exists. Please enter another ID.`);
  }
  const index = input.index === undefined ? doc.sheets.length : Number(input.index);
  if (!Number.isInteger(index) || index < 0 || index > doc.sheets.length) {
    throw badRequest(`Invalid index ${String(input.index)}: it must be between 0 and ${doc.sheets.length}.`);
  }
  const properties: SheetProperties = {
    sheetId,
    title,
    index,
    sheetType: "GRID",
    gridProperties: {
      rowCount: grid.rowCount === undefined ? 1000 : Number(grid.rowCount),
      columnCount: grid.columnCount === undefined ? 26 : Number(grid.columnCount),
    },
  };
  for (const key of ["frozenRowCount", "frozenColumnCount"] as const) {
    if (grid[key] !== undefined && Number(grid[key]) !== 0) properties.gridProperties[key] = Number(grid[key]);
  }
  if (grid.hideGridlines === true) properties.gridProperties.hideGridlines = true;
  if (input.hidden === true) properties.hidden = true;
  if (input.rightToLeft === true) properties.rightToLeft = true;
  if (input.tabColor !== undefined) properties.tabColor = input.tabColor as Record<string, unknown>;
  if (input.tabColorStyle !== undefined) properties.tabColorStyle = input.tabColorStyle as Record<string, unknown>;
  const sheet: Sheet = { properties, rows: [], protectedRanges: [], conditionalFormats: [], merges: [] };
  checkGrid(doc, sheet);
  const ordered = sortedSheets(doc);
  ordered.splice(index, 0, sheet);
  doc.sheets = ordered;
  reindex(doc);
  return sheet;
}

/** Google's rule for sheet titles: unique in the spreadsheet, compared without regard to case. */
export function checkTitle(doc: Spreadsheet, title: string, self: Sheet | undefined): void {
  if (title.trim() === "") throw badRequest("Sheet name cannot be empty.");
  const clash = findSheet(doc, title);
  if (clash && clash !== self && clash.properties.title.toLowerCase() === title.toLowerCase()) {
    throw badRequest(`A sheet with the name "${title}" already exists. Please enter another name.`);
  }
}

/** Grid sanity Google enforces on a sheet's size and frozen panes. */
export function checkGrid(doc: Spreadsheet, sheet: Sheet): void {
  const g = sheet.properties.gridProperties;
  if (!Number.isInteger(g.rowCount) || g.rowCount < 1) throw badRequest(`Invalid rowCount: ${g.rowCount}`);
  if (!Number.isInteger(g.columnCount) || g.columnCount < 1 || g.columnCount > MAX_COLUMNS) {
    throw badRequest(`Invalid columnCount: ${g.columnCount}`);
  }
  if ((g.frozenRowCount ?? 0) < 0 || (g.frozenColumnCount ?? 0) < 0)
    throw badRequest("Frozen counts cannot be negative.");
  if ((g.frozenRowCount ?? 0) >= g.rowCount) throw badRequest("You can't freeze all visible rows on the sheet.");
  if ((g.frozenColumnCount ?? 0) >= g.columnCount)
    throw badRequest("You can't freeze all visible columns on the sheet.");
  checkCellLimit(doc, sheet, g.rowCount, g.columnCount);
}

/** Sheets in tab order. */
export function sortedSheets(doc: Spreadsheet): Sheet[] {
  return [...doc.sheets].sort((a, b) => a.properties.index - b.properties.index);
}

/** Renumbers `index` 0..n-1 in the current order of `doc.sheets`. */
export function reindex(doc: Spreadsheet): void {
  doc.sheets.forEach((s, i) => {
    s.properties.index = i;
  });
}

function defaultTitle(doc: Spreadsheet): string {
  for (let n = doc.sheets.length + 1; ; n++) {
    if (!findSheet(doc, `Sheet${n}`)) return `Sheet${n}`;
  }
}

function freeSheetId(doc: Spreadsheet): number {
  for (;;) {
    const id = randomInt(1, 2_147_483_647);
    if (!doc.sheets.some((s) => s.properties.sheetId === id)) return id;
  }
}

/** Writes `GridData` (startRow, startColumn, rowData[].values[]) into a sheet, as spreadsheets.create accepts it. */
function writeGridData(sheet: Sheet, data: Record<string, unknown>[], where: string): void {
  const all = parseFieldMask("*");
  data.forEach((block, b) => {
    const startRow = Number(block.startRow ?? 0);
    const startCol = Number(block.startColumn ?? 0);
    const rows = Array.isArray(block.rowData) ? (block.rowData as Record<string, unknown>[]) : [];
    rows.forEach((row, i) => {
      const values = Array.isArray(row.values) ? row.values : [];
      values.forEach((cell, j) => {
        const r = startRow + i;
        const c = startCol + j;
        const { rowCount, columnCount } = sheet.properties.gridProperties;
        if (r >= rowCount || c >= columnCount) throw badRequest(`Invalid ${where}[${b}]: data exceeds grid limits`);
        setCell(
          sheet,
          r,
          c,
          writeCellData(getCell(sheet, r, c), cell, all, `${where}[${b}].rowData[${i}].values[${j}]`),
        );
      });
    });
  });
}

export interface SpreadsheetJsonOptions {
  includeGridData: boolean;
  ranges: string[];
  baseUrl: string;
}

/** The Spreadsheet resource as `spreadsheets.get` returns it; false and zero fields are left out, as Google does. */
export function spreadsheetJson(doc: Spreadsheet, options: SpreadsheetJsonOptions): Record<string, unknown> {
  const rects = options.ranges.map((r) => clipToGrid(resolveA1(doc, r)));
  const wanted =
    rects.length > 0 ? sortedSheets(doc).filter((s) => rects.some((r) => r.sheet === s)) : sortedSheets(doc);
  const sheets = wanted.map((sheet) => {
    const out: Record<string, unknown> = { properties: structuredClone(sheet.properties) };
    if (sheet.protectedRanges.length > 0) out.protectedRanges = sheet.protectedRanges;
    if (sheet.conditionalFormats.length > 0) out.conditionalFormats = sheet.conditionalFormats;
    if (sheet.merges.length > 0) out.merges = sheet.merges;
    if (sheet.basicFilter) out.basicFilter = sheet.basicFilter;
    if (sheet.developerMetadata?.length) out.developerMetadata = sheet.developerMetadata;
    if (options.includeGridData) {
      const mine = rects.filter((r) => r.sheet === sheet);
      const areas = mine.length > 0 ? mine : [wholeSheet(sheet)];
      out.data = areas.map((rect) => gridDataJson(rect, doc.properties.locale));
    }
    return out;
  });
  return {
    spreadsheetId: doc.spreadsheetId,
    properties: doc.properties,
    sheets,
    ...(doc.developerMetadata?.length ? { developerMetadata: doc.developerMetadata } : {}),
    spreadsheetUrl: `${options.baseUrl}/view/${doc.spreadsheetId}`,
  };
}

function wholeSheet(sheet: Sheet): Rect {
  const g = sheet.properties.gridProperties;
  return { sheet, startRow: 0, endRow: g.rowCount, startCol: 0, endCol: g.columnCount };
}

function gridDataJson(rect: Rect, locale: string): Record<string, unknown> {
  const rowData: Record<string, unknown>[] = [];
  const lastRow = Math.min(rect.endRow, rect.sheet.rows.length);
  for (let r = rect.startRow; r < lastRow; r++) {
    const line = rect.sheet.rows[r] ?? [];
    const values: Record<string, unknown>[] = [];
    for (let c = rect.startCol; c < Math.min(rect.endCol, line.length); c++)
      values.push(cellDataJson(line[c] ?? undefined, locale));
    rowData.push(values.length > 0 ? { values } : {});
  }
  while (rowData.length > 0 && Object.keys(rowData[rowData.length - 1] ?? {}).length === 0) rowData.pop();
  const out: Record<string, unknown> = {};
  if (rect.startRow > 0) out.startRow = rect.startRow;
  if (rect.startCol > 0) out.startColumn = rect.startCol;
  out.rowData = rowData;
  return out;
}
