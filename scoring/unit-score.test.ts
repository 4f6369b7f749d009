import { describe, expect, it } from "vitest";
import { judgeRegistration } from "./recognition.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";
import { aRegistration, settingsWith } from "./testing.ts";
import type { Registration } from "./types.ts";
import { isQuotaMet, scoreParts, tallyUnit, unitScore, type UnitTally } from "./unit-score.ts";

const recognised = (overrides: Partial<Registration> = {}) =>
  judgeRegistration(aRegistration("CB01", overrides), DEFAULT_SETTINGS);
const notRecognised = (overrides: Partial<Registration> = {}) =>
  judgeRegistration(aRegistration("CB01", { acknowledged: false, ...overrides }), DEFAULT_SETTINGS);

/** The tally of a unit without registrations, with some figures overridden. */
function tally(overrides: Partial<UnitTally>): UnitTally {
  return { ...tallyUnit([]), ...overrides };
}

describe("tallyUnit", () => {
  it("counts a unit with no registration as all zeros", () => {
    expect(tallyUnit([])).toEqual({
      registrations: 0,
      counted: 0,
      recognised: 0,
      recognisedCollective: 0,
      recognisedIndividual: 0,
      fields: 0,
      meanApproval: 0,
    });
  });

  it("counts Duy trì rows as registrations but not toward N or R", () => {
    const t = tallyUnit([recognised({ form: "maintained" }), recognised({ form: "maintained" })]);
    expect(t).toEqual(tally({ registrations: 2 }));
  });

  it("counts Xây dựng mới and Nhân rộng toward N and R", () => {
    const t = tallyUnit([recognised({ form: "new" }), recognised({ form: "replicated" }), notRecognised()]);
    expect(t.counted).toBe(3);
    expect(t.recognised).toBe(2);
  });

  it("splits the recognised ones into collective and individual", () => {
    const t = tallyUnit([
      recognised({ kind: "collective" }),
      recognised({ kind: "individual" }),
      recognised({ kind: "individual" }),
      notRecognised({ kind: "collective" }),
    ]);
    expect([t.recognisedCollective, t.recognisedIndividual]).toEqual([1, 2]);
  });

  it("counts distinct fields among the recognised counted ones only", () => {
    const t = tallyUnit([
      recognised({ field: "economy" }),
      recognised({ field: "economy" }),
      recognised({ field: "defenceSecurity" }),
      notRecognised({ field: "cultureSociety" }),
      recognised({ field: "politicalSystem", form: "maintained" }),
    ]);
    expect(t.fields).toBe(2);
  });

  it("averages the approval share over the recognised counted ones", () => {
    const t = tallyUnit([
      recognised({ votesFor: 6, votesCast: 10 }),
      recognised({ votesFor: 9, votesCast: 10 }),
      notRecognised({ votesFor: 1, votesCast: 10 }),
      recognised({ votesFor: 10, votesCast: 10, form: "maintained" }),
    ]);
    expect(t.meanApproval).toBeCloseTo(0.75, 12);
  });

  it("gives the same V whatever the order of the rows", () => {
    // 0,6 + 0,7 + 0,8 and 0,8 + 0,7 + 0,6 differ in binary floating point.
    const rows = [6, 7, 8].map((votesFor) => recognised({ votesFor, votesCast: 10 }));
    expect(tallyUnit(rows).meanApproval).toBe(tallyUnit([...rows].reverse()).meanApproval);
  });

  it("gives V = 0 when nothing is recognised", () => {
    expect(tallyUnit([notRecognised()]).meanApproval).toBe(0);
  });
});

