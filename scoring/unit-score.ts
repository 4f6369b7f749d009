/**
 * A unit's tally, score and quota for the scored year (SPEC §3.2).
 *
 * N = counted registrations (Xây dựng mới, Nhân rộng); R = the recognised ones among them, Rt collective,
 * Rc individual; F = distinct fields of R; V = mean approval share over R.
 */
import { orderFreeSum, round2 } from "./numbers.ts";
import type { Field, RegistrationVerdict, Settings } from "./types.ts";

/** The figures of one unit in `Xếp hạng {Y}`. */
export interface UnitTally {
  registrations: number; // Số đăng ký, every Hình thức
  counted: number; // N
  recognised: number; // R
  recognisedCollective: number; // Rt
  recognisedIndividual: number; // Rc
  fields: number; // F
  meanApproval: number; // V, 0 when R = 0
}

/**
 * Tallies the verdicts of one unit's registrations of the scored year.
 *
 * @example tallyUnit([newRecognisedEconomyVote75, maintainedRecognised])
 *   // → { registrations: 2, counted: 1, recognised: 1, recognisedCollective: 1, recognisedIndividual: 0,
 *   //     fields: 1, meanApproval: 0.75 }
 */
export function tallyUnit(verdicts: readonly RegistrationVerdict[]): UnitTally {
  let counted = 0;
  let recognisedCollective = 0;
  let recognisedIndividual = 0;
  const fields = new Set<Field>();
  const shares: number[] = []; // one per recognised counted registration
  for (const v of verdicts) {
    if (!v.counted) continue;
    counted++;
    if (!v.recognised) continue;
    if (v.registration.kind === "collective") recognisedCollective++;
    if (v.registration.kind === "individual") recognisedIndividual++;
    fields.add(v.registration.field);
    // A recognised registration passed the vote, so its share is known; `?? 0` only satisfies the type.
    shares.push(v.approvalShare ?? 0);
  }
  return {
    registrations: verdicts.length,
    counted,
    recognised: shares.length,
    recognisedCollective,
    recognisedIndividual,
    fields: fields.size,
    meanApproval: shares.length === 0 ? 0 : orderFreeSum(shares) / shares.length,
  };
}

/**
 * score = wq·min(R/T, 1) + wr·(R/N) + wv·V + wf·min(F/Ft, 1), 0 when N = 0, rounded to 2 decimals.
 *
 * @example unitScore({ counted: 3, recognised: 1, fields: 1, meanApproval: 0.8, … }, DEFAULT_SETTINGS)
 *   // → 50·½ + 20·⅓ + 20·0,8 + 10·½ = 52.67
 */
export function unitScore(tally: UnitTally, settings: Settings): number {
  const { counted: n, recognised: r, fields: f, meanApproval: v } = tally;
  if (n === 0) return 0;
  const w = settings.weights;
  const raw =
    w.quota * Math.min(r / settings.targetModels, 1) +
    w.recognitionRate * (r / n) +
    w.vote * v +
    w.fields * Math.min(f / settings.targetFields, 1);
  return round2(raw);
}

/**
 * Đạt chỉ tiêu: R ≥ Số mô hình tối thiểu, Rt ≥ Tối thiểu tập thể and Rc ≥ Tối thiểu cá nhân.
 *
 * @example isQuotaMet({ recognised: 1, recognisedCollective: 1, recognisedIndividual: 0, … }, DEFAULT_SETTINGS)
 *   // → true
 */
export function isQuotaMet(tally: UnitTally, settings: Settings): boolean {
  return (
    tally.recognised >= settings.minimumModels &&
    tally.recognisedCollective >= settings.minimumCollective &&
    tally.recognisedIndividual >= settings.minimumIndividual
  );
}
