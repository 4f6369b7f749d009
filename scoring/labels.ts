/**
 * The Vietnamese names of every closed set, exactly as people read and type them (SPEC §2, §3).
 * The sheet readers and writers import these, so the words live in one place.
 */
import { formatNumber } from "./format.ts";
import type { ReviewKind } from "./review-kind.ts";
import type {
  Criterion,
  Field,
  Form,
  Kind,
  NoTitleReason,
  Rating,
  ReviewItem,
  ScoreParts,
  Spread,
  TargetId,
  TeamFlag,
  TeamLevel,
  TitleAllocation,
  TitleProposal,
  UnitType,
} from "./types.ts";

export const UNIT_TYPE_LABEL: Record<UnitType, string> = {
  commune: "Xã, thị trấn",
  partyCell: "Chi bộ",
  agency: "Cơ quan, đơn vị",
  village: "Thôn, khu phố",
  massOrganisation: "Tổ chức chính trị - xã hội",
};

export const KIND_LABEL: Record<Kind, string> = {
  collective: "Tập thể",
  individual: "Cá nhân",
};

export const FIELD_LABEL: Record<Field, string> = {
  economy: "Kinh tế",
  cultureSociety: "Văn hóa - xã hội",
  defenceSecurity: "Quốc phòng - an ninh",
  politicalSystem: "Xây dựng hệ thống chính trị",
};

export const FORM_LABEL: Record<Form, string> = {
  new: "Xây dựng mới",
  replicated: "Nhân rộng",
  maintained: "Duy trì",
};

export const SPREAD_LABEL: Record<Spread, string> = {
  low: "Thấp",
  medium: "Trung bình",
  high: "Cao",
};

export const TEAM_LEVEL_LABEL: Record<TeamLevel, string> = {
  villageTeam: "Tổ dân vận",
  communeBloc: "Khối dân vận",
};

export const RATING_LABEL: Record<Rating, string> = {
  good: "Tốt",
  fair: "Khá",
  average: "Trung bình",
  weak: "Yếu",
};

/** Column headers of the criteria in `Kết quả mô hình {Y}`. */
export const CRITERION_LABEL: Record<Criterion, string> = {
  registeredOnTime: "Đăng ký",
  democraticVote: "Bình chọn dân chủ",
  acknowledged: "Tập thể thừa nhận",
  spread: "Sức lan tỏa",
  committeeRecognised: "Cấp ủy công nhận",
};

/** The four parts of a score (§3.7), as the columns of `Xếp hạng {Y}` name them. */
export const SCORE_PART_LABEL: Record<keyof ScoreParts, string> = {
  quota: "Điểm chỉ tiêu",
  recognitionRate: "Điểm tỷ lệ công nhận",
  vote: "Điểm bình chọn",
  fields: "Điểm lĩnh vực",
};

/** `Đề xuất danh hiệu`; empty when nothing is proposed. */
export const TITLE_LABEL: Record<TitleProposal, string> = {
  exemplary: "Dân vận khéo tiêu biểu",
  title: "Dân vận khéo",
  tieAtCap: "Đồng hạng tại ngưỡng – Ban Chỉ đạo xem xét",
  none: "",
};

/**
 * The warning of a unit proposed “Dân vận khéo” while tied with units proposed “tiêu biểu” across `Số tiêu biểu tối
 * đa` (SPEC §3.4); `TIE_AT_EXEMPLARY_CAP_NOTE` is the same words inside a sentence.
 */
export const TIE_AT_EXEMPLARY_CAP_LABEL = "Đồng hạng tại ngưỡng tiêu biểu – Ban Chỉ đạo xem xét";

/** `TIE_AT_EXEMPLARY_CAP_LABEL` after a count or in brackets: "6 đơn vị đồng hạng tại ngưỡng tiêu biểu – …". */
export const TIE_AT_EXEMPLARY_CAP_NOTE =
  TIE_AT_EXEMPLARY_CAP_LABEL.charAt(0).toLowerCase() + TIE_AT_EXEMPLARY_CAP_LABEL.slice(1);

