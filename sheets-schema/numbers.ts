/**
 * Number cells (SPEC §4): numbers as Sheets returns them, and text written the Vietnamese way, where `.` groups
 * thousands and `,` is the decimal mark (`1.234` = 1234, `0,75` = 0.75, `1.234,5` = 1234.5).
 *
 * Where a text could be read two ways the Vietnamese convention wins: `1,234` is 1.234 (comma = decimal mark).
 * A single `.` not followed by exactly three digits can only be a decimal point (`0.3`, `12.5`), so it is one;
 * several commas in groups of three (`1,234,567`) or `1,234.5` can only be the English notation, so they are too.
 */
import { EMPTY, fail, isEmptyCell, memoised, ok, quoted, type CellResult } from "./cell.ts";
import { withoutInvisible } from "./normalise.ts";
import type { RawCell } from "./types.ts";

// Spaces inside numbers ("1 234", NBSP, thin and narrow spaces) and invisible characters are dropped.
const IGNORED = /[\s\u00AD\u200B-\u200F\u2060\uFEFF]/g;
const MINUS = /[\u2212\u2012\u2013]/g;
const INTEGER = /^[+-]?\d+$/;
const DOT_THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+$/; // 1.234 · 1.234.567
const DOT_THOUSANDS_COMMA_DECIMAL = /^[+-]?[1-9]\d{0,2}(?:\.\d{3})+,\d+$/; // 1.234,5
const COMMA_DECIMAL = /^[+-]?\d+,\d+$/; // 0,75 · 1,234 (= 1.234)
const DOT_DECIMAL = /^[+-]?\d*\.\d+$/; // 0.3 · 12.5
const COMMA_THOUSANDS = /^[+-]?[1-9]\d{0,2}(?:,\d{3}){2,}$/; // 1,234,567
const COMMA_THOUSANDS_DOT_DECIMAL = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+\.\d+$/; // 1,234.5
const DOTS = /\./g;
const COMMAS = /,/g;

/**
 * The number a text stands for, or null when it is not a number.
 *
 * @example parseNumberText("1.234,5") // → 1234.5
 * @example parseNumberText("0,75") // → 0.75
 */
export function parseNumberText(text: string): number | null {
  if (text.length > 100) return null;
  const s = text.replace(IGNORED, "").replace(MINUS, "-");
  let plain: string;
  if (INTEGER.test(s)) plain = s;
  else if (DOT_THOUSANDS.test(s)) plain = s.replace(DOTS, "");
  else if (DOT_DECIMAL.test(s)) plain = s;
  else if (DOT_THOUSANDS_COMMA_DECIMAL.test(s)) plain = s.replace(DOTS, "").replace(",", ".");
  else if (COMMA_DECIMAL.test(s)) plain = s.replace(",", ".");
  else if (COMMA_THOUSANDS.test(s) || COMMA_THOUSANDS_DOT_DECIMAL.test(s)) plain = s.replace(COMMAS, "");
  else return null;
  const n = Number(plain);
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads a number cell; `null` when empty.
 *
 * @example readNumber("1.234") // → { ok: true, value: 1234 }
 */
export function readNumber(cell: RawCell | undefined): CellResult<number | null> {
  if (typeof cell === "number") return readNumberValue(cell);
  if (isEmptyCell(cell)) return EMPTY;
  const n = typeof cell === "string" ? parseNumberText(cell) : null;
  return n === null ? fail(`Không đọc được số ${quoted(cell)}`) : ok(n);
}

// Years and vote counts repeat over thousands of rows: one shared result per number rather than one per cell.
const readNumberValue = memoised(
  (n: number): CellResult<number> => (Number.isFinite(n) ? ok(n) : fail(`Không đọc được số ${quoted(n)}`)),
);

/**
 * A reader of whole, non-negative counts (vote counts, setting counts); `label` starts the message.
 *
 * @example wholeCountReader("Số phiếu")("-3") // → { ok: false, message: "Số phiếu phải là số nguyên không âm" }
 */
export function wholeCountReader(label: string): (cell: RawCell | undefined) => CellResult<number | null> {
  const message = `${label} phải là số nguyên không âm`;
  return (cell) => {
    const r = readNumber(cell);
    if (r.ok && (r.value === null || (Number.isSafeInteger(r.value) && r.value >= 0))) return r;
    return fail(message);
  };
}

const PERCENT = /^(.*)%$/s;

/**
 * A number typed with or without a trailing `%` (surrounding spaces and invisible characters aside): its value as
 * typed, and whether `%` was typed. Null when it is not a number.
 *
 * @example percentText(" 30 % ") // → { n: 30, percent: true }
 * @example percentText("0,3") // → { n: 0.3, percent: false }
 */
export function percentText(text: string): { n: number; percent: boolean } | null {
  const percent = PERCENT.exec(withoutInvisible(text).trim());
  const n = parseNumberText(percent ? (percent[1] ?? "") : text);
  return n === null ? null : { n, percent: percent !== null };
}

/**
 * Reads a share (settings): `30%`, `30`, `0,3` and `0.3` are all 0.3. A number above 1 is a percentage, at most 1 a
 * fraction (so `1` is 100%). `null` when empty.
 */
export function readShare(cell: RawCell | undefined): CellResult<number | null> {
  let value: number | null;
  if (typeof cell === "number") value = Number.isFinite(cell) ? (cell > 1 ? cell / 100 : cell) : null;
  else if (isEmptyCell(cell)) return EMPTY;
  else if (typeof cell !== "string") value = null;
  else {
    const typed = percentText(cell);
    value = typed === null ? null : typed.percent || typed.n > 1 ? typed.n / 100 : typed.n;
  }
  if (value === null) return fail(`Không đọc được tỷ lệ ${quoted(cell)}; hãy ghi dạng 30%, 30, 0,3 hoặc 0.3`);
  if (value < 0 || value > 1) return fail(`Tỷ lệ ${quoted(cell)} phải nằm trong khoảng từ 0% đến 100%`);
  return ok(value);
}

export const FIRST_PLAUSIBLE_YEAR = 2000;
export const LAST_PLAUSIBLE_YEAR = 2100;

/**
 * Reads the `Năm` of a registration or a team: a whole year between 2000 and 2100. `null` when empty.
 *
 * @example readYear("2024") // → { ok: true, value: 2024 }
 */
export function readYear(cell: RawCell | undefined): CellResult<number | null> {
  const r = readNumber(cell);
  if (
    r.ok &&
    (r.value === null ||
      (Number.isInteger(r.value) && r.value >= FIRST_PLAUSIBLE_YEAR && r.value <= LAST_PLAUSIBLE_YEAR))
  ) {
    return r;
  }
  return fail(`Năm ${quoted(cell)} không hợp lệ; hãy ghi năm bằng 4 chữ số, ví dụ 2024`);
}
