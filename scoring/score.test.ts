import { describe, expect, it } from "vitest";
import { score } from "./score.ts";
import { aRegistration, aTeam, anInput, aUnit, settingsWith } from "./testing.ts";
import type { ScoringResult, UnitResult } from "./types.ts";

function unitOf(result: ScoringResult, code: string): UnitResult {
  const found = result.units.find((u) => u.unit.code === code);
  if (!found) throw new Error(`no unit ${code}`);
  return found;
}

describe("score: an empty district", () => {
  it("gives no units, registrations, flags or review items, and targets with nothing to measure", () => {
    const result = score(anInput());
    expect(result).toMatchObject({
      year: 2024,
      criteriaInForce: ["registeredOnTime", "democraticVote", "acknowledged", "spread"],
      units: [],
      registrations: [],
      communeTeams: [],
      teamFlags: [],
      review: [],
    });
    expect(result.targets.map((t) => [t.id, t.actual, t.met])).toEqual([
      ["titleShare", null, false],
      ["exemplaryCount", 0, false],
      ["villageTeamsGood", null, false],
      ["communeBlocsGood", null, false],
      ["villageCoverage", null, false],
      ["quotaShare", null, false],
    ]);
  });
});

describe("score: the rules it scored with", () => {
  it("carries the weights, T, Ft and the quota minimums, so a page can show how a score was reached", () => {
    const settings = settingsWith({
      targetModels: 3,
      targetFields: 4,
      minimumModels: 2,
      minimumCollective: 1,
      weights: { quota: 40, recognitionRate: 30, vote: 20, fields: 10 },
    });
    expect(score(anInput({ settings })).scoreRules).toEqual({
      weights: { quota: 40, recognitionRate: 30, vote: 20, fields: 10 },
      targetModels: 3,
      targetFields: 4,
      minimumModels: 2,
      minimumCollective: 1,
      minimumIndividual: 0,
    });
  });
});

describe("score: units", () => {
  it("lists every unit, including one without any registration, with score 0", () => {
    const result = score(anInput({ units: [aUnit("A"), aUnit("B")], registrations: [aRegistration("A")] }));
    expect(result.units.map((u) => u.unit.code)).toEqual(["A", "B"]);
    expect(unitOf(result, "B")).toMatchObject({ score: 0, rank: 2, registrations: 0, quotaMet: false });
    expect(unitOf(result, "B").flags.map((f) => f.code)).toEqual(["noRegistration", "quotaNotMet"]);
  });

  it("treats a unit whose registrations are all of other years as having none this year", () => {
    const result = score(
      anInput({
        units: [aUnit("A")],
        registrations: [aRegistration("A", { year: 2023 }), aRegistration("A", { year: 2025 })],
      }),
    );
    expect(result.registrations).toEqual([]);
    expect(unitOf(result, "A")).toMatchObject({ registrations: 0, counted: 0, score: 0, quotaMet: false });
    expect(unitOf(result, "A").flags.map((f) => f.code)).toEqual(["noRegistration", "quotaNotMet"]);
  });

  it("reports Duy trì rows but does not count them toward the quota or score", () => {
    const result = score(
      anInput({
        units: [aUnit("A")],
        registrations: [aRegistration("A", { form: "maintained" }), aRegistration("A", { form: "maintained" })],
      }),
    );
    expect(result.registrations.map((v) => [v.counted, v.recognised])).toEqual([
      [false, true],
      [false, true],
    ]);
    expect(unitOf(result, "A")).toMatchObject({
      registrations: 2,
      counted: 0,
      recognised: 0,
      score: 0,
      quotaMet: false,
    });
  });

  it("works out the score of a unit from its registrations", () => {
    // N = 3, R = 1 (economy, 8/10), F = 1: 50·½ + 20·⅓ + 20·0,8 + 10·½ = 52,67
    const result = score(
      anInput({
        units: [aUnit("A")],
        registrations: [
          aRegistration("A"),
          aRegistration("A", { acknowledged: false, field: "cultureSociety" }),
          aRegistration("A", { registeredOn: null }),
        ],
      }),
    );
    expect(unitOf(result, "A")).toMatchObject({
      registrations: 3,
      counted: 3,
      recognised: 1,
      recognisedCollective: 1,
      recognisedIndividual: 0,
      fields: 1,
      meanApproval: 0.8,
      score: 52.67,
      quotaMet: true,
    });
  });

  it("ranks inside each group with competition ranking and lists ties by Vietnamese name", () => {
    const full = (code: string) => [
      aRegistration(code, { field: "economy" }),
      aRegistration(code, { field: "defenceSecurity" }),
    ];
    const result = score(
      anInput({
        units: [
          aUnit("C1", { name: "Chi bộ Đông", cluster: "Cụm 1" }),
          aUnit("C2", { name: "Chi bộ Dương", cluster: "Cụm 1" }),
          aUnit("C3", { name: "Chi bộ An", cluster: "Cụm 1" }),
          aUnit("C4", { name: "Chi bộ Bắc", cluster: "Cụm 1" }),
          aUnit("X1", { name: "Xã Một", type: "commune" }),
        ],
        registrations: [...full("C1"), ...full("C2"), aRegistration("C3"), ...full("X1")],
      }),
    );
    expect(result.units.map((u) => [u.group, u.rank, u.unit.name, u.score])).toEqual([
      ["Cụm 1", 1, "Chi bộ Dương", 96],
      ["Cụm 1", 1, "Chi bộ Đông", 96],
      ["Cụm 1", 3, "Chi bộ An", 66],
      ["Cụm 1", 4, "Chi bộ Bắc", 0],
      ["Xã, thị trấn", 1, "Xã Một", 96],
    ]);
  });

  it("ignores registrations and teams of units that are not in the units list", () => {
    const result = score(
      anInput({
        units: [aUnit("A")],
        registrations: [aRegistration("GHOST")],
        teams: [aTeam("1", "GHOST", { rating: null })],
      }),
    );
    expect(result.registrations).toEqual([]);
    expect(result.teamFlags).toEqual([]);
    expect(result.targets.find((t) => t.id === "villageTeamsGood")?.denominator).toBe(0);
  });
});

