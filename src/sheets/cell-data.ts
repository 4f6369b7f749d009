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

/** A tab's rows as the JSON text of Sheets `RowData`, one text per row, with the UTF-8 size of each. */
export interface RowsJson {
  texts: string[];
  bytes: number[];
}

// The formats a cell can carry, as the JSON `JSON.stringify` writes for them (derived from the objects above, so the
// text cannot drift from them).
const HEADER_CELL_FORMAT = `"userEnteredFormat":${JSON.stringify(HEADER_FORMAT)}`;
const FLAG_CELL_FORMAT = `"userEnteredFormat":${JSON.stringify({ backgroundColor: FLAG_BACKGROUND })}`;
const PERCENT_CELL_FORMAT = `"userEnteredFormat":${JSON.stringify({ numberFormat: PERCENT_FORMAT })}`;
const FLAG_PERCENT_CELL_FORMAT = `"userEnteredFormat":${JSON.stringify({ backgroundColor: FLAG_BACKGROUND, numberFormat: PERCENT_FORMAT })}`;

/**
 * The rows of a generated tab as the JSON text of Sheets `RowData`: the header styled, flags highlighted and shares
 * as %. The text is exactly `JSON.stringify` of the `CellData` objects of `cellValue` and the formats above (the
 * tests hold it to that), written directly: a province's tabs are 300,000 cells, and building an object tree per
 * cell to serialise it, then serialising it again to measure it, was the largest cost of a run after reading.
 */
export function tabRowsJson(tab: OutputTab): RowsJson {
  const flagged = new Set(tab.highlights.map((h) => h.row * 65536 + h.column));
  const percent = new Set(tab.percentColumns);
  const percentCells = new Set((tab.percentCells ?? []).map((h) => h.row * 65536 + h.column));
  const count = tab.rows.length;
  const texts: string[] = new Array(count);
  const bytes: number[] = new Array(count);
  for (let r = 0; r < count; r++) {
    const source = tab.rows[r] ?? [];
    let text = '{"values":[';
    let size = 0; // UTF-8 bytes beyond one per character of `text`, counted on the JSON of each text value
    for (let c = 0; c < source.length; c++) {
      const value = source[c] ?? null;
      let format = "";
      if (r === 0) format = HEADER_CELL_FORMAT;
      else {
        const flag = flagged.size > 0 && flagged.has(r * 65536 + c);
        const share =
          typeof value === "number" && (percent.has(c) || (percentCells.size > 0 && percentCells.has(r * 65536 + c)));
        if (flag) format = share ? FLAG_PERCENT_CELL_FORMAT : FLAG_CELL_FORMAT;
        else if (share) format = PERCENT_CELL_FORMAT;
      }
      let cell: string;
      if (value === null) cell = format === "" ? "{}" : `{${format}}`;
      else {
        let extended: string;
        if (typeof value === "string") {
          const json = JSON.stringify(value.length > MAX_CELL_CHARS ? cutToCell(value) : value);
          size += extraUtf8Bytes(json);
          extended = `{"stringValue":${json}}`;
        } else if (typeof value === "number") {
          extended = Number.isFinite(value) ? `{"numberValue":${JSON.stringify(value)}}` : '{"stringValue":""}';
        } else extended = value ? '{"boolValue":true}' : '{"boolValue":false}';
        cell = format === "" ? `{"userEnteredValue":${extended}}` : `{"userEnteredValue":${extended},${format}}`;
      }
      text += c === 0 ? cell : `,${cell}`;
    }
    text += "]}";
    texts[r] = text;
    bytes[r] = text.length + size;
  }
  return { texts, bytes };
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
