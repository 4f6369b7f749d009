/**
 * Vietnam's clock. Vietnam keeps UTC+7 all year (no daylight saving), so a fixed offset is exact: the run log, the
 * dashboard and the nightly run all read the wall clock through this one file.
 */

/** UTC+7 in milliseconds. */
export const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * A Date whose UTC fields (getUTCHours, toISOString…) read Vietnam's wall clock at the instant `utcMs`.
 *
 * @example vietnamWallClock(Date.UTC(2024, 4, 1, 2)).toISOString() // → "2024-05-01T09:00:00.000Z"
 */
export function vietnamWallClock(utcMs: number): Date {
  return new Date(utcMs + VIETNAM_OFFSET_MS);
}

/**
 * The calendar year in Vietnam at a UTC instant.
 *
 * @example yearInVietnam(Date.UTC(2024, 11, 31, 18)) // → 2025 (01:00 on 1 January in Vietnam)
 */
export function yearInVietnam(utcMs: number): number {
  return vietnamWallClock(utcMs).getUTCFullYear();
}
