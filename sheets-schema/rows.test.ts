import { describe, expect, it } from "vitest";
import { FirstSeen } from "./rows.ts";

describe("FirstSeen", () => {
  it("gives nothing for a new code, and the first row for a repeated one", () => {
    const seen = new FirstSeen();
    expect(seen.earlier(2024, "M1", 2)).toBeUndefined();
    expect(seen.earlier(2024, "M2", 3)).toBeUndefined();
    expect(seen.earlier(2024, "M1", 4)).toBe(2);
    expect(seen.earlier(2024, "M1", 5)).toBe(2);
  });

  it("keeps years apart", () => {
    const seen = new FirstSeen();
    expect(seen.earlier(2023, "M1", 2)).toBeUndefined();
    expect(seen.earlier(2024, "M1", 3)).toBeUndefined();
    expect(seen.earlier(2024, "M1", 9)).toBe(3);
  });

  it("knows the first row of every code, before and after the first repeat of its year", () => {
    const seen = new FirstSeen();
    for (let i = 0; i < 1000; i++) seen.earlier(2024, `C${i}`, i + 2);
    expect(seen.earlier(2024, "C500", 5000)).toBe(502); // the first repeat
    for (let i = 1000; i < 1100; i++) seen.earlier(2024, `C${i}`, i + 2); // new codes after it
    expect(seen.earlier(2024, "C0", 6000)).toBe(2);
    expect(seen.earlier(2024, "C1099", 6001)).toBe(1101);
    expect(seen.earlier(2024, "C1100", 6002)).toBeUndefined();
  });
});
