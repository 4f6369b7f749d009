/**
 * Runs continued in the background by the spreadsheet's Durable Object, one step per alarm: POST /api/score answers
 * 202 with a run id, GET /api/runs/{id} follows it, the result ends in the main spreadsheet and GET /api/results.
 */
import { env, runDurableObjectAlarm, runInDurableObject, SELF } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import type { RawTabs } from "../sheets-schema/types.ts";
import { newRun, type RunState } from "../src/jobs/background-run.ts";
import type { RunProgress } from "../src/jobs/run-progress.ts";
import { ScoreRunSchema } from "../src/api/score-run-schema.ts";
import { RunProgressSchema } from "../src/api/schemas.ts";
import { BackgroundStore } from "../src/scorer/background-store.ts";
import type { SpreadsheetScorer } from "../src/scorer/spreadsheet-scorer.ts";
import { DEMO_YEAR, generateDistrict } from "../tools/demo/district.ts";
import { postScore, TOKEN, type RunJson } from "./support/api.ts";
import { clearFaults, importSpreadsheet, readTab, setFaults, snapshot } from "./support/sheets.ts";
import { parseStrict } from "./support/strict-schema.ts";
import { sheetsOf, splitDistrict, withConsent } from "./support/split-sources.ts";

const split = splitDistrict(generateDistrict(), 3);
let n = 0;
const uniqueId = (prefix: string) => `${prefix}-${Date.now()}-${n++}`;

/** The split demo district on the emulator: the main spreadsheet's id and its three sources. */
async function importSplit(): Promise<{ main: string; ids: string[] }> {
  const ids = split.parts.map(() => uniqueId("bg-src"));
  const main = uniqueId("bg-main");
  await Promise.all(split.parts.map((tabs, i) => importSpreadsheet(ids[i]!, sheetsOf(withConsent(tabs, main)))));
  const list = [["Mã bảng tính hoặc đường dẫn", "Tên nguồn"], ...ids.map((id, i) => [id, `Cụm xã ${i + 1}`])];
  await importSpreadsheet(main, sheetsOf({ ...split.main, "Nguồn dữ liệu": list }));
  return { main, ids };
}

const stub = (spreadsheetId: string) => env.SCORER.get(env.SCORER.idFromName(spreadsheetId));

async function progress(runId: string, token: string | null = TOKEN): Promise<Response> {
  return SELF.fetch(`https://dvk.test/api/runs/${runId}`, {
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
  });
}

/**
 * Runs the alarms (without waiting for their time) until the run is over; every progress seen, in order.
 *
 * The test run prints one line from workerd here, harmless and expected: "NOSENTRY SQLite alarm handler canceled
 * with requestScheduledAlarm … localAlarmState… = 0ns". `startBackground` sets its first alarm for now, so workerd
 * schedules it too; `runDurableObjectAlarm` deletes that alarm and calls `alarm()` itself. When workerd's own timer
 * then fires, storage holds no alarm any more, so workerd cancels that stale call and logs it (at most once in a
 * while). It cannot be silenced from here: @cloudflare/vitest-plugin prints workerd's warnings itself and takes no
 * option to filter them. A real alarm that fires first is fine too: it runs the step and `ran` is false below.
 */
