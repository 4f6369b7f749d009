/**
 * The path of every review (SPEC §3.8) from raw tab values to results and the tabs to write: the annual review
 * (`nam`, as `scoreSources`), the six-month review (`6-thang`) and the stage review (`giai-doan`). One read path
 * (`readSources`, in steps: `SourcesReading`), keeping only the years the review looks at; one shape of answer, tagged by the review.
 *
 * A year with no registration row at all (read or rejected) is not reviewed: the annual and six-month reviews
 * throw NoRegistrationsError, and so does a stage review when no year of its stage has any; the stage review shows
 * such a year as `chưa có dữ liệu` otherwise.
 */
import type { ReviewKind } from "../scoring/review-kind.ts";
import { score, yearsScored } from "../scoring/score.ts";
import { sixMonthReview, type SixMonthResult } from "../scoring/six-month.ts";
import { stageReview, type StageResult } from "../scoring/stage.ts";
import { stageLabel, stageOf, stageYears, stageYearsRead } from "../scoring/stage-period.ts";
import type { ScoringResult, Stage } from "../scoring/types.ts";
import { quoteTab } from "./a1.ts";
import { errorsTab } from "./output/errors-tab.ts";
import { sixMonthTab } from "./output/six-month-tab.ts";
import { stageTab } from "./output/stage-tab.ts";
import { outputTabs } from "./output/write-tabs.ts";
import type { RejectedRow } from "./read-registrations.ts";
import {
  type MergedWorkbook,
  type SkippedSource,
  SourcesReading,
  type SourceTabs,
  type YearsKept,
} from "./read-sources.ts";
import { REGISTRATIONS_TAB, SETTINGS_TAB } from "./tabs.ts";
import { ContractError, NoRegistrationsError, type DataError, type OutputTab } from "./types.ts";

interface Reviewed {
  /** Cells and rows that could not be read; they were left out and fill `Lỗi dữ liệu`. */
  errors: DataError[];
  /** Every tab the review writes, `Lỗi dữ liệu` last. */
  tabs: OutputTab[];
  skipped: SkippedSource[];
  /** Units read, and registrations the review counted (for the run log). */
  counts: { units: number; registrations: number };
}

/** What one review produced, by its kind. */
export type ReviewedWorkbook =
  | (Reviewed & {
      review: "nam";
      result: ScoringResult;
      /** The stage (giai đoạn) holding the year under this run's `Cấu hình`: what a unit's history covers. */
      stagePeriod: Stage;
    })
  | (Reviewed & { review: "6-thang"; sixMonth: SixMonthResult })
  | (Reviewed & { review: "giai-doan"; stage: StageResult });

/**
 * Reads the spreadsheets of a run and applies `review` for `year`. Throws the reader's ContractError for a broken
 * main spreadsheet or setting, and NoRegistrationsError for a year with nothing registered (see the file comment).
 *
 * @example reviewSources([{ source: "", tabs }], 2024, "6-thang").tabs.map((t) => t.title)
 *   // → ["Sơ kết 6 tháng 2024", "Lỗi dữ liệu"]
 */
export function reviewSources(
  sources: readonly SourceTabs[],
  year: number,
  review: ReviewKind,
  options: { extraErrors?: readonly DataError[] } = {},
): ReviewedWorkbook {
  return scoreReview(readForReview(sources, year, review), year, review, options);
}

/**
 * The first half of `reviewSources`: the records of the years `review` looks at. Split out so a caller holding the
 * raw grids (the largest thing a run holds) can let them go before the rules run.
 */
export function readForReview(sources: readonly SourceTabs[], year: number, review: ReviewKind): MergedWorkbook {
  return readingForReview(sources, year, review).finish();
}

/**
 * `readForReview` in steps (see SourcesReading): for a main `Đăng ký` that arrives in blocks, each read into
 * records as it comes.
 */
export function readingForReview(sources: readonly SourceTabs[], year: number, review: ReviewKind): SourcesReading {
  return new SourcesReading(sources, { years: yearsKept(review, year) });
}

