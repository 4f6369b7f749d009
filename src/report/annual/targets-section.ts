import type { FileChild } from "docx";
import { formatGoal, formatNumber, formatPercent } from "../../../scoring/format.ts";
import { targetVerdictLabel } from "../../../scoring/labels.ts";
import type { ScoringResult, TargetResult } from "../../../scoring/types.ts";
import { yearlyTabTitle } from "../../../sheets-schema/output/tab-names.ts";
import { bodyText, heading } from "../paragraphs.ts";
import { afterTable, dataTable } from "../table.ts";

/**
 * `2. Kết quả thực hiện chỉ tiêu`: the district-wide targets of `Chỉ tiêu {Y}` with goal, actual and verdict (a
 * verdict not met in bold), then the thôn a target found missing. The targets per xã are in the tổ dân vận section.
 */
export function targetsSection(number: string, result: ScoringResult): FileChild[] {
  const district = result.targets.filter((t) => t.communeCode === null);
  const missing = district.filter((t) => t.missing.length > 0);
  return [
    heading(2, number, `Kết quả thực hiện chỉ tiêu (${yearlyTabTitle("targets", result.year)})`),
    dataTable(
      [
        { header: "Chỉ tiêu", width: 4.6 },
        { header: "Mục tiêu", width: 1.6, align: "center" },
        { header: "Thực hiện", width: 2.6, align: "center" },
        { header: "Đánh giá", width: 1.4, align: "center" },
      ],
      district.map((t) => [
        t.label,
        formatGoal(t.goal, t.unit),
        actualText(t),
        { text: targetVerdictLabel(t.met), bold: !t.met },
      ]),
      { numbered: true },
    ),
    afterTable(),
    ...missing.map((t) =>
      bodyText(`${t.label} – còn thiếu: ${t.missing.map((u) => `${u.name} (${u.code})`).join("; ")}.`),
    ),
  ];
}

/**
 * The actual figure with the counts behind a share.
 *
 * @example actualText({ unit: "share", actual: 0.25, numerator: 3, denominator: 12 }) // → "25% (3/12)"
 * @example actualText({ unit: "count", actual: 2 }) // → "2"
 */
export function actualText(t: Pick<TargetResult, "unit" | "actual" | "numerator" | "denominator">): string {
  if (t.actual === null) return "Chưa có số liệu";
  if (t.unit === "count") return formatNumber(t.actual);
  return `${formatPercent(t.actual)} (${formatNumber(t.numerator)}/${formatNumber(t.denominator)})`;
}
