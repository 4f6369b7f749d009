import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./settings.ts";
import {
  communeBlocsTarget,
  communeVillageTeamsTarget,
  exemplaryCountTarget,
  quotaShareTarget,
  titleShareTarget,
  villageCoverageTarget,
  villageTeamsTarget,
} from "./targets.ts";
import { aTeam, aUnit, settingsWith } from "./testing.ts";
import type { TitleProposal, UnitFlag, UnitResult } from "./types.ts";
import { tallyUnit } from "./unit-score.ts";

/** A scored unit; only the fields the targets read matter. */
function result(code: string, overrides: Partial<UnitResult> = {}): UnitResult {
  return {
    unit: aUnit(code),
    group: "Chi bộ",
    rank: 1,
    ...tallyUnit([]),
    score: 0,
    parts: { quota: 0, recognitionRate: 0, vote: 0, fields: 0 },
    quotaMet: true,
    takesPartInTitle: true,
    title: "none",
    reason: null,
    flags: [],
    ...overrides,
  };
}

/** Units U0, U1… with these titles. */
function withTitles(titles: TitleProposal[]): UnitResult[] {
  return titles.map((title, i) => result(`U${i}`, { title }));
}

describe("target 1: share of units proposed the title", () => {
  it("is met at 3 of 10 (30%), the top of 25% – 30%", () => {
    const units = withTitles(["exemplary", "exemplary", "title", ...Array<TitleProposal>(7).fill("none")]);
    expect(titleShareTarget(units, DEFAULT_SETTINGS)).toEqual({
      id: "titleShare",
      label: "Tỷ lệ đơn vị được đề xuất danh hiệu “Dân vận khéo” (kể cả tiêu biểu)",
      communeCode: null,
      goal: { kind: "between", min: 0.25, max: 0.3 },
      actual: 0.3,
      unit: "share",
      numerator: 3,
      denominator: 10,
      met: true,
      detail: "3/10 đơn vị xét danh hiệu được đề xuất",
      missing: [],
    });
  });

  it("is met at exactly 25%", () => {
    const units = withTitles(["title", ...Array<TitleProposal>(3).fill("none")]);
    expect(titleShareTarget(units, DEFAULT_SETTINGS).met).toBe(true);
  });

  it("is not met below 25% and says how many are tied at the cap", () => {
    const units = withTitles(["title", "tieAtCap", "tieAtCap", ...Array<TitleProposal>(7).fill("none")]);
    const target = titleShareTarget(units, DEFAULT_SETTINGS);
    expect([target.actual, target.met]).toEqual([0.1, false]);
    expect(target.detail).toBe(
      "1/10 đơn vị xét danh hiệu được đề xuất; 2 đơn vị đồng hạng tại ngưỡng – Ban Chỉ đạo xem xét",
    );
  });

  it("counts only units that take part in the title", () => {
    const units = [
      ...withTitles(["title", "none", "none", "none"]),
      result("T1", { takesPartInTitle: false }),
      result("T2", { takesPartInTitle: false }),
    ];
    expect(titleShareTarget(units, DEFAULT_SETTINGS)).toMatchObject({ numerator: 1, denominator: 4, actual: 0.25 });
  });

  it("has nothing to measure when no unit takes part", () => {
    expect(titleShareTarget([result("T1", { takesPartInTitle: false })], DEFAULT_SETTINGS)).toMatchObject({
      actual: null,
      met: false,
      detail: "Không có đơn vị nào xét danh hiệu",
    });
  });
});

