/**
 * Recognition of one registration (công nhận, SPEC §3.1): each criterion passes or fails with a reason
 * a person can act on, and the registration is recognised when every criterion in force passes.
 */
import { deadlineIn } from "./dates.ts";
import { flatText } from "./flat-text.ts";
import { formatDate, formatNumber, formatPercent } from "./format.ts";
import { SPREAD_LABEL } from "./labels.ts";
import { isAbove } from "./numbers.ts";
import type {
  Criterion,
  CriterionVerdict,
  IsoDate,
  Registration,
  RegistrationVerdict,
  Settings,
  Spread,
} from "./types.ts";

const SPREAD_ORDER: Record<Spread, number> = { low: 0, medium: 1, high: 2 };

/**
 * The criteria that decide recognition, in the order they are written out.
 *
 * @example criteriaInForce(DEFAULT_SETTINGS) // → ["registeredOnTime", "democraticVote", "acknowledged", "spread"]
 */
export function criteriaInForce(settings: Settings): Criterion[] {
  const criteria: Criterion[] = ["registeredOnTime", "democraticVote", "acknowledged", "spread"];
  if (settings.requireCommitteeRecognition) criteria.push("committeeRecognised");
  return criteria;
}

/**
 * Xây dựng mới or Nhân rộng: counts toward the yearly quota. Duy trì is judged but never counted again
 * ("không tính cộng dồn").
 */
export function isCounted(registration: Registration): boolean {
  return registration.form !== "maintained";
}

/**
 * đồng ý / tổng when the counts make sense (at least one vote cast, 0 ≤ đồng ý ≤ tổng), else null.
 *
 * @example approvalShare({ ...r, votesFor: 6, votesCast: 8 }) // → 0.75
 * @example approvalShare({ ...r, votesFor: 9, votesCast: 8 }) // → null
 */
export function approvalShare(registration: Registration): number | null {
  const { votesFor, votesCast } = registration;
  if (votesFor === null || votesCast === null || votesCast < 1) return null;
  if (votesFor < 0 || votesFor > votesCast) return null;
  return votesFor / votesCast;
}

/**
 * Judges one registration against the criteria in force; the deadline is that of the registration's own year.
 *
 * @example judgeRegistration({ ...r, registeredOn: "2024-04-15", year: 2024 }, DEFAULT_SETTINGS).criteria[0]
 *   // → { criterion: "registeredOnTime", passed: false, reason: "Đăng ký ngày 15/04/2024, sau hạn 31/03/2024" }
 */
export function judgeRegistration(registration: Registration, settings: Settings): RegistrationVerdict {
  return registrationJudge(settings)(registration);
}

/**
 * `judgeRegistration` for every registration of a run under one set of settings: the criteria in force and each
 * year's deadline are worked out once, rather than once per registration (tens of thousands per run).
 *
 * @example registrationJudge(DEFAULT_SETTINGS)(r) // → the same verdict as judgeRegistration(r, DEFAULT_SETTINGS)
 */
export function registrationJudge(settings: Settings): (registration: Registration) => RegistrationVerdict {
  const inForce = criteriaInForce(settings);
  const deadlines = new Map<number, IsoDate>();
  const deadline = (year: number): IsoDate => {
    let date = deadlines.get(year);
    if (date === undefined) deadlines.set(year, (date = deadlineIn(settings.registrationDeadline, year)));
    return date;
  };
  return (registration) => {
    const criteria = inForce.map((criterion) => judgeCriterion(criterion, registration, settings, deadline));
    return {
      registration,
      counted: isCounted(registration),
      criteria,
      recognised: criteria.every((c) => c.passed),
      approvalShare: approvalShare(registration),
    };
  };
}

/**
 * The reasons of the failed criteria, for the `Lý do` column.
 *
 * @example failureReasons(verdict) // → "Chưa có ngày đăng ký; Sức lan tỏa Trung bình, chưa đạt mức Cao"
 */
export function failureReasons(verdict: RegistrationVerdict): string {
  return verdict.criteria
    .filter((c) => !c.passed)
    .map((c) => c.reason)
    .join("; ");
}

/** The deadline of registration in a year (`Hạn đăng ký` placed in it). */
type DeadlineOf = (year: number) => IsoDate;

