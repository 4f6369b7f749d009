import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ScoreRunSchema } from "../src/api/score-run-schema.ts";
import { demoSpreadsheet, DEMO_YEAR } from "../tools/demo/district.ts";
import { postScore, TOKEN, type RunJson } from "./support/api.ts";
import { importSpreadsheet, readTab, sheetTitles, snapshot } from "./support/sheets.ts";
import { parseStrict } from "./support/strict-schema.ts";

const demo = demoSpreadsheet();
let n = 0;
/** Each test scores its own copy of the demo district, so tests never see each other's writes. */
async function freshDemo(): Promise<string> {
  const id = `demo-${Date.now()}-${n++}`;
  await importSpreadsheet(id, demo.sheets, demo.title);
  return id;
}

describe("POST /api/score on the demo district", () => {
  it("scores, writes every generated tab and answers with the whole result", async () => {
    const id = await freshDemo();
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    expect(res.status).toBe(200);
    const run = (await res.json()) as RunJson;
    expect(run.year).toBe(DEMO_YEAR);
    expect(run.tabsWritten).toEqual(
      expect.arrayContaining([
        `Xếp hạng ${DEMO_YEAR}`,
        `Kết quả mô hình ${DEMO_YEAR}`,
        `Chỉ tiêu ${DEMO_YEAR}`,
        "Lỗi dữ liệu",
      ]),
    );
    expect(run.units.length).toBeGreaterThan(400);
    expect(run.dataErrors.length).toBeGreaterThan(0); // the demo has a few typing mistakes

    const titles = await sheetTitles(id);
    for (const t of run.tabsWritten)
      expect(titles.find((s) => s.title === t)).toMatchObject({ hidden: false, frozen: 1 });
    expect(titles.map((t) => t.title)).toContain("Nhật ký chấm điểm");
  });

  it("answers POST /api/score and GET /api/results with exactly the fields the API reference documents", async () => {
    const id = await freshDemo();
    const scored = parseStrict(ScoreRunSchema, await (await postScore({ year: DEMO_YEAR, spreadsheetId: id })).json());
    expect(scored.targets.find((t) => t.id === "villageCoverage")?.missing.length).toBeGreaterThan(0);
    expect(scored.targets.find((t) => t.id === "titleShare")?.goal).toEqual({ kind: "between", min: 0.25, max: 0.3 });
    const stored = await SELF.fetch(`https://dvk.test/api/results?year=${DEMO_YEAR}&spreadsheetId=${id}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(stored.status).toBe(200);
    expect(stored.headers.get("Cache-Control")).toBe("private, no-store"); // names and votes of people
    expect(parseStrict(ScoreRunSchema, await stored.json())).toEqual(scored);
  });

  it("writes each target's goal in Mục tiêu as people read it", async () => {
    const id = await freshDemo();
    await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    const grid = await readTab(id, `Chỉ tiêu ${DEMO_YEAR}`);
    const goals = new Map(grid.slice(1).map((r) => [r[0], r[1]]));
    expect(goals.get("Tỷ lệ đơn vị được đề xuất danh hiệu “Dân vận khéo” (kể cả tiêu biểu)")).toBe("25% – 30%");
    expect(goals.get("Số đơn vị được đề xuất “Dân vận khéo” tiêu biểu")).toBe("3 – 5");
    expect(goals.get("Tỷ lệ tổ dân vận xếp loại Tốt")).toBe("> 70%");
    expect(goals.get("Tỷ lệ khối dân vận xếp loại Tốt")).toBe("> 75%");
    expect(goals.get("Tỷ lệ đơn vị đạt chỉ tiêu mô hình, điển hình")).toBe("≥ 100%");
  });

  it("writes the ranking tab exactly as the result ranks the units, numbers as numbers", async () => {
    const id = await freshDemo();
    const run = (await (await postScore({ year: DEMO_YEAR, spreadsheetId: id })).json()) as RunJson;
    const grid = await readTab(id, `Xếp hạng ${DEMO_YEAR}`);
    const header = grid[0]!;
    expect(header).toEqual([
      "Cụm thi đua",
      "Hạng",
      "Mã đơn vị",
      "Tên đơn vị",
      "Loại đơn vị",
      "Số đăng ký",
      "Số tính chỉ tiêu",
      "Được công nhận",
      "Tập thể",
      "Cá nhân",
      "Số lĩnh vực",
      "Điểm",
      "Điểm chỉ tiêu",
      "Điểm tỷ lệ công nhận",
      "Điểm bình chọn",
      "Điểm lĩnh vực",
      "Đạt chỉ tiêu",
      "Đề xuất danh hiệu",
      "Lý do",
      "Cảnh báo",
    ]);
    const rows = grid.slice(1);
    expect(rows).toHaveLength(run.units.length);
    rows.forEach((row, i) => {
      const u = run.units[i]!;
      expect([row[0], row[1], row[2], row[3], row[11]]).toEqual([u.group, u.rank, u.unit.code, u.unit.name, u.score]);
      expect(row.slice(12, 16)).toEqual([u.parts.quota, u.parts.recognitionRate, u.parts.vote, u.parts.fields]);
    });
    expect(typeof rows[0]![11]).toBe("number");
    expect(typeof rows[0]![12]).toBe("number");
  });

  it("shows the score and its four parts with two decimals in Xếp hạng, as the README's example reads them", async () => {
    const id = await freshDemo();
    const run = (await (await postScore({ year: DEMO_YEAR, spreadsheetId: id })).json()) as RunJson;
    const shown = await readTab(id, `Xếp hạng ${DEMO_YEAR}`, "FORMATTED_VALUE");
    // The demo spreadsheet is en_US (decimal point); a vi_VN one shows the same pattern with a decimal comma.
    const twoDecimals = (n: number) => n.toFixed(2);
    run.units.forEach((u, i) => {
      const row = shown[i + 1]!;
      expect(row.slice(11, 16)).toEqual(
        [u.score, u.parts.quota, u.parts.recognitionRate, u.parts.vote, u.parts.fields].map(twoDecimals),
      );
    });
    // Counts and ranks stay whole numbers.
    expect(shown[1]![1]).toBe(String(run.units[0]!.rank));
  });

  it("lists every data error of the demo in the Lỗi dữ liệu tab with its cell", async () => {
    const id = await freshDemo();
    const run = (await (await postScore({ year: DEMO_YEAR, spreadsheetId: id })).json()) as RunJson;
    const grid = await readTab(id, "Lỗi dữ liệu");
    expect(grid[0]).toEqual(["Trang tính", "Ô", "Giá trị", "Lỗi"]);
    expect(grid.slice(1).map((r) => r[1])).toEqual(run.dataErrors.map((e) => e.cell));
    expect(run.dataErrors.every((e) => /^'.+'![A-Z]+\d+$/.test(e.cell))).toBe(true);
  });

  it("gives identical generated tabs when run twice, and adds one log row per run", async () => {
    const id = await freshDemo();
    const first = (await (await postScore({ year: DEMO_YEAR, spreadsheetId: id })).json()) as RunJson;
    const tabsAfterFirst = await Promise.all(first.tabsWritten.map((t) => readTab(id, t)));
    const second = await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    expect(second.status).toBe(200);
    const tabsAfterSecond = await Promise.all(first.tabsWritten.map((t) => readTab(id, t)));
    expect(tabsAfterSecond).toEqual(tabsAfterFirst);
    const log = await readTab(id, "Nhật ký chấm điểm");
    expect(log).toHaveLength(3); // header + two runs
  });

  it("never writes an input tab", async () => {
    const id = await freshDemo();
    const before = await Promise.all(demo.sheets.map((s) => readTab(id, s.title, "FORMULA")));
    await postScore({ year: DEMO_YEAR, spreadsheetId: id });
    const after = await Promise.all(demo.sheets.map((s) => readTab(id, s.title, "FORMULA")));
    expect(after).toEqual(before);
  });

  it("writes nothing on a dry run but still answers with the result", async () => {
    const id = await freshDemo();
    const before = await snapshot(id);
    const res = await postScore({ year: DEMO_YEAR, spreadsheetId: id, dryRun: true });
    expect(res.status).toBe(200);
    const run = (await res.json()) as RunJson;
    expect(run.tabsWritten).toEqual([]);
    expect(run.units.length).toBeGreaterThan(0);
    expect(await snapshot(id)).toBe(before);
  });
});
