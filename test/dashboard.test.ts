/**
 * The dashboard (`GET /`) and the API reference (`GET /docs`) as a person's browser gets them, over results the
 * Worker stored after really scoring spreadsheets on the emulator.
 */
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { yearInVietnam } from "../sheets-schema/vietnam-time.ts";
import { demoSpreadsheet, DEMO_TITLE, DEMO_YEAR } from "../tools/demo/district.ts";
import { getAs, postScore, READ_TOKEN } from "./support/api.ts";
import { importSpreadsheet, SHEETS, type Grid } from "./support/sheets.ts";

interface Run {
  spreadsheetId: string;
  spreadsheetTitle: string;
  sheetIds: Record<string, number>;
  units: {
    unit: { code: string; name: string; type: string; parentCode: string | null };
    group: string;
    rank: number;
    title: string;
    takesPartInTitle: boolean;
    counted: number;
    parts: { quota: number; recognitionRate: number; vote: number; fields: number };
    reason: { code: string; lowestProposed?: number | null } | null;
  }[];
  targets: { id: string; communeCode: string | null; label: string; missing: { code: string; name: string }[] }[];
  communeTeams: { communeCode: string; communeName: string }[];
  dataErrors: { tab: string; cell: string; value: string; message: string }[];
  caller: string;
}

let n = 0;
const uniqueId = (prefix: string) => `${prefix}-${Date.now()}-${n++}`;

/** What Hono's JSX does to text: the page must show data exactly so, never as markup. */
const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/** The page as a script holding the read-only token gets it (the rescore form then asks for the scoring token). */
async function page(query: string): Promise<{ status: number; type: string; html: string }> {
  const res = await SELF.fetch(`https://dvk.test/${query}`, { headers: { Authorization: `Bearer ${READ_TOKEN}` } });
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

const REGISTRATION_HEADERS = [
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
];

/** A tiny district: a xã with one thôn, an agency with the given name, one bad date (a data error). */
function smallDistrict(agencyName: string, options: { dropColumn?: string } = {}): { title: string; values: Grid }[] {
  const registrations: Grid = [
    REGISTRATION_HEADERS,
    [
      "MH-1",
      2024,
      "XA-A",
      "Tổ hòa giải ở cơ sở",
      "Tập thể",
      "Quốc phòng - an ninh",
      "Xây dựng mới",
      "15/02/2024",
      "20/11/2024",
      "Có",
      45,
      50,
      "Có",
      "Cao",
    ],
    [
      "MH-2",
      2024,
      "CQ-1",
      "Một cửa thân thiện",
      "Tập thể",
      "Kinh tế",
      "Xây dựng mới",
      "01/03/2024",
      "10/12/2024",
      "Có",
      17,
      20,
      "Có",
      "Cao",
    ],
    [
      "MH-3",
      2024,
      "T-1",
      "Đường hoa nông thôn",
      "Tập thể",
      "Kinh tế",
      "Xây dựng mới",
      "31/02/2024",
      "10/12/2024",
      "Có",
      17,
      20,
      "Có",
      "Cao",
    ],
  ];
  const drop = options.dropColumn ? REGISTRATION_HEADERS.indexOf(options.dropColumn) : -1;
  return [
    {
      title: "Đơn vị",
      values: [
        ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Cụm thi đua"],
        ["XA-A", "Xã An Bình", "Xã, thị trấn", "", "Cụm 1"],
        ["T-1", "Thôn Đông", "Thôn, khu phố", "XA-A"],
        ["CQ-1", agencyName, "Cơ quan, đơn vị", "", "Khối cơ quan"],
      ],
    },
    { title: "Đăng ký", values: drop < 0 ? registrations : registrations.map((r) => r.filter((_, i) => i !== drop)) },
    {
      title: "Tổ, khối dân vận",
      values: [
        ["Năm", "Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xếp loại"],
        [2024, "TDV-1", "Tổ dân vận Thôn Đông", "Tổ dân vận", "T-1", "Tốt"],
        [2024, "TDV-2", "Tổ dân vận Xóm Mới", "Tổ dân vận", "T-1"],
      ],
    },
    { title: "Cấu hình", values: [["Tham số", "Giá trị"]] },
  ];
}

describe("GET / before anything was scored", () => {
  it("explains, in Vietnamese, that there is no result yet and how to score", async () => {
    const { status, type, html } = await page(`?spreadsheetId=${uniqueId("never-scored")}`);
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/html; charset=utf-8/i);
    expect(html).toMatch(/^<!DOCTYPE html><html lang="vi">/);
    const year = yearInVietnam(Date.now());
    expect(html).toContain(`Chưa có kết quả chấm điểm năm ${year}`);
    expect(html).toContain(`Chấm điểm lại năm ${year}`);
    expect(html).toContain('id="rescore-token" type="password"');
    expect(html).not.toContain('role="alert"');
  });

  it("says which spreadsheet setting is missing when none is configured or asked for", async () => {
    const { status, html } = await page("");
    expect(status).toBe(200);
    expect(html).toContain("Chưa chọn bảng tính");
  });

  it("answers 400 in Vietnamese for a year that is not a year", async () => {
    const { status, html } = await page("?year=abc&spreadsheetId=x");
    expect(status).toBe(400);
    expect(html).toContain("Năm “abc” không hợp lệ");
  });
});

