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

/** Sheets read options: `pace`, when given, is awaited before every attempt of a call (the run's ReadPacer). */
export interface ReadOptions {
  pace?: () => Promise<void>;
}

function paced<T>(call: () => Promise<T>, options: ReadOptions): () => Promise<T> {
  const pace = options.pace;
  return pace === undefined ? call : () => pace().then(call);
}

/**
 * Reads the input tabs of one spreadsheet: one `spreadsheets.get` for the tab list (titles and ids, which the
 * writer needs too), then every input tab in a single `values.batchGet`, unformatted, dates as serial numbers.
 * `selectInputTabs` picks, from all titles, the ones to read (offices may type tab names loosely).
 */
export async function readSpreadsheet(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  selectInputTabs: (titles: string[]) => string[],
  policy: RetryPolicy,
  options: ReadOptions = {},
): Promise<SpreadsheetSnapshot> {
  const sheets = await listSheets(api, spreadsheetId, policy, options);
  const wanted = selectInputTabs(sheets.map((s) => s.title));
  const tabs = wanted.length === 0 ? {} : await readTabs(api, spreadsheetId, wanted, policy, options);
  return { sheets, tabs };
}

/** The tabs of a spreadsheet (titles, ids, hidden), without any cell: one `spreadsheets.get`. */
export async function listSheets(api: sheets_v4.Sheets, spreadsheetId: string, policy: RetryPolicy, options: ReadOptions = {}): Promise<SheetMeta[]> {
  const meta = await withRetry(
    paced(() => api.spreadsheets.get({ spreadsheetId, fields: "sheets.properties(sheetId,title,hidden)" }), options),
    policy,
  );
  return (meta.data.sheets ?? []).map((s) => ({
    sheetId: s.properties?.sheetId ?? 0,
    title: s.properties?.title ?? "",
    hidden: s.properties?.hidden ?? false,
  }));
}

/** The values of the given tabs (titles as they are), in one `values.batchGet`: unformatted, dates as serials. */
export async function readTabs(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  titles: readonly string[],
  policy: RetryPolicy,
  options: ReadOptions = {},
): Promise<RawTabs> {
  const values = await withRetry(
    paced(
      () =>
        api.spreadsheets.values.batchGet({
          spreadsheetId,
          ranges: titles.map((title) => quoteTab(title)),
          valueRenderOption: "UNFORMATTED_VALUE",
          dateTimeRenderOption: "SERIAL_NUMBER",
          majorDimension: "ROWS",
        }),
      options,
    ),
    policy,
  );
  const tabs: RawTabs = {};
  // batchGet answers in the order of the ranges asked for.
  (values.data.valueRanges ?? []).forEach((range, i) => {
    const title = titles[i];
    if (title !== undefined) tabs[title] = (range.values ?? []) as RawTabs[string];
  });
  return tabs;
}
