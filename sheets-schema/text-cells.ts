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
  if (typeof cell === "number" && Number.isFinite(cell)) return ok(String(cell).toUpperCase());
  if (isEmptyCell(cell)) return EMPTY;
  if (typeof cell !== "string") return fail(`Mã ${quoted(cell)} không hợp lệ`);
  return ok(codeKey(cell));
}

/** Reads free text (names, notes) as typed, tidied for display. `null` when empty. */
export function readText(cell: RawCell | undefined): CellResult<string | null> {
  if (isEmptyCell(cell)) return EMPTY;
  return ok(typeof cell === "string" ? tidyText(cell) : cellText(cell));
}
