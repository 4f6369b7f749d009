/** Which review a run or a report is about (SPEC §3.8, §6): the annual one unless asked otherwise. */
export type ReviewKind = "nam" | "6-thang" | "giai-doan";

/**
 * The address of the Word report of a review (`GET /api/report?year&review[&spreadsheetId]`, SPEC §6); the
 * dashboard links to it.
 */
export function reportHref(year: number, review: ReviewKind, askedSpreadsheetId: string | null): string {
  const params = new URLSearchParams({ year: String(year), review });
  if (askedSpreadsheetId) params.set("spreadsheetId", askedSpreadsheetId);
  return `/api/report?${params}`;
}
