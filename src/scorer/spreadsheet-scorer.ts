import { DurableObject } from "cloudflare:workers";
import type { ReviewKind } from "../../scoring/review-kind.ts";
import { newRun, type RunState } from "../jobs/background-run.ts";
import { describeRunFailure, type RunFailure } from "../jobs/run-failure.ts";
import { runMessage } from "../jobs/run-message.ts";
import { progressOf, type RunProgress } from "../jobs/run-progress.ts";
import { scoreSpreadsheet, SourcesTooSlowError, type ScoreRequest } from "../jobs/score-spreadsheet.ts";
import { runSetup, type SetupResult } from "../setup/run-setup.ts";
import { configOf, runRetryPolicy } from "../config/config.ts";
import { sheetsClientFor } from "../sheets/client-for.ts";
import { runStep } from "./background-runner.ts";
import { BackgroundStore } from "./background-store.ts";
import { byteStream } from "./byte-stream.ts";
import { jsonParts } from "./json-parts.ts";
import { PART_CHARS, ResultStore, type RunRecord } from "./result-store.ts";
import { RunQueue } from "./run-queue.ts";
import {
  type StageYear,
  type StoredRun,
  stageYearOf,
  type YearFiguresByUnit,
  yearFiguresOf,
} from "../unit-page/view-model.ts";

/**
 * A run's answer: its result (the JSON of its ReviewRun, as a stream of UTF-8 bytes), a run continued in the
 * background and how to follow it, or a failure. A stream because RPC refuses a value over 32 MiB, which a large
 * province's result exceeds; whoever gets the reply reads the body or cancels it.
 */
export type ScoreReply =
  | { ok: true; body: ReadableStream<Uint8Array> }
  | { ok: "background"; progress: RunProgress }
  | { ok: false; failure: RunFailure };
export type SetupReply = { ok: true; result: SetupResult } | { ok: false; failure: RunFailure };

/**
 * One instance per spreadsheet (named by its id): the lock that keeps two runs on the same spreadsheet from
 * interleaving their writes, and the home of that spreadsheet's latest results.
 *
 * A Durable Object lets other requests in while it awaits a fetch, so the lock is an explicit queue (`run-queue.ts`):
 * each run starts when the previous one has settled, at most RUNS_QUEUE_LIMIT runs wait (beyond, 429 with
 * Retry-After), and a waiting run whose caller has gone is dropped before it starts. A run too long for one request
 * continues in the background, one step per alarm (`background-run.ts`); while it lasts, it holds the lock: other
 * runs are refused with 409.
 */
