import { describe, expect, it } from "vitest";
import { RunQueue, TYPICAL_RUN_MS } from "./run-queue.ts";

/** A run that ends when `finish` is called. */
function gate() {
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  return { finish, work: async () => void (await done) };
}

describe("RunQueue", () => {
  it("runs one at a time in arrival order, lets `limit` wait and refuses the rest at once", async () => {
    const queue = new RunQueue();
    const order: number[] = [];
    const first = gate();
    const a = queue.submit(
      async () => {
        await first.work();
        return order.push(1);
      },
      { limit: 1 },
    );
    const b = queue.submit(async () => order.push(2), { limit: 1 });
    const c = await queue.submit(async () => order.push(3), { limit: 1 });
    expect(c).toEqual({ kind: "full", retryAfterSeconds: Math.ceil(TYPICAL_RUN_MS / 1000) });
    expect(queue.waiting).toBe(1);
    first.finish();
    expect(await a).toEqual({ kind: "ran", value: 1 });
    expect(await b).toEqual({ kind: "ran", value: 2 });
    expect(order).toEqual([1, 2]);
    expect(queue.waiting).toBe(0);
  });

  it("with a limit of 0, refuses any run while another is under way, alarms and setup included", async () => {
    const queue = new RunQueue();
    const alarm = gate();
    const step = queue.enqueue(alarm.work);
    expect((await queue.submit(async () => 1, { limit: 0 })).kind).toBe("full");
    alarm.finish();
    await step;
    expect(await queue.submit(async () => 1, { limit: 0 })).toEqual({ kind: "ran", value: 1 });
  });

  it("estimates Retry-After from the runs it has timed, less what the current one has run", async () => {
    const clock = { t: 0 };
    const queue = new RunQueue(() => clock.t);
    for (const ms of [10_000, 20_000]) {
      await queue.submit(async () => void (clock.t += ms), { limit: 1 });
    }
    const current = gate();
    const running = queue.submit(current.work, { limit: 0 });
    await Promise.resolve();
    clock.t += 4_000;
    expect(await queue.submit(async () => 0, { limit: 0 })).toEqual({ kind: "full", retryAfterSeconds: 11 }); // 15 s typical − 4 s
    clock.t += 60_000;
    expect(queue.retryAfterSeconds()).toBe(1); // late: ask again soon
    current.finish();
    await running;
  });

  it("drops a waiting run whose caller has gone (says so, fails or is silent), before it starts", async () => {
    const queue = new RunQueue();
    const first = gate();
    const started: string[] = [];
    const a = queue.submit(first.work, { limit: 5 });
    const gone = queue.submit(async () => started.push("gone"), { limit: 5, wanted: () => false });
    const failing = queue.submit(async () => started.push("failing"), {
      limit: 5,
      wanted: () => Promise.reject(new Error("RPC session disconnected")),
    });
    const there = queue.submit(async () => started.push("there"), { limit: 5, wanted: async () => true });
    first.finish();
    await a;
    expect([await gone, await failing, await there]).toEqual([
      { kind: "abandoned" },
      { kind: "abandoned" },
      { kind: "ran", value: 1 },
    ]);
    expect(started).toEqual(["there"]);
  });

  it("never asks a run that did not wait", async () => {
    const queue = new RunQueue();
    expect(await queue.submit(async () => "ran", { limit: 0, wanted: () => false })).toEqual({
      kind: "ran",
      value: "ran",
    });
  });

  it("keeps going after a run that threw", async () => {
    const queue = new RunQueue();
    const failing = queue.submit(() => Promise.reject(new Error("boom")), { limit: 1 });
    const next = queue.submit(async () => "ok", { limit: 1 });
    await expect(failing).rejects.toThrow("boom");
    expect(await next).toEqual({ kind: "ran", value: "ok" });
    expect(queue.waiting).toBe(0);
  });
});
