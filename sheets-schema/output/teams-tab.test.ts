import { describe, expect, it } from "vitest";
import { teamsTab } from "./teams-tab.ts";
import { aTeam, aUnit } from "../../scoring/testing.ts";
import { result, unitResult } from "./test-fixtures.ts";

describe("Tổ, khối dân vận tab", () => {
  it("is titled with the year", () => {
    expect(teamsTab(result({ year: 2024 })).title).toBe("Tổ, khối dân vận 2024");
  });

  it("lists each xã, then a blank row, then the flagged teams under their own header, each with its xã", () => {
    const tab = teamsTab(
      result({
        units: [
          unitResult(),
          unitResult({ unit: aUnit("XA-B", { name: "Xã B", type: "commune" }) }),
          unitResult({ unit: aUnit("THON-1", { name: "Thôn 1", type: "village", parentCode: "XA-A" }) }),
        ],
        communeTeams: [
          { communeCode: "XA-A", communeName: "Xã A", teams: 4, good: 3, share: 0.75, met: true },
          { communeCode: "XA-B", communeName: "Xã B", teams: 2, good: 1, share: 0.5, met: false },
        ],
        teamFlags: [
          { team: aTeam("T7", "THON-1", { name: "Tổ thôn 7", rating: "weak" }), code: "weak", message: "Xếp loại Yếu" },
          {
            team: aTeam("K1", "XA-B", { name: "Khối cơ quan", level: "communeBloc", rating: null }),
            code: "unrated",
            message: "Chưa xếp loại",
          },
        ],
      }),
    );
    expect(tab.rows).toEqual([
      ["Xã", "Số tổ dân vận", "Số tổ Tốt", "Tỷ lệ Tốt", "Đánh giá"],
      ["Xã A", 4, 3, 0.75, "Đạt"],
      ["Xã B", 2, 1, 0.5, "Chưa đạt"],
      [],
      ["Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xã", "Xếp loại", "Cảnh báo"],
      ["T7", "Tổ thôn 7", "Tổ dân vận", "THON-1", "Xã A", "Yếu", "Xếp loại Yếu"],
      ["K1", "Khối cơ quan", "Khối dân vận", "XA-B", "Xã B", "Chưa xếp loại", "Chưa xếp loại"],
    ]);
  });

  it("formats the share of good teams as a percentage", () => {
    expect(teamsTab(result()).percentColumns).toEqual([3]);
  });

  it("leaves the share empty for a xã without tổ dân vận", () => {
    const tab = teamsTab(
      result({
        communeTeams: [{ communeCode: "XA-C", communeName: "Xã C", teams: 0, good: 0, share: null, met: false }],
      }),
    );
    expect(tab.rows[1]).toEqual(["Xã C", 0, 0, null, "Chưa đạt"]);
  });

  it("highlights the verdict of a xã below target and the rating of every flagged team", () => {
    const tab = teamsTab(
      result({
        communeTeams: [
          { communeCode: "XA-A", communeName: "Xã A", teams: 1, good: 1, share: 1, met: true },
          { communeCode: "XA-B", communeName: "Xã B", teams: 1, good: 0, share: 0, met: false },
        ],
        teamFlags: [{ team: aTeam("T1", "THON-1", { rating: "weak" }), code: "weak", message: "Xếp loại Yếu" }],
      }),
    );
    expect(tab.highlights).toEqual([
      { row: 2, column: 4 },
      { row: 5, column: 5 },
    ]);
  });

  it("still writes both headers when there are no xã and no flagged team", () => {
    expect(teamsTab(result()).rows).toEqual([
      ["Xã", "Số tổ dân vận", "Số tổ Tốt", "Tỷ lệ Tốt", "Đánh giá"],
      [],
      ["Mã tổ", "Tên tổ", "Cấp", "Mã đơn vị", "Xã", "Xếp loại", "Cảnh báo"],
    ]);
  });
});
