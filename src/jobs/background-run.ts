/**
 * A run continued in the background, for a main spreadsheet whose sources cannot all be read within one request
 * (hundreds of sources at Google's default read quota of 60 a minute take minutes). The Durable Object of the
 * spreadsheet keeps the run's state in its storage and advances it one step per alarm:
 *
 *   reading-main     read the main spreadsheet and its `Nguồn dữ liệu` list
 *   reading-sources  read as many sources as the read quota allows now (at most `sourcesPerStep`), keep their tabs;
 *                    the next alarm is set for when the quota allows the next one
 *   finishing        read the main spreadsheet again (current tab ids), score everything, write in one atomic step
 *   succeeded, failed
 *
 * This file is the decider: `next(state, event, clock)` says what the run becomes and which effects follow, and does
 * nothing itself. The Durable Object (`background-runner.ts`) executes the effects (Sheets reads, storage, alarms)
 * and hands back what happened as the next event. A step that finds Google unavailable is tried again later (up to
 * MAX_RETRIES times in a row, backing off), so a passing outage does not cost the sources already read. Sources Google
 * refuses are reported as in a synchronous run.
 */
import type { SourceEntry, SourceList } from "../../sheets-schema/source-list.ts";
import type { RawTabs } from "../../sheets-schema/types.ts";
import { ReadPacer } from "../sheets/read-pacer.ts";
import { SheetsUnavailableError } from "../sheets/retry.ts";
import { READS_PER_SOURCE, SourceUnavailableError, type FailedSource } from "../sheets/source-reader.ts";
import { describeRunFailure, type RunFailure } from "./run-failure.ts";
import { runMessage } from "./run-message.ts";
import { runCounts, type FailedSourceReport, type ReviewRun, type ScoreRequest } from "./score-spreadsheet.ts";

/** What every state of a run carries. Times are ms since the epoch. */
interface RunBase {
  runId: string;
  request: ScoreRequest;
  startedAt: number;
  updatedAt: number;
  /** Steps run so far (one per alarm), and those in a row that found Google unavailable. */
  steps: number;
  retries: number;
  /** Sheets API calls made so far. */
  requests: number;
  /** Start times of the reads of the last minute, carried from step to step (ReadPacer). */
  pacerStarts: number[];
  sourcesPerStep: number;
}

/** The figures of a result (the result itself is served by GET /api/results). */
export interface RunSummary {
  units: number;
  registrations: number;
  dataErrors: number;
  tabsWritten: string[];
}

/**
 * A background run, as stored between its steps. `list` is null for a single-spreadsheet run; `failed` are the
 * sources Google refused so far; the next source to read is `list.entries[next]`.
 */
export type RunState =
  | (RunBase & { kind: "reading-main" })
  | (RunBase & { kind: "reading-sources"; list: SourceList; next: number; failed: FailedSource[] })
  | (RunBase & { kind: "finishing"; list: SourceList | null; failed: FailedSource[] })
  | (RunBase & {
      kind: "succeeded";
      list: SourceList | null;
      failed: FailedSource[];
      summary: RunSummary;
      /** Every source left out, those whose tabs were unusable included. */
      failedSources: FailedSourceReport[];
    })
  | (RunBase & { kind: "failed"; list: SourceList | null; next: number; failed: FailedSource[]; failure: RunFailure });

/** The tabs of source number `source` (its index in the run's list). */
export interface KeptTabs {
  source: number;
  tabs: RawTabs;
}

/** What happened: told to the decider by the Durable Object. Reads report the pacer's start times after them. */
export type RunEvent =
  /** The alarm rang: time for the next step. */
  | { type: "alarm" }
  | { type: "main-read"; list: SourceList | null; requests: number; pacerStarts: number[] }
  /** Sources `list.entries[from..to)` were read (`read`) or refused by Google (`failed`). */
  | {
      type: "sources-read";
      to: number;
      read: KeptTabs[];
      failed: FailedSource[];
      requests: number;
      pacerStarts: number[];
    }
  /** Scored and written (or scored only, for a dry run). */
  | { type: "finished"; run: ReviewRun; pacerStarts: number[] }
  /** Google did not answer (429/5xx until the step's retries or deadline ran out): the step may be tried again. */
  | { type: "unavailable"; failure: RunFailure; pacerStarts: number[] }
  /** Anything else that stopped the step (a broken contract, a spreadsheet refused, a bug): the run is over. */
  | { type: "broken"; failure: RunFailure; pacerStarts: number[] };

