/**
 * A unit's tally, score and quota for the scored year (SPEC §3.2).
 *
 * N = counted registrations (Xây dựng mới, Nhân rộng); R = the recognised ones among them, Rt collective,
 * Rc individual; F = distinct fields of R; V = mean approval share over R.
 */
import { orderFreeSum, round2 } from "./numbers.ts";
import type { Field, RegistrationVerdict, ScoreParts, ScoreRules, Settings } from "./types.ts";

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
  if (tally.counted === 0) return 0;
  const p = unroundedParts(tally, settings);
  return round2(p.quota + p.recognitionRate + p.vote + p.fields);
}

/**
 * The four weighted parts of the score (§3.7), each rounded to 2 decimals; all 0 when N = 0.
 *
 * @example scoreParts({ counted: 3, recognised: 1, fields: 1, meanApproval: 0.8, … }, DEFAULT_SETTINGS)
 *   // → { quota: 25, recognitionRate: 6.67, vote: 16, fields: 5 }   (score 52.67)
 */
export function scoreParts(tally: UnitTally, settings: Settings): ScoreParts {
  if (tally.counted === 0) return { quota: 0, recognitionRate: 0, vote: 0, fields: 0 };
  const p = unroundedParts(tally, settings);
  return {
    quota: round2(p.quota),
    recognitionRate: round2(p.recognitionRate),
    vote: round2(p.vote),
    fields: round2(p.fields),
  };
}

/**
 * The settings that score and quota depend on, as the result carries them.
 *
 * @example scoreRulesOf(DEFAULT_SETTINGS)
 *   // → { weights: { quota: 50, recognitionRate: 20, vote: 20, fields: 10 }, targetModels: 2, targetFields: 2,
 *   //     minimumModels: 1, minimumCollective: 0, minimumIndividual: 0 }
 */
export function scoreRulesOf(settings: Settings): ScoreRules {
  return {
    weights: { ...settings.weights },
    targetModels: settings.targetModels,
    targetFields: settings.targetFields,
    minimumModels: settings.minimumModels,
    minimumCollective: settings.minimumCollective,
    minimumIndividual: settings.minimumIndividual,
  };
}

/** The parts before rounding, for a unit with N > 0. */
function unroundedParts(tally: UnitTally, settings: Settings): ScoreParts {
  const { counted: n, recognised: r, fields: f, meanApproval: v } = tally;
  const w = settings.weights;
  return {
    quota: w.quota * Math.min(r / settings.targetModels, 1),
    recognitionRate: w.recognitionRate * (r / n),
    vote: w.vote * v,
    fields: w.fields * Math.min(f / settings.targetFields, 1),
  };
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
