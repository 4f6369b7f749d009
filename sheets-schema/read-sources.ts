/**
 * Reads the input tabs of several spreadsheets as one workbook (the main spreadsheet and the sources its
 * `Nguồn dữ liệu` tab lists), so a province scores as if every office had typed into one spreadsheet:
 *
 * - every tab is optional in each spreadsheet, but `Đơn vị` and `Đăng ký` must be found in at least one;
 * - the units of all of them form one directory: `Đăng ký` and `Tổ, khối dân vận` rows and `Đơn vị cấp trên` may
 *   name a unit of any spreadsheet; a unit code, a `Mã mô hình` of one year or a `Mã tổ` of one year met again in a
 *   later spreadsheet is a data error on the later row, as it is within one tab (spreadsheets count in list order,
 *   the main one first);
 * - the rule settings are the main spreadsheet's `Cấu hình` only. A source's own `Cấu hình` is not used (one
 *   province, one set of rules) and a data error says so, so no office believes its settings applied;
 * - a source whose tabs break the contract (missing column, two tabs read as one) is left out whole and listed,
 *   where the main spreadsheet would stop the run: one office's broken header must not block a province.
 *
 * Every record keeps its spreadsheet in `RowRef.source` and every data error in `DataError.source`.
 */
import { DEFAULT_SETTINGS } from "../scoring/settings.ts";
import type { Settings, Unit } from "../scoring/types.ts";
import { cellRef, quoteTab } from "./a1.ts";
import { cellText, isEmptyCell } from "./cell.ts";
import { readRegistrations, registrationColumns, type RegistrationColumns } from "./read-registrations.ts";
import { readSettings } from "./read-settings.ts";
import { readTeams, teamColumns, type TeamColumns } from "./read-teams.ts";
import { readUnits, unitColumns, type UnitColumns } from "./read-units.ts";
import type { Workbook } from "./read-workbook.ts";
import { SOURCES_TAB } from "./source-list.ts";
import { findTab, INPUT_TABS, REGISTRATIONS_TAB, SETTINGS_TAB, UNITS_TAB, type InputTabId } from "./tabs.ts";
import { readCode } from "./text-cells.ts";
import { ContractError, type DataError, type RawGrid, type RawTabs } from "./types.ts";
import type { UnitDirectory } from "./unit-directory.ts";

/** The input tabs of one spreadsheet of the run. */
export interface SourceTabs {
  /** The spreadsheet's id; "" for the main spreadsheet, which comes first. */
  source: string;
  /** How people call it (`Tên nguồn`); the id when absent. */
  name?: string;
  tabs: RawTabs;
}

/** A source left out whole, and why. */
export interface SkippedSource {
  source: string;
  name: string;
  message: string;
  where: string;
}

export interface MergedWorkbook extends Workbook {
  /** Sources whose tabs break the contract: none of their rows was read. */
  skipped: SkippedSource[];
}

/** One spreadsheet once its tabs are located and their headers checked. */
interface Located {
  index: number;
  source: string;
  name: string;
  units: { tab: string; grid: RawGrid; cols: UnitColumns } | null;
  registrations: { tab: string; grid: RawGrid; cols: RegistrationColumns } | null;
  teams: { tab: string; grid: RawGrid; cols: TeamColumns } | null;
}

/** Where a code was first met: its spreadsheet and sheet row. */
interface FirstRow {
  in: Located;
  row: number;
}

/**
 * Reads the spreadsheets of one run, the main one first (see the file comment). Throws ContractError when the
 * main spreadsheet breaks the contract, or when no spreadsheet read has a `Đơn vị` or a `Đăng ký` tab.
 *
 * @example readSources([{ source: "", tabs: main }, { source: "1AbC", name: "Huyện A", tabs: districtA }]).units
 */
