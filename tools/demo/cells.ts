/**
 * How offices type values into the sheet (SPEC §4): mostly what Sheets stores for a date cell or a checkbox, now and
 * then the same value typed as text. Every value made here is one the reader must accept.
 */
import type { RawCell } from "../../sheets-schema/types.ts";
import type { Random } from "./random.ts";

const DAY_MS = 86_400_000;
const SHEETS_EPOCH = Date.UTC(1899, 11, 30);

/** The Sheets serial number of a date (day 0 = 1899-12-30). @example sheetsSerial(2024, 3, 15) // → 45366 */
export function sheetsSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - SHEETS_EPOCH) / DAY_MS);
}

/** The calendar date a day offset from 1 January of `year` falls on (offset 0 = 1 January). */
export function dayOfYear(year: number, offset: number): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(year, 0, 1) + offset * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** "15/03/2024". */
export function dmy(year: number, month: number, day: number): string {
  return `${pad(day)}/${pad(month)}/${year}`;
}

/** A date as typed: mostly a date cell (serial number), sometimes text in one of the accepted formats. */
export function typedDate(rng: Random, date: { year: number; month: number; day: number }): RawCell {
  const { year, month, day } = date;
  if (!rng.chance(0.12)) return sheetsSerial(year, month, day);
  return rng.weighted<string>([
    [dmy(year, month, day), 70],
    [`${day}/${month}/${year}`, 12],
    [`${pad(day)}-${pad(month)}-${year}`, 8],
    [`${pad(day)}.${pad(month)}.${year}`, 6],
    [`${year}-${pad(month)}-${pad(day)}`, 4],
  ]);
}

const TYPED_YES: readonly (readonly [RawCell, number])[] = [
  [true, 86],
  ["Có", 8],
  ["x", 4],
  ["C", 2],
];
const TYPED_NO: readonly (readonly [RawCell, number])[] = [
  [false, 80],
  ["Không", 12],
  ["", 8],
];

/** A yes/no as ticked or typed: mostly a checkbox (boolean), sometimes `Có`/`x`/`Không`, and a "no" may be left empty. */
export function typedYesNo(rng: Random, value: boolean): RawCell {
  return rng.weighted(value ? TYPED_YES : TYPED_NO);
}

/** A whole number, now and then typed as text ("45") into a cell formatted as text. */
export function typedCount(rng: Random, n: number): RawCell {
  return rng.chance(0.03) ? String(n) : n;
}

/** The column letters of a 0-based column index. @example columnLetters(27) // → "AB" */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell in A1 notation with the quoted tab name, as `Lỗi dữ liệu` shows it. @example a1("Đăng ký", 8, 11) // → "'Đăng ký'!I12" */
export function a1(tab: string, column: number, row: number): string {
  return `'${tab.replace(/'/g, "''")}'!${columnLetters(column)}${row + 1}`;
}
