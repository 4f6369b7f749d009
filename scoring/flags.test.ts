import { describe, expect, it } from "vitest";
import { reportDeadline, unitFlags, type UnitFlagInput } from "./flags.ts";
import { judgeRegistration } from "./recognition.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";
import { aRegistration, aTeam, settingsWith } from "./testing.ts";
import type { Registration, UnitFlag } from "./types.ts";
import { isQuotaMet, tallyUnit } from "./unit-score.ts";

/** The flags of unit CB01 in 2024 with these registrations, and nothing else unusual. */
function flagsFor(registrations: Registration[], extra: Partial<UnitFlagInput> = {}): UnitFlag[] {
  const settings = extra.settings ?? DEFAULT_SETTINGS;
  const verdicts = registrations.map((r) => judgeRegistration(r, settings));
  const tally = tallyUnit(verdicts);
  return unitFlags({
    year: 2024,
    settings,
    tally,
    quotaMet: isQuotaMet(tally, settings),
    verdicts,
    teams: [],
    tieAtExemplaryCap: false,
    ...extra,
  });
}

const codes = (flags: UnitFlag[]) => flags.map((f) => f.code);

describe("reportDeadline", () => {
  it("is Hạn báo cáo in the scored year by default", () => {
    expect(reportDeadline(2024, DEFAULT_SETTINGS)).toBe("2024-12-31");
  });

  it("is in the following year when Báo cáo vào năm sau is yes", () => {
    const settings = settingsWith({ reportDeadline: { day: 1, month: 9 }, reportInFollowingYear: true });
    expect(reportDeadline(2024, settings)).toBe("2025-09-01");
  });
});

describe("unitFlags", () => {
  it("raises nothing for a unit with a recognised model reported on time", () => {
    expect(flagsFor([aRegistration("CB01")])).toEqual([]);
  });

  it("flags a unit with no registration this year, and its quota", () => {
    expect(flagsFor([])).toEqual([
      { code: "noRegistration", message: "Chưa có đăng ký mô hình, điển hình năm 2024" },
      { code: "quotaNotMet", message: "Chưa đạt chỉ tiêu: 0 mô hình, điển hình được công nhận (cần ít nhất 1)" },
    ]);
  });

  it("flags the quota of a unit with only a Duy trì registration, but not a missing registration", () => {
    expect(codes(flagsFor([aRegistration("CB01", { form: "maintained" })]))).toEqual(["quotaNotMet"]);
  });

  it("says which part of the quota is short", () => {
    const settings = settingsWith({ minimumCollective: 1, minimumIndividual: 1 });
    const [flag] = flagsFor([aRegistration("CB01", { kind: "collective" })], { settings });
    expect(flag).toEqual({
      code: "quotaNotMet",
      message: "Chưa đạt chỉ tiêu: 0 cá nhân được công nhận (cần ít nhất 1)",
    });
  });

  it("flags a report dated after the deadline, naming the model and both dates", () => {
    const flags = flagsFor([aRegistration("CB01", { name: "Dân vận khéo ở chợ", reportedOn: "2025-01-05" })]);
    expect(flags).toEqual([
      { code: "lateReport", message: "Báo cáo muộn (hạn 31/12/2024): “Dân vận khéo ở chợ” ngày 05/01/2025" },
    ]);
  });

  it("does not flag a report on the deadline day", () => {
    expect(flagsFor([aRegistration("CB01", { reportedOn: "2024-12-31" })])).toEqual([]);
  });

  it("does not flag a missing report date", () => {
    expect(flagsFor([aRegistration("CB01", { reportedOn: null })])).toEqual([]);
  });

  it("accepts a report in the following year when the settings say so", () => {
    const settings = settingsWith({ reportDeadline: { day: 1, month: 9 }, reportInFollowingYear: true });
    expect(flagsFor([aRegistration("CB01", { reportedOn: "2025-08-31" })], { settings })).toEqual([]);
    expect(codes(flagsFor([aRegistration("CB01", { reportedOn: "2025-09-02" })], { settings }))).toEqual([
      "lateReport",
    ]);
  });

  it("flags late reports of Duy trì rows too, all in one warning", () => {
    const flags = flagsFor([
      aRegistration("CB01", { name: "B", reportedOn: "2025-01-02" }),
      aRegistration("CB01", { name: "A", form: "maintained", reportedOn: "2025-01-03" }),
    ]);
    expect(flags).toEqual([
      { code: "lateReport", message: "Báo cáo muộn (hạn 31/12/2024): “B” ngày 02/01/2025, “A” ngày 03/01/2025" },
    ]);
  });

  it("flags tổ dân vận of the unit rated Yếu or not rated", () => {
    const teams = [
      aTeam("1", "CB01", { name: "Tổ 1", rating: "weak" }),
      aTeam("2", "CB01", { name: "Tổ 2", rating: null }),
      aTeam("3", "CB01", { rating: "good" }),
    ];
    expect(flagsFor([aRegistration("CB01")], { teams })).toEqual([
      {
        code: "weakOrUnratedTeam",
        message: "Tổ dân vận “Tổ 1” xếp loại Yếu; Tổ dân vận “Tổ 2” chưa được xếp loại",
      },
    ]);
  });

  it("carries the tie at the tiêu biểu cap", () => {
    expect(flagsFor([aRegistration("CB01")], { tieAtExemplaryCap: true })).toEqual([
      { code: "tieAtExemplaryCap", message: "Đồng hạng tại ngưỡng tiêu biểu – Ban Chỉ đạo xem xét" },
    ]);
  });
});

describe("a unit whose registrations were all rejected as data errors (§3.7)", () => {
  it("is told how many rows to fix, not that it registered nothing", () => {
    const flags = flagsFor([], { rejectedRows: 2 });
    expect(codes(flags)).toEqual(["rejectedRows", "quotaNotMet"]);
    expect(flags[0]?.message).toBe("Có 2 dòng đăng ký bị lỗi – xem Lỗi dữ liệu");
  });

  it("keeps 'no registration' for a unit with no row at all, and says nothing of rejected rows when others were read", () => {
    expect(codes(flagsFor([]))).toContain("noRegistration");
    expect(codes(flagsFor([aRegistration("CB01")], { rejectedRows: 1 }))).not.toContain("rejectedRows");
  });
});
