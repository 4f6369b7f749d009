/**
 * Reads the input tabs of the spreadsheets of a run as one workbook (the main spreadsheet and the sources its
 * `Nguồn dữ liệu` tab lists), so a province scores as if every office had typed into one spreadsheet. This is the
 * only read path: a run of one spreadsheet is a run of one source.
 *
 * - every tab is optional in each spreadsheet, but `Đơn vị` and `Đăng ký` must be found in at least one;
 * - the units of all of them form one directory: `Đăng ký` and `Tổ, khối dân vận` rows and `Đơn vị cấp trên` may
 *   name a unit of any spreadsheet; a unit code, a `Mã mô hình` of one year or a `Mã tổ` of one year met again
 *   is a data error on the later row, whether in the same tab or a later spreadsheet (spreadsheets count in list
 *   order, the main one first); two spellings of one `Cụm thi đua` are one ranking group wherever they are typed;
 * - the rule settings are the main spreadsheet's `Cấu hình` only. A source's own `Cấu hình` is not used (one
 *   province, one set of rules) and a data error says so, so no office believes its settings applied;
 * - a source whose tabs break the contract (missing column, two tabs read as one) is left out whole and listed at
 *   its row of `Nguồn dữ liệu`, where the main spreadsheet would stop the run: one office's broken header must not
 *   block a province.
 *
 * Every record keeps its spreadsheet in `RowRef.source` and every data error in `DataError.source`.
 */
import { DEFAULT_SETTINGS } from "../scoring/settings.ts";
import type { Registration, Settings, Team, Unit } from "../scoring/types.ts";
import { quoteTab } from "./a1.ts";
import { hasData } from "./cell.ts";
import {
  RegistrationReader,
  registrationColumns,
  type RegistrationColumns,
  type RejectedRow,
} from "./read-registrations.ts";
import { readSettings } from "./read-settings.ts";
import { readTeams, teamColumns, type TeamColumns } from "./read-teams.ts";
import { readUnits, recordTypedUnitCodes, unitColumns, type UnitColumns } from "./read-units.ts";
import type { Workbook } from "./read-workbook.ts";
import { SharedReading } from "./shared-reading.ts";
import { SOURCES_TAB, sourceFailure, type SourceEntry } from "./source-list.ts";
import { findTab, INPUT_TABS, REGISTRATIONS_TAB, SETTINGS_TAB, UNITS_TAB, type InputTabId } from "./tabs.ts";
import { ContractError, type DataError, type RawGrid, type RawTabs } from "./types.ts";
import type { UnitDirectory } from "./unit-directory.ts";

/** The input tabs of one spreadsheet of the run. */
export interface SourceTabs {
  /** The spreadsheet's id; "" for the main spreadsheet, which comes first. */
  source: string;
  /** How people call it (`Tên nguồn`); the id when absent. */
  name?: string;
  /** Its row of `Nguồn dữ liệu` (absent for the main spreadsheet): where it is reported when it cannot be used. */
  listedAt?: SourceEntry;
  tabs: RawTabs;
}

/** The years whose records a run keeps: a list, or the list the rule settings call for. */
export type YearsKept = readonly number[] | ((settings: Settings) => readonly number[]);

