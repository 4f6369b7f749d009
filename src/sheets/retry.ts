/**
 * Retries a Sheets call on the errors Google asks clients to retry (429 and 5xx, network failures), with exponential
 * backoff and full jitter, honouring `Retry-After`, and never past the run's deadline.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff in ms; doubles each attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Absolute time (ms since epoch) after which no new attempt starts. */
  deadline: number;
  /** Injected so tests need not sleep for real seconds and jitter is reproducible. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
}

/** What an HTTP failure from Google looks like once unwrapped from the client's error. */
export interface SheetsFailure {
  status: number | null; // null: no HTTP answer at all (network)
  message: string;
  retryAfterMs: number | null;
}

export function isRetryable(f: SheetsFailure): boolean {
  return f.status === null || f.status === 429 || f.status >= 500;
}

/** Reads status, Google's error message and Retry-After from whatever the googleapis client threw. */
export function describeFailure(error: unknown): SheetsFailure {
  const e = error as {
    status?: number;
    response?: { status?: number; headers?: Headers | Record<string, string>; data?: unknown };
    message?: string;
  };
  const status = e?.response?.status ?? e?.status ?? null;
  const data = e?.response?.data as { error?: { message?: string } } | undefined;
  const message = data?.error?.message ?? e?.message ?? String(error);
  return {
    status: typeof status === "number" ? status : null,
    message,
    retryAfterMs: retryAfterMs(e?.response?.headers),
  };
}

function retryAfterMs(headers: Headers | Record<string, string> | undefined): number | null {
  if (!headers) return null;
  const raw = headers instanceof Headers ? headers.get("retry-after") : (headers["retry-after"] ?? null);
  if (raw === null || raw === undefined) return null;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw); // Retry-After may also be an HTTP date
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

/** Thrown when Google stayed unavailable: carries the last failure so the route can answer 502/503. */
export class SheetsUnavailableError extends Error {
  override readonly name = "SheetsUnavailableError";
  constructor(
    readonly failure: SheetsFailure,
    readonly attempts: number,
  ) {
    super(failure.message);
  }
}

/** Thrown for a failure that retrying cannot mend (403 not shared, 404 unknown spreadsheet, 400 bad request). */
export class SheetsRejectedError extends Error {
  override readonly name = "SheetsRejectedError";
  constructor(readonly failure: SheetsFailure) {
    super(failure.message);
  }
}

export async function withRetry<T>(call: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const random = policy.random ?? Math.random;
  const now = policy.now ?? Date.now;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      // Already decided (the read pacer gave up before calling): not a fresh failure to retry.
      if (error instanceof SheetsUnavailableError || error instanceof SheetsRejectedError) throw error;
      const failure = describeFailure(error);
      if (!isRetryable(failure)) throw new SheetsRejectedError(failure);
      if (attempt >= policy.maxAttempts) throw new SheetsUnavailableError(failure, attempt);
      const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      const wait = Math.max(failure.retryAfterMs ?? 0, Math.floor(random() * backoff));
      if (now() + wait > policy.deadline) throw new SheetsUnavailableError(failure, attempt);
      await sleep(wait);
    }
  }
}
