import type { DataError, OutputTab } from "../types.ts";
import { ERRORS_TAB } from "./tab-names.ts";

export const ERRORS_HEADERS = ["Trang tính", "Ô", "Giá trị", "Lỗi"] as const;

/**
 * `Lỗi dữ liệu`: one row per cell or row that could not be read (SPEC §4), in the order the reader found them.
 * Written even when empty, so an old list never outlives the errors it described.
 *
 * @example errorsTab([{ tab: "Đăng ký", cell: "'Đăng ký'!H12", value: "31/02/2024", message: "Ngày không có thật." }])
 *   // → rows: [["Trang tính", "Ô", "Giá trị", "Lỗi"], ["Đăng ký", "'Đăng ký'!H12", "31/02/2024", "Ngày không có thật."]]
 */
export function errorsTab(errors: readonly DataError[]): OutputTab {
  return {
    title: ERRORS_TAB,
    rows: [[...ERRORS_HEADERS], ...errors.map((e) => [e.tab, e.cell, e.value, e.message])],
    highlights: [],
    percentColumns: [],
  };
}