/** The second half of `reviewSources`: the review applied to what was read. */
export function scoreReview(
  read: MergedWorkbook,
  year: number,
  review: ReviewKind,
  options: { extraErrors?: readonly DataError[] } = {},
): ReviewedWorkbook {
  const { units, registrations, teams, settings, skipped } = read;
  const errors = options.extraErrors?.length ? [...options.extraErrors, ...read.errors] : read.errors;
  const hasRows = yearsWithRows(registrations, read.rejectedRegistrations);
  switch (review) {
    case "nam": {
      if (!hasRows.has(year)) throw noRegistrations(`năm ${year}`);
      const rejectedRegistrations = rejectedOf(read.rejectedRegistrations, year);
      const result = score({ year, settings, units, registrations, teams, rejectedRegistrations });
      const counts = { units: result.units.length, registrations: result.registrations.length };
      const stagePeriod = stageOf(settings, year);
      return { review, result, stagePeriod, errors, tabs: outputTabs(result, errors), skipped, counts };
    }
    case "6-thang": {
      if (!hasRows.has(year)) throw noRegistrations(`năm ${year}`);
      const rejectedRegistrations = rejectedOf(read.rejectedRegistrations, year);
      const sixMonth = sixMonthReview({ year, settings, units, registrations, rejectedRegistrations });
      const counts = { units: sixMonth.units.length, registrations: sixMonth.registered };
      return { review, sixMonth, errors, tabs: [sixMonthTab(sixMonth), errorsTab(errors)], skipped, counts };
    }
    case "giai-doan": {
      const stage = stageOf(settings, year);
      const years = stageYears(stage, year);
      if (years.length === 0) {
        throw new ContractError(
          `Năm ${year} ở trước giai đoạn ${stageLabel(stage)} ghi ở trang tính "${SETTINGS_TAB}" (tham số "Giai đoạn"): ` +
            "không có năm nào của giai đoạn để tổng kết. Hãy chọn một năm trong giai đoạn, hoặc sửa Giai đoạn.",
          quoteTab(SETTINGS_TAB),
        );
      }
      if (!years.some((y) => hasRows.has(y))) {
        throw noRegistrations(`giai đoạn ${stageLabel(stage)} (các năm ${years[0]}–${years[years.length - 1]})`);
      }
      const rejectedRegistrations = read.rejectedRegistrations;
      const result = stageReview({ year, settings, units, registrations, teams, rejectedRegistrations });
      const counts = { units: result.units.length, registrations: stageRegistrations(result) };
      return { review, stage: result, errors, tabs: [stageTab(result), errorsTab(errors)], skipped, counts };
    }
    default: {
      const unknown: never = review;
      throw new Error(`Unknown review ${JSON.stringify(unknown)}`);
    }
  }
}

/** The years whose records a review needs (the stage's depend on `Giai đoạn`, hence a function of the settings). */
function yearsKept(review: ReviewKind, year: number): YearsKept {
  switch (review) {
    case "nam":
      return yearsScored(year);
    case "6-thang":
      return [year];
    case "giai-doan":
      return (settings) => stageYearsRead(stageOf(settings, year), year);
    default: {
      const unknown: never = review;
      throw new Error(`Unknown review ${JSON.stringify(unknown)}`);
    }
  }
}

/** The years that have at least one registration row, read or rejected as a data error. */
function yearsWithRows(
  registrations: readonly { year: number }[],
  rejected: readonly RejectedRow[],
): ReadonlySet<number> {
  const years = new Set<number>();
  for (const r of registrations) years.add(r.year);
  for (const r of rejected) years.add(r.year);
  return years;
}

/** The rejected rows of `year`, counted by unit code. */
function rejectedOf(rejected: readonly RejectedRow[], year: number): Map<string, number> {
  const byUnit = new Map<string, number>();
  for (const r of rejected) if (r.year === year) byUnit.set(r.unitCode, (byUnit.get(r.unitCode) ?? 0) + 1);
  return byUnit;
}

function stageRegistrations(result: StageResult): number {
  let n = 0;
  for (const y of result.perYear) if (y.kind === "scored") n += y.registrations;
  return n;
}

function noRegistrations(what: string): NoRegistrationsError {
  return new NoRegistrationsError(
    `Trang tính "${REGISTRATIONS_TAB}" không có dòng đăng ký nào của ${what} (cột "Năm"): không có gì để chấm, ` +
      "không có gì được ghi. Hãy kiểm tra năm đã chọn, hoặc nhập đăng ký rồi chấm lại.",
    quoteTab(REGISTRATIONS_TAB),
  );
}
