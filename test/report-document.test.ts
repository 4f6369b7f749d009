/**
 * The Word report's builder on its own, without HTTP: the demo district scored by the pure pipeline, the document
 * packed as the Worker packs it, and read back from its zip (page setup, fonts) and through mammoth (content).
 */
import { Packer } from "docx";
import { beforeAll, describe, expect, it } from "vitest";
import { formatNumber } from "../scoring/format.ts";
import { TITLE_LABEL } from "../scoring/labels.ts";
import type { ScoreRun } from "../src/jobs/score-spreadsheet.ts";
import { reportDocument } from "../src/report/report-document.ts";
import { scoreWorkbook } from "../sheets-schema/pipeline.ts";
import type { RawTabs } from "../sheets-schema/types.ts";
import { demoScoreRun } from "../tools/report/demo-run.ts";
import { docxHtml, docxPart, docxText, htmlTables, tableStartingWith } from "./support/docx.ts";

let run: ScoreRun;
let bytes: ArrayBuffer;
let text: string;
let tables: string[][][];

beforeAll(async () => {
  run = demoScoreRun();
  bytes = await Packer.toArrayBuffer(reportDocument({ review: "nam", run }));
  text = await docxText(bytes);
  tables = htmlTables(await docxHtml(bytes));
}, 60_000);

