/**
 * `GET /api/report` (SPEC §6) as a person or a script gets it: the demo district really scored through the emulator,
 * the Word document downloaded and read back with mammoth, the access and error answers.
 */
import { SELF } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../scoring/format.ts";
import { DEMO_YEAR, demoSpreadsheet } from "../tools/demo/district.ts";
import { getAs, postScore, READ_TOKEN, SCORER_EMAIL } from "./support/api.ts";
import { docxHtml, docxPart, docxText, htmlTables, tableStartingWith } from "./support/docx.ts";
import { type Grid, importSpreadsheet } from "./support/sheets.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

interface Run {
  year: number;
  units: { unit: { code: string; name: string }; group: string; rank: number; score: number; title: string }[];
  registrations: { counted: boolean; recognised: boolean }[];
  targets: { label: string; communeCode: string | null; met: boolean }[];
  dataErrors: { tab: string; cell: string; value: string; message: string }[];
  review: { registration: { name: string } }[];
}

let n = 0;
const uniqueId = (prefix: string) => `${prefix}-${Date.now()}-${n++}`;

function getReport(query: string, token: string | null = READ_TOKEN): Promise<Response> {
  const headers: Record<string, string> = token === null ? {} : { Authorization: `Bearer ${token}` };
  return SELF.fetch(`https://dvk.test/api/report?${query}`, { headers });
}

