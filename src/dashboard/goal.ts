/**
 * A target's goal as numbers, so a chart can draw its marker. The result carries the goal as the text people read
 * (`"> 70%"`, `"25% – 30%"`, `"3 – 5"`, `"≥ 100%"`); this reads that text back, in the same units as `actual`
 * (a fraction for shares, a count for counts).
 */

export interface GoalBounds {
  /** The lowest passing value, or the value that must be exceeded when `strict`; null: no lower bound. */
  min: number | null;
  /** The highest passing value; null: no upper bound. */
  max: number | null;
  /** `>`: the actual must be strictly above `min`. */
  strict: boolean;
}

const NUMBER = String.raw`\d{1,3}(?:\.\d{3})*(?:,\d+)?|\d+(?:,\d+)?`;
const VALUE = `(${NUMBER})\\s*(%?)`;
const RANGE = new RegExp(`^${VALUE}\\s*[–—-]\\s*${VALUE}$`);
const BOUND = new RegExp(`^(>|≥|>=|<|≤|<=)?\\s*${VALUE}$`);

/**
 * Reads a goal written by scoring/targets.ts; null when it is not one of its shapes (the chart then shows no marker).
 *
 * @example parseGoal("> 70%") // → { min: 0.7, max: null, strict: true }
 * @example parseGoal("25% – 30%") // → { min: 0.25, max: 0.3, strict: false }
 * @example parseGoal("3 – 5") // → { min: 3, max: 5, strict: false }
 * @example parseGoal("≥ 100%") // → { min: 1, max: null, strict: false }
 */
export function parseGoal(goal: string): GoalBounds | null {
  const text = goal.trim();
  const range = RANGE.exec(text);
  if (range) {
    const min = toValue(range[1]!, range[2]!);
    const max = toValue(range[3]!, range[4]!);
    return min <= max ? { min, max, strict: false } : null;
  }
  const bound = BOUND.exec(text);
  if (!bound) return null;
  const value = toValue(bound[2]!, bound[3]!);
  switch (bound[1]) {
    case ">":
      return { min: value, max: null, strict: true };
    case "≥":
    case ">=":
      return { min: value, max: null, strict: false };
    case "<":
    case "≤":
    case "<=":
      return { min: null, max: value, strict: false };
    default:
      return { min: value, max: value, strict: false }; // a bare number: exactly that many
  }
}

/** "1.234,5" with an optional "%" → 1234.5, or the fraction 12.345 for a percentage. */
function toValue(number: string, percent: string): number {
  const n = Number(number.replace(/\./g, "").replace(",", "."));
  return percent === "%" ? n / 100 : n;
}

/**
 * The end of a chart's axis: 100% for shares (or the goal/actual if either goes beyond), and for counts a little room
 * above the larger of the goal and the actual figure.
 *
 * @example axisMax("share", 0.83, { min: 0.7, max: null, strict: true }) // → 1
 * @example axisMax("count", 4, { min: 3, max: 5, strict: false }) // → 6
 */
export function axisMax(unit: "share" | "count", actual: number | null, goal: GoalBounds | null): number {
  const top = Math.max(actual ?? 0, goal?.max ?? 0, goal?.min ?? 0);
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
