import { describe, expect, it } from "vitest";
import { formatActual, formatDuration, formatShareOf, formatVietnamTime } from "./format.ts";

describe("formatVietnamTime", () => {
  it("shows the wall-clock time in Vietnam (UTC+7)", () => {
    expect(formatVietnamTime("2024-11-05T07:03:00.000Z")).toBe("14:03 ngày 05/11/2024");
  });

  it("moves to the next day in Vietnam after 17:00 UTC", () => {
    expect(formatVietnamTime("2024-12-31T18:00:00Z")).toBe("01:00 ngày 01/01/2025");
  });

  it("gives back text that is not a time unchanged", () => {
    expect(formatVietnamTime("không phải ngày")).toBe("không phải ngày");
  });
});

describe("formatActual", () => {
  it("writes a share as a Vietnamese percentage", () => {
    expect(formatActual({ unit: "share", actual: 0.725 })).toBe("72,5%");
    expect(formatActual({ unit: "share", actual: 307 / 370 })).toBe("82,97%");
  });

  it("writes a count as a whole number", () => {
    expect(formatActual({ unit: "count", actual: 4 })).toBe("4");
  });

  it("writes a dash when there was nothing to measure", () => {
    expect(formatActual({ unit: "share", actual: null })).toBe("—");
  });
});

describe("formatShareOf", () => {
  it("gives the part, the whole and the share", () => {
    expect(formatShareOf(3, 4)).toBe("3/4 (75%)");
    expect(formatShareOf(1234, 2000)).toBe("1.234/2.000 (61,7%)");
  });

  it("gives a dash for an empty whole", () => {
    expect(formatShareOf(0, 0)).toBe("—");
  });
});

describe("formatDuration", () => {
  it("writes seconds with one decimal under a minute", () => {
    expect(formatDuration(2345)).toBe("2,3 giây");
  });

  it("writes minutes and seconds from a minute on", () => {
    expect(formatDuration(75_000)).toBe("1 phút 15 giây");
  });
});
