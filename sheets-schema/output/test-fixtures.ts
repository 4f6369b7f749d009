/**
 * Small builders of scoring results for the output-tab tests: each test states only the fields it is about.
 * Records come from the scoring builders; these add the result shapes. Test-only.
 */
import { DEFAULT_SETTINGS } from "../../scoring/settings.ts";
import { aRegistration, aUnit } from "../../scoring/testing.ts";
import { scoreRulesOf } from "../../scoring/unit-score.ts";
import type {
  Criterion,
  CriterionVerdict,
  Registration,
  RegistrationVerdict,
  ScoringResult,
  UnitResult,
} from "../../scoring/types.ts";

export const FOUR_CRITERIA: Criterion[] = ["registeredOnTime", "democraticVote", "acknowledged", "spread"];

export function unitResult(over: Partial<UnitResult> = {}): UnitResult {
  return {
    unit: aUnit("XA-A", { name: "Xã A", type: "commune" }),
    group: "Xã, thị trấn",
    rank: 1,
    registrations: 0,
    counted: 0,
    recognised: 0,
    recognisedCollective: 0,
    recognisedIndividual: 0,
    fields: 0,
    meanApproval: 0,
    score: 0,
    parts: { quota: 0, recognitionRate: 0, vote: 0, fields: 0 },
    quotaMet: true,
    takesPartInTitle: true,
    title: "none",
    reason: null,
    flags: [],
    ...over,
  };
}

/** A verdict whose criteria all pass except those named in `failed` (criterion → reason). */
export function verdict(
  over: Partial<Registration> = {},
  failed: Partial<Record<Criterion, string>> = {},
  criteria: Criterion[] = FOUR_CRITERIA,
): RegistrationVerdict {
  const verdicts: CriterionVerdict[] = criteria.map((criterion) => {
    const reason = failed[criterion];
    return reason === undefined ? { criterion, passed: true, reason: "" } : { criterion, passed: false, reason };
  });
  return {
    registration: aRegistration(over.unitCode ?? "XA-A", over),
    counted: (over.form ?? "new") !== "maintained",
    criteria: verdicts,
    recognised: verdicts.every((v) => v.passed),
    approvalShare: 0.8,
  };
}

export function result(over: Partial<ScoringResult> = {}): ScoringResult {
  return {
    year: 2024,
    criteriaInForce: FOUR_CRITERIA,
    scoreRules: scoreRulesOf(DEFAULT_SETTINGS),
    units: [],
    registrations: [],
    targets: [],
    communeTeams: [],
    teamFlags: [],
    review: [],
    ...over,
  };
}
