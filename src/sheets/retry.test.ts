import { describe, expect, it } from "vitest";
import { SheetsRejectedError, SheetsUnavailableError, withRetry, type RetryPolicy } from "./retry.ts";

function policy(over: Partial<RetryPolicy> = {}): RetryPolicy & { waits: number[] } {
  const waits: number[] = [];
  let clock = 0;
  return {
    maxAttempts: 5,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    deadline: 60_000,
    random: () => 0.5,
    now: () => clock,
    sleep: async (ms) => {
      waits.push(ms);
      clock += ms;
    },
    waits,
    ...over,
  };
}

function httpError(status: number, headers: Record<string, string> = {}) {
  return Object.assign(new Error(`HTTP ${status}`), {
    status,
    response: {
      status,
      headers: new Headers(headers),
      data: { error: { code: status, message: `google says ${status}` } },
    },
  });
}

describe("withRetry", () => {
  it("retries 429 and 5xx and returns the first success", async () => {
    const p = policy();
    const failures = [httpError(429), httpError(500), httpError(503)];
    const result = await withRetry(async () => {
      const f = failures.shift();
      if (f) throw f;
      return "ok";
    }, p);
    expect(result).toBe("ok");
    expect(p.waits).toHaveLength(3);
  });

  it("backs off exponentially with jitter", async () => {
    const p = policy({ maxAttempts: 4 });
    await expect(withRetry(() => Promise.reject(httpError(500)), p)).rejects.toBeInstanceOf(SheetsUnavailableError);
    // random() = 0.5 of 100, 200, 400
    expect(p.waits).toEqual([50, 100, 200]);
  });

  it("waits at least as long as Retry-After asks", async () => {
    const p = policy();
    const failures = [httpError(429, { "retry-after": "2" })];
    await withRetry(async () => {
      const f = failures.shift();
      if (f) throw f;
      return 1;
    }, p);
    expect(p.waits).toEqual([2000]);
  });

  it("does not retry a 403 or 404: retrying cannot mend them", async () => {
    const p = policy();
    await expect(withRetry(() => Promise.reject(httpError(403)), p)).rejects.toBeInstanceOf(SheetsRejectedError);
    expect(p.waits).toEqual([]);
  });

  it("gives up rather than sleep past the run's deadline", async () => {
    const p = policy({ deadline: 120, maxAttempts: 10 });
    const error = await withRetry(() => Promise.reject(httpError(429)), p).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetsUnavailableError);
    expect((error as SheetsUnavailableError).failure.status).toBe(429);
    expect(p.waits.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(120);
  });

  it("treats a network failure (no HTTP status) as retryable", async () => {
    const p = policy();
    let calls = 0;
    const result = await withRetry(async () => {
      if (++calls === 1) throw new TypeError("fetch failed");
      return "ok";
    }, p);
    expect(result).toBe("ok");
    expect(calls).toBe(2);
  });
});

describe("withRetry and errors it has already decided", () => {
  it("passes a SheetsUnavailableError thrown by the call through at once, without retrying it", async () => {
    const p = policy();
    let calls = 0;
    const given = new SheetsUnavailableError({ status: 429, message: "pacer", retryAfterMs: 1000 }, 0);
    await expect(
      withRetry(async () => {
        calls++;
        throw given;
      }, p),
    ).rejects.toBe(given);
    expect(calls).toBe(1);
    expect(p.waits).toEqual([]);
  });
});
