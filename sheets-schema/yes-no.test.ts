import { describe, expect, it } from "vitest";
import { readYesNo } from "./yes-no.ts";

const yes = { ok: true, value: true };
const no = { ok: true, value: false };

describe("readYesNo", () => {
  it("reads Có and Không, with or without diacritics, in any case", () => {
    for (const text of ["Có", "có", "CÓ", "co", "Co"]) expect(readYesNo(text)).toEqual(yes);
    for (const text of ["Không", "không", "KHÔNG", "khong", "Ko"]) expect(readYesNo(text)).toEqual(no);
  });

  it("reads C and K", () => {
    expect(readYesNo("C")).toEqual(yes);
    expect(readYesNo("k")).toEqual(no);
  });

  it("reads a tick or a cross mark as yes", () => {
    for (const text of ["x", "X", "✓", "✔", "☑", " x "]) expect(readYesNo(text)).toEqual(yes);
  });

  it("reads checkbox cells TRUE and FALSE", () => {
    expect(readYesNo(true)).toEqual(yes);
    expect(readYesNo(false)).toEqual(no);
  });

  it("reads the strings TRUE and FALSE", () => {
    expect(readYesNo("TRUE")).toEqual(yes);
    expect(readYesNo("false")).toEqual(no);
  });

  it("reads 1 and 0, as numbers and as text", () => {
    expect(readYesNo(1)).toEqual(yes);
    expect(readYesNo(0)).toEqual(no);
    expect(readYesNo("1")).toEqual(yes);
    expect(readYesNo("0")).toEqual(no);
  });

  it("reads Đạt and Không đạt, also without diacritics", () => {
    expect(readYesNo("Đạt")).toEqual(yes);
    expect(readYesNo("Không đạt")).toEqual(no);
    expect(readYesNo("khong dat")).toEqual(no);
  });

  it("reads Yes and No", () => {
    expect(readYesNo("Yes")).toEqual(yes);
    expect(readYesNo("NO")).toEqual(no);
  });

  it("reads an empty cell as null, which callers take as no", () => {
    expect(readYesNo(undefined)).toEqual({ ok: true, value: null });
    expect(readYesNo("  ")).toEqual({ ok: true, value: null });
  });

  it("reports anything else in Vietnamese, quoting the value", () => {
    expect(readYesNo("abc")).toEqual({ ok: false, message: 'Không hiểu "abc" là Có hay Không' });
    expect(readYesNo(2)).toEqual({ ok: false, message: 'Không hiểu "2" là Có hay Không' });
  });
});
