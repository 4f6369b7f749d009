import { describe, expect, it } from "vitest";
import { reviewTab } from "./review-tab.ts";
import { aRegistration } from "../../scoring/testing.ts";
import { result } from "./test-fixtures.ts";

describe("Rà soát tab", () => {
  it("is titled with the year and has the SPEC headers", () => {
    const tab = reviewTab(result({ year: 2024 }));
    expect(tab.title).toBe("Rà soát 2024");
    expect(tab.rows).toEqual([["Mã mô hình", "Mã đơn vị", "Tên mô hình, điển hình", "Đề nghị"]]);
  });

  it("writes each flagged registration with its proposal in Vietnamese", () => {
    const tab = reviewTab(
      result({
        review: [
          {
            registration: aRegistration("XA-A", { modelId: "MH-07", name: "Tổ hòa giải" }),
            code: "proposeRemoval",
            message: "Không được công nhận hai năm liền",
          },
          {
            registration: aRegistration("CQ-1", { name: "Dòng họ khuyến học", form: "maintained" }),
            code: "needsStrengthening",
            message: "Duy trì nhưng không được công nhận",
          },
        ],
      }),
    );
    expect(tab.rows.slice(1)).toEqual([
      ["MH-07", "XA-A", "Tổ hòa giải", "Đề nghị đưa ra khỏi danh sách"],
      ["", "CQ-1", "Dòng họ khuyến học", "Cần củng cố"],
    ]);
  });
});
