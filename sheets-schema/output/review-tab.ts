import { REVIEW_LABEL } from "../../scoring/labels.ts";
import type { ScoringResult } from "../../scoring/types.ts";
import type { OutputTab } from "../types.ts";
import { yearlyTabTitle } from "./tab-names.ts";

export const REVIEW_HEADERS = ["Mã mô hình", "Mã đơn vị", "Tên mô hình, điển hình", "Đề nghị"] as const;

/**
 * `Rà soát {Y}`: the registrations proposed for removal from the list of models or needing strengthening
 * (SPEC §3.6), in the order the rules listed them.
 *
 * @example reviewTab(result).rows[1] // → ["MH-07", "XA-A", "Tổ hòa giải", "Đề nghị đưa ra khỏi danh sách"]
 */
export function reviewTab(result: ScoringResult): OutputTab {
  return {
    title: yearlyTabTitle("review", result.year),
    rows: [
      [...REVIEW_HEADERS],
      ...result.review.map(({ registration: r, code }) => [r.modelId ?? "", r.unitCode, r.name, REVIEW_LABEL[code]]),
    ],
    highlights: [],
    percentColumns: [],
  };
}
