import { describe, expect, it } from "vitest";
import { compareCodes, compareVietnamese } from "./order.ts";
import { compareRankedRows, competitionRanks, rankingGroupOf, tieSizes, type RankedRow } from "./ranking.ts";
import { aUnit } from "./testing.ts";

describe("competitionRanks", () => {
  it("gives equal scores the same rank and skips the next ranks (1, 2, 2, 4)", () => {
    expect(competitionRanks([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
  });

  it("ranks highest first whatever the input order", () => {
    expect(competitionRanks([70, 90, 70, 50])).toEqual([2, 1, 2, 4]);
  });

  it("ranks everyone first when all scores are equal", () => {
    expect(competitionRanks([0, 0, 0])).toEqual([1, 1, 1]);
  });

  it("ranks a three-way tie and then skips two ranks", () => {
    expect(competitionRanks([50, 60, 60, 60, 40])).toEqual([4, 1, 1, 1, 5]);
  });

  it("ranks nothing when there is no score", () => {
    expect(competitionRanks([])).toEqual([]);
  });
});

describe("tieSizes", () => {
  it("counts how many share each score", () => {
    expect(tieSizes([70, 90, 70])).toEqual([2, 1, 2]);
  });
});

describe("rankingGroupOf", () => {
  it("is the emulation cluster when there is one", () => {
    expect(rankingGroupOf(aUnit("A", { cluster: "Cụm thi đua số 1" }))).toBe("Cụm thi đua số 1");
  });

  it("is the Vietnamese name of the unit type otherwise", () => {
    expect(rankingGroupOf(aUnit("A", { type: "commune" }))).toBe("Xã, thị trấn");
    expect(rankingGroupOf(aUnit("A", { type: "partyCell" }))).toBe("Chi bộ");
    expect(rankingGroupOf(aUnit("A", { type: "agency" }))).toBe("Cơ quan, đơn vị");
    expect(rankingGroupOf(aUnit("A", { type: "village" }))).toBe("Thôn, khu phố");
    expect(rankingGroupOf(aUnit("A", { type: "massOrganisation" }))).toBe("Tổ chức chính trị - xã hội");
  });
});

describe("Vietnamese collation", () => {
  it("sorts Đ as its own letter after D, so Dương comes before Đông", () => {
    expect(["Đông", "Dương", "Dung"].sort(compareVietnamese)).toEqual(["Dung", "Dương", "Đông"]);
  });

  it("sorts Đ before E, unlike code-unit order which puts it after Z", () => {
    expect(["Zê", "Đông", "Em"].sort(compareVietnamese)).toEqual(["Đông", "Em", "Zê"]);
    expect(["Zê", "Đông", "Em"].sort(compareCodes)).toEqual(["Em", "Zê", "Đông"]);
  });

  it("sorts O, Ô, Ơ in the Vietnamese alphabet order", () => {
    expect(["Ơn", "Ông", "Ong"].sort(compareVietnamese)).toEqual(["Ong", "Ông", "Ơn"]);
  });

  it("sorts unaccented before accented letters: Anh, Ánh, Ấp", () => {
    expect(["Ấp", "Ánh", "Anh"].sort(compareVietnamese)).toEqual(["Anh", "Ánh", "Ấp"]);
  });

  it("is the order of Intl.Collator('vi')", () => {
    const names = ["Thôn Đông", "Thôn Dương", "Thôn Ấp Bắc", "thôn an", "Thôn Ơn", "Thôn Zê"];
    expect([...names].sort(compareVietnamese)).toEqual([...names].sort(new Intl.Collator("vi").compare));
  });
});

describe("row order of Xếp hạng", () => {
  const row = (code: string, name: string, group: string, rank: number): RankedRow => ({
    unit: aUnit(code, { name }),
    group,
    rank,
  });

  it("lists groups in Vietnamese collation, then ranks, then names", () => {
    const rows = [
      row("4", "Chi bộ Đông", "Đảng bộ", 1),
      row("1", "Chi bộ B", "Cụm 1", 2),
      row("2", "Chi bộ A", "Cụm 1", 2),
      row("3", "Chi bộ C", "Cụm 1", 1),
      row("5", "Chi bộ Dương", "Đảng bộ", 1),
    ];
    expect(rows.sort(compareRankedRows).map((r) => r.unit.code)).toEqual(["3", "2", "1", "5", "4"]);
  });

  it("breaks a tie on rank and name by unit code", () => {
    const rows = [row("B", "Trùng tên", "Cụm", 1), row("A", "Trùng tên", "Cụm", 1)];
    expect(rows.sort(compareRankedRows).map((r) => r.unit.code)).toEqual(["A", "B"]);
  });
});
