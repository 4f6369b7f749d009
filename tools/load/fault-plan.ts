/**
 * The faults of `npm run faults`: which one a run gets (seeded), and the emulator rules that inject it. Pure: the
 * soak (faults.ts) sends the rules to the emulator's control endpoint and judges what the run did.
 */
import type { FaultRule } from "../../emulator/faults.ts";
import type { Random } from "../demo/random.ts";

/** Which Sheets requests a fault aims at. */
export type Target =
  /** The nth Sheets API request of the run (1-based), reads and writes alike. */
  | { on: "request"; nth: number }
  /** The nth read (`spreadsheets.get`, `values.batchGet`). */
  | { on: "read"; nth: number }
  /** The nth write (`batchUpdate`); the last one of a run is the one that makes it visible. */
  | { on: "write"; nth: number };

export type Fault =
  | { kind: "none" }
  /** 429 with Retry-After, `count` times in a row (-1: until cleared, an exhausted quota). */
  | { kind: "429"; target: Target; count: number; retryAfter: number }
  /** 500 or 503 before the request is carried out, `count` times in a row (-1: an outage). */
  | { kind: "5xx-before"; target: Target; status: 500 | 503; count: number }
  /** The request is carried out, then its reply is a 500; `thenOutage`: every later request answers 503. */
  | { kind: "after-apply-500"; target: Target; thenOutage: boolean }
  /** The request is carried out, then the connection is dropped with no answer; `thenOutage` as above. */
  | { kind: "after-apply-drop"; target: Target; thenOutage: boolean };

export type FaultKind = Fault["kind"];
export const FAULT_KINDS: readonly FaultKind[] = ["none", "429", "5xx-before", "after-apply-500", "after-apply-drop"];

/** The shape of a fault-free run: how many reads and writes it sends. */
export interface RunShape {
  reads: number;
  writes: number;
}

/**
 * A fault for one run, drawn from `random`. Most are within the Worker's retries (the run must answer 200); about a
 * quarter of the 429s and 5xx never stop, and about a quarter of the lost replies to the write that makes the run
 * visible are followed by an outage (the Worker cannot ask whether it applied: `write_unknown`).
 *
 * @example pickFault(new Random(1), { reads: 2, writes: 1 }) // → e.g. { kind: "429", target: { on: "request", nth: 2 }, count: 1, retryAfter: 1 }
 */
export function pickFault(random: Random, shape: RunShape): Fault {
  const kind = random.weighted<FaultKind>([
    ["none", 1],
    ["429", 2],
    ["5xx-before", 2],
    ["after-apply-500", 2],
    ["after-apply-drop", 2],
  ]);
  const anyRequest = (): Target => ({ on: "request", nth: random.int(1, shape.reads + shape.writes) });
  switch (kind) {
    case "none":
      return { kind };
    case "429":
      return { kind, target: anyRequest(), count: random.chance(0.25) ? -1 : random.int(1, 2), retryAfter: 1 };
    case "5xx-before":
      return {
        kind,
        target: anyRequest(),
        status: random.pick([500, 503] as const),
        count: random.chance(0.25) ? -1 : random.int(1, 3),
      };
    case "after-apply-500":
    case "after-apply-drop": {
      const onWrite = random.chance(0.6);
      const target: Target = onWrite
        ? { on: "write", nth: random.int(1, shape.writes) }
        : { on: "read", nth: random.int(1, shape.reads) };
      // An outage after the lost reply to the last write: the Worker cannot find out whether the run was written.
      const thenOutage = onWrite && target.nth === shape.writes && random.chance(0.25);
      return { kind, target, thenOutage };
    }
    default:
      return kind satisfies never;
  }
}

/**
 * The emulator's fault rules for a fault (in order: the first rule matching a request applies to it). `shape` is
 * that of the run: an outage after a lost reply must let the run's own reads before it through.
 */
export function rulesOf(fault: Fault, shape: RunShape): FaultRule[] {
  switch (fault.kind) {
    case "none":
      return [];
    case "429":
      return aimed(fault.target, { status: 429, retryAfter: fault.retryAfter, count: fault.count });
    case "5xx-before":
      return aimed(fault.target, { status: fault.status, count: fault.count });
    case "after-apply-500":
      return thenOutage(fault.thenOutage, shape, aimed(fault.target, { afterApply: true, status: 500 }));
    case "after-apply-drop":
      return thenOutage(fault.thenOutage, shape, aimed(fault.target, { afterApply: true }));
    default:
      return fault satisfies never;
  }
}

/** Whether the Worker's retries cover the fault, so the run must answer 200. */
export function withinRetries(fault: Fault): boolean {
  switch (fault.kind) {
    case "none":
      return true;
    case "429":
    case "5xx-before":
      return fault.count !== -1;
    case "after-apply-500":
    case "after-apply-drop":
      return !fault.thenOutage;
    default:
      return fault satisfies never;
  }
}

/**
 * One line for the report.
 *
 * @example describeFault({ kind: "5xx-before", target: { on: "write", nth: 1 }, status: 503, count: -1 }) // → "503 before apply, until cleared, on write 1"
 */
export function describeFault(fault: Fault): string {
  switch (fault.kind) {
    case "none":
      return "no fault";
    case "429":
      return `429 Retry-After ${fault.retryAfter} s, ${times(fault.count)}, on ${targetText(fault.target)}`;
    case "5xx-before":
      return `${fault.status} before apply, ${times(fault.count)}, on ${targetText(fault.target)}`;
    case "after-apply-500":
    case "after-apply-drop": {
      const lost = fault.kind === "after-apply-500" ? "reply lost as 500" : "connection dropped";
      return `applied, ${lost}, on ${targetText(fault.target)}${fault.thenOutage ? ", then 503 until cleared" : ""}`;
    }
    default:
      return fault satisfies never;
  }
}

const TARGETS = {
  request: { pathIncludes: "/v4/" },
  read: { kinds: ["get", "values.batchGet"] },
  write: { pathIncludes: ":batchUpdate" },
} satisfies Record<Target["on"], FaultRule>;

/** `rule` on the nth request of the target: the ones before it pass through untouched (a 1 ms delay). */
function aimed(target: Target, rule: FaultRule): FaultRule[] {
  const match = TARGETS[target.on];
  const pass: FaultRule[] = target.nth > 1 ? [{ ...match, delayMs: 1, count: target.nth - 1 }] : [];
  return [...pass, { ...match, ...rule }];
}

/**
 * `rules`, then 503 on every request until cleared. Only for a fault on the last write: the run's reads come before
 * its writes, so they pass through first, and the outage starts with the first request after the lost reply.
 */
function thenOutage(on: boolean, shape: RunShape, rules: FaultRule[]): FaultRule[] {
  if (!on) return rules;
  const reads: FaultRule[] = shape.reads > 0 ? [{ ...TARGETS.read, delayMs: 1, count: shape.reads }] : [];
  return [...reads, ...rules, { ...TARGETS.request, status: 503, count: -1 }];
}

function times(count: number): string {
  return count === -1 ? "until cleared" : `${count}×`;
}

function targetText(target: Target): string {
  return `${target.on} ${target.nth}`;
}
