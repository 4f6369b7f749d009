import type { SourcesPolicy } from "../jobs/score-spreadsheet.ts";
import type { RetryPolicy } from "./retry.ts";

/** A wrangler var as a number ≥ 0, else the fallback. */
function num(v: string | undefined, fallback: number): number {
  const n = Number(v);
  return v !== undefined && v !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** Retry and deadline settings of one run, from wrangler vars (defaults suit Google's per-minute quotas). */
export function retryPolicyFromEnv(env: Env, now: number): RetryPolicy {
  return {
    maxAttempts: num(env.SHEETS_MAX_ATTEMPTS, 6),
    baseDelayMs: num(env.SHEETS_RETRY_BASE_MS, 500),
    maxDelayMs: num(env.SHEETS_RETRY_MAX_MS, 16_000),
    deadline: now + num(env.RUN_DEADLINE_SECONDS, 90) * 1000,
  };
}

/**
 * How a run reads the spreadsheets of `Nguồn dữ liệu`, from wrangler vars: 4 at a time, 60 reads a minute, and in
 * the background at most 50 per step.
 */
export function sourcesPolicyFromEnv(env: Env): SourcesPolicy {
  return {
    concurrency: Math.max(1, Math.floor(num(env.SHEETS_SOURCE_CONCURRENCY, 4))),
    readsPerMinute: num(env.SHEETS_READS_PER_MINUTE, 60),
    perStep: Math.max(1, Math.floor(num(env.SHEETS_SOURCES_PER_STEP, 50))),
  };
}

/**
 * Runs that may wait for a spreadsheet besides the one under way (RUNS_QUEUE_LIMIT, default 2): beyond it
 * POST /api/score answers 429 with Retry-After instead of keeping its caller waiting for minutes.
 */
export function runsQueueLimitFromEnv(env: Env): number {
  return Math.floor(num(env.RUNS_QUEUE_LIMIT, 2));
}
