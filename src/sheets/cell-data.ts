import type { sheets_v4 } from "@googleapis/sheets";
import type { OutputCell, OutputTab } from "../../sheets-schema/types.ts";

// Soft amber for cells a person must look at, light grey for the header row.
const FLAG_BACKGROUND = { red: 1, green: 0.92, blue: 0.7 };
const HEADER_FORMAT: sheets_v4.Schema$CellFormat = {
  backgroundColor: { red: 0.9, green: 0.9, blue: 0.9 },
  textFormat: { bold: true },
};
const PERCENT_FORMAT: sheets_v4.Schema$NumberFormat = { type: "PERCENT", pattern: "0.0%" };

/** Google refuses a whole write request when one cell would hold more characters than this. */
export const MAX_CELL_CHARS = 50_000;
const CUT_NOTE = "… (đã cắt bớt: mỗi ô Google Sheets chứa tối đa 50.000 ký tự)";

/**
 * One written value. Text always goes in as `stringValue`, which Sheets stores as text and never evaluates, so a
 * unit name such as "=HYPERLINK(…)" or "+84…" stays exactly what was typed (SPEC §5: values as data). Text longer
 * than a cell can hold (a province's list of every thôn without a model) is cut with a note rather than failing
 * the whole run.
 */
export function cellValue(value: OutputCell): sheets_v4.Schema$ExtendedValue | undefined {
  if (value === null) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? { numberValue: value } : { stringValue: "" };
  if (typeof value === "boolean") return { boolValue: value };
  return { stringValue: value.length > MAX_CELL_CHARS ? cutToCell(value) : value };
}

/** The start of a too-long text and a note saying it was cut, MAX_CELL_CHARS long at most; no half emoji left. */
function cutToCell(text: string): string {
  let end = MAX_CELL_CHARS - CUT_NOTE.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--; // a high surrogate whose pair would be cut off
  return text.slice(0, end) + CUT_NOTE;
}

/**
 * A tab's rows as the JSON text of Sheets `RowData`, kept as pieces: rows `from` to `to` (excluded), separated by
 * commas, are the pieces from `rowStarts[from]` to `rowEnds[to - 1]`, concatenated (`rowsText`). The pieces are the
 * tab's own strings and numbers (a number stands for its JSON text) between shared constants, so the rows cost
 * little memory until the body of the call that carries them is written. `bytes[r]` is the UTF-8 size of row `r`.
 */
export interface RowsJson {
  pieces: (string | number)[];
  rowStarts: number[];
  rowEnds: number[];
  bytes: number[];
}

// What a cell can be formatted as, and that format as the JSON `JSON.stringify` writes for it (derived from the
// objects above, so the text cannot drift from them).
const Format = { None: 0, Header: 1, Flag: 2, Percent: 3, FlagPercent: 4 } as const;
const FORMAT_JSON = [
  "",
  `"userEnteredFormat":${JSON.stringify(HEADER_FORMAT)}`,
  `"userEnteredFormat":${JSON.stringify({ backgroundColor: FLAG_BACKGROUND })}`,
  `"userEnteredFormat":${JSON.stringify({ numberFormat: PERCENT_FORMAT })}`,
  `"userEnteredFormat":${JSON.stringify({ backgroundColor: FLAG_BACKGROUND, numberFormat: PERCENT_FORMAT })}`,
];
const withFormat = (value: string) => FORMAT_JSON.map((f) => (f === "" ? `${value}}` : `${value},${f}}`));
/** By format: the end of a cell after its text (`"}`) or its number (`}`); whole cells without a variable part. */
const AFTER_TEXT = withFormat('"}');
const AFTER_NUMBER = withFormat("}");
const EMPTY_CELL = FORMAT_JSON.map((f) => `{${f}}`);
const NAN_CELL = withFormat('{"userEnteredValue":{"stringValue":""}');
const TRUE_CELL = withFormat('{"userEnteredValue":{"boolValue":true}');
const FALSE_CELL = withFormat('{"userEnteredValue":{"boolValue":false}');
/** The start of a cell holding a text or a number: the first of its row, and the others (after a comma). */
const TEXT_START = ['{"userEnteredValue":{"stringValue":"', ',{"userEnteredValue":{"stringValue":"'];
const NUMBER_START = ['{"userEnteredValue":{"numberValue":', ',{"userEnteredValue":{"numberValue":'];
const comma = (cells: readonly string[]) => [cells, cells.map((cell) => `,${cell}`)];
const WHOLE_CELLS = { empty: comma(EMPTY_CELL), nan: comma(NAN_CELL), yes: comma(TRUE_CELL), no: comma(FALSE_CELL) };

