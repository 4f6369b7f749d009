import type { sheets_v4 } from "@googleapis/sheets";
import { quoteTab } from "../../sheets-schema/a1.ts";
import { isGeneratedTabTitle, lookAlikeTabs } from "../../sheets-schema/output/tab-names.ts";
import { ContractError, type OutputCell, type OutputTab } from "../../sheets-schema/types.ts";
import { cellValue, gridSize, tabRows } from "./cell-data.ts";
import type { SheetMeta, WriteState } from "./gateway.ts";
import { markRun, markStaging, unmarkStaging, type WriteStep } from "./write-marks.ts";

type Request = sheets_v4.Schema$Request;

/** Google's recommended ceiling for one request body. */
export const MAX_REQUEST_BYTES = 2 * 1024 * 1024;

/** Title prefix of the hidden tabs a large run fills before swapping them in (a tab is one only if it also carries the staging mark). */
export const STAGING_PREFIX = "~dvk-staging~";

export interface LogAppend {
  title: string;
  headers: readonly OutputCell[];
  row: OutputCell[];
}

/**
 * The batchUpdate calls that write one run. The last step (`publish`) is the one that makes the run visible, and it
 * is atomic: either every generated tab, the log row and the run mark appear, or nothing changes. When everything
 * fits in one request of at most `maxBytes`, that is the only step; otherwise hidden staging tabs are created as
 * copies of the tabs they replace (so their protection, validation and conditional formats carry over), filled,
 * and swapped in. Throws a ContractError when a tab someone named by hand looks like a generated title.
 */
export function planWrite(
  state: WriteState,
  tabs: readonly OutputTab[],
  log: LogAppend,
  runId: string,
  maxBytes = MAX_REQUEST_BYTES,
): WriteStep[] {
  const titles = [...tabs.map((t) => t.title), log.title];
  // The last line of defence for "never the input tabs": refuse to plan a write to any other title.
  for (const title of titles) {
    if (!isGeneratedTabTitle(title)) throw new Error(`Refusing to write "${title}": not a generated tab`);
  }
  refuseLookAlikes(state.sheets, titles);
  const ids = new SheetIds(state.sheets);
  const byTitle = new Map(state.sheets.map((s) => [s.title, s]));
  // A crashed run's staging tabs: known by their mark, never by the title alone.
  const leftovers = state.sheets
    .filter((s) => s.stagingRun !== null && s.title.startsWith(STAGING_PREFIX))
    .map(deleteSheet);

  // Each tab's rows are built and measured once, and shared by whichever plan is chosen.
  const cells = tabs.map(measuredRows);
  const direct: Request[] = [...leftovers];
  // Summed request by request: one JSON string of the whole plan would itself be tens of MB at province size.
  let directBytes = 2;
  for (const request of leftovers) directBytes += byteLength(request) + 1;
  tabs.forEach((tab, i) => {
    const [head, fill, formats] = replaceTab(tab, byTitle.get(tab.title), ids, cells[i] as MeasuredRows);
    direct.push(head, fill.request, ...formats);
    directBytes += byteLength(head) + 1 + fill.bytes + 1;
    for (const request of formats) directBytes += byteLength(request) + 1;
  });
  for (const request of [...appendLog(log, byTitle.get(log.title), ids), markRun(state, runId)]) {
    direct.push(request);
    directBytes += byteLength(request) + 1;
  }
  if (directBytes <= maxBytes) return [{ kind: "publish", requests: direct }];
  return planStaged(state, tabs, cells, log, runId, maxBytes, ids, byTitle, leftovers);
}

/** A tab's rows as RowData, with the UTF-8 size of each row's JSON. */
interface MeasuredRows {
  rows: sheets_v4.Schema$RowData[];
  bytes: number[];
}

function measuredRows(tab: OutputTab): MeasuredRows {
  const rows = tabRows(tab);
  return { rows, bytes: rows.map(byteLength) };
}

/** A request carrying rows `from`–`to` of a tab, and its exact UTF-8 size, counted without serialising the rows again. */
function withRows(
  cells: MeasuredRows,
  from: number,
  to: number,
  build: (rows: sheets_v4.Schema$RowData[]) => Request,
): { request: Request; bytes: number } {
  // JSON.stringify writes `"rows":[r1,r2,…]`: the request with no row, plus each row, plus the commas between them.
  let bytes = byteLength(build([]));
  for (let r = from; r < to; r++) bytes += (cells.bytes[r] ?? 0) + (r > from ? 1 : 0);
  return { request: build(cells.rows.slice(from, to)), bytes };
}

