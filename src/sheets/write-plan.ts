import type { sheets_v4 } from "@googleapis/sheets";
import { quoteTab } from "../../sheets-schema/a1.ts";
import { isGeneratedTabTitle, lookAlikeTabs } from "../../sheets-schema/output/tab-names.ts";
import { ContractError, type OutputCell, type OutputTab } from "../../sheets-schema/types.ts";
import { cellValue, extraUtf8Bytes, gridSize, rowsText, tabRowsJson, type RowsJson } from "./cell-data.ts";
import type { SheetMeta, WriteState } from "./gateway.ts";
import { markRun, markStaging, unmarkStaging, type WriteStep } from "./write-marks.ts";

type Request = sheets_v4.Schema$Request;

/**
 * One request of a batchUpdate as the JSON text it is sent as, and its UTF-8 size. A request that fills cells keeps
 * its rows apart (`head`, the rows `from`–`to` separated by commas, `tail`), so each row's text is copied once, into
 * the body of its call.
 */
interface Planned {
  head: string;
  rows: { cells: RowsJson; from: number; to: number } | null;
  tail: string;
  bytes: number;
}

/**
 * A whole tab protected with a warning only: the service account keeps writing, and people are asked to confirm
 * before editing what the system rewrites.
 */
export function protectWithWarning(sheetId: number, description: string): Request {
  return { addProtectedRange: { protectedRange: { range: { sheetId }, description, warningOnly: true } } };
}

/**
 * The protection of a generated tab. A run puts it on every generated tab it creates; a tab it replaces keeps its
 * own; setup puts it on those it finds without one.
 */
export function protectGeneratedTab(sheetId: number): Request {
  return protectWithWarning(sheetId, "Trang do hệ thống chấm điểm tạo: mỗi lần chấm ghi đè toàn bộ, sửa tay sẽ mất.");
}

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

  // Each tab's rows are written as JSON text and measured once, and shared by whichever plan is chosen.
  const cells = tabs.map(tabRowsJson);
  const direct: Planned[] = leftovers.map(planned);
  tabs.forEach((tab, i) => {
    const [head, fill, formats] = replaceTab(tab, byTitle.get(tab.title), ids, cells[i] as RowsJson);
    direct.push(planned(head), fill, ...formats.map(planned));
  });
  for (const request of [...appendLog(log, byTitle.get(log.title), ids), markRun(state, runId)]) {
    direct.push(planned(request));
  }
  // Summed request by request, as `{"requests":[…]}` would hold them: "[", each request, the commas, "]".
  let directBytes = 2;
  for (const request of direct) directBytes += request.bytes + 1;
  if (directBytes <= maxBytes) return [call("publish", direct)];
  return planStaged(state, tabs, cells, log, runId, maxBytes, ids, byTitle, leftovers);
}

/** An object request as the text `JSON.stringify` writes for it. */
function planned(request: Request): Planned {
  const text = JSON.stringify(request);
  return { head: text, rows: null, tail: "", bytes: jsonBytes(text) };
}

/**
 * The updateCells request that writes rows `from`–`to` of a tab at `where` (its `range`, or its `start`), and its
 * exact UTF-8 size: the text `JSON.stringify` writes for `{ updateCells: { ...where, rows, fields } }`.
 */
function fillRequest(
  where: { range: sheets_v4.Schema$GridRange } | { start: sheets_v4.Schema$GridCoordinate },
  cells: RowsJson,
  from: number,
  to: number,
): Planned {
  const head = `{"updateCells":${JSON.stringify(where).slice(0, -1)},"rows":[`;
  const tail = `],"fields":"${FILL_FIELDS}"}}`;
  let bytes = jsonBytes(head) + tail.length;
  for (let r = from; r < to; r++) bytes += (cells.bytes[r] ?? 0) + (r > from ? 1 : 0);
  return { head, rows: { cells, from, to }, tail, bytes };
}

const FILL_FIELDS = "userEnteredValue,userEnteredFormat";

/** One batchUpdate call of the plan: its body as text, and as the bytes sent. */
function call(kind: "stage" | "fill" | "publish", requests: readonly Planned[]): WriteStep {
  return { kind, body: () => batchBody(requests), bytes: () => batchBytes(requests) };
}

/** Bytes of rows made into one text at a time (`bodyPieces`): that much is made, encoded and dropped young. */
const ROWS_PIECE_BYTES = 32_768;

/**
 * The body of one batchUpdate call, `{"requests":[…]}`, as `JSON.stringify` would write it, in pieces: the rows of
 * a fill a few at a time, each run of them one text (see `rowsText`). `batchBody` and `batchBytes` both write these.
 */
function* bodyPieces(requests: readonly Planned[]): Generator<string> {
  yield '{"requests":[';
  for (const [i, request] of requests.entries()) {
    if (i > 0) yield ",";
    yield request.head;
    if (request.rows !== null) {
      const { cells, from, to } = request.rows;
      let start = from;
      let pending = 0; // bytes of the rows from `start` not given yet
      for (let r = from; r < to; r++) {
        pending += (cells.bytes[r] ?? 0) + 1;
        if (pending >= ROWS_PIECE_BYTES || r === to - 1) {
          yield (start > from ? "," : "") + rowsText(cells, start, r + 1);
          start = r + 1;
          pending = 0;
        }
      }
    }
    yield request.tail;
  }
  yield "]}";
}

