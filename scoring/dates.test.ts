import { describe, expect, it } from "vitest";
import { daysInMonth, deadlineIn } from "./dates.ts";

describe("deadlineIn", () => {
  it("places a day and month in the year", () => {
    expect(deadlineIn({ day: 31, month: 3 }, 2024)).toBe("2024-03-31");
    expect(deadlineIn({ day: 1, month: 9 }, 2025)).toBe("2025-09-01");
  });

  it("keeps 29/02 in a leap year", () => {
    expect(deadlineIn({ day: 29, month: 2 }, 2024)).toBe("2024-02-29");
  });

  it("clamps 29/02 to 28/02 in a common year", () => {
    expect(deadlineIn({ day: 29, month: 2 }, 2023)).toBe("2023-02-28");
    expect(deadlineIn({ day: 29, month: 2 }, 2100)).toBe("2100-02-28");
  });

  it("clamps 31 to the last day of a 30-day month", () => {
    expect(deadlineIn({ day: 31, month: 4 }, 2024)).toBe("2024-04-30");
  });
});

describe("daysInMonth", () => {
  it("knows the Gregorian leap years", () => {
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2024, 12)).toBe(31);
  });

  it("agrees with the calendar of Date for every month from 1990 to 2200", () => {
    for (let year = 1990; year <= 2200; year++) {
      for (let month = 1; month <= 12; month++) {
        expect(daysInMonth(year, month)).toBe(new Date(Date.UTC(year, month, 0)).getUTCDate());
      }
    }
  });
});