describe("score: registrations", () => {
  it("judges only registrations of the scored year, ordered by unit code then row", () => {
    const result = score(
      anInput({
        units: [aUnit("A"), aUnit("B")],
        registrations: [
          aRegistration("B", { ref: { source: "", row: 5 } }),
          aRegistration("A", { ref: { source: "", row: 9 } }),
          aRegistration("A", { ref: { source: "", row: 3 }, year: 2023 }),
          aRegistration("A", { ref: { source: "", row: 7 } }),
        ],
      }),
    );
    expect(result.registrations.map((v) => `${v.registration.unitCode}:${v.registration.ref.row}`)).toEqual([
      "A:7",
      "A:9",
      "B:5",
    ]);
  });
});

describe("score: titles", () => {
  it("proposes titles among units that take part, leaving thôn out by default", () => {
    const units = [aUnit("T1", { type: "village" }), aUnit("A"), aUnit("B"), aUnit("C")];
    const registrations = [
      aRegistration("T1"),
      aRegistration("A"),
      aRegistration("A", { field: "defenceSecurity" }),
      aRegistration("B"),
    ];
    const result = score(anInput({ units, registrations }));
    // E = A, B, C; cap = max(1, ⌊0,3 × 3⌋) = 1; A scores highest.
    expect(result.units.map((u) => [u.unit.code, u.takesPartInTitle, u.title])).toEqual([
      ["A", true, "exemplary"],
      ["B", true, "none"],
      ["C", true, "none"],
      ["T1", false, "none"],
    ]);
  });

  it("flags a unit tied at the tiêu biểu cap", () => {
    // 10 units, title cap 3: A and B tie at 96, C has 66, all three proposed. With Số tiêu biểu tối đa = 1 the
    // A–B tie straddles it: both stay Dân vận khéo with the flag, and C, ranked 3rd, is not tiêu biểu either.
    const units = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"].map((c) => aUnit(c));
    const registrations = [
      aRegistration("A"),
      aRegistration("A", { field: "defenceSecurity" }),
      aRegistration("B"),
      aRegistration("B", { field: "defenceSecurity" }),
      aRegistration("C"),
    ];
    const settings = settingsWith({ exemplaryMin: 1, exemplaryMax: 1 });
    const result = score(anInput({ units, registrations, settings }));
    expect(result.units.slice(0, 3).map((u) => [u.unit.code, u.title, u.flags.map((f) => f.code)])).toEqual([
      ["A", "title", ["tieAtExemplaryCap"]],
      ["B", "title", ["tieAtExemplaryCap"]],
      ["C", "title", []],
    ]);
  });
});

