/**
 * The records the rules work on (SPEC §2) and the result they produce (SPEC §3).
 *
 * Everything here is already parsed: the rules never see a raw cell. Closed sets are string unions so that every
 * `switch` over them can be exhaustive. Vietnamese terms appear once, in the comment beside their English name.
 */

/** A calendar date as ISO `yyyy-mm-dd`: compares correctly as a string and survives JSON unchanged. */
export type IsoDate = string;

/** A day and month without a year, e.g. the registration deadline 31/03 (`Hạn đăng ký`). */
export interface DayMonth {
  day: number;
  month: number;
}

// Loại đơn vị: Xã, thị trấn · Chi bộ · Cơ quan, đơn vị · Thôn, khu phố · Tổ chức chính trị - xã hội
export type UnitType = "commune" | "partyCell" | "agency" | "village" | "massOrganisation";
// Loại: Tập thể · Cá nhân
export type Kind = "collective" | "individual";
// Lĩnh vực: Kinh tế · Văn hóa - xã hội · Quốc phòng - an ninh · Xây dựng hệ thống chính trị
export type Field = "economy" | "cultureSociety" | "defenceSecurity" | "politicalSystem";
// Hình thức: Xây dựng mới · Nhân rộng · Duy trì
export type Form = "new" | "replicated" | "maintained";
// Sức lan tỏa: Thấp < Trung bình < Cao
export type Spread = "low" | "medium" | "high";
// Cấp: Tổ dân vận (village team) · Khối dân vận (commune bloc)
export type TeamLevel = "villageTeam" | "communeBloc";
// Xếp loại: Tốt · Khá · Trung bình · Yếu
export type Rating = "good" | "fair" | "average" | "weak";

/**
 * Where a record came from, so results and warnings can point back at the sheet.
 * `row` is the 1-based sheet row; `source` names the spreadsheet when several are merged (empty for the main one).
 */
export interface RowRef {
  source: string;
  row: number;
}

/** A unit (đơn vị) of the `Đơn vị` tab. `code` is already the comparison key (trimmed, upper-cased). */
export interface Unit {
  ref: RowRef;
  code: string;
  name: string;
  type: UnitType;
  /** Mã đơn vị cấp trên, as a comparison key; null when empty. */
  parentCode: string | null;
  /** Cụm thi đua as typed (trimmed); null when empty, then the ranking group is the unit type. */
  cluster: string | null;
  /** Xét danh hiệu; null when empty, then the default of the unit type applies (see `takesPartInTitle`). */
  titleParticipation: boolean | null;
}

/** A registration (đăng ký) of one model (mô hình) or exemplar (điển hình) for one year. */
export interface Registration {
  ref: RowRef;
  /** Mã mô hình as a comparison key; null when empty. */
  modelId: string | null;
  year: number;
  unitCode: string;
  name: string;
  kind: Kind;
  field: Field;
  form: Form;
  registeredOn: IsoDate | null; // Ngày đăng ký
  reportedOn: IsoDate | null; // Ngày báo cáo
  publicVote: boolean; // Bình chọn công khai
  votesFor: number | null; // Số phiếu đồng ý
  votesCast: number | null; // Tổng số phiếu
  acknowledged: boolean; // Tập thể thừa nhận
  spread: Spread | null; // Sức lan tỏa
  committeeRecognised: boolean; // Cấp ủy công nhận
  note: string; // Ghi chú
}

/** A tổ dân vận or khối dân vận and its rating for one year. */
export interface Team {
  ref: RowRef;
  year: number;
  teamId: string;
  name: string;
  level: TeamLevel;
  unitCode: string;
  /** null: not rated (chưa xếp loại), which is itself a flag. */
  rating: Rating | null;
}

/** Score weights in percent (Trọng số …); they sum to 100. */
export interface Weights {
  quota: number; // chỉ tiêu
  recognitionRate: number; // tỷ lệ công nhận
  vote: number; // bình chọn
  fields: number; // lĩnh vực
}

