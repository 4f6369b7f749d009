/**
 * What every cell reader shares: the result type, emptiness, and how a value is shown back to a person.
 * Readers never throw: a cell that cannot be read is a value (`ok: false`) with a Vietnamese message.
 */
import type { RawCell } from "./types.ts";

/** The outcome of reading one cell: the value, or why it could not be read (Vietnamese). */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** Reads one cell; `undefined` is a cell beyond the end of a trimmed row. Empty cells read as `null`. */
export type CellReader<T> = (cell: RawCell | undefined) => CellResult<T | null>;

export function ok<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

export function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** The shared result of every empty cell, so reading an empty cell allocates nothing. */
export const EMPTY: CellResult<null> = Object.freeze({ ok: true, value: null }) as CellResult<null>;

const BLANK = /^[\s\u00AD\u200B-\u200F\u2060\uFEFF]*$/;

/** Empty: absent, or text of white space and invisible characters only. */
export function isEmptyCell(cell: RawCell | undefined): boolean {
  if (typeof cell !== "string") return cell === undefined || cell === null;
  if (cell.length === 0) return true;
  // Hot path: a first character below U+1680 other than a space, NBSP or soft hyphen cannot start a blank text.
  const first = cell.charCodeAt(0);
  if (first > 0x20 && first < 0x1680 && first !== 0xa0 && first !== 0xad) return false;
  return BLANK.test(cell);
}

/** Whether a grid holds any value (white space and invisible characters are none): a tab with none is not there. */
export function hasData(grid: readonly (readonly RawCell[])[] | undefined): boolean {
  return (grid ?? []).some((row) => row.some((cell) => !isEmptyCell(cell)));
}

/** Whether a row holds no data in the given columns; an unticked checkbox (FALSE) is no data either. */
export function isBlankRow(row: readonly RawCell[], columns: readonly number[]): boolean {
  for (const c of columns) {
    const cell = row[c];
    if (cell !== false && !isEmptyCell(cell)) return false;
  }
  return true;
}

/** The value as a person sees it, for the `Giá trị` column of `Lỗi dữ liệu`; long text is cut. */
export function cellText(cell: RawCell | undefined): string {
  if (cell === undefined || cell === null) return "";
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  const s = String(cell);
  return s.length > 500 ? `${s.slice(0, 500)}…` : s;
}

/** The value quoted for a message: `"abc"`, cut short so one message stays readable. */
export function quoted(cell: RawCell | undefined): string {
  const s = cellText(cell);
  return `"${s.length > 60 ? `${s.slice(0, 60)}…` : s}"`;
}

/**
 * A reader that remembers its answers by the raw value: enumerations, yes/no and date cells repeat the same few
 * values over tens of thousands of rows, and normalising or parsing each again is the slow part. The memory is
 * bounded: it holds at most `limit` values, and starts again empty when full.
 *
 * The first few texts seen are also kept in a short list that is compared before the map is asked: each cell of a
 * freshly parsed payload is a new string whose hash V8 has not computed yet, and comparing it with a handful of
 * known spellings costs less than hashing it. A column's common spellings are nearly always among its first values.
 * Numbers go straight to the map: their hash costs nothing.
 */
export function memoised<K extends string | number, T>(
  read: (raw: K) => CellResult<T>,
  limit = 5000,
): (raw: K) => CellResult<T> {
  const memory = new Map<K, CellResult<T>>();
  const firstTexts: string[] = [];
  const firstResults: CellResult<T>[] = [];
  return (raw) => {
    if (typeof raw === "string") {
      for (let i = 0; i < firstTexts.length; i++) {
        if (firstTexts[i] === raw) return firstResults[i] as CellResult<T>;
      }
    } else if (raw === 0 && Object.is(raw, -0)) {
      return read(raw); // Map keys take -0 for 0, which a reader may tell apart: it is read afresh.
    }
    let result = memory.get(raw);
    if (result === undefined) {
      if (memory.size >= limit) memory.clear();
      result = read(raw);
      memory.set(raw, result);
      if (typeof raw === "string" && firstTexts.length < FIRST_TEXTS_KEPT) {
        firstTexts.push(raw);
        firstResults.push(result);
      }
    }
    return result;
  };
}

/** How many first texts `memoised` compares directly: more than the spellings of a usual enumerated column. */
const FIRST_TEXTS_KEPT = 8;
