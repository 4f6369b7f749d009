import {
  createExecutionContext,
  createScheduledController,
  env,
  runInDurableObject,
  waitOnExecutionContext,
} from "cloudflare:test";
import { describe, expect, it, vi } from "vitest";
import { yearInVietnam } from "../sheets-schema/vietnam-time.ts";
import worker from "../src/index.ts";
import { newRun } from "../src/jobs/background-run.ts";
import { BackgroundStore } from "../src/scorer/background-store.ts";
import type { SpreadsheetScorer } from "../src/scorer/spreadsheet-scorer.ts";
import { scorerFor, storedResult } from "../src/scorer/scorer-for.ts";
import { demoSpreadsheet } from "../tools/demo/district.ts";
import { importSpreadsheet, readTab } from "./support/sheets.ts";

const demo = demoSpreadsheet();
const JUNE_2024 = Date.UTC(2024, 5, 1, 18, 0, 0);

async function runCron(spreadsheetId: string, scheduledTime = JUNE_2024): Promise<void> {
  const controller = createScheduledController({ scheduledTime, cron: "0 18 * * *" });
  const ctx = createExecutionContext();
  worker.scheduled(controller, { ...env, SPREADSHEET_ID: spreadsheetId }, ctx);
  await waitOnExecutionContext(ctx);
}

describe("the nightly Cron Trigger", () => {
  it("scores the current year of SPREADSHEET_ID and logs the run as the cron's", async () => {
    const id = `cron-${Date.now()}`;
    await importSpreadsheet(id, demo.sheets, demo.title);
    await runCron(id);
    const ranking = await readTab(id, "Xếp hạng 2024");
    expect(ranking.length).toBeGreaterThan(400);
    const log = await readTab(id, "Nhật ký chấm điểm");
    expect(log).toHaveLength(2);
    expect(log[1]).toContain("Cron (tự động)");
    const stored = await storedResult<{ year: number }>(scorerFor(env, id), 2024);
    expect(stored?.year).toBe(2024);
  });

  it("records a failed night where the dashboard shows it, and says so in the log", async () => {
    const id = `cron-broken-${Date.now()}`;
    await importSpreadsheet(id, [
      { title: "Đơn vị", values: [["Mã đơn vị", "Tên đơn vị"]] },
      { title: "Đăng ký", values: [["Năm"]] },
    ]);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await runCron(id);
    expect(errors.mock.calls.flat().join(" ")).toMatch(/thất bại \(422\)/);
    errors.mockRestore();
    const [last] = await scorerFor(env, id).recentRuns(1);
    expect(last).toMatchObject({ ok: false, status: 422, year: 2024, caller: "Cron (tự động)" });
    expect(last?.message).toContain("Loại đơn vị");
  });

  it("records a night refused because a background run holds the spreadsheet, where the dashboard shows it", async () => {
    const id = `cron-busy-${Date.now()}`;
    await importSpreadsheet(id, demo.sheets, demo.title);
    const scorer = env.SCORER.get(env.SCORER.idFromName(id));
    // A background run under way (its alarm not due: the test holds it), as when sources take many steps.
    await runInDurableObject(scorer, (_: SpreadsheetScorer, state) => {
      const req = { spreadsheetId: id, year: 2023, dryRun: false, caller: "API" };
      new BackgroundStore(state.storage.sql).saveJob(newRun(`${state.id.toString()}.held`, req, Date.now()));
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await runCron(id);
    expect(errors.mock.calls.flat().join(" ")).toMatch(/thất bại \(409\)/);
    errors.mockRestore();
    const [last] = await scorerFor(env, id).recentRuns(1);
    expect(last).toMatchObject({ ok: false, status: 409, year: 2024, caller: "Cron (tự động)" });
    expect(last?.message).toContain("đang được chấm nền");
  });

  it("does nothing but complain when no spreadsheet is configured", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await runCron("");
    expect(errors.mock.calls.flat().join(" ")).toContain("SPREADSHEET_ID chưa được cấu hình");
    errors.mockRestore();
  });

  it("takes the year in Vietnam's time zone: 31/12 at 18:30 UTC is already the new year there", () => {
    expect(yearInVietnam(Date.UTC(2024, 11, 31, 18, 30))).toBe(2025);
    expect(yearInVietnam(Date.UTC(2024, 11, 31, 16, 30))).toBe(2024);
  });
});
