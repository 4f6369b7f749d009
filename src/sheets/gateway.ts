import type { sheets_v4 } from "@googleapis/sheets";
import { quoteTab } from "../../sheets-schema/a1.ts";
import { hasData } from "../../sheets-schema/cell.ts";
import type { RawGrid, RawTabs } from "../../sheets-schema/types.ts";
import { withRetry, type RetryPolicy } from "./retry.ts";

/** What the writer needs to know about a tab that already exists. */
export interface SheetMeta {
  sheetId: number;
  title: string;
  hidden: boolean;
  /** The run id in the tab's staging mark (developer metadata): a hidden tab a run is filling; null for other tabs. */
  stagingRun: string | null;
  /** The tab's grid height (`gridProperties.rowCount`); absent when not read. Tells the reader how to split a large tab. */
  rowCount?: number;
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
  /** The `values.batchGet` calls the tabs took (0 when none was read; more than 1 when a large tab came in blocks). */
  valueReads: number;
  /** The blocks of the tab named by `later` beyond its first one, not read yet (null when none is left). */
  laterBlocks: LaterBlocks | null;
}

/**
 * The rows of a tall tab beyond its first block, left to be read one block at a time by whoever reads them into
 * records, so that a block can be let go before the next is asked for.
 */
export interface LaterBlocks {
  title: string;
  /** The 0-based index of the first row of each block still to read, in sheet order. */
  starts: readonly number[];
  /** The rows of the block at `start` (one `values.batchGet`; `[]` when the block is empty). */
  read(start: number): Promise<RawGrid>;
}

/** How `readSpreadsheet` reads: `later` names, from the titles read, the tab whose further blocks it leaves. */
export interface SpreadsheetReadOptions extends ReadOptions {
  later?: (titles: readonly string[]) => string | null;
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
  "properties(title),developerMetadata(metadataKey,metadataValue),sheets(properties(sheetId,title,hidden,gridProperties(rowCount)),developerMetadata(metadataKey,metadataValue))";

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
  const sheets: SheetMeta[] = (data.sheets ?? []).map((s) => {
    const rowCount = s.properties?.gridProperties?.rowCount;
    return {
      sheetId: s.properties?.sheetId ?? 0,
      title: s.properties?.title ?? "",
      hidden: s.properties?.hidden ?? false,
      stagingRun: markOf(s.developerMetadata, STAGING_KEY),
      ...(typeof rowCount === "number" ? { rowCount } : {}),
    };
  });
  return { sheets, lastRun: markOf(data.developerMetadata, LAST_RUN_KEY), title: data.properties?.title ?? "" };
}

/**
 * Reads the input tabs of one spreadsheet: one `spreadsheets.get` for the tab list, grid heights and the service's
 * marks (which the writer needs), then every input tab with `values.batchGet`, unformatted, dates as serial numbers:
 * one call, unless a tab is taller than BLOCK_ROWS (see `readTabBlocks`). `selectInputTabs` picks, from all titles,
 * the ones to read (offices may type tab names loosely).
 */
export async function readSpreadsheet(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  selectInputTabs: (titles: string[]) => string[],
  policy: RetryPolicy,
  options: SpreadsheetReadOptions = {},
): Promise<SpreadsheetSnapshot> {
  const { sheets, lastRun, title } = await readWriteState(api, spreadsheetId, policy, options);
  const wanted = selectInputTabs(sheets.map((s) => s.title));
  if (wanted.length === 0) return { sheets, lastRun, title, tabs: {}, valueReads: 0, laterBlocks: null };
  const rowCounts = new Map(sheets.map((s) => [s.title, s.rowCount]));
  const later = options.later?.(wanted) ?? null;
  const read = await readTabBlocks(api, spreadsheetId, wanted, policy, options, (t) => rowCounts.get(t), later);
  return { sheets, lastRun, title, tabs: read.tabs, valueReads: read.calls, laterBlocks: read.later };
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
  const ranges = await batchGetValues(
    api,
    spreadsheetId,
    titles.map((title) => quoteTab(title)),
    policy,
    options,
  );
  const tabs: RawTabs = {};
  titles.forEach((title, i) => {
    tabs[title] = ranges[i] ?? [];
  });
  return tabs;
}

