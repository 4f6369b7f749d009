import { describe, expect, it } from "vitest";
import { codeOf, readCode, readText, textOf } from "./text-cells.ts";

describe("readCode", () => {
  it("reads codes trimmed and upper-cased", () => {
    expect(readCode(" xa01 ")).toEqual({ ok: true, value: "XA01" });
    expect(readCode("thôn\u00A01")).toEqual({ ok: true, value: "THÔN 1" });
  });

  it("reads a number typed as a code as its digits", () => {
    expect(readCode(101)).toEqual({ ok: true, value: "101" });
  });

  it("refuses a checkbox value as a code", () => {
    expect(readCode(true).ok).toBe(false);
  });
});

describe("readText", () => {
  it("keeps the text as typed, tidied", () => {
    expect(readText("  Chợ   an toàn ")).toEqual({ ok: true, value: "Chợ an toàn" });
    expect(readText("=Xã Tây")).toEqual({ ok: true, value: "=Xã Tây" });
  });

  it("reads an empty cell as null", () => {
    expect(readText("\u200B ")).toEqual({ ok: true, value: null });
  });
});

describe("codeOf and textOf", () => {
  it("read what readCode and readText read, as plain values", () => {
    for (const cell of [" xa01 ", "thôn\u00A01", 101, "", "\u200B ", undefined, true, Number.NaN]) {
      const code = readCode(cell);
      expect(codeOf(cell)).toBe(code.ok ? code.value : undefined);
      const text = readText(cell);
      expect(textOf(cell)).toBe(text.ok ? text.value : undefined);
    }
  });
});
