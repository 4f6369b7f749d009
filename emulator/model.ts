/**
 * The emulator's data model: the same shapes as the Sheets API v4 JSON (Spreadsheet, Sheet, CellData), so what is
 * stored on disk, what `spreadsheets.get` returns and what `batchUpdate` receives are one vocabulary.
 * Grid data is stored sparsely: `rows[r][c]`, `null` where nothing was ever written, arrays as short as possible.
 */

/** One of the value kinds a cell holds (`ExtendedValue`); exactly one field is set. */
export interface ExtendedValue {
  numberValue?: number;
  stringValue?: string;
  boolValue?: boolean;
  formulaValue?: string;
  errorValue?: { type: string; message: string };
}

/** Opaque JSON objects the emulator stores and returns without interpreting (formats, rules, colours). */
export type Json = { [key: string]: unknown };

export interface NumberFormat {
  type?: string;
  pattern?: string;
}

/** One stored cell: what was entered, its format, validation and note. Effective values are computed on read. */
export interface Cell {
  userEnteredValue?: ExtendedValue;
  userEnteredFormat?: Json & { numberFormat?: NumberFormat };
  dataValidation?: Json;
  note?: string;
}

export interface GridProperties {
  rowCount: number;
  columnCount: number;
  frozenRowCount?: number;
  frozenColumnCount?: number;
  hideGridlines?: boolean;
}

export interface SheetProperties {
  sheetId: number;
  title: string;
  index: number;
  sheetType: "GRID";
  gridProperties: GridProperties;
  hidden?: boolean;
  rightToLeft?: boolean;
  tabColor?: Json;
  tabColorStyle?: Json;
}

export interface Sheet {
  properties: SheetProperties;
  /** Sparse grid: `rows[r]?.[c]`. */
  rows: (Array<Cell | null> | null)[];
  protectedRanges: Json[];
  conditionalFormats: Json[];
  merges: GridRange[];
  basicFilter?: Json;
  /** DeveloperMetadata whose location is this sheet (absent when none). */
  developerMetadata?: Json[];
}

export interface SpreadsheetProperties {
  title: string;
  locale: string;
  timeZone: string;
  autoRecalc: string;
  [key: string]: unknown;
}

export interface Spreadsheet {
  spreadsheetId: string;
  properties: SpreadsheetProperties;
  sheets: Sheet[];
  /** DeveloperMetadata whose location is the spreadsheet itself (absent when none). */
  developerMetadata?: Json[];
}

/** Google's `GridRange`: zero-based, end-exclusive; a missing bound means "to the edge of the grid". */
export interface GridRange {
  sheetId?: number;
  startRowIndex?: number;
  endRowIndex?: number;
  startColumnIndex?: number;
  endColumnIndex?: number;
}

/** A resolved rectangle on one sheet, zero-based and end-exclusive, every bound known. */
export interface Rect {
  sheet: Sheet;
  startRow: number;
  endRow: number;
  startCol: number;
  endCol: number;
}

/** The limit of cells in one spreadsheet (Google's documented 10 million). */
export const MAX_CELLS = 10_000_000;
/** Column ZZZ, the widest grid A1 notation can name. */
export const MAX_COLUMNS = 18_278;
