import { describe, expect, it } from "vitest";
import {
  approvalShare,
  criteriaInForce,
  failureReasons,
  isCounted,
  judgeRegistration,
  registrationJudge,
} from "./recognition.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";
import { aRegistration, settingsWith } from "./testing.ts";
import type { Criterion, Registration, RegistrationVerdict, Settings } from "./types.ts";

function verdictOn(criterion: Criterion, overrides: Partial<Registration>, settings: Settings = DEFAULT_SETTINGS) {
  const verdict = judgeRegistration(aRegistration("CB01", overrides), settings);
  const found = verdict.criteria.find((c) => c.criterion === criterion);
  if (!found) throw new Error(`criterion ${criterion} not in force`);
  return found;
}

describe("criteria in force", () => {
  it("are the four criteria by default", () => {
    expect(criteriaInForce(DEFAULT_SETTINGS)).toEqual(["registeredOnTime", "democraticVote", "acknowledged", "spread"]);
  });

  it("add the party committee when Yêu cầu cấp ủy công nhận is yes", () => {
    expect(criteriaInForce(settingsWith({ requireCommitteeRecognition: true }))).toContain("committeeRecognised");
  });
});

describe("a registration that meets every criterion", () => {
  it("is recognised with no reasons", () => {
    const verdict = judgeRegistration(aRegistration("CB01"), DEFAULT_SETTINGS);
    expect(verdict.recognised).toBe(true);
    expect(verdict.criteria.every((c) => c.passed && c.reason === "")).toBe(true);
    expect(failureReasons(verdict)).toBe("");
    expect(verdict.approvalShare).toBe(0.8);
  });
});

describe("passed criteria", () => {
  it("are one shared verdict per criterion, frozen so that no reader of one result can change another", () => {
    const first = judgeRegistration(
      aRegistration("CB01", { committeeRecognised: true }),
      settingsWith({ requireCommitteeRecognition: true }),
    );
    const second = judgeRegistration(
      aRegistration("CB02", { committeeRecognised: true }),
      settingsWith({ requireCommitteeRecognition: true }),
    );
    expect(first.criteria.every((c) => c.passed)).toBe(true);
    first.criteria.forEach((c, i) => {
      expect(c).toEqual({ criterion: c.criterion, passed: true, reason: "" });
      expect(second.criteria[i]).toBe(c);
      expect(Object.isFrozen(c)).toBe(true);
    });
  });
});

describe("registered on time", () => {
  it("passes on the deadline day itself", () => {
    expect(verdictOn("registeredOnTime", { registeredOn: "2024-03-31" }).passed).toBe(true);
  });

  it("fails the day after the deadline, saying both dates", () => {
    expect(verdictOn("registeredOnTime", { registeredOn: "2024-04-15" })).toEqual({
      criterion: "registeredOnTime",
      passed: false,
      reason: "Đăng ký ngày 15/04/2024, sau hạn 31/03/2024",
    });
  });

  it("fails without a registration date", () => {
    expect(verdictOn("registeredOnTime", { registeredOn: null }).reason).toBe("Chưa có ngày đăng ký");
  });

  it("uses the deadline of the registration's own year", () => {
    expect(verdictOn("registeredOnTime", { year: 2023, registeredOn: "2023-04-01" }).reason).toBe(
      "Đăng ký ngày 01/04/2023, sau hạn 31/03/2023",
    );
  });

  it("uses each year's own deadline when one judge judges several years (29/02 in a common year is 28/02)", () => {
    const judge = registrationJudge(settingsWith({ registrationDeadline: { day: 29, month: 2 } }));
    const on = (year: number, registeredOn: string) => judge(aRegistration("CB01", { year, registeredOn })).criteria[0];
    expect(on(2024, "2024-02-29")?.passed).toBe(true);
    expect(on(2023, "2023-03-01")?.reason).toBe("Đăng ký ngày 01/03/2023, sau hạn 28/02/2023");
    expect(on(2024, "2024-03-01")?.reason).toBe("Đăng ký ngày 01/03/2024, sau hạn 29/02/2024");
  });

  it("takes the deadline from the settings", () => {
    const settings = settingsWith({ registrationDeadline: { day: 10, month: 10 } });
    expect(verdictOn("registeredOnTime", { registeredOn: "2024-10-10" }, settings).passed).toBe(true);
    expect(verdictOn("registeredOnTime", { registeredOn: "2024-10-11" }, settings).passed).toBe(false);
  });

  it("accepts a registration made in the year before", () => {
    expect(verdictOn("registeredOnTime", { registeredOn: "2023-12-20" }).passed).toBe(true);
  });
});

