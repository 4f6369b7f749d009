/**
 * Keeps a run's Sheets read requests within Google's per-minute read quota, so that a run over many spreadsheets
 * waits for its turn instead of collecting 429s. Google counts reads per minute per project (300 by default) and per
 * user per project (60 by default; the service account is one user). The pacer lets at most `perMinute` reads start
 * in any 60-second window. Retries go through it too: every attempt costs quota.
 */
import { SheetsUnavailableError } from "./retry.ts";

// Google's window is a minute; slots are spaced a second more. A read starts after its slot (the client may first
// refresh its token, concurrent reads queue behind one another), and Google counts it when it arrives: without the
// margin, a read of one minute that left late and one of the next minute that left on time could land in one window.
export const READ_WINDOW_MS = 61_000;

export interface PacerClock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

const realClock: PacerClock = { now: Date.now, sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export class ReadPacer {
  /** Start times of the reads granted, oldest first; only the last `perMinute` matter. */
  readonly #starts: number[] = [];
  readonly #perMinute: number;
  readonly #clock: PacerClock;

  /**
   * `perMinute` ≤ 0 (or not finite) paces nothing. `starts` carries on from `starts()` of an earlier pacer, so a
   * run continued in several steps keeps counting the reads of the last minute.
   */
  constructor(perMinute: number, clock: PacerClock = realClock, starts: readonly number[] = []) {
    this.#perMinute = Number.isFinite(perMinute) && perMinute > 0 ? Math.floor(perMinute) : 0;
    this.#clock = clock;
    this.#starts.push(...starts.slice(-this.#perMinute || starts.length));
  }

  /** The start times that still count (the last `perMinute`), to carry over to the next step of a run. */
  starts(): number[] {
    return this.#perMinute === 0 ? [] : this.#starts.slice();
  }

  /**
   * Waits until one more read may start, and counts it. Slots are handed out in call order, so concurrent callers
   * never share one. Throws SheetsUnavailableError (as a 429 would end) when the slot is past `deadline`.
   */
  async acquire(deadline: number): Promise<void> {
    if (this.#perMinute === 0) return;
    const now = this.#clock.now();
    const at = this.#nextSlot(now);
    if (at > deadline) {
      throw new SheetsUnavailableError(
        {
          status: 429,
          message: `hết thời gian của lần chấm khi chờ hạn mức đọc Google Sheets (${this.#perMinute} lượt đọc mỗi phút)`,
          retryAfterMs: Math.max(0, at - now),
        },
        0,
      );
    }
    this.#starts.push(at);
    if (this.#starts.length > this.#perMinute) this.#starts.shift();
    if (at > now) await this.#clock.sleep(at - now);
  }

  /**
   * When the last of `reads` more reads could start at the earliest, if nothing else used the quota: lets a run
   * say up front that it cannot finish in time, instead of failing half-way.
   *
   * @example new ReadPacer(60).lastStartOf(120) // → about a minute from now: 60 start at once, 60 more a minute later
   */
  lastStartOf(reads: number): number {
    return this.#plan(reads).at(-1) ?? this.#clock.now();
  }

  /** How many more reads (at most `max`) could start by `time`, if nothing else used the quota. */
  readsBy(time: number, max: number): number {
    return this.#plan(max).filter((at) => at <= time).length;
  }

  /** The start times of `reads` more reads, at the earliest. */
  #plan(reads: number): number[] {
    const now = this.#clock.now();
    if (this.#perMinute === 0) return Array.from({ length: Math.max(0, reads) }, () => now);
    const starts = this.#starts.slice();
    const planned: number[] = [];
    for (let i = 0; i < reads; i++) {
      const at = Math.max(
        now,
        starts.length >= this.#perMinute ? (starts[starts.length - this.#perMinute] ?? 0) + READ_WINDOW_MS : now,
      );
      starts.push(at);
      planned.push(at);
    }
    return planned;
  }

  get perMinute(): number {
    return this.#perMinute;
  }

  #nextSlot(now: number): number {
    const n = this.#starts.length;
    if (n < this.#perMinute) return Math.max(now, this.#starts[n - 1] ?? now);
    return Math.max(now, (this.#starts[n - this.#perMinute] ?? 0) + READ_WINDOW_MS, this.#starts[n - 1] ?? now);
  }
}
