/**
 * The shapes at the spreadsheet boundary: what a Sheets `values.batchGet` returns (UNFORMATTED_VALUE,
 * SERIAL_NUMBER dates) and what the writers hand to the Sheets gateway.
 */

/** One cell as the Sheets API returns it unformatted. Trailing empty cells and rows are trimmed away by Google. */
export type RawCell = string | number | boolean;

/** The values of one tab: rows of cells, row 1 (index 0) being the header row. */
export type RawGrid = RawCell[][];

/** Input tabs by their title as found in the spreadsheet (titles are matched with the §4 normalisation). */
export type RawTabs = Record<string, RawGrid>;

/**
 * A cell that could not be read, or a row that breaks a rule of the contract (SPEC §4). The row is left out of
 * scoring and listed in the `Lỗi dữ liệu` tab; it never stops the run.
 */
export interface DataError {
  /** Trang tính: the tab title as it is in the spreadsheet. */
  tab: string;
  /** Ô: the cell in A1 notation with the quoted tab name, e.g. `'Đăng ký'!H12`. */
  cell: string;
  /** Giá trị: the value as typed (stringified). */
  value: string;
  /** Lỗi: what is wrong, in Vietnamese. */
  message: string;
  /**
   * The spreadsheet the cell is in, when a run merges several (`Nguồn dữ liệu`): its id. Absent for the main
   * spreadsheet, whose errors are the only ones of a single-spreadsheet run.
   */
  source?: string;
  /** How people call that spreadsheet (`Tên nguồn`, else its id): the `Nguồn` column of `Lỗi dữ liệu`. */
  sourceName?: string;
  /**
   * The unit the row belongs to, as a comparison key (`Mã đơn vị` of a `Đơn vị`, `Đăng ký` or `Tổ, khối dân vận`
   * row), when that cell could be read: the unit's page lists the errors of its rows. Absent otherwise (a row
   * without a readable code, a `Cấu hình` or `Nguồn dữ liệu` cell). Not written to `Lỗi dữ liệu`.
   */
  unitCode?: string;
}

/**
 * A problem that stops the run before anything is written: a missing tab or required column, a duplicate header,
 * an unknown or bad `Cấu hình` setting. The message is Vietnamese and names the tab, column or row.
 */
export class ContractError extends Error {
  override readonly name = "ContractError";
  constructor(
    message: string,
    /** The cell or tab it is about, e.g. `'Cấu hình'!B4`. */
    readonly where: string,
  ) {
    super(message);
  }
}

/**
 * A run asked for a year (or a stage) that has no registration row at all in `Đăng ký`: its tabs would be zeros
 * that look like a scored year, so nothing is written and the message says which year to fill in.
 */
export class NoRegistrationsError extends ContractError {}

/** A cell written back: numbers stay numbers, text is always written as text (never a formula). */
export type OutputCell = string | number | boolean | null;

/** How a written cell is highlighted: `flag` marks something a person must look at. */
export interface CellHighlight {
  row: number; // 0-based, in `rows` (0 = header)
  column: number; // 0-based
}

/** One generated tab, ready for the Sheets gateway to write in one atomic batchUpdate. */
export interface OutputTab {
  title: string;
  /** Row 0 is the header; it is frozen. */
  rows: OutputCell[][];
  highlights: CellHighlight[];
  /** Columns holding shares (0..1) that should be shown as percentages. */
  percentColumns: number[];
  /**
   * Single cells holding shares (0..1) shown as percentages, for a column that mixes shares and counts
   * (`Thực hiện` of `Chỉ tiêu {Y}`). Optional: absent means none.
   */
  percentCells?: CellHighlight[];
  /**
   * Columns of decimal numbers shown with a fixed number format below the header (scores with two decimals, so
   * 92.3 reads 92,30 like its neighbours). Written once per column, not per cell: a province's ranking has
   * thousands of rows. Optional: absent means none.
   */
  numberFormats?: ColumnNumberFormat[];
}

/** A Sheets number-format pattern (e.g. `0.00`; Sheets shows the decimal comma of a Vietnamese spreadsheet) for a column. */
export interface ColumnNumberFormat {
  column: number; // 0-based
  pattern: string;
}
