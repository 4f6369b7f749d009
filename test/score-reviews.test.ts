import { env, runDurableObjectAlarm, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { RunProgressSchema } from "../src/api/schemas.ts";
import { ReviewRunSchema, ScoreRunSchema, SixMonthRunSchema, StageRunSchema } from "../src/api/score-run-schema.ts";
import { postScore, TOKEN } from "./support/api.ts";
import { reviewDistrict as district } from "./support/review-district.ts";
import { readTab, sheetTitles, snapshot, type Grid } from "./support/sheets.ts";
import { parseStrict } from "./support/strict-schema.ts";

function results(id: string, query: string): Promise<Response> {
  return SELF.fetch(`https://dvk.test/api/results?spreadsheetId=${id}&${query}`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
}

/** Rows as Google returns them: trailing empty cells trimmed. */
function trimmed(rows: Grid): Grid {
  return rows.map((r) => {
    const row = [...r];
    while (row.length > 0 && (row[row.length - 1] === "" || row[row.length - 1] === null)) row.pop();
    return row;
  });
}

describe("the six-month review (review: 6-thang)", () => {
  it("writes Sơ kết 6 tháng {Y} with the units, then the counts, and answers the counts", async () => {
    const id = await district();
    const res = await postScore({ year: 2024, spreadsheetId: id, review: "6-thang" });
    expect(res.status).toBe(200);
    const run = parseStrict(SixMonthRunSchema, await res.json());
    expect(run.reviewKind).toBe("6-thang");
    expect(run.tabsWritten).toEqual(["Sơ kết 6 tháng 2024", "Lỗi dữ liệu"]);
    expect(run.sixMonth).toMatchObject({ cutoff: "2024-06-30", registered: 2, reported: 1, afterCutoff: 1 });

    const grid = await readTab(id, "Sơ kết 6 tháng 2024");
    expect(grid.slice(0, 4)).toEqual(
      trimmed([
        [
          "Mã đơn vị",
          "Tên đơn vị",
          "Loại đơn vị",
          "Cụm thi đua",
          "Đăng ký đến ngày sơ kết",
          "Tập thể",
          "Cá nhân",
          "Đã báo cáo",
          "Cảnh báo",
        ],
        ["CB1", "Chi bộ 1", "Chi bộ", "Cụm 1", 0, 0, 0, 0, "Chưa đăng ký"],
        ["T1", "Thôn Một", "Thôn, khu phố", "", 0, 0, 0, 0, "Chưa đăng ký"],
        ["X1", "Xã Tân Phú", "Xã, thị trấn", "", 2, 1, 1, 1, ""],
      ]),
    );
    expect(grid[4] ?? []).toEqual([]);
    expect(grid.slice(5, 11)).toEqual([
      ["Lĩnh vực", "Đăng ký đến ngày sơ kết", "Đã báo cáo"],
      ["Kinh tế", 1, 1],
      ["Văn hóa - xã hội", 1, 0],
      ["Quốc phòng - an ninh", 0, 0],
      ["Xây dựng hệ thống chính trị", 0, 0],
      ["Tổng cộng", 2, 1],
    ]);
    expect(grid).toContainEqual(["Tập thể", 1, 1]);
    expect(grid).toContainEqual(["Duy trì", 0, 0]);
    expect(grid.at(-1)).toEqual(["Số liệu đến ngày sơ kết 30/06/2024; không tính 1 đăng ký sau ngày sơ kết."]);

    const titles = await sheetTitles(id);
    expect(titles.find((t) => t.title === "Sơ kết 6 tháng 2024")).toMatchObject({ hidden: false, frozen: 1 });
    expect(titles.map((t) => t.title)).not.toContain("Xếp hạng 2024");
    const log = await readTab(id, "Nhật ký chấm điểm");
    expect(String(log[1]?.at(-1))).toMatch(/^Sơ kết 6 tháng: Thành công/);
  });

  it("moves with Ngày sơ kết 6 tháng", async () => {
    const id = await district([
      ["Tham số", "Giá trị"],
      ["Ngày sơ kết 6 tháng", "31/08"],
    ]);
    const run = parseStrict(
      SixMonthRunSchema,
      await (await postScore({ year: 2024, spreadsheetId: id, review: "6-thang" })).json(),
    );
    expect(run.sixMonth.cutoff).toBe("2024-08-31");
    expect(run.sixMonth.units.find((u) => u.unit.code === "CB1")).toMatchObject({ registered: 1, flags: [] });
  });
});

describe("the stage review (review: giai-doan)", () => {
  it("writes Tổng kết {Y1}-{Y2} with columns only for the years that have registrations", async () => {
    const id = await district();
    const res = await postScore({ year: 2024, spreadsheetId: id, review: "giai-doan" });
    expect(res.status).toBe(200);
    const run = parseStrict(StageRunSchema, await res.json());
    expect(run.tabsWritten).toEqual(["Tổng kết 2021-2025", "Lỗi dữ liệu"]);
    expect(run.stage).toMatchObject({ years: [2021, 2022, 2023, 2024], scoredYears: [2022, 2024] });

    const grid = await readTab(id, "Tổng kết 2021-2025");
    expect(grid[0]).toEqual([
      "Mã đơn vị",
      "Tên đơn vị",
      "Loại đơn vị",
      "Cụm thi đua",
      "Số tính chỉ tiêu 2022",
      "Được công nhận 2022",
      "Điểm 2022",
      "Hạng 2022",
      "Đề xuất danh hiệu 2022",
      "Số tính chỉ tiêu 2024",
      "Được công nhận 2024",
      "Điểm 2024",
      "Hạng 2024",
      "Đề xuất danh hiệu 2024",
      "Tổng số tính chỉ tiêu",
      "Tổng được công nhận",
      "Số năm đạt chỉ tiêu",
      "Số năm được đề xuất",
      "Số năm tiêu biểu",
    ]);
    const x1 = grid.find((r) => r[0] === "X1");
    expect(x1).toEqual([
      "X1",
      "Xã Tân Phú",
      "Xã, thị trấn",
      "",
      1,
      1,
      66,
      1,
      "Dân vận khéo tiêu biểu",
      2,
      1,
      56,
      1,
      "Dân vận khéo tiêu biểu",
      3,
      2,
      2,
      2,
      2,
    ]);
    expect(grid.find((r) => r[0] === "T1")?.[8]).toBe("Không xét danh hiệu");
    expect(grid[4] ?? []).toEqual([]);
    expect(grid[5]?.[0]).toBe("Năm");
    expect(grid.slice(6, 10).map((r) => r.slice(0, 4))).toEqual([
      [2021, "chưa có dữ liệu"],
      [2022, 1, 1, 1],
      [2023, "chưa có dữ liệu"],
      [2024, 3, 2, 1],
    ]);
    expect(grid[7]?.[6]).toBeCloseTo(1 / 3); // share of units meeting the quota, a number
    const economy = grid.find((r) => r[0] === "Kinh tế");
    expect(economy).toEqual([
      "Kinh tế",
      "chưa có dữ liệu",
      "chưa có dữ liệu",
      0,
      0,
      "chưa có dữ liệu",
      "chưa có dữ liệu",
      2,
      1,
      2,
      1,
    ]);

    const titles = (await sheetTitles(id)).map((t) => t.title);
    expect(titles.some((t) => /^(Xếp hạng|Kết quả mô hình|Chỉ tiêu|Rà soát) /.test(t))).toBe(false);
  });

  it("covers the stage named in Giai đoạn", async () => {
    const id = await district([
      ["Tham số", "Giá trị"],
      ["Giai đoạn", "2022-2023"],
    ]);
    const run = parseStrict(
      StageRunSchema,
      await (await postScore({ year: 2024, spreadsheetId: id, review: "giai-doan" })).json(),
    );
    expect(run.stage.years).toEqual([2022, 2023]);
    expect(run.tabsWritten[0]).toBe("Tổng kết 2022-2023");
  });
});

describe("the three reviews side by side", () => {
  it("leaves the annual tabs alone, and GET /api/results serves the latest run of each review", async () => {
    const id = await district();
    const annual = parseStrict(ScoreRunSchema, await (await postScore({ year: 2024, spreadsheetId: id })).json());
    expect(annual.reviewKind).toBe("nam");
    const annualTabs = annual.tabsWritten.filter((t) => t !== "Lỗi dữ liệu");
    const before = await Promise.all(annualTabs.map((t) => readTab(id, t)));

    await postScore({ year: 2024, spreadsheetId: id, review: "6-thang" });
    await postScore({ year: 2024, spreadsheetId: id, review: "giai-doan" });
    expect(await Promise.all(annualTabs.map((t) => readTab(id, t)))).toEqual(before);

    for (const [query, kind] of [
      ["year=2024", "nam"],
      ["year=2024&review=nam", "nam"],
      ["year=2024&review=6-thang", "6-thang"],
      ["year=2024&review=giai-doan", "giai-doan"],
    ] as const) {
      const res = await results(id, query);
      expect(res.status, query).toBe(200);
      expect(parseStrict(ReviewRunSchema, await res.json()).reviewKind, query).toBe(kind);
    }
    expect((await results(id, "year=2023&review=6-thang")).status).toBe(404);
  });

  it("refuses a review it does not know, naming the field", async () => {
    const res = await postScore({ year: 2024, spreadsheetId: "x", review: "quy" });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { field?: string; message: string } };
    expect(body.error.field).toBe("review");
    expect(body.error.message).toContain("6-thang");
  });
});

describe("a year with no registration row at all", () => {
  it("is refused by the annual and six-month reviews with a message naming the year and Đăng ký; nothing is written", async () => {
    const id = await district();
    const before = await snapshot(id);
    for (const review of ["nam", "6-thang"]) {
      const res = await postScore({ year: 2023, spreadsheetId: id, review });
      expect(res.status, review).toBe(422);
      const body = (await res.json()) as { error: { code: string; message: string; where?: string } };
      expect(body.error.code).toBe("no_registrations");
      expect(body.error.message).toContain("năm 2023");
      expect(body.error.message).toContain('"Đăng ký"');
      expect(body.error.where).toBe("'Đăng ký'");
    }
    expect(await snapshot(id)).toBe(before);
  });

  it("is refused by the stage review only when no year of the stage has any", async () => {
    const id = await district([
      ["Tham số", "Giá trị"],
      ["Giai đoạn", "2016-2020"],
    ]);
    const before = await snapshot(id);
    const res = await postScore({ year: 2024, spreadsheetId: id, review: "giai-doan" });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("no_registrations");
    expect(body.error.message).toContain("giai đoạn 2016-2020");
    expect(await snapshot(id)).toBe(before);
  });
});

describe("a review run in the background", () => {
  it("carries the review through its steps, writes its tab and stores its result under it", async () => {
    const id = await district();
    const res = await postScore({ year: 2024, spreadsheetId: id, review: "giai-doan", background: true });
    expect(res.status).toBe(202);
    const started = parseStrict(RunProgressSchema, await res.json());
    expect(started.reviewKind).toBe("giai-doan");
    const stub = env.SCORER.get(env.SCORER.idFromName(id));
    let last = started;
    for (let i = 0; i < 20 && last.status === "running"; i++) {
      await runDurableObjectAlarm(stub);
      const polled = await SELF.fetch(`https://dvk.test/api/runs/${started.runId}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      last = parseStrict(RunProgressSchema, await polled.json());
    }
    expect(last).toMatchObject({ status: "succeeded", reviewKind: "giai-doan" });
    expect(last.summary).toMatchObject({
      units: 3,
      registrations: 4,
      tabsWritten: ["Tổng kết 2021-2025", "Lỗi dữ liệu"],
    });
    expect(last.resultUrl).toBe(`/api/results?year=2024&spreadsheetId=${id}&review=giai-doan`);
    const stored = await SELF.fetch(`https://dvk.test${last.resultUrl}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(parseStrict(StageRunSchema, await stored.json()).stage.scoredYears).toEqual([2022, 2024]);
    expect((await readTab(id, "Tổng kết 2021-2025"))[0]?.[4]).toBe("Số tính chỉ tiêu 2022");
    expect((await results(id, "year=2024")).status).toBe(404); // no annual run was made
  });
});
