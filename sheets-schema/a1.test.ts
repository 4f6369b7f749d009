import { describe, expect, it } from "vitest";
import { cellRef, columnLetters, quoteTab } from "./a1.ts";

describe("columnLetters", () => {
  it("names the first columns A to Z", () => {
    expect(columnLetters(0)).toBe("A");
    expect(columnLetters(7)).toBe("H");
    expect(columnLetters(25)).toBe("Z");
  });

  it("names column 27 AA, then AB, and AZ then BA", () => {
    expect(columnLetters(26)).toBe("AA");
    expect(columnLetters(27)).toBe("AB");
    expect(columnLetters(51)).toBe("AZ");
    expect(columnLetters(52)).toBe("BA");
  });

  it("names column 703 AAA", () => {
    expect(columnLetters(701)).toBe("ZZ");
    expect(columnLetters(702)).toBe("AAA");
  });
});

describe("cellRef", () => {
  it("quotes the tab title as Google does", () => {
    expect(cellRef("Đăng ký", 12, 7)).toBe("'Đăng ký'!H12");
  });

  it("doubles a single quote inside the tab title", () => {
    expect(quoteTab("Tom's")).toBe("'Tom''s'");
    expect(cellRef("Tom's", 1, 26)).toBe("'Tom''s'!AA1");
  });
});