/** What the Durable Object must do. The reads answer with an event; the others with nothing. */
export type Effect =
  | { type: "read-main"; request: ScoreRequest; pacerStarts: number[] }
  /** `mainId`: the main spreadsheet, which each source must name in its `Gửi về` tab to be read. */
  | { type: "read-sources"; mainId: string; entries: SourceEntry[]; from: number; pacerStarts: number[] }
  /** Read the main spreadsheet again, score it with the kept tabs of the sources, write. */
  | {
      type: "finish";
      runId: string;
      request: ScoreRequest;
      startedAt: number;
      list: SourceList | null;
      failed: FailedSource[];
      requests: number;
      pacerStarts: number[];
    }
  | { type: "keep-tabs"; runId: string; tabs: KeptTabs[] }
  | { type: "save"; state: RunState }
  | { type: "set-alarm"; at: number }
  /** The kept tabs are a copy of other people's spreadsheets: dropped once the run is over. */
  | { type: "drop-tabs"; runId: string }
  /** Keep the `keep` latest runs that are over (their progress stays readable for a while). */
  | { type: "prune-runs"; keep: number }
  | { type: "store-result"; run: ReviewRun }
  /** A line of the Durable Object's run history (what the dashboard shows). */
  | {
      type: "log-run";
      runId: string;
      request: ScoreRequest;
      startedAt: number;
      ok: boolean;
      status: number;
      message: string;
    };

/** What the shell tells the decider besides the event: the time, and the read quota in force. */
export interface Clock {
  now: number;
  readsPerMinute: number;
}

export interface Decision {
  state: RunState;
  effects: Effect[];
}

/** Steps in a row that may find Google unavailable before the run fails. */
export const MAX_RETRIES = 5;
/** The first wait after a step found Google unavailable; it doubles with each retry in a row. */
export const RETRY_BASE_MS = 10_000;
/** Runs over whose progress stays readable. */
export const KEEP_RUNS = 20;
/** How long one step may take to start its reads: the rest of a step's deadline is for the reads themselves. */
const STEP_READ_WINDOW_MS = 30_000;

/** A new run, to be advanced from `reading-main` by its first alarm. */
export function newRun(runId: string, request: ScoreRequest, now: number, sourcesPerStep = 50): RunState {
  return {
    kind: "reading-main",
    runId,
    request,
    startedAt: now,
    updatedAt: now,
    steps: 0,
    retries: 0,
    requests: 0,
    pacerStarts: [],
    sourcesPerStep: Math.max(1, Math.floor(sourcesPerStep)),
  };
}

/** Whether the run still holds the spreadsheet (it is over once succeeded or failed). */
export function isRunning(state: RunState): boolean {
  return state.kind === "reading-main" || state.kind === "reading-sources" || state.kind === "finishing";
}

/**
 * The decider: what the run becomes after `event`, and what must be done. An event that does not belong to the
 * state (an alarm delivered again after the run is over, say) changes nothing.
 *
 * @example next(newRun("r", req, 0), { type: "alarm" }, { now: 5, readsPerMinute: 60 }).effects
 *          // → [{ type: "read-main", request: req, pacerStarts: [] }]
 */
export function next(state: RunState, event: RunEvent, clock: Clock): Decision {
  const unchanged: Decision = { state, effects: [] };
  if (!isRunning(state)) return unchanged;
  switch (event.type) {
    case "alarm":
      return step(state, clock);
    case "main-read": {
      if (state.kind !== "reading-main") return unchanged;
      const base = { ...state, requests: state.requests + event.requests, retries: 0, pacerStarts: event.pacerStarts };
      const after: RunState =
        event.list === null || event.list.entries.length === 0
          ? { ...base, kind: "finishing", list: event.list, failed: [] }
          : { ...base, kind: "reading-sources", list: event.list, next: 0, failed: [] };
      return {
        state: after,
        effects: [
          { type: "save", state: after },
          { type: "set-alarm", at: clock.now },
        ],
      };
    }
    case "sources-read": {
      if (state.kind !== "reading-sources") return unchanged;
      const base = {
        ...state,
        failed: [...state.failed, ...event.failed],
        requests: state.requests + event.requests,
        retries: 0,
        pacerStarts: event.pacerStarts,
      };
      const done = event.to >= state.list.entries.length;
      const after: RunState = done ? { ...without(base, "next"), kind: "finishing" } : { ...base, next: event.to };
      // The next step starts when the quota allows a source's two reads (at once, when all are read).
      const at = done
        ? clock.now
        : Math.max(clock.now, pacerAt(event.pacerStarts, clock).lastStartOf(READS_PER_SOURCE));
      const keep: Effect[] = event.read.length > 0 ? [{ type: "keep-tabs", runId: state.runId, tabs: event.read }] : [];
      return { state: after, effects: [...keep, { type: "save", state: after }, { type: "set-alarm", at }] };
    }
    case "finished": {
      if (state.kind !== "finishing") return unchanged;
      const { run } = event;
      const after: RunState = {
        ...state,
        kind: "succeeded",
        pacerStarts: event.pacerStarts,
        requests: run.sheetsRequests,
        summary: {
          ...runCounts(run),
          dataErrors: run.dataErrors.length,
          tabsWritten: run.tabsWritten,
        },
        failedSources: run.failedSources,
      };
      return {
        state: after,
        effects: [
          ...over(after),
          ...(state.request.dryRun ? [] : [{ type: "store-result", run } satisfies Effect]),
          logRun(after, true, 200, `Chạy nền: ${runMessage(run)}`),
        ],
      };
    }
    case "unavailable": {
      if (state.retries >= MAX_RETRIES) return fail(state, event.failure, event.pacerStarts);
      const after: RunState = { ...state, retries: state.retries + 1, pacerStarts: event.pacerStarts };
      const at = clock.now + RETRY_BASE_MS * 2 ** state.retries;
      return {
        state: after,
        effects: [
          { type: "save", state: after },
          { type: "set-alarm", at },
        ],
      };
    }
    case "broken":
      return fail(state, event.failure, event.pacerStarts);
    default:
      return assertNever(event);
  }
}