function refuseLookAlikes(sheets: readonly SheetMeta[], titles: readonly string[]): void {
  const [clash] = lookAlikeTabs(
    sheets.map((s) => s.title),
    titles,
  );
  if (!clash) return;
  throw new ContractError(
    `Trang tính "${clash.title}" trùng tên với trang kết quả "${clash.generated}" mà hệ thống ghi ` +
      "(Google Sheets không phân biệt chữ hoa, chữ thường; hoặc tên được gõ dấu theo cách khác). " +
      `Hãy đổi tên trang "${clash.title}" (hoặc xoá nếu không cần) rồi chấm lại. Không có gì được ghi.`,
    quoteTab(clash.title),
  );
}

function replaceTab(
  tab: OutputTab,
  current: SheetMeta | undefined,
  ids: SheetIds,
  cells: MeasuredRows,
): [Request, { request: Request; bytes: number }, Request[]] {
  const { rowCount, columnCount } = gridSize(tab);
  const gridProperties = { rowCount, columnCount, frozenRowCount: 1 };
  const sheetId = current?.sheetId ?? ids.next();
  const head: Request = current
    ? {
        updateSheetProperties: {
          properties: { sheetId, hidden: false, gridProperties },
          fields: "hidden,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount",
        },
      }
    : { addSheet: { properties: { sheetId, title: tab.title, gridProperties } } };
  // With a range, updateCells clears every cell of the range the rows do not cover: the old run leaves no trace.
  const range = { sheetId, startRowIndex: 0, endRowIndex: rowCount, startColumnIndex: 0, endColumnIndex: columnCount };
  const fill = withRows(cells, 0, tab.rows.length, (rows) => ({
    updateCells: { range, rows, fields: "userEnteredValue,userEnteredFormat" },
  }));
  return [head, fill, columnFormats(tab, sheetId, rowCount)];
}

/**
 * The tab's number formats, one repeatCell per column below the header. Only the number format is touched, so the
 * highlight of a flagged cell in that column stays.
 */
function columnFormats(tab: OutputTab, sheetId: number, rowCount: number): Request[] {
  return (tab.numberFormats ?? []).map(({ column, pattern }) => ({
    repeatCell: {
      range: { sheetId, startRowIndex: 1, endRowIndex: rowCount, startColumnIndex: column, endColumnIndex: column + 1 },
      cell: { userEnteredFormat: { numberFormat: { type: "NUMBER", pattern } } },
      fields: "userEnteredFormat.numberFormat",
    },
  }));
}

function appendLog(log: LogAppend, current: SheetMeta | undefined, ids: SheetIds): Request[] {
  const row = { values: log.row.map((v) => ({ userEnteredValue: cellValue(v) })) };
  if (current) return [{ appendCells: { sheetId: current.sheetId, rows: [row], fields: "userEnteredValue" } }];
  const sheetId = ids.next();
  const header = {
    values: log.headers.map((v) => ({
      userEnteredValue: cellValue(v),
      userEnteredFormat: { textFormat: { bold: true } },
    })),
  };
  return [
    {
      addSheet: {
        properties: {
          sheetId,
          title: log.title,
          gridProperties: { rowCount: 1000, columnCount: log.headers.length, frozenRowCount: 1 },
        },
      },
    },
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: [header, row],
        fields: "userEnteredValue,userEnteredFormat",
      },
    },
  ];
}

