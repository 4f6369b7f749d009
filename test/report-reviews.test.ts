/**
 * `GET /api/report` for the six-month and stage reviews (SPEC §3.8, §6), end to end in workerd: the small district
 * of test/support/review-district.ts reviewed on the emulator through `POST /api/score` with `review`, the Word
 * report downloaded and read back with mammoth; 404 until that review of that year has run.
 */
import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { postScore, READ_TOKEN } from "./support/api.ts";
import { docxHtml, docxText, htmlTables, tableStartingWith } from "./support/docx.ts";
import { reviewDistrict as district } from "./support/review-district.ts";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

function getReport(id: string, query: string): Promise<Response> {
  return SELF.fetch(`https://dvk.test/api/report?spreadsheetId=${id}&${query}`, {
    headers: { Authorization: `Bearer ${READ_TOKEN}` },
  });
}

async function review(id: string, kind: "6-thang" | "giai-doan"): Promise<void> {
  const res = await postScore({ year: 2024, spreadsheetId: id, review: kind });
  expect(res.status, kind).toBe(200);
  await res.body?.cancel();
}

async function readReport(res: Response): Promise<{ text: string; tables: string[][][] }> {
  expect(res.status).toBe(200);
  expect(res.headers.get("Content-Type")).toBe(DOCX);
  const bytes = await res.arrayBuffer();
  return { text: await docxText(bytes), tables: htmlTables(await docxHtml(bytes)) };
}

async function notFound(res: Response): Promise<string> {
  expect(res.status).toBe(404);
  return ((await res.json()) as { error: { message: string } }).error.message;
}

describe("GET /api/report?review=6-thang", () => {
  it("is 404 until the six-month review of the year ran, then the report of its counts", async () => {
    const id = await district();
    expect(await notFound(await getReport(id, "year=2024&review=6-thang"))).toBe(
      "Chưa có kết quả sơ kết 6 tháng năm 2024 cho bảng tính này: hãy chấm điểm trước.",
    );
    // The annual run of the same year is not a six-month review.
    const annual = await postScore({ year: 2024, spreadsheetId: id });
    expect(annual.status).toBe(200);
    await annual.body?.cancel();
    expect((await getReport(id, "year=2024&review=6-thang")).status).toBe(404);

    await review(id, "6-thang");
    const res = await getReport(id, "year=2024&review=6-thang");
    expect(res.headers.get("Content-Disposition")).toContain(
      'filename="bao-cao-so-ket-6-thang-dan-van-kheo-2024.docx"',
    );
    const { text, tables } = await readReport(res);
    expect(text).toContain("BÁO CÁO\n\nSơ kết 6 tháng đầu năm 2024 phong trào thi đua “Dân vận khéo”");
    expect(text).toContain("đến ngày sơ kết 30/06/2024");
    // X1 registered Mô hình A (reported 20/06) and Điển hình B by the cut-off; CB1's Mô hình C came on 01/08.
    expect(tableStartingWith(tables, "Nội dung", "Số lượng")?.slice(1)).toEqual([
      ["Số đơn vị tham gia phong trào", "3", ""],
      ["Mô hình, điển hình đăng ký đến ngày sơ kết", "2", ""],
      ["Trong đó: đã báo cáo đến ngày sơ kết", "1", "50%"],
      ["Đơn vị đã đăng ký", "1", "33,33%"],
      ["Đơn vị chưa đăng ký", "2", "66,67%"],
      ["Đăng ký sau ngày sơ kết (chưa tính)", "1", ""],
    ]);
    const counts = tableStartingWith(tables, "Lĩnh vực, loại, hình thức")!;
    expect(counts.find((r) => r[0] === "Kinh tế")).toEqual(["Kinh tế", "1", "1", "100%"]);
    expect(counts.find((r) => r[0] === "Văn hóa - xã hội")).toEqual(["Văn hóa - xã hội", "1", "0", "0%"]);
    expect(counts.find((r) => r[0] === "Nhân rộng")).toEqual(["Nhân rộng", "1", "0", "0%"]);
    expect(counts.at(-1)).toEqual(["Tổng số", "2", "1", "50%"]);
    expect(tableStartingWith(tables, "Cụm thi đua", "Số đơn vị")?.slice(1)).toEqual([
      ["1", "Cụm 1", "1", "1", "Chi bộ 1"],
      ["2", "Thôn, khu phố", "1", "1", "Thôn Một"],
    ]);
    expect(text).toContain("Không có lỗi dữ liệu.");
    expect(text).toContain("IV. NHIỆM VỤ 6 THÁNG CUỐI NĂM");
  });
});

describe("GET /api/report?review=giai-doan", () => {
  it("is 404 until the stage review ran, then the years side by side, 2021 and 2023 `chưa có dữ liệu`", async () => {
    const id = await district();
    expect(await notFound(await getReport(id, "year=2024&review=giai-doan"))).toContain(
      "Chưa có kết quả tổng kết giai đoạn chứa năm 2024",
    );
    await review(id, "6-thang");
    expect((await getReport(id, "year=2024&review=giai-doan")).status).toBe(404);

    await review(id, "giai-doan");
    const { text, tables } = await readReport(await getReport(id, "year=2024&review=giai-doan"));
    expect(text).toContain("BÁO CÁO\n\nTổng kết giai đoạn 2021–2025 phong trào thi đua “Dân vận khéo”");
    expect(text).toContain("Số liệu các năm 2021–2024 (giai đoạn đến năm 2025 chưa kết thúc).");
    // 2022: X1's one model, recognised, X1 the one unit of three meeting its quota, tiêu biểu. 2024: three rows,
    // two counted (Duy trì is not), one recognised (Điển hình B was late); X1 again tiêu biểu.
    expect(tableStartingWith(tables, "Năm", "Số đăng ký")?.slice(1)).toEqual([
      ["2021", "chưa có dữ liệu (không có đăng ký nào)"],
      ["2022", "1", "1", "1", "1/3", "33,33%", "1", "1"],
      ["2023", "chưa có dữ liệu (không có đăng ký nào)"],
      ["2024", "3", "2", "1", "1/3", "33,33%", "1", "1"],
      ["Tổng", "4", "3", "2", ""],
    ]);
    const [registered, recognised] = tables.filter((t) => t[0]?.[0] === "Lĩnh vực, loại");
    expect(registered?.[0]).toEqual(["Lĩnh vực, loại", "2022", "2024", "Cả giai đoạn"]);
    expect(registered?.find((r) => r[0] === "Kinh tế")).toEqual(["Kinh tế", "0", "2", "2"]);
    expect(registered?.find((r) => r[0] === "Quốc phòng - an ninh")).toEqual(["Quốc phòng - an ninh", "1", "0", "1"]);
    expect(recognised?.at(-1)).toEqual(["Tổng số", "1", "1", "2"]);
    expect(text).toContain("Năm 2021, 2023: chưa có dữ liệu (không có dòng đăng ký nào)");
    expect(tableStartingWith(tables, "Đơn vị", "Cụm thi đua", "Các năm được đề xuất")?.slice(1)).toEqual([
      ["1", "Xã Tân Phú", "Xã, thị trấn", "2022 (tiêu biểu), 2024 (tiêu biểu)"],
    ]);
    expect(tableStartingWith(tables, "Đơn vị", "Cụm thi đua", "Số năm")?.slice(1)).toEqual([
      ["1", "Xã Tân Phú", "Xã, thị trấn", "2", "2022, 2024"],
    ]);
    expect(text).toContain("III. BÀI HỌC KINH NGHIỆM");
  });
});
