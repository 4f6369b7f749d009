import type { sheets_v4 } from "@googleapis/sheets";
import { withRetry, type RetryPolicy } from "./retry.ts";
import { STAGING_PREFIX } from "./write-plan.ts";

/**
 * Sends the planned batchUpdate calls in order. Only the last call changes what people see; if an earlier one
 * (filling hidden staging tabs) fails, the staging tabs are removed on a best-effort basis and the error is rethrown,
 * so the visible spreadsheet is exactly as before. Returns the number of requests sent.
 */
export async function executeWrite(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  plan: sheets_v4.Schema$Request[][],
  policy: RetryPolicy,
): Promise<number> {
  let sent = 0;
  try {
    for (const requests of plan) {
      await withRetry(() => api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }), policy);
      sent++;
    }
    return sent;
  } catch (error) {
    if (plan.length > 1 && sent > 0 && sent < plan.length) await removeStaging(api, spreadsheetId, plan[0] ?? []);
    throw error;
  }
}

async function removeStaging(api: sheets_v4.Sheets, spreadsheetId: string, created: sheets_v4.Schema$Request[]) {
  const requests = created
    .filter((r) => r.addSheet?.properties?.title?.startsWith(STAGING_PREFIX))
    .map((r) => ({ deleteSheet: { sheetId: r.addSheet?.properties?.sheetId ?? -1 } }));
  // Best effort: Google may still be down; the next run deletes leftovers before it writes.
  await api.spreadsheets.batchUpdate({ spreadsheetId, requestBody: { requests } }).catch(() => undefined);
}
