/**
 * The review list (rà soát, SPEC §3.6): models to take off the list after two years without recognition, and
 * maintained models that need strengthening.
 */
import { REVIEW_LABEL } from "./labels.ts";
import { compareRegistrations } from "./order.ts";
import type { RegistrationVerdict, ReviewItem } from "./types.ts";

/**
 * Review items for the registrations of year Y, given the verdicts of year Y − 1 (judged by the same rules).
 *
 * - Đề nghị đưa ra khỏi danh sách: has a Mã mô hình, not recognised in Y, and that Mã mô hình was registered in
 *   Y − 1 and not recognised then (if it has several rows in Y − 1, none of them was recognised).
 * - Cần củng cố: a Duy trì registration not recognised in Y. A registration that qualifies for both is only
 *   proposed for removal, the stronger of the two.
 *
 * @example reviewList([{ modelId: "M1", recognised: false, … }], [{ modelId: "M1", recognised: false, … }], 2024)
 *   // → [{ code: "proposeRemoval",
 *   //      message: "Đề nghị đưa ra khỏi danh sách: không được công nhận năm 2023 và năm 2024", … }]
 */
export function reviewList(
  verdictsOfYear: readonly RegistrationVerdict[],
  verdictsOfPreviousYear: readonly RegistrationVerdict[],
  year: number,
): ReviewItem[] {
  const previous = new Map<string, boolean>(); // Mã mô hình → recognised in Y − 1 (any of its rows)
  for (const v of verdictsOfPreviousYear) {
    const id = v.registration.modelId;
    if (id !== null) previous.set(id, (previous.get(id) ?? false) || v.recognised);
  }

  const items: ReviewItem[] = [];
  const notRecognised = verdictsOfYear.filter((v) => !v.recognised).map((v) => v.registration);
  for (const registration of notRecognised.sort(compareRegistrations)) {
    const id = registration.modelId;
    if (id !== null && previous.get(id) === false) {
      items.push({
        registration,
        code: "proposeRemoval",
        message: `${REVIEW_LABEL.proposeRemoval}: không được công nhận năm ${year - 1} và năm ${year}`,
      });
    } else if (registration.form === "maintained") {
      items.push({
        registration,
        code: "needsStrengthening",
        message: `${REVIEW_LABEL.needsStrengthening}: mô hình duy trì không được công nhận năm ${year}`,
      });
    }
  }
  return items;
}
