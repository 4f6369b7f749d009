import { afterEach, describe, expect, it } from "vitest";
import { demoSpreadsheet, DEMO_YEAR } from "../tools/demo/district.ts";
import { forgetAccessTokens } from "../src/sheets/client.ts";
import { postScore, type RunJson } from "./support/api.ts";
import { clearFaults, importSpreadsheet, readTab, resetStats, setFaults, snapshot, stats } from "./support/sheets.ts";

const demo = demoSpreadsheet();
let n = 0;
async function freshDemo(): Promise<string> {
  const id = `faults-${Date.now()}-${n++}`;
  await importSpreadsheet(id, demo.sheets, demo.title);
  return id;
}

afterEach(clearFaults);

describe("scoring when Google misbehaves", () => {
  it("succeeds after a short storm of 429s, honouring Retry-After", async () => {
    const id = await freshDemo();
    await setFaults([{ status: 429, count: 3, retryAfter: 0, pathIncludes: "/v4/" }]);
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    expect(res.status).toBe(200);
    expect(((await res.json()) as RunJson).tabsWritten.length).toBeGreaterThan(0);
  });

  it("answers 503 and leaves the spreadsheet byte-identical when 429s do not stop", async () => {
    const id = await freshDemo();
    const before = await snapshot(id);
    await setFaults([{ status: 429, count: -1, retryAfter: 0, pathIncludes: "/v4/" }]);
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    await clearFaults();
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("Không có gì được ghi");
    expect(await snapshot(id)).toBe(before);
  });

  it("answers 502 and writes nothing when every write fails with 500", async () => {
    const id = await freshDemo();
    const before = await snapshot(id);
    await setFaults([{ status: 500, count: -1, methods: ["POST"], pathIncludes: ":batchUpdate" }]);
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    await clearFaults();
    expect(res.status).toBe(502);
    expect(await snapshot(id)).toBe(before);
  });

  it("recovers from a 500 on the write and writes each tab once", async () => {
    const id = await freshDemo();
    await setFaults([{ status: 500, count: 1, methods: ["POST"], pathIncludes: ":batchUpdate" }]);
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    expect(res.status).toBe(200);
    expect(await readTab(id, "Nhật ký chấm điểm")).toHaveLength(2);
  });

  it("serialises two concurrent runs on one spreadsheet: consistent tabs and two log rows", async () => {
    const id = await freshDemo();
    await setFaults([{ delayMs: 100, count: 4 }]);
    const [a, b] = await Promise.all([
      postScore({ year: DEMO_YEAR, spreadsheetId: id }),
      postScore({ year: DEMO_YEAR, spreadsheetId: id }),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const runA = (await a.json()) as RunJson;
    const runB = (await b.json()) as RunJson;
    expect(runA.runId).not.toBe(runB.runId);
    const log = await readTab(id, "Nhật ký chấm điểm");
    expect(
      log
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([runA.runId, runB.runId].sort());
    const ranking = await readTab(id, `Xếp hạng ${DEMO_YEAR}`);
    expect(ranking).toHaveLength(runA.units.length + 1);
  });
});

describe("the production auth path", () => {
  it("signs a service-account JWT in workerd, exchanges it for a token and calls Sheets with that token", async () => {
    // The emulator verifies the JWT's RS256 signature with the development key's public half and refuses any
    // Sheets call whose bearer token it did not issue, so a 200 here means the whole chain ran in workerd.
    const id = await freshDemo();
    forgetAccessTokens(); // earlier runs of this isolate left a token: this run must mint its own
    await resetStats();
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    expect(res.status).toBe(200);
    const s = (await stats()) as { tokensIssued: number; byKind: Record<string, number> };
    expect(s.tokensIssued).toBe(1);
    expect(s.byKind.token).toBe(1);
  });

  it("reuses the isolate's access token in the next runs instead of signing a JWT each run", async () => {
    const id = await freshDemo();
    forgetAccessTokens();
    await resetStats();
    for (let i = 0; i < 3; i++) expect((await postScore({ year: DEMO_YEAR, spreadsheetId: id })).status).toBe(200);
    const s = (await stats()) as { tokensIssued: number; byKind: Record<string, number> };
    expect(s.tokensIssued).toBe(1);
    expect(s.byKind.batchUpdate).toBe(3);
  });

  it("makes one metadata read, one values read and one write per run", async () => {
    const id = await freshDemo();
    await resetStats();
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    const run = (await res.json()) as RunJson;
    expect(run.sheetsRequests).toBe(3);
    const s = (await stats()) as { byKind: Record<string, number> };
    expect(s.byKind["values.batchGet"]).toBe(1);
    expect(s.byKind.batchUpdate).toBe(1);
  });
});
