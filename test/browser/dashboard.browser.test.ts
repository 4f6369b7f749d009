/**
 * The dashboard as a person sees it, in a real headless Chromium driven by playwright-core:
 * the Sheets emulator with the demo district (also the local Cloudflare Access team: it serves the development
 * key's JWKS), the Worker under `wrangler dev`, one scoring run by a script's token, then the page at a phone and a
 * desktop size, signed in as the development scorer through the dev sign-in link as a person would be locally, and
 * the "Chấm điểm lại" form: refused once the sign-in has expired, shown to no reader, working for the scorer.
 *
 * Chromium comes from the npm package @sparticuz/chromium, or from `CHROME_PATH` (see ./chromium.ts).
 * Screenshots go to test-output/ (gitignored).
 */
import { mkdirSync } from "node:fs";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/server.ts";
import { formatNumber } from "../../scoring/format.ts";
import { formatVietnamTime } from "../../src/dashboard/format.ts";
import { bearer, startWorker, type RunningWorker } from "../../tools/bench/worker-process.ts";
import { demoSpreadsheet, DEMO_SPREADSHEET_ID, DEMO_YEAR } from "../../tools/demo/district.ts";
import { devAccessJwks } from "../../tools/dev-access/key.ts";
import { devScorerEmail, devSignInLink } from "../../tools/dev-access/sign-in-link.ts";
import { chromiumLaunchOptions } from "./chromium.ts";

const OUT = "test-output";
const PATH = `/?spreadsheetId=${DEMO_SPREADSHEET_ID}&year=${DEMO_YEAR}`;
const EXPIRED_MESSAGE = "Phiên đăng nhập Cloudflare Access đã hết hạn; hãy tải lại trang để đăng nhập lại.";
/** A person Access lets in whose e-mail is not in SCORER_EMAILS: may read, not score. */
const READER_EMAIL = "van-phong@dvk-score.dev";

const VIEWPORTS = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
} as const;

/** The part of a scoring run (POST /api/score, GET /api/results) the page is checked against. */
interface Run {
  runId: string;
  startedAt: string;
  caller: string;
  units: {
    unit: { code: string; name: string; type: string };
    rank: number;
    score: number;
    counted: number;
    parts: { quota: number; recognitionRate: number; vote: number; fields: number };
    group: string;
    title: string;
    takesPartInTitle: boolean;
    reason: { code: string } | null;
  }[];
  targets: { id: string; communeCode: string | null; goal: { kind: string; min: number } }[];
  communeTeams: { communeCode: string; communeName: string }[];
  dataErrors: { tab: string; cell: string; value: string; message: string }[];
  sheetIds: Record<string, number>;
}

let emulator: RunningEmulator | undefined;
let worker: RunningWorker | undefined;
let browser: Browser | undefined;
let firstRun: Run;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  emulator = await startEmulator({ port: 0, accessJwks: devAccessJwks() });
  const seeded = await fetch(`${emulator.url}/_emulator/spreadsheets/${DEMO_SPREADSHEET_ID}`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(demoSpreadsheet()),
  });
  expect(seeded.ok, await seeded.text()).toBe(true);
  worker = await startWorker(emulator.url);
  expect(devScorerEmail(worker.vars)).not.toBe(READER_EMAIL);
  const scored = await score();
  const body = await scored.text();
  expect(scored.status, body).toBe(200);
  firstRun = JSON.parse(body) as Run;
  browser = await chromium.launch(await chromiumLaunchOptions());
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => {});
  if (worker) await Promise.race([worker.stop(), new Promise((r) => setTimeout(r, 10_000))]);
  await emulator?.close();
}, 30_000);

describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])("the dashboard on a %s", (size) => {
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    context = await browser!.newContext({ ...VIEWPORTS[size], locale: "vi-VN" });
    page = await context.newPage();
    await signIn(page, devScorerEmail(worker!.vars));
    page.on("pageerror", (e) => pageErrors.push(e.message));
    page.on("console", (m) => void (m.type() === "error" && pageErrors.push(`${m.text()} ${m.location().url}`)));
    page.on("response", (r) => void (r.status() >= 400 && pageErrors.push(`${r.status()} ${r.url()}`)));
    const res = await page.goto(worker!.url + PATH);
    expect(res?.status()).toBe(200);
    await page.screenshot({ path: `${OUT}/dashboard-${size}.png` });
    await page.screenshot({ path: `${OUT}/dashboard-${size}-full.png`, fullPage: true });
    for (const part of ["chi-tieu", "to-dan-van-theo-xa", "de-xuat", "xep-hang", "thon-theo-xa", "loi-du-lieu"]) {
      await page.locator(`#${part}`).screenshot({ path: `${OUT}/dashboard-${size}-${part}.png` });
    }
    // An open section as cards (phone) or a table (desktop).
    await page.locator("details.group > summary").nth(1).click();
    await page
      .locator("details.group")
      .nth(1)
      .screenshot({ path: `${OUT}/dashboard-${size}-cum-mo.png` });
    await page.locator("details.group > summary").nth(1).click();
  }, 60_000);

  afterAll(() => context?.close());

  it("shows the year, who scored it and when", async () => {
    expect(await page.locator("h1").innerText()).toContain(`Kết quả chấm điểm năm ${DEMO_YEAR}`);
    const scoredAt = await page.locator(".scored-at").innerText();
    expect(scoredAt).toContain(`Chấm điểm lúc ${formatVietnamTime(firstRun.startedAt)} do ${firstRun.caller} yêu cầu`);
    expect(scoredAt).toContain(firstRun.runId);
  });

  it("is a page of a few screens, not 33 600 px: sections closed, thôn summarised per xã", async () => {
    const height = (await page.evaluate("document.documentElement.scrollHeight")) as number;
    console.log(`dashboard height at ${size}: ${height} px`);
    expect(height).toBeLessThan(size === "phone" ? 14_000 : 8_000);
    expect(await page.locator("details.group[open]").count()).toBe(0);
    const villages = firstRun.units.filter((u) => u.unit.type === "village");
    expect(await page.locator("#thon-theo-xa li[data-village]").count()).toBe(villages.length);
  });

  it("lists every unit but the thôn in the ranking sections with its rank, its score and the score's four parts", async () => {
    const ranked = firstRun.units.filter((u) => u.unit.type !== "village");
    await openSections(page);
    expect(await page.locator("table.ranking tbody tr[data-unit]").count()).toBe(ranked.length);
    expect(await page.locator("details.group[data-group]").count()).toBe(new Set(ranked.map((u) => u.group)).size);
    for (const u of [ranked[0]!, ranked[ranked.length - 1]!]) {
      const cells = await page.locator(`tr[data-unit="${u.unit.code}"] td`).allInnerTexts();
      expect(cells[0]).toBe(String(u.rank));
      expect(cells[1]).toContain(u.unit.name);
      const { quota, recognitionRate, vote, fields } = u.parts;
      const parts = [quota, recognitionRate, vote, fields].map(formatNumber).join(" + ");
      expect(cells[2]).toBe(u.counted > 0 ? `${formatNumber(u.score)}\n${parts}` : formatNumber(u.score));
    }
    await closeSections(page);
  }, 60_000);

  it("shows every proposed unit's title, name, rank and score without scrolling sideways", async () => {
    const proposed = firstRun.units.filter((u) => u.title !== "none");
    expect(proposed.length).toBeGreaterThan(10);
    const width = (await page.evaluate("window.innerWidth")) as number;
    const inside = async (selector: string) => {
      const box = await page.locator(selector).first().boundingBox();
      expect(box, selector).not.toBeNull();
      expect(box!.x, selector).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, selector).toBeLessThanOrEqual(width);
    };
    // In the list of proposed titles, per cụm.
    for (const u of proposed) await inside(`#de-xuat li[data-proposed="${u.unit.code}"] .badge`);
    // And in the ranking, every section open: on a phone each unit is a card.
    await openSections(page);
    for (const u of proposed) {
      for (const cell of ["td.title .badge", "td.name a", "td.rank", "td.score"]) {
        await inside(`tr[data-unit="${u.unit.code}"] ${cell}`);
      }
    }
    expect((await page.evaluate("document.documentElement.scrollWidth")) as number).toBeLessThanOrEqual(width);
    await page
      .locator(`tr[data-unit="${proposed[0]!.unit.code}"]`)
      .screenshot({ path: `${OUT}/dashboard-${size}-the-don-vi.png` });
    await closeSections(page);
  }, 60_000);

  it("links each unit name to its page", async () => {
    const u = firstRun.units.find((x) => x.title === "exemplary")!;
    const href = await page.locator(`#de-xuat li[data-proposed="${u.unit.code}"] a.unit-link`).getAttribute("href");
    expect(href).toBe(
      `/don-vi/${encodeURIComponent(u.unit.code)}?year=${DEMO_YEAR}&spreadsheetId=${DEMO_SPREADSHEET_ID}`,
    );
    const village = firstRun.units.find((x) => x.unit.type === "village")!;
    expect(await page.locator(`li[data-village="${village.unit.code}"] a.unit-link`).getAttribute("href")).toMatch(
      new RegExp(`^/don-vi/${village.unit.code}\\?year=${DEMO_YEAR}`),
    );
  });

  it("filters the units by code or name typed without diacritics, opening their sections", async () => {
    const box = page.locator("#unit-filter");
    expect(await box.isVisible()).toBe(true);
    const openBefore = await page.locator("details[open]").count();
    // A unit of the ranking, by its name without diacritics.
    const ranked = firstRun.units.filter((u) => u.unit.type !== "village");
    const target = ranked.find((u) => fold(u.unit.name) !== u.unit.name.toLowerCase())!;
    const query = fold(target.unit.name);
    await box.fill(query);
    const visible = await page
      .locator("#xep-hang tr[data-unit]:visible")
      .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-unit")));
    const expected = ranked
      .filter((u) => fold(`${u.unit.code} ${u.unit.name}`).includes(query))
      .map((u) => u.unit.code);
    expect(visible).toEqual(expected);
    expect(visible).toContain(target.unit.code);
    expect(visible.length).toBeLessThan(ranked.length / 4);
    expect(await page.locator(`details.group[data-group="${target.group}"]`).getAttribute("open")).not.toBeNull();
    expect(await page.locator("#unit-filter-status").innerText()).toMatch(/đơn vị khớp/);
    await page.locator("#xep-hang").screenshot({ path: `${OUT}/dashboard-${size}-tim-kiem.png` });

    // A thôn, by its code: its xã opens, the other xã are hidden.
    const village = firstRun.units.find((u) => u.unit.type === "village")!;
    await box.fill(village.unit.code.toLowerCase());
    expect(await page.locator(`li[data-village="${village.unit.code}"]`).isVisible()).toBe(true);
    expect(await page.locator("#thon-theo-xa tr[data-commune]:visible").count()).toBe(1);
    expect(await page.locator("#xep-hang tr[data-unit]:visible").count()).toBe(0);
    await page.locator("#thon-theo-xa").screenshot({ path: `${OUT}/dashboard-${size}-tim-thon.png` });

    // Cleared: everything is back, sections closed again.
    await box.fill("");
    expect(await page.locator("#thon-theo-xa tr[data-commune]:visible").count()).toBeGreaterThan(1);
    expect(await page.locator("details[open]").count()).toBe(openBefore);
    expect(await page.locator("details.group:visible").count()).toBe(await page.locator("details.group").count());
  }, 60_000);

  it("draws an SVG per district target with its goal marker, and one bar per xã", async () => {
    const district = firstRun.targets.filter((t) => t.communeCode === null);
    const figures = page.locator("figure.target");
    expect(await figures.count()).toBe(district.length);
    for (let i = 0; i < district.length; i++) {
      const figure = figures.nth(i);
      expect(await figure.getAttribute("data-target")).toBe(district[i]!.id);
      expect(await figure.locator("svg.chart").count()).toBe(1);
      expect(await figure.locator("svg .goal-marker").count()).toBeGreaterThanOrEqual(1);
      const box = await figure.locator("svg.chart").boundingBox();
      expect(box!.width).toBeGreaterThan(200); // drawn, and wide enough to read
      expect(box!.height).toBeGreaterThan(30);
    }
    const communes = page.locator("svg.commune-chart g.commune-bar");
    expect(await communes.count()).toBe(firstRun.communeTeams.length);
    expect(await page.locator("svg.commune-chart .goal-marker").count()).toBe(1);
    // Each xã is printed by name (cut with … when long).
    const first = firstRun.communeTeams[0]!;
    expect(await communes.first().locator("text").first().textContent()).toBe(
      first.communeName.length > 21 ? `${first.communeName.slice(0, 20)}…` : first.communeName,
    );
  });

  it("lists the demo's bad cells as data errors, each cell a link to it in Google Sheets", async () => {
    const rows = page.locator("table.data-errors tbody tr");
    expect(await rows.count()).toBe(firstRun.dataErrors.length);
    const text = await page.locator("table.data-errors").innerText();
    expect(text).toContain("'Đăng ký'!I2399");
    expect(text).toContain("Ngày 31/02/2024 không tồn tại");
    for (const e of firstRun.dataErrors) expect(text).toContain(e.cell);
    const href = await page.locator("table.data-errors a.cell", { hasText: "'Đăng ký'!I2399" }).getAttribute("href");
    expect(href).toBe(
      `https://docs.google.com/spreadsheets/d/${DEMO_SPREADSHEET_ID}/edit#gid=${firstRun.sheetIds["Đăng ký"]}&range=I2399`,
    );
  });

  it("fits the screen: nothing wider than the window but the tables, which scroll inside their box", async () => {
    // A string, as this project type-checks without the DOM library.
    const widths = (await page.evaluate(`({
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
      wide: [...document.querySelectorAll("main > *, header, footer, svg, .scroll")]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .map((e) => e.tagName.toLowerCase() + "." + (e.getAttribute("class") ?? "")),
    })`)) as { page: number; window: number; wide: string[] };
    expect(widths.wide).toEqual([]);
    expect(widths.page).toBeLessThanOrEqual(widths.window);
  });

  it("raised no script error", () => {
    expect(pageErrors).toEqual([]);
  });
});

