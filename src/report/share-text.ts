import { formatPercent } from "../../scoring/format.ts";

/**
 * A share written as a percentage, or a dash when there is nothing to divide by.
 *
 * @example shareText(3, 4) // → "75%"
 * @example shareText(0, 0) // → "–"
 */
export function shareText(part: number, whole: number): string {
  return whole === 0 ? "–" : formatPercent(part / whole);
}
