/**
 * Spreadsheet ids as people give them: the bare id Google issues, or the address of the spreadsheet copied from the
 * browser. One parser for every place that takes a spreadsheet (`Nguồn dữ liệu`, the API, the dashboard, the config).
 */
import { withoutInvisible } from "./normalise.ts";

/** A Google spreadsheet id: letters, digits, `-` and `_` (Google's own ids are 44 characters). */
export const SPREADSHEET_ID_PATTERN = /^[A-Za-z0-9_-]{1,200}$/;

// docs.google.com/spreadsheets/d/{id}/…, with or without the scheme, optionally under /u/{n}/ (several accounts).
// The `e/` form is the "Publish to the web" address, whose id cannot be used to read the spreadsheet.
const SPREADSHEET_URL =
  /^(?:https?:\/\/)?docs\.google\.com\/spreadsheets\/(?:u\/\d+\/)?d\/(e\/)?([A-Za-z0-9_-]{1,200})/i;

/** What a spreadsheet reference gave: the id, or why there is none. */
export type SpreadsheetRef = { ok: true; id: string } | { ok: false; problem: "published" | "unreadable" };

/**
 * The spreadsheet id in a text: the id itself, or the id inside a Google Sheets address. Surrounding spaces and invisible characters pasted along are ignored.
 *
 * @example parseSpreadsheetRef("https://docs.google.com/spreadsheets/d/1AbC-x_9/edit#gid=0") // → { ok: true, id: "1AbC-x_9" }
 * @example parseSpreadsheetRef(" 1AbC-x_9 ") // → { ok: true, id: "1AbC-x_9" }
 * @example parseSpreadsheetRef("https://docs.google.com/spreadsheets/d/e/2PACX-1v/pubhtml") // → { ok: false, problem: "published" }
 */
export function parseSpreadsheetRef(text: string): SpreadsheetRef {
  const trimmed = withoutInvisible(text).trim();
  if (SPREADSHEET_ID_PATTERN.test(trimmed)) return { ok: true, id: trimmed };
  const url = SPREADSHEET_URL.exec(trimmed);
  if (url?.[1] !== undefined) return { ok: false, problem: "published" };
  if (url?.[2] !== undefined) return { ok: true, id: url[2] };
  return { ok: false, problem: "unreadable" };
}

/**
 * Why a reference cannot be used, in Vietnamese; `shown` is the value as the message should quote it.
 *
 * @example describeSpreadsheetRefProblem("unreadable", '"abc def"') // → 'Không đọc được mã bảng tính từ "abc def": …'
 */
export function describeSpreadsheetRefProblem(problem: "published" | "unreadable", shown: string): string {
  switch (problem) {
    case "published":
      return `${shown} là đường dẫn "Xuất bản lên web", không dùng được để đọc bảng tính; hãy dán đường dẫn mở bảng tính (https://docs.google.com/spreadsheets/d/{mã}/edit)`;
    case "unreadable":
      return `Không đọc được mã bảng tính từ ${shown}: hãy dán mã bảng tính hoặc đường dẫn dạng https://docs.google.com/spreadsheets/d/{mã}/edit`;
    default:
      return problem satisfies never;
  }
}
