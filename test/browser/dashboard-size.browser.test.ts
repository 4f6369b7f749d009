/**
 * How big the dashboard is at district and province size (issue 9): the HTML the Worker sends and the page's
 * height in Chromium at 1280 px, for the demo district (455 units) and a generated province (about 4,500). The page
 * is rendered in Node from a result scored by the same pipeline the Worker runs; the figures are printed for the
 * record and bounded so that a return to "every unit inline" fails.
 */
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultStage } from "../../scoring/stage-period.ts";
import type { RawTabs } from "../../sheets-schema/types.ts";
import { scoreWorkbook } from "../../sheets-schema/pipeline.ts";
import { DashboardPage } from "../../src/dashboard/dashboard-page.tsx";
import type { ScoreRun } from "../../src/jobs/score-spreadsheet.ts";
import { DEMO_TITLE, DEMO_YEAR, generateDistrict } from "../../tools/demo/district.ts";
import { generateProvince } from "../../tools/demo/province.ts";
import { chromiumLaunchOptions } from "./chromium.ts";

let browser: Browser | undefined;

beforeAll(async () => {
  browser = await chromium.launch(await chromiumLaunchOptions());
}, 60_000);

afterAll(() => browser?.close());

/** The dashboard's HTML for a spreadsheet of these tabs, scored for the demo year, as a reader gets it. */
async function dashboardHtml(tabs: RawTabs, title: string): Promise<string> {
  const { result, errors } = scoreWorkbook(tabs, DEMO_YEAR);
  const run: ScoreRun = {
    ...result,
    reviewKind: "nam",
    stagePeriod: defaultStage(DEMO_YEAR),
    runId: "size",
    spreadsheetId: "size",
    spreadsheetTitle: title,
    sheetIds: { "Đăng ký": 1 },
    dryRun: false,
    startedAt: "2024-12-01T00:00:00.000Z",
    durationMs: 1000,
    caller: "API",
    dataErrors: errors,
    tabsWritten: [],
    sheetsRequests: 2,
    sources: [],
    failedSources: [],
  };
  const data = {
    spreadsheetId: "size",
    askedSpreadsheetId: null,
    year: DEMO_YEAR,
    currentYear: DEMO_YEAR,
    storedYears: [DEMO_YEAR],
    recentRuns: [],
    run,
    sixMonth: null,
    stage: null,
  };
  // The component called as a function: this file is .ts, so that the browser project's pattern includes it.
  return String(await DashboardPage({ data, rescore: { kind: "read-only", who: "a@b.c" } }).toString());
}

async function heightAt1280(html: string): Promise<number> {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
  await page.setContent(html);
  const height = (await page.evaluate("document.documentElement.scrollHeight")) as number;
  const sections = await page.evaluate(
    `[...document.querySelectorAll("main > section")].map((s) => s.id + " " + Math.round(s.getBoundingClientRect().height)).join(", ")`,
  );
  console.log(`sections: ${sections}`);
  await page.close();
  return height;
}

describe("the dashboard's size", () => {
  it("stays a few screens for the demo district (455 units)", async () => {
    const html = await dashboardHtml(generateDistrict(), DEMO_TITLE);
    const height = await heightAt1280(html);
    console.log(`district (455 units): ${Math.round(html.length / 1024)} KiB of HTML, ${height} px tall at 1280 px`);
    expect(height).toBeLessThan(8_000);
    expect(html.length).toBeLessThan(1_000_000);
  }, 60_000);

  it("stays readable for a province (about 4,500 units)", async () => {
    const tabs = generateProvince({ units: 4500, registrationsTotal: 50_000 });
    const html = await dashboardHtml(tabs, "Tỉnh Demo");
    const height = await heightAt1280(html);
    console.log(`province: ${Math.round(html.length / 1024)} KiB of HTML, ${height} px tall at 1280 px`);
    // Sections start closed and the thôn are summarised per xã: the height grows with clusters and xã, not units.
    expect(height).toBeLessThan(35_000);
  }, 180_000);
});
