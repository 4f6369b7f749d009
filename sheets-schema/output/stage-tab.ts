import { FIELD_LABEL, KIND_LABEL, titleCellLabel, UNIT_TYPE_LABEL } from "../../scoring/labels.ts";
import type { StageBreakdown, StageResult, StageUnit, StageYear } from "../../scoring/stage.ts";
import type { CellHighlight, OutputCell, OutputTab } from "../types.ts";
import { stageTabTitle } from "./tab-names.ts";
import { unitNames } from "./unit-names.ts";

/** The unit table's columns before the years. */
export const STAGE_LEADING_HEADERS = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Cụm thi đua"] as const;

/** The unit table's columns after the years: the unit over the stage. */
export const STAGE_TRAILING_HEADERS = [
  "Tổng số tính chỉ tiêu",
  "Tổng được công nhận",
  "Số năm đạt chỉ tiêu",
  "Số năm được đề xuất",
  "Số năm tiêu biểu",
] as const;

/** The table of totals per year, under the unit table. */
export const STAGE_YEAR_HEADERS = [
  "Năm",
  "Số đăng ký",
  "Số tính chỉ tiêu",
  "Được công nhận",
  "Số đơn vị",
  "Số đơn vị đạt chỉ tiêu",
  "Tỷ lệ đơn vị đạt chỉ tiêu",
  "Số đơn vị được đề xuất",
  "Số đơn vị tiêu biểu",
] as const;

/** What a year of the stage with no registration row shows, wherever a figure of that year would be. */
export const NO_DATA_LABEL = "chưa có dữ liệu";

/**
 * The header row of the unit table: for each scored year its five columns (SPEC §5).
 *
 * @example stageHeaders([2021]) // → ["Mã đơn vị", …, "Cụm thi đua", "Số tính chỉ tiêu 2021", "Được công nhận 2021",
 *   //   "Điểm 2021", "Hạng 2021", "Đề xuất danh hiệu 2021", "Tổng số tính chỉ tiêu", …, "Số năm tiêu biểu"]
 */
export function stageHeaders(scoredYears: readonly number[]): string[] {
  return [
    ...STAGE_LEADING_HEADERS,
    ...scoredYears.flatMap((y) => [
      `Số tính chỉ tiêu ${y}`,
      `Được công nhận ${y}`,
      `Điểm ${y}`,
      `Hạng ${y}`,
      `Đề xuất danh hiệu ${y}`,
    ]),
    ...STAGE_TRAILING_HEADERS,
  ];
}

const PER_YEAR = 5;
const TITLE_IN_YEAR = 4;

function unitRow(u: StageUnit, name: string): OutputCell[] {
  return [
    u.unit.code,
    name,
    UNIT_TYPE_LABEL[u.unit.type],
    u.unit.cluster ?? "",
    ...u.years.flatMap((y): OutputCell[] => [y.counted, y.recognised, y.score, y.rank, titleCellLabel(y)]),
    u.counted,
    u.recognised,
    u.yearsQuotaMet,
    u.yearsTitled,
    u.yearsExemplary,
  ];
}

/**
 * `Tổng kết {Y1}-{Y2}`: from A1 one row per unit with its figures for each scored year of the stage and over the
 * stage; then, after one empty row each, the totals per year, per `Lĩnh vực` and per `Loại`. A year of the stage
 * with no registration has no columns in the unit table and says `chưa có dữ liệu` in the totals. Numbers are
 * numbers; the share of units meeting the quota is a percentage. Highlighted: a title left to the Ban Chỉ đạo (a
 * tie at the cap).
 */
export function stageTab(result: StageResult): OutputTab {
  const names = unitNames(result);
  const highlights: CellHighlight[] = [];
  const percentCells: CellHighlight[] = [];
  const rows: OutputCell[][] = [stageHeaders(result.scoredYears)];
  for (const u of result.units) {
    u.years.forEach((y, i) => {
      const column = STAGE_LEADING_HEADERS.length + i * PER_YEAR + TITLE_IN_YEAR;
      if (y.title === "tieAtCap") highlights.push({ row: rows.length, column });
    });
    rows.push(unitRow(u, names.get(u.unit.code) ?? u.unit.name));
  }

  rows.push([], [...STAGE_YEAR_HEADERS]);
  for (const y of result.perYear) {
    if (y.kind === "scored" && y.quotaShare !== null) percentCells.push({ row: rows.length, column: 6 });
    rows.push(yearRow(y));
  }
  rows.push([], ...breakdownTable("Lĩnh vực", result.years, result.byField, FIELD_LABEL));
  rows.push([], ...breakdownTable("Loại", result.years, result.byKind, KIND_LABEL));
  return { title: stageTabTitle(result.stage), rows, highlights, percentColumns: [], percentCells };
}

function yearRow(y: StageYear): OutputCell[] {
  switch (y.kind) {
    case "noRegistrations":
      return [y.year, NO_DATA_LABEL];
    case "scored":
      return [
        y.year,
        y.registrations,
        y.counted,
        y.recognised,
        y.units,
        y.unitsQuotaMet,
        y.quotaShare,
        y.unitsTitled,
        y.unitsExemplary,
      ];
    default: {
      const unknown: never = y;
      throw new Error(`Unknown year ${JSON.stringify(unknown)}`);
    }
  }
}

/** One line per field (or kind): registrations and recognised ones of each year of the stage, then over it. */
function breakdownTable<K extends string>(
  heading: string,
  years: readonly number[],
  lines: readonly StageBreakdown<K>[],
  labels: Record<K, string>,
): OutputCell[][] {
  const header: OutputCell[] = [
    heading,
    ...years.flatMap((y) => [`Số đăng ký ${y}`, `Được công nhận ${y}`]),
    "Tổng số đăng ký",
    "Tổng được công nhận",
  ];
  const body = lines.map((line): OutputCell[] => [
    labels[line.key],
    ...line.perYear.flatMap((c): OutputCell[] =>
      c === null ? [NO_DATA_LABEL, NO_DATA_LABEL] : [c.registrations, c.recognised],
    ),
    line.total.registrations,
    line.total.recognised,
  ]);
  return [header, ...body];
}