describe("GET /api/report after the demo district was scored", () => {
  const id = uniqueId("report-demo");
  let run: Run;
  let res: Response;
  let text: string;
  let tables: string[][][];

  beforeAll(async () => {
    const demo = demoSpreadsheet();
    await importSpreadsheet(id, demo.sheets, demo.title);
    const scored = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    expect(scored.status).toBe(200);
    run = (await scored.json()) as Run;
    res = await getReport(`year=${DEMO_YEAR}&review=nam&spreadsheetId=${id}`);
    const bytes = await res.arrayBuffer();
    text = await docxText(bytes);
    tables = htmlTables(await docxHtml(bytes));
  }, 90_000);

  it("answers a Word document to download, named in ASCII and in Vietnamese", () => {
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toBe(DOCX);
    expect(res.headers.get("Cache-Control")).toBe("private, no-store");
    expect(res.headers.get("Content-Disposition")).toBe(
      `attachment; filename="bao-cao-dan-van-kheo-${DEMO_YEAR}.docx"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20D%C3%A2n%20v%E1%BA%ADn%20kh%C3%A9o%20${DEMO_YEAR}.docx`,
    );
  });

  it("carries the quốc hiệu, tiêu ngữ and the title with the year", () => {
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain(`BÁO CÁO\n\nKết quả phong trào thi đua “Dân vận khéo” năm ${DEMO_YEAR}`);
    expect(text).toContain("Số: ……/BC-BCĐ");
  });

  it("states the counts of the stored run", () => {
    const overview = tableStartingWith(tables, "Nội dung", "Số lượng")!;
    const counted = run.registrations.filter((r) => r.counted);
    expect(overview.slice(1, 6).map((r) => r.slice(0, 2))).toEqual([
      ["Số đơn vị tham gia phong trào", formatNumber(run.units.length)],
      ["Số đơn vị xét danh hiệu", expect.any(String)],
      [`Mô hình, điển hình đăng ký năm ${DEMO_YEAR}`, formatNumber(run.registrations.length)],
      ["Tính chỉ tiêu (Xây dựng mới, Nhân rộng)", formatNumber(counted.length)],
      ["Được công nhận (trong số tính chỉ tiêu)", formatNumber(counted.filter((r) => r.recognised).length)],
    ]);
  });

  it("gives each target's verdict", () => {
    const targets = tableStartingWith(tables, "Chỉ tiêu", "Mục tiêu", "Thực hiện", "Đánh giá")!;
    const coverage = run.targets.find((t) => t.label.startsWith("Tỷ lệ thôn, khu phố"))!;
    const row = targets.find((r) => r[1] === coverage.label)!;
    expect(row[4]).toBe(coverage.met ? "Đạt" : "Chưa đạt");
    expect(targets).toHaveLength(1 + run.targets.filter((t) => t.communeCode === null).length);
  });

  it("names a proposed unit under its cụm, and the tiêu biểu ones", () => {
    const exemplary = run.units.find((u) => u.title === "exemplary")!;
    const cluster = text.indexOf(`\n${exemplary.group}: `);
    expect(cluster).toBeGreaterThan(0);
    const next = text.slice(cluster).search(/\n\n[^\n]+: \d+ đơn vị, /);
    const block = text.slice(cluster, next > 0 ? cluster + next + 2 : undefined);
    expect(block).toContain(
      `${exemplary.unit.name}\n\n${exemplary.rank}\n\n${formatNumber(exemplary.score)}\n\nDân vận khéo tiêu biểu`,
    );
    const tieuBieu = tableStartingWith(tables, "Đơn vị", "Cụm thi đua", "Điểm")!;
    expect(
      tieuBieu
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(
      run.units
        .filter((u) => u.title === "exemplary")
        .map((u) => u.unit.name)
        .sort(),
    );
  });

  it("lists the models to review and every data error with its cell", () => {
    const review = tableStartingWith(tables, "Mã mô hình", "Đơn vị")!;
    expect(review).toHaveLength(1 + run.review.length);
    const errors = tableStartingWith(tables, "Trang tính", "Ô", "Giá trị", "Lỗi")!;
    expect(errors.slice(1).map((r) => r[2])).toEqual(run.dataErrors.map((e) => e.cell));
    expect(errors[1]![2]).toMatch(/^'Đăng ký'!/);
  });

  it("is served to a person signed in through Access, a reader, as to a scorer", async () => {
    for (const email of ["reader@dvk.test", SCORER_EMAIL]) {
      const r = await getAs(`/api/report?year=${DEMO_YEAR}&review=nam&spreadsheetId=${id}`, email);
      expect(r.status).toBe(200);
      expect(r.headers.get("Content-Type")).toBe(DOCX);
      await r.body?.cancel();
    }
  });

  it("is linked from the dashboard's header, and the link downloads it", async () => {
    const page = await (await getAs(`/?year=${DEMO_YEAR}&spreadsheetId=${id}`)).text();
    const href = `/api/report?year=${DEMO_YEAR}&amp;review=nam&amp;spreadsheetId=${id}`;
    const header = page.slice(page.indexOf('<header class="top">'), page.indexOf("</header>"));
    expect(header).toContain(`<a href="${href}">Tải báo cáo (Word)</a>`);
    const r = await getAs(href.replace(/&amp;/g, "&"));
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe(DOCX);
    await r.body?.cancel();
  });

  it("answers 404 in Vietnamese for a review not stored for this spreadsheet", async () => {
    const r = await getReport(`year=${DEMO_YEAR}&review=6-thang&spreadsheetId=${id}`);
    expect(r.status).toBe(404);
    const body = (await r.json()) as { error: { message: string } };
    expect(body.error.message).toContain(`Chưa có kết quả sơ kết 6 tháng năm ${DEMO_YEAR}`);
  });
});

describe("GET /api/report refuses", () => {
  it("a caller without identity (401)", async () => {
    const r = await getReport(`year=2024&review=nam&spreadsheetId=x`, null);
    expect(r.status).toBe(401);
    await r.body?.cancel();
  });

  it("a bad year or review, naming the field (400)", async () => {
    for (const [query, field] of [
      ["year=abc&review=nam&spreadsheetId=x", "year"],
      ["year=2024&review=quy&spreadsheetId=x", "review"],
    ] as const) {
      const r = await getReport(query);
      expect(r.status).toBe(400);
      const body = (await r.json()) as { error: { field: string; message: string } };
      expect(body.error.field).toBe(field);
      expect(body.error.message).toContain(`"${field}"`);
    }
    // A year that is no number reads as one after coercion (NaN): the message must not say it received a number.
    const missing = (await (await getReport("review=nam&spreadsheetId=x")).json()) as { error: { message: string } };
    expect(missing.error.message).toBe(
      'Trường "year" không hợp lệ: cần số, nhận được giá trị không phải số (hoặc bỏ trống).',
    );
  });

  it("a year never scored (404, in Vietnamese)", async () => {
    const r = await getReport(`year=2024&review=nam&spreadsheetId=${uniqueId("never-scored")}`);
    expect(r.status).toBe(404);
    const body = (await r.json()) as { error: { message: string } };
    expect(body.error.message).toBe("Chưa có kết quả chấm điểm năm 2024 cho bảng tính này: hãy chấm điểm trước.");
  });

  it("another method (405), and documents the route in OpenAPI", async () => {
    const post = await SELF.fetch("https://dvk.test/api/report?year=2024", {
      method: "POST",
      headers: { Authorization: `Bearer ${READ_TOKEN}` },
    });
    expect(post.status).toBe(405);
    await post.body?.cancel();
    const doc = (await (await getAs("/openapi.json")).json()) as {
      paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }>;
    };
    const get = doc.paths["/api/report"]?.get;
    expect(Object.keys(get?.responses ?? {}).sort()).toEqual(["200", "400", "401", "404"]);
    expect(Object.keys(get?.responses["200"]?.content ?? {})).toEqual([DOCX]);
    const docs = await getAs("/docs");
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain("/api/report");
  });
});

