import type { FileChild } from "docx";
import { formatNumber } from "../../../scoring/format.ts";
import { isTitled, type StageResult, type StageUnit } from "../../../scoring/stage.ts";
import { bodyText, heading, note } from "../paragraphs.ts";
import { afterTable, dataTable } from "../table.ts";

/**
 * `3. Đơn vị được đề xuất danh hiệu qua các năm`: in one sentence how many units were proposed “Dân vận khéo”
 * (tiêu biểu included) in how many years; by name, those proposed in the most years, then every unit proposed tiêu biểu at least once,
 * each with its years. The figures of every unit stay in `Tổng kết {Y1}-{Y2}`.
 */
export function titledUnitsSection(number: string, result: StageResult): FileChild[] {
  const title = heading(2, number, "Đơn vị được đề xuất danh hiệu qua các năm");
  const titled = result.units.filter((u) => u.yearsTitled > 0);
  if (titled.length === 0) return [title, note("Chưa có đơn vị được đề xuất “Dân vận khéo” trong giai đoạn.")];
  const most = Math.max(...titled.map((u) => u.yearsTitled));
  const exemplary = result.units
    .filter((u) => u.yearsExemplary > 0)
    .map((u, order) => ({ u, order }))
    .sort((a, b) => b.u.yearsExemplary - a.u.yearsExemplary || a.order - b.order)
    .map(({ u }) => u);
  return [
    title,
    bodyText(
      `Trong ${formatNumber(result.scoredYears.length)} năm có số liệu, ${formatNumber(titled.length)} đơn vị được đề xuất “Dân vận khéo” (kể cả tiêu biểu) ít nhất một năm: ${distribution(titled, most)}.`,
    ),
    heading(3, "a", `Đơn vị được đề xuất nhiều năm nhất (${formatNumber(most)} năm)`),
    dataTable(
      [
        { header: "Đơn vị", width: 3.6 },
        { header: "Cụm thi đua", width: 2.4 },
        { header: "Các năm được đề xuất", width: 3.6 },
      ],
      titled.filter((u) => u.yearsTitled === most).map((u) => [u.unit.name, u.group, titledYears(u)]),
      { numbered: true },
    ),
    afterTable(),
    heading(3, "b", "Đơn vị được đề xuất “Dân vận khéo tiêu biểu”"),
    ...(exemplary.length === 0
      ? [note("Chưa có đơn vị được đề xuất “Dân vận khéo tiêu biểu” trong giai đoạn.")]
      : [
          dataTable(
            [
              { header: "Đơn vị", width: 3.6 },
              { header: "Cụm thi đua", width: 2.4 },
              { header: "Số năm", width: 1, align: "center" },
              { header: "Các năm tiêu biểu", width: 2.6 },
            ],
            exemplary.map((u) => [u.unit.name, u.group, formatNumber(u.yearsExemplary), exemplaryYears(u)]),
            { numbered: true },
          ),
          afterTable(),
        ]),
  ];
}

/**
 * How many units were proposed in how many years, the most first.
 *
 * @example distribution(titled, 3) // → "4 đơn vị được đề xuất 3 năm, 12 đơn vị 2 năm, 36 đơn vị 1 năm"
 */
function distribution(titled: readonly StageUnit[], most: number): string {
  const parts: string[] = [];
  for (let years = most; years >= 1; years--) {
    const units = titled.filter((u) => u.yearsTitled === years).length;
    if (units > 0)
      parts.push(
        `${formatNumber(units)} đơn vị${parts.length === 0 ? " được đề xuất" : ""} ${formatNumber(years)} năm`,
      );
  }
  return parts.join(", ");
}
/**
 * The years a unit was proposed, tiêu biểu marked.
 *
 * @example titledYears(unit) // → "2022 (tiêu biểu), 2024"
 */
function titledYears(u: StageUnit): string {
  return u.years
    .filter((y) => isTitled(y.title))
    .map((y) => (y.title === "exemplary" ? `${y.year} (tiêu biểu)` : String(y.year)))
    .join(", ");
}

function exemplaryYears(u: StageUnit): string {
  return u.years
    .filter((y) => y.title === "exemplary")
    .map((y) => String(y.year))
    .join(", ");
}
