/**
 * Warnings on a unit (`Cảnh báo`, SPEC §3.5): no registration this year, quota not met, late report, a tổ or khối
 * dân vận of the unit rated Yếu or not rated, and a tie at the tiêu biểu cap.
 *
 * A missing `Ngày báo cáo` is not a warning: the report is often not due yet when the Ban Chỉ đạo scores, and a
 * warning on every unit would hide the real ones. Only a report dated after the deadline is flagged.
 */
import { deadlineIn } from "./dates.ts";
import { formatDate } from "./format.ts";
import { TIE_AT_EXEMPLARY_CAP_LABEL } from "./labels.ts";
import { compareRegistrations } from "./order.ts";
import { teamFlags } from "./teams.ts";
import type { IsoDate, Registration, RegistrationVerdict, Settings, Team, UnitFlag } from "./types.ts";
import type { UnitTally } from "./unit-score.ts";

/** What the warnings of one unit are computed from. */
export interface UnitFlagInput {
  year: number;
  settings: Settings;
  tally: UnitTally;
  quotaMet: boolean;
  /** The unit's registrations of year Y (every Hình thức). */
  verdicts: readonly RegistrationVerdict[];
  /** Tổ and khối dân vận of year Y whose `Mã đơn vị` is this unit. */
  teams: readonly Team[];
  tieAtExemplaryCap: boolean;
  /** Registration rows of year Y of this unit left out as data errors. */
  rejectedRows?: number;
  /** `reportDeadline(year, settings)`, when the caller worked it out once for every unit; else computed here. */
  reportDeadline?: IsoDate;
}

/**
 * The report deadline of year Y: Hạn báo cáo in Y, or in Y + 1 when Báo cáo vào năm sau is yes.
 *
 * @example reportDeadline(2024, { …, reportDeadline: { day: 1, month: 9 }, reportInFollowingYear: true })
 *   // → "2025-09-01"
 */
export function reportDeadline(year: number, settings: Settings): IsoDate {
  return deadlineIn(settings.reportDeadline, settings.reportInFollowingYear ? year + 1 : year);
}

/**
 * The warnings of one unit, in a fixed order.
 *
 * @example unitFlags({ year: 2024, verdicts: [], tally: { recognised: 0, … }, quotaMet: false, … })
 *   // → [{ code: "noRegistration", message: "Chưa có đăng ký mô hình, điển hình năm 2024" },
 *   //    { code: "quotaNotMet", message: "Chưa đạt chỉ tiêu: 0 mô hình, điển hình được công nhận (cần ít nhất 1)" }]
 */
export function unitFlags(input: UnitFlagInput): UnitFlag[] {
  const flags: UnitFlag[] = [];
  const rejected = input.rejectedRows ?? 0;
  if (input.verdicts.length === 0 && rejected > 0) {
    // It did register: what it typed cannot be read yet. Saying "nothing registered" would send people looking
    // for a missing row instead of fixing the cells listed in Lỗi dữ liệu.
    flags.push({ code: "rejectedRows", message: `Có ${rejected} dòng đăng ký bị lỗi – xem Lỗi dữ liệu` });
  } else if (input.verdicts.length === 0) {
    flags.push({ code: "noRegistration", message: `Chưa có đăng ký mô hình, điển hình năm ${input.year}` });
  }
  if (!input.quotaMet) flags.push({ code: "quotaNotMet", message: quotaMessage(input.tally, input.settings) });

  const deadline = input.reportDeadline ?? reportDeadline(input.year, input.settings);
  const late: Registration[] = [];
  for (const { registration: r } of input.verdicts) if (r.reportedOn !== null && r.reportedOn > deadline) late.push(r);
  if (late.length > 0) {
    late.sort(compareRegistrations);
    const which = late.map((r) => `“${r.name}” ngày ${formatDate(r.reportedOn ?? "")}`).join(", ");
    flags.push({ code: "lateReport", message: `Báo cáo muộn (hạn ${formatDate(deadline)}): ${which}` });
  }

  const teams = teamFlags(input.teams);
  if (teams.length > 0) {
    flags.push({ code: "weakOrUnratedTeam", message: teams.map((f) => f.message).join("; ") });
  }
  if (input.tieAtExemplaryCap) {
    flags.push({ code: "tieAtExemplaryCap", message: TIE_AT_EXEMPLARY_CAP_LABEL });
  }
  return flags;
}

/** Which part of the quota is short, e.g. "Chưa đạt chỉ tiêu: 0 tập thể được công nhận (cần ít nhất 1)". */
function quotaMessage(tally: UnitTally, settings: Settings): string {
  const shortfalls = [
    [tally.recognised, settings.minimumModels, "mô hình, điển hình"],
    [tally.recognisedCollective, settings.minimumCollective, "tập thể"],
    [tally.recognisedIndividual, settings.minimumIndividual, "cá nhân"],
  ] as const;
  const parts = shortfalls
    .filter(([have, need]) => have < need)
    .map(([have, need, what]) => `${have} ${what} được công nhận (cần ít nhất ${need})`);
  return `Chưa đạt chỉ tiêu: ${parts.join("; ")}`;
}
