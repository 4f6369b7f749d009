import { SELF } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { demoSpreadsheet, DEMO_YEAR, generateDistrict } from "../tools/demo/district.ts";
import { toSpreadsheet } from "../tools/demo/workbook.ts";
import { postScore, TOKEN, type RunJson } from "./support/api.ts";
import { clearFaults, importSpreadsheet, readTab, SHEETS, setFaults, sheetTitles, snapshot } from "./support/sheets.ts";

// Every kind of write the Worker sends, with its reply lost after Google applied it (the emulator's `afterApply`
// fault: a 500 instead of the answer, or a dropped connection). The spreadsheet must end as before the run or as
// the completed run, with one log row per completed run, and the HTTP answer must say which.

const demo = demoSpreadsheet();
// Larger than Google's recommended 2 MB per request: written through hidden staging tabs.
const large = toSpreadsheet("Huyện lớn", generateDistrict({ communes: 60, modelsPerYear: 2500 }));
const LOG = "Nhật ký chấm điểm";
const RANKING = `Xếp hạng ${DEMO_YEAR}`;
let n = 0;

async function fresh(kind: "demo" | "large"): Promise<string> {
  const id = `writes-${kind}-${Date.now()}-${n++}`;
  const source = kind === "demo" ? demo : large;
  await importSpreadsheet(id, source.sheets, source.title);
  return id;
}

/** Two spreadsheets with the same content, one to fault and one to run cleanly for comparison. */
async function twins(kind: "demo" | "large"): Promise<[string, string]> {
  return [await fresh(kind), await fresh(kind)];
}

async function score(id: string): Promise<Response> {
  return postScore({ year: DEMO_YEAR, spreadsheetId: id });
}

async function scoreOk(id: string): Promise<RunJson> {
  const res = await score(id);
  expect(res.status).toBe(200);
  return (await res.json()) as RunJson;
}

/**
 * The whole spreadsheet (values, formats, rules, protections, tab order), less what differs between two equal runs
 * on two spreadsheets: ids, the service's marks, and the log rows (run id, time), which become their count.
 */
async function normalised(id: string): Promise<unknown> {
  const doc = JSON.parse(await snapshot(id)) as {
    properties: { title?: string };
    sheets: { properties: { title: string }; data?: { rowData?: unknown[] }[] }[];
  };
  delete doc.properties.title; // the twin's import names it differently
  for (const sheet of doc.sheets) {
    if (sheet.properties.title === LOG) {
      const rows = sheet.data?.[0]?.rowData ?? [];
      sheet.data = [{ rowData: [rows[0], `${rows.length - 1} runs`] }];
    }
  }
  return JSON.parse(
    JSON.stringify(doc, (key, value) =>
      ["spreadsheetId", "spreadsheetUrl", "sheetId", "protectedRangeId"].includes(key) && typeof value !== "object"
        ? undefined
        : key === "developerMetadata"
          ? undefined
          : value,
    ),
  );
}

async function titlesOf(id: string): Promise<string[]> {
  return (await sheetTitles(id)).map((t) => t.title);
}

async function logRuns(id: string): Promise<string[]> {
  return (await readTab(id, LOG)).slice(1).map((r) => String(r[0]));
}

/** How many batchUpdates a run of this spreadsheet sends (its calls less the two reads). */
function writesOf(run: RunJson): number {
  return run.sheetsRequests - 2;
}

afterEach(clearFaults);

