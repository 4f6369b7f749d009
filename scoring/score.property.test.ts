import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compareVietnamese } from "./order.ts";
import { score } from "./score.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";
import { stageReview } from "./stage.ts";
import { titleCap } from "./titles.ts";
import type { Registration, ScoringInput, Settings, Team, Unit } from "./types.ts";

// Small pools so that ties, shared names, repeated Mã mô hình and both years Y and Y − 1 come up often.
const CODES = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"];
const NAMES = ["Chi bộ Đông", "Chi bộ Dương", "Chi bộ An", "Thôn Ấp Bắc", "Xã Ơn", "Cơ quan Zê"];
const date = (year: number, lastMonth = 12) =>
  fc
    .tuple(fc.integer({ min: 1, max: lastMonth }), fc.integer({ min: 1, max: 28 }))
    .map(([m, d]) => `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`);
/** Usually `good` (so registrations are often recognised and titles get proposed), sometimes `any`. */
const mostly = <T>(good: fc.Arbitrary<T>, any: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: any, weight: 1 });
const votes = mostly(
  fc
    .integer({ min: 1, max: 10 })
    .chain((cast) => fc.tuple(fc.integer({ min: Math.floor(cast / 2), max: cast }), fc.constant(cast))),
  fc.tuple(
    fc.option(fc.integer({ min: -1, max: 12 }), { nil: null }),
    fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  ),
);

const unitsArb: fc.Arbitrary<Unit[]> = fc
  .uniqueArray(fc.constantFrom(...CODES), { maxLength: CODES.length })
  .chain((codes) =>
    fc.tuple(
      ...codes.map((code, i) =>
        fc.record({
          ref: fc.constant({ source: "", row: i + 2 }),
          code: fc.constant(code),
          name: fc.constantFrom(...NAMES),
          type: fc.constantFrom("commune", "partyCell", "agency", "village", "massOrganisation"),
          parentCode: fc.option(fc.constantFrom(...codes), { nil: null }),
          cluster: fc.option(fc.constantFrom("Cụm 1", "Cụm Đông"), { nil: null }),
          titleParticipation: fc.option(fc.boolean(), { nil: null }),
        }),
      ),
    ),
  );

function registrationsArb(codes: string[]): fc.Arbitrary<Registration[]> {
  const one = mostly(fc.constant(2024), fc.constantFrom(2023, 2025)).chain((year) =>
    fc.record({
      modelId: fc.option(fc.constantFrom("M1", "M2", "M3"), { nil: null }),
      year: fc.constant(year),
      unitCode: fc.constantFrom(...codes, "UNKNOWN"),
      name: fc.constantFrom("Mô hình A", "Điển hình B"),
      kind: fc.constantFrom("collective", "individual"),
      field: fc.constantFrom("economy", "cultureSociety", "defenceSecurity", "politicalSystem"),
      form: fc.constantFrom("new", "replicated", "maintained"),
      registeredOn: mostly(date(year, 3), fc.option(date(year), { nil: null })),
      reportedOn: fc.option(fc.oneof(date(year), date(year + 1)), { nil: null }),
      publicVote: mostly(fc.constant(true), fc.boolean()),
      votes,
      acknowledged: mostly(fc.constant(true), fc.boolean()),
      spread: mostly(fc.constant("high" as const), fc.option(fc.constantFrom("low", "medium", "high"), { nil: null })),
      committeeRecognised: mostly(fc.constant(true), fc.boolean()),
      note: fc.constant(""),
    }),
  );
  return fc.array(one, { maxLength: 30 }).map((rows) =>
    rows.map(({ votes: [votesFor, votesCast], ...r }, i) => ({
      ...r,
      votesFor,
      votesCast,
      ref: { source: "", row: i + 2 },
    })),
  );
}

function teamsArb(codes: string[]): fc.Arbitrary<Team[]> {
  if (codes.length === 0) return fc.constant([]);
  const one = fc.record({
    year: fc.constantFrom(2023, 2024),
    teamId: fc.constantFrom("T1", "T2", "T3"),
    name: fc.constantFrom("", "Tổ 1", "Khối Đông"),
    level: fc.constantFrom("villageTeam", "communeBloc"),
    unitCode: fc.constantFrom(...codes),
    rating: fc.option(fc.constantFrom("good", "fair", "average", "weak"), { nil: null }),
  });
  return fc
    .array(one, { maxLength: 15 })
    .map((rows) => rows.map((t, i) => ({ ...t, ref: { source: "t", row: i + 2 } })));
}

