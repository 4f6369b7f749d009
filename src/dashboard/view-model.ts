/**
 * The dashboard's decisions that are not markup: which spreadsheet and year to show, which failed runs to announce,
 * how units fall into ranking groups. Pure, so each rule has a test.
 */
import type { UnitResult } from "../../scoring/types.ts";
import { describeSpreadsheetRefProblem, parseSpreadsheetRef } from "../../sheets-schema/spreadsheet-id.ts";
import type { ScoreRun } from "../jobs/score-spreadsheet.ts";
import type { RunRecord } from "../scorer/result-store.ts";

export interface DashboardQuery {
  /** The spreadsheet shown; null when none was asked for and SPREADSHEET_ID is not configured. */
  spreadsheetId: string | null;
  /** True when the id came from the query (links and the re-score form then carry it on). */
  spreadsheetIdAsked: boolean;
  /** The year asked for; null: the latest year with a result. */
  year: number | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Reads `?year=` and `?spreadsheetId=` (an id or a Google Sheets address); a bad value is a message for the person,
 * never a silent default.
 *
 * @example readDashboardQuery({ year: "2024" }, "abc") // → { ok: true, value: { spreadsheetId: "abc", spreadsheetIdAsked: false, year: 2024 } }
 * @example readDashboardQuery({ year: "hai nghìn" }, "abc") // → { ok: false, message: "Năm “hai nghìn” không hợp lệ…" }
 */
export function readDashboardQuery(
  query: Record<string, string | undefined>,
  configuredId: string | null | undefined,
): Parsed<DashboardQuery> {
  const yearText = query.year?.trim() ?? "";
  let year: number | null = null;
  if (yearText !== "") {
    year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    if (!(year >= 2000 && year <= 2100)) {
      return { ok: false, message: `Năm “${yearText}” không hợp lệ: hãy chọn một năm từ 2000 đến 2100.` };
    }
  }
  const askedText = query.spreadsheetId?.trim() ?? "";
  let asked: string | null = null;
  if (askedText !== "") {
    const ref = parseSpreadsheetRef(askedText);
    if (!ref.ok) return { ok: false, message: `${describeSpreadsheetRefProblem(ref.problem, `“${askedText}”`)}.` };
    asked = ref.id;
  }
  const spreadsheetId = asked ?? (configuredId?.trim() || null);
  return { ok: true, value: { spreadsheetId, spreadsheetIdAsked: asked !== null, year } };
}

/**
 * The year to show: the one asked for, else the latest year with a stored result, else the current year.
 *
 * @example chooseYear(null, [2024, 2023], 2025) // → 2024
 * @example chooseYear(null, [], 2025) // → 2025
 */
export function chooseYear(asked: number | null, storedYears: readonly number[], currentYear: number): number {
  if (asked !== null) return asked;
  return storedYears.length > 0 ? Math.max(...storedYears) : currentYear;
}

/**
 * The years offered by the picker, latest first: those with a result, the current year and the one shown.
 *
 * @example yearOptions([2023, 2022], 2021, 2025) // → [2025, 2023, 2022, 2021]
 */
export function yearOptions(storedYears: readonly number[], shown: number, currentYear: number): number[] {
  return [...new Set([...storedYears, shown, currentYear])].sort((a, b) => b - a);
}

/**
 * The failed runs the page must announce: the most recent run of all if it failed (whatever its year), and the most
 * recent run of the year shown if that one failed too. A later success of the same year clears the banner.
 */
export function failedRunsToShow(recentRuns: readonly RunRecord[], year: number): RunRecord[] {
  const latest = recentRuns[0];
  const latestOfYear = recentRuns.find((r) => r.year === year);
  return [...new Set([latest, latestOfYear])].filter((r): r is RunRecord => r !== undefined && !r.ok);
}

export interface RankingGroup {
  group: string;
  units: UnitResult[];
}

/**
 * Units split by ranking group (cụm thi đua), keeping the order of `Xếp hạng {Y}` (groups, then rank, then name).
 *
 * @example groupUnits([a1, a2, b1]) // → [{ group: "Cụm 1", units: [a1, a2] }, { group: "Cụm 2", units: [b1] }]
 */
export function groupUnits(units: readonly UnitResult[]): RankingGroup[] {
  const groups: RankingGroup[] = [];
  for (const unit of units) {
    const last = groups[groups.length - 1];
    if (last && last.group === unit.group) last.units.push(unit);
    else groups.push({ group: unit.group, units: [unit] });
  }
  return groups;
}

export interface Summary {
  units: number;
  quotaMet: number;
  proposed: number; // Dân vận khéo, tiêu biểu included
  exemplary: number;
  tiesAtCap: number;
  targetsMet: number;
  targets: number; // district-wide targets (the per-xã ones are in their own chart)
  dataErrors: number;
}

/** The figures at the top of the page. */
export function summarise(run: ScoreRun): Summary {
  const district = run.targets.filter((t) => t.communeCode === null);
  return {
    units: run.units.length,
    quotaMet: run.units.filter((u) => u.quotaMet).length,
    proposed: run.units.filter((u) => u.title === "title" || u.title === "exemplary").length,
    exemplary: run.units.filter((u) => u.title === "exemplary").length,
    tiesAtCap: run.units.filter((u) => u.title === "tieAtCap").length,
    targetsMet: district.filter((t) => t.met).length,
    targets: district.length,
    dataErrors: run.dataErrors.length,
  };
}

/**
 * The dashboard's own address for a year, carrying the spreadsheet only when it was asked for.
 *
 * @example dashboardHref(2024, "abc") // → "/?year=2024&spreadsheetId=abc"
 */
export function dashboardHref(year: number, askedSpreadsheetId: string | null): string {
  const params = new URLSearchParams({ year: String(year) });
  if (askedSpreadsheetId) params.set("spreadsheetId", askedSpreadsheetId);
  return `/?${params}`;
}
