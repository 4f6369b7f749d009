import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../scoring/settings.ts";
import { scoreRulesOf } from "../../scoring/unit-score.ts";
import { result, unitResult } from "../../sheets-schema/output/test-fixtures.ts";
import { explainScore, quotaRule, scoreInputs } from "./score-explanation.ts";
import { type StoredRun, stageYear, unitCodeOf, unitView } from "./view-model.ts";

const RULES = scoreRulesOf(DEFAULT_SETTINGS); // weights 50/20/20/10, T = 2, Ft = 2

describe("explainScore", () => {
  // The worked example of unit-score.ts: N = 3, R = 1, F = 1, V = 0,8 → 25 + 6,67 + 16 + 5 = 52,67.
  const unit = unitResult({
    counted: 3,
    recognised: 1,
    recognisedCollective: 1,
    fields: 1,
    meanApproval: 0.8,
    score: 52.67,
    parts: { quota: 25, recognitionRate: 6.67, vote: 16, fields: 5 },
  });

  it("writes each part's rule with the unit's own figures", () => {
    expect(explainScore(unit, RULES).map((p) => [p.label, p.rule, p.working])).toEqual([
      ["Điểm chỉ tiêu", "Trọng số chỉ tiêu × min(R/T, 1)", "50 × min(1/2, 1) = 25"],
      ["Điểm tỷ lệ công nhận", "Trọng số tỷ lệ công nhận × R/N", "20 × 1/3 = 6,67"],
      ["Điểm bình chọn", "Trọng số bình chọn × V", "20 × 80% = 16"],
      ["Điểm lĩnh vực", "Trọng số lĩnh vực × min(F/Ft, 1)", "10 × min(1/2, 1) = 5"],
    ]);
    expect(scoreInputs(unit, RULES).map((i) => `${i.letter} = ${i.value}`)).toEqual([
      "R = 1",
      "N = 3",
      "T = 2",
      "V = 80%",
      "F = 1",
      "Ft = 2",
    ]);
  });

  it("says every part is 0 when nothing counts toward the quota (N = 0)", () => {
    const none = unitResult({
      counted: 0,
      recognised: 0,
      score: 0,
      parts: { quota: 0, recognitionRate: 0, vote: 0, fields: 0 },
    });
    expect(explainScore(none, RULES).every((p) => p.working?.startsWith("N = 0"))).toBe(true);
  });

  it("keeps the rules in words but no figures for a result stored without its settings", () => {
    expect(explainScore(unit, null).map((p) => p.working)).toEqual([null, null, null, null]);
    expect(scoreInputs(unit, null).map((i) => i.letter)).toEqual(["R", "N", "V", "F"]);
    expect(quotaRule(unit, null)).toBeNull();
  });

  it("says what the quota asks, the collective and individual minimums only when set", () => {
    expect(quotaRule(unit, RULES)).toBe("Cần ít nhất 1 mô hình, điển hình được công nhận (đơn vị có 1)");
    expect(quotaRule(unit, { ...RULES, minimumCollective: 1, minimumIndividual: 1 })).toBe(
      "Cần ít nhất 1 mô hình, điển hình được công nhận (đơn vị có 1), ít nhất 1 tập thể (đơn vị có 1), ít nhất 1 cá nhân (đơn vị có 0)",
    );
  });
});

describe("unitView and stageYear", () => {
  const a = unitResult({ group: "Cụm 1", rank: 2, score: 80 });
  const b = unitResult({ unit: { ...a.unit, code: "XA-B", name: "Xã B" }, group: "Cụm 1", rank: 1, score: 90 });
  const run = {
    ...result({ units: [b, a] }),
    dataErrors: [
      { tab: "Đăng ký", cell: "'Đăng ký'!H4", value: "31/02/2024", message: "Ngày không có thật", unitCode: "XA-A" },
      { tab: "Đăng ký", cell: "'Đăng ký'!H5", value: "x", message: "Sai", unitCode: "XA-B" },
      { tab: "Cấu hình", cell: "'Cấu hình'!B2", value: "?", message: "Sai" },
    ],
  } as unknown as StoredRun;

  it("keeps the unit's own errors and counts its ranking group", () => {
    const view = unitView(run, "XA-A")!;
    expect(view.groupSize).toBe(2);
    expect(view.errors.map((e) => e.cell)).toEqual(["'Đăng ký'!H4"]);
    expect(unitView(run, "XA-Z")).toBeNull();
  });

  it("tells a year not scored from a year the unit was not listed in", () => {
    expect(stageYear(2022, null, "XA-A")).toEqual({ kind: "notScored", year: 2022 });
    expect(stageYear(2023, run, "XA-Z")).toEqual({ kind: "absent", year: 2023 });
    expect(stageYear(2024, run, "XA-A")).toMatchObject({
      kind: "scored",
      figures: { rank: 2, groupSize: 2, score: 80 },
    });
  });

  it("reads the code of the address as Mã đơn vị is read", () => {
    expect(unitCodeOf(" xa-a ")).toBe("XA-A");
    expect(unitCodeOf("")).toBeNull();
  });
});