/** The body of one batchUpdate call as its JSON text (joined with `+`: a rope, copied once when first read). */
function batchBody(requests: readonly Planned[]): string {
  let body = "";
  for (const piece of bodyPieces(requests)) body += piece;
  return body;
}

/**
 * `batchBody` as the UTF-8 bytes sent, each piece encoded into one buffer of the size the planner measured: the rows
 * of a 2 MB call never become one text of millions of characters (a copy of twice their size, and a rope of a million
 * pieces for the garbage collector to move; a province run: 40 ms less CPU in workerd, measured with
 * `tools/bench/district-cpu.ts --province`). Should the measure ever be off, the text is encoded whole.
 */
function batchBytes(requests: readonly Planned[]): Uint8Array {
  let size = 15 + Math.max(0, requests.length - 1); // `{"requests":[`, the commas, `]}`
  for (const request of requests) size += request.bytes;
  const out = new Uint8Array(size);
  const encoder = new TextEncoder();
  let at = 0;
  for (const piece of bodyPieces(requests)) {
    const { read, written } = encoder.encodeInto(piece, out.subarray(at));
    at += written;
    if (read < piece.length) return encoder.encode(batchBody(requests)); // longer than measured
  }
  return at === size ? out : encoder.encode(batchBody(requests)); // shorter than measured
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
  cells: RowsJson,
): [Request, Planned, Request[]] {
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
  const fill = fillRequest({ range }, cells, 0, tab.rows.length);
  const protect = current ? [] : [protectGeneratedTab(sheetId)];
  return [head, fill, [...columnFormats(tab, sheetId, rowCount), ...protect]];
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
    protectGeneratedTab(sheetId),
  ];
}

function planStaged(
  state: WriteState,
  tabs: readonly OutputTab[],
  cells: readonly RowsJson[],
  log: LogAppend,
  runId: string,
  maxBytes: number,
  ids: SheetIds,
  byTitle: Map<string, SheetMeta>,
  leftovers: Request[],
): WriteStep[] {
  const create: Request[] = [...leftovers];
  const fills: Planned[] = [];
  const swap: Request[] = [];
  // Tab-bar positions once the leftovers are gone (`sheets` come in tab-bar order), and those of the tabs copied so
  // far: each copy goes in front of the tab it replaces, so it holds that tab's place once the tab is deleted.
  const gone = new Set(leftovers.map((r) => r.deleteSheet?.sheetId));
  const position = new Map(state.sheets.filter((s) => !gone.has(s.sheetId)).map((s, i) => [s.sheetId, i]));
  const copied: number[] = [];
  tabs.forEach((tab, i) => {
    const { rowCount, columnCount } = gridSize(tab);
    const gridProperties = { rowCount, columnCount, frozenRowCount: 1 };
    const sheetId = ids.next();
    const title = `${STAGING_PREFIX}${runId}~${i}`;
    const old = byTitle.get(tab.title);
    if (old) {
      // A copy of the tab it replaces keeps what people or the setup put on it (protection, validation, conditional
      // formats, column widths); its cells are cleared before the new rows go in, as the single-request path does.
      const at = position.get(old.sheetId) ?? 0;
      const insertSheetIndex = at + copied.filter((p) => p < at).length;
      copied.push(at);
      create.push(
        { duplicateSheet: { sourceSheetId: old.sheetId, newSheetId: sheetId, newSheetName: title, insertSheetIndex } },
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
      create.push(
        { addSheet: { properties: { sheetId, title, hidden: true, gridProperties } } },
        protectGeneratedTab(sheetId),
      );
    }
    create.push(markStaging(sheetId, runId));
    const measured = cells[i] as RowsJson;
    for (const [from, to] of rowChunks(measured, maxBytes)) {
      fills.push(fillRequest({ start: { sheetId, rowIndex: from, columnIndex: 0 } }, measured, from, to));
    }
    for (const request of columnFormats(tab, sheetId, rowCount)) fills.push(planned(request));
    if (old) swap.push(deleteSheet(old));
    swap.push({
      updateSheetProperties: { properties: { sheetId, title: tab.title, hidden: false }, fields: "title,hidden" },
    });
  });
  if (tabs.length > 0) swap.push(unmarkStaging(runId));
  swap.push(...appendLog(log, byTitle.get(log.title), ids), markRun(state, runId));
  return [
    call("stage", create.map(planned)),
    ...packCalls(fills, maxBytes).map((requests) => call("fill", requests)),
    call("publish", swap.map(planned)),
  ];
}

/** Splits a tab's rows into runs whose RowData stays under the byte budget (measured on a sample, with margin). */
function rowChunks(cells: RowsJson, maxBytes: number): [number, number][] {
  const count = cells.bytes.length;
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
function packCalls(requests: readonly Planned[], maxBytes: number): Planned[][] {
  const calls: Planned[][] = [];
  let current: Planned[] = [];
  let size = 0;
  for (const request of requests) {
    const { bytes } = request;
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

/** UTF-8 size of a JSON text, counted without encoding it into a buffer. */
function jsonBytes(text: string): number {
  return text.length + extraUtf8Bytes(text);
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