describe("democratic vote", () => {
  it("fails at exactly 50% approval, since it must be strictly above", () => {
    const v = verdictOn("democraticVote", { votesFor: 5, votesCast: 10 });
    expect(v.passed).toBe(false);
    expect(v.reason).toBe("Tỷ lệ đồng ý 50% (5/10 phiếu) không trên 50%");
  });

  it("passes just above 50%", () => {
    expect(verdictOn("democraticVote", { votesFor: 6, votesCast: 11 }).passed).toBe(true);
  });

  it("writes a share below the threshold with a decimal comma", () => {
    expect(verdictOn("democraticVote", { votesFor: 10, votesCast: 22 }).reason).toBe(
      "Tỷ lệ đồng ý 45,45% (10/22 phiếu) không trên 50%",
    );
  });

  it("fails when no vote was cast", () => {
    const v = verdictOn("democraticVote", { votesFor: 0, votesCast: 0 });
    expect(v.passed).toBe(false);
    expect(v.reason).toBe("Tổng số phiếu phải từ 1 trở lên");
  });

  it("fails when votes in favour exceed votes cast", () => {
    const v = verdictOn("democraticVote", { votesFor: 12, votesCast: 10 });
    expect(v.passed).toBe(false);
    expect(v.reason).toBe("Số phiếu đồng ý (12) lớn hơn tổng số phiếu (10)");
  });

  it("fails when votes in favour are negative", () => {
    expect(verdictOn("democraticVote", { votesFor: -1, votesCast: 10 }).reason).toBe("Số phiếu đồng ý không được âm");
  });

  it("fails when the vote was not public, even with every vote in favour", () => {
    const v = verdictOn("democraticVote", { publicVote: false, votesFor: 10, votesCast: 10 });
    expect(v.passed).toBe(false);
    expect(v.reason).toBe("Chưa bình chọn công khai");
  });

  it("fails when the counts are missing, naming each", () => {
    expect(verdictOn("democraticVote", { votesFor: null, votesCast: null }).reason).toBe(
      "Chưa có tổng số phiếu; Chưa có số phiếu đồng ý",
    );
  });

  it("lists every problem at once", () => {
    expect(verdictOn("democraticVote", { publicVote: false, votesFor: 3, votesCast: 10 }).reason).toBe(
      "Chưa bình chọn công khai; Tỷ lệ đồng ý 30% (3/10 phiếu) không trên 50%",
    );
  });

  it("passes with every vote in favour", () => {
    expect(verdictOn("democraticVote", { votesFor: 1, votesCast: 1 }).passed).toBe(true);
  });

  it("uses the approval threshold of the settings", () => {
    const settings = settingsWith({ approvalShareAbove: 0.75 });
    expect(verdictOn("democraticVote", { votesFor: 3, votesCast: 4 }, settings).reason).toBe(
      "Tỷ lệ đồng ý 75% (3/4 phiếu) không trên 75%",
    );
  });
});

describe("approval share", () => {
  it("is đồng ý / tổng", () => {
    expect(approvalShare(aRegistration("CB01", { votesFor: 6, votesCast: 8 }))).toBe(0.75);
  });

  it("is null when no vote was cast or the counts are impossible", () => {
    expect(approvalShare(aRegistration("CB01", { votesFor: 0, votesCast: 0 }))).toBeNull();
    expect(approvalShare(aRegistration("CB01", { votesFor: 9, votesCast: 8 }))).toBeNull();
    expect(approvalShare(aRegistration("CB01", { votesFor: null, votesCast: 8 }))).toBeNull();
  });

  it("is known even when the vote failed, for the record", () => {
    const verdict = judgeRegistration(aRegistration("CB01", { votesFor: 2, votesCast: 8 }), DEFAULT_SETTINGS);
    expect(verdict.recognised).toBe(false);
    expect(verdict.approvalShare).toBe(0.25);
  });
});