describe("target 2: number of tiêu biểu", () => {
  it("is met with 3 to 5 tiêu biểu", () => {
    const units = withTitles(["exemplary", "exemplary", "exemplary", "title"]);
    const target = exemplaryCountTarget(units, DEFAULT_SETTINGS);
    expect(target).toMatchObject({
      id: "exemplaryCount",
      goal: { kind: "between", min: 3, max: 5 },
      actual: 3,
      unit: "count",
      numerator: 3,
      denominator: 4,
      met: true,
      detail: "3 trong 4 đơn vị được đề xuất “Dân vận khéo”",
    });
  });

  it("is not met with fewer than the minimum", () => {
    expect(exemplaryCountTarget(withTitles(["exemplary", "title"]), DEFAULT_SETTINGS).met).toBe(false);
  });

  it("mentions a tie at the tiêu biểu cap", () => {
    const flag: UnitFlag = { code: "tieAtExemplaryCap", message: "" };
    const units = [
      ...withTitles(["exemplary", "exemplary", "exemplary"]),
      result("T", { title: "title", flags: [flag] }),
    ];
    expect(exemplaryCountTarget(units, DEFAULT_SETTINGS).detail).toBe(
      "3 trong 4 đơn vị được đề xuất “Dân vận khéo”; 1 đơn vị đồng hạng tại ngưỡng tiêu biểu – Ban Chỉ đạo xem xét",
    );
  });

  it("asks for exactly that many when minimum and maximum are equal", () => {
    const settings = settingsWith({ exemplaryMin: 1, exemplaryMax: 1 });
    expect(exemplaryCountTarget([], settings).goal).toEqual({ kind: "between", min: 1, max: 1 });
    expect(exemplaryCountTarget(withTitles(["exemplary"]), settings).met).toBe(true);
    expect(exemplaryCountTarget(withTitles(["exemplary", "exemplary"]), settings).met).toBe(false);
  });

  it("is 0 of 0 in an empty district", () => {
    expect(exemplaryCountTarget([], DEFAULT_SETTINGS)).toMatchObject({ actual: 0, denominator: 0, met: false });
  });
});

describe("target 3: tổ dân vận rated Tốt", () => {
  it("is met above 70% district-wide", () => {
    const teams = [
      ...Array.from({ length: 8 }, (_, i) => aTeam(`G${i}`, "T1")),
      aTeam("W", "T1", { rating: "weak" }),
      aTeam("N", "T1", { rating: null }),
    ];
    expect(villageTeamsTarget(teams, DEFAULT_SETTINGS)).toEqual({
      id: "villageTeamsGood",
      label: "Tỷ lệ tổ dân vận xếp loại Tốt",
      communeCode: null,
      goal: { kind: "above", min: 0.7 },
      actual: 0.8,
      unit: "share",
      numerator: 8,
      denominator: 10,
      met: true,
      detail: "8/10 tổ dân vận xếp loại Tốt; 1 tổ chưa xếp loại (vẫn tính vào tổng số)",
      missing: [],
    });
  });

  it("is not met at exactly 70%", () => {
    const teams = Array.from({ length: 10 }, (_, i) => aTeam(`${i}`, "T1", { rating: i < 7 ? "good" : "fair" }));
    expect(villageTeamsTarget(teams, DEFAULT_SETTINGS)).toMatchObject({ actual: 0.7, met: false });
  });

  it("has nothing to measure without any tổ", () => {
    expect(villageTeamsTarget([], DEFAULT_SETTINGS)).toMatchObject({
      actual: null,
      met: false,
      numerator: 0,
      denominator: 0,
      detail: "Không có tổ dân vận nào",
    });
  });

  it("is also given per xã, named after the xã", () => {
    const target = communeVillageTeamsTarget(
      { communeCode: "XA", communeName: "Xã An Bình", teams: 4, good: 3, share: 0.75, met: true },
      DEFAULT_SETTINGS,
    );
    expect(target).toEqual({
      id: "villageTeamsGood",
      label: "Tỷ lệ tổ dân vận xếp loại Tốt – Xã An Bình",
      communeCode: "XA",
      goal: { kind: "above", min: 0.7 },
      actual: 0.75,
      unit: "share",
      numerator: 3,
      denominator: 4,
      met: true,
      detail: "3/4 tổ dân vận xếp loại Tốt",
      missing: [],
    });
  });

  it("per xã, has nothing to measure in a xã without tổ", () => {
    const target = communeVillageTeamsTarget(
      { communeCode: "XB", communeName: "Xã Bình", teams: 0, good: 0, share: null, met: false },
      DEFAULT_SETTINGS,
    );
    expect(target).toMatchObject({ actual: null, met: false, detail: "Không có tổ dân vận nào", communeCode: "XB" });
  });
});

describe("target 4: khối dân vận rated Tốt", () => {
  it("is met above 75%", () => {
    const blocs = Array.from({ length: 5 }, (_, i) =>
      aTeam(`K${i}`, "XA", { level: "communeBloc", rating: i < 4 ? "good" : "fair" }),
    );
    expect(communeBlocsTarget(blocs, DEFAULT_SETTINGS)).toMatchObject({
      goal: { kind: "above", min: 0.75 },
      actual: 0.8,
      met: true,
      detail: "4/5 khối dân vận xếp loại Tốt",
    });
  });

  it("is not met at exactly 75%", () => {
    const blocs = Array.from({ length: 4 }, (_, i) =>
      aTeam(`K${i}`, "XA", { level: "communeBloc", rating: i < 3 ? "good" : null }),
    );
    expect(communeBlocsTarget(blocs, DEFAULT_SETTINGS).met).toBe(false);
  });

  it("has nothing to measure without any khối", () => {
    expect(communeBlocsTarget([], DEFAULT_SETTINGS)).toMatchObject({
      actual: null,
      met: false,
      detail: "Không có khối dân vận nào",
    });
  });
});

