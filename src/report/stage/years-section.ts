import type { FileChild } from "docx";
import { formatNumber } from "../../../scoring/format.ts";
import type { StageResult, StageYear } from "../../../scoring/stage.ts";
import { NO_DATA_LABEL } from "../../../sheets-schema/output/stage-tab.ts";
import { heading } from "../paragraphs.ts";
import { shareText } from "../share-text.ts";
import { afterTable, type Cell, dataTable } from "../table.ts";

const FIGURES = 7;

/**
 * `1. Kết quả từng năm`: per year of the stage its registrations, counted and recognised ones, units meeting the
 * quota (of all units, and the share), units proposed “Dân vận khéo” and tiêu biểu; a year with no registration
 * says `chưa có dữ liệu` across the row, never zeros; the stage's totals of registrations last (`Tổng`).
 */
export function yearsSection(number: string, result: StageResult): FileChild[] {
  const scored = result.perYear.filter((y) => y.kind === "scored");
  const total = (of: (y: (typeof scored)[number]) => number) => ({
    text: formatNumber(scored.reduce((sum, y) => sum + of(y), 0)),
    bold: true,
  });
  return [
    heading(2, number, "Kết quả từng năm"),
    dataTable(
      [
        { header: "Năm", width: 0.8, align: "center" },
        { header: "Số đăng ký", width: 1, align: "center" },
        { header: "Tính chỉ tiêu", width: 1, align: "center" },
        { header: "Được công nhận", width: 1.1, align: "center" },
        { header: "Đơn vị đạt chỉ tiêu", width: 1.3, align: "center" },
        { header: "Tỷ lệ đạt chỉ tiêu", width: 1.1, align: "center" },
        { header: "Đề xuất “Dân vận khéo”", width: 1.3, align: "center" },
        { header: "Trong đó tiêu biểu", width: 1.1, align: "center" },
      ],
      [
        ...result.perYear.map(yearRow),
        [
          { text: "Tổng", bold: true },
          total((y) => y.registrations),
          total((y) => y.counted),
          total((y) => y.recognised),
          { text: "", span: 4 },
        ],
      ],
    ),
    afterTable(),
  ];
}

function yearRow(y: StageYear): Cell[] {
  switch (y.kind) {
    case "noRegistrations":
      return [String(y.year), { text: `${NO_DATA_LABEL} (không có đăng ký nào)`, italics: true, span: FIGURES }];
    case "scored":
      return [
        String(y.year),
        formatNumber(y.registrations),
        formatNumber(y.counted),
        formatNumber(y.recognised),
        `${formatNumber(y.unitsQuotaMet)}/${formatNumber(y.units)}`,
        shareText(y.unitsQuotaMet, y.units),
        formatNumber(y.unitsTitled),
        formatNumber(y.unitsExemplary),
      ];
    default: {
      const unknown: never = y;
      throw new Error(`Unknown year ${JSON.stringify(unknown)}`);
    }
  }
}
