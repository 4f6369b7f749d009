import { describe, expect, it } from "vitest";
import { vietnamWallClock, yearInVietnam } from "./vietnam-time.ts";

describe("Vietnam's clock", () => {
  it("is seven hours ahead of UTC, in winter as in summer", () => {
    expect(vietnamWallClock(Date.UTC(2024, 0, 15, 2, 30)).toISOString()).toBe("2024-01-15T09:30:00.000Z");
    expect(vietnamWallClock(Date.UTC(2024, 6, 15, 2, 30)).toISOString()).toBe("2024-07-15T09:30:00.000Z");
  });

  it("turns the year at 17:00 UTC on 31 December", () => {
    expect(yearInVietnam(Date.UTC(2024, 11, 31, 16, 59))).toBe(2024);
    expect(yearInVietnam(Date.UTC(2024, 11, 31, 17, 0))).toBe(2025);
  });
});
