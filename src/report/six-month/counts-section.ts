import type { FileChild } from "docx";
import { formatNumber } from "../../../scoring/format.ts";
import { FIELD_LABEL, FORM_LABEL, KIND_LABEL } from "../../../scoring/labels.ts";
import type { SixMonthCount, SixMonthResult } from "../../../scoring/six-month.ts";
import { SIX_MONTH_COUNT_HEADERS } from "../../../sheets-schema/output/six-month-tab.ts";
import { sixMonthTabTitle } from "../../../sheets-schema/output/tab-names.ts";
import { bodyText, heading } from "../paragraphs.ts";
import { shareText } from "../share-text.ts";
import { afterTable, type Cell, dataTable, figuresTable } from "../table.ts";

/** `1. Tổng quan`: units, registrations by the cut-off and the reported ones, units with and without a registration. */
export function sixMonthOverviewSection(number: string, result: SixMonthResult): FileChild[] {
  const n = formatNumber;
  const units = result.units.length;
  const registeredUnits = units - result.unitsWithout;
  const figures: Cell[][] = [
    ["Số đơn vị tham gia phong trào", n(units), ""],
    ["Mô hình, điển hình đăng ký đến ngày sơ kết", n(result.registered), ""],
    ["Trong đó: đã báo cáo đến ngày sơ kết", n(result.reported), shareText(result.reported, result.registered)],
    ["Đơn vị đã đăng ký", n(registeredUnits), shareText(registeredUnits, units)],
    ["Đơn vị chưa đăng ký", n(result.unitsWithout), shareText(result.unitsWithout, units)],
  ];
  // Rows of the year the cut-off leaves out, named so the totals above are not read as the whole year.
  if (result.afterCutoff > 0) figures.push(["Đăng ký sau ngày sơ kết (chưa tính)", n(result.afterCutoff), ""]);
  if (result.undated > 0) figures.push(["Đăng ký chưa ghi ngày đăng ký (chưa tính)", n(result.undated), ""]);
  return [
    heading(2, number, "Tổng quan"),
    figuresTable(figures),
    afterTable(),
    bodyText(`Số liệu của từng đơn vị ở trang tính ${sixMonthTabTitle(result.year)}.`),
  ];
}

const COLUMNS = 4;

/**
 * `2. Theo lĩnh vực, loại, hình thức`: one table, a titled block per closed set (every value, 0 included, as in
 * `Sơ kết 6 tháng {Y}`), each line with the registrations by the cut-off, the reported ones and their share; the
 * total last.
 */
export function sixMonthCountsSection(number: string, result: SixMonthResult): FileChild[] {
  const [registered, reported] = SIX_MONTH_COUNT_HEADERS;
  return [
    heading(2, number, "Theo lĩnh vực, loại, hình thức"),
    dataTable(
      [
        { header: "Lĩnh vực, loại, hình thức", width: 4 },
        { header: registered, width: 1.7, align: "center" },
        { header: reported, width: 1.4, align: "center" },
        { header: "Tỷ lệ đã báo cáo", width: 1.4, align: "center" },
      ],
      [
        ...block("Theo lĩnh vực", result.byField, FIELD_LABEL),
        ...block("Theo loại", result.byKind, KIND_LABEL),
        ...block("Theo hình thức", result.byForm, FORM_LABEL),
        countRow({ text: "Tổng số", bold: true }, result.registered, result.reported, true),
      ],
    ),
    afterTable(),
  ];
}

function block<K extends string>(title: string, counts: readonly SixMonthCount<K>[], labels: Record<K, string>) {
  return [
    [{ text: title, bold: true, span: COLUMNS }],
    ...counts.map((c) => countRow(labels[c.key], c.registered, c.reported)),
  ];
}

function countRow(label: Cell, registered: number, reported: number, bold = false): Cell[] {
  return [
    label,
    { text: formatNumber(registered), bold },
    { text: formatNumber(reported), bold },
    { text: shareText(reported, registered), bold },
  ];
}
