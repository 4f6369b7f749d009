/**
 * Small builders of scoring results for the output-tab tests: each test states only the fields it is about.
 * Test-only; nothing in the Worker imports this file.
 */
import type {
  Criterion,
  CriterionVerdict,
  Registration,
  RegistrationVerdict,
  ScoringResult,
  Team,
  Unit,
  UnitResult,
} from "../../scoring/types.ts";

export const FOUR_CRITERIA: Criterion[] = ["registeredOnTime", "democraticVote", "acknowledged", "spread"];

export function unit(over: Partial<Unit> = {}): Unit {
  return {
    ref: { source: "", row: 2 },
    code: "XA-A",
    name: "Xã A",
    type: "commune",
    parentCode: null,
    cluster: null,
    titleParticipation: null,
    ...over,
  };
}

export function unitResult(over: Partial<UnitResult> = {}): UnitResult {
  return {
    unit: unit(),
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
    quotaMet: true,
    takesPartInTitle: true,
    title: "none",
    flags: [],
    ...over,
  };
}

export function registration(over: Partial<Registration> = {}): Registration {
  return {
    ref: { source: "", row: 2 },
    modelId: null,
    year: 2024,
    unitCode: "XA-A",
    name: "Mô hình",
    kind: "collective",
    field: "economy",
    form: "new",
    registeredOn: "2024-03-01",
    reportedOn: null,
    publicVote: true,
    votesFor: 8,
    votesCast: 10,
    acknowledged: true,
    spread: "high",
    committeeRecognised: false,
    note: "",
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
    registration: registration(over),
    counted: (over.form ?? "new") !== "maintained",
    criteria: verdicts,
    recognised: verdicts.every((v) => v.passed),
    approvalShare: 0.8,
  };
}

export function team(over: Partial<Team> = {}): Team {
  return {
    ref: { source: "", row: 2 },
    year: 2024,
    teamId: "T1",
    name: "Tổ dân vận thôn 1",
    level: "villageTeam",
    unitCode: "THON-1",
    rating: "good",
    ...over,
  };
}

export function result(over: Partial<ScoringResult> = {}): ScoringResult {
  return {
    year: 2024,
    criteriaInForce: FOUR_CRITERIA,
    units: [],
    registrations: [],
    targets: [],
    communeTeams: [],
    teamFlags: [],
    review: [],
    ...over,
  };
}
