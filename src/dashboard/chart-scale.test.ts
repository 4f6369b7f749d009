import { describe, expect, it } from "vitest";
import { axisMax, coord, countAxis, goalLines } from "./chart-scale.ts";

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

describe("countAxis", () => {
  it("ends a count axis on a round figure above the largest count, in about four steps", () => {
    expect(countAxis(7)).toEqual({ max: 8, step: 2 });
    expect(countAxis(1234)).toEqual({ max: 1500, step: 500 });
    expect(countAxis(40)).toEqual({ max: 40, step: 10 });
  });

  it("steps by whole units for small counts and never ends at zero", () => {
    expect(countAxis(3)).toEqual({ max: 3, step: 1 });
    expect(countAxis(1)).toEqual({ max: 1, step: 1 });
    expect(countAxis(0)).toEqual({ max: 1, step: 1 });
  });
});
