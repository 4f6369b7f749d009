import { describe, expect, it } from "vitest";
import { judgeRegistration } from "./recognition.ts";
import { reviewList } from "./review.ts";
import { DEFAULT_SETTINGS } from "./settings.ts";
import { aRegistration } from "./testing.ts";
import type { Registration } from "./types.ts";

const judged = (overrides: Partial<Registration>, unitCode = "CB01") =>
  judgeRegistration(aRegistration(unitCode, overrides), DEFAULT_SETTINGS);
const failing = { acknowledged: false } as const;
const lastYear = (overrides: Partial<Registration>) => judged({ year: 2023, ...overrides });

describe("reviewList", () => {
  it("proposes removal of a model not recognised this year nor last year", () => {
    const items = reviewList([judged({ modelId: "M1", ...failing })], [lastYear({ modelId: "M1", ...failing })], 2024);
    expect(items.map((i) => [i.registration.modelId, i.code, i.message])).toEqual([
      ["M1", "proposeRemoval", "Đề nghị đưa ra khỏi danh sách: không được công nhận năm 2023 và năm 2024"],
    ]);
  });

  it("does not propose removal when the model was recognised last year", () => {
    expect(reviewList([judged({ modelId: "M1", ...failing })], [lastYear({ modelId: "M1" })], 2024)).toEqual([]);
  });

  it("does not propose removal when the model is recognised this year", () => {
    expect(reviewList([judged({ modelId: "M1" })], [lastYear({ modelId: "M1", ...failing })], 2024)).toEqual([]);
  });

  it("does not propose removal of a model new this year", () => {
    expect(reviewList([judged({ modelId: "M1", ...failing })], [], 2024)).toEqual([]);
  });

  it("does not link registrations without a Mã mô hình", () => {
    const items = reviewList([judged({ modelId: null, ...failing })], [lastYear({ modelId: null, ...failing })], 2024);
    expect(items).toEqual([]);
  });

  it("does not link different Mã mô hình", () => {
    const items = reviewList([judged({ modelId: "M1", ...failing })], [lastYear({ modelId: "M2", ...failing })], 2024);
    expect(items).toEqual([]);
  });

  it("lists a Duy trì registration not recognised as needing strengthening", () => {
    const items = reviewList([judged({ form: "maintained", ...failing })], [], 2024);
    expect(items.map((i) => [i.code, i.message])).toEqual([
      ["needsStrengthening", "Cần củng cố: mô hình duy trì không được công nhận năm 2024"],
    ]);
  });

  it("does not list a recognised Duy trì registration", () => {
    expect(reviewList([judged({ form: "maintained" })], [], 2024)).toEqual([]);
  });

  it("lists a Duy trì model failing two years running once, for removal", () => {
    const items = reviewList(
      [judged({ modelId: "M1", form: "maintained", ...failing })],
      [lastYear({ modelId: "M1", ...failing })],
      2024,
    );
    expect(items.map((i) => i.code)).toEqual(["proposeRemoval"]);
  });

  it("orders items by unit code and sheet row", () => {
    const items = reviewList(
      [
        judged({ form: "maintained", ...failing, ref: { source: "", row: 3 } }, "CB02"),
        judged({ form: "maintained", ...failing, ref: { source: "", row: 9 } }, "CB01"),
        judged({ form: "maintained", ...failing, ref: { source: "", row: 4 } }, "CB01"),
      ],
      [],
      2024,
    );
    expect(items.map((i) => `${i.registration.unitCode}:${i.registration.ref.row}`)).toEqual([
      "CB01:4",
      "CB01:9",
      "CB02:3",
    ]);
  });
});