/**
 * What `Đề xuất danh hiệu` says for a unit that does not take part in the title (Xét danh hiệu: Không, or a thôn by
 * default), so an empty cell is not mistaken for an oversight next to a lower-ranked unit that was proposed.
 */
export const NOT_IN_TITLE_LABEL = "Không xét danh hiệu";

/** `Đề xuất danh hiệu` of one unit. */
export function titleCellLabel(unit: { title: TitleProposal; takesPartInTitle: boolean }): string {
  return unit.takesPartInTitle ? TITLE_LABEL[unit.title] : NOT_IN_TITLE_LABEL;
}

/** `Phân bổ suất danh hiệu` (§2.4). */
export const TITLE_ALLOCATION_LABEL: Record<TitleAllocation, string> = {
  whole: "Toàn bộ",
  perGroup: "Theo cụm",
};

/**
 * `Lý do` of a unit not proposed a title (§3.7); empty for a unit proposed one or in a straddling tie.
 *
 * @example noTitleReasonLabel({ code: "beyondCap", lowestProposed: 94.18 }) // → "Ngoài số suất (điểm thấp nhất được đề xuất: 94,18)"
 * @example noTitleReasonLabel({ code: "quotaNotMet" }) // → "Chưa đạt chỉ tiêu"
 */
export function noTitleReasonLabel(reason: NoTitleReason | null): string {
  if (reason === null) return "";
  switch (reason.code) {
    case "notTakingPart":
      return NOT_IN_TITLE_LABEL;
    case "quotaNotMet":
      return "Chưa đạt chỉ tiêu";
    case "beyondCap":
      return reason.lowestProposed === null
        ? "Ngoài số suất"
        : `Ngoài số suất (điểm thấp nhất được đề xuất: ${formatNumber(reason.lowestProposed)})`;
    default:
      return unreachable(reason);
  }
}

function unreachable(value: never): never {
  throw new Error(`Unhandled: ${JSON.stringify(value)}`);
}

/** `Chỉ tiêu` (the per-xã village-team target appends " – {tên xã}"). */
export const TARGET_LABEL: Record<TargetId, string> = {
  titleShare: "Tỷ lệ đơn vị được đề xuất danh hiệu “Dân vận khéo” (kể cả tiêu biểu)",
  exemplaryCount: "Số đơn vị được đề xuất “Dân vận khéo” tiêu biểu",
  villageTeamsGood: "Tỷ lệ tổ dân vận xếp loại Tốt",
  communeBlocsGood: "Tỷ lệ khối dân vận xếp loại Tốt",
  villageCoverage: "Tỷ lệ thôn, khu phố có mô hình, điển hình được công nhận",
  quotaShare: "Tỷ lệ đơn vị đạt chỉ tiêu mô hình, điển hình",
};

/** `Đề nghị` in `Rà soát {Y}`. */
export const REVIEW_LABEL: Record<ReviewItem["code"], string> = {
  proposeRemoval: "Đề nghị đưa ra khỏi danh sách",
  needsStrengthening: "Cần củng cố",
};

export const TEAM_FLAG_LABEL: Record<TeamFlag["code"], string> = {
  weak: "Xếp loại Yếu",
  unrated: "Chưa xếp loại",
};

/** A criterion's cell: `Đạt` / `Không đạt`. */
export function criterionVerdictLabel(passed: boolean): string {
  return passed ? "Đạt" : "Không đạt";
}

/** A target's `Đánh giá`: `Đạt` / `Chưa đạt`. */
export function targetVerdictLabel(met: boolean): string {
  return met ? "Đạt" : "Chưa đạt";
}

/** A yes/no cell such as `Công nhận` or `Đạt chỉ tiêu`: `Có` / `Không`. */
export function yesNoLabel(value: boolean): string {
  return value ? "Có" : "Không";
}

/** A review (SPEC §3.8) as people name it, e.g. in the run log. */
export const REVIEW_KIND_LABEL: Record<ReviewKind, string> = {
  nam: "Chấm điểm năm",
  "6-thang": "Sơ kết 6 tháng",
  "giai-doan": "Tổng kết giai đoạn",
};