function judgeCriterion(
  criterion: Criterion,
  r: Registration,
  settings: Settings,
  deadline: DeadlineOf,
): CriterionVerdict {
  const problems = criterionProblems(criterion, r, settings, deadline);
  if (problems.length === 0) return PASSED[criterion];
  // In one piece: the result is serialised as JSON, whose fast path takes no text built from pieces (flatText).
  return { criterion, passed: false, reason: flatText(problems.join("; ")) };
}

// Most criteria pass, and a passed criterion says nothing more: one frozen verdict per criterion is shared by every
// registration, rather than tens of thousands of equal objects per run.
const PASSED: Readonly<Record<Criterion, CriterionVerdict>> = {
  registeredOnTime: Object.freeze({ criterion: "registeredOnTime", passed: true, reason: "" }),
  democraticVote: Object.freeze({ criterion: "democraticVote", passed: true, reason: "" }),
  acknowledged: Object.freeze({ criterion: "acknowledged", passed: true, reason: "" }),
  spread: Object.freeze({ criterion: "spread", passed: true, reason: "" }),
  committeeRecognised: Object.freeze({ criterion: "committeeRecognised", passed: true, reason: "" }),
};

// What a passing criterion's problems are: one shared empty list rather than a new one per criterion judged.
const NO_PROBLEM: readonly string[] = [];

/** What stops the criterion from passing, in Vietnamese; empty when it passes. */
function criterionProblems(
  criterion: Criterion,
  r: Registration,
  settings: Settings,
  deadlineOf: DeadlineOf,
): readonly string[] {
  switch (criterion) {
    case "registeredOnTime":
      return registrationDateProblems(r, deadlineOf(r.year));
    case "democraticVote":
      return voteProblems(r, settings);
    case "acknowledged":
      return r.acknowledged ? NO_PROBLEM : ["Chưa được tập thể nơi có mô hình, điển hình thừa nhận"];
    case "spread":
      return spreadProblems(r, settings);
    case "committeeRecognised":
      return r.committeeRecognised ? NO_PROBLEM : ["Chưa được cấp ủy công nhận"];
    default: {
      const unknown: never = criterion;
      throw new Error(`Unknown criterion ${String(unknown)}`);
    }
  }
}

function registrationDateProblems(r: Registration, deadline: IsoDate): readonly string[] {
  if (r.registeredOn === null) return ["Chưa có ngày đăng ký"];
  // ISO dates compare correctly as strings.
  if (r.registeredOn > deadline) {
    return [`Đăng ký ngày ${formatDate(r.registeredOn)}, sau hạn ${formatDate(deadline)}`];
  }
  return NO_PROBLEM;
}

/** Every problem with the vote at once, so the office can fix them all in one go. */
function voteProblems(r: Registration, settings: Settings): readonly string[] {
  // A share is known only when both counts make sense, so a public vote with a share above the bar has no problem.
  const share = approvalShare(r);
  if (r.publicVote && share !== null && isAbove(share, settings.approvalShareAbove)) return NO_PROBLEM;
  const problems: string[] = [];
  if (!r.publicVote) problems.push("Chưa bình chọn công khai");
  const { votesFor, votesCast } = r;
  if (votesCast === null) problems.push("Chưa có tổng số phiếu");
  else if (votesCast < 1) problems.push("Tổng số phiếu phải từ 1 trở lên");
  if (votesFor === null) problems.push("Chưa có số phiếu đồng ý");
  else if (votesFor < 0) problems.push("Số phiếu đồng ý không được âm");
  else if (votesCast !== null && votesFor > votesCast) {
    problems.push(`Số phiếu đồng ý (${formatNumber(votesFor)}) lớn hơn tổng số phiếu (${formatNumber(votesCast)})`);
  }
  if (share !== null && !isAbove(share, settings.approvalShareAbove)) {
    problems.push(
      `Tỷ lệ đồng ý ${formatPercent(share)} (${formatNumber(votesFor ?? 0)}/${formatNumber(votesCast ?? 0)} phiếu) ` +
        `không trên ${formatPercent(settings.approvalShareAbove)}`,
    );
  }
  return problems;
}

function spreadProblems(r: Registration, settings: Settings): readonly string[] {
  const minimum = SPREAD_LABEL[settings.minimumSpread];
  if (r.spread === null) return [`Chưa đánh giá sức lan tỏa (cần tối thiểu mức ${minimum})`];
  if (SPREAD_ORDER[r.spread] < SPREAD_ORDER[settings.minimumSpread]) {
    return [`Sức lan tỏa ${SPREAD_LABEL[r.spread]}, chưa đạt mức ${minimum}`];
  }
  return NO_PROBLEM;
}
