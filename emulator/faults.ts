import { badRequest } from "./errors.ts";

/**
 * Fault injection, so tests can see how a client copes with quota errors, server errors and slow answers.
 * Rules are consumed in order: each request takes the first rule that matches it, which then counts down.
 * A single request can also ask for a fault with the header `X-Emulator-Fault: 429`, `500`, `503`, `delay=200`,
 * `429,retry-after=2`, `delay=100,503`, `after-apply,500` or `after-apply`.
 *
 * `afterApply` is the lost reply: the request is carried out (a batchUpdate is applied and kept), then the client
 * gets `status` instead of the real answer, or, without a status, the connection is dropped with no answer at all.
 * That is what a proxy or a network failure between a client and Google can do, and why writes must be safe to
 * repeat.
 */
export interface FaultRule {
  /** HTTP status to answer with (Google's error body for it); absent: only the delay. */
  status?: number;
  /** Seconds for a `Retry-After` header. */
  retryAfter?: number;
  /** Milliseconds to wait before answering (before the fault or the real answer). */
  delayMs?: number;
  /** How many requests this rule applies to; default 1, -1 for every request until cleared. */
  count?: number;
  /** Only requests with one of these methods (e.g. ["POST"]). */
  methods?: string[];
  /** Only requests whose path contains this text (e.g. ":batchUpdate"). */
  pathIncludes?: string;
  /** Only these endpoint kinds (e.g. ["values.batchGet", "token"]). */
  kinds?: string[];
  /** A message instead of Google's default for the status. */
  message?: string;
  /** Carry the request out first, then lose its reply: answer `status`, or drop the connection when none is set. */
  afterApply?: boolean;
}

export interface RequestInfo {
  method: string;
  path: string;
  kind: string;
}

const STATUSES = new Set([400, 401, 403, 404, 409, 429, 500, 502, 503, 504]);

export class Faults {
  private rules: FaultRule[] = [];

  /** Replaces the rule list (after checking every rule). */
  set(rules: unknown): FaultRule[] {
    if (!Array.isArray(rules)) throw badRequest('Expected { "rules": [...] }.');
    this.rules = rules.map((r, i) => checkRule(r, `rules[${i}]`));
    return this.list();
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }));
  }

  /** The rule that applies to this request, counted down; undefined when none does. */
  take(request: RequestInfo): FaultRule | undefined {
    const index = this.rules.findIndex((rule) => matches(rule, request));
    const rule = this.rules[index];
    if (!rule) return undefined;
    const count = rule.count ?? 1;
    if (count > 0) {
      if (count === 1) this.rules.splice(index, 1);
      else rule.count = count - 1;
    }
    return { ...rule };
  }
}

/** Reads an `X-Emulator-Fault` header value. */
export function parseFaultHeader(value: string): FaultRule {
  const rule: FaultRule = {};
  for (const part of value.split(/[,;\s]+/).filter(Boolean)) {
    const [key = "", arg] = part.toLowerCase().split("=");
    if (/^\d{3}$/.test(key) && arg === undefined) rule.status = Number(key);
    else if (key === "delay" && arg !== undefined) rule.delayMs = Number(arg);
    else if (key === "retry-after" && arg !== undefined) rule.retryAfter = Number(arg);
    else if (key === "after-apply" && arg === undefined) rule.afterApply = true;
    else throw badRequest(`Invalid X-Emulator-Fault header: ${value}`);
  }
  return checkRule(rule, "X-Emulator-Fault");
}

function checkRule(input: unknown, where: string): FaultRule {
  if (input === null || typeof input !== "object") throw badRequest(`Invalid ${where}: expected an object.`);
  const rule = input as FaultRule;
  if (rule.status !== undefined && !STATUSES.has(rule.status)) {
    throw badRequest(`Invalid ${where}.status: one of ${[...STATUSES].join(", ")}.`);
  }
  for (const key of ["retryAfter", "delayMs"] as const) {
    const v = rule[key];
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v) || v < 0)) {
      throw badRequest(`Invalid ${where}.${key}: a number ≥ 0.`);
    }
  }
  if (rule.count !== undefined && (!Number.isInteger(rule.count) || (rule.count < 1 && rule.count !== -1))) {
    throw badRequest(`Invalid ${where}.count: a positive integer, or -1 for always.`);
  }
  if (rule.afterApply !== undefined && typeof rule.afterApply !== "boolean")
    throw badRequest(`Invalid ${where}.afterApply: true or false.`);
  if (rule.status === undefined && rule.delayMs === undefined && !rule.afterApply) {
    throw badRequest(`Invalid ${where}: set status, delayMs or afterApply.`);
  }
  return { ...rule };
}

function matches(rule: FaultRule, request: RequestInfo): boolean {
  if (rule.methods && !rule.methods.some((m) => m.toUpperCase() === request.method)) return false;
  if (rule.pathIncludes !== undefined && !request.path.includes(rule.pathIncludes)) return false;
  if (rule.kinds && !rule.kinds.includes(request.kind)) return false;
  return true;
}
