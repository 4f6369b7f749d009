/**
 * The verdict on a target's goal (mục tiêu): Đạt when the actual figure is where the goal asks. Shares are compared
 * with the tolerance of numbers.ts, so 3/10 meets "25% – 30%" despite binary floating point.
 */
import { isAbove, isAtLeast, isAtMost } from "./numbers.ts";
import type { Goal } from "./types.ts";

/**
 * @example meetsGoal({ kind: "above", min: 0.7 }, 0.7) // → false
 * @example meetsGoal({ kind: "atLeast", min: 1 }, 1) // → true
 * @example meetsGoal({ kind: "between", min: 0.25, max: 0.3 }, 3 / 10) // → true
 */
export function meetsGoal(goal: Goal, actual: number): boolean {
  switch (goal.kind) {
    case "above":
      return isAbove(actual, goal.min);
    case "atLeast":
      return isAtLeast(actual, goal.min);
    case "between":
      return isAtLeast(actual, goal.min) && isAtMost(actual, goal.max);
    default: {
      const unknown: never = goal;
      throw new Error(`Unknown goal ${JSON.stringify(unknown)}`);
    }
  }
}