describe("GET / after the demo district was scored", () => {
  const id = uniqueId("dash-demo");
  let run: Run;
  let html: string;

  beforeAll(async () => {
    const demo = demoSpreadsheet();
    await importSpreadsheet(id, demo.sheets, demo.title);
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id, caller: "Thư ký Ban Chỉ đạo" });
    expect(res.status).toBe(200);
    run = (await res.json()) as Run;
    const loaded = await page(`?spreadsheetId=${id}`);
    expect(loaded.status).toBe(200);
    html = loaded.html;
  }, 60_000);

  it("shows the latest scored year by default, and who scored it", () => {
    expect(html).toContain(`Kết quả chấm điểm năm ${DEMO_YEAR}`);
    // The run log names the authenticated caller (the scoring token here); what the body says follows it.
    expect(html).toContain("do API (mã truy cập) (Thư ký Ban Chỉ đạo) yêu cầu");
    expect(html).toMatch(new RegExp(`<option value="${DEMO_YEAR}" selected="">${DEMO_YEAR}</option>`));
  });

  it("shows the spreadsheet by its title, linking to it in Google Sheets, not by its raw id", () => {
    expect(run.spreadsheetTitle).toBe(DEMO_TITLE);
    const header = blocks(html, /<header class="top">/, "</header>")[0]!;
    expect(header).toContain(
      `<a href="https://docs.google.com/spreadsheets/d/${id}/edit" target="_blank" rel="noopener">${escapeHtml(DEMO_TITLE)}</a>`,
    );
    expect(header).not.toContain(`<code>${id}</code>`);
  });

  it("keeps the tab id of every input tab read, as Sheets numbers them", async () => {
    const res = await fetch(`${SHEETS}/${id}?fields=sheets.properties(sheetId,title)`, {
      headers: { Authorization: "Bearer test" },
    });
    const sheets = ((await res.json()) as { sheets: { properties: { sheetId: number; title: string } }[] }).sheets;
    const expected = Object.fromEntries(
      sheets
        .filter((s) => ["Đơn vị", "Đăng ký", "Tổ, khối dân vận", "Cấu hình"].includes(s.properties.title))
        .map((s) => [s.properties.title, s.properties.sheetId]),
    );
    expect(Object.keys(expected)).toHaveLength(4);
    expect(run.sheetIds).toEqual(expected);
  });

  it("ranks every unit but the thôn in a collapsed section per cluster whose heading counts units and titles", () => {
    const ranked = run.units.filter((u) => u.group !== "Thôn, khu phố");
    const rows = blocks(html, /<tr data-unit="/, "</tr>");
    expect(rows).toHaveLength(ranked.length);
    rows.forEach((row, i) => expect(row).toContain(escapeHtml(ranked[i]!.unit.name)));
    const sections = blocks(html, /<details class="group" data-group="/, "</summary>");
    const groups = [...new Set(ranked.map((u) => u.group))];
    expect(sections).toHaveLength(groups.length);
    sections.forEach((section, i) => {
      const units = ranked.filter((u) => u.group === groups[i]);
      const proposed = units.filter((u) => u.title === "title" || u.title === "exemplary").length;
      const exemplary = units.filter((u) => u.title === "exemplary").length;
      expect(section).toContain(`data-group="${escapeHtml(groups[i]!)}"`);
      expect(section).toContain(`${units.length} đơn vị · ${proposed} đề xuất · ${exemplary} tiêu biểu`);
      // 85 units to rank: every section starts closed.
      expect(section).not.toMatch(/^<details[^>]* open/);
    });
    expect(html).toContain("Dân vận khéo tiêu biểu");
  });

  it("links every unit name to its page", () => {
    for (const u of run.units) {
      expect(html).toContain(
        `href="/don-vi/${encodeURIComponent(u.unit.code)}?year=${DEMO_YEAR}&amp;spreadsheetId=${id}"`,
      );
    }
  });

  it("summarises the 370 thôn per xã: how many, how many covered, and the names of those not", () => {
    const villages = run.units.filter((u) => u.unit.type === "village");
    expect(villages.length).toBeGreaterThan(300);
    expect(villages.every((u) => !u.takesPartInTitle)).toBe(true);
    const missing = run.targets.find((t) => t.id === "villageCoverage")!.missing;
    expect(missing.length).toBeGreaterThan(0);
    const table = blocks(html, /<table class="villages">/, "</table>")[0]!;
    const rows = blocks(table, /<tr data-commune="/, "</tr>");
    const communes = new Set(villages.map((v) => v.unit.parentCode));
    expect(rows).toHaveLength(communes.size);
    for (const row of rows) {
      const code = /data-commune="([^"]*)"/.exec(row)![1]!;
      const own = villages.filter((v) => v.unit.parentCode === code);
      const uncovered = own.filter((v) => missing.some((m) => m.code === v.unit.code));
      const cells = [...row.matchAll(/<td class="num">(\d+)<\/td>/g)].map((m) => Number(m[1]));
      expect(cells).toEqual([own.length, own.length - uncovered.length]);
      expect(row.match(/<li data-village="/g)).toHaveLength(own.length);
      for (const v of uncovered) expect(row).toContain(`>${escapeHtml(v.unit.name)}</a>`);
    }
  });

  it("lists the proposed titles per cluster, only the units proposed", () => {
    const listed = [...html.matchAll(/<li data-proposed="([^"]+)"/g)].map((m) => m[1]);
    const proposed = run.units.filter((u) => ["title", "exemplary", "tieAtCap"].includes(u.title));
    expect(proposed.length).toBeGreaterThan(10);
    expect(listed).toEqual(proposed.map((u) => u.unit.code));
  });

  it("shows how each score was reached and, for a unit left without a title, why (the cut-off score)", () => {
    const rows = new Map(blocks(html, /<tr data-unit="/, "</tr>").map((r) => [/data-unit="([^"]+)"/.exec(r)![1], r]));
    const comma = (n: number) => String(n).replace(".", ",");
    for (const u of run.units) {
      const row = rows.get(u.unit.code);
      if (row === undefined) continue; // a thôn: summarised per xã
      const { quota, recognitionRate, vote, fields } = u.parts;
      if (u.counted > 0) expect(row).toContain([quota, recognitionRate, vote, fields].map(comma).join(" + "));
      if (u.reason?.code === "quotaNotMet") expect(row).toContain("Chưa đạt chỉ tiêu");
      if (u.reason?.code === "beyondCap" && typeof u.reason.lowestProposed === "number") {
        expect(row).toContain(`Ngoài số suất (điểm thấp nhất được đề xuất: ${comma(u.reason.lowestProposed)})`);
      }
    }
    expect(run.units.some((u) => u.reason?.code === "beyondCap" && rows.has(u.unit.code))).toBe(true);
  });

  it("draws every district target as an SVG bar with its goal marker and verdict", () => {
    const district = run.targets.filter((t) => t.communeCode === null);
    const figures = blocks(html, /<figure class="target"/, "</figure>");
    expect(figures).toHaveLength(district.length);
    figures.forEach((f, i) => {
      expect(f).toContain(`data-target="${district[i]!.id}"`);
      expect(f).toMatch(/<svg class="chart"[^>]*role="img"/);
      expect(f).toContain('class="goal-marker"');
      expect(f).toMatch(/>(Đạt|Chưa đạt)<\/span>/);
    });
  });

  it("draws one bar per xã in the tổ dân vận chart, against the line", () => {
    const chart = blocks(html, /<svg class="chart commune-chart"/, "</svg>")[0]!;
    expect(run.communeTeams.length).toBeGreaterThan(1);
    expect(chart.match(/<g class="commune-bar /g)).toHaveLength(run.communeTeams.length);
    expect(run.targets.filter((t) => t.communeCode !== null)).toHaveLength(run.communeTeams.length);
    for (const c of run.communeTeams) expect(chart).toContain(`data-commune="${escapeHtml(c.communeCode)}"`);
    expect(chart).toContain('class="goal-marker"');
  });

  it("lists every data error with its tab, value and message, and its cell linking to the cell in Sheets", () => {
    const table = blocks(html, /<table class="data-errors">/, "</table>")[0]!;
    const rows = blocks(table, /<tr>\s*<td>/, "</tr>");
    expect(rows).toHaveLength(run.dataErrors.length);
    rows.forEach((row, i) => {
      const e = run.dataErrors[i]!;
      const range = e.cell.slice(e.cell.lastIndexOf("!") + 1);
      const href = `https://docs.google.com/spreadsheets/d/${id}/edit#gid=${run.sheetIds[e.tab]}&amp;range=${range}`;
      expect(row).toContain(`<a class="cell" href="${href}" target="_blank" rel="noopener">${escapeHtml(e.cell)}</a>`);
      expect(row).toContain(escapeHtml(e.message));
      expect(row).toContain(escapeHtml(e.tab));
    });
    expect(html).toContain('<th scope="col">Ô</th>');
  });

  it("shows the flagged tổ/khối dân vận and the review list", () => {
    expect(html).toContain('<table class="team-flags">');
    expect(html).toMatch(/Chưa xếp loại|Xếp loại Yếu/);
    expect(html).toContain('<table class="review">');
  });

  it("offers the re-score form for this spreadsheet and year", () => {
    expect(html).toContain(`data-year="${DEMO_YEAR}"`);
    expect(html).toContain(`data-spreadsheet-id="${id}"`);
    expect(html).toContain("Ghi nhớ trong phiên này");
  });

  it("shows an empty state for a year of the same spreadsheet that was never scored", async () => {
    const { status, html: other } = await page(`?spreadsheetId=${id}&year=${DEMO_YEAR - 1}`);
    expect(status).toBe(200);
    expect(other).toContain(`Chưa có kết quả chấm điểm năm ${DEMO_YEAR - 1}`);
    expect(other).toContain(`${DEMO_YEAR - 1} (chưa có kết quả)`);
    expect(other).toContain(`href="/?year=${DEMO_YEAR}&amp;spreadsheetId=${id}"`);
  });
});

describe("GET / when a run fails", () => {
  it("shows the failure with its message instead of staying silent, and keeps the previous figures", async () => {
    const id = uniqueId("dash-fail");
    await importSpreadsheet(id, smallDistrict("Phòng Nội vụ"));
    expect((await postScore({ year: 2024, spreadsheetId: id })).status).toBe(200);
    await importSpreadsheet(id, smallDistrict("Phòng Nội vụ", { dropColumn: "Lĩnh vực" }));
    const failed = await postScore({ year: 2024, spreadsheetId: id });
    expect(failed.status).toBe(422);
    const { message } = ((await failed.json()) as { error: { message: string } }).error;

    const { html } = await page(`?spreadsheetId=${id}`);
    const banner = blocks(html, /<div class="banner failed-run" role="alert">/, "</div>");
    expect(banner).toHaveLength(1);
    expect(banner[0]).toContain("Lần chấm điểm năm 2024");
    expect(banner[0]).toContain("không thành công");
    expect(banner[0]).toContain("mã lỗi 422");
    expect(banner[0]).toContain(escapeHtml(message));
    expect(banner[0]).toContain("lần chấm điểm thành công trước đó");
    expect(html).toContain('<tr data-unit="CQ-1" ');
  });

  it("shows the failure of a spreadsheet that was never scored successfully", async () => {
    const id = uniqueId("dash-fail-first");
    await importSpreadsheet(id, smallDistrict("Phòng Nội vụ", { dropColumn: "Năm" }));
    expect((await postScore({ year: 2024, spreadsheetId: id })).status).toBe(422);
    const { html } = await page(`?spreadsheetId=${id}&year=2024`);
    expect(html).toContain('<div class="banner failed-run" role="alert">');
    expect(html).toContain("Chưa có kết quả chấm điểm năm 2024");
  });
});

describe("GET / escapes what people typed", () => {
  it("shows a unit named like markup as text, in the ranking and everywhere else", async () => {
    const id = uniqueId("dash-escape");
    const name = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    await importSpreadsheet(id, smallDistrict(name));
    expect((await postScore({ year: 2024, spreadsheetId: id })).status).toBe(200);
    const { html } = await page(`?spreadsheetId=${id}`);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain(escapeHtml(name));
    // The only scripts on the page are the filter box's and the re-score form's own.
    expect(html.match(/<script/g)).toHaveLength(2);
  });

  it("lists the small district's bad date with its cell", async () => {
    const id = uniqueId("dash-cells");
    await importSpreadsheet(id, smallDistrict("Phòng Nội vụ"));
    const run = (await (await postScore({ year: 2024, spreadsheetId: id })).json()) as Run;
    expect(run.dataErrors.map((e) => e.cell)).toContain("'Đăng ký'!H4");
    const { html } = await page(`?spreadsheetId=${id}`);
    expect(html).toMatch(
      new RegExp(`<a class="cell" href="[^"]*#gid=\\d+&amp;range=H4"[^>]*>${escapeHtml("'Đăng ký'!H4")}</a>`),
    );
    expect(html).toContain("<code>31/02/2024</code>");
  });
});

describe("GET /docs", () => {
  it("lists every operation of /openapi.json with its body fields and responses, as plain HTML", async () => {
    const res = await getAs("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain("<code>POST /api/score</code>");
    expect(html).toContain("<code>GET /api/results</code>");
    expect(html).toContain("Chấm điểm, xếp hạng và ghi kết quả vào bảng tính");
    expect(html).toContain("<code>dryRun</code>");
    expect(html).toContain("Năm chấm điểm");
    expect(html).toContain("<code>401</code>");
    expect(html).toContain('id="schema-ScoreRun"');
    expect(html).not.toMatch(/<script|<link[^>]+https?:/);
  });
});
