/** Checking a `Mã đơn vị` typed in `Đăng ký` or `Tổ, khối dân vận` against the units of `Đơn vị`. */
import { UNITS_TAB } from "./tabs.ts";

/** The unit codes read, and those whose row was left out for an error (with its sheet row). */
export interface UnitDirectory {
  known: ReadonlySet<string>;
  rejected: ReadonlyMap<string, number>;
}

/**
 * Why a unit code cannot be used, or null when it is a unit. A unit whose own row has an error gets its own
 * message, so people fix that row rather than look for a typo in the code.
 */
export function unitCodeProblem(units: UnitDirectory, code: string): string | null {
  if (units.known.has(code)) return null;
  const row = units.rejected.get(code);
  if (row !== undefined) {
    return `Đơn vị "${code}" có lỗi ở trang tính "${UNITS_TAB}" (dòng ${row}) nên dòng này chưa được chấm`;
  }
  return `Không có đơn vị mã "${code}" trong trang tính "${UNITS_TAB}"`;
}
