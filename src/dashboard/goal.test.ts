import { describe, expect, it } from "vitest";
import { axisMax, coord, parseGoal } from "./goal.ts";

describe("parseGoal reads every goal scoring/targets.ts writes", () => {
  it("reads a strict lower bound", () => {
    expect(parseGoal("> 70%")).toEqual({ min: 0.7, max: null, strict: true });
  });

  it("reads an inclusive lower bound", () => {
    expect(parseGoal("≥ 100%")).toEqual({ min: 1, max: null, strict: false });
  });

  it("reads a range of shares with decimals", () => {
    expect(parseGoal("25% – 30%")).toEqual({ min: 0.25, max: 0.3, strict: false });
    expect(parseGoal("22,5% – 30%")).toEqual({ min: 0.225, max: 0.3, strict: false });
  });

  it("reads a range of counts and a single count", () => {
    expect(parseGoal("3 – 5")).toEqual({ min: 3, max: 5, strict: false });
    expect(parseGoal("4")).toEqual({ min: 4, max: 4, strict: false });
  });

  it("reads Vietnamese thousands separators", () => {
    expect(parseGoal("1.200 – 1.500")).toEqual({ min: 1200, max: 1500, strict: false });
  });

  it("gives null for text it does not know, so no marker is drawn in the wrong place", () => {
    expect(parseGoal("mọi đơn vị")).toBeNull();
    expect(parseGoal("5 – 3")).toBeNull();
  });
});

describe("axisMax", () => {
  it("ends a share axis at 100%", () => {
    expect(axisMax("share", 0.83, { min: 0.7, max: null, strict: true })).toBe(1);
  });

  it("leaves room above the larger of the goal and the actual count", () => {
    expect(axisMax("count", 4, { min: 3, max: 5, strict: false })).toBe(6);
    expect(axisMax("count", 12, { min: 3, max: 5, strict: false })).toBe(15);
  });

  it("never ends at zero", () => {
    expect(axisMax("count", 0, null)).toBe(1);
  });
});

describe("coord", () => {
  it("keeps one decimal of a chart coordinate", () => {
    expect(coord(111.03614457831324)).toBe(111);
    expect(coord(276.79999999999995)).toBe(276.8);
  });
});
