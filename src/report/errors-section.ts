import type { FileChild } from "docx";
import { formatNumber } from "../../scoring/format.ts";
import type { DataError } from "../../sheets-schema/types.ts";
import { ERRORS_TAB } from "../../sheets-schema/output/tab-names.ts";
import { MAIN_SOURCE_LABEL } from "../../sheets-schema/output/errors-tab.ts";
import { bodyText, heading, note } from "./paragraphs.ts";
import { afterTable, type Column, dataTable } from "./table.ts";

/**
 * `6. Dữ liệu cần sửa` (`Lỗi dữ liệu`): every cell that could not be read, with its tab and cell, so units fix them
 * before the next run; a column `Nguồn` when the run merged several spreadsheets.
 */
export function errorsSection(number: string, errors: readonly DataError[]): FileChild[] {
  const title = heading(2, number, `Dữ liệu cần sửa (${ERRORS_TAB})`);
  if (errors.length === 0) return [title, note("Không có lỗi dữ liệu.")];
  const withSource = errors.some((e) => e.source !== undefined);
  const columns: Column[] = [
    { header: "Trang tính", width: 1.6 },
    { header: "Ô", width: 2.2 },
    { header: "Giá trị", width: 1.6 },
    { header: "Lỗi", width: 3.6 },
    ...(withSource ? [{ header: "Nguồn", width: 1.6 }] : []),
  ];
  return [
    title,
    bodyText(
      `Có ${formatNumber(errors.length)} ô chưa đọc được; các dòng này chưa được tính vào số liệu trên. Đề nghị các đơn vị sửa trong bảng tính để lần chấm sau được tính.`,
    ),
    dataTable(
      columns,
      errors.map((e) => [
        e.tab,
        e.cell,
        e.value,
        e.message,
        ...(withSource ? [e.sourceName ?? e.source ?? MAIN_SOURCE_LABEL] : []),
      ]),
      { numbered: true },
    ),
    afterTable(),
  ];
}
