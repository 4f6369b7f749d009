import { describe, expect, it } from "vitest";
import { axisMax, coord, goalLines } from "./chart-scale.ts";

describe("goalLines", () => {
  it("marks the bound of a one-sided goal", () => {
    expect(goalLines({ kind: "above", min: 0.7 })).toEqual([0.7]);
    expect(goalLines({ kind: "atLeast", min: 1 })).toEqual([1]);
  });

  it("marks both ends of a range, and one line for an exact count", () => {
    expect(goalLines({ kind: "between", min: 0.25, max: 0.3 })).toEqual([0.25, 0.3]);
    expect(goalLines({ kind: "between", min: 4, max: 4 })).toEqual([4]);
  });
});

describe("axisMax", () => {
  it("ends a share axis at 100%", () => {
    expect(axisMax("share", 0.83, { kind: "above", min: 0.7 })).toBe(1);
  });

  it("leaves room above the larger of the goal and the actual count", () => {
    expect(axisMax("count", 4, { kind: "between", min: 3, max: 5 })).toBe(6);
    expect(axisMax("count", 12, { kind: "between", min: 3, max: 5 })).toBe(15);
  });

  it("never ends at zero", () => {
    expect(axisMax("count", 0, { kind: "between", min: 0, max: 0 })).toBe(1);
  });
});

describe("coord", () => {
  it("keeps one decimal of a chart coordinate", () => {
    expect(coord(111.03614457831324)).toBe(111);
    expect(coord(276.79999999999995)).toBe(276.8);
  });
});