describe("acknowledged by the collective", () => {
  it("fails when not acknowledged", () => {
    expect(verdictOn("acknowledged", { acknowledged: false })).toEqual({
      criterion: "acknowledged",
      passed: false,
      reason: "Chưa được tập thể nơi có mô hình, điển hình thừa nhận",
    });
  });
});

describe("spread", () => {
  it("needs Cao by default", () => {
    expect(verdictOn("spread", { spread: "high" }).passed).toBe(true);
    expect(verdictOn("spread", { spread: "medium" }).reason).toBe("Sức lan tỏa Trung bình, chưa đạt mức Cao");
  });

  it("passes at or above a lower minimum", () => {
    const settings = settingsWith({ minimumSpread: "medium" });
    expect(verdictOn("spread", { spread: "medium" }, settings).passed).toBe(true);
    expect(verdictOn("spread", { spread: "high" }, settings).passed).toBe(true);
    expect(verdictOn("spread", { spread: "low" }, settings).reason).toBe("Sức lan tỏa Thấp, chưa đạt mức Trung bình");
  });

  it("fails when not assessed", () => {
    expect(verdictOn("spread", { spread: null }).reason).toBe("Chưa đánh giá sức lan tỏa (cần tối thiểu mức Cao)");
  });
});

describe("party committee recognition", () => {
  it("is ignored unless required", () => {
    const verdict = judgeRegistration(aRegistration("CB01", { committeeRecognised: false }), DEFAULT_SETTINGS);
    expect(verdict.recognised).toBe(true);
    expect(verdict.criteria.map((c) => c.criterion)).not.toContain("committeeRecognised");
  });

  it("must pass when required", () => {
    const settings = settingsWith({ requireCommitteeRecognition: true });
    expect(verdictOn("committeeRecognised", { committeeRecognised: false }, settings).reason).toBe(
      "Chưa được cấp ủy công nhận",
    );
    expect(judgeRegistration(aRegistration("CB01", { committeeRecognised: true }), settings).recognised).toBe(true);
  });
});

describe("recognition", () => {
  it("fails when any one criterion fails", () => {
    expect(judgeRegistration(aRegistration("CB01", { acknowledged: false }), DEFAULT_SETTINGS).recognised).toBe(false);
  });

  it("is not affected by a late report", () => {
    const verdict = judgeRegistration(aRegistration("CB01", { reportedOn: "2025-02-01" }), DEFAULT_SETTINGS);
    expect(verdict.recognised).toBe(true);
  });

  it("joins the reasons of every failed criterion", () => {
    const verdict: RegistrationVerdict = judgeRegistration(
      aRegistration("CB01", { registeredOn: null, spread: "medium" }),
      DEFAULT_SETTINGS,
    );
    expect(failureReasons(verdict)).toBe("Chưa có ngày đăng ký; Sức lan tỏa Trung bình, chưa đạt mức Cao");
  });
});

describe("counted registrations", () => {
  it("are Xây dựng mới and Nhân rộng, not Duy trì", () => {
    expect(isCounted(aRegistration("CB01", { form: "new" }))).toBe(true);
    expect(isCounted(aRegistration("CB01", { form: "replicated" }))).toBe(true);
    expect(isCounted(aRegistration("CB01", { form: "maintained" }))).toBe(false);
  });

  it("Duy trì rows are still judged", () => {
    const verdict = judgeRegistration(aRegistration("CB01", { form: "maintained" }), DEFAULT_SETTINGS);
    expect(verdict.counted).toBe(false);
    expect(verdict.recognised).toBe(true);
  });
});