describe("GET /api/report over names that look like formulas", () => {
  it("prints a unit named `=…`, `+…`, `@…` as typed, never as a field or formula", async () => {
    const id = uniqueId("report-formula");
    const registrations: Grid = [
      ["Mã mô hình", "Năm", "Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức", "Ngày đăng ký"],
      ["MH-1", 2024, "T-1", '=HYPERLINK("http://x")', "Tập thể", "Kinh tế", "Xây dựng mới", "31/02/2024"],
    ];
    await importSpreadsheet(id, [
      {
        title: "Đơn vị",
        values: [
          ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Cụm thi đua"],
          ["XA-A", "+Xã An Bình", "Xã, thị trấn", "", "Cụm 1"],
          ["T-1", "=SUM(1,2) Thôn Đông", "Thôn, khu phố", "XA-A"],
        ],
      },
      { title: "Đăng ký", values: registrations },
      {
        title: "Tổ, khối dân vận",
        values: [
          ["Năm", "Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xếp loại"],
          [2024, "TDV-1", "@Tổ dân vận Thôn Đông", "Tổ dân vận", "T-1"],
        ],
      },
      { title: "Cấu hình", values: [["Tham số", "Giá trị"]] },
    ]);
    const scored = await postScore({ year: 2024, spreadsheetId: id });
    expect(scored.status).toBe(200);
    await scored.body?.cancel();
    const bytes = await (await getReport(`year=2024&review=nam&spreadsheetId=${id}`)).arrayBuffer();
    const tables = htmlTables(await docxHtml(bytes));
    expect(tableStartingWith(tables, "Xã, thị trấn")?.[1]?.[1]).toBe("+Xã An Bình");
    expect(tableStartingWith(tables, "Tên tổ, khối")?.[1]?.slice(1, 5)).toEqual([
      "@Tổ dân vận Thôn Đông",
      "TDV-1",
      "Tổ dân vận",
      "=SUM(1,2) Thôn Đông",
    ]);
    expect(tableStartingWith(tables, "Trang tính", "Ô")?.[1]?.[3]).toBe("31/02/2024");
    // Text runs only: no field (Word's formulas) anywhere in the body.
    const body = docxPart(bytes, "word/document.xml");
    expect(body).toContain("=SUM(1,2) Thôn Đông");
    expect(body).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar/);
  });
});