describe("the printed overview", () => {
  it("prints the overview, the targets and the proposed titles in at most 6 A4 pages", async () => {
    const context = await browser!.newContext({ ...VIEWPORTS.desktop, locale: "vi-VN" });
    const page = await context.newPage();
    await signIn(page, devScorerEmail(worker!.vars));
    expect((await page.goto(worker!.url + PATH))?.status()).toBe(200);
    const pdf = await page.pdf({ format: "A4", path: `${OUT}/dashboard-print.pdf` });
    const pages = pdfPageCount(pdf);
    console.log(`printed dashboard: ${pages} A4 pages`);
    expect(pages).toBeGreaterThan(0);
    expect(pages).toBeLessThanOrEqual(6);
    // What the print keeps and what it leaves out.
    await page.emulateMedia({ media: "print" });
    for (const kept of ["#tong-quan", "#chi-tieu", "#de-xuat"]) expect(await page.locator(kept).isVisible()).toBe(true);
    for (const left of ["#xep-hang", "#thon-theo-xa", "#loi-du-lieu", "#cham-diem-lai", "form.picker"]) {
      expect(await page.locator(left).isVisible()).toBe(false);
    }
    const proposed = firstRun.units.filter((u) => u.title !== "none").length;
    expect(await page.locator("#de-xuat li[data-proposed]:visible").count()).toBe(proposed);
    await context.close();
  }, 60_000);
});

