/**
 * The address of one unit's page (`GET /don-vi/{Mã đơn vị}?year=Y`, SPEC §6). Every unit name on the dashboard
 * links here; the spreadsheet id is kept only when the reader asked for a spreadsheet other than the configured one.
 */
export function unitPageHref(unitCode: string, year: number, askedSpreadsheetId: string | null): string {
  const params = new URLSearchParams({ year: String(year) });
  if (askedSpreadsheetId) params.set("spreadsheetId", askedSpreadsheetId);
  return `/don-vi/${encodeURIComponent(unitCode)}?${params}`;
}