describe("target 5: thôn, khu phố covered", () => {
  const village = (code: string, name: string) => result(code, { unit: aUnit(code, { type: "village", name }) });

  it("lists the thôn without a recognised model, by name", () => {
    const units = [village("T3", "Thôn Đông"), village("T1", "Thôn Bắc"), village("T2", "Thôn Dương"), result("CB")];
    const target = villageCoverageTarget(units, new Set(["T1", "CB"]), DEFAULT_SETTINGS);
    expect(target).toMatchObject({
      id: "villageCoverage",
      goal: { kind: "atLeast", min: 1 },
      numerator: 1,
      denominator: 3,
      met: false,
      detail: "Chưa có mô hình, điển hình được công nhận: Thôn Dương (T2), Thôn Đông (T3)",
    });
    expect(target.actual).toBeCloseTo(1 / 3, 12);
    expect(target.missing).toEqual([
      { code: "T2", name: "Thôn Dương" },
      { code: "T3", name: "Thôn Đông" },
    ]);
  });

  it("says which xã each missing thôn belongs to, since thôn names repeat from one xã to the next", () => {
    const inCommune = (code: string, parentCode: string) =>
      result(code, { unit: aUnit(code, { type: "village", name: "Thôn 1", parentCode }) });
    const units = [
      result("XA", { unit: aUnit("XA", { type: "commune", name: "Xã Hòa An" }) }),
      inCommune("XA-T1", "XA"),
      inCommune("XB-T1", "XB"), // its xã is not in Đơn vị: no name to give
    ];
    expect(villageCoverageTarget(units, new Set(), DEFAULT_SETTINGS).detail).toBe(
      "Chưa có mô hình, điển hình được công nhận: Thôn 1 (XA-T1, Xã Hòa An), Thôn 1 (XB-T1)",
    );
  });

  it("names at most 20 in the detail and keeps the full list in missing, so a province's list fits a cell", () => {
    const units = Array.from({ length: 500 }, (_, i) =>
      village(`T${String(i).padStart(3, "0")}`, `Thôn ${String(i).padStart(3, "0")}`),
    );
    const target = villageCoverageTarget(units, new Set(), DEFAULT_SETTINGS);
    expect(target.missing).toHaveLength(500);
    expect(target.detail).toContain("Thôn 019 (T019) và 480 thôn, khu phố khác (danh sách đầy đủ bên dưới)");
    expect(target.detail).not.toContain("Thôn 020");
  });

  it("is met when every thôn has one", () => {
    const target = villageCoverageTarget([village("T1", "Thôn 1")], new Set(["T1"]), DEFAULT_SETTINGS);
    expect(target).toMatchObject({
      actual: 1,
      met: true,
      detail: "Mọi thôn, khu phố đều có mô hình, điển hình được công nhận",
    });
  });

  it("uses the coverage of the settings", () => {
    const units = [village("T1", "Thôn 1"), village("T2", "Thôn 2")];
    expect(villageCoverageTarget(units, new Set(["T1"]), settingsWith({ villageCoverage: 0.5 }))).toMatchObject({
      goal: { kind: "atLeast", min: 0.5 },
      met: true,
    });
  });

  it("has nothing to measure without any thôn", () => {
    expect(villageCoverageTarget([result("CB")], new Set(), DEFAULT_SETTINGS)).toMatchObject({
      actual: null,
      met: false,
      detail: "Không có thôn, khu phố nào",
    });
  });
});

describe("target 6: units meeting their quota", () => {
  it("needs every unit", () => {
    expect(quotaShareTarget([result("A"), result("B", { quotaMet: false })])).toMatchObject({
      id: "quotaShare",
      goal: { kind: "atLeast", min: 1 },
      actual: 0.5,
      met: false,
      detail: "1/2 đơn vị đạt chỉ tiêu",
    });
    expect(quotaShareTarget([result("A")]).met).toBe(true);
  });

  it("has nothing to measure in an empty district", () => {
    expect(quotaShareTarget([])).toMatchObject({ actual: null, met: false, detail: "Không có đơn vị nào" });
  });
});