export class SpreadsheetScorer extends DurableObject<Env> {
  private readonly queue = new RunQueue();
  private readonly store: ResultStore;
  private readonly background: BackgroundStore;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new ResultStore(ctx.storage.sql);
    this.background = new BackgroundStore(ctx.storage.sql);
  }

  /**
   * Scores the spreadsheet; returns the ScoreRun as a stream of UTF-8 JSON (it is large: bytes cross RPC outside the
   * JavaScript heap, and become the HTTP answer as they are). `wanted` is
   * asked, if the run had to wait, when its turn comes: a caller that has gone (false, or the call fails) drops it.
   */
  async score(req: ScoreRequest, wanted?: () => boolean | Promise<boolean>): Promise<ScoreReply> {
    const limit = configOf(this.env).runsQueueLimit;
    const admission = await this.queue.submit(() => this.runOnce(req), { limit, ...(wanted ? { wanted } : {}) });
    switch (admission.kind) {
      case "ran":
        return admission.value;
      case "full":
        return { ok: false, failure: queueFull(limit, admission.retryAfterSeconds) };
      case "abandoned":
        console.log(`Bỏ lần chấm năm ${req.year} của ${req.caller}: người gọi đã ngắt kết nối trước khi đến lượt.`);
        return { ok: false, failure: abandoned() };
      default:
        return admission satisfies never;
    }
  }

  /**
   * Keeps in the run history a run refused before it started (a background run held the spreadsheet, or runs were
   * waiting). An API caller is told by its answer; the Cron Trigger has nobody to tell, and the dashboard shows
   * failures from this history, so the nightly run records its refusal here.
   */
  async recordRefusedRun(req: ScoreRequest, failure: RunFailure): Promise<void> {
    this.recorder(req, crypto.randomUUID(), new Date().toISOString())(false, failure.status, failure.message);
  }

  /** Prepares the spreadsheet for the offices (POST /api/setup), in the same queue as the runs: never interleaved. */
  async setup(spreadsheetId: string): Promise<SetupReply> {
    return this.queue.enqueue(async (): Promise<SetupReply> => {
      try {
        const config = configOf(this.env);
        return {
          ok: true,
          result: await runSetup(sheetsClientFor(config), spreadsheetId, runRetryPolicy(config, Date.now())),
        };
      } catch (error) {
        return { ok: false, failure: describeRunFailure(error) };
      }
    });
  }

  /**
   * The latest stored run of `review` for `year` (the JSON of a ReviewRun) as the stream of its UTF-8 bytes, as
   * stored, or null: what `GET /api/results` sends and the pages parse (`storedResult`), without the text being
   * decoded, copied across to the Worker and encoded again (a province's is 21 MB of text).
   */
  async latestResultBody(year: number, review: ReviewKind = "nam"): Promise<ReadableStream<Uint8Array> | null> {
    const parts = this.store.loadResultBytes(year, review);
    return parts === null ? null : byteStream(parts);
  }

  /**
   * One unit's line of the unit page's history for `year`: its figures in the annual result of that year (`absent`
   * when it was not a unit then, `notScored` when the year has no result). Read from the figures of every unit kept
   * beside the result, made from the result the first time they are asked for: a unit's page reads a few hundred
   * KB per other year of its stage, not a province's 21 MB result each time.
   */
  async unitYear(year: number, code: string): Promise<StageYear> {
    let json = this.store.loadYearFigures(year);
    if (json === null) {
      const parts = this.store.loadResultBytes(year);
      if (parts === null) return { kind: "notScored", year };
      const run = (await new Response(byteStream(parts)).json()) as StoredRun; // as storedResult reads one
      json = JSON.stringify(yearFiguresOf(run));
      this.store.saveYearFigures(year, json);
    }
    return stageYearOf(year, JSON.parse(json) as YearFiguresByUnit, code);
  }

  async storedYears(): Promise<number[]> {
    return this.store.storedYears();
  }

  async recentRuns(limit?: number): Promise<RunRecord[]> {
    return this.store.recentRuns(limit);
  }

  /** The progress of a background run of this spreadsheet, or null for an id it does not know. */
  async runProgress(runId: string): Promise<RunProgress | null> {
    const job = this.background.loadJob(runId);
    return job === null ? null : progressOf(job);
  }

  /**
   * Starts a run in the background and answers at once with its id; the alarm does the work. `sourcesPerStep`
   * bounds the sources read by one step (tests make it small to see several steps).
   */
  async startBackground(req: ScoreRequest, options: { sourcesPerStep?: number } = {}): Promise<ScoreReply> {
    const running = this.background.runningJob();
    if (running !== null) return { ok: false, failure: busy(running) };
    // The poll id names this Durable Object, so GET /api/runs/{id} finds it without the spreadsheet id.
    const perStep = options.sourcesPerStep ?? configOf(this.env).sources.perStep;
    const run = newRun(`${this.ctx.id.toString()}.${crypto.randomUUID()}`, req, Date.now(), perStep);
    this.background.saveJob(run);
    await this.ctx.storage.setAlarm(Date.now());
    return { ok: "background", progress: progressOf(run) };
  }

  /** One step of the background run: the decider says what to do, `runStep` does it (and sets the next alarm). */
  override async alarm(): Promise<void> {
    await this.queue.enqueue(async () => {
      const run = this.background.runningJob();
      if (run === null) return;
      const logId = run.runId.slice(run.runId.lastIndexOf(".") + 1); // the run log's id: the uuid part
      const config = configOf(this.env);
      await runStep(
        run,
        { type: "alarm" },
        {
          context: () => ({
            api: sheetsClientFor(config),
            policy: runRetryPolicy(config, Date.now()),
            runId: logId,
            now: Date.now,
            sources: config.sources,
          }),
          background: this.background,
          results: this.store,
          setAlarm: (at) => this.ctx.storage.setAlarm(at),
          now: Date.now,
          readsPerMinute: config.sources.readsPerMinute,
        },
      );
    });
  }

  /**
   * Stores a run as the latest result of its year and review: its JSON made part by part, each part encoded to
   * UTF-8 and stored as made, none kept (the answer reads them back).
   */
  private storeRun(year: number, run: { reviewKind: ReviewKind }): StoredParts {
    const save = this.store.replaceResult(year, run.reviewKind);
    const encoder = new TextEncoder();
    let count = 0;
    for (const part of jsonParts(run, PART_CHARS)) {
      save(encoder.encode(part));
      count++;
    }
    return { count, read: this.store.partReader(year, run.reviewKind) };
  }

  /** How the run `runId` of `req`, started `at`, is kept in the run history once its outcome is known. */
  private recorder(req: ScoreRequest, runId: string, at: string) {
    return (ok: boolean, status: number, message: string) =>
      this.store.recordRun({ runId, year: req.year, at, dryRun: req.dryRun, ok, status, message, caller: req.caller });
  }

  private async runOnce(req: ScoreRequest): Promise<ScoreReply> {
    const running = this.background.runningJob();
    if (running !== null) return { ok: false, failure: busy(running) };
    if (req.background) return this.startBackground(req);
    const runId = crypto.randomUUID();
    const record = this.recorder(req, runId, new Date().toISOString());
    try {
      const config = configOf(this.env);
      const api = sheetsClientFor(config);
      const run = await scoreSpreadsheet(
        { api, policy: runRetryPolicy(config, Date.now()), runId, now: Date.now, sources: config.sources },
        req,
      );
      const message = runMessage(run);
      const body = req.dryRun ? jsonAnswer(run, null) : jsonAnswer(run, this.storeRun(req.year, run));
      record(true, 200, message);
      return { ok: true, body };
    } catch (error) {
      // Too many sources for one request: carry on in the background (a dry run has nowhere to keep its result).
      if (error instanceof SourcesTooSlowError && !req.dryRun) return this.startBackground(req);
      const failure = describeRunFailure(error);
      record(false, failure.status, failure.message);
      return { ok: false, failure };
    }
  }
}

