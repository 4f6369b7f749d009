import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "./settings.ts";
import { sixMonthReview } from "./six-month.ts";
import { aRegistration, aUnit, settingsWith } from "./testing.ts";

/*
 * Worked by hand. Cut-off 30/06/2024 (the default). Units A (Chi bộ), B (Thôn, khu phố), C (Chi bộ).
 *   A: r1 tập thể, kinh tế, mới, đăng ký 01/03, báo cáo 15/06       → counted, reported
 *      r2 cá nhân, VH-XH, duy trì, đăng ký 30/06, báo cáo 01/07      → counted (≤ C), not reported (after C)
 *      r3 tập thể, kinh tế, mới, đăng ký 01/07                        → after the cut-off: not counted
 *   B: r4 tập thể, QP-AN, nhân rộng, no Ngày đăng ký                  → undated: not counted
 *      r5 of 2023                                                      → another year: ignored
 *   C: nothing.
 * Per unit: A 2 registered (1 tập thể, 1 cá nhân), 1 reported; B 0 → Chưa đăng ký; C 0 → Chưa đăng ký.
 * By field: kinh tế 1/1, VH-XH 1/0, others 0. By kind: tập thể 1/1, cá nhân 1/0. By form: mới 1/1, duy trì 1/0.
 * Totals: 2 registered, 1 reported, 1 undated, 1 after the cut-off, 2 units without.
 */
const a = aUnit("A", { name: "Chi bộ A" });
const b = aUnit("B", { name: "Thôn B", type: "village" });
const c = aUnit("C", { name: "Chi bộ C" });
const registrations = [
  aRegistration("A", { registeredOn: "2024-03-01", reportedOn: "2024-06-15" }),
  aRegistration("A", {
    kind: "individual",
    field: "cultureSociety",
    form: "maintained",
    registeredOn: "2024-06-30",
    reportedOn: "2024-07-01",
  }),
  aRegistration("A", { registeredOn: "2024-07-01", reportedOn: null }),
  aRegistration("B", { field: "defenceSecurity", form: "replicated", registeredOn: null }),
  aRegistration("B", { year: 2023 }),
];
const input = { year: 2024, settings: DEFAULT_SETTINGS, units: [a, b, c], registrations };

describe("the six-month review", () => {
  it("counts per unit what was registered by the cut-off, and reported by it", () => {
    const result = sixMonthReview(input);
    expect(result.cutoff).toBe("2024-06-30");
    const byCode = new Map(result.units.map((u) => [u.unit.code, u]));
    expect(byCode.get("A")).toMatchObject({ registered: 2, collective: 1, individual: 1, reported: 1, flags: [] });
    expect(byCode.get("B")).toMatchObject({ registered: 0, reported: 0, flags: [{ code: "noRegistration" }] });
    expect(byCode.get("C")?.flags).toEqual([{ code: "noRegistration" }]);
  });

  it("counts by field, kind and form, every value listed", () => {
    const result = sixMonthReview(input);
    expect(result.byField).toEqual([
      { key: "economy", registered: 1, reported: 1 },
      { key: "cultureSociety", registered: 1, reported: 0 },
      { key: "defenceSecurity", registered: 0, reported: 0 },
      { key: "politicalSystem", registered: 0, reported: 0 },
    ]);
    expect(result.byKind).toEqual([
      { key: "collective", registered: 1, reported: 1 },
      { key: "individual", registered: 1, reported: 0 },
    ]);
    expect(result.byForm).toEqual([
      { key: "new", registered: 1, reported: 1 },
      { key: "replicated", registered: 0, reported: 0 },
      { key: "maintained", registered: 1, reported: 0 },
    ]);
    expect(result).toMatchObject({ registered: 2, reported: 1, undated: 1, afterCutoff: 1, unitsWithout: 2 });
  });

  it("moves with Ngày sơ kết 6 tháng", () => {
    // Cut-off 01/07: r3 (01/07) now counts, and r2's report of 01/07 too → A 3 registered, 2 reported.
    const result = sixMonthReview({ ...input, settings: settingsWith({ sixMonthCutoff: { day: 1, month: 7 } }) });
    expect(result.cutoff).toBe("2024-07-01");
    expect(result.units.find((u) => u.unit.code === "A")).toMatchObject({ registered: 3, reported: 2 });
  });

  it("lists units by ranking group then name, and warns about rows that could not be read", () => {
    const result = sixMonthReview({ ...input, rejectedRegistrations: new Map([["C", 2]]) });
    expect(result.units.map((u) => u.unit.code)).toEqual(["A", "C", "B"]); // Chi bộ before Thôn, khu phố
    expect(result.units[1]?.flags).toEqual([{ code: "noRegistration" }, { code: "rejectedRows", rows: 2 }]);
  });
});
