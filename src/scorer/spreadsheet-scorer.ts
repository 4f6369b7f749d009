import { DurableObject } from "cloudflare:workers";
import { advance, newJob, progressOf, type BackgroundJob, type RunProgress } from "../jobs/background-run.ts";
import { describeRunFailure, type RunFailure } from "../jobs/run-failure.ts";
import { scoreSpreadsheet, SourcesTooSlowError, type ScoreRequest, type ScoreRun } from "../jobs/score-spreadsheet.ts";
import { runSetup, type SetupResult } from "../setup/run-setup.ts";
import { configOf, runRetryPolicy } from "../config/config.ts";
import { sheetsClientFor } from "../sheets/client-for.ts";
import { BackgroundStore } from "./background-store.ts";
import { ResultStore, type RunRecord } from "./result-store.ts";

/** A run's answer: its result (JSON text), a run continued in the background and how to follow it, or a failure. */
export type ScoreReply =
  | { ok: true; json: string }
  | { ok: "background"; progress: RunProgress }
  | { ok: false; failure: RunFailure };
export type SetupReply = { ok: true; result: SetupResult } | { ok: false; failure: RunFailure };

/**
 * One instance per spreadsheet (named by its id): the lock that keeps two runs on the same spreadsheet from
 * interleaving their writes, and the home of that spreadsheet's latest results.
 *
 * A Durable Object lets other requests in while it awaits a fetch, so the lock is an explicit queue: each run starts
 * when the previous one has settled. A run too long for one request continues in the background, one step per alarm
 * (`background-run.ts`); while it lasts, it holds the lock: other runs are refused with 409.
 */
export class SpreadsheetScorer extends DurableObject<Env> {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly store: ResultStore;
  private readonly background: BackgroundStore;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new ResultStore(ctx.storage.sql);
    this.background = new BackgroundStore(ctx.storage.sql);
  }

  /** Scores the spreadsheet; returns the ScoreRun as JSON text (it is large: text crosses RPC cheaply). */
  async score(req: ScoreRequest): Promise<ScoreReply> {
    return this.enqueue(() => this.runOnce(req));
  }

  /** Prepares the spreadsheet for the offices (POST /api/setup), in the same queue as the runs: never interleaved. */
  async setup(spreadsheetId: string): Promise<SetupReply> {
    return this.enqueue(async (): Promise<SetupReply> => {
      try {
        const config = configOf(this.env);
        return { ok: true, result: await runSetup(sheetsClientFor(config), spreadsheetId, runRetryPolicy(config, Date.now())) };
      } catch (error) {
        return { ok: false, failure: describeRunFailure(error) };
      }
    });
  }

  async latestResult(year: number): Promise<string | null> {
    return this.store.loadResult(year);
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
    const job = newJob(`${this.ctx.id.toString()}.${crypto.randomUUID()}`, req, Date.now(), perStep);
    this.background.saveJob(job);
    await this.ctx.storage.setAlarm(Date.now());
    return { ok: "background", progress: progressOf(job) };
  }

  /** One step of the background run, then the alarm for the next (or the run's record when it is over). */
  override async alarm(): Promise<void> {
    await this.enqueue(async () => {
      const job = this.background.runningJob();
      if (job === null) return;
      let outcome: { nextAt: number | null; run?: ScoreRun };
      try {
        const config = configOf(this.env);
        const runId = job.runId.slice(job.runId.lastIndexOf(".") + 1); // the run log's id: the uuid part
        const ctx = { api: sheetsClientFor(config), policy: runRetryPolicy(config, Date.now()), runId, now: Date.now, sources: config.sources };
        outcome = await advance(job, ctx, this.background);
      } catch (error) {
        Object.assign(job, { status: "failed", step: "done", failure: describeRunFailure(error) } satisfies Partial<BackgroundJob>);
        outcome = { nextAt: null };
      }
      this.background.saveJob(job);
      if (outcome.nextAt !== null) {
        await this.ctx.storage.setAlarm(outcome.nextAt);
        return;
      }
      this.background.deleteTabs(job.runId);
      this.background.pruneJobs(20);
      const req = job.request;
      const record = (ok: boolean, status: number, message: string) =>
        this.store.recordRun({ runId: job.runId, year: req.year, at: new Date(job.startedAt).toISOString(), dryRun: req.dryRun, ok, status, message, caller: req.caller });
      if (outcome.run !== undefined) {
        if (!req.dryRun) this.store.saveResult(req.year, JSON.stringify(outcome.run));
        record(true, 200, `Chạy nền: ${runMessage(outcome.run)}`);
      } else if (job.failure) {
        record(false, job.failure.status, job.failure.message);
      }
    });
  }

  /** Starts `work` when everything queued before it has settled. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runOnce(req: ScoreRequest): Promise<ScoreReply> {
    const running = this.background.runningJob();
    if (running !== null) return { ok: false, failure: busy(running) };
    if (req.background) return this.startBackground(req);
    const runId = crypto.randomUUID();
    const at = new Date().toISOString();
    const record = (ok: boolean, status: number, message: string) =>
      this.store.recordRun({ runId, year: req.year, at, dryRun: req.dryRun, ok, status, message, caller: req.caller });
    try {
      const config = configOf(this.env);
      const api = sheetsClientFor(config);
      const run = await scoreSpreadsheet({ api, policy: runRetryPolicy(config, Date.now()), runId, now: Date.now, sources: config.sources }, req);
      const json = JSON.stringify(run);
      if (!req.dryRun) this.store.saveResult(req.year, json);
      record(true, 200, runMessage(run));
      return { ok: true, json };
    } catch (error) {
      // Too many sources for one request: carry on in the background (a dry run has nowhere to keep its result).
      if (error instanceof SourcesTooSlowError && !req.dryRun) return this.startBackground(req);
      const failure = describeRunFailure(error);
      record(false, failure.status, failure.message);
      return { ok: false, failure };
    }
  }
}

/** The run history's message for a run that succeeded. */
function runMessage(run: ScoreRun): string {
  const missing = run.failedSources.length > 0 ? `; ${run.failedSources.length} nguồn không đọc được` : "";
  return `${run.dryRun ? "Chạy thử (không ghi)" : `Đã ghi ${run.tabsWritten.length} trang tính`}${missing}`;
}

/** The answer to a run asked for while a background run holds the spreadsheet. */
function busy(job: BackgroundJob): RunFailure {
  const p = progressOf(job);
  return {
    status: 409,
    code: "run_in_progress",
    message: `Bảng tính này đang được chấm nền (lần chạy ${job.runId}, ${p.stepLabel.toLowerCase()}, ${p.percent}%). Hãy chờ lần chạy đó xong: GET /api/runs/${job.runId}.`,
  };
}
