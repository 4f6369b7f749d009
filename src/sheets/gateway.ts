import type { sheets_v4 } from "@googleapis/sheets";
import { quoteTab } from "../../sheets-schema/a1.ts";
import type { RawTabs } from "../../sheets-schema/types.ts";
import { withRetry, type RetryPolicy } from "./retry.ts";

/** What the writer needs to know about a tab that already exists. */
export interface SheetMeta {
  sheetId: number;
  title: string;
  hidden: boolean;
}

export interface SpreadsheetSnapshot {
  sheets: SheetMeta[];
  tabs: RawTabs;
}

/**
 * Reads the input tabs of one spreadsheet: one `spreadsheets.get` for the tab list (titles and ids, which the
 * writer needs too), then every input tab in a single `values.batchGet`, unformatted, dates as serial numbers.
 * `selectInputTabs` picks, from all titles, the ones to read (offices may type tab names loosely).
 * `pace`, when given, is awaited before every attempt of either call (the run's ReadPacer).
 */
export async function readSpreadsheet(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  selectInputTabs: (titles: string[]) => string[],
  policy: RetryPolicy,
  options: { pace?: () => Promise<void> } = {},
): Promise<SpreadsheetSnapshot> {
  const pace = options.pace;
  const paced = <T>(call: () => Promise<T>) => (pace === undefined ? call : () => pace().then(call));
  const meta = await withRetry(
    paced(() => api.spreadsheets.get({ spreadsheetId, fields: "sheets.properties(sheetId,title,hidden)" })),
    policy,
  );
  const sheets: SheetMeta[] = (meta.data.sheets ?? []).map((s) => ({
    sheetId: s.properties?.sheetId ?? 0,
    title: s.properties?.title ?? "",
    hidden: s.properties?.hidden ?? false,
  }));
  const wanted = selectInputTabs(sheets.map((s) => s.title));
  const tabs: RawTabs = {};
  if (wanted.length === 0) return { sheets, tabs };
  const values = await withRetry(
    paced(() =>
      api.spreadsheets.values.batchGet({
        spreadsheetId,
        ranges: wanted.map((title) => quoteTab(title)),
        valueRenderOption: "UNFORMATTED_VALUE",
        dateTimeRenderOption: "SERIAL_NUMBER",
        majorDimension: "ROWS",
      }),
    ),
    policy,
  );
  // batchGet answers in the order of the ranges asked for.
  (values.data.valueRanges ?? []).forEach((range, i) => {
    const title = wanted[i];
    if (title !== undefined) tabs[title] = (range.values ?? []) as RawTabs[string];
  });
  return { sheets, tabs };
}
