import { scoreWorkbook } from "../../sheets-schema/pipeline.ts";
import type { ScoreRun } from "../../src/jobs/score-spreadsheet.ts";
import { DEMO_SEED, DEMO_SPREADSHEET_ID, DEMO_YEAR, generateDistrict } from "../demo/district.ts";

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
    runId: "demo-run",
    spreadsheetId: DEMO_SPREADSHEET_ID,
    spreadsheetTitle: "Dân vận khéo – Huyện Demo",
    sheetIds: {},
    dryRun: false,
    startedAt: `${year + 1}-01-10T02:00:00.000Z`,
    durationMs: 0,
    caller: "tools/report",
    dataErrors: errors,
    tabsWritten: tabs.map((t) => t.title),
    sheetsRequests: 0,
    sources: [],
    failedSources: [],
  };
}
