/** Text cells: codes (compared as keys) and free text (kept for display). */
import { cellText, EMPTY, fail, isEmptyCell, ok, quoted, type CellResult } from "./cell.ts";
import { codeKey, tidyText } from "./normalise.ts";
import type { RawCell } from "./types.ts";

/**
 * Reads a code (`Mã đơn vị`, `Mã mô hình`, `Mã tổ`) as its comparison key: trimmed, upper case. A number typed as a
 * code (`101`) is the code "101". `null` when empty.
 *
 * @example readCode(" xa01 ") // → { ok: true, value: "XA01" }
 */
export function readCode(cell: RawCell | undefined): CellResult<string | null> {
  const code = codeOf(cell);
  if (code === undefined) return fail(`Mã ${quoted(cell)} không hợp lệ`);
  return code === null ? EMPTY : ok(code);
}

/**
 * What `readCode` reads, as a plain value: the code, null when empty, undefined when the cell cannot be a code (a
 * checkbox). The row readers use it for the hundred thousand codes of a province, so that reading one builds no
 * result object.
 *
 * @example codeOf(" xa01 ") // → "XA01"
 */
export function codeOf(cell: RawCell | undefined): string | null | undefined {
  if (typeof cell === "number" && Number.isFinite(cell)) return String(cell).toUpperCase();
  if (isEmptyCell(cell)) return null;
  if (typeof cell !== "string") return undefined;
  return codeKey(cell);
}

/** Reads free text (names, notes) as typed, tidied for display. `null` when empty. */
export function readText(cell: RawCell | undefined): CellResult<string | null> {
  const text = textOf(cell);
  return text === null ? EMPTY : ok(text);
}

/** What `readText` reads, as a plain value (reading free text never fails): null when empty. */
export function textOf(cell: RawCell | undefined): string | null {
  if (isEmptyCell(cell)) return null;
  return typeof cell === "string" ? tidyText(cell) : cellText(cell);
}
