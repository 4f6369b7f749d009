import { describe, expect, it } from "vitest";
import { RANKING_HEADERS, rankingTab } from "./ranking-tab.ts";
import { aUnit } from "../../scoring/testing.ts";
import { result, unitResult } from "./test-fixtures.ts";

const col = (h: (typeof RANKING_HEADERS)[number]) => RANKING_HEADERS.indexOf(h);

describe("Xếp hạng tab", () => {
  it("is titled with the year", () => {
    expect(rankingTab(result({ year: 2025 })).title).toBe("Xếp hạng 2025");
  });

  it("has the SPEC §5 headers in order", () => {
    expect(rankingTab(result()).rows[0]).toEqual([
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
  });

  it("says a unit does not take part in the title rather than leaving the cell empty", () => {
    const tab = rankingTab(
      result({ units: [unitResult({ takesPartInTitle: false, title: "none" }), unitResult({ title: "none" })] }),
    );
    expect(tab.rows.slice(1).map((r) => r[col("Đề xuất danh hiệu")])).toEqual(["Không xét danh hiệu", ""]);
  });

  it("writes one row per unit with every figure in its column", () => {
    const tab = rankingTab(
      result({
        units: [
          unitResult({
            unit: aUnit("CQ-1", { name: "Phòng Tư pháp", type: "agency", cluster: "Cụm 2" }),
            group: "Cụm 2",
            rank: 3,
            registrations: 4,
            counted: 3,
            recognised: 2,
            recognisedCollective: 1,
            recognisedIndividual: 1,
            fields: 2,
            score: 81.33,
            parts: { quota: 50, recognitionRate: 13.33, vote: 8, fields: 10 },
            quotaMet: true,
            title: "exemplary",
          }),
        ],
      }),
    );
    expect(tab.rows[1]).toEqual([
      "Cụm 2",
      3,
      "CQ-1",
      "Phòng Tư pháp",
      "Cơ quan, đơn vị",
      4,
      3,
      2,
      1,
      1,
      2,
      81.33,
      50,
      13.33,
      8,
      10,
      "Có",
      "Dân vận khéo tiêu biểu",
      "",
      "",
    ]);
  });

  it("says in Lý do why each unit has no title, the cut-off with a decimal comma", () => {
    const tab = rankingTab(
      result({
        units: [
          unitResult({ takesPartInTitle: false, reason: { code: "notTakingPart" } }),
          unitResult({ quotaMet: false, reason: { code: "quotaNotMet" } }),
          unitResult({ reason: { code: "beyondCap", lowestProposed: 94.18 } }),
          unitResult({ reason: { code: "beyondCap", lowestProposed: null } }),
          unitResult({ title: "tieAtCap", reason: null }),
          unitResult({ title: "title", reason: null }),
        ],
      }),
    );
    expect(tab.rows.slice(1).map((r) => r[col("Lý do")])).toEqual([
      "Không xét danh hiệu",
      "Chưa đạt chỉ tiêu",
      "Ngoài số suất (điểm thấp nhất được đề xuất: 94,18)",
      "Ngoài số suất",
      "",
      "",
    ]);
  });

  it("keeps the order of the ranked units instead of sorting again", () => {
    const names = ["Xã B", "Xã A", "Xã C"];
    const tab = rankingTab(
      result({ units: names.map((name, i) => unitResult({ unit: aUnit(`X${i}`, { name }), rank: i + 1 })) }),
    );
    expect(tab.rows.slice(1).map((r) => r[col("Tên đơn vị")])).toEqual(names);
  });

  it("writes ranks, counts and scores as numbers, not text", () => {
    const tab = rankingTab(result({ units: [unitResult({ rank: 2, registrations: 3, counted: 2, score: 67.5 })] }));
    const row = tab.rows[1] ?? [];
    for (const h of [
      "Hạng",
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
    ] as const) {
      expect(typeof row[col(h)], h).toBe("number");
    }
    expect(tab.percentColumns).toEqual([]);
  });

  it("writes quota met as Có / Không and an empty title when nothing is proposed", () => {
    const tab = rankingTab(result({ units: [unitResult({ quotaMet: true }), unitResult({ quotaMet: false })] }));
    expect(tab.rows.map((r) => r[col("Đạt chỉ tiêu")])).toEqual(["Đạt chỉ tiêu", "Có", "Không"]);
    expect(tab.rows[1]?.[col("Đề xuất danh hiệu")]).toBe("");
  });

  it("joins the warnings of a unit with semicolons", () => {
    const tab = rankingTab(
      result({
        units: [
          unitResult({
            flags: [
              { code: "quotaNotMet", message: "Chưa đạt chỉ tiêu" },
              { code: "lateReport", message: "Báo cáo muộn" },
            ],
          }),
        ],
      }),
    );
    expect(tab.rows[1]?.[col("Cảnh báo")]).toBe("Chưa đạt chỉ tiêu; Báo cáo muộn");
  });

  it("passes a unit name that looks like a formula through as the same text", () => {
    const names = ["=SUM(A1:A9)", "+84 912", "-Thôn 1", "@Xã A"];
    const tab = rankingTab(result({ units: names.map((name, i) => unitResult({ unit: aUnit(`X${i}`, { name }) })) }));
    expect(tab.rows.slice(1).map((r) => r[col("Tên đơn vị")])).toEqual(names);
  });

  it("highlights quota not met, warnings and a tie at the title cap, and nothing on a clean row", () => {
    const tab = rankingTab(
      result({
        units: [
          unitResult({ title: "title" }),
          unitResult({ quotaMet: false, flags: [{ code: "quotaNotMet", message: "Chưa đạt chỉ tiêu" }] }),
          unitResult({ title: "tieAtCap" }),
        ],
      }),
    );
    expect(tab.highlights).toEqual([
      { row: 2, column: col("Đạt chỉ tiêu") },
      { row: 2, column: col("Cảnh báo") },
      { row: 3, column: col("Đề xuất danh hiệu") },
    ]);
  });
});
