/**
 * The address of a cell in Google Sheets, so a data error on a page opens the cell to fix. With the tab's sheet id
 * (`gid`) the link selects the cell in its tab; without it, Sheets is given the A1 range with the tab's name.
 *
 * @example cellHref("abc", "'Đăng ký'!H12") // → "https://docs.google.com/spreadsheets/d/abc/edit#range='Đăng ký'!H12" (percent-encoded)
 * @example cellHref("abc", "'Đăng ký'!H12", 42) // → "https://docs.google.com/spreadsheets/d/abc/edit#gid=42&range=H12"
 */
export function cellHref(spreadsheetId: string, cell: string, sheetId?: number): string {
  const base = `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit`;
  if (sheetId === undefined) return `${base}#range=${encodeURIComponent(cell)}`;
  const bang = cell.lastIndexOf("!");
  return `${base}#gid=${sheetId}&range=${encodeURIComponent(cell.slice(bang + 1))}`;
}