const settingsArb: fc.Arbitrary<Settings> = fc
  .record({
    approvalShareAbove: fc.constantFrom(0.5, 0.6),
    minimumSpread: fc.constantFrom("low", "medium", "high"),
    requireCommitteeRecognition: mostly(fc.constant(false), fc.boolean()),
    minimumModels: fc.integer({ min: 0, max: 2 }),
    minimumCollective: fc.integer({ min: 0, max: 1 }),
    targetModels: fc.integer({ min: 1, max: 3 }),
    titleShareMax: fc.constantFrom(0.3, 0.5),
    exemplaryMax: fc.integer({ min: 0, max: 3 }),
    reportInFollowingYear: fc.boolean(),
  })
  .map((s) => ({ ...DEFAULT_SETTINGS, ...s, titleShareMin: 0.25, exemplaryMin: Math.min(1, s.exemplaryMax) }));

const inputArb: fc.Arbitrary<ScoringInput> = unitsArb.chain((units) => {
  const codes = units.map((u) => u.code);
  return fc.record({
    year: fc.constant(2024),
    settings: settingsArb,
    units: fc.constant(units),
    registrations: registrationsArb(codes),
    teams: teamsArb(codes),
  });
});

/** An input and the same input with every list shuffled. */
const inputAndShuffled = inputArb.chain((input) =>
  fc
    .tuple(
      fc.shuffledSubarray([...input.units], { minLength: input.units.length }),
      fc.shuffledSubarray([...input.registrations], { minLength: input.registrations.length }),
      fc.shuffledSubarray([...input.teams], { minLength: input.teams.length }),
    )
    .map(([units, registrations, teams]) => [input, { ...input, units, registrations, teams }] as const),
);

describe("score (properties)", () => {
  it("does not depend on the order of units, registrations or teams", () => {
    fc.assert(
      fc.property(inputAndShuffled, ([input, shuffled]) => {
        expect(score(shuffled)).toEqual(score(input));
      }),
      { numRuns: 150 },
    );
  });

  it("ranks each unit 1 + the number of units in its group with a strictly higher score", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { units } = score(input);
        for (const u of units) {
          const higher = units.filter((o) => o.group === u.group && o.score > u.score).length;
          expect(u.rank).toBe(1 + higher);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("lists every unit exactly once, by group, rank and name", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { units } = score(input);
        expect(units.map((u) => u.unit.code).sort()).toEqual(input.units.map((u) => u.code).sort());
        for (let i = 1; i < units.length; i++) {
          const [a, b] = [units[i - 1], units[i]];
          if (!a || !b) continue;
          const order =
            compareVietnamese(a.group, b.group) || a.rank - b.rank || compareVietnamese(a.unit.name, b.unit.name);
          expect(order).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("keeps scores between 0 and 100 with at most 2 decimals", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const u of score(input).units) {
          expect(u.score).toBeGreaterThanOrEqual(0);
          expect(u.score).toBeLessThanOrEqual(100);
          expect(Math.abs(u.score * 100 - Math.round(u.score * 100))).toBeLessThan(1e-6);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("proposes titles only within the cap and only to eligible units meeting their quota", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { units } = score(input);
        const eligible = units.filter((u) => u.takesPartInTitle);
        const proposed = units.filter((u) => u.title === "title" || u.title === "exemplary");
        const exemplary = units.filter((u) => u.title === "exemplary");
        expect(proposed.length).toBeLessThanOrEqual(titleCap(eligible.length, input.settings.titleShareMax));
        expect(exemplary.length).toBeLessThanOrEqual(input.settings.exemplaryMax);
        for (const u of units) {
          if (u.title !== "none") expect(u.takesPartInTitle && u.quotaMet).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("the stage review (property)", () => {
  it("shows for each year of the stage what that year's annual score gives each unit", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const settings = { ...input.settings, stage: { first: 2023, last: 2025 } };
        const { units, registrations, teams } = input;
        const stage = stageReview({ year: 2025, settings, units, registrations, teams });
        for (const year of stage.scoredYears) {
          const annual = score({ ...input, year, settings, registrations: [...input.registrations] });
          const byCode = new Map(annual.units.map((u) => [u.unit.code, u]));
          for (const s of stage.units) {
            const u = byCode.get(s.unit.code);
            const shown = s.years.find((y) => y.year === year);
            expect(shown).toEqual({
              year,
              counted: u?.counted,
              recognised: u?.recognised,
              score: u?.score,
              rank: u?.rank,
              title: u?.title,
              takesPartInTitle: u?.takesPartInTitle,
              quotaMet: u?.quotaMet,
            });
          }
          const totals = stage.perYear.find((y) => y.year === year);
          expect(totals?.kind === "scored" && totals.registrations).toBe(annual.registrations.length);
        }
      }),
      { numRuns: 200 },
    );
  });
});