describe("Chấm điểm lại from the page", () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser!.newContext({ ...VIEWPORTS.desktop, locale: "vi-VN" });
    page = await context.newPage();
  }, 60_000);

  afterAll(() => context?.close());

  it("shows a reader no button, only who they are and whom to ask", async () => {
    await signIn(page, READER_EMAIL);
    expect((await page.goto(worker!.url + PATH))?.status()).toBe(200);
    expect(await page.locator("form#rescore").count()).toBe(0);
    expect(await page.getByRole("button", { name: `Chấm điểm lại năm ${DEMO_YEAR}` }).count()).toBe(0);
    expect(await page.locator("#rescore-read-only").innerText()).toContain(
      `Bạn đăng nhập là ${READER_EMAIL}, chỉ được xem kết quả.`,
    );
    expect(await page.locator(".scored-at").innerText()).toContain(firstRun.runId);
  }, 60_000);

  it("shows the API's Vietnamese message when the sign-in has expired, and stays on the page", async () => {
    // Signed in as the scorer for a short while: the page is loaded, then the Access session runs out.
    const validFor = 30;
    const signedInAt = Date.now();
    await signIn(page, devScorerEmail(worker!.vars), validFor);
    expect((await page.goto(worker!.url + PATH))?.status()).toBe(200);
    const form = page.locator("form#rescore");
    expect(await form.innerText()).toContain(`Bạn đăng nhập là ${devScorerEmail(worker!.vars)}, có quyền chấm điểm.`);
    expect(await form.locator("#rescore-token").count()).toBe(0); // signed in: nothing to type
    // The JWT's exp is whole seconds after its iat (taken when the link was signed, just after signedInAt).
    await page.waitForTimeout(Math.max(0, signedInAt + (validFor + 2) * 1000 - Date.now()));

    expect(await submitRescore(page)).toBe(EXPIRED_MESSAGE);
    expect(await form.locator("button").isEnabled()).toBe(true);
    expect(await page.locator(".scored-at").innerText()).toContain(firstRun.runId);
    await form.screenshot({ path: `${OUT}/dashboard-rescore-expired.png` });
  }, 120_000);

  it("re-scores as the signed-in scorer, reloads, and shows the newer run", async () => {
    const scorer = devScorerEmail(worker!.vars);
    await signIn(page, scorer);
    expect((await page.goto(worker!.url + PATH))?.status()).toBe(200);
    expect(await submitRescore(page)).toBe("reloaded");
    expect(new URL(page.url()).searchParams.get("spreadsheetId")).toBe(DEMO_SPREADSHEET_ID);

    const results = await fetch(`${worker!.url}/api/results?year=${DEMO_YEAR}&spreadsheetId=${DEMO_SPREADSHEET_ID}`, {
      headers: bearer(worker!, "reader"),
    });
    expect(results.status).toBe(200);
    const latest = (await results.json()) as Run;
    expect(latest.runId).not.toBe(firstRun.runId);
    expect(Date.parse(latest.startedAt)).toBeGreaterThan(Date.parse(firstRun.startedAt));
    // The run log names the Access e-mail, then what the page declared.
    expect(latest.caller).toBe(`${scorer} (Bảng điều khiển)`);
    const scoredAt = await page.locator(".scored-at").innerText();
    expect(scoredAt).toContain(
      `Chấm điểm lúc ${formatVietnamTime(latest.startedAt)} do ${scorer} (Bảng điều khiển) yêu cầu`,
    );
    expect(scoredAt).toContain(latest.runId);
    expect(scoredAt).not.toContain(firstRun.runId);
    // Both runs are in the history, newest first.
    await page.locator("#cham-diem-lai details summary").click();
    const history = page.locator("#cham-diem-lai table.runs tbody tr");
    expect(await history.count()).toBe(2);
    expect(await history.first().innerText()).toContain(`${scorer} (Bảng điều khiển)`);
    // The browser keeps the scroll position on reload: the overview with the new time is further up.
    await page.locator("#tong-quan").screenshot({ path: `${OUT}/dashboard-rescored.png` });
    await page.locator("#cham-diem-lai").screenshot({ path: `${OUT}/dashboard-rescored-history.png` });
  }, 120_000);
});

describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])(
  "a unit's page opened from the dashboard on a %s",
  (size) => {
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      context = await browser!.newContext({ ...VIEWPORTS[size], locale: "vi-VN" });
      page = await context.newPage();
      await signIn(page, devScorerEmail(worker!.vars));
    }, 60_000);

    afterAll(() => context?.close());

    /** Clicks the unit's name on the dashboard and checks the page that opens is that unit's, inside the screen. */
    async function openUnit(link: string, unit: Run["units"][number]): Promise<void> {
      await Promise.all([page.waitForURL(/\/don-vi\//), page.locator(link).click()]);
      expect(new URL(page.url()).pathname).toBe(`/don-vi/${encodeURIComponent(unit.unit.code)}`);
      expect(await page.locator("h1").innerText()).toBe(unit.unit.name);
      // Against the screen's width, not innerWidth: a phone's browser widens its layout to fit what overflows.
      const width = page.viewportSize()!.width;
      const wide = (await page.evaluate(`[...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > ${width} + 1 && !e.closest(".scroll"))
      .map((e) => e.tagName.toLowerCase() + "." + (e.getAttribute("class") ?? ""))`)) as string[];
      expect(wide).toEqual([]);
      expect((await page.evaluate("document.documentElement.scrollWidth")) as number).toBeLessThanOrEqual(width);
    }

    /** The element is visible and wholly inside the window's width. */
    async function onScreen(selector: string): Promise<void> {
      const element = page.locator(selector);
      expect(await element.isVisible(), selector).toBe(true);
      const box = await element.boundingBox();
      const width = (await page.evaluate("window.innerWidth")) as number;
      expect(box!.x, selector).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, selector).toBeLessThanOrEqual(width);
    }

    it("opens a proposed unit's page from the list of titles: its name as heading, its title badge on screen", async () => {
      const unit = firstRun.units.find((u) => u.title === "exemplary")!;
      expect((await page.goto(worker!.url + PATH))?.status()).toBe(200);
      await openUnit(`#de-xuat li[data-proposed="${unit.unit.code}"] a.unit-link`, unit);
      await onScreen('[data-fact="title"] .badge');
      expect(await page.locator('[data-fact="title"]').innerText()).toContain("Dân vận khéo tiêu biểu");
      await page.screenshot({ path: `${OUT}/unit-page-${size}.png` });
      await page.screenshot({ path: `${OUT}/unit-page-${size}-full.png`, fullPage: true });
    }, 60_000);

    it("opens the page of a unit left without a title from the ranking: its Lý do on screen", async () => {
      const unit = firstRun.units.find((u) => u.reason?.code === "beyondCap" && u.unit.type !== "village")!;
      expect((await page.goto(worker!.url + PATH))?.status()).toBe(200);
      await page.locator(`details.group[data-group="${unit.group}"] > summary`).click();
      await openUnit(`tr[data-unit="${unit.unit.code}"] a.unit-link`, unit);
      await onScreen('[data-fact="reason"]');
      expect(await page.locator('[data-fact="reason"]').innerText()).toMatch(/^Ngoài số suất/);
      await page.locator("#ket-qua").screenshot({ path: `${OUT}/unit-page-${size}-ly-do.png` });
    }, 60_000);
  },
);

