import { describe, expect, it } from "vitest";
import { READ_WINDOW_MS as W, ReadPacer } from "./read-pacer.ts";
import { SheetsUnavailableError } from "./retry.ts";

function fakeClock() {
  const clock = {
    t: 0,
    sleeps: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.sleeps.push(ms);
      clock.t += ms;
    },
  };
  return clock;
}

describe("ReadPacer", () => {
  it("lets a minute's quota start at once, then one more per freed slot a minute after each", async () => {
    const clock = fakeClock();
    const pacer = new ReadPacer(3, clock);
    const starts: number[] = [];
    for (let i = 0; i < 7; i++) {
      await pacer.acquire(Infinity);
      starts.push(clock.t);
      clock.t += 10; // the read itself
    }
    expect(starts).toEqual([0, 10, 20, W, W + 10, W + 20, 2 * W]);
  });

  it("gives concurrent callers distinct slots", async () => {
    const waits: number[] = [];
    const pacer = new ReadPacer(2, { now: () => 0, sleep: async (ms) => void waits.push(ms) });
    await Promise.all([1, 2, 3, 4, 5].map(() => pacer.acquire(Infinity)));
    expect(waits).toEqual([W, W, 2 * W]);
  });

  it("refuses, as an exhausted quota, a slot that would start after the run's deadline", async () => {
    const clock = fakeClock();
    const pacer = new ReadPacer(1, clock);
    await pacer.acquire(30_000);
    const error = await pacer.acquire(30_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetsUnavailableError);
    expect((error as SheetsUnavailableError).failure.status).toBe(429);
    expect(clock.sleeps).toEqual([]);
  });

  it("paces nothing when the quota is 0", async () => {
    const clock = fakeClock();
    const pacer = new ReadPacer(0, clock);
    for (let i = 0; i < 1000; i++) await pacer.acquire(0);
    expect(clock.sleeps).toEqual([]);
    expect(pacer.lastStartOf(1000)).toBe(0);
  });

  it("tells when the last of n more reads could start", async () => {
    const clock = fakeClock();
    const pacer = new ReadPacer(60, clock);
    expect(pacer.lastStartOf(60)).toBe(0);
    expect(pacer.lastStartOf(61)).toBe(W);
    expect(pacer.lastStartOf(400)).toBe(6 * W);
    await pacer.acquire(Infinity);
    clock.t = 5_000;
    expect(pacer.lastStartOf(60)).toBe(W); // the read at 0 holds a slot for a window (a minute and a second)
  });
});

describe("ReadPacer carried over between the steps of a run", () => {
  it("keeps counting the reads of the last minute made by the earlier step", async () => {
    const clock = fakeClock();
    const first = new ReadPacer(2, clock);
    await first.acquire(Infinity);
    await first.acquire(Infinity);
    clock.t = 1_000;
    const next = new ReadPacer(2, clock, first.starts());
    await next.acquire(Infinity);
    expect(clock.t).toBe(W);
    expect(next.starts()).toEqual([0, W]);
  });
});

describe("ReadPacer.readsBy", () => {
  it("counts the reads that could start by a given time", async () => {
    const clock = fakeClock();
    const pacer = new ReadPacer(10, clock);
    for (let i = 0; i < 8; i++) await pacer.acquire(Infinity);
    expect(pacer.readsBy(0, 100)).toBe(2);
    expect(pacer.readsBy(W - 1, 100)).toBe(2);
    expect(pacer.readsBy(W, 100)).toBe(12);
    expect(pacer.readsBy(W, 5)).toBe(5);
    expect(new ReadPacer(0, clock).readsBy(0, 7)).toBe(7);
  });
});
