import { DurableObject } from "cloudflare:workers";
import { describeRunFailure, type RunFailure } from "../jobs/run-failure.ts";
import { scoreSpreadsheet, type ScoreRequest } from "../jobs/score-spreadsheet.ts";
import { runSetup, type SetupResult } from "../setup/run-setup.ts";
import { createSheetsClient } from "../sheets/client.ts";
import { retryPolicyFromEnv, sourcesPolicyFromEnv } from "../sheets/settings.ts";
import { ResultStore, type RunRecord } from "./result-store.ts";

export type ScoreReply = { ok: true; json: string } | { ok: false; failure: RunFailure };
export type SetupReply = { ok: true; result: SetupResult } | { ok: false; failure: RunFailure };

/**
 * One instance per spreadsheet (named by its id): the lock that keeps two runs on the same spreadsheet from
 * interleaving their writes, and the home of that spreadsheet's latest results.
 *
 * A Durable Object lets other requests in while it awaits a fetch, so the lock is an explicit queue: each run starts
 * when the previous one has settled.
 */
export class SpreadsheetScorer extends DurableObject<Env> {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly store: ResultStore;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.store = new ResultStore(ctx.storage.sql);
  }

  /** Scores the spreadsheet; returns the ScoreRun as JSON text (it is large: text crosses RPC cheaply). */
  async score(req: ScoreRequest): Promise<ScoreReply> {
    return this.enqueue(() => this.runOnce(req));
  }

  /** Prepares the spreadsheet for the offices (POST /api/setup), in the same queue as the runs: never interleaved. */
  async setup(spreadsheetId: string): Promise<SetupReply> {
    return this.enqueue(async (): Promise<SetupReply> => {
      try {
        const api = createSheetsClient(this.env.GOOGLE_SERVICE_ACCOUNT_JSON, this.env.SHEETS_API_ROOT, this.env.GOOGLE_TOKEN_URL);
        return { ok: true, result: await runSetup(api, spreadsheetId, retryPolicyFromEnv(this.env, Date.now())) };
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

  /** Starts `work` when everything queued before it has settled. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async runOnce(req: ScoreRequest): Promise<ScoreReply> {
    const runId = crypto.randomUUID();
    const at = new Date().toISOString();
    const record = (ok: boolean, status: number, message: string) =>
      this.store.recordRun({ runId, year: req.year, at, dryRun: req.dryRun, ok, status, message, caller: req.caller });
    try {
      const api = createSheetsClient(this.env.GOOGLE_SERVICE_ACCOUNT_JSON, this.env.SHEETS_API_ROOT, this.env.GOOGLE_TOKEN_URL);
      const policy = retryPolicyFromEnv(this.env, Date.now());
      const run = await scoreSpreadsheet({ api, policy, runId, now: Date.now, sources: sourcesPolicyFromEnv(this.env) }, req);
      const json = JSON.stringify(run);
      if (!req.dryRun) this.store.saveResult(req.year, json);
      const missing = run.failedSources.length > 0 ? `; ${run.failedSources.length} nguồn không đọc được` : "";
      record(true, 200, `${req.dryRun ? "Chạy thử (không ghi)" : `Đã ghi ${run.tabsWritten.length} trang tính`}${missing}`);
      return { ok: true, json };
    } catch (error) {
      const failure = describeRunFailure(error);
      record(false, failure.status, failure.message);
      return { ok: false, failure };
    }
  }
}
