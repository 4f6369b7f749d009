import type { RetryPolicy } from "./retry.ts";

/** Retry and deadline settings of one run, from wrangler vars (defaults suit Google's per-minute quotas). */
export function retryPolicyFromEnv(env: Env, now: number): RetryPolicy {
  const num = (v: string | undefined, fallback: number) => {
    const n = Number(v);
    return v !== undefined && v !== "" && Number.isFinite(n) && n >= 0 ? n : fallback;
  };
  return {
    maxAttempts: num(env.SHEETS_MAX_ATTEMPTS, 6),
    baseDelayMs: num(env.SHEETS_RETRY_BASE_MS, 500),
    maxDelayMs: num(env.SHEETS_RETRY_MAX_MS, 16_000),
    deadline: now + num(env.RUN_DEADLINE_SECONDS, 90) * 1000,
  };
}