async function driveToEnd(spreadsheetId: string, runId: string): Promise<RunProgress[]> {
  const seen: RunProgress[] = [];
  for (let i = 0; i < 200; i++) {
    const ran = await runDurableObjectAlarm(stub(spreadsheetId));
    const p = parseStrict(RunProgressSchema, await (await progress(runId)).json()) as RunProgress;
    seen.push(p);
    if (p.status !== "running") return seen;
    if (!ran) await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error("the background run did not end");
}

afterEach(clearFaults);

/** The flag a test sets on the Durable Object when it has made a save fail. */
type Lost = { lost?: boolean };

describe("a run in the background", () => {
  it("writes its result and log row once when its last step runs again after the write (alarms run at least once)", async () => {
    const { main } = await importSplit();
    const started = (await (
      await postScore({ year: DEMO_YEAR, spreadsheetId: main, background: true })
    ).json()) as RunProgress;
    // The Durable Object is reset between the write and saving the run as done: that first save is lost.
    await runInDurableObject(stub(main), (scorer: SpreadsheetScorer) => {
      const store = (scorer as unknown as { background: BackgroundStore }).background;
      const save = store.saveJob.bind(store);
      store.saveJob = (job: RunState) => {
        if (job.kind === "succeeded" && !(scorer as unknown as Lost).lost) {
          (scorer as unknown as Lost).lost = true;
          throw new Error("reset after the write");
        }
        save(job);
      };
    });
    for (let i = 0; i < 200; i++) {
      // A failed alarm is retried by the runtime; here, by arming it again.
      await runInDurableObject(stub(main), async (_: SpreadsheetScorer, state) => {
        if ((await state.storage.getAlarm()) === null) await state.storage.setAlarm(Date.now());
      });
      await runDurableObjectAlarm(stub(main)).catch(() => false);
      const p = (await (await progress(started.runId)).json()) as RunProgress;
      if (p.status !== "running") break;
    }
    const p = (await (await progress(started.runId)).json()) as RunProgress;
    expect(p.status).toBe("succeeded");
    const log = await readTab(main, "Nhật ký chấm điểm");
    const logged = started.runId.slice(started.runId.indexOf(".") + 1); // the log names the run by its own id
    expect(log.slice(1).filter((row) => row[0] === logged)).toHaveLength(1);
    expect(await runInDurableObject(stub(main), (scorer: SpreadsheetScorer) => (scorer as unknown as Lost).lost)).toBe(
      true,
    ); // the reset did happen
  });

  it("answers 202 with a run id to poll, then writes the same result as a synchronous run", async () => {
    const { main } = await importSplit();
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: main, background: true });
    expect(res.status).toBe(202);
    const started = parseStrict(RunProgressSchema, await res.json()) as RunProgress;
    expect(res.headers.get("Location")).toBe(`/api/runs/${started.runId}`);
    expect(started).toMatchObject({
      status: "running",
      step: "main",
      percent: 0,
      spreadsheetId: main,
      year: DEMO_YEAR,
    });

    const seen = await driveToEnd(main, started.runId);
    const last = seen.at(-1)!;
    expect(last).toMatchObject({
      status: "succeeded",
      step: "done",
      percent: 100,
      sourcesTotal: 3,
      sourcesRead: 3,
      sourcesFailed: 0,
    });
    expect(last.resultUrl).toBe(`/api/results?year=${DEMO_YEAR}&spreadsheetId=${main}`);
    const percents = seen.map((p) => p.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));

    const stored = parseStrict(
      ScoreRunSchema,
      await (
        await SELF.fetch(`https://dvk.test${last.resultUrl}`, { headers: { Authorization: `Bearer ${TOKEN}` } })
      ).json(),
    ) as RunJson;
    expect(last.summary).toMatchObject({
      units: stored.units.length,
      registrations: stored.registrations.length,
      dataErrors: stored.dataErrors.length,
    });
    const sync = (await (await postScore({ year: DEMO_YEAR, spreadsheetId: main, dryRun: true })).json()) as RunJson;
    const ranks = (r: RunJson) => r.units.map((u) => [u.unit.code, u.rank, u.score, u.title]);
    expect(ranks(stored)).toEqual(ranks(sync));
    expect(stored.targets).toEqual(sync.targets);
    const log = await readTab(main, "Nhật ký chấm điểm");
    expect(log).toHaveLength(2);
    expect(started.runId.endsWith(String(log[1]?.[0]))).toBe(true);
  });

  it("reads the sources over several steps, its progress growing with each", async () => {
    const { main } = await importSplit();
    const reply = await runInDurableObject(stub(main), (scorer: SpreadsheetScorer) =>
      scorer.startBackground(
        { spreadsheetId: main, year: DEMO_YEAR, dryRun: false, caller: "test" },
        { sourcesPerStep: 1 },
      ),
    );
    if (reply.ok !== "background") throw new Error("expected a background run");
    const seen = await driveToEnd(main, reply.progress.runId);
    expect(seen.at(-1)).toMatchObject({ status: "succeeded", steps: 5 }); // main, 3 sources one by one, finishing
    expect(new Set(seen.map((p) => p.percent)).size).toBeGreaterThan(1);
  });

  it("holds the spreadsheet's lock: another run is refused with 409 until it is over", async () => {
    const { main } = await importSplit();
    await setFaults([{ delayMs: 300, count: -1, pathIncludes: `/v4/spreadsheets/${main}` }]);
    const started = (await (
      await postScore({ year: DEMO_YEAR, spreadsheetId: main, background: true })
    ).json()) as RunProgress;
    const refused = await postScore({ year: DEMO_YEAR, spreadsheetId: main });
    expect(refused.status).toBe(409);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("run_in_progress");
    expect(body.error.message).toContain(started.runId);
    await clearFaults();
    expect((await driveToEnd(main, started.runId)).at(-1)?.status).toBe("succeeded");
    expect((await postScore({ year: DEMO_YEAR, spreadsheetId: main, dryRun: true })).status).toBe(200);
  });

  it("tries a step again after a passing Google outage, without losing the sources already read", async () => {
    const { main, ids } = await importSplit();
    // One step's six attempts at the third source fail; the next step gets through.
    await setFaults([{ status: 503, count: 6, pathIncludes: `/v4/spreadsheets/${ids[2]}` }]);
    const reply = await runInDurableObject(stub(main), (scorer: SpreadsheetScorer) =>
      scorer.startBackground(
        { spreadsheetId: main, year: DEMO_YEAR, dryRun: false, caller: "test" },
        { sourcesPerStep: 1 },
      ),
    );
    if (reply.ok !== "background") throw new Error("expected a background run");
    const seen = await driveToEnd(main, reply.progress.runId);
    expect(seen.at(-1)).toMatchObject({ status: "succeeded", sourcesRead: 3, steps: 6 });
  });

  it("fails after Google stays unavailable, naming the source, writing nothing and recording the failure", async () => {
    const { main, ids } = await importSplit();
    const before = await snapshot(main);
    await setFaults([{ status: 503, count: -1, pathIncludes: `/v4/spreadsheets/${ids[1]}` }]);
    const started = (await (
      await postScore({ year: DEMO_YEAR, spreadsheetId: main, background: true })
    ).json()) as RunProgress;
    const last = (await driveToEnd(main, started.runId)).at(-1)!;
    await clearFaults();
    expect(last).toMatchObject({
      status: "failed",
      stepLabel: "Thất bại",
      error: { status: 502, where: "'Nguồn dữ liệu'!A3" },
    });
    expect(last.error?.message).toContain(`Không đọc được nguồn "Cụm xã 2" (${ids[1]})`);
    expect(await snapshot(main)).toBe(before);
    const runs = await runInDurableObject(stub(main), (scorer: SpreadsheetScorer) => scorer.recentRuns());
    expect(runs[0]).toMatchObject({ runId: started.runId, ok: false, status: 502 });
  });

  it("is where a run goes by itself when its sources cannot be read within one request", async () => {
    const { main } = await importSplit();
    // Two reads a minute: the main spreadsheet's two, then the sources would wait minutes.
    const reply = await runInDurableObject(stub(main), async (scorer: SpreadsheetScorer) => {
      const self = scorer as unknown as { env: Env };
      const fast = self.env;
      self.env = { ...fast, SHEETS_READS_PER_MINUTE: "2" };
      try {
        return await scorer.score({ spreadsheetId: main, year: DEMO_YEAR, dryRun: false, caller: "test" });
      } finally {
        self.env = fast;
      }
    });
    if (reply.ok !== "background")
      throw new Error(`expected a background run, got ${JSON.stringify(reply).slice(0, 300)}`);
    expect((await driveToEnd(main, reply.progress.runId)).at(-1)?.status).toBe("succeeded");
  });
});