/**
 * Rows of a tab read by one `values.batchGet` at most. The answer is held as text while it is parsed, and a
 * province's `Đăng ký` is most of its 13 MB of values (26 MB as a JavaScript string, its Vietnamese making it
 * two-byte): read whole, that text and the grid it becomes would not fit next to each other in a Worker's heap.
 */
export const BLOCK_ROWS = 20_000;

/**
 * The values of the given tabs, as `readTabs` reads them, but a tab taller than BLOCK_ROWS (by `rowCountOf`, the
 * grid heights of `spreadsheets.get`) is read in blocks of whole rows: its first block with the other tabs, then one
 * `values.batchGet` per further block, each answer parsed and dropped before the next is asked for. The blocks are
 * put back together as the single read would have answered: an empty row is `[]`, trailing empty rows are left out.
 * The further blocks of tab `later` are not read: they are left in `later`, for the caller to read one at a time.
 */
export async function readTabBlocks(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  titles: readonly string[],
  policy: RetryPolicy,
  options: ReadOptions,
  rowCountOf: (title: string) => number | undefined,
  later: string | null = null,
): Promise<{ tabs: RawTabs; calls: number; later: LaterBlocks | null }> {
  const rowsOf = (title: string) => rowCountOf(title) ?? 0;
  const block = (title: string, start: number) =>
    `${quoteTab(title)}!${start + 1}:${Math.min(start + BLOCK_ROWS, rowsOf(title))}`;
  /** The first row (0-based) of each block of `title` after its first. */
  const furtherStarts = (title: string) => {
    const starts: number[] = [];
    for (let start = BLOCK_ROWS; start < rowsOf(title); start += BLOCK_ROWS) starts.push(start);
    return starts;
  };
  /** The rows of the block of `title` at `start`: one `values.batchGet`. */
  const readBlock = async (title: string, start: number) =>
    (await batchGetValues(api, spreadsheetId, [block(title, start)], policy, options))[0] ?? [];
  const first = await batchGetValues(
    api,
    spreadsheetId,
    titles.map((title) => (rowsOf(title) > BLOCK_ROWS ? block(title, 0) : quoteTab(title))),
    policy,
    options,
  );
  let calls = 1;
  const tabs: RawTabs = {};
  let left: LaterBlocks | null = null;
  for (const [i, title] of titles.entries()) {
    const grid = first[i] ?? [];
    // A first block with nothing in it (no header either; blank text counts as nothing, as the readers count it) is
    // read on as before: whether the tab counts as there depends on its further rows then.
    if (title === later && rowsOf(title) > BLOCK_ROWS && hasData(grid)) {
      left = { title, starts: furtherStarts(title), read: (start) => readBlock(title, start) };
      tabs[title] = grid;
      continue;
    }
    for (const start of furtherStarts(title)) {
      const rows = await readBlock(title, start);
      calls++;
      if (rows.length === 0) continue;
      while (grid.length < start) grid.push([]);
      for (const row of rows) grid.push(row);
    }
    tabs[title] = grid;
  }
  return { tabs, calls, later: left };
}

/** The rows of each range (as `values.batchGet` answers them, in the order asked for; `[]` when a range is empty). */
async function batchGetValues(
  api: sheets_v4.Sheets,
  spreadsheetId: string,
  ranges: readonly string[],
  policy: RetryPolicy,
  options: ReadOptions,
): Promise<RawTabs[string][]> {
  const values = await withRetry(
    paced(
      () =>
        api.spreadsheets.values.batchGet({
          spreadsheetId,
          ranges: [...ranges],
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
  return (values.data.valueRanges ?? []).map((range) => (range.values ?? []) as RawTabs[string]);
}