describe("unitScore", () => {
  it("is 0 when the unit has no counted registration", () => {
    expect(unitScore(tally({}), DEFAULT_SETTINGS)).toBe(0);
    expect(unitScore(tally({ registrations: 3 }), DEFAULT_SETTINGS)).toBe(0);
  });

  it("gives full marks for 2 recognised of 2, 2 fields, every vote in favour", () => {
    const t = tally({ counted: 2, recognised: 2, fields: 2, meanApproval: 1 });
    expect(unitScore(t, DEFAULT_SETTINGS)).toBe(100);
  });

  it("works out 50·½ + 20·⅓ + 20·0,8 + 10·½ = 52,67", () => {
    const t = tally({ counted: 3, recognised: 1, fields: 1, meanApproval: 0.8 });
    expect(unitScore(t, DEFAULT_SETTINGS)).toBe(52.67);
  });

  it("caps the quota and field parts at full marks", () => {
    // 50·min(4/2,1) + 20·4/5 + 20·0,7 + 10·min(3/2,1) = 50 + 16 + 14 + 10
    const t = tally({ counted: 5, recognised: 4, fields: 3, meanApproval: 0.7 });
    expect(unitScore(t, DEFAULT_SETTINGS)).toBe(90);
  });

  it("gives only the recognition-rate part nothing when nothing is recognised", () => {
    expect(unitScore(tally({ counted: 4 }), DEFAULT_SETTINGS)).toBe(0);
  });

  it("uses the weights and targets of the settings", () => {
    const settings = settingsWith({
      weights: { quota: 40, recognitionRate: 30, vote: 20, fields: 10 },
      targetModels: 3,
      targetFields: 4,
    });
    // 40·⅓ + 30·½ + 20·0,9 + 10·¼ = 13,333… + 15 + 18 + 2,5
    const t = tally({ counted: 2, recognised: 1, fields: 1, meanApproval: 0.9 });
    expect(unitScore(t, settings)).toBe(48.83);
  });

  it("rounds a half of the second decimal away from zero", () => {
    // 50·½ + 20·1 + 20·0,55575 + 10·½ = 61,115 exactly, but binary arithmetic gives 61.114999…
    expect(50 * 0.5 + 20 + 20 * 0.55575 + 10 * 0.5).toBeLessThan(61.115);
    const t = tally({ counted: 1, recognised: 1, fields: 1, meanApproval: 0.55575 });
    expect(unitScore(t, DEFAULT_SETTINGS)).toBe(61.12);
  });
});

describe("isQuotaMet", () => {
  it("needs at least Số mô hình tối thiểu recognised counted ones", () => {
    expect(isQuotaMet(tally({ recognised: 1 }), DEFAULT_SETTINGS)).toBe(true);
    expect(isQuotaMet(tally({ recognised: 0 }), DEFAULT_SETTINGS)).toBe(false);
  });

  it("needs the collective and individual minimums too", () => {
    const settings = settingsWith({ minimumCollective: 1, minimumIndividual: 1 });
    expect(isQuotaMet(tally({ recognised: 2, recognisedCollective: 2 }), settings)).toBe(false);
    expect(isQuotaMet(tally({ recognised: 2, recognisedCollective: 1, recognisedIndividual: 1 }), settings)).toBe(true);
  });

  it("is not met by Duy trì rows alone", () => {
    const t = tallyUnit([recognised({ form: "maintained" })]);
    expect(isQuotaMet(t, DEFAULT_SETTINGS)).toBe(false);
  });
});

describe("scoreParts (§3.7)", () => {
  it("gives the four weighted parts, each rounded: 52.67 = 25 + 6.67 + 16 + 5", () => {
    // N = 3, R = 1, F = 1, V = 0,8: 50·½ = 25; 20·⅓ = 6,666…; 20·0,8 = 16; 10·½ = 5.
    const t = tally({ counted: 3, recognised: 1, fields: 1, meanApproval: 0.8 });
    expect(scoreParts(t, DEFAULT_SETTINGS)).toEqual({ quota: 25, recognitionRate: 6.67, vote: 16, fields: 5 });
    expect(unitScore(t, DEFAULT_SETTINGS)).toBe(52.67);
  });

  it("may sum to 0.01 away from the rounded score, which is rounded once from the exact parts", () => {
    // N = 3, R = 1, F = 1, V = 0,80025: 25 + 6.666… + 16.005 + 5 = 52.671… → 52.67;
    // the parts round to 25 + 6.67 + 16.01 + 5 = 52.68.
    const t = tally({ counted: 3, recognised: 1, fields: 1, meanApproval: 0.80025 });
    const p = scoreParts(t, DEFAULT_SETTINGS);
    expect(p).toEqual({ quota: 25, recognitionRate: 6.67, vote: 16.01, fields: 5 });
    expect(unitScore(t, DEFAULT_SETTINGS)).toBe(52.67);
  });

  it("is all zeros when nothing counts toward the quota", () => {
    expect(scoreParts(tally({ counted: 0 }), DEFAULT_SETTINGS)).toEqual({
      quota: 0,
      recognitionRate: 0,
      vote: 0,
      fields: 0,
    });
  });
});