/** The rule settings of the `Cấu hình` tab (SPEC §2.4), validated. Shares are fractions in [0, 1]. */
export interface Settings {
  registrationDeadline: DayMonth; // Hạn đăng ký
  reportDeadline: DayMonth; // Hạn báo cáo
  reportInFollowingYear: boolean; // Báo cáo vào năm sau
  approvalShareAbove: number; // Tỷ lệ đồng ý phải trên
  minimumSpread: Spread; // Sức lan tỏa tối thiểu
  requireCommitteeRecognition: boolean; // Yêu cầu cấp ủy công nhận
  minimumModels: number; // Số mô hình tối thiểu
  targetModels: number; // Số mô hình mục tiêu
  minimumCollective: number; // Tối thiểu tập thể
  minimumIndividual: number; // Tối thiểu cá nhân
  targetFields: number; // Số lĩnh vực mục tiêu
  weights: Weights;
  titleShareMin: number; // Tỷ lệ danh hiệu tối thiểu
  titleShareMax: number; // Tỷ lệ danh hiệu tối đa
  exemplaryMin: number; // Số tiêu biểu tối thiểu
  exemplaryMax: number; // Số tiêu biểu tối đa
  villageTeamGoodAbove: number; // Tổ dân vận tốt trên
  communeBlocGoodAbove: number; // Khối dân vận tốt trên
  villageCoverage: number; // Độ phủ thôn, khu phố
  /** Phân bổ suất danh hiệu: one cap over all of E (Toàn bộ), or one per ranking group (Theo cụm). */
  titleAllocation: TitleAllocation;
  /** Ngày sơ kết 6 tháng: the cut-off day/month of the six-month review of a year (§3.8). */
  sixMonthCutoff: DayMonth;
  /** Giai đoạn: the stage the stage review covers; null (the default) is the five-year stage holding the year. */
  stage: Stage | null;
}

export type TitleAllocation = "whole" | "perGroup"; // Toàn bộ · Theo cụm

/** A stage (giai đoạn) of the movement: the years `first` … `last`, both included, e.g. 2021–2025. */
export interface Stage {
  first: number;
  last: number;
}

/** Everything the rules need for one scored year. */
export interface ScoringInput {
  year: number;
  settings: Settings;
  units: readonly Unit[];
  /** Registrations of every year: the review list (§3.6) looks at year Y − 1. */
  registrations: readonly Registration[];
  teams: readonly Team[];
  /**
   * Registration rows of year Y left out as data errors, counted by unit code: a unit whose rows were all rejected
   * is warned to fix them, not that it registered nothing. Absent: none.
   */
  rejectedRegistrations?: ReadonlyMap<string, number>;
}

// ---------------------------------------------------------------------------------------------------------------
// Result

// The recognition criteria of §3.1, in the order they are written out.
export type Criterion = "registeredOnTime" | "democraticVote" | "acknowledged" | "spread" | "committeeRecognised";

export interface CriterionVerdict {
  criterion: Criterion;
  passed: boolean;
  /** Vietnamese, for a person to act on; empty when passed. */
  reason: string;
}

/** The verdict on one registration of year Y (Kết quả mô hình). */
export interface RegistrationVerdict {
  registration: Registration;
  /** Xây dựng mới or Nhân rộng: counts toward the yearly quota. */
  counted: boolean;
  criteria: CriterionVerdict[];
  recognised: boolean; // được công nhận
  /** Approval share đồng ý/tổng when it can be computed, else null. */
  approvalShare: number | null;
}

// Đề xuất danh hiệu
export type TitleProposal =
  | "exemplary" // Dân vận khéo tiêu biểu
  | "title" // Dân vận khéo
  | "tieAtCap" // Đồng hạng tại ngưỡng – Ban Chỉ đạo xem xét
  | "none";

export type UnitFlag =
  | { code: "quotaNotMet"; message: string }
  | { code: "lateReport"; message: string }
  | { code: "noRegistration"; message: string }
  | { code: "weakOrUnratedTeam"; message: string }
  | { code: "tieAtExemplaryCap"; message: string }
  | { code: "rejectedRows"; message: string };

/**
 * The four weighted parts of a unit's score (§3.7), each rounded to 2 decimals: `Điểm chỉ tiêu` wq·min(R/T, 1),
 * `Điểm tỷ lệ công nhận` wr·R/N, `Điểm bình chọn` wv·V, `Điểm lĩnh vực` wf·min(F/Ft, 1); all 0 when N = 0. Their sum
 * may differ from the rounded score by 0.01.
 */
export interface ScoreParts {
  quota: number;
  recognitionRate: number;
  vote: number;
  fields: number;
}

// Lý do: why a unit is not proposed a title (§3.7).
export type NoTitleReason =
  | { code: "notTakingPart" } // Không xét danh hiệu
  | { code: "quotaNotMet" } // Chưa đạt chỉ tiêu
  /** In Q but ranked beyond the cap; the lowest score proposed in the same allocation, null when nobody was. */
  | { code: "beyondCap"; lowestProposed: number | null }; // Ngoài số suất

