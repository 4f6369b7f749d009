import { defaultStage } from "../../scoring/stage-period.ts";
import type { ReviewKind } from "../../scoring/review-kind.ts";
import { scoreWorkbook } from "../../sheets-schema/pipeline.ts";
import { reviewSources } from "../../sheets-schema/review-pipeline.ts";
import type { DataError } from "../../sheets-schema/types.ts";
import type { RunInfo, ScoreRun, SixMonthRun, StageRun } from "../../src/jobs/score-spreadsheet.ts";
import type { ReviewReport } from "../../src/report/report-document.ts";
import { DEMO_SEED, DEMO_SPREADSHEET_ID, DEMO_YEAR, type DistrictOptions, generateDistrict } from "../demo/district.ts";

/** The run details the Worker would add, fixed so the same demo gives the same document. */
function runInfo(year: number, errors: DataError[], tabs: readonly { title: string }[], startedAt: string): RunInfo {
  return {
    year,
    runId: "demo-run",
    spreadsheetId: DEMO_SPREADSHEET_ID,
    spreadsheetTitle: "Dân vận khéo – Huyện Demo",
    sheetIds: {},
    dryRun: false,
    startedAt,
    durationMs: 0,
    caller: "tools/report",
    dataErrors: errors,
    tabsWritten: tabs.map((t) => t.title),
    sheetsRequests: 0,
    sources: [],
    failedSources: [],
  };
}

/**
 * The demo district scored for its demo year, as the Worker would store it — without the Worker: the same pure
 * pipeline (`scoreWorkbook`), with fixed run details, so the Word report can be built and looked at from Node.
 */
export function demoScoreRun(options: { seed?: number; year?: number } = {}): ScoreRun {
  const year = options.year ?? DEMO_YEAR;
  const { result, errors, tabs } = scoreWorkbook(generateDistrict({ seed: options.seed ?? DEMO_SEED }), year);
  return {
    ...result,
    reviewKind: "nam",
    stagePeriod: defaultStage(year), // the demo's Cấu hình names no Giai đoạn
    ...runInfo(year, errors, tabs, `${year + 1}-01-10T02:00:00.000Z`),
  };
}

/**
 * Any review of the demo district (SPEC §3.8) as the report reads it, through the Worker's own review pipeline
 * (`reviewSources`). `district` passes options to the generator (its `years`, to leave a year of a stage empty).
 */
export function demoReviewReport(
  review: ReviewKind,
  options: { seed?: number; year?: number; district?: DistrictOptions } = {},
): ReviewReport {
  const year = options.year ?? DEMO_YEAR;
  if (review === "nam") return { review, run: demoScoreRun(options) };
  const tabs = generateDistrict({ seed: options.seed ?? DEMO_SEED, ...options.district });
  const reviewed = reviewSources([{ source: "", tabs }], year, review);
  switch (reviewed.review) {
    case "nam":
      throw new Error("The annual review is built by demoScoreRun");
    case "6-thang": {
      const info = runInfo(year, reviewed.errors, reviewed.tabs, `${year}-07-05T02:00:00.000Z`);
      const run: SixMonthRun = { ...info, reviewKind: "6-thang", sixMonth: reviewed.sixMonth };
      return { review: "6-thang", run };
    }
    case "giai-doan": {
      const info = runInfo(year, reviewed.errors, reviewed.tabs, `${year + 1}-01-15T02:00:00.000Z`);
      const run: StageRun = { ...info, reviewKind: "giai-doan", stage: reviewed.stage };
      return { review: "giai-doan", run };
    }
    default: {
      const unknown: never = reviewed;
      throw new Error(`Unknown review ${JSON.stringify(unknown)}`);
    }
  }
}