/** A source left out whole, and why. */
export interface SkippedSource {
  source: string;
  name: string;
  message: string;
  /** The cell of the source's own tabs that breaks the contract (e.g. `'Đăng ký'!1:1`). */
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

/**
 * Reads the spreadsheets of one run, the main one first (see the file comment). Throws ContractError when the
 * main spreadsheet breaks the contract, or when no spreadsheet read has a `Đơn vị` or a `Đăng ký` tab.
 *
 * @param options.years keeps the registrations and teams of these years only; the rows of other years are still
 *   read and checked (codes met twice included), so the data errors are the same whatever it is. A function is
 *   asked once the main spreadsheet's `Cấu hình` is read: the years a stage review needs depend on `Giai đoạn`.
 * @example readSources([{ source: "", tabs: main }, { source: "1AbC", name: "Huyện A", tabs: districtA }]).units
 */
export function readSources(sources: readonly SourceTabs[], options: { years?: YearsKept } = {}): MergedWorkbook {
  return new SourcesReading(sources, options).finish();
}

/**
 * `readSources` in steps, for a main spreadsheet whose `Đăng ký` arrives in blocks of rows (a province's is read in
 * several calls): `sources[0]` holds the tab's first block, each further block is given to `addMainRegistrations`
 * as it comes, in sheet order, and `finish` reads the rest. Each block is read into records at once and can be let
 * go: the grid of a province's registrations, the largest thing a run would hold, is never whole in memory. The
 * answer is the one `readSources` gives for the whole tab.
 */
export class SourcesReading {
  readonly #errors: DataError[] = [];
  readonly #skipped: SkippedSource[] = [];
  readonly #located: Located[] = [];
  readonly #settings: Settings;
  readonly #shared: SharedReading;
  readonly #years: readonly number[] | undefined;
  readonly #units: Unit[] = [];
  readonly #directory: UnitDirectory;
  /** The main spreadsheet's registrations, read as they come; null when it has no `Đăng ký` (in its first block). */
  readonly #mainRegistrations: RegistrationReader | null = null;
  /** The main spreadsheet's teams, read with its units; null when it has no `Tổ, khối dân vận`. */
  readonly #mainTeams: { teams: Team[]; errors: DataError[] } | null = null;

  /** Checks every spreadsheet's contract, reads the settings and the units, and the main `Đăng ký` as given. */
  constructor(sources: readonly SourceTabs[], options: { years?: YearsKept } = {}) {
    const errors = this.#errors;
    let settings: Settings = structuredClone(DEFAULT_SETTINGS);

    // The contract of every spreadsheet, before any row.
    const located = this.#located;
    sources.forEach((s, index) => {
      const name = s.name ?? s.source;
      try {
        const l = locate(s, index, name);
        if (index === 0) settings = mainSettings(s.tabs);
        else errors.push(...ignoredTabs(s, name));
        located.push(l);
      } catch (error) {
        if (index === 0 || !(error instanceof ContractError)) throw error;
        this.#skipped.push({ source: s.source, name, message: error.message, where: error.where });
        errors.push(unusableSource(s, name, error));
      }
    });
    for (const id of ["units", "registrations"] as const) {
      if (!located.some((l) => l[id] !== null)) throw missingTab(id, sources);
    }
    this.#settings = settings;

    const names: string[] = [];
    for (const l of located) names[l.index] = l.name;
    const shared = new SharedReading(names);
    this.#shared = shared;
    for (const l of located) if (l.units) recordTypedUnitCodes(l.units.grid, l.units.cols, shared);
    this.#years = typeof options.years === "function" ? options.years(settings) : options.years;

    // Units: one directory for all.
    const known = new Set<string>();
    const rejected = new Map<string, number>();
    for (const l of located) {
      if (!l.units) continue;
      const read = readUnits(l.units.tab, l.units.grid, {
        source: l.source,
        columns: l.units.cols,
        shared,
        index: l.index,
      });
      this.#units.push(...read.units);
      for (const code of read.known) known.add(code);
      for (const [code, position] of read.rejected) if (!rejected.has(code)) rejected.set(code, position);
      errors.push(...tagged(read.errors, l));
    }
    this.#directory = { known, rejected };

    // The main spreadsheet's teams (they depend on nothing but the units) and registrations now, so that their
    // grids can be let go before the further rows of its `Đăng ký` arrive.
    const main = located[0];
    if (main?.index === 0 && main.teams) {
      this.#mainTeams = this.#readTeams(main);
      main.teams.grid = [];
    }
    if (main?.index === 0 && main.registrations) {
      this.#mainRegistrations = this.#registrationReader(main);
      this.#mainRegistrations.readRows(main.registrations.grid, 0);
      main.registrations.grid = [];
    }
    // What is read is let go: only the sources' registrations and every teams tab are read later.
    for (const l of located) if (l.units) l.units.grid = [];
  }

  /** The main `Đăng ký`'s rows from 0-based row index `start` on (the blocks after the first, in sheet order). */
  addMainRegistrations(rows: RawGrid, start: number): void {
    this.#mainRegistrations?.readRows(rows, start);
  }