export function readSources(sources: readonly SourceTabs[]): MergedWorkbook {
  const errors: DataError[] = [];
  const skipped: SkippedSource[] = [];
  let settings: Settings = structuredClone(DEFAULT_SETTINGS);

  // The contract of every spreadsheet, before any row.
  const located: Located[] = [];
  sources.forEach((s, index) => {
    const name = s.name ?? s.source;
    try {
      const l = locate(s, index, name);
      if (index === 0) settings = mainSettings(s.tabs);
      else errors.push(...ignoredTabs(s, name));
      located.push(l);
    } catch (error) {
      if (index === 0 || !(error instanceof ContractError)) throw error;
      skipped.push({ source: s.source, name, message: error.message, where: error.where });
      errors.push({
        tab: error.where.startsWith("'") ? tabOf(error.where) : "",
        cell: error.where,
        value: "",
        message: `Nguồn "${name}" không được chấm: ${error.message}`,
        source: s.source,
        sourceName: name,
      });
    }
  });
  for (const [id, title] of [["units", UNITS_TAB], ["registrations", REGISTRATIONS_TAB]] as const) {
    if (!located.some((l) => l[id] !== null)) {
      throw new ContractError(
        `Không tìm thấy trang tính "${title}" (có dữ liệu) trong bảng tính chính hay nguồn nào đọc được`,
        quoteTab(title),
      );
    }
  }

  // Units: one directory for all.
  const { units, errors: unitErrors, directory } = mergeUnits(located);

  // Registrations and teams, each checked for a code of one year met again in a later spreadsheet.
  const registrations = mergeRows(
    located,
    (l) => l.registrations,
    (l, tab, grid, cols) => {
      const read = readRegistrations(tab, grid, directory, { source: l.source, columns: cols });
      return { rows: read.registrations, errors: read.errors };
    },
    (r, cols) => (r.modelId === null ? null : { key: `${r.year}\u0000${r.modelId}`, column: cols.modelId }),
    (r, first) => `Mã mô hình "${r.modelId}" của năm ${r.year} bị trùng với ${rowOf(first)}`,
  );
  const teams = mergeRows(
    located,
    (l) => l.teams,
    (l, tab, grid, cols) => {
      const read = readTeams(tab, grid, directory, { source: l.source, columns: cols });
      return { rows: read.teams, errors: read.errors };
    },
    (t, cols) => ({ key: `${t.year}\u0000${t.teamId}`, column: cols.teamId }),
    (t, first) => `Mã tổ "${t.teamId}" của năm ${t.year} bị trùng với ${rowOf(first)}`,
  );

  return {
    units,
    registrations: registrations.rows,
    teams: teams.rows,
    settings,
    errors: [...errors, ...unitErrors, ...registrations.errors, ...teams.errors],
    skipped,
  };
}

/**
 * Reads the units of every spreadsheet into one directory. A `Đơn vị cấp trên` may name a unit of any of them; a code
 * read in an earlier spreadsheet (even on a row left out for an error, as within one tab) makes the later row an error.
 */
function mergeUnits(located: readonly Located[]): { units: Unit[]; errors: DataError[]; directory: UnitDirectory } {
  const elsewhere = new Set<string>();
  for (const l of located) if (l.units) for (const code of codesIn(l.units.grid, l.units.cols.code)) elsewhere.add(code);
  const units: Unit[] = [];
  const errors: DataError[] = [];
  const known = new Set<string>();
  const rejected = new Map<string, number>();
  const seen = new Map<string, FirstRow>();
  for (const l of located) {
    if (!l.units) continue;
    const { tab, grid, cols } = l.units;
    const read = readUnits(tab, grid, { source: l.source, columns: cols, elsewhere });
    const mine = tagged(read.errors, l);
    for (const u of read.units) {
      const first = seen.get(u.code);
      if (first !== undefined && first.in !== l) {
        mine.push(laterDuplicate(l, tab, grid, u.ref.row, cols.code, `Mã đơn vị "${u.code}" bị trùng với ${rowOf(first)}`));
        continue;
      }
      units.push(u);
      known.add(u.code);
      seen.set(u.code, { in: l, row: u.ref.row });
    }
    for (const [code, row] of read.rejected) {
      if (seen.has(code)) continue;
      rejected.set(code, row);
      seen.set(code, { in: l, row });
    }
    errors.push(...sortedByRow(mine));
  }
  return { units, errors, directory: { known, rejected } };
}

/**
 * Reads one kind of row (registrations or teams) from every spreadsheet that has its tab, in list order. A row whose
 * code `keyOf` was already read in an earlier spreadsheet is left out and listed, on its code's cell; within one
 * tab the reader has already done that.
 */
function mergeRows<R extends { ref: { row: number } }, C>(
  located: readonly Located[],
  tabOf: (l: Located) => { tab: string; grid: RawGrid; cols: C } | null,
  read: (l: Located, tab: string, grid: RawGrid, cols: C) => { rows: R[]; errors: DataError[] },
  keyOf: (row: R, cols: C) => { key: string; column: number } | null,
  duplicate: (row: R, first: FirstRow) => string,
): { rows: R[]; errors: DataError[] } {
  const rows: R[] = [];
  const errors: DataError[] = [];
  const seen = new Map<string, FirstRow>();
  for (const l of located) {
    const found = tabOf(l);
    if (found === null) continue;
    const { tab, grid, cols } = found;
    const got = read(l, tab, grid, cols);
    const mine = tagged(got.errors, l);
    for (const row of got.rows) {
      const code = keyOf(row, cols);
      const first = code === null ? undefined : seen.get(code.key);
      if (code !== null && first !== undefined && first.in !== l) {
        mine.push(laterDuplicate(l, tab, grid, row.ref.row, code.column, duplicate(row, first)));
        continue;
      }
      rows.push(row);
      if (code !== null && first === undefined) seen.set(code.key, { in: l, row: row.ref.row });
    }
    errors.push(...sortedByRow(mine));
  }
  return { rows, errors };
}

