/**
 * The scoring pipeline for one year (SPEC §3): records in, result out.
 *
 * judge registrations → tally and score units → rank inside groups → propose titles (that much is `scoreYear`, the
 * core the stage review shares) → flag → check targets → review list. Pure: the same input gives the same result,
 * whatever the order of the rows.
 */
import { reportDeadline, unitFlags } from "./flags.ts";
import { sortRankedRows } from "./ranking.ts";
import { criteriaInForce, registrationJudge } from "./recognition.ts";
import { reviewList } from "./review.ts";
import { groupBy, scoreYear } from "./score-year.ts";
import { checkTargets } from "./targets.ts";
import { communeTeamSummaries, teamFlags, teamsOf } from "./teams.ts";
import type { Registration, RegistrationVerdict, ScoringInput, ScoringResult, Settings, UnitResult } from "./types.ts";
import { scoreParts, scoreRulesOf } from "./unit-score.ts";

/**
 * Scores year `input.year`: every unit (with or without registrations) gets a score, a rank and its flags.
 * Registrations and teams of units that are not in `input.units` are left out (the reader reports them).
 *
 * @example score({ year: 2024, settings: DEFAULT_SETTINGS, units: [], registrations: [], teams: [] })
 *   // → { year: 2024, units: [], registrations: [], targets: [6 targets, none met], … }
 */
export function score(input: ScoringInput): ScoringResult {
  const { year, settings } = input;
  const knownUnits = new Set(input.units.map((u) => u.code));
  const { ofYear, ofPreviousYear } = registrationsOf(input.registrations, year, knownUnits);
  const { verdicts, verdictsByUnit, units: scored } = scoreYear(input.units, ofYear, settings);
  const teamsOfYear = input.teams.filter((t) => t.year === year && knownUnits.has(t.unitCode));
  const teamsByUnit = groupBy(teamsOfYear, (t) => t.unitCode);
  const deadline = reportDeadline(year, settings);

  const units = sortRankedRows(
    scored.map((s): UnitResult => {
      const decision = s.decision;
      return {
        unit: s.unit,
        group: s.group,
        rank: s.rank,
        // Field by field rather than `...s.tally`: a spread inside a literal takes V8's slow path, once per unit.
        registrations: s.tally.registrations,
        counted: s.tally.counted,
        recognised: s.tally.recognised,
        recognisedCollective: s.tally.recognisedCollective,
        recognisedIndividual: s.tally.recognisedIndividual,
        fields: s.tally.fields,
        meanApproval: s.tally.meanApproval,
        score: s.score,
        parts: scoreParts(s.tally, settings),
        quotaMet: s.quotaMet,
        takesPartInTitle: s.takesPartInTitle,
        title: decision.title,
        reason: decision.reason,
        flags: unitFlags({
          year,
          settings,
          tally: s.tally,
          quotaMet: s.quotaMet,
          verdicts: verdictsByUnit.get(s.code) ?? [],
          teams: teamsByUnit.get(s.code) ?? [],
          tieAtExemplaryCap: decision.tieAtExemplaryCap,
          rejectedRows: input.rejectedRegistrations?.get(s.code) ?? 0,
          reportDeadline: deadline,
        }),
      };
    }),
  );

  const villageTeams = teamsOf(teamsOfYear, "villageTeam", year);
  const communeTeams = communeTeamSummaries(input.units, villageTeams, settings);
  return {
    year,
    criteriaInForce: criteriaInForce(settings),
    scoreRules: scoreRulesOf(settings),
    units,
    registrations: verdicts,
    targets: checkTargets({
      settings,
      units,
      unitsWithRecognised: new Set(verdicts.filter((v) => v.recognised).map((v) => v.registration.unitCode)),
      villageTeams,
      communeBlocs: teamsOf(teamsOfYear, "communeBloc", year),
      communeTeams,
    }),
    communeTeams,
    teamFlags: teamFlags(teamsOfYear),
    review: reviewList(verdicts, previousYearVerdicts(ofPreviousYear, verdicts, settings), year),
  };
}

/**
 * The years whose registrations and teams `score` looks at for year Y: Y itself, and Y − 1 for the review list.
 * A reader may leave the records of other years out.
 *
 * @example yearsScored(2024) // → [2024, 2023]
 */
export function yearsScored(year: number): number[] {
  return [year, year - 1];
}

/** The registrations of units in `knownUnits`, of year Y and of Y − 1 (the review list looks one year back). */
function registrationsOf(
  registrations: readonly Registration[],
  year: number,
  knownUnits: ReadonlySet<string>,
): { ofYear: Registration[]; ofPreviousYear: Registration[] } {
  const ofYear: Registration[] = [];
  const ofPreviousYear: Registration[] = [];
  for (const r of registrations) {
    if (r.year === year && knownUnits.has(r.unitCode)) ofYear.push(r);
    else if (r.year === year - 1 && knownUnits.has(r.unitCode)) ofPreviousYear.push(r);
  }
  return { ofYear, ofPreviousYear };
}

/**
 * The verdicts of Y − 1 that the review list can ask about: those of the models not recognised in Y, the only ones
 * that can be proposed for removal. Judging the whole previous year would nearly double the judging for nothing.
 */
function previousYearVerdicts(
  ofPreviousYear: readonly Registration[],
  verdicts: readonly RegistrationVerdict[],
  settings: Settings,
): RegistrationVerdict[] {
  const notRecognised = new Set<string>();
  for (const v of verdicts) {
    if (!v.recognised && v.registration.modelId !== null) notRecognised.add(v.registration.modelId);
  }
  return ofPreviousYear
    .filter((r) => r.modelId !== null && notRecognised.has(r.modelId))
    .map(registrationJudge(settings));
}
