/**
 * One unit's page (`GET /don-vi/{Mã đơn vị}?year=Y`) as a person's browser gets it, over results the Worker stored
 * after really scoring the demo district on the emulator (two years of its stage scored, the others not).
 */
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../scoring/format.ts";
import { CRITERION_LABEL, noTitleReasonLabel, UNIT_TYPE_LABEL } from "../scoring/labels.ts";
import type { ScoringResult } from "../scoring/types.ts";
import { DEMO_SEED, DEMO_TITLE, DEMO_YEAR, demoSpreadsheet, generateDistrict } from "../tools/demo/district.ts";
import { toSpreadsheet } from "../tools/demo/workbook.ts";
import { getAs, postScore, READ_TOKEN } from "./support/api.ts";
import { type Grid, importSpreadsheet } from "./support/sheets.ts";

type Run = ScoringResult & {
  spreadsheetId: string;
  sheetIds: Record<string, number>;
  dataErrors: { tab: string; cell: string; value: string; message: string; unitCode?: string }[];
};

let n = 0;
const uniqueId = (prefix: string) => `${prefix}-${Date.now()}-${n++}`;

/** What Hono's JSX does to text: the page must show data exactly so, never as markup. */
const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

async function page(path: string): Promise<{ status: number; type: string; html: string }> {
  const res = await SELF.fetch(`https://dvk.test${path}`, { headers: { Authorization: `Bearer ${READ_TOKEN}` } });
  return { status: res.status, type: res.headers.get("Content-Type") ?? "", html: await res.text() };
}

/** The text of every element of the page that starts with `open` (no nesting of the same tag inside). */
function blocks(html: string, open: RegExp, close: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(new RegExp(open.source, "g"))) {
    const end = html.indexOf(close, m.index);
    found.push(html.slice(m.index, end + close.length));
  }
  return found;
}