describe("GET /api/runs/{runId}", () => {
  it("needs the token", async () => {
    expect((await progress(`${"0".repeat(64)}.${crypto.randomUUID()}`, null)).status).toBe(401);
  });

  it("answers 404 for a run id no spreadsheet knows, and 400 for one that is not a run id", async () => {
    const known = env.SCORER.idFromName(uniqueId("nobody")).toString();
    expect((await progress(`${known}.${crypto.randomUUID()}`)).status).toBe(404);
    expect((await progress(`${"a".repeat(64)}.${crypto.randomUUID()}`)).status).toBe(404);
    const bad = await progress("not-a-run");
    expect(bad.status).toBe(400);
    const { error } = (await bad.json()) as { error: { field: string; message: string } };
    expect(error.field).toBe("runId");
    expect(error.message).toBe(
      'Trường "runId" không hợp lệ: không phải mã lần chạy nền (mã có dạng được trả về ở Location khi POST /api/score trả lời 202).',
    );
  });
});

describe("POST /api/score with background", () => {
  it("refuses background with dryRun: a dry run's result is not kept", async () => {
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: "x", background: true, dryRun: true });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { field: string } }).error.field).toBe("background");
  });
});

describe("BackgroundStore", () => {
  it("keeps tabs larger than one SQLite value, the running job, and only the latest finished jobs", async () => {
    await runInDurableObject(stub(uniqueId("store")), (_scorer: SpreadsheetScorer, state) => {
      const store = new BackgroundStore(state.storage.sql);
      expect(store.runningJob()).toBeNull();
      expect(store.loadTabs("r")).toEqual(new Map());
      const big: RawTabs = {
        "Đăng ký": Array.from({ length: 30_000 }, (_, i) => [2024, `Mô hình số ${i} của xã Hòa Bình`]),
      };
      expect(JSON.stringify(big).length).toBeGreaterThan(800_000);
      store.saveTabs("r", 3, big);
      store.saveTabs("r", 1, { "Đơn vị": [["Mã đơn vị"]] });
      expect(store.loadTabs("r")).toEqual(
        new Map([
          [1, { "Đơn vị": [["Mã đơn vị"]] }],
          [3, big],
        ]),
      );
      store.deleteTabs("r");
      expect(store.loadTabs("r").size).toBe(0);

      const req = { spreadsheetId: "s", year: 2024, dryRun: false, caller: "test" };
      const failure = { status: 500, code: "internal", message: "x" } as const;
      for (let i = 0; i < 5; i++)
        store.saveJob({ ...newRun(`done-${i}`, req, i), kind: "failed", list: null, next: 0, failed: [], failure });
      store.saveJob(newRun("running", req, 10));
      expect(store.runningJob()?.runId).toBe("running");
      store.pruneJobs(2);
      expect(["done-0", "done-2", "done-3", "done-4", "running"].map((id) => store.loadJob(id)?.runId ?? null)).toEqual(
        [null, null, "done-3", "done-4", "running"],
      );
    });
  });

  it("reads a run stored by the version before the decider, so it carries on and answers as before", async () => {
    await runInDurableObject(stub(uniqueId("legacy")), (_scorer: SpreadsheetScorer, state) => {
      const store = new BackgroundStore(state.storage.sql);
      store.saveJob(newRun("x", { spreadsheetId: "s", year: 2024, dryRun: false, caller: "test" }, 0)); // makes the tables
      const entry = { spreadsheetId: "a", name: "Xã A", cell: "'Nguồn dữ liệu'!A2" };
      const legacy = {
        runId: "old",
        request: { spreadsheetId: "s", year: 2024, dryRun: false, caller: "test" },
        startedAt: 0,
        updatedAt: 5,
        status: "running",
        step: "sources",
        list: { entries: [entry, { ...entry, spreadsheetId: "b" }], errors: [] },
        next: 1,
        failed: [],
        pacerStarts: [1, 2],
        requests: 4,
        steps: 2,
        retries: 0,
        sourcesPerStep: 50,
      };
      state.storage.sql.exec(
        "INSERT INTO background_jobs (run_id, running, body) VALUES (?, 1, ?)",
        "old",
        JSON.stringify(legacy),
      );
      expect(store.loadJob("old")).toMatchObject({
        kind: "reading-sources",
        next: 1,
        pacerStarts: [1, 2],
        steps: 2,
      } satisfies Partial<RunState>);
      const done = {
        ...legacy,
        status: "failed",
        step: "done",
        failure: { status: 502, code: "sheets_unavailable", message: "m" },
      };
      state.storage.sql.exec(
        "UPDATE background_jobs SET running = 0, body = ? WHERE run_id = 'old'",
        JSON.stringify(done),
      );
      expect(store.loadJob("old")).toMatchObject({ kind: "failed", next: 1, failure: { status: 502 } });
    });
  });
});
