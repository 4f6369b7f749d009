/**
 * The bounded queue of runs of one spreadsheet (RUNS_QUEUE_LIMIT): runs beyond it are refused at once with 429 and
 * Retry-After instead of waiting minutes; a waiting run whose caller has gone is dropped before it starts.
 */
import { env, runInDurableObject, SELF } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import type { SpreadsheetScorer } from "../src/scorer/spreadsheet-scorer.ts";
import { demoSpreadsheet, DEMO_YEAR } from "../tools/demo/district.ts";
import { postScore, TOKEN, type RunJson } from "./support/api.ts";
import { clearFaults, importSpreadsheet, readTab, setFaults } from "./support/sheets.ts";

const demo = demoSpreadsheet();
let n = 0;

/** A copy of the demo district whose Sheets calls each take 300 ms, so that runs overlap. */
async function slowDemo(): Promise<string> {
  const id = `queue-${Date.now()}-${n++}`;
  await importSpreadsheet(id, demo.sheets, demo.title);
  await setFaults([{ delayMs: 300, count: -1, pathIncludes: `/v4/spreadsheets/${id}` }]);
  return id;
}

const stub = (spreadsheetId: string) => env.SCORER.get(env.SCORER.idFromName(spreadsheetId));

/** Gives the spreadsheet's Durable Object its own RUNS_QUEUE_LIMIT (the other vars stay as configured). */
async function limitQueue(spreadsheetId: string, limit: string): Promise<void> {
  await runInDurableObject(stub(spreadsheetId), (scorer: SpreadsheetScorer) => {
    const self = scorer as unknown as { env: Env };
    self.env = { ...self.env, RUNS_QUEUE_LIMIT: limit };
  });
}

const logRows = async (id: string) => (await readTab(id, "Nhật ký chấm điểm")).slice(1);

afterEach(clearFaults);

describe("POST /api/score with runs waiting for the same spreadsheet", () => {
  it("lets one run wait behind the one under way and refuses the others with 429, Retry-After and nothing written", async () => {
    const id = await slowDemo();
    await limitQueue(id, "1");
    const replies = await Promise.all(
      Array.from({ length: 4 }, () => postScore({ year: DEMO_YEAR, spreadsheetId: id })),
    );
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429, 429]);

    for (const refused of replies.filter((r) => r.status === 429)) {
      const retryAfter = Number(refused.headers.get("Retry-After"));
      expect(Number.isInteger(retryAfter) && retryAfter >= 1).toBe(true);
      const body = (await refused.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("queue_full");
      expect(body.error.message).toContain("Bảng tính này đang có 1 lần chấm đang chờ");
      expect(body.error.message).toContain(`thử lại sau khoảng ${retryAfter} giây`);
    }
    // Two runs, each written once: the log has their two rows and no other.
    const ran = await Promise.all(
      replies.filter((r) => r.status === 200).map(async (r) => ((await r.json()) as RunJson).runId),
    );
    expect(new Set(ran).size).toBe(2);
    expect((await logRows(id)).map((row) => row[0]).sort()).toEqual([...ran].sort());
    const history = await runInDurableObject(stub(id), (scorer: SpreadsheetScorer) => scorer.recentRuns());
    expect(history.map((r) => r.runId).sort()).toEqual([...ran].sort());
  });

  it("takes runs again once the queue has emptied", async () => {
    const id = await slowDemo();
    await limitQueue(id, "0");
    const [first, second] = await Promise.all([
      postScore({ year: DEMO_YEAR, spreadsheetId: id, dryRun: true }),
      postScore({ year: DEMO_YEAR, spreadsheetId: id, dryRun: true }),
    ]);
    expect([first!.status, second!.status].sort()).toEqual([200, 429]);
    await clearFaults();
    expect((await postScore({ year: DEMO_YEAR, spreadsheetId: id, dryRun: true })).status).toBe(200);
  });
});

describe("a run whose caller has gone", () => {
  it("is dropped when its client disconnects while it waits; the run under way is written once", async () => {
    const id = await slowDemo();
    const first = postScore({ year: DEMO_YEAR, spreadsheetId: id });
    await new Promise((r) => setTimeout(r, 200));
    const client = new AbortController();
    const second = SELF.fetch("https://dvk.test/api/score", {
      method: "POST",
      signal: client.signal,
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ year: DEMO_YEAR, spreadsheetId: id }),
    });
    await new Promise((r) => setTimeout(r, 200));
    client.abort();
    await expect(second).rejects.toThrow();
    const written = (await (await first).json()) as RunJson;
    await clearFaults();
    // Once the first run is over, the queue is empty: the dropped run did not start after it.
    expect((await postScore({ year: DEMO_YEAR, spreadsheetId: id, dryRun: true })).status).toBe(200);
    expect((await logRows(id)).map((row) => row[0])).toEqual([written.runId]);
  });

  it("is dropped before it starts when it had to wait, while the run under way finishes and is logged", async () => {
    const id = await slowDemo();
    const req = { spreadsheetId: id, year: DEMO_YEAR, dryRun: false, caller: "test" };
    const [running, dropped] = await runInDurableObject(stub(id), (scorer: SpreadsheetScorer) =>
      Promise.all([scorer.score(req, () => false), scorer.score(req, () => false)]),
    );
    expect(running?.ok).toBe(true); // it did not wait: its caller is not asked
    expect(dropped).toMatchObject({ ok: false, failure: { code: "caller_gone" } });
    expect(await logRows(id)).toHaveLength(1);
    const history = await runInDurableObject(stub(id), (scorer: SpreadsheetScorer) => scorer.recentRuns());
    expect(history).toHaveLength(1);
  });

  it("asks its caller over RPC: a caller still there gets its run", async () => {
    const id = await slowDemo();
    const req = { spreadsheetId: id, year: DEMO_YEAR, dryRun: true, caller: "test" };
    let asked = 0;
    const replies = await Promise.all([
      stub(id).score(req),
      stub(id).score(req, () => {
        asked++;
        return true;
      }),
    ]);
    expect(replies.map((r) => r.ok)).toEqual([true, true]);
    expect(asked).toBe(1);
  });
});