/** Markup stripped, entities of the escaper undone, white space collapsed: the text a person reads. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

const comma = formatNumber;

describe("GET /don-vi/{Mã đơn vị} on the demo district, scored for two years of the stage", () => {
  const id = uniqueId("unit-demo");
  let run: Run;
  let previous: Run;
  const href = (code: string, year = DEMO_YEAR) =>
    `/don-vi/${encodeURIComponent(code)}?year=${year}&spreadsheetId=${id}`;

  beforeAll(async () => {
    const demo = demoSpreadsheet();
    await importSpreadsheet(id, demo.sheets, demo.title);
    const before = await postScore({ year: DEMO_YEAR - 1, spreadsheetId: id });
    expect(before.status).toBe(200);
    previous = (await before.json()) as Run;
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    expect(res.status).toBe(200);
    run = (await res.json()) as Run;
  }, 90_000);

  it("shows a proposed unit's code, name, type, cụm, rank in its cụm, score, quota and title", async () => {
    const u = run.units.find((x) => x.title === "title" && x.unit.cluster !== null)!;
    const groupSize = run.units.filter((x) => x.group === u.group).length;
    const { status, type, html } = await page(href(u.unit.code));
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html; charset=utf-8/i);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="vi">/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    expect(html).toContain(`<h1>${escapeHtml(u.unit.name)}</h1>`);
    expect(text(html)).toContain(`Mã đơn vị ${u.unit.code} · ${UNIT_TYPE_LABEL[u.unit.type]} · ${u.group}`);
    expect(text(blocks(html, /<dd class="big" data-fact="rank">/, "</dd>")[0]!)).toBe(`${u.rank}/${groupSize}`);
    expect(text(blocks(html, /<dd class="big" data-fact="score">/, "</dd>")[0]!).trim()).toBe(comma(u.score));
    expect(text(blocks(html, /<dd data-fact="quota">/, "</dd>")[0]!)).toContain("Có");
    expect(text(blocks(html, /<dd data-fact="title">/, "</dd>")[0]!)).toContain("Dân vận khéo");
    expect(html).not.toContain('data-fact="reason"');
    expect(text(html)).toContain(`Hạng trong ${u.group}`);
  });

  it("shows each of the four score parts with its rule and the unit's own R, N, T, V, F", async () => {
    const u = run.units.find((x) => x.title === "title" && x.counted > 0)!;
    const rules = run.scoreRules;
    const { html } = await page(href(u.unit.code));
    const parts = blocks(html, /<li data-part="/, "</li>").map(text);
    expect(parts).toHaveLength(4);
    expect(parts[0]).toContain(`Điểm chỉ tiêu${comma(u.parts.quota)}`);
    expect(parts[0]).toContain(
      `${comma(rules.weights.quota)} × min(${u.recognised}/${comma(rules.targetModels)}, 1) = ${comma(u.parts.quota)}`,
    );
    expect(parts[1]).toContain(`Điểm tỷ lệ công nhận${comma(u.parts.recognitionRate)}`);
    expect(parts[1]).toContain(
      `${comma(rules.weights.recognitionRate)} × ${u.recognised}/${u.counted} = ${comma(u.parts.recognitionRate)}`,
    );
    expect(parts[2]).toContain(`Điểm bình chọn${comma(u.parts.vote)}`);
    expect(parts[2]).toContain(
      `${comma(rules.weights.vote)} × ${comma(u.meanApproval * 100)}% = ${comma(u.parts.vote)}`,
    );
    expect(parts[3]).toContain(`Điểm lĩnh vực${comma(u.parts.fields)}`);
    expect(parts[3]).toContain(
      `${comma(rules.weights.fields)} × min(${u.fields}/${comma(rules.targetFields)}, 1) = ${comma(u.parts.fields)}`,
    );
    const inputs = blocks(html, /<div data-input="/, "</div>").map(text);
    expect(inputs.map((i) => i.split(" =")[0])).toEqual(["R", "N", "T", "V", "F", "Ft"]);
    expect(inputs[0]).toContain(`R = ${u.recognised}`);
    expect(inputs[1]).toContain(`N = ${u.counted}`);
  });

  it("lists the unit's registrations of the year, each with every criterion in force, Công nhận and the reason", async () => {
    const u = run.units.find((x) =>
      run.registrations.some((v) => v.registration.unitCode === x.unit.code && !v.recognised),
    )!;
    const own = run.registrations.filter((v) => v.registration.unitCode === u.unit.code);
    const { html } = await page(href(u.unit.code));
    const articles = blocks(html, /<article class="registration"/, "</article>");
    expect(articles).toHaveLength(own.length);
    articles.forEach((a, i) => {
      const v = own[i]!;
      expect(a).toContain(escapeHtml(v.registration.name));
      const criteria = blocks(a, /<li data-criterion="/, "</li>").map(text);
      expect(criteria).toHaveLength(run.criteriaInForce.length);
      run.criteriaInForce.forEach((c, j) => {
        const verdict = v.criteria.find((x) => x.criterion === c)!;
        expect(criteria[j]).toContain(`${verdict.passed ? "Đạt" : "Không đạt"} ${CRITERION_LABEL[c]}`);
        if (!verdict.passed) expect(criteria[j]).toContain(verdict.reason);
      });
      const verdictLine = text(blocks(a, /<p class="recognised">/, "</p>")[0]!);
      expect(verdictLine).toContain(`Công nhận: ${v.recognised ? "Có" : "Không"}`);
      const failed = v.criteria.filter((c) => !c.passed).map((c) => c.reason);
      if (failed.length > 0) expect(verdictLine).toContain(`Lý do: ${failed.join("; ")}`);
    });
  });

  it("says why a unit in the quota was left without a title: the cut-off score", async () => {
    const u = run.units.find((x) => x.reason?.code === "beyondCap")!;
    const { html } = await page(href(u.unit.code));
    const reason = text(blocks(html, /<dd data-fact="reason">/, "</dd>")[0]!);
    expect(reason).toBe(noTitleReasonLabel(u.reason));
    expect(reason).toMatch(/^Ngoài số suất \(điểm thấp nhất được đề xuất: \d+,\d+\)$/);
    expect(text(blocks(html, /<dd data-fact="quota">/, "</dd>")[0]!)).toContain("Có");
  });

  it("lists the data errors of a unit's rows with tab, cell (a link to it in Sheets), value and message", async () => {
    const known = new Set(run.units.map((u) => u.unit.code));
    const e = run.dataErrors.find((x) => x.unitCode !== undefined && known.has(x.unitCode))!;
    const theirs = run.dataErrors.filter((x) => x.unitCode === e.unitCode);
    const { html } = await page(href(e.unitCode!));
    const items = blocks(html, /<ul class="unit-errors">/, "</ul>")[0]!;
    const rows = blocks(items, /<li>/, "</li>");
    expect(rows).toHaveLength(theirs.length);
    const row = rows[theirs.indexOf(e)]!;
    // The same address as the dashboard's: the tab's id selects the tab, the range the cell in it.
    const range = e.cell.slice(e.cell.lastIndexOf("!") + 1);
    const link = `https://docs.google.com/spreadsheets/d/${id}/edit#gid=${run.sheetIds[e.tab]}&range=${range}`;
    expect(row).toContain(`href="${escapeHtml(link)}"`);
    expect(text(row)).toContain(e.cell);
    expect(text(row)).toContain(e.value);
    expect(text(row)).toContain(e.message);
    // Another unit's errors are not on this page.
    const other = run.dataErrors.find((x) => x.unitCode !== e.unitCode)!;
    expect(html).not.toContain(escapeHtml(other.cell));
  });

  it("shows the history of the stage 2021–2025: two scored years with their figures, the others “chưa chấm”", async () => {
    const u = run.units.find((x) => x.title !== "none")!;
    const before = previous.units.find((x) => x.unit.code === u.unit.code)!;
    const { html } = await page(href(u.unit.code));
    expect(text(html)).toContain("Quá trình giai đoạn 2021–2025");
    const rows = blocks(html, /<tr data-year="/, "</tr>");
    expect(rows.map((r) => r.match(/data-year="(\d+)"/)![1])).toEqual(["2021", "2022", "2023", "2024", "2025"]);
    for (const i of [0, 1, 4]) expect(text(rows[i]!)).toContain("chưa chấm");
    const size = (r: Run, g: string) => r.units.filter((x) => x.group === g).length;
    expect(text(rows[2]!)).toContain(
      `${before.recognised}/${before.counted}${comma(before.score)}${before.rank}/${size(previous, before.group)}`,
    );
    expect(text(rows[3]!)).toContain(`${u.recognised}/${u.counted}${comma(u.score)}${u.rank}/${size(run, u.group)}`);
    expect(text(rows[3]!)).toContain("Dân vận khéo");
    expect(rows[3]).toContain('aria-current="true"');
  });

  it("finds a unit whatever the case of its code in the address", async () => {
    const u = run.units[0]!;
    const { status, html } = await page(href(u.unit.code.toLowerCase()));
    expect(status).toBe(200);
    expect(html).toContain(`<h1>${escapeHtml(u.unit.name)}</h1>`);
  });

  it("answers 404 in Vietnamese for a unit code that is not a unit, even one typed in Đăng ký", async () => {
    const typo = run.dataErrors.find(
      (x) => x.unitCode !== undefined && !run.units.some((u) => u.unit.code === x.unitCode),
    );
    for (const code of ["KHONG-CO", typo?.unitCode ?? "X99T99"]) {
      const { status, html } = await page(href(code));
      expect(status).toBe(404);
      expect(html).toContain("Không tìm thấy đơn vị");
      expect(html).toContain(`Không có đơn vị mã “${escapeHtml(code)}” trong kết quả chấm điểm năm ${DEMO_YEAR}`);
    }
  });

  it("answers 404 for a year without a stored result, and 400 for a year that is not a year", async () => {
    const u = run.units[0]!;
    const missing = await page(href(u.unit.code, DEMO_YEAR - 2));
    expect(missing.status).toBe(404);
    expect(missing.html).toContain(`Chưa có kết quả chấm điểm năm ${DEMO_YEAR - 2}`);
    const bad = await page(`/don-vi/${u.unit.code}?year=hai-nghin&spreadsheetId=${id}`);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain("Năm “hai-nghin” không hợp lệ");
  });

  it("has the dashboard's access: a person signed in through Access reads it, nobody else gets anything of it", async () => {
    const u = run.units[0]!;
    const signedIn = await getAs(href(u.unit.code));
    expect(signedIn.status).toBe(200);
    expect(await signedIn.text()).toContain(escapeHtml(u.unit.name));
    const anonymous = await SELF.fetch(`https://dvk.test${href(u.unit.code)}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.text()).not.toContain(escapeHtml(u.unit.name));
  });

  it("is linked from every unit name of the dashboard", async () => {
    const { html } = await page(`/?year=${DEMO_YEAR}&spreadsheetId=${id}`);
    // Each unit is named at least once (its ranking row, or the list of thôn of its xã), each time with its link.
    for (const u of run.units) {
      expect(html).toContain(
        `<a class="unit-link" href="${escapeHtml(href(u.unit.code))}">${escapeHtml(u.unit.name)}</a>`,
      );
    }
  });
});

describe("GET /don-vi/{Mã đơn vị} escapes what people typed", () => {
  it("shows a unit named like markup or a formula as text", async () => {
    const id = uniqueId("unit-escape");
    const name = `<b>Phòng</b> =X <script>alert(1)</script>`;
    await importSpreadsheet(id, tinyDistrict(name));
    expect((await postScore({ year: 2024, spreadsheetId: id })).status).toBe(200);
    const { status, html } = await page(`/don-vi/CQ-1?year=2024&spreadsheetId=${id}`);
    expect(status).toBe(200);
    expect(html).not.toContain("<b>Phòng");
    expect(html).not.toContain("<script");
    expect(html).toContain(`<h1>${escapeHtml(name)}</h1>`);
    expect(html).toContain(`<title>${escapeHtml(`${name} – Dân vận khéo năm 2024`)}</title>`);
    // Its registration's bad date is listed on its page, with the cell.
    expect(text(html)).toContain("'Đăng ký'!H3");
    expect(text(html)).toContain("31/02/2024");
  });
});

/** A xã and an agency named `agencyName`; the agency has a sound registration and one with an impossible date. */
function tinyDistrict(agencyName: string): { title: string; values: Grid }[] {
  const reg = (id: string, date: string): (string | number)[] => [
    id,
    2024,
    "CQ-1",
    "Một cửa thân thiện",
    "Tập thể",
    "Kinh tế",
    "Xây dựng mới",
    date,
    "10/12/2024",
    "Có",
    17,
    20,
    "Có",
    "Cao",
  ];
  return [
    {
      title: "Đơn vị",
      values: [
        ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Cụm thi đua"],
        ["XA-A", "Xã An Bình", "Xã, thị trấn", "", "Cụm 1"],
        ["CQ-1", agencyName, "Cơ quan, đơn vị", "", "Khối cơ quan"],
      ],
    },
    {
      title: "Đăng ký",
      values: [
        [
          "Mã mô hình",
          "Năm",
          "Mã đơn vị",
          "Tên mô hình, điển hình",
          "Loại",
          "Lĩnh vực",
          "Hình thức",
          "Ngày đăng ký",
          "Ngày báo cáo",
          "Bình chọn công khai",
          "Số phiếu đồng ý",
          "Tổng số phiếu",
          "Tập thể thừa nhận",
          "Sức lan tỏa",
        ],
        reg("MH-1", "01/03/2024"),
        reg("MH-2", "31/02/2024"),
      ],
    },
    { title: "Tổ, khối dân vận", values: [["Năm", "Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xếp loại"]] },
    { title: "Cấu hình", values: [["Tham số", "Giá trị"]] },
  ];
}