describe("the six-month and stage reviews on the dashboard", () => {
  interface StageYear {
    kind: string;
    year: number;
    registrations?: number;
    recognised?: number;
  }
  let perYear: StageYear[];

  beforeAll(async () => {
    const res = await score({ review: "giai-doan" });
    const body = await res.text();
    expect(res.status, body).toBe(200);
    perYear = (JSON.parse(body) as { stage: { perYear: StageYear[] } }).stage.perYear;
    const sixMonth = await score({ review: "6-thang" });
    expect(sixMonth.status, await sixMonth.clone().text()).toBe(200);
  }, 120_000);

  it.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])(
    "draws the stage's charts inside the screen on a %s",
    async (size) => {
      const context = await browser!.newContext({ ...VIEWPORTS[size], locale: "vi-VN" });
      const page = await context.newPage();
      await signIn(page, devScorerEmail(worker!.vars));
      expect((await page.goto(worker!.url + PATH))?.status()).toBe(200);
      const card = page.locator("#tong-ket-giai-doan");
      expect(await card.locator("h2").innerText()).toBe("Tổng kết giai đoạn 2021–2025");
      const width = page.viewportSize()!.width;
      for (const chart of ["stage-years", "stage-quota", "stage-fields"]) {
        const box = await card.locator(`svg.${chart}`).boundingBox();
        expect(box, chart).not.toBeNull();
        expect(box!.width, chart).toBeGreaterThan(300); // wide enough to read on a 390 px phone
        expect(box!.x + box!.width, chart).toBeLessThanOrEqual(width);
      }
      // One group of columns per year of the stage, with the figures of the review.
      const years = card.locator("svg.stage-years g[data-year]");
      expect(await years.count()).toBe(perYear.length);
      for (const y of perYear) {
        const group = card.locator(`svg.stage-years g[data-year="${y.year}"]`);
        if (y.kind !== "scored") {
          expect(await group.locator("text").first().textContent()).toBe("chưa códữ liệu");
          continue;
        }
        expect(await group.locator("text.value.registrations").textContent()).toBe(formatNumber(y.registrations!));
        expect(await group.locator("text.value.recognised").textContent()).toBe(formatNumber(y.recognised!));
      }
      expect((await page.evaluate("document.documentElement.scrollWidth")) as number).toBeLessThanOrEqual(width);
      await card.screenshot({ path: `${OUT}/stage-${size}.png` });
      const sixMonth = page.locator("#so-ket-6-thang");
      expect(await sixMonth.locator("h2").innerText()).toBe(`Sơ kết 6 tháng ${DEMO_YEAR}`);
      await sixMonth.locator("details.units-without > summary").click();
      await sixMonth.screenshot({ path: `${OUT}/six-month-${size}.png` });
      await context.close();
    },
    60_000,
  );

  it("prints with both reviews in at most 6 A4 pages, the stage's charts kept", async () => {
    const context = await browser!.newContext({ ...VIEWPORTS.desktop, locale: "vi-VN" });
    const page = await context.newPage();
    await signIn(page, devScorerEmail(worker!.vars));
    expect((await page.goto(worker!.url + PATH))?.status()).toBe(200);
    const pdf = await page.pdf({ format: "A4", path: `${OUT}/dashboard-print-stage.pdf` });
    const pages = pdfPageCount(pdf);
    console.log(`printed dashboard with the six-month and stage reviews: ${pages} A4 pages`);
    expect(pages).toBeLessThanOrEqual(6);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("#tong-ket-giai-doan svg.stage-years").isVisible()).toBe(true);
    await context.close();
  }, 60_000);
});