/** The alarm rang: one more step, and the work it starts. */
function step(state: RunState, clock: Clock): Decision {
  const s = { ...state, steps: state.steps + 1, updatedAt: clock.now } as RunState;
  switch (s.kind) {
    case "reading-main":
      return { state: s, effects: [{ type: "read-main", request: s.request, pacerStarts: s.pacerStarts }] };
    case "reading-sources": {
      const pacer = pacerAt(s.pacerStarts, clock);
      const remaining = s.list.entries.length - s.next;
      const startable = Math.floor(
        pacer.readsBy(clock.now + STEP_READ_WINDOW_MS, READS_PER_SOURCE * remaining) / READS_PER_SOURCE,
      );
      const count = Math.min(s.sourcesPerStep, startable);
      if (count === 0) {
        // The quota is spent: wait for it.
        return {
          state: s,
          effects: [
            { type: "save", state: s },
            { type: "set-alarm", at: pacer.lastStartOf(READS_PER_SOURCE) },
          ],
        };
      }
      const entries = s.list.entries.slice(s.next, s.next + count);
      return {
        state: s,
        effects: [
          { type: "read-sources", mainId: s.request.spreadsheetId, entries, from: s.next, pacerStarts: s.pacerStarts },
        ],
      };
    }
    case "finishing": {
      const { runId, request, startedAt, list, failed, requests, pacerStarts } = s;
      return {
        state: s,
        effects: [{ type: "finish", runId, request, startedAt, list, failed, requests, pacerStarts }],
      };
    }
    case "succeeded":
    case "failed":
      return { state, effects: [] };
    default:
      return assertNever(s);
  }
}

/** The one way a run fails: it keeps what it had read (for its progress), and is logged. */
function fail(state: RunState, failure: RunFailure, pacerStarts: number[]): Decision {
  const after: RunState = {
    ...state,
    kind: "failed",
    list: "list" in state ? state.list : null,
    next: sourcesDone(state),
    failed: "failed" in state ? state.failed : [],
    failure,
    pacerStarts,
  };
  return { state: after, effects: [...over(after), logRun(after, false, failure.status, failure.message)] };
}

/** The effects of every run that is over, whichever way. */
function over(state: RunState): Effect[] {
  return [
    { type: "save", state },
    { type: "drop-tabs", runId: state.runId },
    { type: "prune-runs", keep: KEEP_RUNS },
  ];
}

function logRun(state: RunState, ok: boolean, status: number, message: string): Effect {
  return {
    type: "log-run",
    runId: state.runId,
    request: state.request,
    startedAt: state.startedAt,
    ok,
    status,
    message,
  };
}

/** Sources read or refused so far. */
export function sourcesDone(state: RunState): number {
  switch (state.kind) {
    case "reading-main":
      return 0;
    case "reading-sources":
    case "failed":
      return state.next;
    case "finishing":
    case "succeeded":
      return state.list?.entries.length ?? 0;
    default:
      return assertNever(state);
  }
}

/**
 * Turns what a step threw into its event: Google unavailable (the step may be tried again), or anything else.
 * The one place where a run's failure is described.
 */
export function eventOfError(error: unknown, pacerStarts: number[]): RunEvent {
  const failure = describeRunFailure(error);
  const unavailable = error instanceof SheetsUnavailableError || error instanceof SourceUnavailableError;
  return { type: unavailable ? "unavailable" : "broken", failure, pacerStarts };
}

/** A source Google refused, as the API reports it. */
export function reportOf(f: FailedSource): FailedSourceReport {
  return {
    spreadsheetId: f.entry.spreadsheetId,
    name: f.entry.name,
    cell: f.entry.cell,
    status: f.status,
    reason: f.reason,
  };
}

/** A pacer that only plans (it never sleeps): when the reads of the run may start, seen from `clock.now`. */
function pacerAt(starts: readonly number[], clock: Clock): ReadPacer {
  const never = () => Promise.reject(new Error("the decider plans reads, it never waits for them"));
  return new ReadPacer(clock.readsPerMinute, { now: () => clock.now, sleep: never }, starts);
}

function without<T extends object, K extends keyof T>(o: T, key: K): Omit<T, K> {
  const { [key]: _, ...rest } = o;
  return rest;
}

function assertNever(x: never): never {
  throw new Error(`unexpected ${JSON.stringify(x)}`);
}