/**
 * The rows of a generated tab as the JSON text of Sheets `RowData`: the header styled, flags highlighted and shares
 * as %. The text is exactly `JSON.stringify` of the `CellData` objects of `cellValue` and the formats above (the
 * tests hold it to that), written directly as pieces: a province's tabs are 250,000 cells, and building an object
 * tree per cell to serialise it, then serialising it again to measure it, was the largest cost of a run after
 * reading. Text needing no JSON escape (nearly all) goes in as it is, between quotes, without a copy.
 */
export function tabRowsJson(tab: OutputTab): RowsJson {
  const flagged = new Set(tab.highlights.map((h) => h.row * 65536 + h.column));
  const percentColumn: boolean[] = [];
  for (const c of tab.percentColumns) percentColumn[c] = true;
  const percentCells = new Set((tab.percentCells ?? []).map((h) => h.row * 65536 + h.column));
  const count = tab.rows.length;
  const pieces: (string | number)[] = [];
  const rowStarts: number[] = new Array(count);
  const rowEnds: number[] = new Array(count);
  const bytes: number[] = new Array(count);
  // The constants between two of the tab's own values are pushed as one piece (`joined`): a cell is then about two
  // pieces, not three, and the pieces of a province's tabs (three million) were most of what a run held while writing.
  let pending = "";
  const constant = (text: string) => {
    if (pending === "") pending = text;
    else {
      const both = joined(pending, text);
      if (both === null) {
        pieces.push(pending);
        pending = text;
      } else pending = both;
    }
  };
  const variable = (value: string | number) => {
    if (pending !== "") pieces.push(pending);
    pending = "";
    pieces.push(value);
  };
  for (let r = 0; r < count; r++) {
    const source = tab.rows[r] ?? [];
    if (r > 0) pieces.push(","); // between rows; not part of either
    rowStarts[r] = pieces.length;
    pending = '{"values":[';
    let size = 11 + 2; // `{"values":[` and `]}`; every piece is ASCII but the texts, whose extra bytes are added
    for (let c = 0; c < source.length; c++) {
      const value = source[c] ?? null;
      const after = c > 0 ? 1 : 0;
      let format: number = Format.None;
      if (r === 0) format = Format.Header;
      else {
        const flag = flagged.size > 0 && flagged.has(r * 65536 + c);
        const share =
          typeof value === "number" &&
          (percentColumn[c] === true || (percentCells.size > 0 && percentCells.has(r * 65536 + c)));
        if (flag) format = share ? Format.FlagPercent : Format.Flag;
        else if (share) format = Format.Percent;
      }
      if (typeof value === "string") {
        const text = value.length > MAX_CELL_CHARS ? cutToCell(value) : value;
        let extra = plainJsonText(text);
        let inner = text;
        if (extra < 0) {
          inner = JSON.stringify(text).slice(1, -1); // quotes, backslashes, control characters, lone surrogates
          extra = extraUtf8Bytes(inner);
        }
        const start = TEXT_START[after] as string;
        const end = AFTER_TEXT[format] as string;
        constant(start);
        if (inner !== "") variable(inner);
        constant(end);
        size += start.length + inner.length + extra + end.length;
      } else if (typeof value === "number" && Number.isFinite(value)) {
        // Kept as the number: `+` writes it as JSON.stringify does (a finite number's JSON is its ToString,
        // ECMA-262 SerializeJSONProperty, so `String` measures it without JSON.stringify's generic path).
        const length = String(value).length;
        const start = NUMBER_START[after] as string;
        const end = AFTER_NUMBER[format] as string;
        constant(start);
        variable(value);
        constant(end);
        size += start.length + length + end.length;
      } else {
        const whole =
          typeof value === "number"
            ? WHOLE_CELLS.nan
            : value === true
              ? WHOLE_CELLS.yes
              : value === false
                ? WHOLE_CELLS.no
                : WHOLE_CELLS.empty;
        const cell = whole[after]?.[format] as string;
        constant(cell);
        size += cell.length;
      }
    }
    constant("]}");
    pieces.push(pending);
    pending = "";
    rowEnds[r] = pieces.length;
    bytes[r] = size;
  }
  return { pieces, rowStarts, rowEnds, bytes };
}