/** Opens (or closes) every ranking section, as a person clicking each heading would. */
async function openSections(page: Page, open = true): Promise<void> {
  for (const section of await page.locator("details.group").all()) {
    if (((await section.getAttribute("open")) !== null) !== open) await section.locator(":scope > summary").click();
  }
}

async function closeSections(page: Page): Promise<void> {
  await openSections(page, false);
}

/** A text as a person types it without diacritics (and as search-key.ts folds it): "Hòa Bình" → "hoa binh". */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/ ?- ?/g, "-")
    .replace(/ ?, ?/g, ", ");
}

/** The page count of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
function pdfPageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/**
 * Signs the browser in as `email` the way a person does locally: opens the dev sign-in link (a development Access
 * JWT the Worker verifies against the emulator's JWKS), which sets the Access cookie and lands on the dashboard.
 */
async function signIn(page: Page, email: string, validFor?: number): Promise<void> {
  const link = await devSignInLink({ worker: worker!.url, team: emulator!.url, vars: worker!.vars, email, validFor });
  if (link === null) throw new Error('.dev.vars.example must set ACCESS_DEV_SIGN_IN="true" for the dev sign-in link');
  const landed = await page.goto(link);
  expect(landed?.status(), await landed?.text()).toBe(200);
  expect(new URL(page.url()).pathname).toBe("/");
}

/**
 * `wrangler dev` reloads the Worker when one of its source files changes (someone editing the tree while the test
 * runs) and answers a POST caught by the reload with this 503: such a request is sent once more.
 */
const RELOADED = /restarted mid-request/;

/** A run by a script holding the scoring token: the first, annual one, or the review named in `extra`. */
async function score(extra: Record<string, unknown> = {}): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const res = await fetch(`${worker!.url}/api/score`, {
      method: "POST",
      headers: { ...bearer(worker!, "scorer"), "Content-Type": "application/json" },
      body: JSON.stringify({ year: DEMO_YEAR, spreadsheetId: DEMO_SPREADSHEET_ID, ...extra }),
    });
    if (attempt === 2 || res.status !== 503 || !RELOADED.test(await res.clone().text())) return res;
  }
}

/** Clicks "Chấm điểm lại" (signed in: no token to type): "reloaded" when the page reloaded, else the error it shows. */
async function submitRescore(page: Page): Promise<string> {
  const form = page.locator("form#rescore");
  for (let attempt = 1; ; attempt++) {
    const reloaded = page.waitForEvent("load", { timeout: 90_000 }).then(() => "reloaded");
    // The click clears the previous error before the request goes: only a new one is waited for.
    await form.getByRole("button", { name: `Chấm điểm lại năm ${DEMO_YEAR}` }).click();
    const failed = page
      .locator("#rescore-status.error")
      .waitFor({ timeout: 90_000 })
      .then(() => "failed");
    const outcome = await Promise.race([reloaded, failed]);
    reloaded.catch(() => {});
    failed.catch(() => {});
    if (outcome === "reloaded") return outcome;
    const message = await page.locator("#rescore-status").innerText();
    if (attempt === 2 || !RELOADED.test(message)) return message;
  }
}
