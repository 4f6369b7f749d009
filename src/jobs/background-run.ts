/**
 * A run continued in the background, for a main spreadsheet whose sources cannot all be read within one request
 * (hundreds of sources at Google's default read quota of 60 a minute take minutes). The Durable Object of the
 * spreadsheet keeps the job in its storage and advances it one step per alarm:
 *
 *   main       read the main spreadsheet and its `Nguồn dữ liệu` list
 *   sources    read as many sources as the read quota allows now (at most `sourcesPerStep`), keep their tabs;
 *              the next alarm is set for when the quota allows the next one
 *   finishing  read the main spreadsheet again (current tab ids), score everything, write in one atomic step
 *
 * A step that finds Google unavailable is tried again later (up to MAX_RETRIES times, backing off), so a passing
 * outage does not cost the sources already read. Sources Google refuses are reported as in a synchronous run.
 */
import type { SourceList } from "../../sheets-schema/source-list.ts";
import type { RawTabs } from "../../sheets-schema/types.ts";
import { SheetsUnavailableError } from "../sheets/retry.ts";
import { READS_PER_SOURCE, readSourceSpreadsheets, SourceUnavailableError, type FailedSource } from "../sheets/source-reader.ts";
import { describeRunFailure, type RunFailure } from "./run-failure.ts";
import {
  finishRun, readMain, runPacer, type FailedSourceReport, type RunContext, type ScoreRequest, type ScoreRun,
} from "./score-spreadsheet.ts";

export type BackgroundStep = "main" | "sources" | "finishing" | "done";

export interface BackgroundJob {
  runId: string;
  request: ScoreRequest;
  /** Times in ms since the epoch. */
  startedAt: number;
  updatedAt: number;
  status: "running" | "succeeded" | "failed";
  step: BackgroundStep;
  /** The sources, once the main spreadsheet is read (null before, and for a single-spreadsheet run). */
  list: SourceList | null;
  /** Sources read or failed so far: the next to read is `list.entries[next]`. */
  next: number;
  failed: FailedSource[];
  /** Start times of the reads of the last minute, carried from step to step (ReadPacer). */
  pacerStarts: number[];
  requests: number;
  /** Steps run so far, and those in a row that found Google unavailable. */
  steps: number;
  retries: number;
  sourcesPerStep: number;
  /** Once succeeded: the figures of the result (the result itself is served by GET /api/results). */
  summary?: { units: number; registrations: number; dataErrors: number; tabsWritten: string[] };
  /** Once succeeded: every source left out, those whose tabs were unusable included. */
  failedSources?: FailedSourceReport[];
  failure?: RunFailure;
}

/** Where the tabs of the sources read so far are kept between steps. */
export interface SourceTabsStore {
  saveTabs(runId: string, source: number, tabs: RawTabs): void;
  loadTabs(runId: string): Map<number, RawTabs>;
}

export const MAX_RETRIES = 5;
/** How long one step may take to start its reads: the rest of a step's deadline is for the reads themselves. */
const STEP_READ_WINDOW_MS = 30_000;

/** A new job, to be advanced from the `main` step. */
export function newJob(runId: string, request: ScoreRequest, now: number, sourcesPerStep = 50): BackgroundJob {
  return {
    runId,
    request,
    startedAt: now,
    updatedAt: now,
    status: "running",
    step: "main",
    list: null,
    next: 0,
    failed: [],
    pacerStarts: [],
    requests: 0,
    steps: 0,
    retries: 0,
    sourcesPerStep: Math.max(1, Math.floor(sourcesPerStep)),
  };
}

/**
 * Advances the job by one step (it is changed in place). Returns when the next step should run (null: the job is
 * over) and, when the run has just finished, its ScoreRun.
 */
