import { describe, expect, it } from "vitest";
import { flatText } from "./flat-text.ts";

describe("flatText", () => {
  it("returns the same text, whatever it holds", () => {
    const day = "24/03/2024";
    for (const text of [
      "",
      `Đăng ký ngày ${day}, sau hạn ${day}`,
      'Tổ "Dân vận" \\ khéo\n\t🌾',
      "half an emoji \ud83c and \udf3e alone",
      "\u0000\u001f\u2028\u2029",
    ]) {
      expect(flatText(text)).toBe(text);
    }
  });
});
