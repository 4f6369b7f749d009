import { noTitleReasonLabel, titleCellLabel, UNIT_TYPE_LABEL, yesNoLabel } from "../../scoring/labels.ts";
import type { ScoringResult, UnitResult } from "../../scoring/types.ts";
import type { CellHighlight, OutputCell, OutputTab } from "../types.ts";
import { yearlyTabTitle } from "./tab-names.ts";

export const RANKING_HEADERS = [
  "Cụm thi đua",
  "Hạng",
  "Mã đơn vị",
  "Tên đơn vị",
  "Loại đơn vị",
  "Số đăng ký",
  "Số tính chỉ tiêu",
  "Được công nhận",
  "Tập thể",
  "Cá nhân",
  "Số lĩnh vực",
  "Điểm",
  "Điểm chỉ tiêu",
  "Điểm tỷ lệ công nhận",
  "Điểm bình chọn",
  "Điểm lĩnh vực",
  "Đạt chỉ tiêu",
  "Đề xuất danh hiệu",
  "Lý do",
  "Cảnh báo",
] as const;

const column = (header: (typeof RANKING_HEADERS)[number]): number => RANKING_HEADERS.indexOf(header);
const QUOTA_MET = column("Đạt chỉ tiêu");
const TITLE = column("Đề xuất danh hiệu");
const WARNINGS = column("Cảnh báo");

function unitRow(u: UnitResult): OutputCell[] {
  return [
    u.group,
    u.rank,
    u.unit.code,
    u.unit.name,
    UNIT_TYPE_LABEL[u.unit.type],
    u.registrations,
    u.counted,
    u.recognised,
    u.recognisedCollective,
    u.recognisedIndividual,
    u.fields,
    u.score,
    u.parts.quota,
    u.parts.recognitionRate,
    u.parts.vote,
    u.parts.fields,
    yesNoLabel(u.quotaMet),
    titleCellLabel(u),
    noTitleReasonLabel(u.reason),
    u.flags.map((f) => f.message).join("; "),
  ];
}

/**
 * `Xếp hạng {Y}`: one row per unit in the order the rules ranked them (SPEC §3.3); counts, the score and its four
 * parts are numbers, and `Lý do` says why a unit has no title (§3.7).
 * Highlighted: `Đạt chỉ tiêu` when the quota is not met, `Cảnh báo` when there is a warning, and `Đề xuất danh hiệu`
 * when a tie at the title cap leaves the decision to the Ban Chỉ đạo.
 *
 * @example rankingTab(result).rows[1]
 *   // → ["Xã, thị trấn", 1, "XA-A", "Xã A", "Xã, thị trấn", 3, 2, 2, 2, 0, 2, 90, 50, 20, 10, 10, "Có", "Dân vận khéo", "", ""]
 */
export function rankingTab(result: ScoringResult): OutputTab {
  const highlights: CellHighlight[] = [];
  result.units.forEach((u, i) => {
    const row = i + 1;
    if (!u.quotaMet) highlights.push({ row, column: QUOTA_MET });
    if (u.title === "tieAtCap") highlights.push({ row, column: TITLE });
    if (u.flags.length > 0) highlights.push({ row, column: WARNINGS });
  });
  return {
    title: yearlyTabTitle("ranking", result.year),
    rows: [[...RANKING_HEADERS], ...result.units.map(unitRow)],
    highlights,
    percentColumns: [],
    numberFormats: SCORE_COLUMNS.map((c) => ({ column: column(c), pattern: SCORE_PATTERN })),
  };
}

/** The score and its four parts (SPEC §3.7), each rounded to two decimals and shown with both. */
const SCORE_COLUMNS = ["Điểm", "Điểm chỉ tiêu", "Điểm tỷ lệ công nhận", "Điểm bình chọn", "Điểm lĩnh vực"] as const;
export const SCORE_PATTERN = "0.00";