describe("page setup and type (Nghị định 30/2020/NĐ-CP)", () => {
  it("is A4 portrait with margins top and bottom 20 mm, left 30 mm, right 15 mm", () => {
    const section = docxPart(bytes, "word/document.xml").match(/<w:sectPr>.*<\/w:sectPr>/)?.[0] ?? "";
    // Twips: 1 mm = 56.7; A4 = 11906 × 16838.
    expect(section).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const margin = section.match(/<w:pgMar ([^>]*)\/>/)?.[1] ?? "";
    const mm = (side: string) => Number(margin.match(new RegExp(`w:${side}="(\\d+)"`))?.[1]) / 56.7;
    expect(mm("top")).toBeCloseTo(20, 0);
    expect(mm("bottom")).toBeCloseTo(20, 0);
    expect(mm("left")).toBeCloseTo(30, 0);
    expect(mm("right")).toBeCloseTo(15, 0);
  });

  it("sets Times New Roman 14 pt as the document's default font", () => {
    const styles = docxPart(bytes, "word/styles.xml");
    const defaults = styles.match(/<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/)?.[1] ?? "";
    expect(defaults).toMatch(
      /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/,
    );
    expect(defaults).toContain('<w:sz w:val="28"/>');
    // No run anywhere asks for a smaller size than 11 pt (Nơi nhận) or for another font.
    const xml = docxPart(bytes, "word/document.xml");
    for (const m of xml.matchAll(/<w:sz w:val="(\d+)"\/>/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(22);
    expect(xml).not.toMatch(/<w:rFonts w:ascii="(?!Times New Roman)/);
  });

  it("repeats the header row of every data table at the top of each page, and never splits a row", () => {
    const xml = docxPart(bytes, "word/document.xml");
    const bordered = tables.filter(
      (t) => t[0]?.[0] === "STT" || t[0]?.[0] === "Nội dung" || t[0]?.[0] === "Lĩnh vực, loại",
    );
    expect(bordered.length).toBeGreaterThanOrEqual(8);
    expect(xml.match(/<w:tblHeader\/>/g)?.length).toBe(bordered.length);
    expect(xml).toContain("<w:cantSplit/>");
  });

  it("numbers the pages at the top, from the second page on", () => {
    expect(docxPart(bytes, "word/document.xml")).toContain("<w:titlePg/>");
    const headers = ["word/header1.xml", "word/header2.xml"].map((p) => docxPart(bytes, p));
    expect(headers.some((h) => h.includes("PAGE"))).toBe(true);
  });
});

describe("the administrative header and the end", () => {
  it("has the issuing body, the number to fill, the quốc hiệu, tiêu ngữ and the place and date line", () => {
    const header = tables[0]!;
    expect(header).toHaveLength(1);
    const [left, right] = header[0]!;
    expect(left).toContain("BAN CHỈ ĐẠO “DÂN VẬN KHÉO”");
    expect(left).toContain("Số: ……/BC-BCĐ");
    expect(right).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(right).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(right).toContain("……………, ngày …… tháng …… năm ……");
    const xml = docxPart(bytes, "word/document.xml");
    expect(xml).toMatch(/<w:b\/>(?:<[^>]+\/>)*<\/w:rPr><w:t xml:space="preserve">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    expect(xml).toMatch(/<w:i\/>(?:<[^>]+\/>)*<\/w:rPr><w:t xml:space="preserve">……………, ngày/);
  });

  it("is titled BÁO CÁO with the trích yếu naming the year", () => {
    expect(text).toContain(`BÁO CÁO\n\nKết quả phong trào thi đua “Dân vận khéo” năm ${run.year}`);
  });

  it("marks, highlighted, the three places the committee writes itself", () => {
    for (const heading of ["II. ĐÁNH GIÁ CHUNG", "III. TỒN TẠI, HẠN CHẾ", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ"]) {
      expect(text).toMatch(new RegExp(`${heading}\\n\\n\\[Ban Chỉ đạo viết [^\\]]+\\]`));
    }
    const xml = docxPart(bytes, "word/document.xml");
    expect(
      xml.match(/<w:highlight w:val="yellow"\/>(?:<[^>]+\/>)*<\/w:rPr><w:t xml:space="preserve">\[Ban Chỉ đạo viết/g),
    ).toHaveLength(3);
  });

  it("ends with Nơi nhận and the signature block, the signer's name left to fill", () => {
    const end = tables.at(-1)!;
    expect(end[0]![0]).toMatch(/^Nơi nhận:/);
    expect(end[0]![0]).toContain("Lưu: VT.");
    expect(end[0]![1]).toMatch(/^TM\. BAN CHỈ ĐẠO\s*TRƯỞNG BAN[\s\S]*………$/);
  });
});

describe("the figures of the year", () => {
  it("states the overview counts", () => {
    const table = tableStartingWith(tables, "Nội dung", "Số lượng")!;
    const row = (label: string) => table.find((r) => r[0] === label);
    expect(row("Số đơn vị tham gia phong trào")?.[1]).toBe(formatNumber(run.units.length));
    expect(row(`Mô hình, điển hình đăng ký năm ${run.year}`)?.[1]).toBe(formatNumber(run.registrations.length));
    const counted = run.registrations.filter((r) => r.counted);
    const recognised = counted.filter((r) => r.recognised).length;
    expect(row("Được công nhận (trong số tính chỉ tiêu)")?.slice(1)).toEqual([
      formatNumber(recognised),
      `${formatNumber((recognised / counted.length) * 100)}%`,
    ]);
    const exemplary = run.units.filter((u) => u.title === "exemplary").length;
    expect(exemplary).toBeGreaterThan(0);
    expect(row("Trong đó: “Dân vận khéo tiêu biểu”")?.[1]).toBe(String(exemplary));
  });

  it("lists every district target with its goal, actual figure and verdict", () => {
    const table = tableStartingWith(tables, "Chỉ tiêu", "Mục tiêu", "Thực hiện", "Đánh giá")!;
    const district = run.targets.filter((t) => t.communeCode === null);
    expect(table.slice(1).map((r) => [r[1], r[4]])).toEqual(district.map((t) => [t.label, t.met ? "Đạt" : "Chưa đạt"]));
    expect(district.some((t) => !t.met)).toBe(true);
  });

  it("lists every proposed unit under its cụm with rank, score and title, tiêu biểu marked, and no other unit", () => {
    const proposed = run.units.filter((u) => u.title !== "none");
    const listedRows = tables
      .filter((t) => t[0]?.includes("Đề xuất danh hiệu"))
      .flatMap((t) => t.slice(1).map((r) => r.slice(1)));
    expect(listedRows).toEqual(
      proposed.map((u) => [u.unit.name, String(u.rank), formatNumber(u.score), TITLE_LABEL[u.title]]),
    );
    // Each cụm table follows the sentence naming the cụm.
    const first = proposed[0]!;
    expect(text).toMatch(
      new RegExp(`${first.group}: \\d+ đơn vị[^\\n]*\\n\\nSTT\\n\\nĐơn vị[\\s\\S]*?${first.unit.name}`),
    );
  });

  it("lists the tổ dân vận per xã and every flagged team, with its name and its Mã tổ", () => {
    const communes = tableStartingWith(tables, "Xã, thị trấn", "Số tổ dân vận")!;
    expect(communes.slice(1).map((r) => r[1])).toEqual(run.communeTeams.map((c) => c.communeName));
    const flagged = tableStartingWith(tables, "Tên tổ, khối", "Mã tổ")!;
    expect(flagged.slice(1).map((r) => [r[1], r[2]])).toEqual(
      run.teamFlags.map((f) => [f.team.name ?? "", f.team.teamId]),
    );
  });

  it("lists the models to review and the data errors with their tab and cell", () => {
    const review = tableStartingWith(tables, "Mã mô hình", "Đơn vị")!;
    expect(review.slice(1).map((r) => r[3])).toEqual(run.review.map((i) => i.registration.name));
    // Lý do: what each failed this year (a registration is listed only when it was not recognised).
    for (const row of review.slice(1)) expect(row[5]).toMatch(/\S/);
    expect(
      review.slice(1).some((r) => r[5]!.includes("; ") || /Tỷ lệ đồng ý|Đăng ký ngày|Sức lan tỏa/.test(r[5]!)),
    ).toBe(true);
    const errors = tableStartingWith(tables, "Trang tính", "Ô", "Giá trị", "Lỗi")!;
    expect(run.dataErrors.length).toBeGreaterThan(0);
    expect(errors.slice(1).map((r) => r.slice(1))).toEqual(
      run.dataErrors.map((e) => [e.tab, e.cell, e.value, e.message]),
    );
  });
});

/** A hand-made annual run of `tabs` for 2024, as the Worker stores it (run details fixed). */
function runOf(tabs: RawTabs): ScoreRun {
  const base = demoScoreRun();
  const { result, errors } = scoreWorkbook(tabs, 2024);
  return { ...base, ...result, dataErrors: errors };
}

const UNITS_HEADER = ["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Đơn vị cấp trên", "Cụm thi đua"];
const REGISTRATION_HEADER = [
  ["Mã mô hình", "Năm", "Mã đơn vị", "Tên mô hình, điển hình", "Loại", "Lĩnh vực", "Hình thức", "Ngày đăng ký"],
  ["Bình chọn công khai", "Số phiếu đồng ý", "Tổng số phiếu", "Tập thể thừa nhận", "Sức lan tỏa"],
].flat();
/** A registration every criterion recognises. */
const passing = (model: string, unit: string) => [
  ...[model, 2024, unit, `Mô hình ${model}`, "Tập thể", "Kinh tế", "Xây dựng mới", "01/03/2024"],
  ...["Có", 90, 100, "Có", "Cao"],
];

describe("the annual report where the committee must decide", () => {
  it("says which units are tied at the tiêu biểu threshold, under 3a and beside each of them under 3b", async () => {
    // 20 chi bộ in one cụm, 6 with the same recognised model: 6 may be proposed, at most 5 tiêu biểu, and the 6
    // share rank 1 (SPEC §3.4: they stay “Dân vận khéo” with the warning).
    const units = Array.from({ length: 20 }, (_, i) => [`CB${i + 1}`, `Chi bộ số ${i + 1}`, "Chi bộ", "", "Cụm A"]);
    const run = runOf({
      "Đơn vị": [UNITS_HEADER, ...units],
      "Đăng ký": [REGISTRATION_HEADER, ...[1, 2, 3, 4, 5, 6].map((i) => passing(`MH-${i}`, `CB${i}`))],
    });
    const tied = run.units.filter((u) => u.flags.some((f) => f.code === "tieAtExemplaryCap"));
    expect(tied.map((u) => [u.unit.code, u.title])).toEqual([1, 2, 3, 4, 5, 6].map((i) => [`CB${i}`, "title"]));

    const doc = await Packer.toArrayBuffer(reportDocument({ review: "nam", run }));
    const docText = await docxText(doc);
    const names = tied.map((u) => u.unit.name).join("; ");
    expect(docText).toContain(
      `6 đơn vị đồng hạng tại ngưỡng tiêu biểu – Ban Chỉ đạo xem xét (đang được đề xuất “Dân vận khéo”): ${names}.`,
    );
    const group = tableStartingWith(htmlTables(await docxHtml(doc)), "Đơn vị", "Hạng", "Điểm")!;
    expect(group.slice(1).map((r) => r[4])).toEqual(
      tied.map(() => "Dân vận khéo (đồng hạng tại ngưỡng tiêu biểu – Ban Chỉ đạo xem xét)"),
    );
  });

  it("names a flagged tổ by its Mã tổ when it has no name, and does not say no tổ was rated when some were", async () => {
    // Thôn typed without `Đơn vị cấp trên`: their tổ count in the district's share but under no xã.
    const run = runOf({
      "Đơn vị": [UNITS_HEADER, ["T1", "Thôn Một", "Thôn", "", ""], ["CB1", "Chi bộ 1", "Chi bộ", "", ""]],
      "Đăng ký": [REGISTRATION_HEADER, passing("MH-1", "CB1")],
      "Tổ, khối dân vận": [
        ["Năm", "Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xếp loại"],
        [2024, "TDV-07", "", "Tổ dân vận", "T1", ""],
        [2024, "TDV-08", "", "Tổ dân vận", "T1", "Tốt"],
      ],
    });
    expect(run.communeTeams).toEqual([]);
    const doc = await Packer.toArrayBuffer(reportDocument({ review: "nam", run }));
    const docText = await docxText(doc);
    expect(docText).not.toContain("Chưa có tổ dân vận được xếp loại");
    expect(docText).toContain("Chưa có tổ dân vận nào thuộc xã, thị trấn trong năm này.");
    const flagged = tableStartingWith(htmlTables(await docxHtml(doc)), "Tên tổ, khối", "Mã tổ")!;
    expect(flagged.slice(1).map((r) => r.slice(1, 4))).toEqual([["", "TDV-07", "Tổ dân vận"]]);
  });
});
