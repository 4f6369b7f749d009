/**
 * The stage review (tổng kết giai đoạn, SPEC §3.8): every year Y1 … min(Y2, Y) of the stage scored by §3.1–§3.7
 * with today's settings, then put side by side per unit and for the whole district. A year of the stage with no
 * registration row at all is marked as such (`noRegistrations`), never shown as a scored year of zeros.
 *
 * Counting words, the same everywhere in this review: `registrations` are the rows of a year (every Hình thức);
 * `counted` those that count toward the quota (N of §3.2); `recognised` the recognised counted ones (R of §3.2,
 * `Được công nhận` of `Xếp hạng {Y}`). A unit is "titled" in a year when proposed `Dân vận khéo` or `Dân vận khéo
 * tiêu biểu` (tiêu biểu are among the titled, as in target 1 of §3.5); "exemplary" when proposed tiêu biểu.
 *
 * Pure: records in, result out.
 */
import { rankingGroupOf, sortRankedRows } from "./ranking.ts";
import { type ScoredYear, scoreYear } from "./score-year.ts";
import { stageOf, stageYears } from "./stage-period.ts";
import type { Field, Kind, Registration, Settings, Stage, Team, TitleProposal, Unit } from "./types.ts";

/** Everything the stage review needs: the records of every year of the stage (and the year before it). */
export interface StageInput {
  /** Y: the year the review is asked for; the stage is `stageOf(settings, year)`. */
  year: number;
  settings: Settings;
  units: readonly Unit[];
  registrations: readonly Registration[];
  teams: readonly Team[];
  /** Registration rows left out as data errors: a year with only such rows still has registrations. */
  rejectedRegistrations?: readonly { year: number; unitCode: string }[];
}

/** One unit in one scored year of the stage (the `… {y}` columns of `Tổng kết {Y1}-{Y2}`). */
export interface StageUnitYear {
  year: number;
  counted: number; // Số tính chỉ tiêu {y}
  recognised: number; // Được công nhận {y}
  score: number; // Điểm {y}
  rank: number; // Hạng {y}, inside the unit's ranking group that year
  title: TitleProposal; // Đề xuất danh hiệu {y}
  takesPartInTitle: boolean;
  quotaMet: boolean;
}

/** One unit over the stage. */
export interface StageUnit {
  unit: Unit;
  group: string;
  /** One entry per year of `StageResult.scoredYears`, in order. */
  years: StageUnitYear[];
  counted: number; // Tổng số tính chỉ tiêu
  recognised: number; // Tổng được công nhận
  /** Recognised counted registrations over the stage, by field (every field present, 0 included). */
  recognisedByField: Record<Field, number>;
  yearsQuotaMet: number; // Số năm đạt chỉ tiêu
  yearsTitled: number; // Số năm được đề xuất (Dân vận khéo or tiêu biểu)
  yearsExemplary: number; // Số năm tiêu biểu
}

/** Registrations and recognised ones of one year. */
export interface YearCount {
  registrations: number;
  recognised: number;
}

/** The whole district in one year of the stage. */
export type StageYear =
  | { kind: "noRegistrations"; year: number } // chưa có dữ liệu
  | {
      kind: "scored";
      year: number;
      registrations: number; // every Hình thức
      counted: number;
      recognised: number;
      units: number;
      unitsQuotaMet: number;
      /** unitsQuotaMet / units; null when there is no unit. */
      quotaShare: number | null;
      unitsTitled: number; // Dân vận khéo, tiêu biểu included
      unitsExemplary: number;
    };

/** A breakdown line (one field, or one kind) per year of the stage: null for a year with no registrations. */
export interface StageBreakdown<K extends string> {
  key: K;
  /** One entry per year of `StageResult.years`, in order. */
  perYear: (YearCount | null)[];
  /** Over the scored years. */
  total: YearCount;
}

export interface StageResult {
  /** Y, the year asked. */
  year: number;
  stage: Stage;
  /** Y1 … min(Y2, Y). */
  years: number[];
  /** The years of `years` that have at least one registration row: the ones scored. */
  scoredYears: number[];
  /** Every unit, by ranking group then name. */
  units: StageUnit[];
  /** One entry per year of `years`, in order. */
  perYear: StageYear[];
  byField: StageBreakdown<Field>[];
  byKind: StageBreakdown<Kind>[];
}

const FIELDS: readonly Field[] = ["economy", "cultureSociety", "defenceSecurity", "politicalSystem"];
const KINDS: readonly Kind[] = ["collective", "individual"];

/**
 * The stage review for `input.year`. Each year that has registrations is scored by `scoreYear`, the core `score` of
 * an annual run of that year is built on (same settings, same records), so its columns match that year's `Xếp hạng`.
 *
 * @example stageReview({ year: 2023, settings: DEFAULT_SETTINGS, units, registrations, teams }).years
 *   // → [2021, 2022, 2023]
 */
