import type { DataError, OutputTab } from "../types.ts";
import { ERRORS_TAB } from "./tab-names.ts";

export const ERRORS_HEADERS = ["Trang tính", "Ô", "Giá trị", "Lỗi"] as const;

/** The column added after SPEC §5's four when a run merges several spreadsheets: which one the cell is in. */
export const ERRORS_SOURCE_HEADER = "Nguồn";

/** What the `Nguồn` column shows for a cell of the main spreadsheet. */
export const MAIN_SOURCE_LABEL = "Bảng tính chính";

/**
 * `Lỗi dữ liệu`: one row per cell or row that could not be read (SPEC §4), in the order the reader found them.
 * Written even when empty, so an old list never outlives the errors it described.
 *
 * When an error comes from another spreadsheet of the run (`Nguồn dữ liệu`), a fifth column `Nguồn` names the
 * spreadsheet of every row (`Bảng tính chính` for the main one); `Ô` stays plain A1 notation of that spreadsheet.
 *
 * @example errorsTab([{ tab: "Đăng ký", cell: "'Đăng ký'!H12", value: "31/02/2024", message: "Ngày không có thật." }])
 *   // → rows: [["Trang tính", "Ô", "Giá trị", "Lỗi"], ["Đăng ký", "'Đăng ký'!H12", "31/02/2024", "Ngày không có thật."]]
 */
export function errorsTab(errors: readonly DataError[]): OutputTab {
  const withSource = errors.some((e) => e.source !== undefined);
  const headers: string[] = withSource ? [...ERRORS_HEADERS, ERRORS_SOURCE_HEADER] : [...ERRORS_HEADERS];
  return {
    title: ERRORS_TAB,
    rows: [
      headers,
      ...errors.map((e) =>
        withSource
          ? [e.tab, e.cell, e.value, e.message, e.sourceName ?? e.source ?? MAIN_SOURCE_LABEL]
          : [e.tab, e.cell, e.value, e.message],
      ),
    ],
    highlights: [],
    percentColumns: [],
  };
}