/** The parts of a run as stored (`ResultStore.partReader`), and how many there are. */
interface StoredParts {
  count: number;
  read: (part: number) => Uint8Array | null;
}

/**
 * A run's answer, `JSON.stringify(value)`, as a stream of its UTF-8 bytes made one part at a time as the caller reads
 * (a province's is 21 MB: held whole until sent, it sat beside the heap for as long as the caller took). A stored
 * run's parts are read back as stored; a dry run's, or a stored run's once a later run of the same year has replaced
 * them, are made again from the run.
 */
function jsonAnswer(value: unknown, stored: StoredParts | null): ReadableStream<Uint8Array> {
  let run: unknown = value;
  let sent = 0;
  let made: Iterator<string> | null = null;
  const encoder = new TextEncoder();
  const remade = (): Uint8Array | null => {
    if (made === null) {
      made = jsonParts(run, PART_CHARS);
      for (let i = 0; i < sent; i++) made.next(); // the parts already sent, from the store
    }
    const next = made.next();
    return next.done ? null : encoder.encode(next.value);
  };
  return new ReadableStream({
    type: "bytes",
    pull(controller) {
      const done = stored !== null && made === null && sent === stored.count;
      const bytes = done ? null : ((made === null ? stored?.read(sent) : null) ?? remade());
      if (bytes === null) {
        run = null;
        controller.close();
        return;
      }
      sent++;
      controller.enqueue(bytes);
    },
    cancel() {
      run = null;
    },
  });
}

/** The answer to a run asked for while a background run holds the spreadsheet. */
function busy(run: RunState): RunFailure {
  const p = progressOf(run);
  return {
    status: 409,
    code: "run_in_progress",
    message: `Bảng tính này đang được chấm nền (lần chạy ${run.runId}, ${p.stepLabel.toLowerCase()}, ${p.percent}%). Hãy chờ lần chạy đó xong: GET /api/runs/${run.runId}.`,
  };
}

/** The answer to a run asked for while `limit` runs already wait for the spreadsheet. */
function queueFull(limit: number, retryAfterSeconds: number): RunFailure {
  return {
    status: 429,
    code: "queue_full",
    message:
      `Bảng tính này đang có ${limit === 0 ? "một lần chấm đang chạy" : `${limit} lần chấm đang chờ`}; ` +
      `không nhận thêm để tránh chờ quá lâu. Không có gì được đọc hay ghi. Hãy thử lại sau khoảng ${retryAfterSeconds} giây.`,
    retryAfterSeconds,
  };
}

/** The answer (read by nobody) to a run dropped because its caller had gone before its turn. */
function abandoned(): RunFailure {
  return {
    status: 409,
    code: "caller_gone",
    message: "Người gọi đã ngắt kết nối trước khi đến lượt chấm; lần chấm không chạy, không có gì được đọc hay ghi.",
  };
}
