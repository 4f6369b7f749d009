import { describe, expect, it } from "vitest";
import { stageReview } from "./stage.ts";
import { aRegistration, aUnit, settingsWith } from "./testing.ts";

/*
 * Worked by hand. Stage 2021-2023 (Giai đoạn), asked for 2023. Default weights 50/20/20/10, T = 2, Ft = 2, every
 * registration 8/10 votes for (V = 0.8). Units A and B, both Chi bộ (they take part in the title); cap = max(1,
 * ⌊0.3 × 2⌋) = 1, tiêu biểu up to 5.
 * 2021: A two recognised new models (Kinh tế, Văn hóa - xã hội): 50·1 + 20·1 + 20·0.8 + 10·1 = 96, rank 1, titled
 *       and tiêu biểu. B one recognised (Kinh tế): 50·0.5 + 20 + 16 + 10·0.5 = 66, rank 2, quota met, beyond the cap.
 * 2022: no registration at all → "noRegistrations", no columns.
 * 2023: A one new model not acknowledged: N = 1, R = 0 → 0, rank 2, quota not met. B two recognised (Kinh tế):
 *       50 + 20 + 16 + 5 = 91, rank 1, titled and tiêu biểu.
 * A over the stage: counted 3, recognised 2 (1 Kinh tế, 1 VH-XH), quota met 1 year, titled 1, tiêu biểu 1.
 * B over the stage: counted 3, recognised 3 (all Kinh tế), quota met 2 years, titled 1, tiêu biểu 1.
 * Whole: 2021 3 registrations, 3 recognised, 2/2 units met the quota; 2023 3 registrations, 2 recognised, 1/2.
 */
const units = [aUnit("A", { name: "Chi bộ A" }), aUnit("B", { name: "Chi bộ B" })];
const registrations = [
  aRegistration("A", { year: 2021 }),
  aRegistration("A", { year: 2021, field: "cultureSociety" }),
  aRegistration("B", { year: 2021 }),
  aRegistration("A", { year: 2023, acknowledged: false }),
  aRegistration("B", { year: 2023 }),
  aRegistration("B", { year: 2023 }),
];
const settings = settingsWith({ stage: { first: 2021, last: 2023 } });
const input = { year: 2023, settings, units, registrations, teams: [] };

describe("the stage review", () => {
  it("scores each year of the stage that has registrations, and marks the one that has none", () => {
    const result = stageReview(input);
    expect(result.stage).toEqual({ first: 2021, last: 2023 });
    expect(result.years).toEqual([2021, 2022, 2023]);
    expect(result.scoredYears).toEqual([2021, 2023]);
    expect(result.perYear[1]).toEqual({ kind: "noRegistrations", year: 2022 });
  });

  it("gives each unit its counted, recognised, score, rank and title per year", () => {
    const [a, b] = stageReview(input).units;
    expect(a?.years).toEqual([
      {
        year: 2021,
        counted: 2,
        recognised: 2,
        score: 96,
        rank: 1,
        title: "exemplary",
        takesPartInTitle: true,
        quotaMet: true,
      },
      {
        year: 2023,
        counted: 1,
        recognised: 0,
        score: 0,
        rank: 2,
        title: "none",
        takesPartInTitle: true,
        quotaMet: false,
      },
    ]);
    expect(b?.years.map((y) => [y.score, y.rank, y.title])).toEqual([
      [66, 2, "none"],
      [91, 1, "exemplary"],
    ]);
  });

  it("totals each unit over the stage, tiêu biểu counted among the years proposed", () => {
    const [a, b] = stageReview(input).units;
    expect(a).toMatchObject({ counted: 3, recognised: 2, yearsQuotaMet: 1, yearsTitled: 1, yearsExemplary: 1 });
    expect(a?.recognisedByField).toEqual({ economy: 1, cultureSociety: 1, defenceSecurity: 0, politicalSystem: 0 });
    expect(b).toMatchObject({ counted: 3, recognised: 3, yearsQuotaMet: 2, yearsTitled: 1, yearsExemplary: 1 });
  });

  it("totals the whole per year, per field and per kind, with no figures for the year without data", () => {
    const result = stageReview(input);
    expect(result.perYear[0]).toEqual({
      kind: "scored",
      year: 2021,
      registrations: 3,
      counted: 3,
      recognised: 3,
      units: 2,
      unitsQuotaMet: 2,
      quotaShare: 1,
      unitsTitled: 1,
      unitsExemplary: 1,
    });
    expect(result.perYear[2]).toMatchObject({ recognised: 2, unitsQuotaMet: 1, quotaShare: 0.5 });
    expect(result.byField[0]).toEqual({
      key: "economy",
      perYear: [{ registrations: 2, recognised: 2 }, null, { registrations: 3, recognised: 2 }],
      total: { registrations: 5, recognised: 4 },
    });
    expect(result.byKind.map((k) => k.total)).toEqual([
      { registrations: 6, recognised: 5 },
      { registrations: 0, recognised: 0 },
    ]);
  });

  it("takes a year whose rows were all data errors for a year with registrations", () => {
    const result = stageReview({ ...input, rejectedRegistrations: [{ year: 2022, unitCode: "A" }] });
    expect(result.scoredYears).toEqual([2021, 2022, 2023]);
    expect(result.units[0]?.years[1]).toMatchObject({ year: 2022, counted: 0, score: 0 });
  });

  it("covers the default five-year stage up to the year asked", () => {
    const result = stageReview({ ...input, settings: settingsWith(), year: 2022 });
    expect(result.stage).toEqual({ first: 2021, last: 2025 });
    expect(result.years).toEqual([2021, 2022]);
  });
});
