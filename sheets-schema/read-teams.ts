/**
 * Reads the `Tổ, khối dân vận` tab (SPEC §2.3) into teams of every year.
 *
 * A row is left out and listed when its `Mã đơn vị` is not a unit, or when its `Mã tổ` was already rated for the
 * same year higher up (a team counted twice would skew the share rated `Tốt`). Whether a tổ sits under a thôn and
 * a khối under a xã is not checked: the seeds do not say it must.
 */
import type { Team } from "../scoring/types.ts";
import { isBlankRow } from "./cell.ts";
import { locateColumns, usedColumns, type ColumnIndex } from "./headers.ts";
import { readYear } from "./numbers.ts";
import { RowProblems } from "./rows.ts";
import { SharedReading } from "./shared-reading.ts";
import { TEAM_COLUMNS } from "./tabs.ts";
import type { DataError, RawGrid } from "./types.ts";
import { unitCodeProblem, type UnitDirectory } from "./unit-directory.ts";
import { readRating, readTeamLevel } from "./vocabulary.ts";

export type TeamColumns = ColumnIndex<(typeof TEAM_COLUMNS)[number]["key"]>;

/** The columns of the `Tổ, khối dân vận` tab; throws ContractError for a missing or doubled header. */
export function teamColumns(tab: string, grid: RawGrid): TeamColumns {
  return locateColumns(tab, grid[0], TEAM_COLUMNS);
}

/**
 * Reads every team row; `units` says which `Mã đơn vị` exist. With `options.years`, only the teams of those years
 * are returned; the rows of other years are read and checked all the same.
 */
export function readTeams(
  tab: string,
  grid: RawGrid,
  units: UnitDirectory,
  options: {
    source?: string;
    columns?: TeamColumns;
    years?: readonly number[];
    /** What the spreadsheets of a merged run share (codes met in an earlier one); absent for one read alone. */
    shared?: SharedReading;
    /** The spreadsheet's index in the run (0: the main one). */
    index?: number;
  } = {},
): { teams: Team[]; errors: DataError[] } {
  const cols = options.columns ?? teamColumns(tab, grid);
  const source = options.source ?? "";
  const used = usedColumns(cols);
  const errors: DataError[] = [];
  const p = new RowProblems(tab, errors);
  const index = options.index ?? 0;
  const shared = options.shared ?? new SharedReading();
  const teams: Team[] = [];

  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (row === undefined || isBlankRow(row, used)) continue;
    p.start(r + 1);
    const year = p.required(row, cols.year, readYear, "Năm");
    // A row of a year not kept is checked all the same; its name, which cannot be wrong, is not read.
    const kept = options.years === undefined || (year !== null && options.years.includes(year));
    const teamId = p.requiredCode(row, cols.teamId, "Mã tổ");
    const name = kept ? p.optionalText(row, cols.name) : null;
    const level = p.required(row, cols.level, readTeamLevel, "Cấp");
    const unitCode = p.requiredCode(row, cols.unitCode, "Mã đơn vị");
    p.belongsTo(unitCode);
    const rating = p.optional(row, cols.rating, readRating);

    const first =
      year !== null && teamId !== null ? shared.teams.earlier(year, teamId, shared.at(index, p.row)) : undefined;
    if (first !== undefined) {
      p.report(
        cols.teamId,
        row[cols.teamId],
        `Mã tổ "${teamId}" của năm ${year} bị trùng với ${shared.rowName(first, index)}`,
      );
    }
    if (unitCode !== null) {
      const problem = unitCodeProblem(units, unitCode, shared, index);
      if (problem !== null) p.report(cols.unitCode, row[cols.unitCode], problem);
    }
    if (p.count > 0 || !kept) continue;
    teams.push({
      ref: { source, row: p.row },
      year: year!,
      teamId: teamId!,
      name: name ?? "",
      level: level!,
      unitCode: unitCode!,
      rating,
    });
  }
  return { teams, errors };
}
