import { yearInVietnam } from "../../sheets-schema/vietnam-time.ts";
import type { ScoreRun, SixMonthRun, StageRun } from "../jobs/score-spreadsheet.ts";
import type { RunRecord } from "../scorer/result-store.ts";
import { scorerFor, storedResult } from "../scorer/scorer-for.ts";
import { chooseYear, type DashboardQuery } from "./view-model.ts";

/** Everything one dashboard page shows. */
export interface DashboardData {
  spreadsheetId: string | null;
  /** The id as asked in the query, carried on by links and the re-score form; null for the configured one. */
  askedSpreadsheetId: string | null;
  year: number;
  currentYear: number;
  storedYears: number[];
  recentRuns: RunRecord[];
  /** The latest stored result of the year; null when it was never scored. */
  run: ScoreRun | null;
  /** The latest stored six-month review of the year (SPEC §3.8); null when none was run. */
  sixMonth: SixMonthRun | null;
  /** The latest stored stage review asked for this year (the stage holding it); null when none was run. */
  stage: StageRun | null;
}

/** Reads what the page needs from the spreadsheet's Durable Object (no Sheets call: only stored results). */
export async function loadDashboard(env: Env, query: DashboardQuery, nowMs: number): Promise<DashboardData> {
  const currentYear = yearInVietnam(nowMs);
  const askedSpreadsheetId = query.spreadsheetIdAsked ? query.spreadsheetId : null;
  if (query.spreadsheetId === null) {
    const year = query.year ?? currentYear;
    return {
      spreadsheetId: null,
      askedSpreadsheetId,
      year,
      currentYear,
      storedYears: [],
      recentRuns: [],
      run: null,
      sixMonth: null,
      stage: null,
    };
  }
  const scorer = scorerFor(env, query.spreadsheetId);
  const [storedYears, recentRuns] = await Promise.all([scorer.storedYears(), scorer.recentRuns(20)]);
  const year = chooseYear(query.year, storedYears, currentYear);
  const [run, sixMonth, stage] = await Promise.all([
    storedYears.includes(year) ? storedResult<ScoreRun>(scorer, year) : null,
    storedResult<SixMonthRun>(scorer, year, "6-thang"),
    storedResult<StageRun>(scorer, year, "giai-doan"),
  ]);
  return {
    spreadsheetId: query.spreadsheetId,
    askedSpreadsheetId,
    year,
    currentYear,
    storedYears,
    recentRuns,
    run,
    sixMonth,
    stage,
  };
}