/** Finds the data tabs of one spreadsheet (all optional; an entirely empty tab is absent) and checks their headers. */
function locate(s: SourceTabs, index: number, name: string): Located {
  const titles = Object.keys(s.tabs);
  const found = {} as Record<InputTabId, string | null>;
  for (const tab of INPUT_TABS) {
    const title = findTab(titles, tab.title);
    found[tab.id] = title !== null && hasData(s.tabs[title]) ? title : null;
  }
  const tabAt = <C>(title: string | null, columns: (tab: string, grid: RawGrid) => C) => {
    if (title === null) return null;
    const grid = s.tabs[title] ?? [];
    return { tab: title, grid, cols: columns(title, grid) };
  };
  return {
    index,
    source: s.source,
    name,
    units: tabAt(found.units, unitColumns),
    registrations: tabAt(found.registrations, registrationColumns),
    teams: tabAt(found.teams, teamColumns),
  };
}

function mainSettings(tabs: RawTabs): Settings {
  const title = findTab(Object.keys(tabs), SETTINGS_TAB);
  const grid = title === null ? undefined : tabs[title];
  return title === null || !hasData(grid) ? structuredClone(DEFAULT_SETTINGS) : readSettings(title, grid ?? []);
}

/** A source's `Cấu hình` and `Nguồn dữ liệu` with rows in them: listed, so nobody believes they applied. */
function ignoredTabs(s: SourceTabs, name: string): DataError[] {
  const found: DataError[] = [];
  const titles = Object.keys(s.tabs);
  for (const [wanted, why] of [
    [SETTINGS_TAB, `chỉ "${SETTINGS_TAB}" của bảng tính chính được dùng khi chấm nhiều bảng tính`],
    [SOURCES_TAB, `chỉ danh sách nguồn của bảng tính chính được đọc (không đọc nguồn của nguồn)`],
  ] as const) {
    const title = findTab(titles, wanted);
    if (title === null || !hasRows(s.tabs[title])) continue;
    found.push({
      tab: title,
      cell: `${quoteTab(title)}!A1`,
      value: "",
      message: `Trang tính "${title}" của nguồn "${name}" không được dùng: ${why}`,
      source: s.source,
      sourceName: name,
    });
  }
  return found;
}

/** The codes typed in a code column (below the header), readable or not as units. */
function codesIn(grid: RawGrid, column: number): string[] {
  const codes: string[] = [];
  for (let r = 1; r < grid.length; r++) {
    const code = readCode(grid[r]?.[column]);
    if (code.ok && code.value !== null) codes.push(code.value);
  }
  return codes;
}

function tagged(errors: DataError[], l: Located): DataError[] {
  return l.index === 0 ? errors : errors.map((e) => ({ ...e, source: l.source, sourceName: l.name }));
}

function laterDuplicate(l: Located, tab: string, grid: RawGrid, row: number, column: number, message: string): DataError {
  const e: DataError = { tab, cell: cellRef(tab, row, column), value: cellText(grid[row - 1]?.[column]), message };
  return l.index === 0 ? e : { ...e, source: l.source, sourceName: l.name };
}

/** `dòng 12 của nguồn "Huyện A"`, or `dòng 12 của bảng tính chính`. */
function rowOf(first: FirstRow): string {
  return first.in.index === 0 ? `dòng ${first.row} của bảng tính chính` : `dòng ${first.row} của nguồn "${first.in.name}"`;
}

/** One tab's errors in sheet order, the cross-spreadsheet duplicates among the reader's own. */
function sortedByRow(errors: DataError[]): DataError[] {
  const row = (e: DataError) => Number(/(\d+)$/.exec(e.cell)?.[1] ?? 0);
  return errors.map((e, i) => ({ e, i })).sort((a, b) => row(a.e) - row(b.e) || a.i - b.i).map((x) => x.e);
}

/** The quoted tab of an A1 reference: `'Đăng ký'!1:1` → `Đăng ký`. */
function tabOf(where: string): string {
  const match = /^'((?:[^']|'')*)'/.exec(where);
  return match?.[1] === undefined ? "" : match[1].replaceAll("''", "'");
}

/** Whether a tab holds anything at all. */
function hasData(grid: RawGrid | undefined): boolean {
  return (grid ?? []).some((row) => row.some((cell) => !isEmptyCell(cell)));
}

/** Whether a tab holds anything below its header row. */
function hasRows(grid: RawGrid | undefined): boolean {
  return (grid ?? []).slice(1).some((row) => row.some((cell) => !isEmptyCell(cell)));
}
