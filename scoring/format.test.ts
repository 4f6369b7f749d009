import { describe, expect, it } from "vitest";
import { formatDate, formatGoal, formatNumber, formatPercent } from "./format.ts";

describe("formatNumber", () => {
  it("uses a comma for decimals and dots between thousands", () => {
    expect(formatNumber(1234.5)).toBe("1.234,5");
    expect(formatNumber(1234567)).toBe("1.234.567");
  });

  it("drops trailing zeros and keeps at most 2 decimals", () => {
    expect(formatNumber(3)).toBe("3");
    expect(formatNumber(2.5)).toBe("2,5");
    expect(formatNumber(2 / 3)).toBe("0,67");
  });

  it("writes negative numbers with a minus sign", () => {
    expect(formatNumber(-0.125)).toBe("-0,13");
  });

  it("writes whole numbers around the thousand the same way, and minus zero as 0", () => {
    expect([0, -0, 7, -7, 999, -999, 1000, -1000, 12345].map(formatNumber)).toEqual([
      "0",
      "0",
      "7",
      "-7",
      "999",
      "-999",
      "1.000",
      "-1.000",
      "12.345",
    ]);
  });
});

describe("formatPercent", () => {
  it("writes a share as a Vietnamese percentage", () => {
    expect(formatPercent(0.455)).toBe("45,5%");
    expect(formatPercent(0.7)).toBe("70%");
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(2 / 3)).toBe("66,67%");
  });
});

describe("formatDate", () => {
  it("writes an ISO date as dd/mm/yyyy", () => {
    expect(formatDate("2024-04-05")).toBe("05/04/2024");
  });
});

describe("formatGoal writes every goal the targets set, as in Chỉ tiêu {Y}", () => {
  it("writes a strict lower bound", () => {
    expect(formatGoal({ kind: "above", min: 0.7 }, "share")).toBe("> 70%");
  });

  it("writes an inclusive lower bound", () => {
    expect(formatGoal({ kind: "atLeast", min: 1 }, "share")).toBe("≥ 100%");
  });

  it("writes a range of shares, with decimals the Vietnamese way", () => {
    expect(formatGoal({ kind: "between", min: 0.25, max: 0.3 }, "share")).toBe("25% – 30%");
    expect(formatGoal({ kind: "between", min: 0.225, max: 0.3 }, "share")).toBe("22,5% – 30%");
  });

  it("writes a range of counts, and a single number when both ends are equal", () => {
    expect(formatGoal({ kind: "between", min: 3, max: 5 }, "count")).toBe("3 – 5");
    expect(formatGoal({ kind: "between", min: 4, max: 4 }, "count")).toBe("4");
  });

  it("writes Vietnamese thousands separators", () => {
    expect(formatGoal({ kind: "between", min: 1200, max: 1500 }, "count")).toBe("1.200 – 1.500");
  });
});
