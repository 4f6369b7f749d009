import { describe, expect, it } from "vitest";
import { reviewTab } from "./review-tab.ts";
import { aUnit } from "../../scoring/testing.ts";
import { result, unitResult, verdict } from "./test-fixtures.ts";

describe("Rà soát tab", () => {
  it("is titled with the year and has the SPEC headers", () => {
    const tab = reviewTab(result({ year: 2024 }));
    expect(tab.title).toBe("Rà soát 2024");
    expect(tab.rows).toEqual([["Mã mô hình", "Mã đơn vị", "Tên đơn vị", "Tên mô hình, điển hình", "Đề nghị", "Lý do"]]);
  });

  it("writes each flagged registration with its unit's name, its proposal and the criteria it failed", () => {
    // The review list names the very registrations the verdicts judged.
    const removal = verdict(
      { unitCode: "XA-A", modelId: "MH-07", name: "Tổ hòa giải" },
      { acknowledged: "Tập thể chưa thừa nhận", spread: "Sức lan tỏa Thấp" },
    );
    const weak = verdict(
      { unitCode: "CQ-1", name: "Dòng họ khuyến học", form: "maintained" },
      { registeredOnTime: "Đăng ký sau hạn 31/03/2024" },
    );
    const tab = reviewTab(
      result({
        units: [unitResult(), unitResult({ unit: aUnit("CQ-1", { name: "Phòng Tư pháp", type: "agency" }) })],
        registrations: [removal, weak],
        review: [
          { registration: removal.registration, code: "proposeRemoval", message: "Không được công nhận hai năm liền" },
          {
            registration: weak.registration,
            code: "needsStrengthening",
            message: "Duy trì nhưng không được công nhận",
          },
        ],
      }),
    );
    expect(tab.rows.slice(1)).toEqual([
      [
        "MH-07",
        "XA-A",
        "Xã A",
        "Tổ hòa giải",
        "Đề nghị đưa ra khỏi danh sách",
        "Tập thể chưa thừa nhận; Sức lan tỏa Thấp",
      ],
      ["", "CQ-1", "Phòng Tư pháp", "Dòng họ khuyến học", "Cần củng cố", "Đăng ký sau hạn 31/03/2024"],
    ]);
  });
});
