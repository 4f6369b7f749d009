/**
 * The optional `Nguồn dữ liệu` tab of the main spreadsheet: the other spreadsheets whose input tabs are merged into
 * the run (a province whose districts, or a district whose offices, each keep their own spreadsheet). One row per
 * spreadsheet: its id or its full Google Sheets address, and optionally a name people recognise.
 *
 * Only the main spreadsheet's list counts: a source's own `Nguồn dữ liệu` is not followed (one level, no cycles).
 */
import { cellRef, quoteTab } from "./a1.ts";
import { cellText, EMPTY, fail, isBlankRow, isEmptyCell, ok, quoted, type CellResult } from "./cell.ts";
import { locateColumns } from "./headers.ts";
import { FirstSeen, RowProblems } from "./rows.ts";
import { describeSpreadsheetRefProblem, parseSpreadsheetRef } from "./spreadsheet-id.ts";
import { findTab, selectInputTabs, type ColumnSpec } from "./tabs.ts";
import { readText } from "./text-cells.ts";
import { ContractError, type DataError, type RawCell, type RawGrid, type RawTabs } from "./types.ts";

export const SOURCES_TAB = "Nguồn dữ liệu";

/**
 * Sources read in one run at most. Each cost two Sheets read requests, three since the consent check (`Gửi về`):
 * 200 sources are 600 requests, within a
 * Worker's subrequest limit (1000 on the paid plan) and about what Google's default read quota of 300 per minute
 * per project allows in the 90 seconds of a run, once the per-user quota has been raised to match.
 */
export const MAX_SOURCES = 200;

/** `Nguồn dữ liệu`: the spreadsheet is required; a name and a note are for people. */
export const SOURCE_COLUMNS = [
  {
    key: "spreadsheet",
    header: "Mã bảng tính hoặc đường dẫn",
    required: true,
    aliases: ["Mã bảng tính", "Đường dẫn", "Đường dẫn bảng tính", "Bảng tính"],
  },
  { key: "name", header: "Tên nguồn", required: false },
  { key: "note", header: "Ghi chú", required: false },
] as const satisfies readonly ColumnSpec[];

/** One spreadsheet to read, and the row of `Nguồn dữ liệu` that names it (for the errors about it). */
export interface SourceEntry {
  spreadsheetId: string;
  /** `Tên nguồn`, else the id: how messages and `Lỗi dữ liệu` call it. */
  name: string;
  /** The title of the `Nguồn dữ liệu` tab as found in the main spreadsheet. */
  tab: string;
  /** The cell holding the id or address, e.g. `'Nguồn dữ liệu'!A3`. */
  cell: string;
  /** What was typed there. */
  value: string;
}

/**
 * Reads a spreadsheet id, or the id inside a Google Sheets address. `null` when empty.
 *
 * @example readSpreadsheetRef("https://docs.google.com/spreadsheets/d/1AbC-x_9/edit#gid=0") // → { ok: true, value: "1AbC-x_9" }
 * @example readSpreadsheetRef("1AbC-x_9") // → { ok: true, value: "1AbC-x_9" }
 */
export function readSpreadsheetRef(cell: RawCell | undefined): CellResult<string | null> {
  if (isEmptyCell(cell)) return EMPTY;
  const ref = parseSpreadsheetRef(cellText(cell));
  return ref.ok ? ok(ref.id) : fail(describeSpreadsheetRefProblem(ref.problem, quoted(cell)));
}

/** The sources of a run, and the rows of `Nguồn dữ liệu` that could not be used. */
export interface SourceList {
  entries: SourceEntry[];
  errors: DataError[];
}

/**
 * The sources listed in the main spreadsheet's tabs, or null when it has no `Nguồn dữ liệu` tab or the tab lists
 * nothing (then the run is a single-spreadsheet run, exactly as without the tab).
 *
 * A bad row (unreadable id, the same spreadsheet twice, the main spreadsheet itself) is a data error and is not
 * read. A missing header column, or more than `maxSources` sources, stops the run (ContractError): a run that
 * silently left out the sources past the limit would rank a province with part of it missing.
 */
