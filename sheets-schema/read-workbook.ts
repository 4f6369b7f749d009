/**
 * Reads all the input tabs of one spreadsheet into the records the rules work on (SPEC §2, §4).
 *
 * Every check that stops the run (missing tab, missing or doubled header, bad setting) is made before any row is
 * read, so a run either stops with one ContractError or reads everything, listing the bad rows as data errors.
 */
import type { Registration, Settings, Team, Unit } from "../scoring/types.ts";
import type { RejectedRow } from "./read-registrations.ts";
import { readSources } from "./read-sources.ts";
import type { DataError, RawTabs } from "./types.ts";

/** What the input tabs hold, ready for scoring, and every row that had to be left out. */
export interface Workbook {
  units: Unit[];
  /** Registrations of every year (of `options.years` when given), in sheet order. */
  registrations: Registration[];
  /** Team ratings of every year (of `options.years` when given), in sheet order. */
  teams: Team[];
  settings: Settings;
  /** Data errors of `Đơn vị`, then `Đăng ký`, then `Tổ, khối dân vận`, each in sheet order. */
  errors: DataError[];
  /** `Đăng ký` rows left out for a data error whose year and unit could be read (every year). */
  rejectedRegistrations: RejectedRow[];
}

/**
 * Reads the input tabs of one spreadsheet (keyed by their titles as found in it; see `selectInputTabs`): a run of
 * one source, read like every run by `readSources`. Throws ContractError for the stop conditions of SPEC §2;
 * returns otherwise, with the data errors. An absent or entirely empty `Tổ, khối dân vận` means no teams; an absent
 * or entirely empty `Cấu hình` means every default.
 *
 * @param options.source names the spreadsheet in every RowRef (empty for the main one).
 * @param options.years keeps the registrations and teams of these years only; the rows of other years are still
 *   read and checked, so the data errors are the same whatever it is.
 */
export function readWorkbook(tabs: RawTabs, options: { source?: string; years?: readonly number[] } = {}): Workbook {
  const { skipped: _none, ...workbook } = readSources([{ source: options.source ?? "", tabs }], {
    years: options.years,
  });
  return workbook;
}
