/**
 * Addresses in Google Sheets for a person to open: the spreadsheet scored, and the cell of a data error. Pure, so
 * each form of address has a test; the dashboard never calls Google, it only links to it.
 */

const SHEETS_UI = "https://docs.google.com/spreadsheets/d/";
const A1_CELL = /^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$/i;

/**
 * The spreadsheet in the Sheets editor.
 *
 * @example spreadsheetHref("1AbC") // → "https://docs.google.com/spreadsheets/d/1AbC/edit"
 */
export function spreadsheetHref(spreadsheetId: string): string {
  return `${SHEETS_UI}${encodeURIComponent(spreadsheetId)}/edit`;
}

/**
 * The A1 range of a data error's cell without its tab name (the tab is in the `gid` of the address).
 *
 * @example a1Range("'Đăng ký'!H12") // → "H12"
 * @example a1Range("Cấu hình") // → null
 */
export function a1Range(cell: string): string | null {
  const range = cell.slice(cell.lastIndexOf("!") + 1).replaceAll("$", "");
  return A1_CELL.test(range) ? range.toUpperCase() : null;
}

/**
 * A data error's cell in the Sheets editor: the tab's id (`gid`) and the range select the cell. Without the tab id
 * (an error of a source spreadsheet, whose tab ids the run did not keep) the link opens the spreadsheet only: a
 * range without its tab would select the same cell of whichever tab opens first, a wrong cell.
 *
 * @example cellHref("1AbC", 7, "'Đăng ký'!H12") // → "https://docs.google.com/spreadsheets/d/1AbC/edit#gid=7&range=H12"
 * @example cellHref("1AbC", null, "'Đăng ký'!H12") // → "https://docs.google.com/spreadsheets/d/1AbC/edit"
 */
export function cellHref(spreadsheetId: string, sheetId: number | null, cell: string): string {
  const base = spreadsheetHref(spreadsheetId);
  if (sheetId === null) return base;
  const range = a1Range(cell);
  return range === null ? `${base}#gid=${sheetId}` : `${base}#gid=${sheetId}&range=${range}`;
}

/** Where a data error of a run is: the source spreadsheet it names, else the main one with its tab id. */
export function errorCellHref(
  run: { spreadsheetId: string; sheetIds?: Readonly<Record<string, number>> },
  error: { tab: string; cell: string; source?: string },
): string {
  if (error.source !== undefined && error.source !== "" && error.source !== run.spreadsheetId) {
    return cellHref(error.source, null, error.cell);
  }
  // Results stored before the tab ids were kept have none: the spreadsheet opens, without the cell.
  const ids = run.sheetIds ?? {};
  const sheetId = Object.hasOwn(ids, error.tab) ? (ids[error.tab] ?? null) : null;
  return cellHref(run.spreadsheetId, sheetId, error.cell);
}
