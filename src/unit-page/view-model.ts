/**
 * The unit page's decisions that are not markup: which unit the address names, what of a stored result belongs to
 * it, and one line of its history per year of the stage. Pure, so each rule has a test.
 */
import type { RegistrationVerdict, ScoreRules, Stage, TitleProposal, UnitResult } from "../../scoring/types.ts";
import type { DataError } from "../../sheets-schema/types.ts";
import { codeOf } from "../../sheets-schema/text-cells.ts";
import type { ScoreRun } from "../jobs/score-spreadsheet.ts";

/**
 * A stored result as read back: results stored before the unit page existed carry no `scoreRules` and no unit code
 * on their data errors, those stored before runs kept their stage no `stagePeriod`; they are still shown.
 */
export type StoredRun = Omit<ScoreRun, "scoreRules" | "stagePeriod"> & { scoreRules?: ScoreRules; stagePeriod?: Stage };

/**
 * The unit code of the address as the results key it (trimmed, upper-cased, as `Mã đơn vị` is read); null when it
 * cannot be a code.
 *
 * @example unitCodeOf(" cq24 ") // → "CQ24"
 * @example unitCodeOf("") // → null
 */
export function unitCodeOf(text: string): string | null {
  const code = codeOf(text);
  return typeof code === "string" ? code : null;
}

/** What one unit's page shows of the result of year Y. */
export interface UnitView {
  unit: UnitResult;
  /** How many units share its ranking group (cụm thi đua): "hạng 2/14". */
  groupSize: number;
  registrations: RegistrationVerdict[];
  /** The data errors of its rows (`Đơn vị`, `Đăng ký`, `Tổ, khối dân vận`), in the order of `Lỗi dữ liệu`. */
  errors: DataError[];
  rules: ScoreRules | null;
}

/** The unit's part of a stored result; null when the result has no such unit. */
export function unitView(run: StoredRun, code: string): UnitView | null {
  const unit = run.units.find((u) => u.unit.code === code);
  if (!unit) return null;
  return {
    unit,
    groupSize: run.units.filter((u) => u.group === unit.group).length,
    registrations: run.registrations.filter((v) => v.registration.unitCode === code),
    errors: run.dataErrors.filter((e) => e.unitCode === code),
    rules: run.scoreRules ?? null,
  };
}

/** The figures of one scored year in the unit's history. */
export interface YearFigures {
  counted: number;
  recognised: number;
  score: number;
  rank: number;
  groupSize: number;
  quotaMet: boolean;
  takesPartInTitle: boolean;
  title: TitleProposal;
}

/** One year of the stage on the unit's page. */
export type StageYear =
  | { kind: "scored"; year: number; figures: YearFigures }
  /** Scored, but the unit was not in `Đơn vị` that year. */
  | { kind: "absent"; year: number }
  /** No stored result of the year: chưa chấm. */
  | { kind: "notScored"; year: number };

/**
 * The unit's line of one year's stored result (`run` null: the year has none), from `yearFiguresOf`, so that a line
 * read from the figures kept beside a result (`SpreadsheetScorer.unitYear`) is the same line.
 */
export function stageYear(year: number, run: StoredRun | null, code: string): StageYear {
  return run === null ? { kind: "notScored", year } : stageYearOf(year, yearFiguresOf(run), code);
}

/** The unit's line of a year from that year's figures of every unit. */
export function stageYearOf(year: number, figures: YearFiguresByUnit, code: string): StageYear {
  const own = Object.hasOwn(figures, code) ? figures[code] : undefined;
  return own === undefined ? { kind: "absent", year } : { kind: "scored", year, figures: own };
}

/** The history figures of every unit of one year's result, by unit code. */
export type YearFiguresByUnit = Record<string, YearFigures>;

/**
 * The few figures the unit page's history shows, for every unit of a result: a province's result is 21 MB of
 * JSON, these a few hundred KB, kept beside it so that a unit's page does not parse the whole result of every other
 * year of its stage.
 */
export function yearFiguresOf(run: Pick<StoredRun, "units">): YearFiguresByUnit {
  const groupSizes = new Map<string, number>();
  for (const u of run.units) groupSizes.set(u.group, (groupSizes.get(u.group) ?? 0) + 1);
  const figures: YearFiguresByUnit = {};
  for (const u of run.units) {
    figures[u.unit.code] = {
      counted: u.counted,
      recognised: u.recognised,
      score: u.score,
      rank: u.rank,
      groupSize: groupSizes.get(u.group) ?? 0,
      quotaMet: u.quotaMet,
      takesPartInTitle: u.takesPartInTitle,
      title: u.title,
    };
  }
  return figures;
}