export interface UnitResult {
  unit: Unit;
  /** The ranking group: Cụm thi đua, else the unit type's Vietnamese name. */
  group: string;
  rank: number; // Hạng, competition ranking inside the group
  registrations: number; // Số đăng ký (every Hình thức, year Y)
  counted: number; // Số tính chỉ tiêu (N)
  recognised: number; // Được công nhận (R)
  recognisedCollective: number; // Tập thể (Rt)
  recognisedIndividual: number; // Cá nhân (Rc)
  fields: number; // Số lĩnh vực (F)
  meanApproval: number; // V
  score: number; // Điểm, rounded to 2 decimals
  parts: ScoreParts;
  quotaMet: boolean; // Đạt chỉ tiêu
  takesPartInTitle: boolean; // Xét danh hiệu, resolved
  title: TitleProposal;
  /** Why no title: null when proposed one, or in a tie straddling the cap (the title says so). */
  reason: NoTitleReason | null;
  flags: UnitFlag[];
}

export type TargetId =
  | "titleShare"
  | "exemplaryCount"
  | "villageTeamsGood"
  | "communeBlocsGood"
  | "villageCoverage"
  | "quotaShare";

/**
 * What a target asks for (mục tiêu), in the units of its `actual` figure (a fraction for shares, a count for counts).
 * Kept as numbers so a chart can draw it and a verdict can be computed from it; written as text ("> 70%",
 * "25% – 30%", "3 – 5") only where a person reads it (`formatGoal`).
 */
export type Goal =
  | { kind: "above"; min: number } // trên: strictly above `min`
  | { kind: "atLeast"; min: number } // ít nhất: `min` or more
  | { kind: "between"; min: number; max: number }; // từ … đến …: both ends included; min = max for an exact figure

/** One target (chỉ tiêu) with its goal, the actual figure and the verdict Đạt / Chưa đạt. */
export interface TargetResult {
  id: TargetId;
  /** Vietnamese name of the target, e.g. "Tỷ lệ tổ dân vận xếp loại Tốt – Xã A". */
  label: string;
  /** The xã for the per-xã village-team target; null for district-wide targets. */
  communeCode: string | null;
  goal: Goal;
  /** The actual value: a share in [0, 1] or a count; null when there is nothing to measure (e.g. no teams). */
  actual: number | null;
  /** "share" figures are fractions, "count" figures are whole numbers. */
  unit: "share" | "count";
  numerator: number;
  denominator: number;
  met: boolean;
  /** Extra detail, e.g. the thôn without a recognised model. */
  detail: string;
  /** Units the target found missing (villageCoverage: the thôn, khu phố without a recognised model); else empty. */
  missing: { code: string; name: string }[];
}

/** Tổ dân vận per xã (§3.5 target 3) for the `Tổ, khối dân vận {Y}` tab. */
export interface CommuneTeamSummary {
  communeCode: string;
  communeName: string;
  teams: number;
  good: number;
  share: number | null;
  met: boolean;
}

export interface TeamFlag {
  team: Team;
  code: "weak" | "unrated";
  message: string;
}

export interface ReviewItem {
  registration: Registration;
  code: "proposeRemoval" | "needsStrengthening"; // Đề nghị đưa ra khỏi danh sách · Cần củng cố
  message: string;
}

/**
 * The settings a unit's score and quota were reached with (§3.2): kept with the result so a page can show how a
 * score was reached (R/T, F/Ft, the weights) and what the quota asks, as the settings were on the day of the run.
 */
export interface ScoreRules {
  weights: Weights;
  targetModels: number; // Số mô hình mục tiêu (T)
  targetFields: number; // Số lĩnh vực mục tiêu (Ft)
  minimumModels: number; // Số mô hình tối thiểu
  minimumCollective: number; // Tối thiểu tập thể
  minimumIndividual: number; // Tối thiểu cá nhân
}

export interface ScoringResult {
  year: number;
  criteriaInForce: Criterion[];
  scoreRules: ScoreRules;
  /** Units in the order of `Xếp hạng {Y}`: by group (Vietnamese collation), rank, then name. */
  units: UnitResult[];
  /** Registrations of year Y, by unit code then sheet row. */
  registrations: RegistrationVerdict[];
  targets: TargetResult[];
  communeTeams: CommuneTeamSummary[];
  teamFlags: TeamFlag[];
  review: ReviewItem[];
}