export async function advance(
  job: BackgroundJob,
  ctx: RunContext,
  store: SourceTabsStore,
): Promise<{ nextAt: number | null; run?: ScoreRun }> {
  const now = ctx.now();
  job.updatedAt = now;
  job.steps++;
  const pacer = runPacer(ctx, job.pacerStarts);
  const pace = () => pacer.acquire(ctx.policy.deadline);
  try {
    switch (job.step) {
      case "main": {
        const main = await readMain(ctx, job.request, pace);
        job.requests += main.requests;
        job.list = main.list;
        job.step = main.list === null || main.list.entries.length === 0 ? "finishing" : "sources";
        return { nextAt: ctx.now() };
      }
      case "sources": {
        const entries = job.list?.entries ?? [];
        const remaining = entries.length - job.next;
        const startable = Math.floor(pacer.readsBy(now + STEP_READ_WINDOW_MS, READS_PER_SOURCE * remaining) / READS_PER_SOURCE);
        const batch = entries.slice(job.next, job.next + Math.min(job.sourcesPerStep, startable));
        if (batch.length === 0) return { nextAt: pacer.lastStartOf(READS_PER_SOURCE) }; // the quota is spent: wait for it
        const got = await readSourceSpreadsheets(ctx.api, batch, {
          mainId: job.request.spreadsheetId,
          policy: ctx.policy,
          concurrency: ctx.sources?.concurrency ?? 4,
          pace,
        });
        for (const s of got.read) store.saveTabs(job.runId, entries.indexOf(s.entry), s.tabs);
        job.failed.push(...got.failed);
        job.requests += got.requests;
        job.next += batch.length;
        job.retries = 0;
        if (job.next >= entries.length) job.step = "finishing";
        return { nextAt: job.step === "finishing" ? ctx.now() : Math.max(ctx.now(), pacer.lastStartOf(READS_PER_SOURCE)) };
      }
      case "finishing": {
        // Read again: the tab ids the write needs must be current, and so must the units and the rules.
        const main = await readMain(ctx, job.request, pace);
        const kept = store.loadTabs(job.runId);
        const entries = job.list?.entries ?? [];
        const read = [...kept].map(([i, tabs]) => ({ entry: entries[i]!, tabs })).filter((s) => s.entry !== undefined);
        const run = await finishRun(
          ctx,
          job.request,
          job.startedAt,
          { ...main, list: job.list, requests: main.requests + job.requests },
          job.list === null ? null : { read, failed: job.failed, requests: 0 },
        );
        job.step = "done";
        job.status = "succeeded";
        job.summary = {
          units: run.units.length,
          registrations: run.registrations.length,
          dataErrors: run.dataErrors.length,
          tabsWritten: run.tabsWritten,
        };
        job.failedSources = run.failedSources;
        return { nextAt: null, run };
      }
      case "done":
        return { nextAt: null };
    }
  } catch (error) {
    const unavailable = error instanceof SheetsUnavailableError || error instanceof SourceUnavailableError;
    if (unavailable && job.retries < MAX_RETRIES) {
      job.retries++;
      return { nextAt: ctx.now() + 10_000 * 2 ** (job.retries - 1) };
    }
    job.status = "failed";
    job.step = "done";
    job.failure = describeRunFailure(error);
    return { nextAt: null };
  } finally {
    job.pacerStarts = pacer.starts();
  }
}

/** What `GET /api/runs/{id}` answers about a job. */
export interface RunProgress {
  runId: string;
  spreadsheetId: string;
  year: number;
  status: BackgroundJob["status"];
  step: BackgroundStep;
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
  summary?: BackgroundJob["summary"];
  error?: { status: number; code: string; message: string; where?: string };
}

const STEP_LABEL: Record<BackgroundStep, string> = {
  main: "Đọc bảng tính chính",
  sources: "Đọc các nguồn dữ liệu",
  finishing: "Chấm điểm và ghi kết quả",
  done: "Đã xong",
};

/**
 * The progress of a job: the main spreadsheet, each source and the final step count as one unit of work each.
 *
 * @example progressOf(job).percent // → 52 when 100 of 200 sources are read
 */
export function progressOf(job: BackgroundJob): RunProgress {
  const total = job.list?.entries.length ?? null;
  const work = 2 + (total ?? 0);
  const done =
    job.step === "done" ? work : job.step === "main" ? 0 : job.step === "finishing" ? work - 1 : 1 + job.next;
  const { request: req } = job;
  return {
    runId: job.runId,
    spreadsheetId: req.spreadsheetId,
    year: req.year,
    status: job.status,
    step: job.step,
    stepLabel: job.status === "failed" ? "Thất bại" : STEP_LABEL[job.step],
    sourcesTotal: total,
    sourcesRead: job.next - job.failed.length,
    sourcesFailed: (job.failedSources ?? job.failed).length,
    percent: job.status === "running" ? Math.min(99, Math.floor((100 * done) / work)) : 100,
    steps: job.steps,
    startedAt: new Date(job.startedAt).toISOString(),
    updatedAt: new Date(job.updatedAt).toISOString(),
    failedSources:
      job.failedSources ??
      job.failed.map((f) => ({ spreadsheetId: f.entry.spreadsheetId, name: f.entry.name, cell: f.entry.cell, status: f.status, reason: f.reason })),
    ...(job.status === "succeeded" && !req.dryRun
      ? { resultUrl: `/api/results?year=${req.year}&spreadsheetId=${encodeURIComponent(req.spreadsheetId)}` }
      : {}),
    ...(job.summary ? { summary: job.summary } : {}),
    ...(job.failure
      ? { error: { status: job.failure.status, code: job.failure.code, message: job.failure.message, ...(job.failure.where ? { where: job.failure.where } : {}) } }
      : {}),
  };
}