export function stageReview(input: StageInput): StageResult {
  const { settings } = input;
  const stage = stageOf(settings, input.year);
  const years = stageYears(stage, input.year);
  const known = new Set(input.units.map((u) => u.code));
  const ofYear = new Map<number, Registration[]>();
  for (const r of input.registrations) {
    if (!known.has(r.unitCode)) continue;
    const rows = ofYear.get(r.year);
    if (rows) rows.push(r);
    else ofYear.set(r.year, [r]);
  }
  const withRows = new Set(ofYear.keys());
  for (const r of input.rejectedRegistrations ?? []) withRows.add(r.year);
  const scoredYears = years.filter((y) => withRows.has(y));

  // Only the core of each year (§3.1–§3.4): the stage shows no flag, target or review list of its years.
  const results = new Map<number, ScoredYear>();
  for (const year of scoredYears) results.set(year, scoreYear(input.units, ofYear.get(year) ?? [], settings));

  return {
    year: input.year,
    stage,
    years,
    scoredYears,
    units: stageUnits(input.units, scoredYears, results),
    perYear: years.map((year) => yearTotals(year, results.get(year))),
    byField: FIELDS.map((key) => breakdown(key, years, results, (r) => r.field)),
    byKind: KINDS.map((key) => breakdown(key, years, results, (r) => r.kind)),
  };
}

function stageUnits(
  units: readonly Unit[],
  scoredYears: readonly number[],
  results: ReadonlyMap<number, ScoredYear>,
): StageUnit[] {
  // `scoreYear` keeps the order of `units`: a unit's figures of each year are at its own index.
  const perYear = scoredYears.map((year) => ({ year, scored: results.get(year)?.units ?? [] }));
  const recognisedFields = new Map<string, Record<Field, number>>();
  for (const result of results.values()) {
    for (const v of result.verdicts) {
      if (!v.counted || !v.recognised) continue;
      const code = v.registration.unitCode;
      const byField = recognisedFields.get(code) ?? {
        economy: 0,
        cultureSociety: 0,
        defenceSecurity: 0,
        politicalSystem: 0,
      };
      byField[v.registration.field]++;
      recognisedFields.set(code, byField);
    }
  }
  return sortRankedRows(
    units.map((unit, i): StageUnit => {
      const years: StageUnitYear[] = [];
      for (const { year, scored } of perYear) {
        const u = scored[i];
        if (u === undefined) continue;
        years.push({
          year,
          counted: u.tally.counted,
          recognised: u.tally.recognised,
          score: u.score,
          rank: u.rank,
          title: u.decision.title,
          takesPartInTitle: u.takesPartInTitle,
          quotaMet: u.quotaMet,
        });
      }
      return {
        unit,
        group: rankingGroupOf(unit),
        years,
        counted: sum(years, (y) => y.counted),
        recognised: sum(years, (y) => y.recognised),
        recognisedByField: recognisedFields.get(unit.code) ?? {
          economy: 0,
          cultureSociety: 0,
          defenceSecurity: 0,
          politicalSystem: 0,
        },
        yearsQuotaMet: years.filter((y) => y.quotaMet).length,
        yearsTitled: years.filter((y) => isTitled(y.title)).length,
        yearsExemplary: years.filter((y) => y.title === "exemplary").length,
      };
    }),
  );
}

/**
 * Whether a proposal is the title: `Dân vận khéo` or tiêu biểu (a tie at the cap is left to the Ban Chỉ đạo).
 *
 * @example isTitled("exemplary") // → true
 * @example isTitled("tieAtCap") // → false
 */
export function isTitled(title: TitleProposal): boolean {
  switch (title) {
    case "exemplary":
    case "title":
      return true;
    case "tieAtCap":
    case "none":
      return false;
    default: {
      const unknown: never = title;
      throw new Error(`Unknown title ${JSON.stringify(unknown)}`);
    }
  }
}

function yearTotals(year: number, result: ScoredYear | undefined): StageYear {
  if (result === undefined) return { kind: "noRegistrations", year };
  const units = result.units.length;
  const unitsQuotaMet = result.units.filter((u) => u.quotaMet).length;
  return {
    kind: "scored",
    year,
    registrations: result.verdicts.length,
    counted: result.verdicts.filter((v) => v.counted).length,
    recognised: result.verdicts.filter((v) => v.counted && v.recognised).length,
    units,
    unitsQuotaMet,
    quotaShare: units === 0 ? null : unitsQuotaMet / units,
    unitsTitled: result.units.filter((u) => isTitled(u.decision.title)).length,
    unitsExemplary: result.units.filter((u) => u.decision.title === "exemplary").length,
  };
}

function breakdown<K extends string>(
  key: K,
  years: readonly number[],
  results: ReadonlyMap<number, ScoredYear>,
  keyOf: (r: Registration) => string,
): StageBreakdown<K> {
  const perYear = years.map((year): YearCount | null => {
    const result = results.get(year);
    if (result === undefined) return null;
    const mine = result.verdicts.filter((v) => keyOf(v.registration) === key);
    return { registrations: mine.length, recognised: mine.filter((v) => v.counted && v.recognised).length };
  });
  const present = perYear.filter((c): c is YearCount => c !== null);
  return {
    key,
    perYear,
    total: { registrations: sum(present, (c) => c.registrations), recognised: sum(present, (c) => c.recognised) },
  };
}

function sum<T>(items: readonly T[], of: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += of(item);
  return total;
}