describe("score: targets and teams", () => {
  const units = [
    aUnit("XA", { type: "commune", name: "Xã An" }),
    aUnit("XB", { type: "commune", name: "Xã Bình" }),
    aUnit("XA-T1", { type: "village", name: "Thôn 1", parentCode: "XA" }),
    aUnit("XA-T2", { type: "village", name: "Thôn 2", parentCode: "XA" }),
    aUnit("XB-T1", { type: "village", name: "Thôn 1", parentCode: "XB" }),
  ];
  const teams = [
    aTeam("1", "XA-T1"),
    aTeam("2", "XA-T2"),
    aTeam("3", "XB-T1", { rating: "weak", name: "Tổ Bình 1" }),
    aTeam("4", "XB-T1"),
    aTeam("5", "XB-T1", { year: 2023, rating: "weak" }),
    aTeam("K1", "XA", { level: "communeBloc" }),
    aTeam("K2", "XB", { level: "communeBloc", rating: null, name: "Khối Bình" }),
  ];
  const registrations = [
    aRegistration("XA-T1", { form: "maintained" }),
    aRegistration("XB-T1", { acknowledged: false }),
  ];
  const result = score(anInput({ units, teams, registrations }));

  it("gives the tổ dân vận target district-wide and per xã, counting only year Y", () => {
    const teamTargets = result.targets.filter((t) => t.id === "villageTeamsGood");
    expect(teamTargets.map((t) => [t.communeCode, t.label, t.numerator, t.denominator, t.met])).toEqual([
      [null, "Tỷ lệ tổ dân vận xếp loại Tốt", 3, 4, true],
      ["XA", "Tỷ lệ tổ dân vận xếp loại Tốt – Xã An", 2, 2, true],
      ["XB", "Tỷ lệ tổ dân vận xếp loại Tốt – Xã Bình", 1, 2, false],
    ]);
    expect(result.communeTeams.map((c) => [c.communeCode, c.teams, c.good, c.met])).toEqual([
      ["XA", 2, 2, true],
      ["XB", 2, 1, false],
    ]);
  });

  it("lists the targets in the order of the Chỉ tiêu tab", () => {
    expect(result.targets.map((t) => t.id)).toEqual([
      "titleShare",
      "exemplaryCount",
      "villageTeamsGood",
      "villageTeamsGood",
      "villageTeamsGood",
      "communeBlocsGood",
      "villageCoverage",
      "quotaShare",
    ]);
  });

  it("counts a thôn covered by a recognised Duy trì registration", () => {
    const coverage = result.targets.find((t) => t.id === "villageCoverage");
    expect(coverage).toMatchObject({
      numerator: 1,
      denominator: 3,
      detail: "Chưa có mô hình, điển hình được công nhận: Thôn 1 (XB-T1, Xã Bình), Thôn 2 (XA-T2, Xã An)",
    });
  });

  it("flags the teams of year Y rated Yếu or not rated", () => {
    expect(result.teamFlags.map((f) => [f.team.teamId, f.code])).toEqual([
      ["3", "weak"],
      ["K2", "unrated"],
    ]);
  });

  it("flags the unit a weak or unrated team belongs to", () => {
    expect(unitOf(result, "XB-T1").flags.find((f) => f.code === "weakOrUnratedTeam")?.message).toBe(
      "Tổ dân vận “Tổ Bình 1” xếp loại Yếu",
    );
    expect(unitOf(result, "XB").flags.find((f) => f.code === "weakOrUnratedTeam")?.message).toBe(
      "Khối dân vận “Khối Bình” chưa được xếp loại",
    );
    expect(unitOf(result, "XA").flags.some((f) => f.code === "weakOrUnratedTeam")).toBe(false);
  });
});

describe("score: review list", () => {
  it("looks back at year Y − 1 for the same Mã mô hình", () => {
    const result = score(
      anInput({
        units: [aUnit("A")],
        registrations: [
          aRegistration("A", { modelId: "M1", year: 2023, spread: "low" }),
          aRegistration("A", { modelId: "M1", spread: "low" }),
          aRegistration("A", { modelId: "M2", year: 2023 }),
          aRegistration("A", { modelId: "M2", spread: "low" }),
          aRegistration("A", { modelId: "M3", year: 2022, spread: "low" }),
          aRegistration("A", { modelId: "M3", spread: "low", form: "maintained" }),
        ],
      }),
    );
    expect(result.review.map((i) => [i.registration.modelId, i.code])).toEqual([
      ["M1", "proposeRemoval"],
      ["M3", "needsStrengthening"],
    ]);
  });

  it("keeps a model whose Y − 1 had one recognised row among others, and one recognised in Y", () => {
    const result = score(
      anInput({
        units: [aUnit("A")],
        registrations: [
          aRegistration("A", { modelId: "M1", year: 2023, spread: "low" }),
          aRegistration("A", { modelId: "M1", year: 2023 }),
          aRegistration("A", { modelId: "M1", spread: "low" }),
          aRegistration("A", { modelId: "M2", year: 2023, spread: "low" }),
          aRegistration("A", { modelId: "M2" }),
          aRegistration("X", { modelId: "M3", year: 2023, spread: "low" }), // a unit that is not in Đơn vị
          aRegistration("A", { modelId: "M3", spread: "low" }),
        ],
      }),
    );
    expect(result.review).toEqual([]);
  });
});

describe("score: settings", () => {
  it("adds the party committee criterion when required", () => {
    const result = score(
      anInput({
        units: [aUnit("A")],
        registrations: [aRegistration("A")],
        settings: settingsWith({ requireCommitteeRecognition: true }),
      }),
    );
    expect(result.criteriaInForce).toContain("committeeRecognised");
    expect(result.registrations[0]?.recognised).toBe(false);
  });
});
