import { describe, expect, it } from "vitest";
import { meetsGoal } from "./goal.ts";

describe("meetsGoal", () => {
  it("needs a figure strictly above an 'above' goal", () => {
    expect(meetsGoal({ kind: "above", min: 0.7 }, 0.7)).toBe(false);
    expect(meetsGoal({ kind: "above", min: 0.7 }, 0.71)).toBe(true);
  });

  it("accepts the bound itself for an 'at least' goal", () => {
    expect(meetsGoal({ kind: "atLeast", min: 1 }, 1)).toBe(true);
    expect(meetsGoal({ kind: "atLeast", min: 1 }, 0.99)).toBe(false);
  });

  it("accepts both ends of a range, despite floating point", () => {
    const goal = { kind: "between", min: 0.25, max: 0.3 } as const;
    expect(meetsGoal(goal, 1 / 4)).toBe(true);
    expect(meetsGoal(goal, 3 / 10)).toBe(true);
    expect(meetsGoal(goal, (0.29 * 100) / 100)).toBe(true);
    expect(meetsGoal(goal, 4 / 13)).toBe(false);
    expect(meetsGoal(goal, 0.2)).toBe(false);
  });
});
