import type { ReviewKind } from "../../scoring/review-kind.ts";

/**
 * The address of the Word report of a review (`GET /api/report?year&review[&spreadsheetId]`, SPEC §6); the
 * dashboard links to it.
 */
export function reportHref(year: number, review: ReviewKind, askedSpreadsheetId: string | null): string {
  const params = new URLSearchParams({ year: String(year), review });
  if (askedSpreadsheetId) params.set("spreadsheetId", askedSpreadsheetId);
  return `/api/report?${params}`;
}
