import type { sheets_v4 } from "@googleapis/sheets";
import { describeFailure, withRetry, type RetryPolicy } from "../sheets/retry.ts";
import { planSetup, type SetupReport } from "./plan-setup.ts";
import { readSetupState } from "./read-setup.ts";

/** What `POST /api/setup` answers. */
export interface SetupResult extends SetupReport {
  spreadsheetId: string;
}

/**
 * Prepares one spreadsheet for the offices: reads (three calls), plans, and writes everything in one atomic
 * batchUpdate, or nothing at all when the spreadsheet is already ready.
 */
export async function runSetup(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  policy: RetryPolicy,
): Promise<SetupResult> {
  const state = await readSetupState(api, spreadsheetId, policy);
  const { requests, report } = planSetup(state);
  if (requests.length > 0) await sendSetup(api, spreadsheetId, requests, policy);
  return { spreadsheetId, ...report };
}

/**
 * Sends the setup's batchUpdate, safe to repeat after a lost reply: after a failure that may have reached Google
 * (no answer, or a 5xx), the spreadsheet is read and planned again before a retry. The batch is atomic, so the new
 * plan is either empty (the lost request was applied: done) or the same changes (it was not: send them again).
 */
async function sendSetup(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  first: sheets_v4.Schema$Request[],
  policy: RetryPolicy,
): Promise<void> {
  let requests = first;
  let ambiguous = false;
  const send = async () => {
    try {
      await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } });
      ambiguous = false;
    } catch (error) {
      const { status } = describeFailure(error);
      ambiguous = status === null || status >= 500;
      throw error;
    }
  };
  const replan = async (p: RetryPolicy) => planSetup(await readSetupState(api, spreadsheetId, p)).requests;
  try {
    await withRetry(async () => {
      if (ambiguous) requests = await replan(policy);
      if (requests.length > 0) await send();
    }, policy);
  } catch (error) {
    if (!ambiguous) throw error;
    // The last reply was lost too: if the spreadsheet is now ready, that attempt was applied.
    const left = await replan({ ...policy, maxAttempts: 2 }).catch(() => null);
    if (left === null || left.length > 0) throw error;
  }
}
