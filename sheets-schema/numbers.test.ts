import { describe, expect, it } from "vitest";
import { parseNumberText, readNumber, readShare, readYear, wholeCountReader } from "./numbers.ts";

describe("readNumber", () => {
  it("reads number cells as they are", () => {
    expect(readNumber(12)).toEqual({ ok: true, value: 12 });
    expect(readNumber(0.75)).toEqual({ ok: true, value: 0.75 });
  });

  it("reads 1.234 as one thousand two hundred thirty-four", () => {
    expect(readNumber("1.234")).toEqual({ ok: true, value: 1234 });
    expect(readNumber("1.234.567")).toEqual({ ok: true, value: 1234567 });
  });

  it("reads 0,75 as three quarters", () => {
    expect(readNumber("0,75")).toEqual({ ok: true, value: 0.75 });
  });

  it("reads 1.234,5 with both separators", () => {
    expect(readNumber("1.234,5")).toEqual({ ok: true, value: 1234.5 });
  });

  it("reads 1,234 the Vietnamese way, as 1.234 (comma is the decimal mark)", () => {
    expect(readNumber("1,234")).toEqual({ ok: true, value: 1.234 });
  });

  it("reads a dot not followed by exactly three digits as a decimal point", () => {
    expect(parseNumberText("0.3")).toBe(0.3);
    expect(parseNumberText("12.5")).toBe(12.5);
  });

  it("reads unambiguous English notation", () => {
    expect(parseNumberText("1,234,567")).toBe(1234567);
    expect(parseNumberText("1,234.5")).toBe(1234.5);
  });

  it("ignores spaces, non-breaking ones included, between digit groups", () => {
    expect(parseNumberText("1 234")).toBe(1234);
    expect(parseNumberText("1\u00A0234")).toBe(1234);
  });

  it("reports text that is not a number, NaN and Infinity", () => {
    expect(readNumber("abc")).toEqual({ ok: false, message: 'Không đọc được số "abc"' });
    expect(readNumber(Number.NaN).ok).toBe(false);
    expect(readNumber(Number.POSITIVE_INFINITY).ok).toBe(false);
    expect(readNumber("1.2.3").ok).toBe(false);
    expect(readNumber(true).ok).toBe(false);
  });

  it("reads an empty cell as null", () => {
    expect(readNumber(undefined)).toEqual({ ok: true, value: null });
  });
});

describe("wholeCountReader", () => {
  const readVotes = wholeCountReader("Số phiếu");

  it("accepts whole non-negative counts, 1.234 included", () => {
    expect(readVotes(12)).toEqual({ ok: true, value: 12 });
    expect(readVotes("1.234")).toEqual({ ok: true, value: 1234 });
    expect(readVotes(0)).toEqual({ ok: true, value: 0 });
  });

  it("refuses negative and fractional counts", () => {
    const refused = { ok: false, message: "Số phiếu phải là số nguyên không âm" };
    expect(readVotes(-3)).toEqual(refused);
    expect(readVotes(2.5)).toEqual(refused);
    expect(readVotes("0,5")).toEqual(refused);
    expect(readVotes("mười")).toEqual(refused);
  });
});

describe("readShare", () => {
  it("reads 30%, 30, 0,3 and 0.3 as 0.3", () => {
    for (const cell of ["30%", "30", "0,3", "0.3", 0.3, 30, " 30 % "])
      expect(readShare(cell)).toEqual({ ok: true, value: 0.3 });
  });

  it("reads a share pasted with an invisible character as the share it shows", () => {
    for (const cell of ["30%\u200B", "\uFEFF30 %", "30\u00A0%"])
      expect(readShare(cell)).toEqual({ ok: true, value: 0.3 });
  });

  it("reads 1 as 100% and 0,5% as half a percent", () => {
    expect(readShare(1)).toEqual({ ok: true, value: 1 });
    expect(readShare("0,5%")).toEqual({ ok: true, value: 0.005 });
  });

  it("refuses shares above 100% or below 0", () => {
    expect(readShare("120%").ok).toBe(false);
    expect(readShare(-0.1).ok).toBe(false);
  });
});

describe("readYear", () => {
  it("reads a whole year, as number or text", () => {
    expect(readYear(2024)).toEqual({ ok: true, value: 2024 });
    expect(readYear("2024")).toEqual({ ok: true, value: 2024 });
  });

  it("refuses a year that is not plausible or not whole", () => {
    for (const cell of [24, 2024.5, 45382, "năm nay", 3000]) {
      expect(readYear(cell).ok).toBe(false);
    }
    expect(readYear("24")).toEqual({
      ok: false,
      message: 'Năm "24" không hợp lệ; hãy ghi năm bằng 4 chữ số, ví dụ 2024',
    });
  });
});
