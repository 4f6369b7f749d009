/**
 * Where a target's figures and goal fall on a chart's axis. The goal comes as numbers from the rules (`Goal`), in the
 * units of `actual`: a fraction for shares, a count for counts.
 */
import type { Goal } from "../../scoring/types.ts";

/**
 * The values a chart marks with a line: the bound of "> 70%" or "≥ 100%", both ends of a range, one for an exact count.
 *
 * @example goalLines({ kind: "above", min: 0.7 }) // → [0.7]
 * @example goalLines({ kind: "between", min: 3, max: 5 }) // → [3, 5]
 * @example goalLines({ kind: "between", min: 4, max: 4 }) // → [4]
 */
export function goalLines(goal: Goal): number[] {
  switch (goal.kind) {
    case "above":
    case "atLeast":
      return [goal.min];
    case "between":
      return goal.min === goal.max ? [goal.min] : [goal.min, goal.max];
    default: {
      const unknown: never = goal;
      throw new Error(`Unknown goal ${JSON.stringify(unknown)}`);
    }
  }
}

/**
 * The end of a chart's axis: 100% for shares (or the goal/actual if either goes beyond), and for counts a little room
 * above the larger of the goal and the actual figure.
 *
 * @example axisMax("share", 0.83, { kind: "above", min: 0.7 }) // → 1
 * @example axisMax("count", 4, { kind: "between", min: 3, max: 5 }) // → 6
 */
export function axisMax(unit: "share" | "count", actual: number | null, goal: Goal): number {
  const top = Math.max(actual ?? 0, ...goalLines(goal));
  if (unit === "share") return Math.max(1, top);
  return Math.max(1, Math.ceil(top * 1.2));
}

/**
 * A chart coordinate to one decimal: enough for any screen, and the SVG stays short.
 *
 * @example coord(111.03614457831324) // → 111
 */
export function coord(v: number): number {
  return Math.round(v * 10) / 10;
}
