import type { Settings } from "./types.ts";

/** The rule settings when the `Cấu hình` tab says nothing (SPEC §2.4; the seeds each default comes from are noted). */
export const DEFAULT_SETTINGS: Settings = {
  registrationDeadline: { day: 31, month: 3 }, // 000: đăng ký trong quý I
  reportDeadline: { day: 31, month: 12 },
  reportInFollowingYear: false, // 001: báo cáo trước 01/9 năm sau
  approvalShareAbove: 0.5, // "trên 50%"
  minimumSpread: "high", // 001: sức lan tỏa cao
  requireCommitteeRecognition: false, // 001: cấp ủy công nhận
  minimumModels: 1, // 000: 1–2 mô hình/năm
  targetModels: 2,
  minimumCollective: 0,
  minimumIndividual: 0,
  targetFields: 2,
  weights: { quota: 50, recognitionRate: 20, vote: 20, fields: 10 },
  titleShareMin: 0.25, // 003: 25–30% đơn vị đạt danh hiệu
  titleShareMax: 0.3,
  exemplaryMin: 3, // 003: 3–5 tiêu biểu
  exemplaryMax: 5,
  villageTeamGoodAbove: 0.7, // 003: trên 70% tổ dân vận tốt
  communeBlocGoodAbove: 0.75, // 003: trên 75% khối dân vận tốt
  villageCoverage: 1, // 003: 100% thôn, khu phố có mô hình
  titleAllocation: "whole", // one cap over every unit taking part
  sixMonthCutoff: { day: 30, month: 6 }, // 000, 002: báo cáo sơ kết 6 tháng
  stage: null, // the five-year stage holding the scored year (2021–2025, 2026–2030, …)
};

/**
 * The cross-setting rules a single cell cannot check, as Vietnamese messages (empty when the settings are sound).
 * The reader of `Cấu hình` stops the run when this is not empty.
 *
 * @example settingsProblems({ ...DEFAULT_SETTINGS, weights: { quota: 50, recognitionRate: 20, vote: 20, fields: 20 } })
 *   // → ["Tổng các trọng số phải bằng 100 (hiện là 110)."]
 */
export function settingsProblems(s: Settings): string[] {
  const problems: string[] = [];
  const { quota, recognitionRate, vote, fields } = s.weights;
  const sum = quota + recognitionRate + vote + fields;
  // Weights are typed by hand; compare with a tolerance so 33,34 + 33,33 + 33,33 + 0 is accepted.
  if (Math.abs(sum - 100) > 1e-9) problems.push(`Tổng các trọng số phải bằng 100 (hiện là ${formatNumber(sum)}).`);
  if (s.titleShareMin > s.titleShareMax) {
    problems.push("Tỷ lệ danh hiệu tối thiểu không được lớn hơn Tỷ lệ danh hiệu tối đa.");
  }
  if (s.exemplaryMin > s.exemplaryMax) problems.push("Số tiêu biểu tối thiểu không được lớn hơn Số tiêu biểu tối đa.");
  if (s.targetModels < 1) problems.push("Số mô hình mục tiêu phải từ 1 trở lên.");
  if (s.targetFields < 1) problems.push("Số lĩnh vực mục tiêu phải từ 1 trở lên.");
  return problems;
}

function formatNumber(n: number): string {
  return String(Math.round(n * 100) / 100).replace(".", ",");
}
