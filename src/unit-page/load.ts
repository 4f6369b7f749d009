import { defaultStage } from "../../scoring/stage-period.ts";
import type { Stage } from "../../scoring/types.ts";
import { yearInVietnam } from "../../sheets-schema/vietnam-time.ts";
import { scorerFor, storedResult } from "../scorer/scorer-for.ts";
import { chooseYear, type DashboardQuery } from "../dashboard/view-model.ts";
import { stageYear, type StageYear, type StoredRun, type UnitView, unitView } from "./view-model.ts";

/** Everything one unit's page shows. */
export interface UnitPageData {
  /** The id as asked in the query, carried on by links; null for the configured one. */
  askedSpreadsheetId: string | null;
  year: number;
  /** The stored result of the year (for its spreadsheet, run time and criteria in force). */
  run: StoredRun;
  view: UnitView;
  /** The stage (giai đoạn) holding `year` under the run's `Cấu hình`. */
  stage: Stage;
  /** Every year of that stage, first to last. */
  history: StageYear[];
}

/** What the address leads to: the page, or why there is none (each a page of its own). */
export type UnitPageLoad =
  | { kind: "found"; data: UnitPageData }
  | { kind: "noSpreadsheet" }
  | { kind: "noResult"; year: number; askedSpreadsheetId: string | null }
  | { kind: "unknownUnit"; year: number; code: string; askedSpreadsheetId: string | null };

/**
 * Reads the stored result of the year and, for the history, the stored results of the other years of its stage
 * (no Sheets call). A province result is 21 MB of JSON: of each other year the Durable Object answers only the
 * unit's line (`unitYear`), from the figures it keeps beside that year's result.
 */
export async function loadUnitPage(
  env: Env,
  query: DashboardQuery,
  code: string,
  nowMs: number,
): Promise<UnitPageLoad> {
  const askedSpreadsheetId = query.spreadsheetIdAsked ? query.spreadsheetId : null;
  if (query.spreadsheetId === null) return { kind: "noSpreadsheet" };
  const scorer = scorerFor(env, query.spreadsheetId);
  const storedYears = await scorer.storedYears();
  const year = chooseYear(query.year, storedYears, yearInVietnam(nowMs));
  const run = storedYears.includes(year) ? await storedResult<StoredRun>(scorer, year) : null;
  if (run === null) return { kind: "noResult", year, askedSpreadsheetId };
  const view = unitView(run, code);
  if (view === null) return { kind: "unknownUnit", year, code, askedSpreadsheetId };

  // A result stored before runs kept their stage is shown with the five-year stage, as `Giai đoạn` defaults to.
  const stage = run.stagePeriod ?? defaultStage(year);
  const history: StageYear[] = [];
  for (let y = stage.first; y <= stage.last; y++) {
    if (y === year) history.push(stageYear(y, run, code));
    else if (!storedYears.includes(y)) history.push(stageYear(y, null, code));
    else history.push(await scorer.unitYear(y, code)); // the Durable Object answers the unit's line only
  }
  return { kind: "found", data: { askedSpreadsheetId, year, run, view, stage, history } };
}
