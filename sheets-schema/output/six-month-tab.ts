import { formatDate } from "../../scoring/format.ts";
import { FIELD_LABEL, FORM_LABEL, KIND_LABEL, UNIT_TYPE_LABEL } from "../../scoring/labels.ts";
import type { SixMonthCount, SixMonthFlag, SixMonthResult } from "../../scoring/six-month.ts";
import type { CellHighlight, OutputCell, OutputTab } from "../types.ts";
import { sixMonthTabTitle } from "./tab-names.ts";
import { unitNames } from "./unit-names.ts";

/** The unit table of `Sơ kết 6 tháng {Y}` (SPEC §5). */
export const SIX_MONTH_HEADERS = [
  "Mã đơn vị",
  "Tên đơn vị",
  "Loại đơn vị",
  "Cụm thi đua",
  "Đăng ký đến ngày sơ kết",
  "Tập thể",
  "Cá nhân",
  "Đã báo cáo",
  "Cảnh báo",
] as const;

/** The two figures of each count table, after the value counted. */
export const SIX_MONTH_COUNT_HEADERS = ["Đăng ký đến ngày sơ kết", "Đã báo cáo"] as const;

/** `Cảnh báo` of a unit with nothing registered by the cut-off. */
export const NOT_REGISTERED_LABEL = "Chưa đăng ký";

const WARNINGS = SIX_MONTH_HEADERS.indexOf("Cảnh báo");

/**
 * `Cảnh báo` of one unit at six months.
 *
 * @example sixMonthFlagLabel({ code: "rejectedRows", rows: 2 }) // → "Có 2 dòng đăng ký bị lỗi – xem Lỗi dữ liệu"
 */
export function sixMonthFlagLabel(flag: SixMonthFlag): string {
  switch (flag.code) {
    case "noRegistration":
      return NOT_REGISTERED_LABEL;
    case "rejectedRows":
      return `Có ${flag.rows} dòng đăng ký bị lỗi – xem Lỗi dữ liệu`;
    default: {
      const unknown: never = flag;
      throw new Error(`Unknown flag ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * `Sơ kết 6 tháng {Y}`: from A1 one row per unit (every type) with what it registered, and reported, by the cut-off;
 * then, after one empty row each, the counts by `Lĩnh vực`, `Loại` and `Hình thức` (every value, a `Tổng cộng` row
 * last), and a line saying the cut-off and what was left out (rows without `Ngày đăng ký`, rows dated after it).
 * Counts are numbers. `Cảnh báo` is highlighted when set.
 *
 * @example sixMonthTab(result).rows[1] // → ["XA-A", "Xã A", "Xã, thị trấn", "", 2, 1, 1, 1, ""]
 */
export function sixMonthTab(result: SixMonthResult): OutputTab {
  const names = unitNames(result);
  const highlights: CellHighlight[] = [];
  const rows: OutputCell[][] = [[...SIX_MONTH_HEADERS]];
  for (const u of result.units) {
    const warnings = u.flags.map(sixMonthFlagLabel).join("; ");
    if (warnings !== "") highlights.push({ row: rows.length, column: WARNINGS });
    rows.push([
      u.unit.code,
      names.get(u.unit.code) ?? u.unit.name,
      UNIT_TYPE_LABEL[u.unit.type],
      u.unit.cluster ?? "",
      u.registered,
      u.collective,
      u.individual,
      u.reported,
      warnings,
    ]);
  }
  rows.push([], ...countTable("Lĩnh vực", result.byField, FIELD_LABEL, result));
  rows.push([], ...countTable("Loại", result.byKind, KIND_LABEL, result));
  rows.push([], ...countTable("Hình thức", result.byForm, FORM_LABEL, result));
  rows.push([], [cutoffNote(result)]);
  return { title: sixMonthTabTitle(result.year), rows, highlights, percentColumns: [] };
}

function countTable<K extends string>(
  heading: string,
  counts: readonly SixMonthCount<K>[],
  labels: Record<K, string>,
  result: SixMonthResult,
): OutputCell[][] {
  return [
    [heading, ...SIX_MONTH_COUNT_HEADERS],
    ...counts.map((c): OutputCell[] => [labels[c.key], c.registered, c.reported]),
    ["Tổng cộng", result.registered, result.reported],
  ];
}

/** The cut-off, and the rows of the year it did not count. */
function cutoffNote(result: SixMonthResult): string {
  const left: string[] = [];
  if (result.undated > 0) left.push(`${result.undated} đăng ký chưa ghi Ngày đăng ký`);
  if (result.afterCutoff > 0) left.push(`${result.afterCutoff} đăng ký sau ngày sơ kết`);
  const leftOut = left.length === 0 ? "" : `; không tính ${left.join(" và ")}`;
  return `Số liệu đến ngày sơ kết ${formatDate(result.cutoff)}${leftOut}.`;
}
