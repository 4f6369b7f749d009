/**
 * How the dashboard writes figures and times for a Vietnamese reader. Shares and numbers come from scoring/format.ts
 * (the same words the generated tabs use); this file adds what only a page needs.
 */
import { formatNumber, formatPercent } from "../../scoring/format.ts";
import type { TargetResult } from "../../scoring/types.ts";
import { vietnamWallClock } from "../../sheets-schema/vietnam-time.ts";

/**
 * An ISO instant as the wall-clock time in Vietnam.
 *
 * @example formatVietnamTime("2024-11-05T07:03:00.000Z") // → "14:03 ngày 05/11/2024"
 * @example formatVietnamTime("không phải ngày") // → "không phải ngày"
 */
export function formatVietnamTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = vietnamWallClock(ms);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(d.getUTCHours())}:${two(d.getUTCMinutes())} ngày ${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/**
 * A target's actual figure as printed beside its bar; "—" when there was nothing to measure.
 *
 * @example formatActual({ unit: "share", actual: 0.725 }) // → "72,5%"
 * @example formatActual({ unit: "count", actual: 4 }) // → "4"
 */
export function formatActual(target: Pick<TargetResult, "unit" | "actual">): string {
  if (target.actual === null) return "—";
  return target.unit === "share" ? formatPercent(target.actual) : formatNumber(target.actual);
}

/**
 * A share of a count for a summary line; "—" for an empty count.
 *
 * @example formatShareOf(3, 4) // → "3/4 (75%)"
 */
export function formatShareOf(part: number, whole: number): string {
  return whole === 0 ? "—" : `${formatNumber(part)}/${formatNumber(whole)} (${formatPercent(part / whole)})`;
}

/**
 * A duration for a person: seconds with one decimal below a minute.
 *
 * @example formatDuration(2345) // → "2,3 giây"
 * @example formatDuration(75_000) // → "1 phút 15 giây"
 */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${formatNumber(Math.round(ms / 100) / 10)} giây`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} phút ${seconds % 60} giây`;
}