describe("a lost reply to a single-request write", () => {
  it("with existing tabs: the applied write is a success, with one log row per run", { timeout: 240_000 }, async () => {
    const [id, twin] = await twins("demo");
    const first = await scoreOk(id);
    await scoreOk(twin);
    await setFaults([{ afterApply: true, status: 500, pathIncludes: ":batchUpdate" }]);
    const second = await scoreOk(id);
    await scoreOk(twin);
    expect(await logRuns(id)).toEqual([first.runId, second.runId]);
    expect(await normalised(id)).toEqual(await normalised(twin));
  });

  it("on a fresh spreadsheet, with the connection dropped: a success, and the results are served", {
    timeout: 240_000,
  }, async () => {
    const [id, twin] = await twins("demo");
    await setFaults([{ afterApply: true, pathIncludes: ":batchUpdate" }]);
    const run = await scoreOk(id);
    await scoreOk(twin);
    expect(await logRuns(id)).toEqual([run.runId]);
    expect(await normalised(id)).toEqual(await normalised(twin));
    const results = await SELF.fetch(`https://dvk.test/api/results?year=${DEMO_YEAR}&spreadsheetId=${id}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(results.status).toBe(200);
  });
});

describe("a lost reply to a staged (large) write", () => {
  it("for each step — staging, a fill, the swap — ends as the completed run with one log row per run", {
    timeout: 240_000,
  }, async () => {
    const [id, twin] = await twins("large");
    const first = await scoreOk(id);
    await scoreOk(twin);
    const writes = writesOf(first);
    expect(writes).toBeGreaterThan(2);
    const runs = [first.runId];
    // step 0 creates the staging tabs, 1 is the first fill, the last is the swap
    for (const step of [0, 1, writes - 1]) {
      const pass = step > 0 ? [{ delayMs: 1, count: step, pathIncludes: ":batchUpdate" }] : [];
      await setFaults([...pass, { afterApply: true, status: 500, pathIncludes: ":batchUpdate" }]);
      runs.push((await scoreOk(id)).runId);
      await clearFaults();
      await scoreOk(twin);
      expect((await sheetTitles(id)).filter((t) => t.hidden)).toEqual([]);
      expect(await logRuns(id)).toEqual(runs);
      expect(await normalised(id)).toEqual(await normalised(twin));
    }
  });

  it("for the clean-up after a failed fill: nothing was written, and the answer says so", {
    timeout: 240_000,
  }, async () => {
    const id = await fresh("large");
    const before = await snapshot(id);
    await setFaults([
      { delayMs: 1, count: 1, pathIncludes: ":batchUpdate" },
      { status: 500, count: 6, pathIncludes: ":batchUpdate" },
      { afterApply: true, status: 500, pathIncludes: ":batchUpdate" },
    ]);
    const res = await score(id);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain("Không có gì được ghi");
    expect(await snapshot(id)).toBe(before);
  });

  it("when Sheets stays down, says which hidden tabs are left, and the next run removes them", {
    timeout: 240_000,
  }, async () => {
    const id = await fresh("large");
    await setFaults([
      { delayMs: 1, count: 1, kinds: ["get"] },
      { delayMs: 1, count: 1, kinds: ["values.batchGet"] },
      { delayMs: 1, count: 1, pathIncludes: ":batchUpdate" },
      { status: 503, count: -1, pathIncludes: "/v4/" },
    ]);
    const res = await score(id);
    await clearFaults();
    expect(res.status).toBe(502);
    const { error } = (await res.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe("staging_left");
    expect(error.message).toContain("trang tạm ẩn");
    expect(error.message).not.toContain("Không có gì được ghi");
    expect((await sheetTitles(id)).filter((t) => t.hidden).length).toBeGreaterThan(0);
    await scoreOk(id);
    expect((await sheetTitles(id)).filter((t) => t.hidden)).toEqual([]);
    expect((await titlesOf(id)).filter((t) => t.startsWith("~dvk-staging~"))).toEqual([]);
  });
});

describe("integrity of the generated tabs", () => {
  it("a staged run keeps the protection and validation the tabs it replaces carry", { timeout: 240_000 }, async () => {
    const id = await fresh("large");
    await scoreOk(id);
    const setup = await SELF.fetch("https://dvk.test/api/setup", {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ spreadsheetId: id }),
    });
    expect(setup.status).toBe(200);
    const protectedBefore = await protections(id);
    expect(protectedBefore[RANKING]).toBe(1);
    await scoreOk(id);
    const protectedAfter = await protections(id);
    for (const title of Object.keys(protectedBefore)) expect(protectedAfter[title], title).toBe(protectedBefore[title]);
  });

  it("answers 422 naming a tab someone named like a generated one (case or NFD), and writes nothing", {
    timeout: 240_000,
  }, async () => {
    for (const lookAlike of [`xếp hạng ${DEMO_YEAR}`, RANKING.normalize("NFD")]) {
      const id = await fresh("demo");
      await importSpreadsheet(id, [...demo.sheets, { title: lookAlike, values: [["Ghi chú riêng"]] }], demo.title);
      const before = await snapshot(id);
      const res = await score(id);
      expect(res.status).toBe(422);
      const { error } = (await res.json()) as { error: { message: string; where: string } };
      expect(error.message).toContain(`"${lookAlike}"`);
      expect(error.message).toContain("đổi tên");
      expect(error.where).toContain(lookAlike);
      expect(await snapshot(id)).toBe(before);
    }
  });

  it("never deletes a tab someone named with the staging prefix", { timeout: 240_000 }, async () => {
    const id = await fresh("demo");
    const mine = "~dvk-staging~ghi chú";
    await importSpreadsheet(id, [...demo.sheets, { title: mine, values: [["Nội dung của tôi"]] }], demo.title);
    await scoreOk(id);
    expect(await readTab(id, mine)).toEqual([["Nội dung của tôi"]]);
  });
});

describe("a lost reply to the setup", () => {
  it("is a success, and the spreadsheet is set up once", { timeout: 240_000 }, async () => {
    const [id, twin] = await twins("demo");
    await setFaults([{ afterApply: true, status: 500, pathIncludes: ":batchUpdate" }]);
    const res = await postSetupOf(id);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { unchanged: boolean }).unchanged).toBe(false);
    expect((await postSetupOf(twin)).status).toBe(200);
    expect(await normalised(id)).toEqual(await normalised(twin));
  });
});

function postSetupOf(id: string): Promise<Response> {
  return SELF.fetch("https://dvk.test/api/setup", {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ spreadsheetId: id }),
  });
}

/** Protected ranges per tab title. */
async function protections(id: string): Promise<Record<string, number>> {
  const res = await fetch(
    `${SHEETS}/${encodeURIComponent(id)}?fields=sheets(properties(title),protectedRanges(range))`,
    { headers: { Authorization: "Bearer test" } },
  );
  const body = (await res.json()) as { sheets: { properties: { title: string }; protectedRanges?: unknown[] }[] };
  return Object.fromEntries(body.sheets.map((s) => [s.properties.title, s.protectedRanges?.length ?? 0]));
}