  /** The sources' registrations, then every spreadsheet's teams: the whole run read. */
  finish(): MergedWorkbook {
    const errors = this.#errors;
    const registrations: Registration[] = [];
    const rejectedRegistrations: RejectedRow[] = [];
    for (const l of this.#located) {
      if (!l.registrations) continue;
      let read = l.index === 0 ? this.#mainRegistrations : null;
      if (read === null) {
        read = this.#registrationReader(l);
        read.readRows(l.registrations.grid, 0);
      }
      registrations.push(...read.registrations);
      rejectedRegistrations.push(...read.rejected);
      errors.push(...tagged(read.errors, l));
    }
    const teams: Team[] = [];
    for (const l of this.#located) {
      if (!l.teams) continue;
      const read = (l.index === 0 ? this.#mainTeams : null) ?? this.#readTeams(l);
      teams.push(...read.teams);
      errors.push(...tagged(read.errors, l));
    }
    for (const l of this.#located) {
      if (l.registrations) l.registrations.grid = [];
      if (l.teams) l.teams.grid = [];
    }
    const { settings } = this;
    return {
      units: this.#units,
      registrations,
      teams,
      settings,
      errors,
      rejectedRegistrations,
      skipped: this.#skipped,
    };
  }

  /** The main spreadsheet's rule settings (`Cấu hình`), known from the first block on. */
  get settings(): Settings {
    return this.#settings;
  }

  #readTeams(l: Located): { teams: Team[]; errors: DataError[] } {
    const { tab, grid, cols } = l.teams!;
    return readTeams(tab, grid, this.#directory, {
      source: l.source,
      columns: cols,
      years: this.#years,
      shared: this.#shared,
      index: l.index,
    });
  }

  #registrationReader(l: Located): RegistrationReader {
    const { tab, cols } = l.registrations!;
    return new RegistrationReader(tab, cols, this.#directory, {
      source: l.source,
      years: this.#years,
      shared: this.#shared,
      index: l.index,
    });
  }
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

/**
 * A source left out for breaking the contract, listed at its row of `Nguồn dữ liệu` (where the list is fixed), the
 * cell of its own tabs named in the message; at that cell of the source when it was not listed (a direct call).
 */
function unusableSource(s: SourceTabs, name: string, error: ContractError): DataError {
  const reason = `${error.message} (ô ${error.where} của nguồn)`;
  if (s.listedAt !== undefined) return sourceFailure(s.listedAt, reason);
  const tab = /^'((?:[^']|'')*)'/.exec(error.where)?.[1]?.replaceAll("''", "'") ?? "";
  return {
    tab,
    cell: error.where,
    value: "",
    message: `Nguồn "${name}" không được chấm: ${reason}`,
    source: s.source,
    sourceName: name,
  };
}

/** No spreadsheet of the run has a `Đơn vị` (or `Đăng ký`) tab with something in it. */
function missingTab(id: "units" | "registrations", sources: readonly SourceTabs[]): ContractError {
  const title = id === "units" ? UNITS_TAB : REGISTRATIONS_TAB;
  const main = sources[0]?.tabs ?? {};
  const present = findTab(Object.keys(main), title);
  // A single spreadsheet whose tab is there but empty: its missing header is the clearer message.
  if (sources.length === 1 && present !== null) {
    const grid = main[present] ?? [];
    if (id === "units") unitColumns(present, grid);
    else registrationColumns(present, grid);
  }
  const where = sources.length === 1 ? "" : " (có dữ liệu) trong bảng tính chính hay nguồn nào đọc được";
  return new ContractError(`Không tìm thấy trang tính "${title}"${where}`, quoteTab(title));
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

function tagged(errors: DataError[], l: Located): DataError[] {
  return l.index === 0 ? errors : errors.map((e) => ({ ...e, source: l.source, sourceName: l.name }));
}

/** Whether a tab holds anything below its header row. */
function hasRows(grid: RawGrid | undefined): boolean {
  return hasData(grid?.slice(1));
}