function planStaged(
  state: WriteState,
  tabs: readonly OutputTab[],
  cells: readonly MeasuredRows[],
  log: LogAppend,
  runId: string,
  maxBytes: number,
  ids: SheetIds,
  byTitle: Map<string, SheetMeta>,
  leftovers: Request[],
): WriteStep[] {
  const create: Request[] = [...leftovers];
  const fills: { request: Request; bytes: number }[] = [];
  const swap: Request[] = [];
  tabs.forEach((tab, i) => {
    const { rowCount, columnCount } = gridSize(tab);
    const gridProperties = { rowCount, columnCount, frozenRowCount: 1 };
    const sheetId = ids.next();
    const title = `${STAGING_PREFIX}${runId}~${i}`;
    const old = byTitle.get(tab.title);
    if (old) {
      // A copy of the tab it replaces keeps what people or the setup put on it (protection, validation, conditional
      // formats, column widths); its cells are cleared before the new rows go in, as the single-request path does.
      create.push(
        { duplicateSheet: { sourceSheetId: old.sheetId, newSheetId: sheetId, newSheetName: title } },
        {
          updateSheetProperties: {
            properties: { sheetId, hidden: true, gridProperties },
            fields: "hidden,gridProperties.rowCount,gridProperties.columnCount,gridProperties.frozenRowCount",
          },
        },
        {
          updateCells: {
            range: {
              sheetId,
              startRowIndex: 0,
              endRowIndex: rowCount,
              startColumnIndex: 0,
              endColumnIndex: columnCount,
            },
            fields: "userEnteredValue,userEnteredFormat",
          },
        },
      );
    } else {
      create.push({ addSheet: { properties: { sheetId, title, hidden: true, gridProperties } } });
    }
    create.push(markStaging(sheetId, runId));
    const measured = cells[i] as MeasuredRows;
    for (const [from, to] of rowChunks(measured, maxBytes)) {
      fills.push(
        withRows(measured, from, to, (rows) => ({
          updateCells: {
            start: { sheetId, rowIndex: from, columnIndex: 0 },
            rows,
            fields: "userEnteredValue,userEnteredFormat",
          },
        })),
      );
    }
    for (const request of columnFormats(tab, sheetId, rowCount)) fills.push({ request, bytes: byteLength(request) });
    if (old) swap.push(deleteSheet(old));
    swap.push({
      updateSheetProperties: { properties: { sheetId, title: tab.title, hidden: false }, fields: "title,hidden" },
    });
  });
  if (tabs.length > 0) swap.push(unmarkStaging(runId));
  swap.push(...appendLog(log, byTitle.get(log.title), ids), markRun(state, runId));
  return [
    { kind: "stage", requests: create },
    ...packCalls(fills, maxBytes).map((requests): WriteStep => ({ kind: "fill", requests })),
    { kind: "publish", requests: swap },
  ];
}

/** Splits a tab's rows into runs whose RowData stays under the byte budget (measured on a sample, with margin). */
function rowChunks(cells: MeasuredRows, maxBytes: number): [number, number][] {
  const count = cells.rows.length;
  const sample = Math.min(count, 200);
  // The JSON of the sample's rows as one array: "[", the rows, the commas between them, "]".
  let sampleBytes = 2 + Math.max(0, sample - 1);
  for (let r = 0; r < sample; r++) sampleBytes += cells.bytes[r] ?? 0;
  const perRow = Math.max(1, sampleBytes / Math.max(1, sample));
  const rowsPerChunk = Math.max(1, Math.floor((maxBytes * 0.8) / perRow));
  const chunks: [number, number][] = [];
  for (let from = 0; from < count; from += rowsPerChunk) chunks.push([from, Math.min(count, from + rowsPerChunk)]);
  return chunks;
}

/** Puts consecutive fill requests together into as few calls as the byte budget allows. */
function packCalls(requests: readonly { request: Request; bytes: number }[], maxBytes: number): Request[][] {
  const calls: Request[][] = [];
  let current: Request[] = [];
  let size = 0;
  for (const { request, bytes } of requests) {
    if (current.length > 0 && size + bytes > maxBytes * 0.9) {
      calls.push(current);
      current = [];
      size = 0;
    }
    current.push(request);
    size += bytes;
  }
  if (current.length > 0) calls.push(current);
  return calls;
}

function deleteSheet(s: SheetMeta): Request {
  return { deleteSheet: { sheetId: s.sheetId } };
}

/** UTF-8 size of a value's JSON, counted without encoding it into a buffer. */
function byteLength(value: unknown): number {
  const text = JSON.stringify(value);
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff)
      bytes += 1; // each half of a surrogate pair: 4 bytes for the two
    else if (code >= 0x800)
      bytes += 2; // 3 bytes
    else if (code >= 0x80) bytes += 1; // 2 bytes (Vietnamese letters with one mark, e.g. "ă", "đ")
  }
  return bytes;
}

/** Hands out sheet ids no existing tab uses, so one batchUpdate can add a tab and write into it. */
export class SheetIds {
  private readonly used: Set<number>;
  private candidate = 1_000_000;
  constructor(existing: readonly { sheetId: number }[]) {
    this.used = new Set(existing.map((s) => s.sheetId));
  }
  next(): number {
    while (this.used.has(this.candidate)) this.candidate++;
    this.used.add(this.candidate);
    return this.candidate;
  }
}
