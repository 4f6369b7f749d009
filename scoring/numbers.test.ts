import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { floorOfShare, isAbove, isAtLeast, isAtMost, orderFreeSum, round2 } from "./numbers.ts";

describe("round2", () => {
  it("rounds 1.005 up to 1.01 despite its binary value being just below", () => {
    expect(round2(1.005)).toBe(1.01);
  });

  it("rounds other classic floating-point halves up", () => {
    expect(round2(2.675)).toBe(2.68);
    expect(round2(1.255)).toBe(1.26);
    expect(round2(0.125)).toBe(0.13);
    expect(round2(8.345)).toBe(8.35);
  });

  it("rounds negative halves away from zero", () => {
    expect(round2(-1.005)).toBe(-1.01);
    expect(round2(-0.125)).toBe(-0.13);
  });

  it("rounds just below a half down", () => {
    expect(round2(1.00499)).toBe(1);
    expect(round2(52.66666)).toBe(52.67);
    expect(round2(52.664999)).toBe(52.66);
  });

  it("never returns negative zero", () => {
    expect(Object.is(round2(-0.001), 0)).toBe(true);
  });

  it("keeps whole and two-decimal numbers unchanged", () => {
    expect(round2(100)).toBe(100);
    expect(round2(0)).toBe(0);
    expect(round2(33.33)).toBe(33.33);
  });

  it("rounds a score computed from thirds to the figure a person gets by hand", () => {
    // 50·½ + 20·⅓ + 20·0,8 + 10·½ = 52,666…
    expect(round2(50 * 0.5 + 20 * (1 / 3) + 20 * 0.8 + 10 * 0.5)).toBe(52.67);
  });
});

describe("floorOfShare", () => {
  it("gives 3 for 30% of 10", () => {
    expect(floorOfShare(0.3, 10)).toBe(3);
  });

  it("gives 29 for 29% of 100 although 0.29 × 100 is 28.999… in binary", () => {
    expect(0.29 * 100).toBeLessThan(29);
    expect(floorOfShare(0.29, 100)).toBe(29);
  });

  it("rounds a real fraction down", () => {
    expect(floorOfShare(0.3, 7)).toBe(2);
    expect(floorOfShare(0.3, 3)).toBe(0);
  });
});

describe("share comparisons", () => {
  it("exactly 50% is not above 50%", () => {
    expect(isAbove(5 / 10, 0.5)).toBe(false);
    expect(isAbove(6 / 11, 0.5)).toBe(true);
  });

  it("70% of tổ computed as 7/10 is not above 70%", () => {
    expect(isAbove(7 / 10, 0.7)).toBe(false);
    expect(isAbove(71 / 100, 0.7)).toBe(true);
  });

  it("the ends of a range count as inside it", () => {
    expect(isAtLeast(1 / 4, 0.25)).toBe(true);
    expect(isAtMost(3 / 10, 0.3)).toBe(true);
    expect(isAtMost(4 / 13, 0.3)).toBe(false);
    expect(isAtLeast(6 / 25, 0.25)).toBe(false);
  });
});

describe("orderFreeSum", () => {
  it("gives the same sum in any order, where plain addition does not", () => {
    const plain = (values: number[]) => values.reduce((sum, v) => sum + v, 0);
    expect(plain([0.1, 0.2, 0.3])).not.toBe(plain([0.3, 0.2, 0.1]));
    expect(orderFreeSum([0.1, 0.2, 0.3])).toBe(orderFreeSum([0.3, 0.2, 0.1]));
  });

  it("adds up to two terms without sorting them, to the same sum as sorted", () => {
    const sorted = (values: number[]) => [...values].sort((a, b) => a - b).reduce((sum, v) => sum + v, 0);
    const term = fc.oneof(fc.double(), fc.constantFrom(0, -0, 0.1, 0.2, 1e300, -1e300));
    fc.assert(
      fc.property(fc.array(term, { maxLength: 2 }), (values) => Object.is(orderFreeSum(values), sorted(values))),
      { numRuns: 2000 },
    );
  });
});
