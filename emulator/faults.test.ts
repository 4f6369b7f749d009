import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { testEmulator, type TestEmulator } from "./test-support.ts";

let t: TestEmulator;
let id: string;

beforeAll(async () => {
  t = await testEmulator();
});
afterAll(() => t.close());
beforeEach(async () => {
  await t.call("POST", "/_emulator/reset");
  id = await t.create(["Sheet1"]);
  await t.call("POST", "/_emulator/reset-stats");
});

describe("fault injection", () => {
  it("answers 429 with Google's body and Retry-After, then recovers", async () => {
    await t.call("POST", "/_emulator/faults", { rules: [{ status: 429, count: 2, retryAfter: 1 }] });
    const first = await t.get(id, "A1");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("1");
    expect(first.json.error).toMatchObject({ code: 429, status: "RESOURCE_EXHAUSTED" });
    expect(first.json.error.message).toContain("Quota exceeded");
    expect((await t.get(id, "A1")).status).toBe(429);
    expect((await t.get(id, "A1")).status).toBe(200);
  });

  it("applies rules in order, only to matching methods and paths", async () => {
    await t.call("POST", "/_emulator/faults", {
      rules: [{ status: 500, count: 2, methods: ["POST"], pathIncludes: ":batchUpdate" }, { status: 503 }],
    });
    const batch = () => t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, { requests: [{ addSheet: {} }] });
    const a = await batch();
    expect(a.status).toBe(500);
    expect(a.json).toEqual({ error: { code: 500, message: "Internal error encountered.", status: "INTERNAL" } });
    expect((await t.get(id, "A1")).status).toBe(503);
    expect((await batch()).status).toBe(500);
    expect((await batch()).status).toBe(200);
    expect((await t.call("GET", "/_emulator/faults")).json.rules).toEqual([]);
  });

  it("can select rules by endpoint kind", async () => {
    await t.call("POST", "/_emulator/faults", { rules: [{ status: 503, kinds: ["values.batchGet"] }] });
    expect((await t.get(id, "A1")).status).toBe(200);
    expect((await t.call("GET", `/v4/spreadsheets/${id}/values:batchGet?ranges=A1`)).status).toBe(503);
  });

  it("delays a response without failing it", async () => {
    await t.call("POST", "/_emulator/faults", { rules: [{ delayMs: 150 }] });
    const started = Date.now();
    const reply = await t.get(id, "A1");
    expect(reply.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("takes a fault from the X-Emulator-Fault header of one request", async () => {
    const reply = await t.call("GET", `/v4/spreadsheets/${id}/values/A1`, undefined, {
      "x-emulator-fault": "429,retry-after=3",
    });
    expect(reply.status).toBe(429);
    expect(reply.headers.get("retry-after")).toBe("3");
    const slow = Date.now();
    const delayed = await t.call("GET", `/v4/spreadsheets/${id}/values/A1`, undefined, {
      "x-emulator-fault": "delay=100",
    });
    expect(delayed.status).toBe(200);
    expect(Date.now() - slow).toBeGreaterThanOrEqual(90);
    expect(
      (await t.call("GET", `/v4/spreadsheets/${id}/values/A1`, undefined, { "x-emulator-fault": "500" })).status,
    ).toBe(500);
  });

  it("stops faulting once the rules are deleted", async () => {
    await t.call("POST", "/_emulator/faults", { rules: [{ status: 500, count: -1 }] });
    expect((await t.get(id, "A1")).status).toBe(500);
    expect((await t.get(id, "A1")).status).toBe(500);
    await t.call("DELETE", "/_emulator/faults");
    expect((await t.get(id, "A1")).status).toBe(200);
  });

  it("refuses a malformed rule", async () => {
    const reply = await t.call("POST", "/_emulator/faults", { rules: [{ status: 299 }] });
    expect(reply.status).toBe(400);
  });
});

describe("stats", () => {
  it("counts requests per endpoint kind and method, and injected faults", async () => {
    await t.call("POST", "/_emulator/faults", { rules: [{ status: 429 }] });
    await t.get(id, "A1");
    await t.get(id, "A1");
    await t.call("GET", `/v4/spreadsheets/${id}/values:batchGet?ranges=A1`);
    await t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, { requests: [{ addSheet: {} }] });
    const stats = (await t.call("GET", "/_emulator/stats")).json;
    expect(stats).toMatchObject({
      total: 4,
      byKind: { "values.get": 2, "values.batchGet": 1, batchUpdate: 1 },
      byMethod: { GET: 3, POST: 1 },
      byEndpoint: { "POST batchUpdate": 1 },
      faults: { injected: 1, delayed: 0 },
    });
    await t.call("POST", "/_emulator/reset-stats");
    expect((await t.call("GET", "/_emulator/stats")).json.total).toBe(0);
  });

  it("after-apply with a status: the batchUpdate is kept, its reply is the error", async () => {
    await t.call("POST", "/_emulator/faults", { rules: [{ afterApply: true, status: 500, kinds: ["batchUpdate"] }] });
    const lost = await t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, {
      requests: [{ addSheet: { properties: { title: "Mới" } } }],
    });
    expect(lost.status).toBe(500);
    expect(lost.json.error.code).toBe(500);
    const titles = (await t.call("GET", `/v4/spreadsheets/${id}`)).json.sheets.map((s: any) => s.properties.title);
    expect(titles).toEqual(["Sheet1", "Mới"]);
    const again = await t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, {
      requests: [{ addSheet: { properties: { title: "Mới" } } }],
    });
    expect(again.status).toBe(400);
    expect(again.json.error.message).toContain('A sheet with the name "Mới" already exists');
  });

  it("after-apply without a status: the change is kept and the connection drops with no answer", async () => {
    await t.call("POST", "/_emulator/faults", { rules: [{ afterApply: true, kinds: ["batchUpdate"] }] });
    await expect(
      t.call("POST", `/v4/spreadsheets/${id}:batchUpdate`, {
        requests: [{ addSheet: { properties: { title: "Mất" } } }],
      }),
    ).rejects.toThrow();
    const titles = (await t.call("GET", `/v4/spreadsheets/${id}`)).json.sheets.map((s: any) => s.properties.title);
    expect(titles).toEqual(["Sheet1", "Mất"]);
    expect((await t.call("GET", "/_emulator/stats")).json.faults.injected).toBe(1);
  });

  it("after-apply from the header, and a failing request stays unapplied", async () => {
    const reply = await t.call(
      "POST",
      `/v4/spreadsheets/${id}:batchUpdate`,
      { requests: [{ deleteSheet: { sheetId: 999 } }] },
      { "x-emulator-fault": "after-apply,503" },
    );
    expect(reply.status).toBe(400);
    const kept = await t.call(
      "POST",
      `/v4/spreadsheets/${id}:batchUpdate`,
      { requests: [{ addSheet: { properties: { title: "H" } } }] },
      { "x-emulator-fault": "after-apply,503" },
    );
    expect(kept.status).toBe(503);
    expect((await t.call("GET", `/v4/spreadsheets/${id}`)).json.sheets).toHaveLength(2);
  });

  it("refuses an after-apply rule that is not a boolean", async () => {
    expect((await t.call("POST", "/_emulator/faults", { rules: [{ afterApply: "yes" }] })).status).toBe(400);
  });
});