/**
 * The JSON of rows `from` to `to` (excluded), separated by commas: `{"values":[…]},{"values":[…]}`. Concatenated
 * with `+`, not `Array.join`: V8 keeps the pieces as a rope and copies them once when the text is first read,
 * about four times faster than joining a million pieces (measured on the province's tabs).
 */
export function rowsText(rows: RowsJson, from: number, to: number): string {
  let text = "";
  const end = to > from ? (rows.rowEnds[to - 1] ?? 0) : 0;
  for (let i = rows.rowStarts[from] ?? 0; i < end; i++) text += rows.pieces[i];
  return text;
}

/** Constants joined so far, by their first and second part: few, since a tab's rows repeat the same layouts. */
const JOINED = new Map<string, Map<string, string>>();
let joinedCount = 0;
/** Beyond this many joined constants (a tab of endlessly varied layouts), or this long, constants are left apart. */
const MAX_JOINED = 4096;
const MAX_JOINED_CHARS = 512;

/**
 * `a + b`, one shared string for each pair of constants met; null once MAX_JOINED are held, or when too long.
 *
 * @example joined('"}', ',{"userEnteredValue":{"stringValue":"') // → '"},{"userEnteredValue":{"stringValue":"'
 */
function joined(a: string, b: string): string | null {
  let byA = JOINED.get(a);
  const found = byA?.get(b);
  if (found !== undefined) return found;
  if (joinedCount >= MAX_JOINED || a.length + b.length > MAX_JOINED_CHARS) return null;
  if (byA === undefined) JOINED.set(a, (byA = new Map()));
  const both = a + b;
  both.charCodeAt(0); // flattened once, here, rather than in every body that carries it
  byA.set(b, both);
  joinedCount++;
  return both;
}

/**
 * The extra UTF-8 bytes of a text that JSON writes as it is (between quotes), or -1 when JSON must escape some of it
 * (a quote, a backslash, a control character, a lone surrogate).
 *
 * @example plainJsonText("Dân") // → 1
 * @example plainJsonText('"x"') // → -1
 */
function plainJsonText(text: string): number {
  let extra = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      if (code < 0x20 || code === 0x22 || code === 0x5c) return -1;
    } else if (code < 0x800) extra += 1;
    else if (code < 0xd800 || code > 0xdfff) extra += 2;
    else if (code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      extra += 2; // a surrogate pair: 4 bytes for two characters
      i++;
    } else return -1;
  }
  return extra;
}

/**
 * How many more UTF-8 bytes than characters a JSON text takes: Vietnamese letters take 2 or 3 bytes, emoji 4 (two
 * characters). JSON escapes control characters and lone surrogates, so what is left counts as Google counts it.
 *
 * @example extraUtf8Bytes('"Dân"') // → 1
 */
export function extraUtf8Bytes(text: string): number {
  let extra = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code >= 0xd800 && code <= 0xdfff)
      extra += 1; // each half of a surrogate pair: 4 bytes for the two
    else if (code >= 0x800)
      extra += 2; // 3 bytes
    else extra += 1; // 2 bytes (Vietnamese letters with one mark, e.g. "ă", "đ")
  }
  return extra;
}

/** The grid a tab needs: at least two rows so the frozen header never freezes every row (Google refuses that). */
export function gridSize(tab: OutputTab): { rowCount: number; columnCount: number } {
  let columnCount = 1;
  for (const row of tab.rows) columnCount = Math.max(columnCount, row.length);
  return { rowCount: Math.max(2, tab.rows.length), columnCount };
}
