import type { sheets_v4 } from "@googleapis/sheets";
import { withRetry, type RetryPolicy } from "../sheets/retry.ts";
import { planSetup, type SetupReport } from "./plan-setup.ts";
import { readSetupState } from "./read-setup.ts";

/** What `POST /api/setup` answers. */
export interface SetupResult extends SetupReport {
  spreadsheetId: string;
}

/**
 * Prepares one spreadsheet for the offices: reads (two calls), plans, and writes everything in one atomic
 * batchUpdate, or nothing at all when the spreadsheet is already ready.
 */
export async function runSetup(api: sheets_v4.Sheets, spreadsheetId: string, policy: RetryPolicy): Promise<SetupResult> {
  const state = await readSetupState(api, spreadsheetId, policy);
  const { requests, report } = planSetup(state);
  if (requests.length > 0) {
    await withRetry(() => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }), policy);
  }
  return { spreadsheetId, ...report };
}
