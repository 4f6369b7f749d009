/**
 * Builders of records for tests: sensible defaults, override only what the test is about.
 * A registration built with no overrides is recognised under DEFAULT_SETTINGS.
 */
import { DEFAULT_SETTINGS } from "./settings.ts";
import type { Registration, ScoringInput, Settings, Team, Unit } from "./types.ts";

let nextRow = 2;

/** A unit of type Chi bộ, taking the default title participation. */
export function aUnit(code: string, overrides: Partial<Unit> = {}): Unit {
  return {
    ref: { source: "", row: nextRow++ },
    code,
    name: `Đơn vị ${code}`,
    type: "partyCell",
    parentCode: null,
    cluster: null,
    titleParticipation: null,
    ...overrides,
  };
}

/**
 * A recognised new collective model in the economy field, 8 of 10 votes for; year 2024 unless overridden,
 * registered on 01/03 and reported on 01/12 of its year.
 */
export function aRegistration(unitCode: string, overrides: Partial<Registration> = {}): Registration {
  const year = overrides.year ?? 2024;
  return {
    ref: { source: "", row: nextRow++ },
    modelId: null,
    year,
    unitCode,
    name: "Mô hình",
    kind: "collective",
    field: "economy",
    form: "new",
    registeredOn: `${year}-03-01`,
    reportedOn: `${year}-12-01`,
    publicVote: true,
    votesFor: 8,
    votesCast: 10,
    acknowledged: true,
    spread: "high",
    committeeRecognised: false,
    note: "",
    ...overrides,
  };
}

/** A tổ dân vận of year 2024 rated Tốt. */
export function aTeam(teamId: string, unitCode: string, overrides: Partial<Team> = {}): Team {
  return {
    ref: { source: "", row: nextRow++ },
    year: 2024,
    teamId,
    name: `Tổ ${teamId}`,
    level: "villageTeam",
    unitCode,
    rating: "good",
    ...overrides,
  };
}

/** Default settings with some overridden. */
export function settingsWith(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

/** A scoring input for 2024 with default settings. */
export function anInput(overrides: Partial<ScoringInput> = {}): ScoringInput {
  return { year: 2024, settings: DEFAULT_SETTINGS, units: [], registrations: [], teams: [], ...overrides };
}
