/**
 * The six-month and stage reviews on the dashboard (`GET /`, SPEC §3.8, §6), over reviews the Worker really ran on the
 * emulator: the hand-worked district of test/support/review-district.ts (registrations in 2022 and 2024 only).
 */
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { postScore, READ_TOKEN } from "./support/api.ts";
import { reviewDistrict } from "./support/review-district.ts";

async function page(query: string): Promise<string> {
  const res = await SELF.fetch(`https://dvk.test/${query}`, { headers: { Authorization: `Bearer ${READ_TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

/** The element that starts with `open`, up to the first `close` after it. */
function block(html: string, open: string, close: string): string {
  const start = html.indexOf(open);
  expect(start, open).toBeGreaterThanOrEqual(0);
  return html.slice(start, html.indexOf(close, start) + close.length);
}

/** A card of the page, whole (its tables sit in sections of their own). */
function card(html: string, id: string): string {
  const start = html.indexOf(`<section class="card" id="${id}"`);
  expect(start, id).toBeGreaterThanOrEqual(0);
  const next = html.indexOf('<section class="card', start + 1);
  return html.slice(start, next < 0 ? html.indexOf("</main>", start) : next);
}

/** The group of one year in a year chart, with its bars and figures. */
function yearGroup(chart: string, year: number): string {
  const at = chart.indexOf(`data-year="${year}"`);
  expect(at, String(year)).toBeGreaterThanOrEqual(0);
  const start = chart.lastIndexOf("<g ", at);
  return chart.slice(start, chart.indexOf("</g>", at) + 4);
}

/** The figure written above each bar of a year group, by series. */
function values(group: string): Record<string, string> {
  return Object.fromEntries(
    [...group.matchAll(/<text class="value ([\w-]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => [m[1], m[2]]),
  );
}

async function run(id: string, body: Record<string, unknown>): Promise<void> {
  const res = await postScore({ year: 2024, spreadsheetId: id, ...body });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe("the dashboard of a year with its stage review stored", () => {
  let id: string;
  let html: string;
  let stage: string;

  beforeAll(async () => {
    id = await reviewDistrict(undefined, "dash-stage");
    await run(id, {});
    await run(id, { review: "giai-doan" });
    html = await page(`?spreadsheetId=${id}&year=2024`);
    stage = card(html, "tong-ket-giai-doan");
  });

  it("shows a card Tổng kết giai đoạn 2021–2025 with the stage's totals, and links to its Word report", () => {
    expect(stage).toContain(">Tổng kết giai đoạn 2021–2025</h2>");
    expect(stage).toContain("Số liệu các năm 2021–2024 (giai đoạn chưa kết thúc)");
    // 2 of the 4 years have registrations; 1 + 3 registrations, 1 + 1 recognised; X1 proposed both years.
    expect(stage).toContain("<b>2/4</b> năm có dữ liệu");
    expect(stage).toContain("<b>4</b> đăng ký");
    expect(stage).toContain("<b>2</b> được công nhận");
    expect(stage).toContain("<b>1</b> đơn vị được đề xuất");
    const href = `/api/report?year=2024&amp;review=giai-doan&amp;spreadsheetId=${id}`;
    expect(stage).toContain(`href="${href}"`);
    expect(block(html, '<header class="top">', "</header>")).toContain(
      `<a href="${href}">Báo cáo tổng kết giai đoạn 2021–2025 (Word)</a>`,
    );
    expect(html).toContain('<a href="#tong-ket-giai-doan">Tổng kết giai đoạn</a>');
  });

  it("draws registrations and recognised per year, a year with no registration as chưa có dữ liệu, not a zero bar", () => {
    const chart = block(stage, '<svg class="chart stage-chart stage-years"', "</svg>");
    expect(chart).toMatch(/role="img" aria-labelledby="stage-years-title stage-years-desc"/);
    expect(chart).toContain("2021: chưa có dữ liệu. 2022: đăng ký 1, được công nhận 1. 2023: chưa có dữ liệu.");
    for (const year of [2021, 2023]) {
      const empty = yearGroup(chart, year);
      expect(empty).toContain('class="year no-data"');
      expect(empty).toContain("chưa có");
      expect(empty).toContain("dữ liệu");
      expect(empty).not.toContain('class="bar');
    }
    expect(values(yearGroup(chart, 2022))).toEqual({ registrations: "1", recognised: "1" });
    expect(values(yearGroup(chart, 2024))).toEqual({ registrations: "3", recognised: "1" });
    // Bars stand on the same base, the taller for the larger figure: 3 registrations in 2024 against 1 in 2022.
    const heightOf = (year: number, cls: string) =>
      Number(new RegExp(`<rect class="bar ${cls}"[^>]* height="([\\d.]+)"`).exec(yearGroup(chart, year))![1]);
    expect(heightOf(2024, "registrations")).toBeCloseTo(3 * heightOf(2022, "registrations"), 0);
    expect(heightOf(2024, "recognised")).toBe(heightOf(2022, "recognised"));
  });

  it("draws the share of units meeting the quota per year", () => {
    const chart = block(stage, '<svg class="chart stage-chart stage-quota"', "</svg>");
    // X1 alone of the three units meets its quota, in 2022 and in 2024.
    expect(values(yearGroup(chart, 2022))).toEqual({ "quota-share": "33,33%" });
    expect(values(yearGroup(chart, 2024))).toEqual({ "quota-share": "33,33%" });
    expect(yearGroup(chart, 2023)).toContain("no-data");
  });

  it("draws registrations and recognised per field over the stage", () => {
    const chart = block(stage, '<svg class="chart stage-chart stage-fields"', "</svg>");
    const field = (key: string) => values(block(chart, `data-field="${key}"`, "</g>"));
    expect(field("economy")).toEqual({ registrations: "2", recognised: "1" });
    expect(field("cultureSociety")).toEqual({ registrations: "1", recognised: "0" });
    expect(field("defenceSecurity")).toEqual({ registrations: "1", recognised: "1" });
    expect(field("politicalSystem")).toEqual({ registrations: "0", recognised: "0" });
    expect(chart).toContain("Kinh tế: 2 đăng ký, 1 được công nhận.");
  });

  it("gives the same figures as a table, chưa có dữ liệu for the years without registration", () => {
    const table = block(stage, '<table class="stage-years">', "</table>");
    const row = (year: number) =>
      block(table, `<tr data-year="${year}"`, "</tr>")
        .replace(/<[^>]+>/g, "|")
        .split("|")
        .filter((c) => c.trim() !== "");
    expect(row(2021)).toEqual(["2021", "chưa có dữ liệu"]);
    expect(row(2022)).toEqual(["2022", "1", "1", "1", "1/3 (33,33%)", "1", "1"]);
    expect(row(2023)).toEqual(["2023", "chưa có dữ liệu"]);
    expect(row(2024)).toEqual(["2024", "3", "2", "1", "1/3 (33,33%)", "1", "1"]);
    const breakdown = block(stage, '<table class="stage-breakdown">', "</table>");
    expect(block(breakdown, '<tr><th scope="row">Kinh tế', "</tr>")).toContain("2 / 1");
  });

  it("offers the review to run in the re-score form", async () => {
    const form = block(html, '<select id="rescore-review">', "</select>");
    expect([...form.matchAll(/<option value="([^"]+)"/g)].map((m) => m[1])).toEqual(["nam", "6-thang", "giai-doan"]);
    expect(form).toContain("Tổng kết giai đoạn");
  });
});

describe("the dashboard of a year with its six-month review stored", () => {
  it("shows a card Sơ kết 6 tháng 2024: the cut-off, what was registered and reported, the counts, the units without", async () => {
    const id = await reviewDistrict(undefined, "dash-six");
    await run(id, { review: "6-thang" });
    // No annual result: the empty state, then the review.
    const html = await page(`?spreadsheetId=${id}&year=2024`);
    expect(html).toContain("Chưa có kết quả chấm điểm năm 2024");
    const six = card(html, "so-ket-6-thang");
    expect(six).toContain(">Sơ kết 6 tháng 2024</h2>");
    expect(six).toContain("Số liệu đến ngày sơ kết 30/06/2024");
    expect(six).toContain("<b>2</b> đăng ký đến ngày sơ kết");
    expect(six).toContain("<b>1/2 (50%)</b> đã báo cáo");
    expect(six).toContain("<b>2</b> đơn vị chưa đăng ký");
    expect(six).toContain("1 đăng ký sau ngày sơ kết không được tính ở trên.");
    const count = (key: string) =>
      block(six, `<tr data-key="${key}">`, "</tr>")
        .match(/<td class="num">(\d+)<\/td>/g)!
        .map((c) => c.replace(/\D/g, ""));
    expect(count("economy")).toEqual(["1", "1"]);
    expect(count("cultureSociety")).toEqual(["1", "0"]);
    expect(count("collective")).toEqual(["1", "1"]);
    expect(count("replicated")).toEqual(["1", "0"]);
    const without = block(six, '<details class="units-without">', "</details>");
    expect(without).toContain("<summary>Xem 2 đơn vị chưa đăng ký đến ngày sơ kết</summary>");
    expect([...without.matchAll(/<li data-unit="([^"]+)"/g)].map((m) => m[1])).toEqual(["CB1", "T1"]);
    // Without an annual result there is no unit page to link to.
    expect(without).not.toContain("/don-vi/");
    const href = `/api/report?year=2024&amp;review=6-thang&amp;spreadsheetId=${id}`;
    expect(block(html, '<header class="top">', "</header>")).toContain(
      `<a href="${href}">Báo cáo sơ kết 6 tháng 2024 (Word)</a>`,
    );
    expect(html).not.toContain('id="tong-ket-giai-doan"');
  });
});

describe("the dashboard of a year without stored reviews", () => {
  it("shows nothing of them: no card, no chart, no report link, no table-of-contents entry", async () => {
    const id = await reviewDistrict(undefined, "dash-annual");
    await run(id, {});
    const html = await page(`?spreadsheetId=${id}&year=2024`);
    expect(html).toContain("Kết quả chấm điểm năm 2024");
    for (const absent of [
      'id="so-ket-6-thang"',
      'id="tong-ket-giai-doan"',
      'class="chart stage-chart',
      "review=6-thang",
      "review=giai-doan",
      "Sơ kết 6 tháng 2024",
      "chưa có dữ liệu",
    ]) {
      expect(html).not.toContain(absent);
    }
    expect(html).toContain(`href="/api/report?year=2024&amp;review=nam&amp;spreadsheetId=${id}"`);
  });
});
