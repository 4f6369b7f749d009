import type { sheets_v4 } from "@googleapis/sheets";
import { quoteTab } from "../../sheets-schema/a1.ts";
import type { RawTabs } from "../../sheets-schema/types.ts";
import { withRetry, type RetryPolicy } from "./retry.ts";

/** What the writer needs to know about a tab that already exists. */
export interface SheetMeta {
  sheetId: number;
  title: string;
  hidden: boolean;
  /** The run id in the tab's staging mark (developer metadata): a hidden tab a run is filling; null for other tabs. */
  stagingRun: string | null;
}

/** What the writer needs to know about the spreadsheet: its tabs, and the run id of the last run written (its mark). */
export interface WriteState {
  sheets: SheetMeta[];
  /** Null when no run was ever written with a mark. */
  lastRun: string | null;
}

/** The write state with the spreadsheet's own title, which the same `spreadsheets.get` returns. */
export interface SpreadsheetMeta extends WriteState {
  /** The spreadsheet's title (`properties.title`), shown on the dashboard instead of its id. */
  title: string;
}

export interface SpreadsheetSnapshot extends SpreadsheetMeta {
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

/** Developer metadata keys of the service's marks (see write-marks.ts). */
export const STAGING_KEY = "dvk-score.staging";
export const LAST_RUN_KEY = "dvk-score.lastRun";

const WRITE_STATE_FIELDS =
  "properties(title),developerMetadata(metadataKey,metadataValue),sheets(properties(sheetId,title,hidden),developerMetadata(metadataKey,metadataValue))";

/**
 * The tab list and the service's marks in one `spreadsheets.get`: what a run must know before it writes, and what it
 * reads again after a lost reply to find out whether its last write was applied. The spreadsheet's title comes with
 * them at no extra request.
 */
export async function readWriteState(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  policy: RetryPolicy,
  options: ReadOptions = {},
): Promise<SpreadsheetMeta> {
  const meta = await withRetry(
    paced(() => api.spreadsheets.get({ spreadsheetId, fields: WRITE_STATE_FIELDS, prettyPrint: false }), options),
    policy,
  );
  return writeStateOf(meta.data);
}

function writeStateOf(data: sheets_v4.Schema$Spreadsheet): SpreadsheetMeta {
  const markOf = (list: sheets_v4.Schema$DeveloperMetadata[] | undefined, key: string) =>
    list?.find((m) => m.metadataKey === key)?.metadataValue ?? null;
  const sheets: SheetMeta[] = (data.sheets ?? []).map((s) => ({
    sheetId: s.properties?.sheetId ?? 0,
    title: s.properties?.title ?? "",
    hidden: s.properties?.hidden ?? false,
    stagingRun: markOf(s.developerMetadata, STAGING_KEY),
  }));
  return { sheets, lastRun: markOf(data.developerMetadata, LAST_RUN_KEY), title: data.properties?.title ?? "" };
}

/**
 * Reads the input tabs of one spreadsheet: one `spreadsheets.get` for the tab list and the service's marks (which
 * the writer needs), then every input tab in a single `values.batchGet`, unformatted, dates as serial numbers.
 * `selectInputTabs` picks, from all titles, the ones to read (offices may type tab names loosely).
 */
export async function readSpreadsheet(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  selectInputTabs: (titles: string[]) => string[],
  policy: RetryPolicy,
  options: ReadOptions = {},
): Promise<SpreadsheetSnapshot> {
  const { sheets, lastRun, title } = await readWriteState(api, spreadsheetId, policy, options);
  const wanted = selectInputTabs(sheets.map((s) => s.title));
  const tabs = wanted.length === 0 ? {} : await readTabs(api, spreadsheetId, wanted, policy, options);
  return { sheets, lastRun, title, tabs };
}

/** The tabs of a spreadsheet (titles, ids, hidden, marks), without any cell: one `spreadsheets.get`. */
export async function listSheets(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  policy: RetryPolicy,
  options: ReadOptions = {},
): Promise<SheetMeta[]> {
  return (await readWriteState(api, spreadsheetId, policy, options)).sheets;
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
          // Google indents its JSON unless told not to: a province's values are a third smaller without it.
          prettyPrint: false,
        }),
      options,
    ),
    policy,
  );
  // batchGet answers in the order of the ranges asked for.
  const tabs: RawTabs = {};
  (values.data.valueRanges ?? []).forEach((range, i) => {
    const title = titles[i];
    if (title !== undefined) tabs[title] = (range.values ?? []) as RawTabs[string];
  });
  return tabs;
}