describe("GET /don-vi/{Mã đơn vị} when Cấu hình names the stage (Giai đoạn)", () => {
  it("shows the history of that stage, not of the five-year stage holding the year", async () => {
    const id = uniqueId("unit-stage");
    const tabs = generateDistrict({ seed: DEMO_SEED });
    tabs["Cấu hình"]?.push(["Giai đoạn", "2020-2024"]);
    const sheet = toSpreadsheet(DEMO_TITLE, tabs);
    await importSpreadsheet(id, sheet.sheets, sheet.title);
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    expect(res.status).toBe(200);
    const scored = (await res.json()) as Run & { stagePeriod: { first: number; last: number } };
    expect(scored.stagePeriod).toEqual({ first: 2020, last: 2024 });
    const code = scored.units[0]!.unit.code;
    const { html } = await page(`/don-vi/${encodeURIComponent(code)}?year=${DEMO_YEAR}&spreadsheetId=${id}`);
    expect(text(html)).toContain("Quá trình giai đoạn 2020–2024");
    const rows = blocks(html, /<tr data-year="/, "</tr>");
    expect(rows.map((r) => r.match(/data-year="(\d+)"/)![1])).toEqual(["2020", "2021", "2022", "2023", "2024"]);
    expect(rows[4]).toContain('aria-current="true"');
  }, 90_000);
});
