/**
 * Arithmetic the rules need to get exactly right despite binary floating point.
 *
 * `1.005 * 100` is `100.49999999999999` and `0.29 * 100` is `28.999999999999996`: a naive round or floor gives the
 * wrong answer on figures a person can check by hand. Each helper first drops the last few digits of noise.
 */

/** Tolerance for comparing shares that are exact fractions in the real world (votes, unit counts, typed percents). */
const SHARE_TOLERANCE = 1e-12;

/** Drops binary noise beyond 12 significant digits: 100.49999999999999 → 100.5. */
function denoise(x: number): number {
  return Number(x.toPrecision(12));
}

/**
 * Rounds to 2 decimals, half away from zero.
 *
 * @example round2(1.005) // → 1.01
 * @example round2(-2.675) // → -2.68
 * @example round2(66.666) // → 66.67
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const hundredths = Math.abs(x) * 100;
  // A whole number of hundredths (most score parts: 50, 25, 20…) is already rounded; the string round trip of
  // `denoise` would give it back unchanged, at a thousand times the cost.
  const rounded =
    (Number.isInteger(hundredths) && hundredths < 1e12 ? hundredths : Math.round(denoise(hundredths))) / 100;
  // `|| 0` turns -0 into 0 so results compare and serialise as a person expects.
  return (x < 0 ? -rounded : rounded) || 0;
}

/**
 * ⌊share × count⌋ for a share that was typed as a decimal.
 *
 * @example floorOfShare(0.29, 100) // → 29 (not 28)
 * @example floorOfShare(0.3, 7) // → 2
 */
export function floorOfShare(share: number, count: number): number {
  return Math.floor(denoise(share * count));
}

/**
 * The share is strictly above the threshold ("trên 50%").
 *
 * @example isAbove(5 / 10, 0.5) // → false
 * @example isAbove(6 / 11, 0.5) // → true
 */
export function isAbove(share: number, threshold: number): boolean {
  return share - threshold > SHARE_TOLERANCE;
}

/**
 * The share reaches the threshold ("ít nhất 100%", the lower end of "25% – 30%").
 *
 * @example isAtLeast(3 / 10, 0.3) // → true
 */
export function isAtLeast(share: number, threshold: number): boolean {
  return share - threshold >= -SHARE_TOLERANCE;
}

/**
 * The share does not pass the threshold (the upper end of "25% – 30%").
 *
 * @example isAtMost(3 / 10, 0.3) // → true
 */
export function isAtMost(share: number, threshold: number): boolean {
  return share - threshold <= SHARE_TOLERANCE;
}

/**
 * Sum that does not depend on the order of its terms (they are added smallest first), so the result is the same
 * however the spreadsheet rows were ordered.
 *
 * @example orderFreeSum([0.1, 0.2, 0.3]) === orderFreeSum([0.3, 0.2, 0.1]) // → true
 */
export function orderFreeSum(values: readonly number[]): number {
  // Two terms add up the same either way round (floating-point addition is commutative; only the grouping of three
  // or more changes the sum), so sorting, and the copy it needs once per unit, is only done from three terms on.
  if (values.length <= 2) return values.reduce((sum, v) => sum + v, 0);
  return [...values].sort((a, b) => a - b).reduce((sum, v) => sum + v, 0);
}
