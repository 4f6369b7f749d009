import type { sheets_v4 } from "@googleapis/sheets";
import type { ScoringResult } from "../../scoring/types.ts";
import { scoreWorkbook } from "../../sheets-schema/pipeline.ts";
import { LOG_HEADERS, LOG_TAB, logRow } from "../../sheets-schema/output/run-log.ts";
import { selectInputTabs } from "../../sheets-schema/tabs.ts";
import type { DataError } from "../../sheets-schema/types.ts";
import { readSpreadsheet } from "../sheets/gateway.ts";
import type { RetryPolicy } from "../sheets/retry.ts";
import { executeWrite } from "../sheets/write-output.ts";
import { planWrite } from "../sheets/write-plan.ts";

export interface ScoreRequest {
  spreadsheetId: string;
  year: number;
  dryRun: boolean;
  /** Who asked, for the run log: "API", "Cron (tự động)", "Bảng điều khiển". */
  caller: string;
}

/** Everything one run produced; this is what `POST /api/score` returns and `GET /api/results` serves again. */
export interface ScoreRun extends ScoringResult {
  runId: string;
  spreadsheetId: string;
  dryRun: boolean;
  startedAt: string;
  durationMs: number;
  caller: string;
  dataErrors: DataError[];
  /** Titles of the generated tabs written (empty for a dry run). */
  tabsWritten: string[];
  /** Sheets API calls made by this run, the token request excluded. */
  sheetsRequests: number;
}

export interface RunContext {
  api: sheets_v4.Sheets;
  policy: RetryPolicy;
  runId: string;
  now: () => number;
}

/**
 * One scoring run: read every input tab, score, then (unless dry) write every generated tab and the log row in one
 * atomic step. A contract error (missing column, bad setting) is thrown before anything is written.
 */
export async function scoreSpreadsheet(ctx: RunContext, req: ScoreRequest): Promise<ScoreRun> {
  const started = ctx.now();
  const snapshot = await readSpreadsheet(ctx.api, req.spreadsheetId, selectInputTabs, ctx.policy);
  let sheetsRequests = Object.keys(snapshot.tabs).length > 0 ? 2 : 1;
  const { result, errors, tabs } = scoreWorkbook(snapshot.tabs, req.year);
  const startedAt = new Date(started).toISOString();
  let tabsWritten: string[] = [];
  if (!req.dryRun) {
    const row = logRow({
      runId: ctx.runId,
      startedAt,
      year: req.year,
      units: result.units.length,
      registrations: result.registrations.length,
      dataErrors: errors.length,
      durationMs: ctx.now() - started,
      caller: req.caller,
      outcome: "Thành công",
    });
    const plan = planWrite(snapshot.sheets, tabs, { title: LOG_TAB, headers: LOG_HEADERS, row }, ctx.runId);
    sheetsRequests += await executeWrite(ctx.api, req.spreadsheetId, plan, ctx.policy);
    tabsWritten = tabs.map((t) => t.title);
  }
  return {
    ...result,
    runId: ctx.runId,
    spreadsheetId: req.spreadsheetId,
    dryRun: req.dryRun,
    startedAt,
    durationMs: ctx.now() - started,
    caller: req.caller,
    dataErrors: errors,
    tabsWritten,
    sheetsRequests,
  };
}
