/**
 * The core of scoring one year (SPEC §3.1–§3.4): judge the year's registrations, tally and score every unit, rank
 * inside groups, propose titles. `score` builds the annual result on it (flags, targets, review list); the stage
 * review (`stageReview`) calls it once per year of the stage and needs nothing more, so a five-year review costs
 * about five times this core rather than five whole annual runs.
 *
 * Pure: the same input gives the same output, whatever the order of the rows.
 */
import { compareRegistrations } from "./order.ts";
import { competitionRanks, rankingGroupOf } from "./ranking.ts";
import { registrationJudge } from "./recognition.ts";
import { proposeTitles, type TitleDecision, takesPartInTitle } from "./titles.ts";
import type { Registration, RegistrationVerdict, Settings, Unit } from "./types.ts";
import { isQuotaMet, type UnitTally, tallyUnit, unitScore } from "./unit-score.ts";

/** One unit scored in one year: its tally, score, rank inside its group and title decision. */
export interface ScoredUnit {
  unit: Unit;
  code: string;
  group: string;
  tally: UnitTally;
  score: number;
  quotaMet: boolean;
  takesPartInTitle: boolean;
  rank: number;
  decision: TitleDecision;
}

/** The core of one year: its verdicts and its units, in the order of `units`. */
export interface ScoredYear {
  /** The year's registrations of known units, judged, by unit code then sheet row. */
  verdicts: RegistrationVerdict[];
  verdictsByUnit: Map<string, RegistrationVerdict[]>;
  units: ScoredUnit[];
}

const NO_DECISION: TitleDecision = { title: "none", tieAtExemplaryCap: false, reason: null };

/**
 * Scores the units of one year from that year's registrations (`ofYear`: every row is of the year and of a unit of
 * `units`; the caller picks them, as it also needs the other years).
 *
 * @example scoreYear([], [], DEFAULT_SETTINGS) // → { verdicts: [], verdictsByUnit: Map {}, units: [] }
 */
export function scoreYear(units: readonly Unit[], ofYear: Registration[], settings: Settings): ScoredYear {
  const verdicts = ofYear.sort(compareRegistrations).map(registrationJudge(settings));
  const verdictsByUnit = groupBy(verdicts, (v) => v.registration.unitCode);
  const scored = units.map((unit): ScoredUnit => {
    const tally = tallyUnit(verdictsByUnit.get(unit.code) ?? []);
    return {
      unit,
      code: unit.code,
      group: rankingGroupOf(unit),
      tally,
      score: unitScore(tally, settings),
      quotaMet: isQuotaMet(tally, settings),
      takesPartInTitle: takesPartInTitle(unit),
      rank: 0, // set below, once every unit of the group is scored
      decision: NO_DECISION,
    };
  });
  const rankOf = ranksInGroups(scored);
  const titles = proposeTitles(scored, settings);
  for (const s of scored) {
    s.rank = rankOf.get(s.code) ?? 0;
    s.decision = titles.get(s.code) ?? NO_DECISION;
  }
  return { verdicts, verdictsByUnit, units: scored };
}

/** The competition rank of each unit inside its group, by unit code. */
function ranksInGroups(scored: readonly { code: string; group: string; score: number }[]): Map<string, number> {
  const rankOf = new Map<string, number>();
  for (const members of groupBy(scored, (s) => s.group).values()) {
    const ranks = competitionRanks(members.map((m) => m.score));
    members.forEach((m, i) => rankOf.set(m.code, ranks[i] ?? 0));
  }
  return rankOf;
}

/** Groups items by a key, keeping their order inside each group. */
export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
