/**
 * Reads all the input tabs of one spreadsheet into the records the rules work on (SPEC §2, §4).
 *
 * Every check that stops the run (missing tab, missing or doubled header, bad setting) is made before any row is
 * read, so a run either stops with one ContractError or reads everything, listing the bad rows as data errors.
 */
import { DEFAULT_SETTINGS } from "../scoring/settings.ts";
import type { Registration, Settings, Team, Unit } from "../scoring/types.ts";
import { isEmptyCell } from "./cell.ts";
import { readRegistrations, registrationColumns } from "./read-registrations.ts";
import { readSettings } from "./read-settings.ts";
import { readTeams, teamColumns } from "./read-teams.ts";
import { readUnits, unitColumns } from "./read-units.ts";
import { locateInputTabs } from "./tabs.ts";
import type { DataError, RawGrid, RawTabs } from "./types.ts";

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
}

/**
 * Reads the input tabs (keyed by their titles as found in the spreadsheet; see `selectInputTabs`).
 * Throws ContractError for the stop conditions of SPEC §2; returns otherwise, with the data errors.
 * An absent or entirely empty `Tổ, khối dân vận` means no teams; an absent or entirely empty `Cấu hình` means
 * every default.
 *
 * @param options.source names the spreadsheet in every RowRef when several are merged (empty for the main one).
 * @param options.years keeps the registrations and teams of these years only; the rows of other years are still
 *   read and checked, so the data errors are the same whatever it is.
 */
export function readWorkbook(tabs: RawTabs, options: { source?: string; years?: readonly number[] } = {}): Workbook {
  const source = options.source ?? "";
  const years = options.years;
  const located = locateInputTabs(Object.keys(tabs));
  const unitsTab = located.units ?? "";
  const registrationsTab = located.registrations ?? "";
  const teamsTab = presentTab(tabs, located.teams);
  const settingsTab = presentTab(tabs, located.settings);

  // The contract, before any row.
  const grid = (title: string | null): RawGrid => (title === null ? [] : (tabs[title] ?? []));
  const unitCols = unitColumns(unitsTab, grid(unitsTab));
  const registrationCols = registrationColumns(registrationsTab, grid(registrationsTab));
  const teamCols = teamsTab === null ? null : teamColumns(teamsTab, grid(teamsTab));
  const settings = settingsTab === null ? structuredClone(DEFAULT_SETTINGS) : readSettings(settingsTab, grid(settingsTab));

  // The rows.
  const units = readUnits(unitsTab, grid(unitsTab), { source, columns: unitCols });
  const registrations = readRegistrations(registrationsTab, grid(registrationsTab), units, {
    source,
    columns: registrationCols,
    years,
  });
  const teams =
    teamsTab === null || teamCols === null
      ? { teams: [], errors: [] }
      : readTeams(teamsTab, grid(teamsTab), units, { source, columns: teamCols, years });

  return {
    units: units.units,
    registrations: registrations.registrations,
    teams: teams.teams,
    settings,
    errors: [...units.errors, ...registrations.errors, ...teams.errors],
  };
}

/** The title of an optional tab that holds something; an entirely empty tab counts as absent. */
function presentTab(tabs: RawTabs, title: string | null): string | null {
  if (title === null) return null;
  const grid: RawGrid = tabs[title] ?? [];
  return grid.some((row) => row.some((cell) => !isEmptyCell(cell))) ? title : null;
}
