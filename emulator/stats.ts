/**
 * Request counts since start or the last reset, so tests can check how many calls a client made
 * (one values.batchGet per run, one token per hour, retries after a 429…).
 */
export interface StatsSnapshot {
  since: string;
  total: number;
  byKind: Record<string, number>;
  byMethod: Record<string, number>;
  /** `"POST batchUpdate"`-style keys: method and endpoint kind together. */
  byEndpoint: Record<string, number>;
  faults: { injected: number; delayed: number };
  tokensIssued: number;
}

export class Stats {
  private snapshot: StatsSnapshot = fresh();

  /** Counts one API or token request. */
  count(method: string, kind: string): void {
    const s = this.snapshot;
    s.total += 1;
    s.byKind[kind] = (s.byKind[kind] ?? 0) + 1;
    s.byMethod[method] = (s.byMethod[method] ?? 0) + 1;
    s.byEndpoint[`${method} ${kind}`] = (s.byEndpoint[`${method} ${kind}`] ?? 0) + 1;
  }

  fault(status: boolean, delayed: boolean): void {
    if (status) this.snapshot.faults.injected += 1;
    if (delayed) this.snapshot.faults.delayed += 1;
  }

  tokenIssued(): void {
    this.snapshot.tokensIssued += 1;
  }

  get(): StatsSnapshot {
    return structuredClone(this.snapshot);
  }

  reset(): void {
    this.snapshot = fresh();
  }
}

function fresh(): StatsSnapshot {
  return {
    since: new Date().toISOString(),
    total: 0,
    byKind: {},
    byMethod: {},
    byEndpoint: {},
    faults: { injected: 0, delayed: 0 },
    tokensIssued: 0,
  };
}
