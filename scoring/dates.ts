/** Deadlines: a day/month setting (`Hạn đăng ký`, `Hạn báo cáo`) placed in a given year. */
import type { DayMonth, IsoDate } from "./types.ts";

/**
 * The days in a month of a year (Gregorian).
 *
 * @example daysInMonth(2023, 2) // → 28
 */
export function daysInMonth(year: number, month: number): number {
  // By the calendar's rules rather than through Date: this runs for every registration judged.
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Gregorian leap years: every fourth year, except centuries not divisible by 400.
 *
 * @example isLeapYear(2000) // → true
 * @example isLeapYear(2100) // → false
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The deadline `dayMonth` in `year` as an ISO date. A day past the end of the month (29/02 in a common year)
 * becomes the month's last day, so a deadline set once keeps working every year.
 *
 * @example deadlineIn({ day: 31, month: 3 }, 2024) // → "2024-03-31"
 * @example deadlineIn({ day: 29, month: 2 }, 2023) // → "2023-02-28"
 */
export function deadlineIn(dayMonth: DayMonth, year: number): IsoDate {
  const day = Math.min(dayMonth.day, daysInMonth(year, dayMonth.month));
  return `${String(year).padStart(4, "0")}-${pad2(dayMonth.month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
