import { REVIEW_LABEL } from "../../scoring/labels.ts";
import type { Registration, RegistrationVerdict, ScoringResult } from "../../scoring/types.ts";
import type { OutputTab } from "../types.ts";
import { yearlyTabTitle } from "./tab-names.ts";
import { unitNames } from "./unit-names.ts";

export const REVIEW_HEADERS = [
  "Mã mô hình",
  "Mã đơn vị",
  "Tên đơn vị",
  "Tên mô hình, điển hình",
  "Đề nghị",
  "Lý do",
] as const;

/**
 * `Rà soát {Y}`: the registrations proposed for removal from the list of models or needing strengthening
 * (SPEC §3.6), in the order the rules listed them, with the unit's name and `Lý do`: the criteria the registration
 * failed in Y, which is what its unit must act on.
 *
 * @example reviewTab(result).rows[1]
 *   // → ["MH-07", "XA-A", "Xã A", "Tổ hòa giải", "Đề nghị đưa ra khỏi danh sách", "Tập thể chưa thừa nhận"]
 */
export function reviewTab(result: ScoringResult): OutputTab {
  const names = unitNames(result);
  // The few registrations listed, found in one pass over the year's verdicts (a map of them all would cost more).
  const listed = new Set(result.review.map((item) => item.registration));
  const verdicts = new Map<Registration, RegistrationVerdict>();
  if (listed.size > 0)
    for (const v of result.registrations) if (listed.has(v.registration)) verdicts.set(v.registration, v);
  return {
    title: yearlyTabTitle("review", result.year),
    rows: [
      [...REVIEW_HEADERS],
      ...result.review.map(({ registration: r, code }) => [
        r.modelId ?? "",
        r.unitCode,
        names.get(r.unitCode) ?? "",
        r.name,
        REVIEW_LABEL[code],
        failedReasons(verdicts.get(r)),
      ]),
    ],
    highlights: [],
    percentColumns: [],
  };
}

/** The reasons of the criteria a registration failed, joined with "; " (also the `Lý do` of the Word report). */
export function failedReasons(verdict: RegistrationVerdict | undefined): string {
  return (verdict?.criteria ?? [])
    .filter((c) => !c.passed)
    .map((c) => c.reason)
    .join("; ");
}
