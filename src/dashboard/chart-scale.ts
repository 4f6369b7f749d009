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

/**
 * A count axis that ends on a round figure, with its step: 1, 2 or 5 times a power of ten, about four steps.
 *
 * @example countAxis(7) // → { max: 8, step: 2 }
 * @example countAxis(1234) // → { max: 1500, step: 500 }
 * @example countAxis(0) // → { max: 1, step: 1 }
 */
export function countAxis(top: number): { max: number; step: number } {
  if (!(top > 0)) return { max: 1, step: 1 };
  const rough = top / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power);
  return { max: Math.ceil(top / step) * step, step };
}
