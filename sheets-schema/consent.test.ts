import { describe, expect, it } from "vitest";
import { consentsTo } from "./consent.ts";

const HEADER = ["Mã bảng tính hoặc đường dẫn", "Ghi chú"];

describe("consentsTo", () => {
  it("accepts the main spreadsheet by its id or by its address, on any row", () => {
    expect(consentsTo([HEADER, ["khac"], ["tinh-1"]], "tinh-1")).toBe(true);
    expect(consentsTo([HEADER, ["https://docs.google.com/spreadsheets/d/tinh-1/edit#gid=0"]], "tinh-1")).toBe(true);
    expect(consentsTo([HEADER, ["tinh-1\u200B"]], "tinh-1")).toBe(true); // pasted with a zero-width space
  });

  it("accepts the header by one of its aliases", () => {
    expect(consentsTo([["Mã bảng tính"], ["tinh-1"]], "tinh-1")).toBe(true);
  });

  it("refuses another spreadsheet, a prefix of the id, text that merely contains it, an empty tab", () => {
    expect(consentsTo([HEADER, ["tinh-2"]], "tinh-1")).toBe(false);
    expect(consentsTo([HEADER, ["tinh"]], "tinh-1")).toBe(false);
    expect(consentsTo([HEADER, ["gửi về tinh-1"]], "tinh-1")).toBe(false);
    expect(consentsTo([], "tinh-1")).toBe(false);
  });

  it("refuses the id written in another column, or without the header", () => {
    expect(consentsTo([HEADER, ["", "tinh-1"]], "tinh-1")).toBe(false);
    expect(consentsTo([["tinh-1"]], "tinh-1")).toBe(false);
  });
});
