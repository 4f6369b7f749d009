import type { sheets_v4 } from "@googleapis/sheets";
import type { OutputCell, OutputTab } from "../../sheets-schema/types.ts";

type CellData = sheets_v4.Schema$CellData;
type RowData = sheets_v4.Schema$RowData;

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

/** The rows of a generated tab as Sheets `RowData`, with the header styled, flags highlighted and shares as %. */
export function tabRows(tab: OutputTab, fromRow = 0, toRow = tab.rows.length): RowData[] {
  const flagged = new Set(tab.highlights.map((h) => h.row * 65536 + h.column));
  const percent = new Set(tab.percentColumns);
  const percentCells = new Set((tab.percentCells ?? []).map((h) => h.row * 65536 + h.column));
  const rows: RowData[] = [];
  for (let r = fromRow; r < toRow; r++) {
    const source = tab.rows[r] ?? [];
    const values: CellData[] = new Array(source.length);
    for (let c = 0; c < source.length; c++) {
      const cell: CellData = {};
      const v = cellValue(source[c] ?? null);
      if (v) cell.userEnteredValue = v;
      if (r === 0) cell.userEnteredFormat = HEADER_FORMAT;
      else {
        const format: sheets_v4.Schema$CellFormat = {};
        if (flagged.has(r * 65536 + c)) format.backgroundColor = FLAG_BACKGROUND;
        const isShare = percent.has(c) || percentCells.has(r * 65536 + c);
        if (isShare && typeof source[c] === "number") format.numberFormat = PERCENT_FORMAT;
        if (format.backgroundColor || format.numberFormat) cell.userEnteredFormat = format;
      }
      values[c] = cell;
    }
    rows.push({ values });
  }
  return rows;
}

/** The grid a tab needs: at least two rows so the frozen header never freezes every row (Google refuses that). */
export function gridSize(tab: OutputTab): { rowCount: number; columnCount: number } {
  let columnCount = 1;
  for (const row of tab.rows) columnCount = Math.max(columnCount, row.length);
  return { rowCount: Math.max(2, tab.rows.length), columnCount };
}
