/**
 * Numbers, shares and dates written the Vietnamese way, for messages a person reads:
 * comma as decimal separator, dot between thousands, dates as dd/mm/yyyy.
 */
import { round2 } from "./numbers.ts";
import type { Goal, IsoDate } from "./types.ts";

/**
 * A number with at most 2 decimals, trailing zeros dropped.
 *
 * @example formatNumber(1234.5) // → "1.234,5"
 * @example formatNumber(-0.125) // → "-0,13"
 */
export function formatNumber(n: number): string {
  // Vote counts, the usual case in messages: a whole number below 1000 is written as is (no decimals, no dot).
  if (Number.isInteger(n) && n > -1000 && n < 1000) return n < 0 ? `-${-n}` : String(n === 0 ? 0 : n);
  const rounded = round2(n);
  const [whole = "0", decimals] = Math.abs(rounded).toFixed(2).replace(/0+$/, "").replace(/\.$/, "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (rounded < 0 ? "-" : "") + grouped + (decimals ? `,${decimals}` : "");
}

/**
 * A share (fraction) as a percentage.
 *
 * @example formatPercent(0.455) // → "45,5%"
 * @example formatPercent(2 / 3) // → "66,67%"
 */
export function formatPercent(share: number): string {
  return `${formatNumber(share * 100)}%`;
}

/**
 * An ISO date as dd/mm/yyyy.
 *
 * @example formatDate("2024-04-05") // → "05/04/2024"
 */
export function formatDate(date: IsoDate): string {
  const [year, month, day] = date.split("-");
  return `${day}/${month}/${year}`;
}

/**
 * A target's goal as people read it in `Chỉ tiêu {Y}` and on the dashboard; `unit` says whether its figures are
 * shares or counts.
 *
 * @example formatGoal({ kind: "above", min: 0.7 }, "share") // → "> 70%"
 * @example formatGoal({ kind: "atLeast", min: 1 }, "share") // → "≥ 100%"
 * @example formatGoal({ kind: "between", min: 0.25, max: 0.3 }, "share") // → "25% – 30%"
 * @example formatGoal({ kind: "between", min: 4, max: 4 }, "count") // → "4"
 */
export function formatGoal(goal: Goal, unit: "share" | "count"): string {
  const figure = unit === "share" ? formatPercent : formatNumber;
  switch (goal.kind) {
    case "above":
      return `> ${figure(goal.min)}`;
    case "atLeast":
      return `≥ ${figure(goal.min)}`;
    case "between":
      return goal.min === goal.max ? figure(goal.min) : `${figure(goal.min)} – ${figure(goal.max)}`;
    default: {
      const unknown: never = goal;
      throw new Error(`Unknown goal ${JSON.stringify(unknown)}`);
    }
  }
}
