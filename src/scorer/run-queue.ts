/**
 * The lock of one spreadsheet: work on it runs one piece at a time, in arrival order. A Durable Object lets other
 * requests in while it awaits a fetch, so the lock is an explicit queue of promises.
 *
 * Runs asked for by callers (`submit`) wait in it up to a bound: six province runs queued on one spreadsheet used to
 * answer after 23 s … 146 s. Beyond the bound a run is refused at once with an estimate of when to ask again.
 *
 * A caller that disconnected: a run still waiting when its turn comes asks its caller whether it is still there
 * (`wanted`, a function of the caller passed over RPC; it fails when the caller's request is gone) and is dropped,
 * unstarted, when not: nothing is read or written for nobody, and the runs behind it move up. A run that has started
 * is never dropped: it finishes, writes and is logged in the run history, as a run whose answer was not read (its
 * result is still served by GET /api/results and shown on the dashboard). Stopping it half-way would save nothing:
 * the write is one atomic step at the end, and the reads are already paid for.
 */

/** How a submitted run ended. */
export type Admission<T> =
  | { kind: "ran"; value: T }
  /** `limit` runs were already waiting. */
  | { kind: "full"; retryAfterSeconds: number }
  /** Its caller was gone when its turn came: it did not start. */
  | { kind: "abandoned" };

export interface SubmitOptions {
  /** Runs that may wait besides the work under way. */
  limit: number;
  /** Asked when the run's turn comes after it waited: false, a rejection or no answer within ASK_TIMEOUT_MS drops it. */
  wanted?: () => boolean | Promise<boolean>;
}

/** What a run is expected to last before any has been timed in this Durable Object. */
export const TYPICAL_RUN_MS = 30_000;
/** How long a caller has to say it is still there. */
const ASK_TIMEOUT_MS = 5_000;
/** Runs whose durations make the estimate. */
const TIMED_RUNS = 5;

export class RunQueue {
  #tail: Promise<unknown> = Promise.resolve();
  /** The work queued and not settled, in order: the first is under way (or about to start). */
  #line: ("run" | "other")[] = [];
  /** When the work under way started (null: none). */
  #since: number | null = null;
  #durations: number[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  /** Runs waiting behind the work under way. */
  get waiting(): number {
    return this.#line.slice(1).filter((k) => k === "run").length;
  }

  /** Starts `work` when everything queued before it has settled. Unbounded: for alarms and setup. */
  enqueue<T>(work: () => Promise<T>): Promise<T> {
    this.#line.push("other");
    const run = this.#tail.then(() => this.#timed(work, false));
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Queues a caller's run, unless `limit` runs already wait; see the file's comment for a caller that left. */
  async submit<T>(work: () => Promise<T>, options: SubmitOptions): Promise<Admission<T>> {
    const waits = this.#line.length > 0;
    if (waits && this.waiting >= options.limit) return { kind: "full", retryAfterSeconds: this.retryAfterSeconds() };
    this.#line.push("run");
    const turn = this.#tail.then(async (): Promise<Admission<T>> => {
      if (waits && options.wanted !== undefined && !(await ask(options.wanted))) {
        this.#line.shift();
        return { kind: "abandoned" };
      }
      return { kind: "ran", value: await this.#timed(work, true) };
    });
    this.#tail = turn.catch(() => undefined);
    return turn;
  }

  /**
   * When a place in the queue should be free: when the work under way ends, judging by the last runs (at least 1 s).
   *
   * @example queue.retryAfterSeconds() // → 18 when runs take 30 s and the current one started 12 s ago
   */
  retryAfterSeconds(): number {
    const typical =
      this.#durations.length === 0
        ? TYPICAL_RUN_MS
        : this.#durations.reduce((a, b) => a + b, 0) / this.#durations.length;
    const elapsed = this.#since === null ? 0 : this.now() - this.#since;
    return Math.max(1, Math.ceil((typical - elapsed) / 1000));
  }

  async #timed<T>(work: () => Promise<T>, isRun: boolean): Promise<T> {
    const start = this.now();
    this.#since = start;
    try {
      return await work();
    } finally {
      this.#since = null;
      this.#line.shift();
      if (isRun) this.#durations = [...this.#durations, this.now() - start].slice(-TIMED_RUNS);
    }
  }
}

/** The caller's answer: false when it says so, fails, or does not answer in time. */
async function ask(wanted: () => boolean | Promise<boolean>): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ASK_TIMEOUT_MS)));
  try {
    return await Promise.race([Promise.resolve().then(wanted), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
