import { describe, expect, it } from "vitest";
import { Faults, type RequestInfo } from "../../emulator/faults.ts";
import { Random } from "../demo/random.ts";
import { type Fault, pickFault, rulesOf, withinRetries } from "./fault-plan.ts";

const GET: RequestInfo = { method: "GET", path: "/v4/spreadsheets/s", kind: "get" };
const BATCH_GET: RequestInfo = { method: "GET", path: "/v4/spreadsheets/s/values:batchGet", kind: "values.batchGet" };
const WRITE: RequestInfo = { method: "POST", path: "/v4/spreadsheets/s:batchUpdate", kind: "batchUpdate" };

/** What the emulator does to each request of a sequence under the fault's rules: "pass", a status, or "drop". */
function outcomes(fault: Fault, requests: RequestInfo[], shape = { reads: 2, writes: 3 }): string[] {
  const faults = new Faults();
  faults.set(rulesOf(fault, shape));
  return requests.map((request) => {
    const rule = faults.take(request);
    if (!rule || (rule.status === undefined && !rule.afterApply)) return "pass";
    const status = rule.status === undefined ? "drop" : String(rule.status);
    return rule.afterApply ? `applied, ${status}` : status;
  });
}

describe("the fault rules", () => {
  it("hit the nth request only, the ones before it passing through", () => {
    const fault: Fault = { kind: "429", target: { on: "request", nth: 3 }, count: 1, retryAfter: 1 };
    expect(outcomes(fault, [GET, BATCH_GET, WRITE, WRITE])).toEqual(["pass", "pass", "429", "pass"]);
  });

  it("aim at the nth write, whatever reads come between", () => {
    const fault: Fault = { kind: "after-apply-drop", target: { on: "write", nth: 2 }, thenOutage: false };
    expect(outcomes(fault, [GET, BATCH_GET, WRITE, GET, WRITE, WRITE])).toEqual([
      "pass",
      "pass",
      "pass",
      "pass",
      "applied, drop",
      "pass",
    ]);
  });

  it("never stop when the count is -1", () => {
    const fault: Fault = { kind: "5xx-before", target: { on: "request", nth: 1 }, status: 503, count: -1 };
    expect(outcomes(fault, [GET, GET, GET, GET, GET, GET, GET])).toEqual(Array(7).fill("503"));
  });

  it("start an outage only after the lost reply to the last write: the run's reads and earlier writes pass", () => {
    const fault: Fault = { kind: "after-apply-500", target: { on: "write", nth: 3 }, thenOutage: true };
    expect(outcomes(fault, [GET, BATCH_GET, WRITE, WRITE, WRITE, GET, WRITE])).toEqual([
      "pass",
      "pass",
      "pass",
      "pass",
      "applied, 500",
      "503",
      "503",
    ]);
  });
});

describe("the draw", () => {
  it("is the same for the same seed, and covers every kind in a soak of the default length", () => {
    const draw = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 40 }, () => pickFault(random, { reads: 2, writes: 1 }));
    };
    expect(draw(1)).toEqual(draw(1));
    expect(new Set(draw(1).map((f) => f.kind))).toEqual(
      new Set(["none", "429", "5xx-before", "after-apply-500", "after-apply-drop"]),
    );
  });

  it("aims only at requests a run sends, and draws an outage only after the last write", () => {
    const random = new Random(7);
    for (let i = 0; i < 500; i++) {
      const fault = pickFault(random, { reads: 2, writes: 4 });
      if (fault.kind === "none") continue;
      const limit = { request: 6, read: 2, write: 4 }[fault.target.on];
      expect(fault.target.nth).toBeGreaterThanOrEqual(1);
      expect(fault.target.nth).toBeLessThanOrEqual(limit);
      if ((fault.kind === "after-apply-500" || fault.kind === "after-apply-drop") && fault.thenOutage)
        expect(fault.target).toEqual({ on: "write", nth: 4 });
    }
  });

  it("counts as within the retries only what ends", () => {
    expect(withinRetries({ kind: "429", target: { on: "request", nth: 1 }, count: 2, retryAfter: 1 })).toBe(true);
    expect(withinRetries({ kind: "429", target: { on: "request", nth: 1 }, count: -1, retryAfter: 1 })).toBe(false);
    expect(withinRetries({ kind: "after-apply-drop", target: { on: "write", nth: 1 }, thenOutage: true })).toBe(false);
  });
});
