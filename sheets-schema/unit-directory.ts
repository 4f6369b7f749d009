/** Checking a `Mã đơn vị` typed in `Đăng ký` or `Tổ, khối dân vận` against the units of `Đơn vị`. */
import type { SharedReading } from "./shared-reading.ts";
import { UNITS_TAB } from "./tabs.ts";

/**
 * The unit codes read, and those whose row was left out for an error, with where that row is (`SharedReading.at`:
 * in a merged run it may be in another spreadsheet than the row that names the unit).
 */
export interface UnitDirectory {
  known: ReadonlySet<string>;
  rejected: ReadonlyMap<string, number>;
}

/**
 * Why a unit code typed in spreadsheet `from` of the run cannot be used, or null when it is a unit. A unit whose own
 * row has an error gets its own message, naming that row as seen from `from`, so people fix that row rather than
 * look for a typo in the code.
 */
export function unitCodeProblem(
  units: UnitDirectory,
  code: string,
  shared: SharedReading,
  from: number,
): string | null {
  if (units.known.has(code)) return null;
  const position = units.rejected.get(code);
  if (position !== undefined) {
    return `Đơn vị "${code}" có lỗi ở trang tính "${UNITS_TAB}" (${shared.rowName(position, from)}) nên dòng này chưa được chấm`;
  }
  return `Không có đơn vị mã "${code}" trong trang tính "${UNITS_TAB}"`;
}
