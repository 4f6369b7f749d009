/** What `GET /api/runs/{id}` answers about a background run (`background-run.ts`), computed from its state. */
import type { ReviewKind } from "../../scoring/review-kind.ts";
import { isRunning, reportOf, sourcesDone, type RunState, type RunSummary } from "./background-run.ts";
import { reviewOf, type FailedSourceReport, type ScoreRequest } from "./score-spreadsheet.ts";

/** The step as the API names it (the states of a run, with both ends of a run as "done"). */
export type RunStep = "main" | "sources" | "finishing" | "done";

export interface RunProgress {
  runId: string;
  spreadsheetId: string;
  year: number;
  /** The review the run is for (SPEC §3.8). */
  reviewKind: ReviewKind;
  status: "running" | "succeeded" | "failed";
  step: RunStep;
  /** The step in Vietnamese, for people. */
  stepLabel: string;
  sourcesTotal: number | null;
  sourcesRead: number;
  sourcesFailed: number;
  percent: number;
  /** Steps run so far (each alarm of the Durable Object runs one). */
  steps: number;
  startedAt: string;
  updatedAt: string;
  failedSources: FailedSourceReport[];
  /** Once succeeded: where the whole result is. */
  resultUrl?: string;
  summary?: RunSummary;
  error?: { status: number; code: string; message: string; where?: string };
}

const STEP: Record<RunState["kind"], RunStep> = {
  "reading-main": "main",
  "reading-sources": "sources",
  finishing: "finishing",
  succeeded: "done",
  failed: "done",
};

const STEP_LABEL: Record<RunState["kind"], string> = {
  "reading-main": "Đọc bảng tính chính",
  "reading-sources": "Đọc các nguồn dữ liệu",
  finishing: "Chấm điểm và ghi kết quả",
  succeeded: "Đã xong",
  failed: "Thất bại",
};

/**
 * The progress of a run: the main spreadsheet, each source and the final step count as one unit of work each.
 *
 * @example progressOf(run).percent // → 50 when 100 of 200 sources are read
 */
export function progressOf(state: RunState): RunProgress {
  const total = state.kind === "reading-main" ? null : (state.list?.entries.length ?? null);
  const work = 2 + (total ?? 0);
  const done =
    state.kind === "reading-main"
      ? 0
      : state.kind === "reading-sources"
        ? 1 + state.next
        : state.kind === "finishing"
          ? work - 1
          : work;
  const failed = state.kind === "reading-main" ? [] : state.failed;
  const { request: req } = state;
  const failure = state.kind === "failed" ? state.failure : undefined;
  return {
    runId: state.runId,
    spreadsheetId: req.spreadsheetId,
    year: req.year,
    reviewKind: reviewOf(req),
    status: isRunning(state) ? "running" : state.kind === "succeeded" ? "succeeded" : "failed",
    step: STEP[state.kind],
    stepLabel: STEP_LABEL[state.kind],
    sourcesTotal: total,
    sourcesRead: sourcesDone(state) - failed.length,
    sourcesFailed: state.kind === "succeeded" ? state.failedSources.length : failed.length,
    percent: isRunning(state) ? Math.min(99, Math.floor((100 * done) / work)) : 100,
    steps: state.steps,
    startedAt: new Date(state.startedAt).toISOString(),
    updatedAt: new Date(state.updatedAt).toISOString(),
    failedSources: state.kind === "succeeded" ? state.failedSources : failed.map(reportOf),
    ...(state.kind === "succeeded" && !req.dryRun ? { resultUrl: resultUrl(req) } : {}),
    ...(state.kind === "succeeded" ? { summary: state.summary } : {}),
    ...(failure
      ? {
          error: {
            status: failure.status,
            code: failure.code,
            message: failure.message,
            ...(failure.where ? { where: failure.where } : {}),
          },
        }
      : {}),
  };
}

/** Where `GET /api/results` serves the run's result (the annual one without `review`, as before reviews existed). */
function resultUrl(req: ScoreRequest): string {
  const review = reviewOf(req);
  const base = `/api/results?year=${req.year}&spreadsheetId=${encodeURIComponent(req.spreadsheetId)}`;
  return review === "nam" ? base : `${base}&review=${review}`;
}