export function sourceListIn(tabs: RawTabs, options: { mainId?: string; maxSources?: number } = {}): SourceList | null {
  const tab = findTab(Object.keys(tabs), SOURCES_TAB);
  if (tab === null) return null;
  const grid: RawGrid = tabs[tab] ?? [];
  if (!grid.slice(1).some((row) => row.some((cell) => !isEmptyCell(cell)))) return null;
  return readSourceList(tab, grid, options);
}

/** Reads every row of `Nguồn dữ liệu` (see `sourceListIn`). */
export function readSourceList(
  tab: string,
  grid: RawGrid,
  options: { mainId?: string; maxSources?: number } = {},
): SourceList {
  const cols = locateColumns(tab, grid[0], SOURCE_COLUMNS);
  const max = options.maxSources ?? MAX_SOURCES;
  const used = [cols.spreadsheet, cols.name].filter((c) => c >= 0);
  const errors: DataError[] = [];
  const p = new RowProblems(tab, errors);
  const seen = new FirstSeen();
  const entries: SourceEntry[] = [];
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (row === undefined || isBlankRow(row, used)) continue;
    p.start(r + 1);
    const id = p.required(row, cols.spreadsheet, readSpreadsheetRef, SOURCE_COLUMNS[0].header);
    const name = p.optional(row, cols.name, readText);
    if (id === null) continue;
    const first = seen.earlier(0, id, p.row);
    if (first !== undefined) {
      p.report(
        cols.spreadsheet,
        row[cols.spreadsheet],
        `Bảng tính này đã có ở dòng ${first}; mỗi nguồn chỉ được đọc một lần`,
      );
    } else if (id === options.mainId) {
      p.report(
        cols.spreadsheet,
        row[cols.spreadsheet],
        "Đây là chính bảng tính chính, đã được đọc; không cần liệt kê ở đây",
      );
    }
    if (p.count > 0) continue;
    if (entries.length === max) {
      throw new ContractError(
        `Trang tính "${tab}" liệt kê hơn ${max} nguồn; mỗi lần chấm đọc tối đa ${max} bảng tính (giới hạn yêu cầu của Google Sheets và Cloudflare). Hãy gộp bớt nguồn hoặc chia thành nhiều lần chấm.`,
        `${quoteTab(tab)}!${p.row}:${p.row}`,
      );
    }
    entries.push({
      spreadsheetId: id,
      name: name ?? id,
      tab,
      cell: cellRef(tab, p.row, cols.spreadsheet),
      value: cellText(row[cols.spreadsheet]),
    });
  }
  return { entries, errors };
}

/**
 * The `Lỗi dữ liệu` row of a source that could not be read: on the row of the main spreadsheet's `Nguồn dữ liệu`
 * that names it (the cell is there, so the error is the main spreadsheet's), so the person who fixes it knows which
 * line to look at.
 *
 * @example sourceFailure(entry, "tài khoản dịch vụ chưa được chia sẻ bảng tính này").message
 *   // → 'Không đọc được nguồn "Huyện A": tài khoản dịch vụ chưa được chia sẻ bảng tính này. Dữ liệu của nguồn này không được chấm lần này.'
 */
export function sourceFailure(entry: SourceEntry, reason: string): DataError {
  return {
    tab: entry.tab,
    cell: entry.cell,
    value: entry.value,
    message: `Không đọc được nguồn "${entry.name}": ${reason}. Dữ liệu của nguồn này không được chấm lần này.`,
  };
}

/**
 * The tabs a run reads from each spreadsheet, among all its titles: the input tabs, and `Nguồn dữ liệu`.
 * (A source's `Cấu hình` and `Nguồn dữ liệu` are read only to say that they are not used.)
 */
export function selectRunTabs(titles: string[]): string[] {
  const selected = selectInputTabs(titles);
  const sources = findTab(titles, SOURCES_TAB);
  return sources === null ? selected : [...selected, sources];
}
