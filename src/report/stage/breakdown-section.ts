import type { FileChild } from "docx";
import { formatNumber } from "../../../scoring/format.ts";
import { FIELD_LABEL, KIND_LABEL } from "../../../scoring/labels.ts";
import type { StageBreakdown, StageResult, YearCount } from "../../../scoring/stage.ts";
import { NO_DATA_LABEL } from "../../../sheets-schema/output/stage-tab.ts";
import { heading, note } from "../paragraphs.ts";
import { afterTable, type Cell, dataTable } from "../table.ts";

/**
 * `2. Theo lĩnh vực, loại`: two tables over the stage, the registrations (every Hình thức) and the recognised ones
 * (among those counted toward the quota), one line per field and per kind, one column per year that has
 * registrations and one for the whole stage. The years without any are named under them as `chưa có dữ liệu`.
 */
export function breakdownSection(number: string, result: StageResult): FileChild[] {
  const missing = result.years.filter((y) => !result.scoredYears.includes(y));
  return [
    heading(2, number, "Theo lĩnh vực, loại"),
    heading(3, "a", "Số mô hình, điển hình đăng ký"),
    breakdownTable(result, (c) => c.registrations),
    afterTable(),
    heading(3, "b", "Số mô hình, điển hình được công nhận (trong số tính chỉ tiêu)"),
    breakdownTable(result, (c) => c.recognised),
    afterTable(),
    ...(missing.length === 0
      ? []
      : [
          note(
            `Năm ${missing.join(", ")}: ${NO_DATA_LABEL} (không có dòng đăng ký nào), không có cột trong hai bảng trên.`,
          ),
        ]),
  ];
}

function breakdownTable(result: StageResult, figure: (c: YearCount) => number) {
  // The columns of the scored years, in the order of `years` (the breakdowns' perYear follow `years`).
  const columns = result.years.flatMap((y, i) => (result.scoredYears.includes(y) ? [{ year: y, index: i }] : []));
  const line = <K extends string>(b: StageBreakdown<K>, labels: Record<K, string>): Cell[] => [
    labels[b.key],
    ...columns.map(({ index }) => {
      const c = b.perYear[index];
      return c === null || c === undefined ? NO_DATA_LABEL : formatNumber(figure(c));
    }),
    { text: formatNumber(figure(b.total)), bold: true },
  ];
  // The year's own totals (a YearCount too), so the last line is the figure of `1. Kết quả từng năm`.
  const perYear = columns.map(({ index }) => {
    const y = result.perYear[index];
    return y?.kind === "scored" ? figure(y) : 0;
  });
  const totals = [...perYear, perYear.reduce((sum, t) => sum + t, 0)];
  const span = columns.length + 2;
  return dataTable(
    [
      { header: "Lĩnh vực, loại", width: 3.4 },
      ...columns.map(({ year }) => ({ header: String(year), width: 1, align: "center" as const })),
      { header: "Cả giai đoạn", width: 1.5, align: "center" },
    ],
    [
      [{ text: "Theo lĩnh vực", bold: true, span }],
      ...result.byField.map((b) => line(b, FIELD_LABEL)),
      [{ text: "Theo loại", bold: true, span }],
      ...result.byKind.map((b) => line(b, KIND_LABEL)),
      [{ text: "Tổng số", bold: true }, ...totals.map((t) => ({ text: formatNumber(t), bold: true }))],
    ],
  );
}
